import ArgumentParser
import Lineage
import LineageCore
import ResolutionText

/// `lineage changelog`: what every revision changed against its predecessor, newest first like
/// `git log -p`, or as release notes in Markdown.
struct ChangelogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changelog",
        abstract: "Show what each revision changed against the one before it, with word redlines.",
        discussion: """
            Text and Markdown list the revisions newest first; --format json lists them oldest \
            first, every change included; --format csv has one row per change, oldest first. The first revision of the history has no predecessor: \
            all its paragraphs count as inserted. --from and --to limit the revisions listed; each \
            is still compared with its own predecessor. In a repository of several series, the \
            changelog covers one series: that of --to or --from when given, otherwise that of \
            HEAD; --series NAME names another, --all lists every revision of every series.
            """)

    @Option(help: ArgumentHelp("The oldest revision to list (default: the first).", valueName: "rev"))
    var from: String?
    @Option(help: ArgumentHelp("The newest revision to list (default: the latest).", valueName: "rev"))
    var to: String?
    @Flag(help: "List every revision of every series.") var all = false
    @Option(help: ArgumentHelp("List the revisions of this series (`lineage series` lists them).", valueName: "name"))
    var series: String?
    @OptionGroup var repository: RepositoryOptions
    @Option(help: OutputFormat.help) var format: OutputFormat = .text
    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if all && series != nil { throw ValidationError("name one of --all and --series NAME") }
    }

    /// The repository seen as the changelog's scope: the whole of it (--all, or one series),
    /// or the series named, of --to or --from, or of HEAD. An error when --from and --to, or
    /// --series and either, are in different series.
    static func scope(
        _ store: LineageRepository, all: Bool, series name: String?, first: Revision?, last: Revision?
    ) throws(LineageError) -> LineageRepository {
        let history = store.history
        guard !all, history.series.count > 1 else { return store }
        let named = try name.map { n throws(LineageError) in try history.series(matching: n) }
        let ends = [first, last].compactMap { $0 }
        let endSeries = ends.compactMap { history.series(of: $0) }
        if let a = endSeries.first, let b = endSeries.last, a.name != b.name {
            throw LineageError(
                "\(ends[0].number) (series \(a.name)) and \(ends[1].number) (series \(b.name)) are in different series",
                hint: "a changelog follows one series: give --from and --to in one, or list everything with --all")
        }
        if let named, let other = endSeries.first, other.name != named.name {
            throw LineageError(
                "\(ends[0].number) is in the series \(other.name), not \(named.name)",
                hint: "leave out --series: --from and --to say which series")
        }
        guard let chosen = named ?? endSeries.first ?? history.defaultSeries else { return store }
        return store.restricted(to: chosen)
    }

    /// Writes entry by entry: each revision's entry is read, printed and dropped before the
    /// next, so memory stays flat however long the history (JSON too: the array of entries is
    /// written one element at a time, the same text as rendering it whole).
    func run() throws {
        let whole = try LineageRepository.open(repository.repo)
        let first = try from.map { name throws(LineageError) in try whole.revision(named: name) }
        let last = try to.map { name throws(LineageError) in try whole.revision(named: name) }
        let store = try Self.scope(whole, all: all, series: series, first: first, last: last)
        let revisions = try store.changelogRevisions(from: first, to: last)
        switch format {
        case .json:
            guard !revisions.isEmpty else { return print(Changelog.jsonEmpty) }
            print(Changelog.jsonHead, terminator: "")
            for (n, revision) in revisions.enumerated() {
                if n > 0 { print(Changelog.jsonSeparator, terminator: "") }
                print(
                    try store.changelogEntry(of: revision).json.rendered(nestedAt: Changelog.jsonEntryIndent),
                    terminator: "")
            }
            print(Changelog.jsonTail)
        case .csv:
            // One row per change (unchanged clauses are not changes), oldest revision first.
            print(CSV.row(["revision", "adopted", "parents"] + CSV.changeHeader), terminator: "")
            for revision in revisions {
                let entry = try store.changelogEntry(of: revision)
                let lead = [revision.number, revision.adopted?.iso ?? "", entry.parents.map(\.number).joined(separator: " ")]
                for change in entry.changes where change.kind != .unchanged {
                    print(CSV.row(lead + CSV.change(change)), terminator: "")
                }
            }
        case .markdown:
            guard let newest = revisions.last, let oldest = revisions.first else { return print(ChangelogView.markdownEmpty, terminator: "") }
            print(ChangelogView.markdownHead(newest: newest, oldest: oldest, count: revisions.count), terminator: "")
            for revision in revisions.reversed() {
                print(try ChangelogView.markdown(try store.changelogEntry(of: revision)), terminator: "")
            }
        case .text:
            let style = Style(enabled: colors.enabled)
            for (n, revision) in revisions.reversed().enumerated() {
                print(ChangelogView.text(try store.changelogEntry(of: revision), first: n == 0, style: style), terminator: "")
            }
        }
    }
}

/// How `lineage changelog` prints: a `git log -p`-like text, and Markdown release notes, one
/// entry at a time (newest first).
enum ChangelogView {
    /// One entry as text: a blank line before it unless it is the `first` printed, its header,
    /// its counts, and every change but the unchanged ones.
    static func text(_ entry: Changelog.Entry, first: Bool, style: Style) -> String {
        var out = first ? "" : "\n"
        let r = entry.revision
        var header = style.yellow("revision \(r.number)") + "  \(r.symbol)  adopted \(r.adopted?.iso ?? "unknown")"
        header += style.dim(
            entry.parents.isEmpty ? "  (first revision)" : "  (against \(entry.parents.map(\.number).joined(separator: " + ")))")
        out += header + "\n" + ChangeView.summary(entry.counts) + "\n"
        if entry.parents.count > 1 { out += merged(entry) + "\n" }
        if entry.editorial { out += style.dim(editorialNote) + "\n" }
        for change in entry.changes where change.kind != .unchanged {
            out += "\n" + ChangeView.text(change, style: style)
        }
        return out
    }

    /// "merges 73/27 and 73/266: 14 paragraphs from 73/27, 6 from 73/266, 2 new".
    static func merged(_ entry: Changelog.Entry) -> String {
        let taken = entry.taken
        let new = entry.changes.filter { $0.old.isEmpty }.reduce(0) { $0 + $1.new.count }
        var parts = taken.enumerated().map { i, t in "\(t.paragraphs)\(i == 0 ? " paragraphs" : "") from \(t.parent.number)" }
        parts.append("\(new) new")
        return "merges " + list(taken.map(\.parent.number)) + ": " + parts.joined(separator: ", ")
    }

    /// What an `editorial` correction means, where the revision's changes are listed.
    static let editorialNote =
        "editorial (.lineage-corrections): these changes do not count as changes of the clauses; blame keeps their earlier \"last changed\""

    /// The release notes of an empty history.
    static let markdownEmpty = "# Changelog\n\nThe history is empty.\n"

    /// The release notes' title and introduction, for `count` revisions from `oldest` to `newest`.
    static func markdownHead(newest: Revision, oldest: Revision, count: Int) -> String {
        let title = newest.title.map { ": " + Redline.escapeMarkdown(Terminal.sanitize($0)) } ?? ""
        var out = "# Changelog\(title)\n\n"
        out += count == 1
            ? "One revision, \(oldest.symbol) (\(adopted(oldest)))."
            : "\(count) revisions, from \(oldest.symbol) (\(adopted(oldest))) to \(newest.symbol) (\(adopted(newest))), newest first."
        out += " Each revision is compared with the one before it; unchanged clauses are counted but not listed."
        out += " In the redlines, ~~struck~~ words were removed and **bold** words added.\n"
        return out
    }

    /// One revision's release notes: a heading, a sentence that counts the changes, and the
    /// changes grouped by kind with their redlines (for the first revision, its whole text).
    static func markdown(_ entry: Changelog.Entry) throws(LineageError) -> String {
        var out = ""
        let r = entry.revision
        out += "\n## \(r.number) (\(r.symbol)), \(r.adopted == nil ? "adoption date unknown" : "adopted " + adopted(r))\n\n"
        if case .citedBy(let symbol) = r.dateSource {
            out += "_The text gives no date of adoption; this one is cited in \(symbol)._\n\n"
        } else if r.dateSource == .supplied {
            out += "_The text gives no date of adoption; this one was supplied by the user._\n\n"
        }
        if entry.parents.count > 1 { out += "_A merge: it " + merged(entry) + "._\n\n" }
        if entry.editorial {
            out += "_Editorial (`.lineage-corrections`): these changes do not count as changes of the clauses;"
                + " blame keeps their earlier \"last changed\"._\n\n"
        }
        out += try sentence(entry) + "\n"
        if entry.parent == nil {
            out += "\n### Text\n\n"
            for change in entry.changes {
                for side in change.new {
                    out += "- **\(label(side.label))** " + Redline.escapeMarkdown(Terminal.sanitize(side.text)) + "\n"
                }
            }
            return out
        }
        for (heading, kinds) in sections {
            let changes = entry.changes.filter { kinds.contains($0.kind) }
            guard !changes.isEmpty else { continue }
            out += "\n### \(heading)\n\n"
            for change in changes { out += item(change) }
        }
        return out
    }

    /// The groups of changes, in the order release notes list them.
    static let sections: [(String, [ChangeKind])] = [
        ("Inserted", [.inserted]), ("Deleted", [.deleted]), ("Reworded", [.modified]), ("Moved", [.moved]),
        ("Split", [.split]), ("Merged", [.merged]), ("Restored", [.restored]),
    ]

    /// "2 December 2014", or "date unknown".
    static func adopted(_ revision: Revision) -> String { revision.adopted?.longForm ?? "date unknown" }

    static func label(_ text: String) -> String { Redline.escapeMarkdown(Terminal.sanitize(text)) }

    /// One change as a list item: its address, what else is worth knowing, and its redline.
    static func item(_ change: ClauseChange) -> String {
        let rewritten = change.words.contains { $0.op != .equal }
        // A reworded clause never reads as "100%" similar, however small the change.
        let similarity = ChangeView.percent(change)
        var line = "- **\(label(ChangeView.where_(change)))**"
        switch change.kind {
        case .restored:
            line += ", clause \(change.clause ?? "?") deleted earlier _(similarity \(similarity))_"
        case .moved where rewritten:
            line += ", also reworded _(similarity \(similarity))_"
        case .modified, .split, .merged:
            line += " _(similarity \(similarity))_"
        default: break
        }
        let body: String
        switch change.kind {
        case .inserted: body = Redline.escapeMarkdown(Terminal.sanitize(change.new.map(\.text).joined(separator: " / ")))
        case .deleted: body = "~~" + Redline.escapeMarkdown(Terminal.sanitize(change.old.map(\.text).joined(separator: " / "))) + "~~"
        default:
            body = rewritten
                ? Redline.render(change.words, mode: .markdown).replacingOccurrences(of: "\n", with: " / ")
                : Redline.escapeMarkdown(Terminal.sanitize(change.new.map(\.text).joined(separator: " / ")))
        }
        return line + ": " + body + "\n"
    }

    /// "Inserts 1 preambular paragraph, rewords 8 clauses, deletes none; 18 clauses unchanged."
    /// At a merge, the deleted paragraphs are counted in the parent each comes from ("deletes
    /// 12 preambular paragraphs of 73/27 and 3 of 73/266"), as the Deleted section names them.
    static func sentence(_ entry: Changelog.Entry) throws(LineageError) -> String {
        let newKinds = try entry.revision.readResolution().paragraphs.map(\.kind)
        func of(_ kind: ChangeKind) -> [ClauseChange] { entry.changes.filter { $0.kind == kind } }
        /// Paragraphs by kind: "1 preambular paragraph and 2 sub-paragraphs", or "none".
        func paragraphs(_ indexes: [Int], _ kinds: [Paragraph.Kind]) -> String {
            let phrases = Paragraph.Kind.allCases.compactMap { kind -> String? in
                let n = indexes.filter { $0 < kinds.count && kinds[$0] == kind }.count
                return n == 0 ? nil : noun(n, kind)
            }
            return phrases.isEmpty ? "none" : list(phrases)
        }
        func clauses(_ n: Int) -> String { n == 0 ? "none" : "\(n) clause\(n == 1 ? "" : "s")" }

        if entry.parent == nil {
            return "The first revision in this history: "
                + paragraphs(Array(newKinds.indices), newKinds) + "."
        }
        var parts = ["inserts " + paragraphs(of(.inserted).flatMap { $0.new.map(\.index) }, newKinds)]
        parts.append("rewords " + clauses(of(.modified).count))
        let moved = of(.moved)
        if !moved.isEmpty {
            let reworded = moved.filter { $0.words.contains { $0.op != .equal } }.count
            parts.append("moves " + clauses(moved.count) + (reworded > 0 ? " (\(reworded) also reworded)" : ""))
        }
        let split = of(.split)
        if !split.isEmpty {
            parts.append("splits \(clauses(split.count)) into \(split.map(\.new.count).reduce(0, +)) paragraphs")
        }
        let merged = of(.merged)
        if !merged.isEmpty {
            let n = merged.map(\.old.count).reduce(0, +)
            parts.append("merges \(clauses(n)) into \(merged.count) paragraph\(merged.count == 1 ? "" : "s")")
        }
        let restored = of(.restored)
        if !restored.isEmpty {
            parts.append("restores " + paragraphs(restored.flatMap { $0.new.map(\.index) }, newKinds))
        }
        let deleted = of(.deleted).flatMap(\.old)
        if entry.parents.count > 1 {
            var phrases: [String] = []
            for parent in entry.parents {
                let indexes = deleted.filter { $0.revision == parent.number }.map(\.index)
                guard !indexes.isEmpty else { continue }
                let kinds = try parent.readResolution().paragraphs.map(\.kind)
                let byKind = Paragraph.Kind.allCases.compactMap { kind -> String? in
                    let n = indexes.filter { $0 < kinds.count && kinds[$0] == kind }.count
                    return n == 0 ? nil : "\(n) " + (kind == .preambular ? "preambular" : kind == .operative ? "operative" : n == 1 ? "sub-paragraph" : "sub-paragraphs")
                }
                phrases.append("\(indexes.count) paragraph\(indexes.count == 1 ? "" : "s") of \(parent.number) (\(byKind.joined(separator: ", ")))")
            }
            parts.append("deletes " + (phrases.isEmpty ? "none" : list(phrases)))
        } else {
            parts.append("deletes " + paragraphs(deleted.map(\.index), try entry.parent?.readResolution().paragraphs.map(\.kind) ?? []))
        }
        let unchanged = of(.unchanged).count
        let tail = unchanged == 0 ? "no clause unchanged" : "\(clauses(unchanged)) unchanged"
        let text = parts.joined(separator: ", ") + "; " + tail + "."
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "1 preambular paragraph", "2 operative paragraphs", "3 sub-paragraphs".
    static func noun(_ n: Int, _ kind: Paragraph.Kind) -> String {
        let s = n == 1 ? "" : "s"
        switch kind {
        case .preambular: return "\(n) preambular paragraph\(s)"
        case .operative: return "\(n) operative paragraph\(s)"
        case .subparagraph: return "\(n) sub-paragraph\(s)"
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
