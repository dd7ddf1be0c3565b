/// The canonical document: the single text file committed to git for every revision.
///
/// **Format version 1. Frozen:** commit hashes depend on these bytes, so nothing below may
/// change without a new version.
///
/// - UTF-8, LF line endings, one item per line, a final LF after the last line, no blank lines
///   (except that line 1 is empty when there is no title).
/// - **Line 1** is the title, or an empty line if the title is `nil`. (An empty title is
///   therefore read back as `nil`.)
/// - **Then one line per paragraph**, in order:
///   - operative: `<label>. <text>` — `4. Requests the Secretary-General …`;
///   - sub-paragraph: `<label> <text>` — `(b) Efforts taken …`;
///   - preambular: `<text>`, escaped with a leading backslash `\` when the line would
///     otherwise be read as something else (see *Reading* below): when the text is empty, or
///     starts with `\`, `(` or `[^`, or when the line starts with a digit and its first space
///     follows a full stop (`2. …`, `1.1. …`).
/// - **Footnote references** of a paragraph follow its text at the end of the line, each as
///   ` [^<mark>]` (a space, then `[^`, the mark, `]`): `… that it made, [^1]`. In the rare
///   case where the text itself ends with something of that shape (` [^x]` or ` [^]`), the
///   separator ` [^]` is written between the text and the references so that the text is read
///   back whole.
/// - **Then one line per footnote**: `[^<mark>]: <text>` (`[^1]: ` when the text is empty).
///
/// Example:
///
/// ```text
/// Developments in the field of information and telecommunications in the context of international security
/// Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999, …,
/// Bearing in mind … and the recommendations that it made, [^1]
/// 3. Invites all Member States to continue to inform the Secretary-General of their views and assessments on the following questions:
/// (a) General appreciation of the issues of information security;
/// [^1]: See A/51/261, annex.
/// ```
///
/// *Reading* (``parse(_:)``) tells the kinds apart by the shape of each line, in this order:
/// a leading `\` is a preambular paragraph (the backslash is dropped); a line starting with
/// `[^` is a footnote; a line starting with `(` is a sub-paragraph whose label runs to the
/// first space and ends with `)`; a line starting with a digit whose first space follows a full
/// stop is an operative paragraph whose label is what precedes that full stop; anything else is
/// a preambular paragraph. Paragraph indexes count from 0; the parent of a sub-paragraph is the
/// nearest preceding paragraph that is not a sub-paragraph. Footnotes must come after all
/// paragraphs.
///
/// Constraints for a lossless round trip (all met by ``ResolutionParser``'s output): texts
/// are single lines; operative labels start with a digit and sub-paragraph labels are
/// `(…)`, neither containing spaces; marks are non-empty and contain no white space, `[` or `]`;
/// parents follow the rule above. `parse(render(r))` then returns exactly `r`'s title,
/// paragraphs and footnotes. Both directions are O(n) in the size of the document.
public enum CanonicalDocument {
    /// The format version described above.
    public static let version = 1

    public static func render(_ r: Resolution) -> String {
        var out = ""
        out.reserveCapacity(r.paragraphs.reduce(64) { $0 + $1.text.utf8.count + 16 } + r.footnotes.reduce(0) { $0 + $1.text.utf8.count + 8 })
        out += singleLine(r.title ?? "")
        out += "\n"
        for p in r.paragraphs {
            var text = singleLine(p.text)
            if text.hasSuffix("]") {
                let s = Scalars(scalarsOf: text)
                if splitReferences(s).textEnd != s.count { text += " [^]" }
            }
            var line: String
            switch p.kind {
            case .operative: line = (p.label ?? "") + ". " + text
            case .subparagraph: line = (p.label ?? "") + " " + text
            case .preambular: line = text
            }
            for m in p.footnotes { line += " [^" + m + "]" }
            if p.kind == .preambular {
                let s = Scalars(scalarsOf: line)
                if s.isEmpty || s.first == "\\" || shape(of: s) != .preambular { line = "\\" + line }
            }
            out += line
            out += "\n"
        }
        for f in r.footnotes {
            out += "[^" + f.mark + "]: " + singleLine(f.text) + "\n"
        }
        return out
    }

    public static func parse(_ text: String) throws(ParseError) -> (title: String?, paragraphs: [Paragraph], footnotes: [Footnote]) {
        guard !text.isEmpty else { throw .malformed(line: 1, "empty document (no title line)") }
        // Split on LF scalars (not Characters: "\r\n" is one Character and must be refused).
        let all = Scalars(scalarsOf: text)
        var lines: [Scalars] = []
        var start = 0
        for (i, c) in all.enumerated() where c == "\n" {
            lines.append(Scalars(all[start..<i]))
            start = i + 1
        }
        if start < all.count { lines.append(Scalars(all[start...])) }
        guard let first = lines.first else { throw .malformed(line: 1, "empty document (no title line)") }
        if first.contains("\r") { throw .malformed(line: 1, "carriage return (the format uses LF line endings)") }
        let title: String? = first.isEmpty ? nil : first.string

        var paragraphs: [Paragraph] = []
        var footnotes: [Footnote] = []
        var parent: Int?
        for (offset, s) in lines.enumerated().dropFirst() {
            let number = offset + 1
            if s.isEmpty { throw .malformed(line: number, "blank line") }
            if s.contains("\r") { throw .malformed(line: number, "carriage return (the format uses LF line endings)") }
            let kind = shape(of: s)
            if kind == .footnote {
                guard let close = s.firstIndex(of: "]:", from: 2), close > 2 else {
                    throw .malformed(line: number, "a line starting with '[^' must be a footnote '[^mark]: text'")
                }
                let mark = s.string(2..<close)
                var start = close + 2
                if start < s.count {
                    guard s[start] == " " else { throw .malformed(line: number, "expected a space after '[^\(mark)]:'") }
                    start += 1
                }
                footnotes.append(Footnote(mark: mark, text: s.string(start..<s.count)))
                continue
            }
            if !footnotes.isEmpty { throw .malformed(line: number, "a paragraph after the footnotes") }
            var label: String?
            var start = 0
            switch kind {
            case .escapedPreambular:
                start = 1
            case .subparagraph(let sp):
                label = s.string(0..<sp)
                start = sp + 1
            case .operative(let sp):
                label = s.string(0..<(sp - 1))
                start = sp + 1
            case .malformedSubparagraph:
                throw .malformed(line: number, "a line starting with '(' must be a sub-paragraph '(label) text'")
            default:
                break
            }
            let body = Scalars(s[start...])
            let (textEnd, marks, _) = splitReferences(body)
            let paragraphText = body.string(0..<textEnd)
            let index = paragraphs.count
            switch kind {
            case .operative:
                paragraphs.append(Paragraph(index: index, kind: .operative, label: label, text: paragraphText, footnotes: marks))
                parent = index
            case .subparagraph:
                paragraphs.append(Paragraph(index: index, kind: .subparagraph, label: label, parent: parent, text: paragraphText, footnotes: marks))
            default:
                paragraphs.append(Paragraph(index: index, kind: .preambular, text: paragraphText, footnotes: marks))
                parent = index
            }
        }
        return (title, paragraphs, footnotes)
    }

    /// The kind of a line, read from its first characters.
    private enum Shape: Equatable {
        case preambular, escapedPreambular, footnote
        /// The offset of the first space.
        case operative(Int), subparagraph(Int)
        case malformedSubparagraph
    }

    /// How a paragraph or footnote line is read (see the format above). O(length).
    private static func shape(of s: Scalars) -> Shape {
        guard let first = s.first else { return .preambular }
        if first == "\\" { return .escapedPreambular }
        if s.hasPrefix("[^") { return .footnote }
        let space = s.firstIndex(of: " ")
        if first == "(" {
            guard let sp = space, sp >= 2, s[sp - 1] == ")" else { return .malformedSubparagraph }
            return .subparagraph(sp)
        }
        if first.isASCIIDigit, let sp = space, sp >= 2, s[sp - 1] == "." { return .operative(sp) }
        return .preambular
    }

    /// Splits trailing references ` [^a] [^b]` off a paragraph's text: where the text ends, the
    /// marks in order, and whether the ` [^]` separator was met (it is dropped). O(length).
    static func splitReferences(_ s: Scalars) -> (textEnd: Int, marks: [String], terminated: Bool) {
        var end = s.count
        var marks: [String] = []
        while end >= 4, s[end - 1] == "]" {
            // Find the " [^" that opens this reference; the mark between has no space or "]".
            var k = end - 2
            while k >= 0, s[k] != "[", s[k] != "]", !s[k].isSpaceLike { k -= 1 }
            guard k >= 1, s[k] == "[", k + 1 < end - 1, s[k + 1] == "^", s[k - 1] == " " else { break }
            let mark = s.string((k + 2)..<(end - 1))
            end = k - 1
            if mark.isEmpty { return (end, marks, true) }
            marks.insert(mark, at: 0)
        }
        return (end, marks, false)
    }

    /// False when `s` has none of the newline scalars' UTF-8 sequences (0A–0D, C2 85, E2 80 A8/A9).
    private static func mayHoldNewline(_ s: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in s.utf8 {
            switch byte {
            case 0x0A...0x0D: return true
            case 0x85 where previous.1 == 0xC2: return true
            case 0xA8, 0xA9: if previous == (0xE2, 0x80) { return true }
            default: break
            }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Line breaks inside a field would break the one-item-per-line format.
    private static func singleLine(_ s: String) -> String {
        // A newline Character holds a newline scalar (LF, VT, FF, CR, NEL, U+2028, U+2029); look
        // for their UTF-8 bytes first, as walking Characters is slow and they are rare.
        guard mayHoldNewline(s), s.contains(where: { $0.isNewline }) else { return s }
        return String(s.map { $0.isNewline ? " " : $0 })
    }
}
