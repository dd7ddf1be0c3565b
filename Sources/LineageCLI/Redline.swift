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

    /// Puts markers around the words of `text`, leaving its leading and trailing spaces and line
    /// breaks outside.
    private static func wrap(_ text: String, _ open: String, _ close: String) -> String {
        let core = text.trimming(" \n")
        guard !core.isEmpty else { return text }
        let lead = text[..<core.startIndex], trail = text[core.endIndex...]
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

extension String {
    /// Without the characters of `set` at either end (compared as Characters).
    func trimming(_ set: String) -> Substring {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}
