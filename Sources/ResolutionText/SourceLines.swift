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

/// Splitting a text into ``SourceLine``s.
enum SourceLines {
    /// Splits `text` at line breaks (LF, CRLF, CR, vertical tab, form feed, U+2028, U+2029)
    /// and trims each line. One pass over the UTF-8 bytes: O(n).
    static func split(_ text: String) -> [SourceLine] {
        var text = text
        return text.withUTF8 { split(utf8: $0) }
    }

    /// Decodes the (valid) UTF-8 of a `String` into scalars, then cuts lines out of them.
    private static func split(utf8 b: UnsafeBufferPointer<UInt8>) -> [SourceLine] {
        let scalars = Scalars(unsafeUninitializedCapacity: b.count) { buffer, written in
            var out = ScalarWriter(buffer)
            let n = b.count
            var i = 0
            while i < n {
                let x = b[i]
                if x < 0x80 {
                    out.append(Unicode.Scalar(x))
                    i += 1
                    continue
                }
                var v: UInt32
                var length: Int
                if x < 0xE0 {
                    v = UInt32(x & 0x1F)
                    length = 2
                } else if x < 0xF0 {
                    v = UInt32(x & 0x0F)
                    length = 3
                } else {
                    v = UInt32(x & 0x07)
                    length = 4
                }
                var k = 1
                while k < length, i + k < n {
                    v = v << 6 | UInt32(b[i + k] & 0x3F)
                    k += 1
                }
                i += length
                out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            }
            written = out.count
        }
        var lines: [SourceLine] = []
        lines.reserveCapacity(scalars.count / 32)
        var start = 0
        var i = 0
        let n = scalars.count
        while i < n {
            let v = scalars[i].value
            if v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0x2028 || v == 0x2029 {
                lines.append(line(scalars, start..<i))
                i += v == 0x0D && i + 1 < n && scalars[i + 1] == "\n" ? 2 : 1
                start = i
                continue
            }
            i += 1
        }
        if start < n { lines.append(line(scalars, start..<n)) }
        return lines
    }

    /// The trimmed line and its indentation.
    private static func line(_ raw: Scalars, _ range: Range<Int>) -> SourceLine {
        var start = range.lowerBound
        while start < range.upperBound, raw[start].isSpaceLike || raw[start].isInvisible { start += 1 }
        var end = range.upperBound
        while end > start, raw[end - 1].isSpaceLike || raw[end - 1].isInvisible { end -= 1 }
        return SourceLine(text: Scalars(raw[start..<end]), indent: start - range.lowerBound)
    }
}
