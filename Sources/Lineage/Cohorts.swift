import LineageCore
import ResolutionText

/// How much of each revision's text was written in each earlier revision (a "cohort" chart, like
/// git-of-theseus draws for code), counted from word-level blame.
public struct WordCohorts: Sendable {
    /// The revisions measured, oldest first (one line of the history).
    public var revisions: [Revision]
    /// The revisions that wrote words still present in some measured revision, in history order.
    public var cohorts: [Revision]
    /// `words[r][c]`: the words of `revisions[r]` written in `cohorts[c]`.
    public var words: [[Int]]

    /// The number of words of `text`: its tokens that are words or numbers (punctuation marks are
    /// tokens too, but not words). Blame's runs of words are counted with this.
    public static func count(_ text: String) -> Int {
        Tokenizer.tokenize(text).tokens.reduce(0) { $0 + ($1.kind == .punctuation ? 0 : 1) }
    }

    /// The words of `revisions[r]`, all cohorts together.
    public func total(_ r: Int) -> Int { words[r].reduce(0, +) }
}

/// How many clauses introduced by each revision are still in each later revision, and how many
/// of them still read word for word as introduced.
public struct ClauseSurvival: Sendable {
    /// The revisions measured, oldest first.
    public var revisions: [Revision]
    /// The revisions that introduced clauses present in some measured revision, in history order.
    public var cohorts: [Revision]
    /// `present[r][c]`: clauses introduced by `cohorts[c]` present in `revisions[r]`.
    public var present: [[Int]]
    /// `unchanged[r][c]`: those of them never changed since (``ClauseRecord/lastChanged`` is the
    /// revision that introduced them).
    public var unchanged: [[Int]]

    /// How many clauses `cohorts[c]` introduced, as counted in the revision that introduced them
    /// (or at its first appearance on the line measured).
    public func introduced(_ c: Int) -> Int {
        for r in revisions.indices where present[r][c] > 0 { return present[r][c] }
        return 0
    }
}

extension LineageRepository {
    /// The word cohorts of `revisions` (default: the line that leads to the latest revision),
    /// from ``blame(_:)``: O(size of the revisions).
    public func wordCohorts(along revisions: [Revision]? = nil) throws(LineageError) -> WordCohorts {
        let line = revisions ?? defaultLine
        var counts: [[String: Int]] = []
        for revision in line {
            var row: [String: Int] = [:]
            for paragraph in try blame(revision).paragraphs {
                for run in paragraph.words { row[run.introduced, default: 0] += WordCohorts.count(run.text) }
            }
            counts.append(row)
        }
        let cohorts = ordered(Set(counts.flatMap { $0.filter { $0.value > 0 }.keys }))
        return WordCohorts(
            revisions: line, cohorts: cohorts,
            words: counts.map { row in cohorts.map { row[$0.number] ?? 0 } })
    }

    /// The clause survival of `revisions` (default: the line that leads to the latest revision),
    /// from the stored lineage: O(number of clauses).
    public func clauseSurvival(along revisions: [Revision]? = nil) throws(LineageError) -> ClauseSurvival {
        let line = revisions ?? defaultLine
        var present: [[String: Int]] = [], unchanged: [[String: Int]] = []
        for revision in line {
            var p: [String: Int] = [:], u: [String: Int] = [:]
            for clause in try lineage(of: revision).state.clauses {
                p[clause.introduced, default: 0] += 1
                if clause.lastChanged == clause.introduced { u[clause.introduced, default: 0] += 1 }
            }
            present.append(p)
            unchanged.append(u)
        }
        let cohorts = ordered(Set(present.flatMap(\.keys)))
        return ClauseSurvival(
            revisions: line, cohorts: cohorts,
            present: present.map { row in cohorts.map { row[$0.number] ?? 0 } },
            unchanged: unchanged.map { row in cohorts.map { row[$0.number] ?? 0 } })
    }

    /// The line that leads to the latest revision.
    private var defaultLine: [Revision] {
        guard let latest = history.revisions.last else { return [] }
        return graph.line(to: latest)
    }

    /// The revisions with these numbers, in history order.
    private func ordered(_ numbers: Set<String>) -> [Revision] {
        history.revisions.filter { numbers.contains($0.number) }
    }
}
