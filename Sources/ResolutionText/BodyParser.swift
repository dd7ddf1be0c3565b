/// Reads the body of a resolution — from the line after "The General Assembly," to the plenary
/// meeting line — into paragraphs and footnotes, and the lines after the meeting line for the
/// footnotes that word-processor exports put there.
///
/// The algorithm works in passes over the lines, each O(n) in the size of the text:
///
/// 1. **Roles.** Every line is blank, furniture (``Furniture``), a rule, part of a footnote, or
///    body text. A footnote starts with an explicit mark (`¹ See …`, `<sup>1</sup> …`,
///    `$^{^2}$ …`, `[^1]: …`) anywhere, or with a bare number (`1 See …`) when that number is
///    the next footnote number and the line stands where footnotes stand (or with `*`, `†`
///    below an underscore rule): after a rule, after
///    another footnote, after the meeting line, or after a blank line that follows a complete
///    paragraph. A footnote continues on the next lines while its text has not ended with a
///    full stop and the next line is not indented, blank, furniture or a new footnote.
/// 2. **Layout.** If more than a quarter of the text lines end without punctuation the text is
///    *wrapped* (PDF extracts): a paragraph runs over several lines and starts after a blank
///    line, at a line indented more than the others, or at a number label after a line that
///    ends a sentence. Otherwise every line is a paragraph of its own.
/// 3. **Blocks.** Lines are grouped into blocks, joined (``TextNormalizer/join(_:hyphenation:)``),
///    their label read (`1.`, `(a)`, Markdown bullets `- ` dropped), their text cleaned and
///    their footnote marks extracted (``FootnoteMarks/Scanner``).
/// 4. **Merging.** A block without a label continues the previous one when that one has no
///    text yet (a label on its own line), does not end with punctuation (a paragraph split by
///    a footnote block or a page break), or when the block starts with a lower-case letter.
/// 5. **Kinds.** Before the first numbered paragraph, unlabelled blocks are preambular
///    paragraphs; numbered blocks are operative; lettered, roman, bracketed-number and dotted
///    (`1.1.`) blocks are sub-paragraphs, placed by ``Nesting``: `(i)` under `(b)`, `1.5` under
///    operative paragraph 1, `(a)` under the nearest paragraph otherwise. After the first
///    operative paragraph, an unlabelled block (a quotation, a paragraph's continuation after a
///    page break) belongs to the paragraph or item before it.
struct BodyParser {
    let lines: [SourceLine]
    /// The paragraphs' lines.
    let body: Range<Int>
    /// The lines after the meeting line: footnotes and furniture only.
    let tail: Range<Int>
    let title: String?
    let hyphenation: Hyphenation
    /// Footnote marks the heading carries (the part letter's `B1`): footnote 1 is referred to
    /// before the body, so the body's first mark is 2.
    var headingMarks: [String] = []

    struct Output {
        var paragraphs: [Paragraph]
        var footnotes: [Footnote]
        /// Marks referenced in the text with no footnote text: (mark, paragraph index).
        var missingFootnotes: [(mark: String, paragraph: Int)]
        /// A bare number shaped like the next footnote mark, with no footnote of that number:
        /// (mark, the text it is glued to, paragraph index).
        var suspectedMissingFootnote: (mark: String, context: String, paragraph: Int)?
        /// Tail lines that are not footnotes (furniture, left-overs): where word-processor exports
        /// keep the session and agenda item.
        var tailFurniture: [Int]
    }

    /// What a line is, decided in pass 1.
    private enum Role: Equatable {
        case blank, furniture, rule, footnote, text, ignored
    }

    /// A footnote as found: its mark and its (still raw) lines.
    private struct Definition {
        var mark: String
        var lines: [Scalars]
        var indent: Int
    }

    /// The label that opens a block.
    private enum Label: Equatable {
        case operative(String)
        case sub(String)
    }

    /// A run of lines read as one unit: its label, clean text and footnote marks.
    private struct Block {
        var label: Label?
        var text: Scalars
        var marks: [String]
        var suspect: (mark: String, context: String)?
    }

    func parse() -> Output {
        let all = body.lowerBound..<tail.upperBound
        var roles = [Role](repeating: .blank, count: lines.count)
        let heads = Furniture.runningHeads(in: lines, range: all, title: title)

        // 1. Roles and footnote definitions.
        var definitions: [Definition] = []
        var current: Int?
        var afterRule = false
        var afterUnderscores = false
        var previousContent: Role = .blank
        var lastText: Scalars = []
        var highestNumber = 0
        var tailFurniture: [Int] = []
        /// Numbers glued to a word of the body text so far (`Development,1`): marks that wait for
        /// their footnote.
        var gluedMarks = Set<Int>()
        for i in all {
            let line = lines[i]
            let inTail = i >= tail.lowerBound
            if line.isBlank {
                roles[i] = .blank
                current = nil
                continue
            }
            if heads.contains(i) || Furniture.isFurniture(line.text) {
                roles[i] = .furniture
                current = nil
                if inTail { tailFurniture.append(i) }
                continue
            }
            if Furniture.isRule(line.text) {
                roles[i] = .rule
                afterRule = true
                afterUnderscores = line.text.contains("_")
                current = nil
                previousContent = .rule
                continue
            }
            if let (mark, text) = (afterUnderscores ? FootnoteMarks.symbolDefinition(line.text) : nil) ?? FootnoteMarks.reissueNote(line.text) {
                definitions.append(Definition(mark: mark, lines: [text], indent: line.indent))
                current = definitions.count - 1
                roles[i] = .footnote
                previousContent = .footnote
                continue
            }
            if let (mark, text) = FootnoteMarks.explicitDefinition(line.text) {
                definitions.append(Definition(mark: mark, lines: [text], indent: line.indent))
                if let v = Int(mark) { highestNumber = max(highestNumber, v) }
                current = definitions.count - 1
                roles[i] = .footnote
                previousContent = .footnote
                continue
            }
            if let (number, text) = FootnoteMarks.bareDefinition(line.text), number == highestNumber + 1 {
                let previousBlank = i == 0 || roles[i - 1] == .blank || roles[i - 1] == .furniture
                let placed =
                    afterRule || previousContent == .footnote || inTail
                    || (previousBlank && Self.endsSentence(lastText))
                    || (gluedMarks.contains(number) && footnotesEndPage(from: i, first: number, heads: heads))
                if placed {
                    definitions.append(Definition(mark: String(number), lines: [text], indent: line.indent))
                    highestNumber = number
                    current = definitions.count - 1
                    roles[i] = .footnote
                    previousContent = .footnote
                    continue
                }
            }
            if let c = current, continuesFootnote(definitions[c], line) {
                definitions[c].lines.append(line.text)
                roles[i] = .footnote
                continue
            }
            current = nil
            if inTail {
                roles[i] = .ignored
                tailFurniture.append(i)
                continue
            }
            roles[i] = .text
            Self.noteGluedMarks(line.text, into: &gluedMarks)
            afterRule = false
            afterUnderscores = false
            previousContent = .text
            lastText = line.text
        }

        var footnotes: [Footnote] = []
        var seenMarks = Set<String>()
        for d in definitions where !seenMarks.contains(d.mark) {
            seenMarks.insert(d.mark)
            let text = TextNormalizer.droppingMarks(TextNormalizer.clean(TextNormalizer.join(d.lines, hyphenation: hyphenation)))
            footnotes.append(Footnote(mark: d.mark, text: text.string))
        }
        footnotes = footnotes.enumerated().sorted { a, b in
            let x = Int(a.element.mark) ?? Int.max
            let y = Int(b.element.mark) ?? Int.max
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)

        // 2. Layout.
        let textLines = body.filter { roles[$0] == .text }
        let minIndent = textLines.map { lines[$0].indent }.min() ?? 0
        let unended = textLines.filter { !Self.endsSentence(lines[$0].text) }.count
        let wrapped = unended * 4 > textLines.count

        // 3. Blocks.
        var groups: [[Scalars]] = []
        var previous = -2
        for i in textLines {
            let line = lines[i]
            let startsNew =
                groups.isEmpty || i != previous + 1 || !wrapped || line.indent > minIndent
                || (Self.label(line.text).label != nil && Self.endsSentence(lines[previous].text))
            if startsNew { groups.append([line.text]) } else { groups[groups.count - 1].append(line.text) }
            previous = i
        }
        var scanner = FootnoteMarks.Scanner(footnotes: footnotes)
        for m in headingMarks { scanner.noteSeen(m) }
        var blocks: [Block] = []
        for group in groups {
            let raw = TextNormalizer.join(group, hyphenation: hyphenation)
            let (label, start) = Self.label(raw)
            let before = scanner.suspect == nil
            let (text, marks) = scanner.extract(TextNormalizer.clean(Scalars(raw[start...])))
            blocks.append(Block(label: label, text: text, marks: marks, suspect: before ? scanner.suspect : nil))
        }

        // 4. Merging (in place: appending to the last block never copies it).
        var merged: [Block] = []
        for b in blocks {
            if let last = merged.last, b.label == nil,
                last.text.isEmpty || !Self.endsSentence(last.text) || (b.text.first?.isLowercaseLetter ?? false)
            {
                Self.absorb(b, into: &merged[merged.count - 1], hyphenation: hyphenation)
            } else {
                merged.append(b)
            }
        }

        // 5. Kinds: unlabelled blocks after the first operative paragraph join the one before.
        var kinds: [Block] = []
        kinds.reserveCapacity(merged.count)
        var inOperativePart = false
        for b in merged {
            if case .operative = b.label { inOperativePart = true }
            if b.label == nil, inOperativePart, !kinds.isEmpty {
                Self.absorb(b, into: &kinds[kinds.count - 1], hyphenation: hyphenation)
            } else {
                kinds.append(b)
            }
        }
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(kinds.count)
        var nesting = Nesting()
        var suspected: (mark: String, context: String, paragraph: Int)?
        for b in kinds {
            let index = paragraphs.count
            if suspected == nil, let (mark, context) = b.suspect { suspected = (mark, context, index) }
            switch b.label {
            case .operative(let n):
                nesting.begin(index, label: n)
                paragraphs.append(Paragraph(index: index, kind: .operative, label: n, text: b.text.string, footnotes: b.marks))
            case .sub(let l):
                let parent = nesting.place(l, at: index, in: paragraphs)
                paragraphs.append(Paragraph(index: index, kind: .subparagraph, label: l, parent: parent, text: b.text.string, footnotes: b.marks))
            case nil:
                nesting.begin(index, label: nil)
                paragraphs.append(Paragraph(index: index, kind: .preambular, text: b.text.string, footnotes: b.marks))
            }
        }

        var missing: [(mark: String, paragraph: Int)] = []
        for p in paragraphs {
            for m in p.footnotes where !seenMarks.contains(m) { missing.append((m, p.index)) }
        }
        return Output(
            paragraphs: paragraphs, footnotes: footnotes, missingFootnotes: missing,
            suspectedMissingFootnote: suspected, tailFurniture: tailFurniture)
    }

    /// Appends block `b` (text and marks) to `block`. O(|b|) amortised.
    private static func absorb(_ b: Block, into block: inout Block, hyphenation: Hyphenation) {
        TextNormalizer.append(b.text, to: &block.text, hyphenation: hyphenation)
        for m in b.marks where !block.marks.contains(m) { block.marks.append(m) }
        if block.suspect == nil { block.suspect = b.suspect }
    }

    /// Whether the lines from `start` (a bare footnote line numbered `first`) are a page's
    /// footnotes with no rule above them (a plain `pdftotext` extract drops the rule and the
    /// space): bare footnote lines numbered in sequence and their continuations, up to a blank
    /// line, a page's furniture or the end of the text, within ``maxFootnoteRun`` lines.
    ///
    /// - Complexity: O(``maxFootnoteRun``).
    private func footnotesEndPage(from start: Int, first: Int, heads: Set<Int>) -> Bool {
        var expected = first + 1
        var j = start + 1
        while j < tail.upperBound, j - start <= Self.maxFootnoteRun {
            let line = lines[j]
            if line.isBlank || heads.contains(j) || Furniture.isFurniture(line.text) { return true }
            if let (number, _) = FootnoteMarks.bareDefinition(line.text) {
                guard number == expected else { return false }
                expected += 1
            } else if Self.label(line.text).label != nil {
                return false
            }
            j += 1
        }
        return j >= tail.upperBound
    }

    /// The most lines a page's footnotes run to, for ``footnotesEndPage(from:first:heads:)``.
    static let maxFootnoteRun = 40

    /// Adds to `marks` every number glued to the end of a word or a punctuation mark in `s`
    /// (`Development,1`, `2019;12`), the way a flattened superscript mark reads.
    ///
    /// - Complexity: O(|s|).
    private static func noteGluedMarks(_ s: Scalars, into marks: inout Set<Int>) {
        var k = 1
        while k < s.count {
            let before = s[k - 1]
            if s[k].isASCII, ("0"..."9").contains(s[k]), before.isLetter || [",", ";", ":", ".", ")", "\u{201D}"].contains(before) {
                var end = k
                var value = 0
                while end < s.count, end - k < 3, s[end].isASCII, ("0"..."9").contains(s[end]) {
                    value = value * 10 + Int(s[end].value - 48)
                    end += 1
                }
                if end == s.count || !(s[end].isASCII && ("0"..."9").contains(s[end])) { marks.insert(value) }
                k = end
            } else {
                k += 1
            }
        }
    }

    /// Whether `line` continues the footnote `d` (see the type's documentation).
    private func continuesFootnote(_ d: Definition, _ line: SourceLine) -> Bool {
        guard line.indent <= d.indent, Self.label(line.text).label == nil, let last = d.lines.last else { return false }
        let end = last.trimmed()
        guard end.last == "." else { return true }
        // "Supplement No." / "para." end a line without ending the footnote.
        var w = end.count - 1
        while w > 0, end[w - 1].isLetter { w -= 1 }
        return FootnoteMarks.abbreviations.contains(end.string(w..<(end.count - 1)).lowercased())
            && end.count - 1 - w > 1
    }

    /// Whether a line or paragraph ends a sentence or clause: its last character, after closing
    /// quotes and brackets and any trailing footnote mark, is one of `, ; : . ! ?`.
    static func endsSentence(_ s: Scalars) -> Bool {
        var e = s.count
        while e > 0 {
            let c = s[e - 1]
            if c.isSpaceLike || c == "*" || c == "_" || c.superscriptDigit != nil {
                e -= 1
                continue
            }
            if c == ">", let open = lastIndex(of: "<", in: s, before: e), s.has("</sup>", at: open) || s.has("<sup>", at: open) {
                e = open
                continue
            }
            if c.isASCIIDigit {
                // A bare mark glued to punctuation ("made,1"), not a number ("in 2004").
                var d = e - 1
                while d > 0, s[d - 1].isASCIIDigit { d -= 1 }
                if e - d <= 3, d > 0, ",;:.)\"'".unicodeScalars.contains(s[d - 1]) {
                    e = d
                    continue
                }
                // "made, 1": a mark standing alone after punctuation.
                if e - d <= 3, d > 1, s[d - 1] == " ", ",;:.".unicodeScalars.contains(s[d - 2]) {
                    e = d - 1
                    continue
                }
                return false
            }
            break
        }
        while e > 0, s[e - 1] == "\"" || s[e - 1] == "'" || s[e - 1] == ")" || s[e - 1] == "]"
            || s[e - 1] == "\u{201D}" || s[e - 1] == "\u{2019}"
        {
            e -= 1
        }
        guard e > 0 else { return false }
        return ",;:.!?".unicodeScalars.contains(s[e - 1])
    }

    private static func lastIndex(of c: Unicode.Scalar, in s: Scalars, before e: Int) -> Int? {
        var k = e - 1
        while k >= 0, e - k < 12 {
            if s[k] == c { return k }
            k -= 1
        }
        return nil
    }

    /// The label at the start of a block: `1.` (operative), `(a)`, `(iv)`, `(12)`, `1.1.` (sub-paragraph),
    /// after an optional Markdown bullet and emphasis markers; and where the text begins.
    private static func label(_ s: Scalars) -> (label: Label?, start: Int) {
        var i = 0
        if s.count >= 2, s[0] == "-" || s[0] == "+" || s[0] == "\u{2022}" || s[0] == "*", s[1].isSpaceLike {
            i = s.skippingSpaces(from: 1)
        }
        let afterBullet = i
        while i < s.count, s[i] == "*" || s[i] == "_" { i += 1 }
        func textStart(_ j: Int) -> Int? {
            guard j == s.count || s[j].isSpaceLike || s[j] == "*" || s[j] == "_" else { return nil }
            var k = j
            while k < s.count, s[k].isSpaceLike || s[k] == "*" || s[k] == "_" { k += 1 }
            return k
        }
        if let (_, e) = s.digits(at: i, maxDigits: 3), e < s.count, s[e] == ".", s[i] != "0" {
            if let start = textStart(e + 1) { return (.operative(s.string(i..<e)), start) }
            // A dotted item: `1.1.`, `1.13.`, `1.5.2.` (or `1.1` before a capital letter).
            var end = e
            while end < s.count, s[end] == ".", let (_, f) = s.digits(at: end + 1, maxDigits: 3), s[end + 1] != "0" { end = f }
            if end > e {
                if end < s.count, s[end] == ".", let start = textStart(end + 1) {
                    return (.sub(s.string(i..<end)), start)
                }
                if let start = textStart(end), start > end, start < s.count, s[start].isUppercaseLetter {
                    return (.sub(s.string(i..<end)), start)
                }
            }
        }
        if i < s.count, s[i] == "(" {
            var j = i + 1
            while j < s.count, s[j].isASCIIDigit || (s[j].value < 0x80 && s[j].isLowercaseLetter), j - i <= 5 { j += 1 }
            if j > i + 1, j < s.count, s[j] == ")", let start = textStart(j + 1) {
                return (.sub(s.string(i..<(j + 1))), start)
            }
        }
        return (nil, afterBullet)
    }
    /// Which paragraph an item belongs to, from the lists open in the current paragraph: a
    /// label that follows the last item of an open list (`(c)` after `(b)`, `(ii)` after `(i)`,
    /// `1.6` after `1.5`; the innermost list first) is that item's sibling; a label that starts a
    /// list (`(a)`, `(i)`, `(1)`) opens one under the last item (`(i)` under `(b)`: op3(b)(i)),
    /// or under the paragraph when no list is open, or restarts an open list of its style when
    /// the last item does not introduce a list (does not end with `:`); a dotted item `1.1`
    /// belongs to the paragraph or item numbered by its prefix (`1`, `1.1` for `1.1.1`). Anything
    /// else joins the innermost open list of its style, or the paragraph.
    ///
    /// - Complexity: O(depth of the open lists) per item.
    struct Nesting {
        /// One open list: its style, its last item's label and index, and the list's parent.
        struct Level {
            var style: Numbering.Style
            var last: String
            var item: Int
            var parent: Int?
        }
        /// The paragraph that is not a sub-paragraph the items belong to, and its label.
        var top: Int?
        var topLabel: String?
        var levels: [Level] = []

        mutating func begin(_ index: Int, label: String?) {
            top = index
            topLabel = label
            levels = []
        }

        /// The parent of item `label` at `index` (nil before any paragraph).
        mutating func place(_ label: String, at index: Int, in paragraphs: [Paragraph]) -> Int? {
            // A follower of an open list, innermost first.
            for k in stride(from: levels.count - 1, through: 0, by: -1) where Numbering.follows(label, levels[k].last, in: levels[k].style) {
                levels.removeLast(levels.count - 1 - k)
                levels[k].last = label
                levels[k].item = index
                return levels[k].parent
            }
            if let prefix = Numbering.dottedParent(label) {
                // Under the paragraph or the item its prefix numbers.
                var parent = top
                var depth = 0
                if topLabel != prefix, let k = levels.lastIndex(where: { $0.last == prefix }) {
                    parent = levels[k].item
                    depth = k + 1
                } else if let k = levels.lastIndex(where: { $0.style == .dotted && Numbering.dottedParent($0.last) == prefix }) {
                    levels.removeLast(levels.count - 1 - k)
                    levels[k].last = label
                    levels[k].item = index
                    return levels[k].parent
                }
                levels.removeLast(levels.count - depth)
                levels.append(Level(style: .dotted, last: label, item: index, parent: parent))
                return parent
            }
            if let style = Numbering.startingStyle(label) {
                let introduces = levels.last.map { paragraphs[$0.item].text.hasSuffix(":") } ?? false
                if !introduces, let k = levels.lastIndex(where: { $0.style == style }) {
                    levels.removeLast(levels.count - 1 - k)
                    levels[k].last = label
                    levels[k].item = index
                    return levels[k].parent
                }
                let parent = levels.last?.item ?? top
                levels.append(Level(style: style, last: label, item: index, parent: parent))
                return parent
            }
            let styles = Numbering.styles(label)
            if let k = levels.lastIndex(where: { styles.contains($0.style) }) {
                levels.removeLast(levels.count - 1 - k)
                levels[k].last = label
                levels[k].item = index
                return levels[k].parent
            }
            if levels.isEmpty, let style = styles.first {
                levels.append(Level(style: style, last: label, item: index, parent: top))
            }
            return levels.first?.parent ?? top
        }
    }
}

