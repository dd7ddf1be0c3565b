/// Turns the raw lines of a paragraph, title or footnote into clean clause text.
///
/// Two steps, each a single left-to-right pass (O(n) in the length of the text):
///
/// 1. ``join(_:hyphenation:)`` joins wrapped lines with one space, rejoining words broken by a
///    line-end hyphen according to the ``Hyphenation`` rule.
/// 2. ``clean(_:)`` removes presentation: emphasis markers (`*`, `**`, `_` at word edges),
///    simple HTML tags (`<i>`, `<b>`, `<em>`, …), invisible characters (soft hyphen, zero-width
///    spaces), control characters; straightens curly quotes and apostrophes (“ ” „ → `"`,
///    ‘ ’ ‚ → `'`); expands typographic ligatures (ﬁ → fi); collapses all white space to single
///    spaces and trims. Explicit footnote marks — superscript digits (¹ ² ³ ⁴), `<sup>1</sup>`,
///    LaTeX `$^{^1}$` / `$^{1}$` / `^{1}`, Markdown references `[^1]` — are not dropped but
///    replaced by a sentinel (U+E000 mark U+E001) that ``FootnoteMarks/Scanner`` later removes
///    and records, together with bare-digit marks.
///
/// Wording, punctuation, dashes and real hyphens are kept exactly.
enum TextNormalizer {
    static let markOpen: Unicode.Scalar = "\u{E000}"
    static let markClose: Unicode.Scalar = "\u{E001}"

    /// Joins lines (already trimmed) into one run of text. O(total length).
    static func join(_ lines: [Scalars], hyphenation: Hyphenation) -> Scalars {
        guard var out = lines.first else { return [] }
        for line in lines.dropFirst() where !line.isEmpty {
            append(line, to: &out, hyphenation: hyphenation)
        }
        return out
    }

    /// Appends `next` to `out` as the continuation of a wrapped line. O(|next|).
    static func append(_ next: Scalars, to out: inout Scalars, hyphenation: Hyphenation) {
        guard !next.isEmpty else { return }
        guard let last = out.last else {
            out = next
            return
        }
        let beforeLast: Unicode.Scalar? = out.count >= 2 ? out[out.count - 2] : nil
        if last == "-", let beforeLast, beforeLast.isLetter {
            if hyphenation.keepsHyphen(before: out, after: next) {
                out += next
            } else {
                out.removeLast()
                out += next
            }
            return
        }
        if last == "-", let beforeLast, beforeLast.isASCIIDigit {
            out += next  // "2021-" + "2025"
            return
        }
        if last == "\u{2013}" || last == "\u{2014}", let beforeLast, !beforeLast.isSpaceLike {
            out += next  // "2021–" + "2025"
            return
        }
        out.append(" ")
        out += next
    }

    /// Removes presentation and marks explicit footnote references (see the type's
    /// documentation). O(n).
    static func clean(_ s: Scalars) -> Scalars {
        // Output is at most three scalars per input scalar (a ligature, a mark in sentinels).
        Scalars(unsafeUninitializedCapacity: 3 * s.count + 8) { buffer, written in
            var out = ScalarWriter(buffer)
            clean(s, into: &out)
            while out.last == " " { out.removeLast() }
            written = out.count
        }
    }

    private static func clean(_ s: Scalars, into out: inout ScalarWriter) {
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            // Fast path: printable ASCII other than space and the markup characters < $ ^ [ * _
            let v = c.value
            if v > 0x20, v < 0x7F, v != 0x3C, v != 0x24, v != 0x5E, v != 0x5B, v != 0x2A, v != 0x5F {
                out.append(c)
                i += 1
                continue
            }
            if c.superscriptDigit != nil {
                out.append(markOpen)
                while i < n, let d = s[i].superscriptDigit {
                    out.append(d)
                    i += 1
                }
                out.append(markClose)
                continue
            }
            switch c {
            case "<":
                if let (m, end) = FootnoteMarks.htmlSuperscript(s, at: i) {
                    mark(m, into: &out)
                    i = end
                    continue
                }
                if let (end, isBreak) = formattingTag(s, at: i) {
                    if isBreak { space(&out) }
                    i = end
                    continue
                }
            case "$", "^", "[":
                if let (m, end) = FootnoteMarks.inlineMarkup(s, at: i) {
                    mark(m, into: &out)
                    i = end
                    continue
                }
            default: break
            }
            switch v {
            case 0x2A:  // *
                break
            case 0x5F:  // _ : emphasis unless inside a word (snake_case stays)
                let before = out.last
                let after: Unicode.Scalar? = i + 1 < n ? s[i + 1] : nil
                if (before?.isLetterOrDigit ?? false) && (after?.isLetterOrDigit ?? false) { out.append(c) }
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033:
                out.append("\"")
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032:
                out.append("'")
            case 0xFB00: out.append(contentsOf: ["f", "f"])
            case 0xFB01: out.append(contentsOf: ["f", "i"])
            case 0xFB02: out.append(contentsOf: ["f", "l"])
            case 0xFB03: out.append(contentsOf: ["f", "f", "i"])
            case 0xFB04: out.append(contentsOf: ["f", "f", "l"])
            case 0xFB05, 0xFB06: out.append(contentsOf: ["s", "t"])
            case 0xE000...0xF8FF:  // private use (symbol fonts in PDF extracts; our sentinels)
                break
            default:
                if c.isSpaceLike || c == "\n" {
                    space(&out)
                } else if c.isInvisible {
                    break
                } else if v < 0x20 || (v >= 0x7F && v <= 0x9F) {
                    space(&out)
                } else {
                    out.append(c)
                }
            }
            i += 1
        }
    }

    @inline(__always) private static func space(_ out: inout ScalarWriter) {
        if let last = out.last, last != " " { out.append(" ") }
    }

    @inline(__always) private static func mark(_ m: Scalars, into out: inout ScalarWriter) {
        out.append(markOpen)
        out.append(contentsOf: m)
        out.append(markClose)
    }

    /// `<i>`, `</em>`, `<br/>`, `<span …>` and similar presentation tags: the offset after the
    /// tag and whether it is a line break. `nil` for anything else (a literal `<` stays).
    static func formattingTag(_ s: Scalars, at i: Int) -> (end: Int, isBreak: Bool)? {
        var j = i + 1
        if j < s.count, s[j] == "/" { j += 1 }
        let nameStart = j
        while j < s.count, s[j].isLetter, j - nameStart < 8 { j += 1 }
        let name = s.string(nameStart..<j).lowercased()
        guard ["i", "b", "u", "em", "strong", "br", "small", "span", "p", "sub"].contains(name) else { return nil }
        var k = j
        while k < s.count, s[k] != ">", s[k] != "<", k - j < 80 { k += 1 }
        guard k < s.count, s[k] == ">" else { return nil }
        return (k + 1, name == "br" || name == "p")
    }

    /// The text without mark sentinels (for titles and footnote texts), tidied.
    static func droppingMarks(_ s: Scalars) -> Scalars {
        guard s.contains(markOpen) else { return s }
        var out = Scalars()
        var inMark = false
        for c in s {
            if c == markOpen {
                inMark = true
            } else if c == markClose {
                inMark = false
            } else if !inMark {
                if c == " ", out.last == " " { continue }
                out.append(c)
            }
        }
        return out.trimmed()
    }
}

/// The rule for a word broken by a hyphen at the end of a line (`strength-` / `ening`).
///
/// Given the letters before the hyphen (*left*) and the letters that start the next line
/// (*right*):
/// 1. If the next line does not start with a lower-case letter, the hyphen is real and kept:
///    `Secretary-` + `General` → `Secretary-General`, `non-` + `State` → `non-State`.
/// 2. If the compound `left-right` occurs elsewhere in the document (on one line), keep the
///    hyphen: `confidence-` + `building` → `confidence-building`.
/// 3. Else, if the joined word `leftright` occurs elsewhere in the document, drop the hyphen.
/// 4. Else keep the hyphen when *left* is a number word (`sixty-` + `second`) or a prefix that
///    is always hyphenated (`non`, `self`, `cross`, `counter`, `semi`, `quasi`, `well`), or when
///    *right* is a usual second element of a compound (`based`, `building`, `related`,
///    `oriented`, `mentioned`, `making`, `term`, `level`, `up`, …).
/// 5. Otherwise the hyphen was a typographic word break and is dropped:
///    `strength-` + `ening` → `strengthening`.
///
/// The document's words and hyphenated compounds are indexed once, on first use: O(n).
final class Hyphenation {
    private let source: () -> [Scalars]
    private var indexed = false
    private var compounds: Set<String> = []
    private var words: Set<String> = []

    /// `source` gives the lines whose words form the index; it is called at most once.
    init(source: @escaping () -> [Scalars]) {
        self.source = source
    }

    static let keptPrefixes: Set<String> = ["non", "self", "cross", "counter", "semi", "quasi", "well"]
    static let numberWords: Set<String> = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ]
    static let keptSecondElements: Set<String> = [
        "based", "building", "related", "oriented", "led", "owned", "making", "term", "level",
        "scale", "wide", "up", "mentioned", "binding", "ended", "free", "specific", "sensitive",
        "friendly", "bound", "driven", "affected", "centred", "centered",
    ]

    /// Whether the hyphen ending `before` is kept when `after` continues it on the next line.
    func keepsHyphen(before: Scalars, after: Scalars) -> Bool {
        guard let first = after.first, first.isLowercaseLetter else { return true }
        var start = before.count - 1  // the hyphen
        while start > 0, before[start - 1].isLetter { start -= 1 }
        let left = before.string(start..<(before.count - 1)).lowercased()
        var end = 0
        while end < after.count, after[end].isLetter { end += 1 }
        let right = after.string(0..<end).lowercased()
        return keepsHyphen(left: left, right: right)
    }

    func keepsHyphen(left: String, right: String) -> Bool {
        buildIndex()
        if compounds.contains(left + "-" + right) { return true }
        if words.contains(left + right) { return false }
        return Self.keptPrefixes.contains(left) || Self.numberWords.contains(left)
            || Self.keptSecondElements.contains(right)
    }

    /// Indexes every token of letters and internal hyphens: compounds (with a hyphen) and
    /// plain words, lower-cased. O(n).
    private func buildIndex() {
        guard !indexed else { return }
        indexed = true
        for line in source() {
            var i = 0
            while i < line.count {
                guard line[i].isLetter else {
                    i += 1
                    continue
                }
                let start = i
                var hasHyphen = false
                while i < line.count {
                    if line[i].isLetter {
                        i += 1
                    } else if line[i] == "-", i + 1 < line.count, line[i + 1].isLetter, i > start {
                        hasHyphen = true
                        i += 1
                    } else {
                        break
                    }
                }
                let token = line.string(start..<i).lowercased()
                if hasHyphen { compounds.insert(token) } else { words.insert(token) }
            }
        }
    }
}
