import Lineage
import LineageCore

/// Comma-separated values as RFC 4180 writes them, for R, pandas or a spreadsheet: a header row,
/// then one row per record, each ended by CRLF; a field holding a comma, a double quote or a
/// line break is quoted, its quotes doubled. No colour. Document text is sanitized as for the
/// terminal (``Terminal/sanitize(_:)``).
enum CSV {
    /// The end of every row (RFC 4180: CRLF).
    static let rowEnd = "\r\n"

    /// One row of `fields`.
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + rowEnd
    }

    /// One field, quoted when it must be.
    /// - Complexity: O(length).
    static func field(_ value: String) -> String {
        let text = Terminal.sanitize(value)
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A fraction as CSV writes it: `0.86` (two decimals).
    static func fraction(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// The header and row of a diff's or changelog's change (`unchanged` ones are not changes:
    /// they are left out, as in the text), after the `lead` fields of its revision.
    static let changeHeader = ["op", "clause", "similarity", "old", "new", "old_text", "new_text"]

    /// The highest similarity a reworded clause shows (``ChangeView/percent(_:)`` shows 99%).
    static let maximumReworded = 0.99

    static func change(_ change: ClauseChange) -> [String] {
        let old = change.old.map { ($0.revision.map { $0 + ":" } ?? "") + $0.label }.joined(separator: " ")
        // As in the text: a clause whose words changed never reads as 1.00 similar.
        let reworded = change.words.contains { $0.op != .equal }
        let similarity = reworded ? min(change.similarity, maximumReworded) : change.similarity
        return [
            change.kind.rawValue, change.clause ?? "", fraction(similarity), old,
            change.new.map(\.label).joined(separator: " "),
            change.old.map(\.text).joined(separator: "\n"), change.new.map(\.text).joined(separator: "\n"),
        ]
    }
}
