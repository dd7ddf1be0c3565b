import Foundation
import ResolutionText

/// One revision of a synthetic series, as the benchmark sees it: paragraphs and footnotes.
struct Document {
    var paragraphs: [Paragraph]
    var footnotes: [Footnote]
}

/// Rendering synthetic revisions as the plain-text resolutions `lineage build` reads, and as the
/// one-paragraph-per-line document it stores (the same bytes, for the git baseline).
enum Render {
    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
    ]

    /// Revision `index` (0-based) is adopted one week after the one before, from 8 January 1970.
    static func adopted(_ index: Int) -> CivilDate {
        let days = CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch + 7 * (index + 1)
        return CivilDate(daysSinceEpoch: days)
    }

    /// The resolution number of revision `index`: about 300 resolutions a session, as in the
    /// General Assembly (`1/1`, `1/2`, … `2/1`, …).
    static func number(_ index: Int) -> String { "\(1 + index / 300)/\(1 + index % 300)" }

    /// The plenary meeting that adopted revision `index`: numbered within its session, as in the
    /// General Assembly (meeting numbers have at most four digits).
    static func meeting(_ index: Int) -> Int { 1 + index % 300 }

    static func ordinal(_ n: Int) -> String { Ordinal.english(n) }

    /// A synthetic revision as a plain-text resolution, the shape of the 65/41 seed: heading,
    /// paragraphs with Unicode superscript footnote marks, notes, and the plenary meeting line.
    static func resolution(_ revision: Document, index: Int) -> String {
        let date = adopted(index).longForm
        var out = "General Assembly\n\nResolution adopted by the General Assembly on \(date)\n\n"
        out += "\(number(index)). Developments in the field of information and telecommunications in the context of international security\n\n"
        out += "The General Assembly,\n\n"
        for (i, paragraph) in revision.paragraphs.enumerated() {
            var p = paragraph
            // A resolution ends with a full stop (the parser refuses a text that stops mid-clause).
            if i == revision.paragraphs.count - 1, !p.text.hasSuffix(".") {
                if p.text.hasSuffix(";") || p.text.hasSuffix(",") { p.text.removeLast() }
                p.text += "."
            }
            let marks = String(p.footnotes.joined(separator: ",").map { superscripts[$0] ?? $0 })
            switch p.kind {
            case .preambular: out += p.text + marks + "\n\n"
            case .operative: out += "\(p.label ?? "?"). " + p.text + marks + "\n\n"
            case .subparagraph: out += "\(p.label ?? "(?)") " + p.text + marks + "\n\n"
            }
        }
        for f in revision.footnotes {
            out += String(f.mark.map { superscripts[$0] ?? $0 }) + " " + f.text + "\n\n"
        }
        out += "\(ordinal(meeting(index))) plenary meeting\n\(date)\n"
        return out
    }

    /// The document `lineage build` stores for a resolution text (one paragraph per line), through
    /// the same parser and canonical form, so the git baseline holds the very same bytes.
    static func storedDocument(_ resolutionText: String) throws -> String {
        CanonicalDocument.render(try ResolutionParser.parse(resolutionText))
    }
}
