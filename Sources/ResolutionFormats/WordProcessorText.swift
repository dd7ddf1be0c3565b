import ResolutionText

/// The text of a word-processor document (Word or OpenDocument) laid out the way
/// ``ResolutionText/ResolutionParser`` reads published texts, so that metadata and structure
/// are read in one place whatever the format:
///
/// - the **front**: the first page's header (the UN's first-page header holds "Distr.:
///   General", the session and the agenda item), one line per paragraph, above the body; the
///   running heads of later pages and every footer (job numbers, page numbers n/N, bar codes)
///   are never read;
/// - the **body**: one line per paragraph, with the numbers that automatic numbering draws
///   (`1.`, `(a)`) written in front of it, a blank line between paragraphs; a line break inside
///   a paragraph (Word's `w:br`, OpenDocument's `text:line-break`) stays a line break, so the
///   parser joins the lines as it joins wrapped text (a word hyphenated at the break is rejoined
///   by the same rule as in a PDF extract, a date under the meeting line is read as its date);
/// - the **notes**: one line per footnote referenced, `<sup>1</sup> See A/51/261, annex.`,
///   after the body; each reference in the body is the same explicit mark (`made,<sup>1</sup>`).
///
/// Marks are written as `<sup>…</sup>` (not as Unicode superscripts) so two adjacent marks stay two.
struct WordProcessorText {
    var front: [String] = []
    var body: [String] = []
    var notes: [(mark: String, text: String)] = []

    /// The text, ready for ``ResolutionText/ResolutionParser/parse(_:)``.
    /// - Complexity: O(n) in the size of the text.
    func render() -> String {
        var out = ""
        for paragraph in front + body {
            let lines = Self.lines(paragraph)
            guard !lines.isEmpty else { continue }
            out += lines.joined(separator: "\n")
            out += "\n\n"
        }
        for note in notes {
            out += Self.mark(note.mark) + " " + Self.singleLine(note.text) + "\n\n"
        }
        return out
    }

    /// An explicit footnote mark as the text parser reads it.
    static func mark(_ mark: String) -> String { "<sup>" + mark + "</sup>" }

    /// The lines of a paragraph: split at its line breaks, each trimmed, empty ones dropped
    /// (a blank line would end the paragraph).
    static func lines(_ paragraph: String) -> [String] {
        paragraph.split(separator: "\n", omittingEmptySubsequences: true).map { singleLine(String($0)) }.filter { !$0.isEmpty }
    }

    /// `text` on one line: line breaks and other vertical space become spaces, ends trimmed.
    static func singleLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            switch c {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out.append(" ")
            default: out.append(c)
            }
        }
        return String(out).trimmingSpaces()
    }

    /// A superscript run of text as the parser should see it: a footnote mark when it looks
    /// like one (1 to 3 digits, or `*`, `†`, `‡`), plain text otherwise (`62nd` written with a
    /// superscript `nd` is just `62nd`).
    static func superscript(_ run: String) -> String {
        let core = run.trimmingSpaces()
        let isDigits = !core.isEmpty && core.count <= maximumMarkLength && core.allSatisfy(\.isASCIIDigitCharacter)
        let isSymbols = !core.isEmpty && core.count <= maximumMarkLength && core.allSatisfy { "*\u{2020}\u{2021}".contains($0) }
        guard isDigits || isSymbols else { return run }
        let leading = run.prefix { $0 == " " }
        let trailing = String(run.reversed().prefix { $0 == " " })
        return leading + mark(core) + trailing
    }

    /// The longest superscript run read as a footnote mark.
    static let maximumMarkLength = 3
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\u{A0}") }) else { return "" }
        let last = scalars.lastIndex(where: { !($0 == " " || $0 == "\t" || $0 == "\u{A0}") })!
        return String(scalars[first...last])
    }
}

/// Numbers drawn as word processors draw them: decimal, letters, roman numerals, symbols.
enum WordNumberFormat {
    /// The symbols of Word's `chicago` format, doubled after the fourth.
    static let chicagoSymbols = ["*", "\u{2020}", "\u{2021}", "\u{00A7}"]
    /// The letters of the alphabet used by letter formats.
    static let alphabetLength = 26

    /// `value` in the WordprocessingML `w:numFmt` named `format` (`decimal`, `lowerLetter`,
    /// `upperRoman`, `decimalZero`, `chicago`, `none` …); unknown formats fall back to decimal.
    /// - Complexity: O(log value), O(value / 26) for letters.
    static func word(_ value: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": letters(value, uppercase: false)
        case "upperLetter": letters(value, uppercase: true)
        case "lowerRoman": roman(value, uppercase: false)
        case "upperRoman": roman(value, uppercase: true)
        case "decimalZero": value < 10 && value >= 0 ? "0\(value)" : "\(value)"
        case "chicago": chicago(value)
        case "ordinal": ordinal(value)
        case "none": ""
        default: "\(value)"
        }
    }

    /// `value` in the OpenDocument `style:num-format` `format` (`1`, `a`, `A`, `i`, `I`, empty);
    /// `synchronised` letters repeat (`aa`, `bb`) rather than count on (`aa`, `ab`).
    static func openDocument(_ value: Int, _ format: String, synchronised: Bool) -> String {
        switch format {
        case "a": synchronised ? letters(value, uppercase: false) : alphabetic(value, uppercase: false)
        case "A": synchronised ? letters(value, uppercase: true) : alphabetic(value, uppercase: true)
        case "i": roman(value, uppercase: false)
        case "I": roman(value, uppercase: true)
        case "": ""
        default: "\(value)"
        }
    }

    /// Word's letters: a … z, then aa … zz, aaa … (the letter repeated).
    static func letters(_ value: Int, uppercase: Bool) -> String {
        guard value > 0 else { return "\(value)" }
        let letter = Character(Unicode.Scalar(UInt8((uppercase ? 65 : 97) + (value - 1) % alphabetLength)))
        return String(repeating: letter, count: (value - 1) / alphabetLength + 1)
    }

    /// Spreadsheet-style letters: a … z, aa, ab … (OpenDocument's default).
    static func alphabetic(_ value: Int, uppercase: Bool) -> String {
        guard value > 0 else { return "\(value)" }
        var v = value
        var out: [Character] = []
        while v > 0 {
            v -= 1
            out.append(Character(Unicode.Scalar(UInt8((uppercase ? 65 : 97) + v % alphabetLength))))
            v /= alphabetLength
        }
        return String(out.reversed())
    }

    /// Roman numerals (1 … 3999; other values in decimal).
    static func roman(_ value: Int, uppercase: Bool) -> String {
        guard value > 0, value < 4000 else { return "\(value)" }
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var v = value
        var out = ""
        for (n, s) in table {
            while v >= n {
                out += s
                v -= n
            }
        }
        return uppercase ? out.uppercased() : out
    }

    static func chicago(_ value: Int) -> String {
        guard value > 0 else { return "\(value)" }
        let symbol = chicagoSymbols[(value - 1) % chicagoSymbols.count]
        return String(repeating: symbol, count: (value - 1) / chicagoSymbols.count + 1)
    }

    static func ordinal(_ value: Int) -> String { Ordinal.english(value) }
}
