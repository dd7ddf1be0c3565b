import ArgumentParser
import Lineage

/// `lineage log`: the revisions, newest first, like `git log`.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the revisions, newest first, with their metadata.")

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if format == .markdown { throw ValidationError("log prints text or json") }
    }

    func run() throws {
        let history = try History.open(repository.repo)
        switch format {
        case .json: print(LogView.json(history).rendered())
        default: print(LogView.text(history, style: Style(enabled: colors.enabled)), terminator: "")
        }
    }
}
