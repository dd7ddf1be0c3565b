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
    public var words: [CohortRow]

    /// The number of words of `text`: its tokens that are words or numbers (punctuation marks are
    /// tokens too, but not words). Blame's runs of words are counted with this.
    public static func count(_ text: String) -> Int {
        Tokenizer.tokenize(text).tokens.reduce(0) { $0 + ($1.kind == .punctuation ? 0 : 1) }
    }

    /// The words of `revisions[r]`, all cohorts together.
    public func total(_ r: Int) -> Int { words[r].total }
}

/// One row of a cohort table: a count per cohort, `row[c]` (0 for most: a revision of a long
/// history holds the text of few of its many cohorts), stored sparsely, so a table of R rows
/// and C cohorts costs O(non-zero cells), not O(R · C).
public struct CohortRow: Sendable, Equatable {
    private var counts: [Int: Int]

    /// The row with `counts[cohort]` for the cohorts named (zeros left out).
    public init(_ counts: [Int: Int]) { self.counts = counts.filter { $0.value != 0 } }

    public subscript(cohort: Int) -> Int { counts[cohort] ?? 0 }

    /// The sum of the row.
    public var total: Int { counts.values.reduce(0, +) }

    /// The row of counts keyed by revision number, with `index` giving each number's cohort.
    init(_ byNumber: [String: Int], index: [String: Int]) {
        var counts: [Int: Int] = [:]
        for (number, count) in byNumber where count != 0 {
            if let c = index[number] { counts[c] = count }
        }
        self.counts = counts
    }
}

/// How many clauses introduced by each revision are still in each later revision, and how many
/// of them still read word for word as introduced.
public struct ClauseSurvival: Sendable {
    /// The revisions measured, oldest first.
    public var revisions: [Revision]
    /// The revisions that introduced clauses present in some measured revision, in history order.
    public var cohorts: [Revision]
    /// `present[r][c]`: clauses introduced by `cohorts[c]` present in `revisions[r]`.
    public var present: [CohortRow]
    /// `unchanged[r][c]`: those of them never changed since (``ClauseRecord/lastChanged`` is the
    /// revision that introduced them).
    public var unchanged: [CohortRow]

    /// How many clauses `cohorts[c]` introduced, as counted in the revision that introduced them
    /// (or at its first appearance on the line measured).
    public func introduced(_ c: Int) -> Int {
        for r in revisions.indices where present[r][c] > 0 { return present[r][c] }
        return 0
    }
}

extension LineageRepository {
    /// The word cohorts of `revisions` (default: ``chartLine``), from the stored word origins
    /// (what ``blame(_:)`` shows): O(size of the revisions).
    public func wordCohorts(along revisions: [Revision]? = nil) throws(LineageError) -> WordCohorts {
        let line = revisions ?? chartLine
        var counts: [[String: Int]] = []
        for revision in line {
            var row: [String: Int] = [:]
            for clause in try lineage(of: revision).state.clauses {
                for run in clause.wordsByOrigin() { row[run.revision, default: 0] += run.words }
            }
            counts.append(row)
        }
        let cohorts = ordered(Set(counts.flatMap { $0.filter { $0.value > 0 }.keys }))
        let index = Self.indexes(cohorts)
        return WordCohorts(revisions: line, cohorts: cohorts, words: counts.map { CohortRow($0, index: index) })
    }

    /// The clause survival of `revisions` (default: ``chartLine``), from the stored lineage:
    /// O(number of clauses).
    public func clauseSurvival(along revisions: [Revision]? = nil) throws(LineageError) -> ClauseSurvival {
        let line = revisions ?? chartLine
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
        let index = Self.indexes(cohorts)
        return ClauseSurvival(
            revisions: line, cohorts: cohorts,
            present: present.map { CohortRow($0, index: index) }, unchanged: unchanged.map { CohortRow($0, index: index) })
    }

    /// Each cohort's index, by revision number.
    private static func indexes(_ cohorts: [Revision]) -> [String: Int] {
        Dictionary(cohorts.enumerated().map { ($1.number, $0) }) { a, _ in a }
    }

    /// At most this many revisions of a line are charted: a longer line is sampled evenly.
    public static let chartRevisions = 200

    /// The revisions the charts measure: the line that leads to the latest revision, or, when
    /// it is longer than ``chartRevisions``, that many of its revisions evenly spaced, its first
    /// and last included (as git-of-theseus samples commits), so that a chart of a long history
    /// reads a bounded number of notes and draws a bounded number of columns.
    public var chartLine: [Revision] { chartLine(limit: Self.chartRevisions) }

    func chartLine(limit n: Int) -> [Revision] {
        guard let latest = history.revisions.last else { return [] }
        let line = graph.line(to: latest)
        guard line.count > n, n >= 2 else { return line }
        return (0..<n).map { line[$0 * (line.count - 1) / (n - 1)] }
    }

    /// The revisions with these numbers, in history order.
    private func ordered(_ numbers: Set<String>) -> [Revision] {
        history.revisions.filter { numbers.contains($0.number) }
    }
}
