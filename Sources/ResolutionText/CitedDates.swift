extension Resolution {
    /// The adoption dates this resolution's text gives for the General Assembly resolutions it
    /// cites, keyed by number: "61/54 of 6 December 2006" gives `["61/54": 2006-12-06]`.
    ///
    /// - A list sharing one date gives it to each: "74/28 and 74/29 of 12 December 2019".
    /// - A lettered part keeps its letter in the key: "43/78 H of 7 December 1988" gives
    ///   `"43/78 H"` (parts A–H of 43/78 are distinct resolutions; `"43/78"` alone is not set).
    /// - Only General Assembly resolutions count: numbers after "decision(s)" and after a
    ///   Council's "resolution(s)" ("Human Rights Council resolutions 20/8 of 5 July 2012") are
    ///   skipped.
    /// - When a number is cited twice with different dates, the first citation wins.
    ///
    /// Paragraph texts are read first, then footnotes. O(n) in the length of the text.
    public func citedDates() -> [String: CivilDate] {
        var out: [String: CivilDate] = [:]
        for p in paragraphs { CitationScanner.scan(p.text, into: &out) }
        for f in footnotes { CitationScanner.scan(f.text, into: &out) }
        return out
    }

    /// The General Assembly resolutions this resolution's preamble recalls or reaffirms, in the
    /// order first cited, with or without a date: "Recalling its resolutions 53/70 of
    /// 4 December 1998, …, 70/237 and 71/28" gives `["53/70", …, "70/237", "71/28"]`. Read from
    /// the preambular paragraphs that begin with "Recall…" or "Reaffirm…" (where a resolution
    /// names the texts it continues); decisions and other bodies' resolutions are skipped as in
    /// ``citedDates()``. O(n) in the length of those paragraphs.
    public func citedResolutions() -> [String] {
        var dates: [String: CivilDate] = [:]
        var cited: [String] = []
        for p in paragraphs where p.kind == .preambular && (p.text.hasPrefix("Recall") || p.text.hasPrefix("Reaffirm")) {
            CitationScanner.scan(p.text, into: &dates, cited: &cited)
        }
        var seen = Set<String>()
        return cited.filter { seen.insert($0).inserted }
    }
}

/// Finds "NN/NN of <date>" citations in a text (see ``Resolution/citedDates()``).
enum CitationScanner {
    static func scan(_ text: String, into out: inout [String: CivilDate]) {
        var cited: [String] = []
        scan(text, into: &out, cited: &cited)
    }

    /// Also appends every General Assembly resolution number cited, dated or not, to `cited`.
    static func scan(_ text: String, into out: inout [String: CivilDate], cited: inout [String]) {
        let s = Scalars(scalarsOf: text)
        let words = s.wordRanges()
        func core(_ k: Int) -> Scalars {
            var r = words[k]
            while r.lowerBound < r.upperBound, s[r.lowerBound] == "(" || s[r.lowerBound] == "\"" {
                r = (r.lowerBound + 1)..<r.upperBound
            }
            while r.lowerBound < r.upperBound, ",;:.)\"".unicodeScalars.contains(s[r.upperBound - 1]) {
                r = r.lowerBound..<(r.upperBound - 1)
            }
            return Scalars(s[r])
        }
        var citing: Bool?
        var pending: [String] = []
        var i = 0
        while i < words.count {
            let word = core(i)
            let lower = word.string.lowercased()
            if lower == "resolution" || lower == "resolutions" {
                let before = i > 0 ? core(i - 1).string : ""
                citing = before != "Council" && before != "Council's"
                pending = []
            } else if lower == "decision" || lower == "decisions" {
                citing = false
                pending = []
            } else if isNumber(word) {
                var key = word.string
                if i + 1 < words.count {
                    let next = core(i + 1)
                    if next.count == 1, next[0].value < 0x80, next[0].isUppercaseLetter {
                        key += " " + next.string
                        i += 1
                    }
                }
                if citing == true {
                    pending.append(key)
                    cited.append(key)
                }
            } else if lower == "and" || word.isEmpty {
                // the list goes on
            } else if lower == "of", i + 1 < words.count, let (date, range) = Dates.date(at: words[i + 1].lowerBound, in: s) {
                for key in pending where out[key] == nil { out[key] = date }
                pending = []
                while i + 1 < words.count, words[i + 1].lowerBound < range.upperBound { i += 1 }
            } else {
                pending = []
            }
            i += 1
        }
    }

    /// `61/54`: one to three digits, a slash, one to four digits.
    static func isNumber(_ w: Scalars) -> Bool {
        guard let (_, a) = w.digits(at: 0, maxDigits: 3), a < w.count, w[a] == "/",
            let (_, b) = w.digits(at: a + 1, maxDigits: 4)
        else { return false }
        return b == w.count
    }
}
