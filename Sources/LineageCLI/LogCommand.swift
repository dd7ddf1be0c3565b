import ArgumentParser
import Lineage
import ResolutionText

/// `lineage log`: the revisions, newest first, like `git log`.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the revisions, newest first, with their metadata.",
        discussion: """
            With --graph, draws the lines of the series as `git log --graph` does, with why each \
            parent was chosen; --oneline prints one line per revision (with --graph too); -n N \
            shows the newest N; REV lists REV and the revisions it continues, as `git log REV`. \
            A repository may hold many series (`lineage series` lists them): without REV, log \
            lists the series of HEAD (every line of it); --series NAME lists another, --all \
            lists every revision of every series.
            """)

    @Argument(help: ArgumentHelp("List REV and the revisions it continues (default: every line of HEAD's series).", valueName: "rev"))
    var revision: String?

    @Flag(help: "List every revision of every series.")
    var all = false

    @Option(help: ArgumentHelp("List the revisions of this series (`lineage series` lists them).", valueName: "name"))
    var series: String?

    @OptionGroup var repository: RepositoryOptions

    @Option(help: OutputFormat.help)
    var format: OutputFormat = .text

    @Flag(help: "Draw the graph of the lines (forks and merges), with why each parent was chosen.")
    var graph = false

    @Flag(help: "One line per revision: commit, number, decorations and title.")
    var oneline = false

    @Option(name: [.customShort("n"), .customLong("max-count")], help: ArgumentHelp("Show the newest N revisions only.", valueName: "n"))
    var maxCount: Int?

    @OptionGroup var colors: ColorOptions

    /// `git log`'s other spellings of a count, `-n3` and `-3`, as `-n 3`, for `lineage log` only
    /// (the argument parser reads a short option's value only as the next argument). Anything
    /// after `--`, or the value of `-n` itself (`-n -1`, refused), is left as it is.
    /// - Complexity: O(arguments).
    static func gitCountForms(_ arguments: [String]) -> [String] {
        guard arguments.first == configuration.commandName else { return arguments }
        func isCount(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { ("0"..."9").contains($0) } }
        var out = [arguments[0]]
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            if argument == "--" { out.append(argument); out += rest; break }
            let previous = out.last
            if previous != "-n" && previous != "--max-count", argument.hasPrefix("-"), !argument.hasPrefix("--") {
                let body = argument.dropFirst()
                if isCount(body) {
                    out += ["-n", String(body)]
                    continue
                }
                if body.first == "n", isCount(body.dropFirst()) {
                    out += ["-n", String(body.dropFirst())]
                    continue
                }
            }
            out.append(argument)
        }
        return out
    }

    func validate() throws {
        if let maxCount, maxCount < 0 { throw ValidationError("-n expects a number of revisions, 0 or more") }
        if format != .text && (graph || oneline) { throw ValidationError("--graph and --oneline draw text: leave out --format \(format.rawValue)") }
        if [revision != nil, all, series != nil].filter({ $0 }).count > 1 {
            throw ValidationError("name one of REV, --all and --series NAME: each says which revisions to list")
        }
    }

    /// The revisions to list, in history order: REV and its ancestors, every revision (--all),
    /// a series (--series), or the series of HEAD.
    static func listed(_ history: History, revision: String?, all: Bool, series: String?) throws(LineageError) -> [Revision] {
        if let revision { return history.reachable(from: try history.revision(named: revision)) }
        if let series { return history.revisions(of: try history.series(matching: series)) }
        if all || history.series.count <= 1 { return history.revisions }
        return history.defaultSeries.map(history.revisions(of:)) ?? history.revisions
    }

    /// Text and JSON are written revision by revision (the JSON array one element at a time, the
    /// same text as rendering it whole), so memory does not grow with the output; the graph is
    /// drawn whole.
    func run() throws {
        let history = try History.open(repository.repo)
        let listed = try Self.listed(history, revision: revision, all: all, series: series)
        let newest = listed.reversed().prefix(maxCount ?? Int.max)
        // Several series shown together: each revision says which it belongs to.
        let severalSeries = history.series.count > 1
        if severalSeries, revision == nil, !all, series == nil, format == .text, let shown = history.defaultSeries {
            Terminal.standardError.writeMessage(
                "(the series \(shown.name), 1 of \(history.series.count) in \(repository.repo): --all lists every revision, `lineage series` the series)\n")
        }
        switch format {
        case .json:
            guard !newest.isEmpty else { return print(JSONValue.array([]).rendered()) }
            print("[\n  ", terminator: "")
            for (i, revision) in newest.enumerated() {
                if i > 0 { print(",\n  ", terminator: "") }
                print(revision.logJSON(series: history.series(of: revision)?.name).rendered(nestedAt: 1), terminator: "")
            }
            print("\n]")
        case .csv:
            print(CSV.row(["number", "symbol", "session", "adopted", "title", "commit", "parents", "line", "series"]), terminator: "")
            for r in newest {
                print(CSV.row([
                    r.number, r.symbol, r.session.map(String.init) ?? "", r.adopted?.iso ?? "", r.title ?? "",
                    r.commit?.hex ?? "", history.parents(of: r).map(\.number).joined(separator: " "), r.line ?? "",
                    history.series(of: r)?.name ?? "",
                ]), terminator: "")
            }
        case .markdown:
            print("| revision | symbol | adopted | line | parents | title |\n|---|---|---|---|---|---|")
            for r in newest {
                let cells = [
                    r.number, r.symbol, r.adopted?.iso ?? "", r.line ?? "", history.parents(of: r).map(\.number).joined(separator: ", "),
                    r.title ?? "",
                ]
                print("| " + cells.map { Redline.escapeMarkdown(Terminal.sanitize($0)) }.joined(separator: " | ") + " |")
            }
        case .text:
            let style = Style(enabled: colors.enabled)
            // The series is named where revisions of several may be listed together.
            let seriesShown = severalSeries && all
            if graph {
                print(
                    LogView.graph(Array(newest), tips: history.tips, oneline: oneline, style: style, series: seriesShown ? history : nil),
                    terminator: "")
            } else if oneline {
                let tips = history.tips
                for r in newest { print(LogView.oneline(r, tips: tips, style: style, series: seriesShown ? history.series(of: r)?.name : nil)) }
            } else {
                let tips = history.tips
                for (i, r) in newest.enumerated() {
                    print((i > 0 ? "\n" : "") + (try LogView.entry(r, in: history, tips: tips, style: style)), terminator: "")
                }
            }
        }
    }
}
