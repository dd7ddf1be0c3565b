import ArgumentParser
import Foundation
import Lineage

/// `lineage`: the command-line tool. Each subcommand lives in the file named after it; they
/// parse arguments, call the `Lineage` module, and print. No logic of their own.
@main
struct LineageTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Track how a resolution's text evolves, as a git history with clause-level lineage.",
        discussion: """
            Revisions are named as git names commits, and as resolutions are cited: HEAD, a line \
            (branch), a number (69/28), a symbol (A/RES/69/28, a/res/69/28.), a session (69), a \
            year of adoption (2014), a tag or a commit (at least 4 hex digits), each followed by \
            any steps back: ~N (N first parents back), ^N (the Nth parent of a merge).
            A repository holds the record: every series of its corpus (`lineage series` lists \
            them); a revision belongs to one series, and each command works inside it.
            The repository defaults to $LINEAGE_REPO, or lineage.git in the current folder.
            """,
        version: LineageVersion.description,
        subcommands: [
            ParseCommand.self, BuildCommand.self, SeriesCommand.self, LogCommand.self, ShowCommand.self, DiffCommand.self, BlameCommand.self,
            HistoryCommand.self, SearchCommand.self, OriginCommand.self, ChangelogCommand.self, ReportCommand.self, ChartCommand.self,
            ExportCommand.self,
        ]
    )

    /// Runs the command. lineage's own errors print as `error: …` (and `hint: …`) on stderr with
    /// exit status 1, like git's; usage errors as the argument parser words them, with its exit
    /// status (64). Whatever goes to stderr is sanitized (``Terminal/writeMessage(_:)``): a file
    /// name or argument never brings a raw escape sequence with it.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot(LogCommand.gitCountForms(Array(CommandLine.arguments.dropFirst())))
        } catch {
            exitParsing(error)
        }
        do {
            try command.run()
            StandardOutput.shared.flush()
        } catch let error as LineageError {
            fail(error)
        } catch let error where LineageError.isStorage(error) {
            // An error from below lineage's own checks: said in words, never as libgit2's
            // function name and code.
            fail(LineageError.storage(error))
        } catch {
            exitParsing(error)
        }
    }

    /// Help, `--version` and usage errors, as the argument parser words them (help and version
    /// on stdout, status 0; usage errors on stderr, status 64).
    static func exitParsing(_ error: any Error) -> Never {
        StandardOutput.shared.flush()
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            StandardOutput.shared.flush()
        } else if !message.isEmpty {
            Terminal.standardError.writeMessage(message + "\n")
        }
        Foundation.exit(code.rawValue)
    }

    static func fail(_ error: LineageError) -> Never {
        StandardOutput.shared.flush()
        Terminal.standardError.writeMessage("error: \(error.message)\n")
        if let hint = error.hint { Terminal.standardError.writeMessage("hint: \(hint)\n") }
        Foundation.exit(1)
    }
}
