import PDFText
import ResolutionText

/// Turns the pages of a PDF into the clean text ``ResolutionParser`` reads, using positions and
/// fonts rather than guesses on flattened text:
///
/// 1. **Lines** from character boxes (``PDFLineBuilder``): raised marks in a smaller size become
///    Unicode superscript digits glued to their word (`made,¹`), which the parser reads as
///    footnote marks.
/// 2. **Furniture** dropped by position and shape (``PDFFurniture``): running heads, footers, job
///    numbers, page markers, bar codes, anything repeated in the page bands.
/// 3. **Footnotes**: the lines at the foot of a page in a smaller size than the body, the first
///    of them starting with a mark and standing apart from the text above. Each footnote is
///    written on one line (`¹ See A/51/261, annex.`) after the whole body, so that a paragraph
///    running across a page break stays whole.
/// 4. **Paragraphs**: a line starts a paragraph when a vertical gap wider than the line spacing
///    stands before it, when it is indented past the lines before it, or, at the top of a page,
///    when it is indented from the page's text column (or, where the document does not indent
///    its paragraphs, when the last line of the page before ended short of the column). Lines
///    of one paragraph stay on lines of their own, as printed, so the parser's line-end
///    hyphenation rule (a hyphen kept in `information-sharing` when the document writes it so,
///    dropped in `strength-ening`) decides, as for any text; a soft hyphen (U+00AD) at a line
///    end is always a break and is undone here.
/// 5. **Page markers** n/N tell a PDF whose last pages are missing: ``truncation(of:)``.
struct PDFLayout {
    let pages: [PDFPage]
    let lines: [[PDFLine]]

    /// A vertical gap larger than this fraction of the line spacing separates paragraphs.
    static let paragraphGap = 0.3
    /// A line indented more than this many font sizes past the column starts a paragraph.
    static let indent = 0.8
    /// A page's last line ending more than this many font sizes short of the column is a
    /// paragraph's last line.
    static let shortLine = 2.0
    /// Footnotes are set at most this fraction of the body size.
    static let footnoteSize = 0.92
    /// Two font sizes closer than this fraction of the larger are one type.
    static let sameType = 0.1
    /// Lines of a heading follow each other closer than this many of their font sizes.
    static let headingLineGap = 0.8
    /// Footnotes stand at least this many body sizes below the text (unless their mark is raised).
    static let footnoteGap = 0.25

    init(pages: [PDFPage]) {
        self.pages = pages
        self.lines = pages.map(PDFLineBuilder.lines(of:))
    }

    /// The body size: the font size of most of the text. O(lines).
    var bodySize: Double {
        var weight: [Int: Int] = [:]
        for page in lines { for l in page { weight[Int((l.fontSize * 10).rounded()), default: 0] += l.text.unicodeScalars.count } }
        return Double(weight.max { $0.value < $1.value }?.key ?? 100) / 10
    }

    /// Page markers n/N found in the footers and heads: the largest N and the pages that print one.
    ///
    /// - Complexity: O(characters of the band lines).
    func pageMarkers() -> (total: Int, marked: [Int: Int])? {
        var total = 0
        var marked: [Int: Int] = [:]
        for (p, page) in lines.enumerated() {
            let height = pages[p].height
            for l in page where l.top > height * (1 - PDFFurniture.band) || l.bottom < height * PDFFurniture.band {
                for w in l.text.split(separator: " ") {
                    if let (n, of) = PDFFurniture.pageMarker(w) {
                        total = max(total, of)
                        marked[pages[p].number] = n
                    }
                }
            }
        }
        return total > 0 ? (total, marked) : nil
    }

    /// Why the PDF is cut off, when its page markers count more pages than it has and its own
    /// pages are numbered as the markers say (page k prints k/N).
    func truncation() -> String? {
        guard let (total, marked) = pageMarkers(), total > pages.count, !marked.isEmpty,
            marked.allSatisfy({ $0.key == $0.value })
        else { return nil }
        let missing = (pages.count + 1)...total
        let which = missing.count == 1 ? "page \(total) is missing" : "pages \(missing.lowerBound)–\(total) are missing"
        let last = marked.keys.max()!
        return "the PDF has \(pages.count) page(s) but its page markers count \(total) (\"\(marked[last]!)/\(total)\" on page \(last)): \(which)"
    }

    /// The words of the title, from the heading `69/28. Title` on the first pages. O(lines).
    func titleWords() -> [Substring] {
        for page in lines.prefix(2) {
            for (i, l) in page.enumerated() {
                var words = l.text.split(separator: " ")
                guard let first = words.first, Self.isResolutionNumber(first) else { continue }
                words.removeFirst()
                var previous = l
                for next in page[(i + 1)...] {
                    guard abs(next.fontSize - l.fontSize) < Self.sameType * l.fontSize,
                        next.top - previous.bottom < Self.headingLineGap * l.fontSize
                    else { break }
                    words += next.text.split(separator: " ")
                    previous = next
                }
                return words
            }
        }
        return []
    }

    /// `69/28.` (a heading's number): digits, a slash, digits, a full stop.
    static func isResolutionNumber(_ w: Substring) -> Bool {
        guard w.last == ".", let slash = w.firstIndex(of: "/") else { return false }
        let session = w[..<slash]
        let serial = w[w.index(after: slash)..<w.index(before: w.endIndex)]
        return (1...3).contains(session.count) && (1...4).contains(serial.count)
            && (session + serial).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The text for ``ResolutionParser``: paragraphs separated by blank lines, then the footnotes.
    ///
    /// - Complexity: O(n·L) for n lines in the document and L on a page (each line looks down
    ///   its page for the white space below it), after line building; linear in the text.
    func text() -> String {
        let body = bodySize
        let bodyFont = PDFLineBuilder.modeString(lines.joined().filter { abs($0.fontSize - body) < Self.sameType * body }.map(\.fontName))
        let title = titleWords()

        // Furniture repeated on several pages, by shape.
        var seen: [String: Set<Int>] = [:]
        for (p, page) in lines.enumerated() {
            let h = pages[p].height
            // A footnote ("² Ibid.") may come back on several pages: never furniture.
            for l in page where (l.top > h * (1 - PDFFurniture.band) || (p > 0 && l.bottom < h * PDFFurniture.band))
                && Self.leadingMark(l) == nil
            {
                seen[PDFFurniture.shape(l.text), default: []].insert(p)
            }
        }
        let repeated = Set(seen.filter { $0.value.count > 1 }.keys)

        var bodyLines: [PDFLine] = []
        var footnotes: [(mark: String, text: [String])] = []
        for (p, page) in lines.enumerated() {
            // The head of the page runs down to its first line of body text (within reach).
            let firstBody = page.first {
                abs($0.fontSize - body) < Self.sameType * body && $0.fontName == bodyFont && !PDFFurniture.isShaped($0.text)
            }
            let headLimit = min(firstBody?.top ?? 0, pages[p].height * PDFFurniture.headReach)
            let kept = page.indices.filter { i in
                let below = page[(i + 1)...].first { $0.top >= page[i].bottom - 1 }
                return !PDFFurniture.isFurniture(
                    page[i], pageHeight: pages[p].height, body: (body, bodyFont), repeated: repeated, title: title,
                    gapBelow: below.map { $0.top - page[i].bottom } ?? 0, headLimit: headLimit)
            }.map { page[$0] }
            let split = footnoteStart(kept, bodySize: body, continuing: !footnotes.isEmpty)
            bodyLines += kept[..<split]
            for l in kept[split...] {
                // A number on the baseline starts a footnote only when it is the next one (a
                // footnote's second line may start with "53 and corrigendum").
                if let (mark, rest) = Self.leadingMark(l),
                    l.startsWithRaisedMark || footnotes.isEmpty
                        || Self.markValue(mark) == footnotes.last.flatMap({ Self.markValue($0.mark) }).map({ $0 + 1 })
                {
                    footnotes.append((mark, rest.isEmpty ? [] : [rest]))
                } else if !footnotes.isEmpty {
                    footnotes[footnotes.count - 1].text.append(l.text)
                }
            }
        }

        var out = ""
        let column = columns(bodyLines)
        let spacing = Self.lineSpacing(bodyLines)
        let indents = usesIndents(bodyLines, column: column, spacing: spacing)
        var previous: PDFLine?
        var pending = ""  // a word carried over a soft hyphen
        for l in bodyLines {
            var text = l.text
            if !pending.isEmpty {
                text = pending + text
                pending = ""
            }
            if let p = previous {
                out += startsParagraph(l, after: p, column: column, indents: indents, spacing: spacing, bodySize: body) ? "\n\n" : "\n"
            }
            if text.unicodeScalars.last == "\u{00AD}" {
                text.unicodeScalars.removeLast()
                // The next line's first word completes this one.
                if let space = text.lastIndex(of: " ") {
                    pending = String(text[text.index(after: space)...])
                    text = String(text[..<space])
                } else {
                    pending = text
                    text = ""
                }
            }
            out += text
            previous = l
        }
        out += pending
        if !footnotes.isEmpty {
            out += "\n\n"
            for f in footnotes {
                out += "\n" + f.mark + " " + f.text.joined(separator: " ")
            }
        }
        return out + "\n"
    }

    /// Where the footnotes of a page start: the trailing lines set smaller than the body, the
    /// first starting with a mark and standing a gap below the line above it; or, while a
    /// footnote is open (`continuing`), the first of those lines when they stand apart from the
    /// body (a long footnote carried over to the next page).
    ///
    /// - Complexity: O(lines of the page).
    private func footnoteStart(_ page: [PDFLine], bodySize: Double, continuing: Bool) -> Int {
        var small = page.count
        while small > 0, page[small - 1].fontSize <= Self.footnoteSize * bodySize { small -= 1 }
        // The first footnote line starts with a mark; small lines before it belong to the body…
        var k = small
        while k < page.count, Self.leadingMark(page[k]) == nil { k += 1 }
        // …unless a footnote runs on from the page before: then they stand apart at the foot.
        if continuing, small > 0, small < k, page[small].top - page[small - 1].bottom >= Self.footnoteGap * bodySize {
            return small
        }
        guard k < page.count else { return page.count }
        if k > 0, page[k].top - page[k - 1].bottom < Self.footnoteGap * bodySize, !page[k].startsWithRaisedMark { return page.count }
        return k
    }

    /// A footnote's mark at the start of a line: raised digits (already superscript), or a
    /// number of up to three digits followed by a space and text. The mark comes back as
    /// superscript digits, the rest of the line as text.
    static func leadingMark(_ l: PDFLine) -> (mark: String, rest: String)? {
        var mark = ""
        var rest = Substring(l.text)
        while let c = rest.unicodeScalars.first, PDFLineBuilder.isSuperscriptDigit(c) {
            mark.unicodeScalars.append(c)
            rest = rest.dropFirst()
        }
        if mark.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...3).contains(digits.count), rest.dropFirst(digits.count).first == " " else { return nil }
            for d in digits.unicodeScalars { mark.unicodeScalars.append(PDFLineBuilder.superscript(d)!) }
            rest = rest.dropFirst(digits.count)
        }
        return (mark, String(rest.drop { $0 == " " }))
    }

    /// The number a mark of superscript digits stands for.
    static func markValue(_ mark: String) -> Int? {
        var v = 0
        for c in mark.unicodeScalars {
            guard let d = Self.superscriptDigits.firstIndex(of: c) else { return nil }
            v = v * 10 + d
        }
        return mark.isEmpty ? nil : v
    }

    static let superscriptDigits: [Unicode.Scalar] = ["\u{2070}", "\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2074}", "\u{2075}", "\u{2076}", "\u{2077}", "\u{2078}", "\u{2079}"]

    /// A line that opens with a paragraph label: `4.`, `(b)`, `(iv)`, `(2)`.
    static func startsWithLabel(_ text: String) -> Bool {
        guard let first = text.split(separator: " ", maxSplits: 1).first else { return false }
        if first.last == ".", (1...3).contains(first.count - 1), first.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        guard first.first == "(", first.last == ")", (3...6).contains(first.count) else { return false }
        let inner = first.dropFirst().dropLast()
        return inner.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }

    /// The left edge of the text column on each page: the edge most body lines start at.
    ///
    /// - Complexity: O(n) in the body lines.
    private func columns(_ body: [PDFLine]) -> [Int: Double] {
        var edges: [Int: [Double]] = [:]
        for l in body { edges[l.page, default: []].append(l.left) }
        let all = PDFLineBuilder.mode(body.map(\.left))
        var out: [Int: Double] = [:]
        for (page, values) in edges { out[page] = values.count >= 4 ? PDFLineBuilder.mode(values) : all }
        return out
    }

    /// Whether the document indents the first line of its paragraphs: most lines after a
    /// paragraph gap are indented.
    ///
    /// - Complexity: O(n) in the body lines.
    private func usesIndents(_ body: [PDFLine], column: [Int: Double], spacing: Double) -> Bool {
        var indented = 0
        var starts = 0
        for (p, l) in zip(body, body.dropFirst()) where p.page == l.page && l.top - p.bottom > spacing + Self.paragraphGap * l.fontSize {
            starts += 1
            if l.left - (column[l.page] ?? l.left) > Self.indent * l.fontSize { indented += 1 }
        }
        return starts > 0 && indented * 2 > starts
    }

    /// The usual white space between two lines of a paragraph (bottom of one to top of the next):
    /// the most frequent one between consecutive lines of one size. O(n).
    static func lineSpacing(_ body: [PDFLine]) -> Double {
        let gaps = zip(body, body.dropFirst()).compactMap { p, l in
            p.page == l.page && abs(p.fontSize - l.fontSize) < Self.sameType * p.fontSize && l.top >= p.bottom ? l.top - p.bottom : nil
        }
        return gaps.isEmpty ? 0 : PDFLineBuilder.mode(gaps)
    }

    /// Whether `l` opens a paragraph, `p` being the body line before it (see the type's
    /// documentation for the rules).
    ///
    /// - Complexity: O(1) on one page; O(lines of the page before) across a page break.
    private func startsParagraph(
        _ l: PDFLine, after p: PDFLine, column: [Int: Double], indents: Bool, spacing: Double, bodySize: Double
    ) -> Bool {
        let size = max(l.fontSize, p.fontSize)
        let edge = column[l.page] ?? l.left
        let indented = l.left - edge > Self.indent * size
        let isBody = abs(l.fontSize - bodySize) < Self.sameType * bodySize && abs(p.fontSize - bodySize) < Self.sameType * bodySize
        let end = p.text.unicodeScalars.last
        let endsClause = end == "." || end == ";" || end == ":"
        if l.page == p.page {
            if l.top - p.bottom > spacing + Self.paragraphGap * size { return true }
            if abs(l.fontSize - p.fontSize) > Self.sameType * size { return true }
            // Indentation speaks for body text only (a heading may hang its title's lines).
            guard isBody else { return false }
            // Indented past a line that starts at the column: a first line (a hanging list item's
            // second line is indented past its label, not past the column's edge).
            if l.left - p.left > Self.indent * size, p.left - edge < Self.indent * size { return true }
            return endsClause && Self.startsWithLabel(l.text)
        }
        // Across a page break: no gap to go by.
        if endsClause, Self.startsWithLabel(l.text) { return true }
        if indents { return indented }
        let right = lines[p.page - 1].filter { $0.fontSize == p.fontSize }.map(\.right).max() ?? p.right
        return right - p.right > Self.shortLine * size && (endsClause || end == ",")
    }
}
