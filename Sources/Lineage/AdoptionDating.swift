import ResolutionText

/// Establishes each revision's adoption date: printed in its text, supplied by the user, or
/// taken from the date other resolutions cite for it ("61/54 of 6 December 2006").
enum AdoptionDating {
    /// For each cited resolution number, the date most citations give it, and who cites it
    /// (the earliest-numbered citing resolution, for the record).
    static func citedDates(in resolutions: [Resolution]) -> [String: (date: CivilDate, citedBy: String)] {
        var votes: [String: [CivilDate: [String]]] = [:]
        for r in resolutions {
            guard let symbol = r.symbol else { continue }
            for (number, date) in r.citedDates() where number != r.number {
                votes[number, default: [:]][date, default: []].append(symbol)
            }
        }
        return votes.mapValues { byDate in
            let best = byDate.max { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key
            }!
            return (best.key, best.value.sorted().first!)
        }
    }

    /// The revision for an input, with its date settled; refuses an input that cannot be dated.
    static func date(
        _ input: SourceDocument, cited: [String: (date: CivilDate, citedBy: String)], corrections: Corrections
    ) throws(LineageError) -> Revision {
        var resolution = input.resolution
        let number = resolution.number ?? "?"
        if let supplied = corrections.adopted[number] {
            resolution.adopted = supplied
            return Revision(resolution: resolution, dateSource: .supplied)
        }
        if resolution.adopted != nil { return Revision(resolution: resolution, dateSource: .text) }
        if let (date, citedBy) = cited[number] {
            resolution.adopted = date
            return Revision(resolution: resolution, dateSource: .citedBy(citedBy))
        }
        throw LineageError(
            "\(input.path): \(resolution.symbol ?? number) gives no adoption date, and no other resolution in the corpus or the history cites one",
            hint: "supply it with `--adopted \(number)=YYYY-MM-DD`, or a line `adopted \(number) YYYY-MM-DD` in \(Corpus.correctionsFileName) beside the file")
    }
}
