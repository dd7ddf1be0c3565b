import ArgumentParser
import Lineage
import ResolutionText

/// `lineage show REV`: a revision as `git show` shows a commit (its metadata, then its changes
/// against its parent(s)); `lineage show REV:ADDRESS`: one paragraph's text and its blame.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a revision and what it changed, or one paragraph of it with its blame.",
        discussion: """
            REV: the revision's metadata as `lineage log` prints it, then its changes against its \
            parent(s) as `lineage diff REV` prints them (a merge against the union of its parents). \
            REV:ADDRESS (69/28:op4, HEAD:pp11) or REV:CLAUSE (HEAD:59/61#1): the paragraph's \
            text, the revisions that introduced and last changed its clause, and the clause id.
            """)

    @Argument(help: ArgumentHelp("The revision (default: HEAD), or REV:ADDRESS.", valueName: "rev")) var name: String = "HEAD"
    @OptionGroup var repository: RepositoryOptions
    @Option(help: OutputFormat.help) var format: OutputFormat = .text
    @OptionGroup var colors: ColorOptions

    func run() throws {
        let store = try LineageRepository.open(repository.repo)
        let style = Style(enabled: colors.enabled)
        if let (revision, line) = try store.blameLine(named: name) {
            print(ShowView.paragraph(line, of: revision, format: format, style: style), terminator: "")
            return
        }
        let revision = try store.revision(named: name)
        let entry = try store.changelogEntry(of: revision)
        switch format {
        case .text:
            print(try LogView.entry(revision, in: store.history, tips: store.history.tips, style: style))
            print(DiffView.render(entry, format: .text, style: style), terminator: "")
        case .json:
            let diff = JSONValue.object([
                ("revision", revision.logJSON(series: store.history.series(of: revision)?.name)),
                ("parents", .array(entry.parents.map(\.json))),
                ("changes", .array(entry.changes.map(\.json))),
            ])
            print(diff.rendered())
        case .markdown: print(try ChangelogView.markdown(entry).dropFirst(), terminator: "")
        case .csv: print(DiffView.render(entry, format: .csv, style: style), terminator: "")
        }
    }
}

/// How `lineage show REV:ADDRESS` prints a paragraph.
enum ShowView {
    static func paragraph(_ line: Blame.Line, of revision: Revision, format: OutputFormat, style: Style) -> String {
        let label = Terminal.sanitize(line.label)
        switch format {
        case .text:
            return style.yellow("\(revision.number):\(label)") + " " + style.dim("clause \(line.clause)")
                + ": introduced in \(line.introduced.number), last changed in \(line.lastChanged.number)\n\n"
                + Terminal.sanitize(line.paragraph.text) + "\n"
        case .json:
            return JSONValue.object([
                ("revision", revision.json), ("index", .int(line.paragraph.index)), ("kind", .string(line.paragraph.kind.rawValue)),
                ("label", .string(line.label)), ("clause", .string(line.clause)), ("text", .string(line.paragraph.text)),
                ("introduced", line.introduced.json), ("lastChanged", line.lastChanged.json),
            ]).rendered() + "\n"
        case .csv:
            return CSV.row(["revision", "label", "kind", "clause", "introduced", "last_changed", "text"])
                + CSV.row([
                    revision.number, line.label, line.paragraph.kind.rawValue, line.clause, line.introduced.number,
                    line.lastChanged.number, line.paragraph.text,
                ])
        case .markdown:
            return "## \(revision.symbol), \(Redline.escapeMarkdown(label))\n\n"
                + "> \(Redline.escapeMarkdown(Terminal.sanitize(line.paragraph.text)))\n\n"
                + "Clause \(line.clause): introduced in \(line.introduced.symbol), last changed in \(line.lastChanged.symbol).\n"
        }
    }
}
