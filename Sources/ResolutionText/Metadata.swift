/// Dates as UN documents print them: "3 December 2004".
enum Dates {
    private static let months: [String: Int] = {
        var m: [String: Int] = [:]
        for (i, name) in CivilDate.monthNames.enumerated() { m[name] = i + 1 }
        return m
    }()

    /// The month number of an English month name ("December" → 12).
    static func month(_ name: String) -> Int? { months[name] }

    /// The first "day Month year" in `s` at or after `from`: the date and the offsets it spans.
    /// The year may be glued to what follows ("11 December 2014Sixty-ninth session").
    /// O(n).
    static func first(in s: Scalars, from: Int = 0) -> (date: CivilDate, range: Range<Int>)? {
        var i = from
        let n = s.count
        while i < n {
            guard s[i].isASCIIDigit, i == 0 || !s[i - 1].isLetterOrDigit else {
                i += 1
                continue
            }
            if let found = date(at: i, in: s) { return found }
            while i < n, s[i].isASCIIDigit { i += 1 }
        }
        return nil
    }

    /// A "day Month year" starting exactly at `i`.
    static func date(at i: Int, in s: Scalars) -> (date: CivilDate, range: Range<Int>)? {
        guard let (day, dayEnd) = s.digits(at: i, maxDigits: 2), dayEnd < s.count, s[dayEnd].isSpaceLike else {
            return nil
        }
        let monthStart = s.skippingSpaces(from: dayEnd)
        var monthEnd = monthStart
        while monthEnd < s.count, s[monthEnd].isLetter { monthEnd += 1 }
        guard let month = month(s.string(monthStart..<monthEnd)), monthEnd < s.count, s[monthEnd].isSpaceLike else {
            return nil
        }
        let yearStart = s.skippingSpaces(from: monthEnd)
        guard let (year, yearEnd) = s.digits(at: yearStart, maxDigits: 4), yearEnd - yearStart == 4,
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        return (date, i..<yearEnd)
    }

    /// `s` is exactly a date (decoration aside): "2 December 2008*".
    static func whole(_ s: Scalars) -> CivilDate? {
        let plain = s.undecorated()
        guard let (date, range) = date(at: 0, in: plain), range.upperBound == plain.count else { return nil }
        return date
    }
}

/// English ordinals as figures: 1st, 2nd, 3rd, 11th, 62nd (meetings, as the UN prints them).
public enum Ordinal {
    /// `n` with its English suffix. O(1).
    public static func english(_ n: Int) -> String {
        let suffix: String
        switch (n % 100, n % 10) {
        case (11...13, _): suffix = "th"
        case (_, 1): suffix = "st"
        case (_, 2): suffix = "nd"
        case (_, 3): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}

/// English ordinal words, as in "Sixty-ninth session".
enum Ordinals {
    private static let simple: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
        "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
        "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
        "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
        "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    ]
    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]

    /// "Sixty-ninth" → 69, "tenth" → 10; `nil` for anything else.
    static func value(_ word: String) -> Int? {
        let w = word.lowercased()
        if let v = simple[w] { return v }
        let parts = w.split(separator: "-")
        guard parts.count == 2, let t = tens[String(parts[0])], let u = simple[String(parts[1])], u < 10 else {
            return nil
        }
        return t + u
    }
}

/// Reading the metadata printed around a resolution: in the header above its number heading,
/// in the meeting line below it, and in page furniture (which word-processor exports put at the
/// end). Each function looks for one fixed phrase; a field that is not printed stays `nil`.
/// All are O(n) in the length of the text they are given.
enum Metadata {
    /// The heading `69/28. Title…` (also `### **63/37. Title**`, `43/78 H. Title`): the number
    /// and the offset where the title starts in `line`.
    static func heading(_ line: Scalars) -> (number: String, titleStart: Int)? {
        var i = 0
        while i < line.count, line[i] == "#" || line[i] == "*" || line[i] == "_" || line[i].isSpaceLike { i += 1 }
        guard let (session, a) = line.digits(at: i, maxDigits: 3), a < line.count, line[a] == "/",
            let (serial, b) = line.digits(at: a + 1, maxDigits: 4), session > 0, serial > 0
        else { return nil }
        var number = "\(session)/\(serial)"
        var j = b
        // A lettered part: "43/78 H."
        if j + 2 < line.count, line[j] == " ", line[j + 1].value < 0x80, line[j + 1].isUppercaseLetter, line[j + 2] == "." {
            number += " " + String(line[j + 1])
            j += 2
        }
        guard j < line.count, line[j] == "." else { return nil }
        j += 1
        guard j == line.count || line[j].isSpaceLike || line[j] == "*" || line[j] == "_" else { return nil }
        while j < line.count, line[j].isSpaceLike || line[j] == "*" || line[j] == "_" { j += 1 }
        if j < line.count {
            let c = line[j]
            guard c.isUppercaseLetter || c == "\"" || c == "\u{201C}" else { return nil }
        }
        return (number, j)
    }

    /// "The General Assembly," on a line of its own.
    static func isAssemblyLine(_ line: Scalars) -> Bool {
        guard line.count <= 40, let first = line.first, first == "T" || first == "*" || first == "_" else { return false }
        let p = line.undecorated()
        return p.count <= 24 && p.hasPrefix("The General Assembly")
            && (p.count == 20 || (p.count == 21 && (p[20] == "," || p[20] == ":")))
    }

    /// For a line that starts with "The General Assembly," and goes on ("The General Assembly,
    /// Recalling …"), the rest of the line; `nil` otherwise.
    static func afterAssemblyWords(_ line: Scalars) -> Scalars? {
        var i = 0
        while i < line.count, line[i] == "*" || line[i] == "_" { i += 1 }
        guard line.has("The General Assembly,", at: i) else { return nil }
        var j = i + 21
        while j < line.count, line[j] == "*" || line[j] == "_" { j += 1 }
        let rest = Scalars(line[j...]).trimmed()
        guard let first = rest.first, first.isUppercaseLetter || first == "*" || first == "_" else { return nil }
        return rest
    }

    /// The plenary meeting line: "66th plenary meeting 3 December 2004", "62nd plenary meeting",
    /// "*61st plenary meeting", "65th (resumed) plenary meeting", "93rd resumed plenary meeting",
    /// "99th plenary meeting (resumed)". The meeting number, and the
    /// date when it is on the same line. `nil` when the line is anything more than that.
    static func plenaryMeeting(_ line: Scalars) -> (meeting: Int, date: CivilDate?)? {
        var k = 0
        while k < line.count, line[k] == "*" || line[k] == "_" || line[k] == "#" { k += 1 }
        guard k < line.count, line[k].isASCIIDigit, line.count <= 80 else { return nil }
        let p = line.undecorated()
        guard let (meeting, e) = p.digits(at: 0, maxDigits: 4), e + 2 <= p.count else { return nil }
        let suffix = p.string(e..<(e + 2))
        guard ["st", "nd", "rd", "th"].contains(suffix) else { return nil }
        var j = p.skippingSpaces(from: e + 2)
        if p.has("(resumed)", at: j) { j = p.skippingSpaces(from: j + 9) } else if p.has("resumed ", at: j) { j = p.skippingSpaces(from: j + 8) }
        guard p.has("plenary meeting", at: j) else { return nil }
        j = p.skippingSpaces(from: j + 15)
        if p.has("(resumed)", at: j) { j = p.skippingSpaces(from: j + 9) }
        if j < p.count, p[j] == "," { j = p.skippingSpaces(from: j + 1) }
        if j == p.count { return (meeting, nil) }
        let rest = Scalars(p[j...])
        guard let date = Dates.whole(rest) else { return nil }
        return (meeting, date)
    }

    /// The heading of one part of a resolution adopted in parts, on a line of its own after the
    /// title: `B`, with the mark of the footnote that explains the parts glued on (`B1`, `B¹`,
    /// `B 1`, `*B*`): the letter and the mark.
    ///
    /// - Complexity: O(length of the line).
    static func partHeading(_ line: Scalars) -> (letter: String, mark: String?)? {
        let p = line.undecorated()
        guard let first = p.first, first.value < 0x80, first.isUppercaseLetter, p.count <= 4 else { return nil }
        if p.count == 1 { return (String(first), nil) }
        var rest = Scalars(p[1...]).trimmed()
        if rest.allSatisfy({ $0.superscriptDigit != nil }) { rest = rest.map { $0.superscriptDigit! } }
        guard !rest.isEmpty, rest.allSatisfy(\.isASCIIDigit), rest.first != "0" else { return nil }
        return (String(first), rest.string)
    }

    /// An annex heading on a line of its own: `Annex`, `Annexes`, `Annex I`, `Annex II`.
    ///
    /// - Complexity: O(length of the line).
    static func isAnnexHeading(_ line: Scalars) -> Bool {
        let p = line.undecorated()
        guard p.count <= 12, p.hasPrefix("Annex") else { return false }
        if p.count == 5 { return true }
        if p.string == "Annexes" { return true }
        guard p[5].isSpaceLike else { return false }
        let rest = Scalars(p[6...]).trimmed()
        return !rest.isEmpty && rest.allSatisfy { "IVXL".unicodeScalars.contains($0) }
    }

    /// "Sixty-ninth session" anywhere in `s` (also glued: "2014Sixty-ninth session").
    static func session(in s: Scalars) -> Int? {
        var from = 0
        while let k = s.firstIndex(of: "session", from: from, ignoringCase: true) {
            from = k + 7
            guard k >= 2, s[k - 1] == " ", from == s.count || !s[from].isLetter else { continue }
            var w = k - 1
            while w > 0, s[w - 1].isLetter || s[w - 1] == "-" { w -= 1 }
            if let v = Ordinals.value(s.string(w..<(k - 1))) { return v }
        }
        return nil
    }

    /// "Agenda item 91" (or "Agenda items 14 and 117": the first).
    static func agendaItem(in s: Scalars) -> Int? {
        var from = 0
        while let k = s.firstIndex(of: "Agenda item", from: from) {
            from = k + 11
            var j = from
            if j < s.count, s[j] == "s" { j += 1 }
            j = s.skippingSpaces(from: j)
            if let (v, _) = s.digits(at: j, maxDigits: 4) { return v }
        }
        return nil
    }

    /// The report symbol in "[on the report of the First Committee (A/69/435)]" or
    /// "(A/76/439, para. 7)".
    static func committeeReport(in s: Scalars) -> String? {
        guard let k = s.firstIndex(of: "on the report of the", ignoringCase: true),
            let open = s.firstIndex(of: "(", from: k)
        else { return nil }
        var j = s.skippingSpaces(from: open + 1)
        let start = j
        while j < s.count, s[j] != ",", s[j] != ")", s[j] != "]", !s[j].isSpaceLike { j += 1 }
        let symbol = s.string(start..<j)
        return symbol.hasPrefix("A/") && symbol.count > 3 ? symbol : nil
    }

    /// The draft in "[without reference to a Main Committee (A/74/L.52)]": a resolution adopted
    /// in plenary without a committee report names the draft it was adopted on.
    ///
    /// - Complexity: O(length of `s`).
    static func draft(in s: Scalars) -> String? {
        guard let k = s.firstIndex(of: "without reference to a Main Committee", ignoringCase: true),
            let open = s.firstIndex(of: "(", from: k), open - k < 48
        else { return nil }
        var j = s.skippingSpaces(from: open + 1)
        let start = j
        while j < s.count, s[j] != ",", s[j] != ")", s[j] != "]", !s[j].isSpaceLike { j += 1 }
        let symbol = s.string(start..<j)
        return symbol.hasPrefix("A/") && symbol.contains("/L.") ? symbol : nil
    }

    /// The date in "Resolution adopted by the General Assembly on 2 December 2014".
    static func adoptionDate(in s: Scalars) -> CivilDate? {
        guard let k = s.firstIndex(of: "adopted by the General Assembly", ignoringCase: true) else { return nil }
        let j = s.skippingSpaces(from: k + 31)
        guard s.has("on ", at: j) else { return nil }
        return Dates.date(at: s.skippingSpaces(from: j + 3), in: s)?.date
    }
}
