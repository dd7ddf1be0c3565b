import ArgumentParser
import Foundation
import Lineage
import ResolutionText

/// `lineage origin TEXT|REV:ADDRESS`: the earliest resolution of the record whose paragraph
/// carries a wording, exactly or nearly, and every resolution that carries it, in any series.
struct OriginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "origin",
        abstract: "Show where a wording first appeared in the record, and every resolution that reuses it.",
        discussion: """
            TEXT is a paragraph's wording (quote it), or REV:ADDRESS names a paragraph (80/16:pp3), \
            whose own revision then counts like any other. A paragraph carries the wording when its \
            words, case and punctuation aside, are the same, or nearly: their similarity (the share \
            of words the two have in common in the same order, of the longer) is at least \
            --min-similarity. A wording of fewer than \(WordingOrigin.shingleLength) words matches \
            only the same words. The first appearance is the earliest such paragraph (adoption \
            date, then number). Like git grep, the exit status is 1 when no paragraph carries it.
            """)

    @Argument(help: ArgumentHelp("The wording (quoted), or REV:ADDRESS.", valueName: "text")) var text: [String]
    @Option(help: ArgumentHelp("The similarity a paragraph needs, above 0 and at most 1.", valueName: "x"))
    var minSimilarity: Double = WordingOrigin.nearThreshold
    @OptionGroup var repository: RepositoryOptions
    @Option(help: OutputFormat.help) var format: OutputFormat = .text
    @OptionGroup var colors: ColorOptions

    func validate() throws {
        guard minSimilarity > 0, minSimilarity <= 1 else {
            throw ValidationError("--min-similarity must be above 0 and at most 1")
        }
        guard !text.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give the wording to look for (quoted), or a paragraph: 69/28:op4")
        }
    }

    func run() throws {
        let store = try LineageRepository.open(repository.repo)
        let query = text.joined(separator: " ")
        let origin =
            LineageRepository.namesParagraph(query)
            ? try store.origin(ofParagraph: query, minimum: minSimilarity)
            : try store.origin(of: query, minimum: minSimilarity)
        if origin.computedNow > 0 {
            Terminal.standardError.writeMessage(
                "note: the wording index does not cover \(origin.computedNow) revision(s), read now; "
                    + "`lineage build --repo \(repository.repo)` makes this fast\n")
        }
        let style = Style(enabled: colors.enabled)
        switch format {
        case .json: print(origin.json.rendered())
        case .csv:
            print(CSV.row(["number", "adopted", "series", "label", "similarity", "exact", "first"]), terminator: "")
            for (i, o) in origin.occurrences.enumerated() {
                print(CSV.row([
                    o.revision.number, o.revision.adopted?.iso ?? "", o.series, o.label, String(OriginView.decimal(o.similarity)),
                    o.exact ? "true" : "false", i == 0 ? "true" : "false",
                ]), terminator: "")
            }
        case .markdown: print(OriginView.markdown(origin), terminator: "")
        case .text: print(OriginView.text(origin, style: style), terminator: "")
        }
        if origin.first == nil {
            if format == .text {
                Terminal.standardError.writeMessage(
                    "no resolution in the record carries this wording (similarity ≥ \(OriginView.percent(origin.minimum)))\n"
                        + "hint: a wording is a whole paragraph's; `lineage search` finds a phrase inside paragraphs\n")
            }
            throw ExitCode(1)
        }
    }
}

/// How `lineage origin` prints.
enum OriginView {
    /// `0.952`: three decimals, rounded down, as in JSON.
    static func decimal(_ x: Double) -> Double { (x * 1000).rounded(.down) / 1000 }

    /// `97%`, rounded down (so that only the same words read 100%).
    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded(.down)))%" }

    static func text(_ origin: WordingOrigin, style: Style) -> String {
        guard let first = origin.first else { return "" }
        var out = ""
        if origin.exactOnly {
            out += style.dim("(fewer than \(WordingOrigin.shingleLength) words: only paragraphs with these words count)") + "\n"
        }
        out += "first: " + style.yellow(Terminal.sanitize(first.address)) + "  \(first.revision.adopted?.iso ?? "-")"
            + "  series \(Terminal.sanitize(first.series))  \(percent(first.similarity))\n"
        if let text = origin.firstText { out += "  " + Terminal.sanitize(text) + "\n" }
        let others = Set(origin.occurrences.map(\.series)).count
        out += "\n\(origin.occurrences.count) paragraph(s) in \(Set(origin.occurrences.map(\.revision.number)).count) "
            + "resolution(s) of \(others) series carry it:\n"
        let width = origin.occurrences.map { $0.address.count }.max() ?? 0
        for o in origin.occurrences {
            out += "  \(percent(o.similarity).leftPadded(4))  \(o.revision.adopted?.iso ?? "-")  "
                + Terminal.sanitize(o.address).padded(width) + "  \(Terminal.sanitize(o.series))\n"
        }
        return out
    }

    static func markdown(_ origin: WordingOrigin) -> String {
        guard let first = origin.first else {
            return "No resolution in the record carries this wording (similarity ≥ \(percent(origin.minimum))).\n"
        }
        var out = "## First appearance: \(first.address) (\(first.revision.adopted?.iso ?? "-"))\n\n"
        if let text = origin.firstText { out += "> \(Redline.escapeMarkdown(Terminal.sanitize(text)))\n\n" }
        out += "| similarity | adopted | paragraph | series |\n|---|---|---|---|\n"
        for o in origin.occurrences {
            out += "| \(percent(o.similarity)) | \(o.revision.adopted?.iso ?? "-") | \(Redline.escapeMarkdown(Terminal.sanitize(o.address))) "
                + "| \(Redline.escapeMarkdown(Terminal.sanitize(o.series))) |\n"
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
