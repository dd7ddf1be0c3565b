import ResolutionText

/// Establishes each revision's adoption date: printed in its text, supplied by the user, or
/// taken from the date other resolutions cite for it ("61/54 of 6 December 2006").
enum AdoptionDating {
    /// The dates citations give, gathered one text at a time (so the texts need not be held
    /// together): for each cited number and date, how many texts give it and the first of their
    /// symbols. O(distinct citations) memory.
    struct Votes: Sendable {
        private struct Tally: Sendable {
            var count: Int
            var first: String
        }
        private var votes: [String: [CivilDate: Tally]] = [:]

        init() {}

        mutating func add(_ r: Resolution) {
            guard let symbol = r.symbol else { return }
            for (number, date) in r.citedDates() where number != r.number {
                var tally = votes[number]?[date] ?? Tally(count: 0, first: symbol)
                tally.count += 1
                tally.first = min(tally.first, symbol)
                votes[number, default: [:]][date] = tally
            }
        }

        /// Adds the votes of other texts.
        mutating func merge(_ other: Votes) {
            for (number, byDate) in other.votes {
                for (date, tally) in byDate {
                    var mine = votes[number]?[date] ?? Tally(count: 0, first: tally.first)
                    mine.count += tally.count
                    mine.first = min(mine.first, tally.first)
                    votes[number, default: [:]][date] = mine
                }
            }
        }

        /// For each cited resolution number, the date most citations give it (the earliest on a
        /// tie), and who cites it (the first citing symbol in sorted order, for the record).
        var dates: [String: (date: CivilDate, citedBy: String)] {
            votes.mapValues { byDate in
                let best = byDate.max { a, b in
                    a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key
                }!
                return (best.key, best.value.first)
            }
        }
    }

    /// The metadata of an input, with its date settled, and where the date comes from; refuses
    /// an input that cannot be dated.
    static func date(
        _ input: InputSummary, cited: [String: (date: CivilDate, citedBy: String)], corrections: Corrections
    ) throws(LineageError) -> (header: Resolution, source: Revision.DateSource) {
        var resolution = input.header
        let number = resolution.number ?? "?"
        if let supplied = corrections.adopted[number] {
            resolution.adopted = supplied
            return (resolution, .supplied)
        }
        if resolution.adopted != nil { return (resolution, .text) }
        if let (date, citedBy) = cited[number] {
            resolution.adopted = date
            return (resolution, .citedBy(citedBy))
        }
        throw LineageError(
            "\(input.path): \(resolution.symbol ?? number) gives no adoption date, and no other resolution in the corpus or the history cites one",
            hint: "supply it with `--adopted \(number)=YYYY-MM-DD`, or a line `adopted \(number) YYYY-MM-DD` in \(Corpus.correctionsFileName) beside the file")
    }
}
