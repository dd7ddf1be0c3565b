import GitStore
import ResolutionText

/// The revisions as a graph: what each revision continues (its parents) and the line (branch) it
/// belongs to. Reports draw their timeline, redlines and charts from this graph only, so that a
/// forked and merged history (2018: 73/27 and 73/266; 2021: 76/19 merging them) shows as such.
///
/// The parents are the commits' parents and the branch is the line ``History`` reads for each
/// revision (see ``Ancestry``).
public struct RevisionGraph: Sendable {
    public struct Node: Sendable {
        public var revision: Revision
        /// The revisions this one continues: none for the first, two or more for a merge. The
        /// first parent is the line it continues.
        public var parents: [Revision]
        /// The line (branch name) the revision is on.
        public var branch: String
    }

    /// Every revision, parents before children, in history order.
    public let nodes: [Node]
    private let position: [ObjectID: Int]

    public init(nodes: [Node]) {
        self.nodes = nodes
        position = Dictionary(nodes.enumerated().compactMap { i, n in n.revision.commit.map { ($0, i) } }) { a, _ in a }
    }

    /// The revisions nothing continues: the head of each line, oldest first.
    public var tips: [Node] {
        let continued = Set(nodes.flatMap { $0.parents.compactMap(\.commit) })
        return nodes.filter { node in node.revision.commit.map { !continued.contains($0) } ?? true }
    }

    /// The lines (branches) in order of their first revision.
    public var branches: [String] {
        var seen: [String] = []
        for node in nodes where !seen.contains(node.branch) { seen.append(node.branch) }
        return seen
    }

    /// The node of `revision`. O(1).
    public func node(of revision: Revision) -> Node? {
        revision.commit.flatMap { position[$0] }.map { nodes[$0] }
    }

    /// The revisions from the first one to `tip`, following first parents, oldest first: the line
    /// charts are drawn along.
    public func line(to tip: Revision) -> [Revision] {
        var out: [Revision] = []
        var next: Revision? = tip
        var seen = Set<String>()
        while let revision = next, seen.insert(revision.number).inserted {
            out.append(revision)
            next = node(of: revision)?.parents.first
        }
        return out.reversed()
    }
}

extension LineageRepository {
    /// The line (branch name) `revision` is on.
    public func branch(of revision: Revision) -> String {
        revision.line ?? history.lines.first ?? "main"
    }

    /// The history as a graph (see ``RevisionGraph``).
    public var graph: RevisionGraph {
        RevisionGraph(nodes: history.revisions.map {
            RevisionGraph.Node(revision: $0, parents: parents(of: $0), branch: branch(of: $0))
        })
    }
}
