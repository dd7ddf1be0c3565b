import Lineage
import LineageCore

/// Everything a report shows, read from a lineage repository: the graph of revisions, each
/// revision's changes against its parent(s), the blame of the head of every line, and the chart
/// data.
public struct ReportData: Sendable {
    /// The repository's path, as given.
    public var path: String
    public var graph: RevisionGraph
    /// One entry per revision shown in detail (the latest ones, see ``collect(_:latest:progress:)``),
    /// in history order.
    public var entries: [Entry]
    /// How many older revisions are not shown in detail (0: every revision is).
    public var omitted: Int = 0
    /// All the revisions of the history.
    public var revisionCount: Int { graph.nodes.count }
    /// The blame of the revision at the head of each line (each branch's latest revision), the
    /// line of the latest revision first.
    public var tips: [Blame]
    /// The charts' data, along the line that leads to the latest revision (first parents).
    public var cohorts: WordCohorts
    public var survival: ClauseSurvival
    /// How many clauses each of `survival.cohorts` introduced, counted in its own text (a cohort
    /// off the line charted, such as a merged line's revision, is not counted at its first
    /// appearance on the line).
    public var introduced: [Int]
    public var colors: SessionColors

    public struct Entry: Sendable {
        public var node: RevisionGraph.Node
        /// The changes against its parent, or a merge's against the union of its parents; for the
        /// first revision, against nothing (every clause inserted).
        public var comparison: Comparison
        /// The words of the revision's paragraphs.
        public var words: Int
        /// The number of its paragraphs.
        public var paragraphs: Int

        public var revision: Revision { node.revision }
    }

    /// The changes a revision made, as the changelog reports them: for a merge, against the union
    /// of its parents, each old side naming the parent it comes from (``Changelog/Entry/taken``
    /// counts the paragraphs taken from each).
    public typealias Comparison = Changelog.Entry

    /// The latest revision of each line (branch), the latest revision's line first.
    static func heads(_ graph: RevisionGraph) -> [RevisionGraph.Node] {
        guard let latest = graph.nodes.last else { return [] }
        let others = graph.branches.filter { $0 != latest.branch }.compactMap { branch in graph.nodes.last { $0.branch == branch } }
        return [latest] + others
    }

    /// How many of the latest revisions a report details by default: a series of a few dozen
    /// resolutions is shown whole; for a long history the page stays readable (and its memory
    /// bounded), and `lineage changelog` lists every revision.
    public static let defaultLatest = 100

    /// Reads the report's data, with the `latest` revisions in detail (each revision's row in the
    /// table of revisions and its redline; 0 for all); the timeline and the charts cover the
    /// whole history. `progress(done, total)` is called as the work advances.
    public static func collect(
        _ store: LineageRepository, latest: Int = defaultLatest, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(LineageError) -> ReportData {
        let graph = store.graph
        guard !graph.nodes.isEmpty else { throw LineageError("\(store.history.path): the history is empty") }
        let heads = heads(graph)
        let detailed = latest > 0 ? graph.nodes.suffix(latest) : graph.nodes[...]
        let total = detailed.count + heads.count + 2
        var done = 0
        func step() {
            done += 1
            progress(done, total)
        }
        var entries: [Entry] = []
        for node in detailed {
            let comparison = try store.changelogEntry(of: node.revision)
            let paragraphs = try node.revision.readResolution().paragraphs
            let words = paragraphs.reduce(0) { $0 + WordCohorts.count($1.text) }
            entries.append(Entry(node: node, comparison: comparison, words: words, paragraphs: paragraphs.count))
            step()
        }
        var tips: [Blame] = []
        for tip in heads {
            tips.append(try store.blame(tip.revision))
            step()
        }
        let cohorts = try store.wordCohorts()
        step()
        let survival = try store.clauseSurvival()
        var introduced: [Int] = []
        for cohort in survival.cohorts {
            introduced.append(try store.lineage(of: cohort).state.clauses.filter { $0.introduced == cohort.number }.count)
        }
        step()
        return ReportData(
            path: store.history.path, graph: graph, entries: entries, omitted: graph.nodes.count - detailed.count, tips: tips,
            cohorts: cohorts, survival: survival, introduced: introduced, colors: SessionColors(graph.nodes.map(\.revision.number)))
    }
}

extension Changelog.Entry {
    /// How many changes of these kinds.
    func count(_ kinds: ChangeKind...) -> Int { changes.filter { kinds.contains($0.kind) }.count }
}
