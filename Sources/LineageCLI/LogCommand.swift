import ArgumentParser
import Lineage

/// `lineage log`: the revisions, newest first, like `git log`.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the revisions, newest first, with their metadata.",
        discussion: "With --graph, draws the lines of the series as `git log --graph` does, with why each parent was chosen.")

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Draw the graph of the lines (forks and merges), with why each parent was chosen.")
    var graph = false

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if format == .markdown { throw ValidationError("log prints text or json") }
    }

    func run() throws {
        let history = try History.open(repository.repo)
        switch format {
        case .json: print(LogView.json(history).rendered())
        default:
            let style = Style(enabled: colors.enabled)
            print(graph ? LogView.graph(history, style: style) : LogView.text(history, style: style), terminator: "")
        }
    }
}
