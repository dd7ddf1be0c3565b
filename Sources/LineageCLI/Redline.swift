import Foundation
import LineageCore
import ResolutionText

/// Renders a word diff as a redline: `[-old-]{+new+}` as `git diff --word-diff=plain` does; in
/// colour, deletions red and struck through, insertions green and underlined (no markers); in
/// Markdown, `~~old~~` and `**new**`.
enum Redline {
    enum Mode { case plain, color, markdown }

    static func render(_ runs: [WordRun], mode: Mode) -> String {
        var out = ""
        for run in runs {
            let text = Terminal.sanitize(run.text)
            switch (run.op, mode) {
            case (.equal, .markdown): out += escapeMarkdown(text)
            case (.equal, _): out += text
            case (.delete, .plain): out += wrap(text, "[-", "-]")
            case (.insert, .plain): out += wrap(text, "{+", "+}")
            case (.delete, .color): out += wrap(text, "\u{1B}[31;9m", "\u{1B}[m")
            case (.insert, .color): out += wrap(text, "\u{1B}[32;4m", "\u{1B}[m")
            case (.delete, .markdown): out += wrap(escapeMarkdown(text), "~~", "~~")
            case (.insert, .markdown): out += wrap(escapeMarkdown(text), "**", "**")
            }
        }
        return out
    }

    /// Puts markers around the words of `text`, leaving its leading and trailing spaces outside.
    private static func wrap(_ text: String, _ open: String, _ close: String) -> String {
        // `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without bridging to NSString.
        let scalars = text.unicodeScalars
        let blank = CharacterSet.whitespacesAndNewlines
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, blank.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, blank.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        let core = String(scalars[start..<end])
        guard !core.isEmpty else { return text }
        let lead = text.prefix(while: { $0 == " " || $0 == "\n" })
        let trail = String(text.reversed().prefix(while: { $0 == " " || $0 == "\n" }).reversed())
        return lead + open + core + close + trail
    }

    static func escapeMarkdown(_ text: String) -> String {
        // Fast path: none of the characters to escape (all ASCII) occurs.
        if !text.utf8.contains(where: { Self.markdownSpecial.contains($0) }) { return text }
        var out = ""
        for c in text {
            if "\\`*_[]<>#|~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// The bytes of the characters ``escapeMarkdown(_:)`` escapes.
    private static let markdownSpecial = Set("\\`*_[]<>#|~".utf8)
}
