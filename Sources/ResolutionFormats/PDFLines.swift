import PDFText

/// A line of text on a PDF page, rebuilt from character boxes: the characters that share a
/// baseline and stand close together (a run separated from the rest of its baseline by a wide
/// gap — the two sides of a masthead, the page marker and the job number of a footer — is a
/// line of its own).
struct PDFLine: Sendable {
    /// The page, from 1.
    var page: Int
    /// The text, words separated by single spaces; raised footnote marks are Unicode
    /// superscript digits glued to the word before them (`made,¹`).
    var text: String
    var left: Double
    var right: Double
    /// The line's top and bottom (of its full-size characters), y growing downwards.
    var top: Double
    var bottom: Double
    /// The size of most of its characters.
    var fontSize: Double
    /// The names of the fonts of most of its characters.
    var fontName: String
    /// Whether the line starts with a raised mark (a footnote's own number).
    var startsWithRaisedMark: Bool
    /// Whether its main font is a bar-code font.
    var isBarcode: Bool

}

/// Builds ``PDFLine``s from a page's characters.
enum PDFLineBuilder {
    /// A character is on the baseline of a line when its bottom is within this fraction of the
    /// font size of the line's bottom.
    static let baselineTolerance = 0.2
    /// Characters closer than this fraction of the font size belong to one word.
    static let wordGap = 0.12
    /// A gap wider than this many font sizes splits a baseline into separate lines.
    static let columnGap = 2.5
    /// A character smaller than this fraction of its line's size and raised is a superscript.
    static let superscriptSize = 0.85
    /// A superscript's bottom is at least this fraction of the line's size above the line's bottom.
    static let superscriptRise = 0.15
    /// A raised mark's line is looked for at most this many of the mark's sizes below it.
    static let markReach = 3.0
    /// Sizes within this fraction of each other are one line's type.
    static let sizeTolerance = 0.15
    /// Lines whose bottoms are closer than this (points) share a baseline when sorted.
    static let baselineEpsilon = 0.5

    /// Font names that draw bar codes (Code 39 and the like): what they "write" is not text.
    static func isBarcodeFont(_ name: String) -> Bool {
        let n = name.lowercased()
        return n.contains("barcode") || n.contains("code39") || n.contains("c39") || n.contains("3of9")
            || n.contains("idautomation") || n.contains("free3of9") || n.contains("code128")
    }

    private struct Glyph {
        var scalar: Unicode.Scalar
        var box: PDFBox
        var size: Double
        var font: Int
    }

    /// The lines of `page`, top to bottom, left to right.
    ///
    /// - Complexity: O(c log c) in the characters of the page (sorting by position).
    static func lines(of page: PDFPage) -> [PDFLine] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(page.characters.count)
        for c in page.characters where !c.scalar.properties.isWhitespace && c.scalar.value >= 0x20 {
            let size = c.font < page.fonts.count && page.fonts[c.font].size > 0 ? page.fonts[c.font].size : c.box.height
            // Text drawn off the page (hidden, cropped) is not part of what a reader sees.
            guard c.box.right > 0, c.box.left < page.width, c.box.bottom > 0, c.box.top < page.height else { continue }
            glyphs.append(Glyph(scalar: c.scalar, box: c.box, size: size, font: c.font))
        }
        guard !glyphs.isEmpty else { return [] }

        // 1. Clusters of characters of one size sharing a bottom edge (full-size text and raised
        // marks apart). Clusters stay open while glyphs further down may still join them.
        glyphs.sort { $0.box.bottom < $1.box.bottom }
        var clusters: [[Glyph]] = []
        var open: [(index: Int, bottom: Double, size: Double)] = []
        for g in glyphs {
            open.removeAll { g.box.bottom - $0.bottom > baselineTolerance * max($0.size, g.size) }
            if let k = open.firstIndex(where: {
                g.box.bottom - $0.bottom <= baselineTolerance * min($0.size, g.size) && sameSize($0.size, g.size)
            }) {
                clusters[open[k].index].append(g)
            } else {
                open.append((clusters.count, g.box.bottom, g.size))
                clusters.append([g])
            }
        }

        // 2. Raised marks: a cluster of small characters whose middle lies inside a line of
        // larger type just below joins that line.
        func mainSize(_ c: [Glyph]) -> Double { mode(c.map(\.size)) }
        var merged: [[Glyph]] = []
        var absorbed = [Bool](repeating: false, count: clusters.count)
        for (i, cluster) in clusters.enumerated() {
            let size = mainSize(cluster)
            let middle = cluster.map { ($0.box.top + $0.box.bottom) / 2 }.reduce(0, +) / Double(cluster.count)
            var j = i + 1
            var host: Int?
            while j < clusters.count, clusters[j][0].box.bottom - cluster[0].box.bottom < markReach * size {
                let hostSize = mainSize(clusters[j])
                let top = clusters[j].map(\.box.top).min()!
                if size < superscriptSize * hostSize || isDigitRun(cluster.map(\.scalar)), middle >= top,
                    cluster[0].box.bottom < clusters[j][0].box.bottom - superscriptRise * hostSize,
                    adjacent(cluster, clusters[j], within: hostSize)
                {
                    host = j
                    break
                }
                j += 1
            }
            if let host {
                clusters[host] += cluster
                absorbed[i] = true
            }
        }
        for (i, c) in clusters.enumerated() where !absorbed[i] { merged.append(c) }

        // 3. Each cluster, left to right, split at wide gaps, into lines.
        var out: [PDFLine] = []
        for var cluster in merged {
            cluster.sort { $0.box.left < $1.box.left }
            let size = mainSize(cluster)
            var start = 0
            for k in 1...cluster.count {
                // A label set off by a tab ("1.", "(a)", a footnote's number) stays with its text.
                if k == cluster.count
                    || (cluster[k].box.left - cluster[k - 1].box.right > columnGap * size
                        && !isLabel(cluster[start..<k].map(\.scalar)))
                {
                    if let line = makeLine(Array(cluster[start..<k]), size: size, page: page) { out.append(line) }
                    start = k
                }
            }
        }
        out.sort { a, b in abs(a.bottom - b.bottom) > baselineEpsilon ? a.bottom < b.bottom : a.left < b.left }
        return out
    }

    /// A mark's digits: one to three of them.
    static func isDigitRun(_ s: [Unicode.Scalar]) -> Bool {
        (1...3).contains(s.count) && s.allSatisfy { ("0"..."9").contains($0) }
    }

    /// `1.`, `12.`, `(a)`, `(iv)`, `3`, `¹`: what opens a paragraph or a footnote before a tab.
    static func isLabel(_ s: [Unicode.Scalar]) -> Bool {
        guard (1...6).contains(s.count) else { return false }
        if s.first == "(", s.last == ")", s.count >= 3 {
            return s.dropFirst().dropLast().allSatisfy { $0.properties.isLowercase || ("0"..."9").contains($0) }
        }
        let body = s.last == "." ? s.dropLast() : s[...]
        return !body.isEmpty && body.allSatisfy { ("0"..."9").contains($0) || isSuperscriptDigit($0) }
    }

    /// Sizes within 15% of each other: one line's type.
    private static func sameSize(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= sizeTolerance * max(a, b) }

    /// Whether every run of `marks` touches a character of `host` (a mark sits right after, or
    /// right before, the text it belongs to). O(m·h).
    private static func adjacent(_ marks: [Glyph], _ host: [Glyph], within size: Double) -> Bool {
        marks.allSatisfy { m in
            host.contains { h in
                abs(m.box.left - h.box.right) < size || abs(h.box.left - m.box.right) < size
                    || (m.box.left >= h.box.left && m.box.right <= h.box.right)
            }
        }
    }

    private static func makeLine(_ glyphs: [Glyph], size: Double, page: PDFPage) -> PDFLine? {
        guard !glyphs.isEmpty else { return nil }
        let full = glyphs.filter { $0.size >= superscriptSize * size }
        let baseline = full.isEmpty ? glyphs.map(\.box.bottom).max()! : mode(full.map(\.box.bottom))
        var text = ""
        var startsRaised = false
        for (k, g) in glyphs.enumerated() {
            // Raised: set smaller, or a digit lifted in the line's own size (a mark drawn with a rise only).
            let raised = (g.size < superscriptSize * size || ("0"..."9").contains(g.scalar))
                && g.box.bottom < baseline - superscriptRise * size
            if k > 0 {
                let previous = glyphs[k - 1]
                let gapSize = raised ? size : max(previous.size, g.size)
                if g.box.left - previous.box.right > wordGap * gapSize { text.unicodeScalars.append(" ") }
            }
            if g.scalar == "\u{2010}" || g.scalar == "\u{2011}" {
                // HYPHEN and NON-BREAKING HYPHEN (Word's `Secretary‑General`) print as "-".
                text.unicodeScalars.append("-")
            } else if raised, let sup = superscript(g.scalar) {
                if k == 0 { startsRaised = true }
                text.unicodeScalars.append(sup)
            } else {
                text.unicodeScalars.append(g.scalar)
            }
        }
        let fonts = (full.isEmpty ? glyphs : full).map(\.font)
        let font = mode(fonts.map(Double.init)).rounded()
        let name = Int(font) < page.fonts.count ? page.fonts[Int(font)].name : ""
        let body = full.isEmpty ? glyphs : full
        return PDFLine(
            page: page.number, text: text, left: glyphs[0].box.left, right: glyphs.map(\.box.right).max()!,
            top: body.map(\.box.top).min()!, bottom: body.map(\.box.bottom).max()!, fontSize: size,
            fontName: name, startsWithRaisedMark: startsRaised, isBarcode: isBarcodeFont(name))
    }

    /// The superscript form of a digit (marks are digits); other raised characters stay as they are.
    static func superscript(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "0": "\u{2070}"
        case "1": "\u{00B9}"
        case "2": "\u{00B2}"
        case "3": "\u{00B3}"
        case "4"..."9": Unicode.Scalar(0x2074 + c.value - 0x34)
        default: isSuperscriptDigit(c) ? c : nil
        }
    }

    /// ⁰ ¹ ² ³ ⁴ … ⁹.
    static func isSuperscriptDigit(_ c: Unicode.Scalar) -> Bool {
        c == "\u{00B9}" || c == "\u{00B2}" || c == "\u{00B3}" || c == "\u{2070}" || (0x2074...0x2079).contains(c.value)
    }

    /// The most frequent string, the first in order on ties. O(n).
    static func modeString(_ values: [String]) -> String {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return values.max { counts[$0]! < counts[$1]! } ?? ""
    }

    /// The most frequent value (rounded to a tenth), the smallest on ties. O(n).
    static func mode(_ values: [Double]) -> Double {
        var counts: [Int: Int] = [:]
        for v in values { counts[Int((v * 10).rounded()), default: 0] += 1 }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        return Double(best?.key ?? 0) / 10
    }
}
