/// Page furniture: everything printed on the pages that is not the resolution's text.
///
/// Recognised line by line, by exact shape (never by loose keywords, so that a paragraph line
/// is not taken for furniture):
/// - document symbols alone (`A/RES/76/19`) or glued to a running head
///   (`A/RES/69/28Developments in …`, `… securityA/RES/69/28`);
/// - job numbers (`21-18253`, `14-66151 (E)`, `18-21207 (E)    131218`) and barcodes
///   (`*2118253*`, `*1466151*Please recycle`);
/// - page counters (`2/3`) and page numbers (`3`, `- 3 -`, `Page 3`, `Page 3 of 5`);
/// - word-processor markers (`[DU1]`, `<<ODS JOB NO>>N1466240E<<ODS JOB NO>>`);
/// - masthead lines (`United Nations`, `General Assembly`, `Distr.: General …`,
///   `Sixty-ninth session`, `Agenda item 91`, `Resolution adopted by the General Assembly …`);
/// - running heads: the title repeated at the top of a page, next to the symbol or another
///   anchor (see ``runningHeads(in:range:title:)``).
///
/// Rules (`_______`, `---`) are told apart separately: they introduce footnotes.
enum Furniture {
    /// Whether the line is page furniture by its shape alone. O(length of the line).
    static func isFurniture(_ t: Scalars) -> Bool {
        guard let first = t.first else { return false }
        if first == "[" || first == "<", t.contains("<<ODS") { return true }
        if first == "[", let end = bracketMarker(t), end == t.count || t[end] == "<" { return true }
        if first == "*" || first == "P" || !first.isLetterOrDigit, t.contains("Please recycle") { return true }
        if first == "*", let (_, e) = t.digits(at: 1, maxDigits: 9), e - 1 >= 6, e < t.count, t[e] == "*" { return true }
        if first.isASCIIDigit { return isJobNumber(t) || isPageCounter(t) }
        if first == "-" || first == "P", isPageNumber(t) { return true }
        if first == "A", case .standalone = anchor(t) { return true }
        let p = first == "*" || first == "#" || first == "_" ? t.undecorated() : t
        switch p.first {
        case "U":
            return (p.count == 14 && p.hasPrefix("United Nations"))
                || (p.hasPrefix("United Nations") && (p.contains("A/RES/") || p.contains("General Assembly")))
        case "G":
            return p.count == 16 && p.hasPrefix("General Assembly")
        case "D":
            return p.hasPrefix("Distr.:") || p.hasPrefix("Distr. :")
        case "A":
            return p.count <= 40 && p.hasPrefix("Agenda item")
        case "R":
            if p.hasPrefix("Resolution adopted by the General Assembly") { return true }
        default:
            break
        }
        return p.count <= 40 && p.hasSuffix(" session") && (p.first?.isUppercaseLetter ?? false)
            && Metadata.session(in: p) != nil
    }

    /// A horizontal rule: at least three of `_ - = * ~ — – ─`, nothing else but spaces.
    static func isRule(_ t: Scalars) -> Bool {
        var marks = 0
        for c in t {
            switch c {
            case "_", "-", "=", "*", "~", "\u{2014}", "\u{2013}", "\u{2500}", "\u{2501}": marks += 1
            default: if !c.isSpaceLike { return false }
            }
        }
        return marks >= 3
    }

    /// `[DU1]`: the offset after the bracket.
    private static func bracketMarker(_ t: Scalars) -> Int? {
        var j = 1
        while j < t.count, t[j].value < 0x80, t[j].isUppercaseLetter, j <= 4 { j += 1 }
        guard j > 1 else { return nil }
        while j < t.count, t[j].isASCIIDigit, j <= 8 { j += 1 }
        guard j < t.count, t[j] == "]" else { return nil }
        return j + 1
    }

    /// `21-18253`, `14-66151 (E)`, `18-21207 (E)    131218`.
    static func isJobNumber(_ t: Scalars) -> Bool {
        guard let (_, a) = t.digits(at: 0, maxDigits: 2), a == 2, a < t.count, t[a] == "-",
            let (_, b) = t.digits(at: a + 1, maxDigits: 5), b - a - 1 == 5
        else { return false }
        var j = t.skippingSpaces(from: b)
        if t.has("(E)", at: j) || t.has("(F)", at: j) || t.has("(S)", at: j) { j = t.skippingSpaces(from: j + 3) }
        if let (_, c) = t.digits(at: j, maxDigits: 6), c - j == 6 { j = t.skippingSpaces(from: c) }
        return j == t.count
    }

    /// `2/3` (page 2 of 3) or a bare page number `3`.
    static func isPageCounter(_ t: Scalars) -> Bool {
        guard let (page, a) = t.digits(at: 0, maxDigits: 3) else { return false }
        if a == t.count { return true }
        guard t[a] == "/", let (pages, b) = t.digits(at: a + 1, maxDigits: 3), b == t.count else { return false }
        return page >= 1 && page <= pages
    }

    /// `- 2 -`, `Page 2`, `Page 2 of 5`.
    static func isPageNumber(_ t: Scalars) -> Bool {
        if t.first == "-" {
            let i = t.skippingSpaces(from: 1)
            guard let (_, e) = t.digits(at: i, maxDigits: 3) else { return false }
            let j = t.skippingSpaces(from: e)
            return j + 1 == t.count && t[j] == "-"
        }
        guard t.hasPrefix("Page "), let (_, e) = t.digits(at: 5, maxDigits: 3) else { return false }
        if e == t.count { return true }
        guard t.has(" of ", at: e), let (_, f) = t.digits(at: e + 4, maxDigits: 3) else { return false }
        return f == t.count
    }

    /// The end of a document symbol `A/RES/69/28` (also `A/RES/ES-10/19`, `A/RES/69/28*`)
    /// starting at `i`.
    static func symbolEnd(_ t: Scalars, at i: Int) -> Int? {
        guard t.has("A/RES/", at: i) else { return nil }
        var j = i + 6
        if t.has("ES-", at: j) { j += 3 } else if t.has("S-", at: j) { j += 2 }
        guard let (_, a) = t.digits(at: j, maxDigits: 3), a < t.count, t[a] == "/",
            let (_, b) = t.digits(at: a + 1, maxDigits: 4)
        else { return nil }
        var e = b
        while e < t.count, t[e] == "*" { e += 1 }
        return e
    }

    /// How a line anchors a running head.
    enum Anchor {
        case none
        /// The line is only furniture: a symbol, job number, page counter or barcode.
        case standalone
        /// A symbol glued before text: the text (`A/RES/69/28Developments …`).
        case gluedPrefix(Scalars)
        /// A symbol glued after text: the text (`… securityA/RES/69/28`).
        case gluedSuffix(Scalars)
    }

    static func anchor(_ t: Scalars) -> Anchor {
        if let e = symbolEnd(t, at: 0) {
            if e == t.count { return .standalone }
            return .gluedPrefix(Scalars(t[e...]).trimmed())
        }
        if let k = t.firstIndex(of: "A/RES/"), k > 0, symbolEnd(t, at: k) == t.count {
            return .gluedSuffix(Scalars(t[..<k]).trimmed())
        }
        if isJobNumber(t) || isPageCounter(t) { return .standalone }
        if t.first == "*", let (_, e) = t.digits(at: 1, maxDigits: 9), e < t.count, t[e] == "*" { return .standalone }
        return .none
    }

    /// Lines in `range` that form a running head: consecutive lines next to an anchor (symbol,
    /// job number, page counter; blank lines may sit between) whose joined text is exactly the
    /// title. Each anchor looks at most 8 lines either way, pruning as soon as the text joined so
    /// far is not a prefix (or suffix) of the title: O(n).
    static func runningHeads(in lines: [SourceLine], range: Range<Int>, title: String?) -> Set<Int> {
        guard let title, !title.isEmpty else { return [] }
        var found = Set<Int>()
        func normalized(_ s: Scalars) -> String { TextNormalizer.droppingMarks(TextNormalizer.clean(s)).string }

        func walk(from start: Int, step: Int, seed: String) -> [Int]? {
            if seed == title { return [] }
            var text = seed
            var used: [Int] = []
            var j = start
            var steps = 0
            while range.contains(j), steps < 8 {
                steps += 1
                if lines[j].isBlank {
                    j += step
                    continue
                }
                let piece = normalized(lines[j].text)
                let candidate = text.isEmpty ? piece : (step > 0 ? text + " " + piece : piece + " " + text)
                if candidate == title { return used + [j] }
                let fits = step > 0 ? title.hasPrefix(candidate + " ") : title.hasSuffix(" " + candidate)
                guard fits else { return nil }
                text = candidate
                used.append(j)
                j += step
            }
            return nil
        }

        for a in range where !lines[a].isBlank {
            switch anchor(lines[a].text) {
            case .none:
                continue
            case .standalone:
                if let used = walk(from: a - 1, step: -1, seed: "") { found.formUnion(used); found.insert(a) }
                if let used = walk(from: a + 1, step: 1, seed: "") { found.formUnion(used); found.insert(a) }
            case .gluedPrefix(let rest):
                if let used = walk(from: a + 1, step: 1, seed: normalized(rest)) { found.formUnion(used); found.insert(a) }
            case .gluedSuffix(let rest):
                if let used = walk(from: a - 1, step: -1, seed: normalized(rest)) { found.formUnion(used); found.insert(a) }
            }
        }
        return found
    }
}
