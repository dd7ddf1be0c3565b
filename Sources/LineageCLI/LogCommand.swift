import ArgumentParser
import Lineage
import ResolutionText

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

    /// Text and JSON are written revision by revision (the JSON array one element at a time, the
    /// same text as rendering it whole), so memory does not grow with the output; the graph is
    /// drawn whole.
    func run() throws {
        let history = try History.open(repository.repo)
        switch format {
        case .json:
            let revisions = history.revisions.reversed()
            guard !revisions.isEmpty else { return print(JSONValue.array([]).rendered()) }
            print("[\n  ", terminator: "")
            for (i, revision) in revisions.enumerated() {
                if i > 0 { print(",\n  ", terminator: "") }
                print(revision.logJSON.rendered(nestedAt: 1), terminator: "")
            }
            print("\n]")
        default:
            let style = Style(enabled: colors.enabled)
            if graph {
                print(LogView.graph(history, style: style), terminator: "")
            } else {
                try LogView.text(history, style: style) { print($0, terminator: "") }
            }
        }
    }
}
