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
            Revisions are named by number (69/28), symbol (A/RES/69/28), session (69), tag or commit.
            The repository defaults to $LINEAGE_REPO, or lineage.git in the current folder.
            """,
        subcommands: [
            ParseCommand.self, BuildCommand.self, LogCommand.self, DiffCommand.self, BlameCommand.self, HistoryCommand.self, SearchCommand.self, ChangelogCommand.self,
            ReportCommand.self, ChartCommand.self, ExportCommand.self,
        ]
    )

    /// Runs the command; lineage's own errors print as `error: …` (and `hint: …`) on stderr
    /// with exit status 1, like git's.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as LineageError {
            Terminal.standardError.write("error: \(error.message)\n")
            if let hint = error.hint { Terminal.standardError.write("hint: \(hint)\n") }
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
