/// One physical line of an input text: trimmed, with the width of its indentation.
///
/// The parser reasons about lines (headings, furniture, footnote blocks, paragraph starts)
/// before it reasons about paragraphs, so the text is split once into these.
struct SourceLine {
    /// The line without leading and trailing white space.
    var text: Scalars
    /// Leading white space, in scalars (a tab counts as one).
    var indent: Int

    var isBlank: Bool { text.isEmpty }

    /// The line without Markdown decoration (see `Array.undecorated()`), computed on demand.
    var plain: Scalars { text.undecorated() }
}

enum SourceLines {
    /// Splits `text` at line breaks (LF, CRLF, CR, vertical tab, form feed, U+2028, U+2029)
    /// and trims each line. O(n).
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var current = Scalars()
        var previousWasCR = false

        func finish() {
            var start = 0
            while start < current.count, current[start].isSpaceLike || current[start].isInvisible { start += 1 }
            var end = current.count
            while end > start, current[end - 1].isSpaceLike || current[end - 1].isInvisible { end -= 1 }
            lines.append(SourceLine(text: Scalars(current[start..<end]), indent: start))
            current.removeAll(keepingCapacity: true)
        }

        for s in text.unicodeScalars {
            switch s {
            case "\n":
                if previousWasCR {
                    previousWasCR = false
                    continue
                }
                finish()
            case "\r", "\u{0B}", "\u{0C}", "\u{2028}", "\u{2029}":
                finish()
                previousWasCR = s == "\r"
                continue
            default:
                current.append(s)
            }
            previousWasCR = false
        }
        if !current.isEmpty { finish() }
        return lines
    }
}
