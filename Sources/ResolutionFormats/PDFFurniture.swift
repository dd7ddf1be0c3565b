/// Page furniture of a PDF, told by where a line stands on the page and what it is drawn in, then
/// by its shape: running heads at the top of the pages after the first (the symbol, the title
/// repeated), footers (job numbers `14-22010 (E)`, print dates `131221`, page markers `2/4`,
/// page numbers, bar codes and their digits, "Please recycle"), and any line that comes back in
/// the same band on several pages.
///
/// The bands are the top and bottom ``band`` of the page; the first page keeps its top band (the
/// masthead is part of what lineage reads: session, agenda item, adoption line).
enum PDFFurniture {
    /// The fraction of the page height at the top and at the bottom where furniture stands.
    static let band = 0.1
    /// How far down the page a running head may reach, as a fraction of the page height.
    static let headReach = 0.2
    /// White space below a running head, in body sizes: more than between paragraphs.
    static let headGap = 1.5
    /// Furniture set in a size further than this fraction from the body's is in another type.
    static let sizeTolerance = 0.05

    /// Whether `line` is furniture. `repeated` holds the shapes (digits folded) of the band lines
    /// seen on more than one page; `title` the words of the resolution's title, when found.
    ///
    /// - Complexity: O(length of the line + length of the title).
    /// `gapBelow` is the white space between the line and the next line down the page: a
    /// running head stands apart from the text it tops. `headLimit` extends the top band down to
    /// the first line of body text (a running head of several lines may reach below the band).
    static func isFurniture(
        _ line: PDFLine, pageHeight: Double, body: (size: Double, font: String), repeated: Set<String>, title: [Substring],
        gapBelow: Double = 0, headLimit: Double? = nil
    ) -> Bool {
        if line.isBarcode { return true }
        let text = line.text
        if isBarcodeDigits(text) { return true }
        let inTop = line.bottom < max(pageHeight * band, headLimit ?? 0)
        let inBottom = line.top > pageHeight * (1 - band)
        guard inTop || inBottom else { return false }
        if inTop, line.page == 1 { return false }
        if isShaped(text) { return true }
        let typeDiffers = abs(line.fontSize - body.size) > sizeTolerance * body.size || line.fontName != body.font
        // Text repeated in the bands of several pages, in another type than the body's (two pages
        // may well end on the same few words of body text).
        if typeDiffers, repeated.contains(shape(text)) { return true }
        if inTop {
            // A running head: the title (with the symbol beside it), set apart from the body by
            // its size, its face or white space; a body line that happens to quote the title stays.
            let differs = typeDiffers || gapBelow > headGap * body.size
            let words = text.split(separator: " ").filter { !isShaped(String($0)) }
            return differs && (title.isEmpty || words.isEmpty || isPartOfTitle(words.joined(separator: " "), title))
        }
        return false
    }

    /// `*2118253*`: the human-readable digits of a Code 39 bar code.
    static func isBarcodeDigits(_ text: String) -> Bool {
        let u = Array(text.unicodeScalars)
        return u.count >= 6 && u.first == "*" && u.last == "*" && u.dropFirst().dropLast().allSatisfy { $0.properties.numericType != nil }
    }

    /// Furniture by shape: every word of the line is a job number, a print date, a page marker,
    /// a page number, a document symbol, `(E)`, or the line is "Please recycle".
    static func isShaped(_ text: String) -> Bool {
        if text.contains("Please recycle") { return true }
        let words = text.split(separator: " ")
        guard !words.isEmpty else { return false }
        if words.count >= 2, words[0] == "Page" { return words.dropFirst().allSatisfy { $0 == "of" || Int($0) != nil } }
        return words.allSatisfy { w in
            pageMarker(w) != nil || isJobNumber(w) || w == "(E)" || (Int(w) != nil && (w.count <= 3 || w.count == 6))
                || isSymbol(w) || w == "-" || isBarcodeDigits(String(w))
        }
    }

    /// `A/RES/76/19` (ending with a digit or a part letter: `A/RES/43/78 H` is two words, the
    /// letter being a page-number-like word is not needed), not `A/RES/70/237.` in a sentence.
    static func isSymbol(_ w: Substring) -> Bool {
        w.hasPrefix("A/RES/") && (w.last?.isNumber ?? false) && w.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase || $0 == "/") }
    }

    /// `2/4` → (2, 4): a page marker n/N with 1 ≤ n ≤ N.
    static func pageMarker(_ w: Substring) -> (page: Int, of: Int)? {
        let parts = w.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 3, parts[1].count <= 3, let n = Int(parts[0]), let total = Int(parts[1]),
            n >= 1, n <= total
        else { return nil }
        return (n, total)
    }

    /// `14-22010`: two digits, a hyphen, five digits.
    static func isJobNumber(_ w: Substring) -> Bool {
        let u = Array(w.utf8)
        return u.count == 8 && u[2] == UInt8(ascii: "-") && u.enumerated().allSatisfy { $0.offset == 2 || ($0.element >= 48 && $0.element <= 57) }
    }

    /// The line with its digits folded to `9`: the same furniture on every page (`2/4`, `3/4`).
    static func shape(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.numericType != nil ? "9" : $0 }))
    }

    /// Whether the words of `text` run, in order, inside the title's words (a running head
    /// prints the title, often over several lines).
    static func isPartOfTitle(_ text: String, _ title: [Substring]) -> Bool {
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= title.count else { return false }
        // The first and last words may be cut (a running head shortened to fit the line).
        for start in 0...(title.count - words.count) where title[start].hasSuffix(words[0]) {
            let pairs = Array(zip(words, title[start...]))
            if pairs.enumerated().allSatisfy({ k, p in
                p.0 == p.1 || (k == 0 && p.1.hasSuffix(p.0)) || (k == pairs.count - 1 && p.1.hasPrefix(p.0))
            }) { return true }
        }
        return false
    }
}
