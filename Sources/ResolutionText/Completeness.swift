/// The operative part of a resolution adopted with a single, unnumbered operative paragraph
/// ("Adopts the political declaration … as contained in the annex to the present resolution.",
/// "Urges all countries …:" with lettered items).
enum OperativePart {
    /// Words that may precede the verb of an operative paragraph ("Also decides", "Strongly urges").
    private static let adverbs: Set<String> = ["Also", "Further", "Once", "again", "Hereby", "hereby", "also", "further"]

    /// Whether `text` opens as an operative paragraph does: a verb in the third person ("Adopts",
    /// "Decides", "Takes note", "Calls upon"), possibly after an adverb ("Also decides",
    /// "Strongly urges"); not a preambular participle or adjective ("Recalling", "Conscious",
    /// "Deeply concerned").
    ///
    /// - Complexity: O(1): at most three words are looked at.
    static func opensWithOperativeVerb(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).prefix(3)
        for word in words {
            var w = String(word)
            while let last = w.last, ",;:".contains(last) { w.removeLast() }
            if adverbs.contains(w) || (w.hasSuffix("ly") && w.count > 3) { continue }
            guard w.count >= 4, w.unicodeScalars.allSatisfy(\.isLetter), w.hasSuffix("s") else { return false }
            return !w.hasSuffix("ous") && !w.hasSuffix("ss")
        }
        return false
    }

    /// When no paragraph is numbered, the first top-level paragraph that opens with an operative
    /// verb and ends with a full stop or a colon (not a comma, as preambular paragraphs do) begins
    /// the operative part: it and the top-level paragraphs after it become operative paragraphs
    /// without a number.
    ///
    /// - Complexity: O(n) in the number of paragraphs.
    static func markUnnumbered(_ paragraphs: inout [Paragraph]) {
        guard !paragraphs.contains(where: { $0.kind == .operative }),
            let first = paragraphs.firstIndex(where: { p in
                p.kind == .preambular && opensWithOperativeVerb(p.text)
                    && (p.text.hasSuffix(":") || ResolutionParser.endsWithFullStop(line: Scalars(scalarsOf: p.text)))
            })
        else { return }
        for k in first..<paragraphs.count where paragraphs[k].kind == .preambular {
            paragraphs[k].kind = .operative
            paragraphs[k].label = nil
        }
    }
}

/// The signals that a text without closing lines (no plenary meeting line, no closing date)
/// was cut off before its end, though its last paragraph ends with a full stop.
enum Completeness {
    /// Refuses the text when it gives a sign that pages are missing: a page marker `3/5` with
    /// no `5/5`; the header of a published resolution ("Resolution adopted by the General
    /// Assembly", "Distr.") without its closing lines; or a last paragraph that is an item of a
    /// list whose items all end with a full stop (the norms 1.1–1.13 of 73/27 op1), so that its
    /// full stop says nothing about the end. The header is no such sign when the page markers
    /// reach their last page (`5/5`) or the source vouches for the whole document (`whole`).
    ///
    /// - Complexity: O(n) in the number of lines.
    static func checkUnclosed(lines: [SourceLine], header: Scalars, paragraphs: [Paragraph], last: String, whole: Bool) throws(ParseError) {
        var page = 0
        var pages = 0
        for line in lines where !line.isBlank {
            guard let (p, n) = pageCounter(line.text) else { continue }
            page = max(page, p)
            pages = max(pages, n)
        }
        if pages > 0, page < pages {
            throw .cutOff(
                "the text stops on page \(page) of \(pages) (no page \(pages)/\(pages)), after \(last), "
                    + "without the closing lines (the plenary meeting and the date)")
        }
        let lastPageSeen = pages > 0 && page == pages
        if !whole, !lastPageSeen, header.contains("adopted by the General Assembly", ignoringCase: true) || header.contains("Distr.") {
            throw .cutOff(
                "the text has the header of a published resolution but stops after \(last), "
                    + "without the closing lines (the plenary meeting and the date)")
        }
        if let item = paragraphs.last, item.kind == .subparagraph {
            let siblings = paragraphs.filter { $0.kind == .subparagraph && $0.parent == item.parent }
            if siblings.count >= 2, siblings.allSatisfy({ ResolutionParser.endsWithFullStop($0.text) }) {
                throw .cutOff(
                    "the text stops after \(last), an item of a list whose items all end with a full stop, "
                        + "without the closing lines (the plenary meeting and the date)")
            }
        }
    }

    /// A page marker `3/5` (page 3 of 5) alone on a line: the page and the number of pages.
    static func pageCounter(_ t: Scalars) -> (page: Int, pages: Int)? {
        guard let (p, a) = t.digits(at: 0, maxDigits: 3), a < t.count, t[a] == "/",
            let (n, b) = t.digits(at: a + 1, maxDigits: 3), b == t.count, p >= 1, p <= n
        else { return nil }
        return (p, n)
    }
}

/// The annexes after a resolution's closing lines: each heading (`Annex`, `Annex II`), the
/// title that follows it (up to a blank line) and its paragraphs (blocks between blank lines),
/// page furniture and running heads left out.
enum Annexes {
    /// - Complexity: O(n) in the number of lines after `start`.
    static func read(_ lines: [SourceLine], from start: Int, title: String?, hyphenation: Hyphenation) -> [Annex] {
        let heads = Furniture.runningHeads(in: lines, range: start..<lines.count, title: title)
        var annexes: [Annex] = []
        var block: [Scalars] = []
        var readingTitle = false
        func flush() {
            guard !block.isEmpty, !annexes.isEmpty else { block = []; return }
            let text = TextNormalizer.droppingMarks(TextNormalizer.clean(TextNormalizer.join(block, hyphenation: hyphenation))).string
            if readingTitle {
                annexes[annexes.count - 1].title = text
                readingTitle = false
            } else {
                annexes[annexes.count - 1].paragraphs.append(text)
            }
            block = []
        }
        for i in start..<lines.count {
            let line = lines[i]
            if line.isBlank {
                flush()
                continue
            }
            if heads.contains(i) || Furniture.isFurniture(line.text) || Furniture.isRule(line.text) { continue }
            if Metadata.isAnnexHeading(line.text) {
                flush()
                annexes.append(Annex(heading: line.text.undecorated().string))
                readingTitle = true
                continue
            }
            block.append(line.text)
        }
        flush()
        return annexes
    }
}
