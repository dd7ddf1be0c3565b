import Lineage
import LineageCore

/// Everything a report shows, read from a lineage repository: the graph of revisions, each
/// revision's changes against each of its parents, the blame of every tip, and the chart data.
public struct ReportData: Sendable {
    /// The repository's path, as given.
    public var path: String
    public var graph: RevisionGraph
    /// One entry per revision, in history order.
    public var entries: [Entry]
    /// The blame of the revision at the head of each line.
    public var tips: [Blame]
    public var cohorts: WordCohorts
    public var survival: ClauseSurvival
    public var colors: SessionColors

    public struct Entry: Sendable {
        public var node: RevisionGraph.Node
        /// The changes against each parent, first parent first; for the first revision, one
        /// comparison against nothing (every clause inserted).
        public var comparisons: [Comparison]
        /// The words of the revision's paragraphs.
        public var words: Int

        public var revision: Revision { node.revision }
    }

    public struct Comparison: Sendable {
        /// `nil` for the first revision.
        public var parent: Revision?
        public var changes: [ClauseChange]

        /// How many changes of each kind.
        public func count(_ kinds: ChangeKind...) -> Int { changes.filter { kinds.contains($0.kind) }.count }
    }

    /// Reads the report's data; `progress(done, total)` is called as the work advances.
    public static func collect(
        _ store: LineageRepository, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(LineageError) -> ReportData {
        let graph = store.graph
        guard !graph.nodes.isEmpty else { throw LineageError("\(store.history.path): the history is empty") }
        let total = graph.nodes.count + graph.tips.count + 2
        var done = 0
        func step() {
            done += 1
            progress(done, total)
        }
        var entries: [Entry] = []
        for node in graph.nodes {
            var comparisons: [Comparison] = []
            if node.parents.isEmpty {
                let log = try store.changelog(from: node.revision, to: node.revision)
                comparisons.append(Comparison(parent: nil, changes: log.entries.first?.changes ?? []))
            }
            for parent in node.parents {
                comparisons.append(Comparison(parent: parent, changes: try store.diff(from: parent, to: node.revision).changes))
            }
            let words = node.revision.resolution.paragraphs.reduce(0) { $0 + WordCohorts.count($1.text) }
            entries.append(Entry(node: node, comparisons: comparisons, words: words))
            step()
        }
        var tips: [Blame] = []
        for tip in graph.tips {
            tips.append(try store.blame(tip.revision))
            step()
        }
        let cohorts = try store.wordCohorts()
        step()
        let survival = try store.clauseSurvival()
        step()
        return ReportData(
            path: store.history.path, graph: graph, entries: entries, tips: tips, cohorts: cohorts, survival: survival,
            colors: SessionColors(graph.nodes.map(\.revision.number)))
    }
}
