import ArgumentParser
import Lineage
import ResolutionText

/// `lineage parse FILE`: what lineage reads in one resolution file.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read one resolution file and print its metadata and paragraphs.",
        discussion: """
            Any of the supported formats: plain text, PDF-extracted text, Markdown, Word exports. \
            --format csv has one row per paragraph.
            """)

    @Argument(help: "The resolution file.")
    var file: String

    @Option(help: OutputFormat.help)
    var format: OutputFormat = .text

    func run() throws {
        let document = try Corpus.read(file)
        let r = document.resolution
        switch format {
        case .json: print(ResolutionJSON.value(r).rendered())
        case .text: print(Terminal.sanitize(ResolutionSummary.text(r)), terminator: "")
        case .csv: print(ParseView.csv(r), terminator: "")
        case .markdown: print(ParseView.markdown(r), terminator: "")
        }
    }
}

/// How `lineage parse` prints a resolution as a table.
enum ParseView {
    /// One row per paragraph: its index, kind, address, the index of its paragraph (for a
    /// sub-paragraph), text and footnote marks.
    static func csv(_ r: Resolution) -> String {
        var out = CSV.row(["index", "kind", "label", "parent", "text", "footnotes"])
        for (p, address) in zip(r.paragraphs, r.clauseAddresses) {
            out += CSV.row([String(p.index), p.kind.rawValue, address, p.parent.map(String.init) ?? "", p.text, p.footnotes.joined(separator: " ")])
        }
        return out
    }

    /// The metadata as a table, then one row per paragraph, then the footnotes.
    static func markdown(_ r: Resolution) -> String {
        func cell(_ s: String) -> String { Redline.escapeMarkdown(Terminal.sanitize(s)) }
        let kinds = Paragraph.Kind.allCases.map { kind in r.paragraphs.filter { $0.kind == kind }.count }
        var out = "## \(cell(r.symbol ?? r.number ?? "Resolution"))\(r.title.map { ": " + cell($0) } ?? "")\n\n"
        out += "| field | value |\n|---|---|\n"
        let fields: [(String, String?)] = [
            ("Symbol", r.symbol), ("Number", r.number), ("Session", r.session.map(String.init)), ("Title", r.title),
            ("Adopted", r.adopted?.iso), ("Meeting", r.meeting.map(String.init)), ("Agenda item", r.agendaItem.map(String.init)),
            ("Committee report", r.committeeReport),
            ("Paragraphs", "\(kinds[0]) preambular, \(kinds[1]) operative, \(kinds[2]) sub-paragraphs"),
            ("Footnotes", String(r.footnotes.count)),
        ]
        for (name, value) in fields { out += "| \(name) | \(cell(value ?? "-")) |\n" }
        if !r.paragraphs.isEmpty { out += "\n| paragraph | text |\n|---|---|\n" }
        for (p, address) in zip(r.paragraphs, r.clauseAddresses) {
            out += "| \(cell(address)) | \(cell(p.text))\(p.footnotes.map { " [^\(cell($0))]" }.joined()) |\n"
        }
        if !r.footnotes.isEmpty { out += "\n" }
        for f in r.footnotes { out += "[^\(cell(f.mark))]: \(cell(f.text))\n" }
        return out
    }
}
