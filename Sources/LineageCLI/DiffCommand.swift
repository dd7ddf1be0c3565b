import ArgumentParser
import Lineage
import LineageCore
import ResolutionText

/// `lineage diff A B`: the aligned changes between two revisions, with word-level redlines;
/// `lineage diff REV`: what REV changed against its parent(s), as `git show` shows a commit.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the clause-by-clause changes between two revisions, with word redlines.",
        discussion: """
            With one revision, what it changed against its parent: for a merge, against the union \
            of its parents (each old side naming the parent it comes from), as `lineage changelog` \
            and `lineage show` report it; `lineage diff REV^ REV` compares it with its first parent \
            alone. `A..B` is `A B`, as in git. Unchanged clauses are counted but not printed \
            (--format json lists them).
            """)

    @Argument(help: "The older revision (or, alone, the revision to compare with its parents).") var from: String
    @Argument(help: "The newer revision.") var to: String?
    @OptionGroup var repository: RepositoryOptions
    @Option(help: OutputFormat.help) var format: OutputFormat = .text
    @OptionGroup var colors: ColorOptions

    func run() throws {
        let store = try LineageRepository.open(repository.repo)
        let style = Style(enabled: colors.enabled)
        // `A..B`, as git writes a range, is `A B`.
        if to == nil, let range = from.range(of: ".."), !from[range.upperBound...].hasPrefix(".") {
            let a = String(from[..<range.lowerBound]), b = String(from[range.upperBound...])
            let diff = try store.diff(from: try store.revision(named: a.isEmpty ? "HEAD" : a), to: try store.revision(named: b.isEmpty ? "HEAD" : b))
            print(DiffView.render(diff, format: format, style: style), terminator: "")
            return
        }
        guard let to else {
            let entry = try store.changelogEntry(of: try store.revision(named: from))
            print(DiffView.render(entry, format: format, style: style), terminator: "")
            return
        }
        let diff = try store.diff(from: try store.revision(named: from), to: try store.revision(named: to))
        print(DiffView.render(diff, format: format, style: style), terminator: "")
    }
}

/// How `lineage diff` prints.
enum DiffView {
    static func render(_ diff: RevisionDiff, format: OutputFormat, style: Style) -> String {
        render(
            from: [diff.from], to: diff.to, changes: diff.changes, counts: diff.counts, merged: nil,
            json: diff.json, format: format, style: style)
    }

    /// What a revision changed against its parent(s) (`lineage diff REV`).
    static func render(_ entry: Changelog.Entry, format: OutputFormat, style: Style) -> String {
        let json = JSONValue.object([
            ("from", entry.parent?.json ?? .null), ("parents", .array(entry.parents.map(\.json))),
            ("to", entry.revision.json), ("changes", .array(entry.changes.map(\.json))),
        ])
        return render(
            from: entry.parents, to: entry.revision, changes: entry.changes, counts: entry.counts,
            merged: entry.parents.count > 1 ? ChangelogView.merged(entry) : nil, json: json, format: format, style: style)
    }

    static func render(
        from: [Revision], to: Revision, changes: [ClauseChange], counts: [(kind: ChangeKind, count: Int)], merged: String?,
        json: JSONValue, format: OutputFormat, style: Style
    ) -> String {
        let old = from.isEmpty ? "(none)" : from.map(\.number).joined(separator: "+")
        var out = ""
        switch format {
        case .json: out = json.rendered() + "\n"
        case .csv:
            out = CSV.row(["from", "to"] + CSV.changeHeader)
            for change in changes where change.kind != .unchanged {
                out += CSV.row([from.map(\.number).joined(separator: " "), to.number] + CSV.change(change))
            }
        case .markdown:
            out = "## \(from.isEmpty ? "(none)" : from.map(\.symbol).joined(separator: " + ")) → \(to.symbol)\n\n"
            if let merged { out += "_A merge: it \(merged)._\n\n" }
            out += "\(ChangeView.summary(counts)).\n\n"
            for change in changes where change.kind != .unchanged { out += ChangeView.markdown(change) }
        case .text:
            out = style.bold("diff \(old) \(to.number)") + ": " + ChangeView.summary(counts) + "\n"
            if let merged { out += merged + "\n" }
            for change in changes where change.kind != .unchanged {
                out += "\n" + ChangeView.text(change, style: style)
            }
        }
        return out
    }
}
