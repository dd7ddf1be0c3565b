/// Footnote marks and footnote definitions, in all the shapes the inputs use.
///
/// *Explicit* marks are unambiguous markup: superscript digits (`made,¹`), `<sup>1</sup>`,
/// LaTeX `$^{^1}$`, `$^{1}$`, `^{1}`, Markdown `[^1]`. *Bare* marks are plain digits that PDF
/// and word-processor exports leave glued to the text (`made,1`, `Security,4 to continue`,
/// `July 20124` for "July 2012" + mark 4). A bare number is read as a mark only when a
/// footnote with that mark exists and the context fits (see ``Scanner``); real numbers such as
/// `resolution 58/32,`, `in 2012,`, `paragraphs 1 to 3`, `Add.1` are never touched.
enum FootnoteMarks {
    /// Characters allowed in a mark.
    static func isMarkScalar(_ c: Unicode.Scalar) -> Bool {
        c.isASCIIDigit || (c.value < 0x80 && c.isLetter) || c == "*" || c == "\u{2020}" || c == "\u{2021}"
    }

    /// Reads up to four mark characters at `i`: the mark and the offset after it.
    private static func markRun(_ s: Scalars, at i: Int) -> (Scalars, Int)? {
        var j = i
        while j < s.count, isMarkScalar(s[j]), j - i < 4 { j += 1 }
        return j > i ? (Scalars(s[i..<j]), j) : nil
    }

    /// `<sup>1</sup>` at `i`: the mark and the offset after the closing tag.
    static func htmlSuperscript(_ s: Scalars, at i: Int) -> (Scalars, Int)? {
        guard s.has("<sup>", at: i, ignoringCase: true) else { return nil }
        let start = i + 5
        guard let close = s.firstIndex(of: "</sup>", from: start, ignoringCase: true), close - start <= 12 else { return nil }
        let inner = Scalars(s[start..<close]).trimmed()
        guard !inner.isEmpty, inner.allSatisfy(isMarkScalar) else { return nil }
        return (inner, close + 6)
    }

    /// LaTeX `$^{^1}$`, `$^{1}$`, `$^1$`, `${}^{1}$`, bare `^{1}`, or a Markdown reference
    /// `[^1]` (not a definition `[^1]:`) at `i`: the mark and the offset after it.
    static func inlineMarkup(_ s: Scalars, at i: Int) -> (Scalars, Int)? {
        let n = s.count
        switch s[i] {
        case "$":
            var j = i + 1
            if s.has("{}", at: j) { j += 2 }
            guard j < n, s[j] == "^" else { return nil }
            j += 1
            let braced = j < n && s[j] == "{"
            if braced { j += 1 }
            if j < n, s[j] == "^" { j += 1 }
            guard let (m, end) = markRun(s, at: j) else { return nil }
            j = end
            if braced {
                guard j < n, s[j] == "}" else { return nil }
                j += 1
            }
            guard j < n, s[j] == "$" else { return nil }
            return (m, j + 1)
        case "^":
            guard i + 1 < n, s[i + 1] == "{" else { return nil }
            var j = i + 2
            if j < n, s[j] == "^" { j += 1 }
            guard let (m, end) = markRun(s, at: j), end < n, s[end] == "}" else { return nil }
            return (m, end + 1)
        case "[":
            guard i + 1 < n, s[i + 1] == "^", let (m, end) = markRun(s, at: i + 2), end < n, s[end] == "]" else {
                return nil
            }
            if end + 1 < n, s[end + 1] == ":" { return nil }
            return (m, end + 1)
        default:
            return nil
        }
    }

    /// A line that defines a footnote with an explicit mark: `¹ See …`, `<sup>1</sup> See …`,
    /// `$^{^2}$ A/54/213 …`, `[^1]: See …`. The text must not start with a lower-case letter
    /// (that would be a wrapped line beginning with a mark).
    static func explicitDefinition(_ line: Scalars) -> (mark: String, text: Scalars)? {
        guard let first = line.first else { return nil }
        var mark: Scalars?
        var end = 0
        if first.superscriptDigit != nil {
            var m = Scalars()
            while end < line.count, let d = line[end].superscriptDigit {
                m.append(d)
                end += 1
            }
            mark = m
        } else if first == "<", let (m, e) = htmlSuperscript(line, at: 0) {
            (mark, end) = (m, e)
        } else if first == "[", line.count > 2, line[1] == "^", let (m, e) = markRun(line, at: 2),
            line.has("]:", at: e)
        {
            (mark, end) = (m, e + 2)
        } else if first == "$" || first == "^", let (m, e) = inlineMarkup(line, at: 0) {
            (mark, end) = (m, e)
        }
        guard let mark else { return nil }
        let text = Scalars(line[line.skippingSpaces(from: end)...])
        guard let t = text.first, !t.isLowercaseLetter else { return nil }
        return (mark.string, text)
    }

    /// A line that may define a footnote with a bare number: `1 See A/51/261, annex.`,
    /// `3  A/54/213, …`. The number (1 to 3 digits) is followed by white space and by text that
    /// starts with a capital letter and is not a month (`2 December 2014` is a date). Whether
    /// such a line really is a footnote depends on where it stands (see ``BodyParser``).
    static func bareDefinition(_ line: Scalars) -> (number: Int, text: Scalars)? {
        guard let (number, end) = line.digits(at: 0, maxDigits: 3), number > 0, end < line.count,
            line[end].isSpaceLike
        else { return nil }
        let start = line.skippingSpaces(from: end)
        guard start < line.count, line[start].isUppercaseLetter else { return nil }
        var wordEnd = start
        while wordEnd < line.count, line[wordEnd].isLetter { wordEnd += 1 }
        if Dates.month(line.string(start..<wordEnd)) != nil { return nil }
        return (number, Scalars(line[start...]))
    }

    /// A line that defines a footnote with a symbol mark (`* Reissued for technical reasons…`,
    /// `† …`): one to three of `*`, `†`, `‡`, white space, and text starting with a capital.
    /// Only meaningful below an underscore rule (a Markdown `* ` is a bullet).
    static func symbolDefinition(_ line: Scalars) -> (mark: String, text: Scalars)? {
        var end = 0
        while end < line.count, end < 3, line[end] == "*" || line[end] == "\u{2020}" || line[end] == "\u{2021}" { end += 1 }
        guard end > 0, end < line.count, line[end].isSpaceLike else { return nil }
        let start = line.skippingSpaces(from: end)
        guard start < line.count, line[start].isUppercaseLetter else { return nil }
        return (line.string(0..<end), Scalars(line[start...]))
    }

    /// The note of a reissued text, `* Reissued for technical reasons on 21 June 2021.` (also
    /// `*Reissued …`), wherever it stands: a footnote of mark `*` (the mark of the symbol).
    static func reissueNote(_ line: Scalars) -> (mark: String, text: Scalars)? {
        guard line.first == "*" else { return nil }
        let start = line.skippingSpaces(from: 1)
        guard line.has("Reissued for technical reasons", at: start) else { return nil }
        return ("*", Scalars(line[start...]))
    }

    /// Abbreviations after which `.1` is part of a reference (`Add.1`, `Corr.1`, `No.2`), not a
    /// footnote mark.
    static let abbreviations: Set<String> = [
        "add", "corr", "rev", "no", "nos", "vol", "para", "paras", "chap", "sect", "art", "arts",
        "p", "pp", "suppl", "ser", "sess", "fig", "res", "dec", "doc", "op", "cit", "e", "i", "g",
    ]

    /// Removes footnote marks from cleaned paragraph text and records them, in document order.
    ///
    /// Explicit marks (the sentinels left by ``TextNormalizer/clean(_:)``) are always marks. A
    /// bare run of digits is a mark only when a footnote with that number exists, the number is
    /// at most one more than the highest mark met so far in the document (footnotes are
    /// numbered in order of first reference), and it stands in one of these contexts:
    /// - glued after punctuation: `made,1`, `Security;2`, `2010,1`, `(second phase),2`,
    ///   `States.3` — but not after an abbreviation or a digit-dot (`Add.1`, `Corr.1`, `1.2`),
    ///   and not a thousands group (`1,000`);
    /// - glued after a word of at least three letters with a lower-case letter: `work4`;
    /// - glued to a year: `20124` → `2012` + mark 4 (a five- or six-digit run whose first four
    ///   digits are a year 1900–2099);
    /// - standing alone right after a year: `its 2013 3 and` → `its 2013 and` + mark 3;
    /// - standing alone at the very end of the paragraph after punctuation: `it made, 1`.
    ///
    /// In every case the digits must be followed by white space, punctuation or the end.
    /// One pass over the text: O(n).
    struct Scanner {
        private let numbered: Set<Int>
        private var highest: Int
        /// The first glued number shaped like the next footnote mark for which no footnote
        /// exists (`made,1` in a text whose footnotes are missing): the mark and the word it is
        /// glued to. A sign that the text was cut off before its footnotes.
        private(set) var suspect: (mark: String, context: String)?

        init(footnotes: [Footnote]) {
            numbered = Set(footnotes.compactMap { Int($0.mark) })
            highest = (numbered.min() ?? 1) - 1
        }

        /// Notes a mark met outside the paragraphs (the part heading's `B1`), so that the next
        /// mark may follow it.
        mutating func noteSeen(_ mark: String) {
            if let v = Int(mark) { highest = max(highest, v) }
        }

        private func acceptable(_ value: Int) -> Bool {
            numbered.contains(value) && value <= highest + 1
        }

        private static func isYear(_ s: Scalars, _ range: Range<Int>) -> Bool {
            guard range.count == 4, range.lowerBound >= 0 else { return false }
            if range.lowerBound > 0, s[range.lowerBound - 1].isASCIIDigit || s[range.lowerBound - 1] == "/" {
                return false
            }
            var v = 0
            for k in range {
                guard s[k].isASCIIDigit else { return false }
                v = v * 10 + s[k].digitValue
            }
            return (1900...2099).contains(v)
        }

        /// Notes a mark, and drops a space left before it when what follows is a space,
        /// punctuation or the end ("2013 3 and" → "2013 and").
        private mutating func record(_ mark: String, next: Int, in s: Scalars, out: inout Scalars, marks: inout [String]) {
            if !marks.contains(mark) { marks.append(mark) }
            if let v = Int(mark) { highest = max(highest, v) }
            if out.last == " " {
                let following: Unicode.Scalar? = next < s.count ? s[next] : nil
                if following == nil || following == " " || following == "," || following == ";"
                    || following == ":" || following == "." || following == ")"
                {
                    out.removeLast()
                }
            }
        }

        /// The text without marks, and the marks in order of appearance (without repeats).
        mutating func extract(_ s: Scalars) -> (text: Scalars, marks: [String]) {
            var out = Scalars()
            out.reserveCapacity(s.count)
            var marks: [String] = []
            let n = s.count
            var i = 0

            while i < n {
                let c = s[i]
                if c == TextNormalizer.markOpen {
                    var j = i + 1
                    while j < n, s[j] != TextNormalizer.markClose { j += 1 }
                    record(s.string((i + 1)..<j), next: j + 1, in: s, out: &out, marks: &marks)
                    i = j + 1
                    continue
                }
                guard c.isASCIIDigit, i == 0 || !s[i - 1].isASCIIDigit else {
                    out.append(c)
                    i += 1
                    continue
                }
                var end = i
                while end < n, s[end].isASCIIDigit { end += 1 }
                let length = end - i
                let prev: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
                let next: Unicode.Scalar? = end < n ? s[end] : nil
                var nextFits = next == nil || next == " " || next == "," || next == ";" || next == ":" || next == ")"
                    || next == TextNormalizer.markOpen
                if next == ".", end + 1 >= n || s[end + 1] == " " { nextFits = true }
                var value = 0
                if length <= 3 { for k in i..<end { value = value * 10 + s[k].digitValue } }
                // Whether the context fits a mark (the number is checked after).
                var fits = false
                var glued = false  // after punctuation or a word, not after a space
                if nextFits, length <= 3, s[i] != "0", let prev {
                    glued = prev != " "
                    switch prev {
                    case ",", ";", ":":
                        // A digit before the comma: "2010,1" is a mark, "1,000" a number.
                        fits = !(i >= 2 && s[i - 2].isASCIIDigit && length == 3)
                    case ".":
                        if i >= 2, s[i - 2].isLetter {
                            var w = i - 2
                            while w > 0, s[w - 1].isLetter { w -= 1 }
                            let word = s.string(w..<(i - 1)).lowercased()
                            fits = word.count > 1 && !FootnoteMarks.abbreviations.contains(word)
                        } else if i >= 2 {
                            fits = s[i - 2] == ")" || s[i - 2] == "\"" || s[i - 2] == "'"
                        }
                    case ")", "\"", "'", "]":
                        fits = true
                    case " ":
                        // Standing alone after a year: "2013 3", "2010, 1".
                        if length <= 2, i >= 2 {
                            let yearEnd = s[i - 2] == "," ? i - 2 : i - 1
                            fits = yearEnd >= 4 && Self.isYear(s, (yearEnd - 4)..<yearEnd)
                        }
                        // Standing alone at the very end, after punctuation: "it made, 1".
                        if !fits, end == n, i >= 2, ",;:.".unicodeScalars.contains(s[i - 2]) { fits = true }
                    default:
                        if prev.isLetter {
                            var w = i - 1
                            while w > 0, s[w - 1].isLetter { w -= 1 }
                            let before: Unicode.Scalar? = w > 0 ? s[w - 1] : nil
                            fits = i - w >= 3 && s[w..<i].contains(where: { $0.isLowercaseLetter })
                                && !(before?.isASCIIDigit ?? false) && before != "/"
                        }
                    }
                }
                if fits, glued, value == highest + 1, !numbered.contains(value), suspect == nil {
                    // Shaped like the next mark, but no footnote has that number.
                    var w = i
                    while w > 0, !s[w - 1].isSpaceLike { w -= 1 }
                    suspect = (String(value), s.string(w..<end))
                }
                if fits, acceptable(value) {
                    record(String(value), next: end, in: s, out: &out, marks: &marks)
                    i = end
                    continue
                }
                // A year with a mark glued on: "20124" = 2012 + 4.
                if nextFits, length == 5 || length == 6, prev == nil || prev == " " || prev == "(",
                    Self.isYear(s, i..<(i + 4)), s[i + 4] != "0",
                    case let v = s[(i + 4)..<end].reduce(0, { $0 * 10 + $1.digitValue }), acceptable(v)
                {
                    out += s[i..<(i + 4)]
                    record(String(v), next: end, in: s, out: &out, marks: &marks)
                    i = end
                    continue
                }
                out += s[i..<end]
                i = end
            }
            while out.last == " " { out.removeLast() }
            return (out, marks)
        }
    }
}
