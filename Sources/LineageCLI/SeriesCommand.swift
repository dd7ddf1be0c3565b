import ArgumentParser
import Lineage
import ResolutionText

/// `lineage series`: the series of the record, one row each, like `git branch` lists branches.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "List the series of the repository: revisions, first and last, lines.",
        discussion: """
            A series is the revisions joined to one another through parents; it is named after \
            the line (branch) of its first revision. One row per series: its name, how many \
            revisions it has, its first and last revision (number and adoption date) and its \
            lines. The series of HEAD is marked `*` (`"default": true` in JSON). Rows come in the \
            order of their first revisions (the oldest series first), as --sort first; --sort \
            last orders by the latest revision, --sort revisions by size (largest first), --sort \
            name by name.
            """)

    enum Order: String, ExpressibleByArgument, CaseIterable { case first, last, revisions, name }

    @OptionGroup var repository: RepositoryOptions
    @Option(help: OutputFormat.help) var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Order of the rows: first, last, revisions or name.", valueName: "order")) var sort: Order = .first

    func run() throws {
        let history = try History.open(repository.repo)
        let rows = SeriesView.rows(history, order: sort)
        print(SeriesView.render(rows, format: format, path: repository.repo), terminator: "")
    }
}

/// How `lineage series` prints.
enum SeriesView {
    /// One series as listed.
    struct Row {
        var name: String
        var revisions: Int
        var first: Revision
        var last: Revision
        var lines: [String]
        var isDefault: Bool
    }

    /// The rows of `history`'s series, in `order` (ties by the order of first revisions).
    /// - Complexity: O(revisions + series · log series).
    static func rows(_ history: History, order: SeriesCommand.Order) -> [Row] {
        let head = history.defaultSeries?.name
        let rows = history.series.compactMap { series -> Row? in
            guard let first = series.positions.first, let last = series.positions.last else { return nil }
            return Row(
                name: series.name, revisions: series.positions.count, first: history.revisions[first],
                last: history.revisions[last], lines: series.lines, isDefault: series.name == head)
        }
        let indexed = Array(rows.enumerated())
        let sorted: [(offset: Int, element: Row)]
        switch order {
        case .first: return rows
        case .last:
            // History order is adoption order: a later last revision has a later position.
            let lastPosition = Dictionary(uniqueKeysWithValues: history.series.map { ($0.name, $0.positions.last ?? 0) })
            sorted = indexed.sorted { (lastPosition[$0.element.name] ?? 0, $0.offset) < (lastPosition[$1.element.name] ?? 0, $1.offset) }
        case .revisions: sorted = indexed.sorted { ($1.element.revisions, $0.offset) < ($0.element.revisions, $1.offset) }
        case .name: sorted = indexed.sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }
        }
        return sorted.map(\.element)
    }

    static func render(_ rows: [Row], format: OutputFormat, path: String) -> String {
        switch format {
        case .json: return json(rows).rendered() + "\n"
        case .csv:
            var out = CSV.row(["name", "revisions", "first", "first_adopted", "last", "last_adopted", "lines", "default"])
            for r in rows {
                out += CSV.row([
                    r.name, String(r.revisions), r.first.number, r.first.adopted?.iso ?? "", r.last.number, r.last.adopted?.iso ?? "",
                    r.lines.joined(separator: " "), r.isDefault ? "true" : "false",
                ])
            }
            return out
        case .markdown:
            var out = "| series | revisions | first | last | lines |\n|---|---:|---|---|---:|\n"
            for r in rows {
                let name = Redline.escapeMarkdown(Terminal.sanitize(r.name)) + (r.isDefault ? " (HEAD)" : "")
                out += "| \(name) | \(r.revisions) | \(r.first.number) (\(r.first.adopted?.iso ?? "?")) | "
                    + "\(r.last.number) (\(r.last.adopted?.iso ?? "?")) | \(r.lines.count) |\n"
            }
            return out
        case .text: return text(rows, path: path)
        }
    }

    /// `[{"name","revisions","first":{"number","adopted"},"last":{…},"lines":[names],"default"}]`.
    static func json(_ rows: [Row]) -> JSONValue {
        func end(_ r: Revision) -> JSONValue { .object([("number", .string(r.number)), ("adopted", .string(r.adopted?.iso))]) }
        return .array(rows.map { r in
            .object([
                ("name", .string(r.name)), ("revisions", .int(r.revisions)), ("first", end(r.first)), ("last", end(r.last)),
                ("lines", .array(r.lines.map { .string($0) })), ("default", .bool(r.isDefault)),
            ])
        })
    }

    /// An aligned table, the series of HEAD marked `*`, then a count:
    ///
    /// ```
    ///   series                                    revisions  first              last               lines
    /// * developments-in-the-field-of-information          8  59/61 2004-12-03   76/19 2021-12-06       2
    /// 1 series, 8 revisions in lineage.git
    /// ```
    static func text(_ rows: [Row], path: String) -> String {
        func end(_ r: Revision) -> String { r.number + " " + (r.adopted?.iso ?? "????-??-??") }
        let names = rows.map { Terminal.sanitize($0.name) }
        let nameWidth = max("series".count, names.map(\.count).max() ?? 0)
        let firstWidth = max("first".count, rows.map { end($0.first).count }.max() ?? 0)
        let lastWidth = max("last".count, rows.map { end($0.last).count }.max() ?? 0)
        let countWidth = "revisions".count
        func right(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        var out = "  " + "series".padded(nameWidth) + "  " + "revisions" + "  " + "first".padded(firstWidth) + "  "
            + "last".padded(lastWidth) + "  lines\n"
        for (r, name) in zip(rows, names) {
            out += (r.isDefault ? "* " : "  ") + name.padded(nameWidth) + "  " + right(String(r.revisions), countWidth) + "  "
                + end(r.first).padded(firstWidth) + "  " + end(r.last).padded(lastWidth) + "  " + right(String(r.lines.count), "lines".count) + "\n"
        }
        let total = rows.reduce(0) { $0 + $1.revisions }
        out += "\(rows.count) series, \(total) revision\(total == 1 ? "" : "s") in \(Terminal.sanitize(path))\n"
        return out
    }
}
