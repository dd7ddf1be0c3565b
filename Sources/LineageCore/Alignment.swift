import ResolutionText

/// How one clause (or a group of clauses) changed from one revision to the next.
public enum ChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Same text (token for token) at the same relative position. Renumbering and changed footnote
    /// marks alone leave a clause unchanged: only texts are compared.
    case unchanged
    /// The same clause with different wording, still in order with its neighbours.
    case modified
    /// The same clause, out of order relative to the clauses that kept their order (the longest
    /// increasing subsequence of matched pairs), possibly also reworded: then ``Change/words`` is not
    /// empty and ``Change/similarity`` is below 1. Sub-paragraphs are ordered within their parent;
    /// one that changed parent has moved.
    case moved
    /// A clause that is new in this revision.
    case inserted
    /// A clause that is gone from this revision.
    case deleted
    /// One old clause became several new ones, each taking a disjoint part of it.
    case split
    /// Several old clauses became one new one.
    case merged
    /// A clause absent from the previous revision that comes back from the archive of clauses
    /// deleted earlier (reported only by ``Provenance``; ``Change/old`` is empty and
    /// ``Change/restoredFrom`` names the clause). Its words are diffed against its last archived
    /// text.
    case restored
}

/// One entry of an alignment: which paragraphs of the old revision correspond to which of the new.
public struct Change: Sendable, Hashable, Codable {
    public var kind: ChangeKind
    /// Indexes in the old revision (empty for ``ChangeKind/inserted`` and ``ChangeKind/restored``).
    public var old: [Int]
    /// Indexes in the new revision (empty for ``ChangeKind/deleted``).
    public var new: [Int]
    /// The ``Similarity`` score of the old text(s) and the new text(s): 1 for identical texts, 0 for
    /// insertions and deletions.
    public var similarity: Double
    /// The word diff of the old text(s) against the new text(s) (several texts are joined with a
    /// line break). Empty when the text did not change; one `insert` run for an insertion, one
    /// `delete` run for a deletion.
    public var words: [WordRun]
    /// For ``ChangeKind/restored``: the id of the clause that came back.
    public var restoredFrom: String?

    public init(
        kind: ChangeKind, old: [Int], new: [Int], similarity: Double, words: [WordRun] = [],
        restoredFrom: String? = nil
    ) {
        self.kind = kind
        self.old = old
        self.new = new
        self.similarity = similarity
        self.words = words
        self.restoredFrom = restoredFrom
    }
}

/// The alignment of two revisions (or of their footnotes): every old and every new paragraph
/// appears in exactly one ``Change``; changes are in reading order of the new revision, with each
/// deletion placed where the deleted clause stood.
public struct Alignment: Sendable, Hashable {
    public var changes: [Change]

    public init(changes: [Change]) {
        self.changes = changes
    }

    /// The change that covers old paragraph `index`.
    public func change(forOld index: Int) -> Change? { changes.first { $0.old.contains(index) } }

    /// The change that covers new paragraph `index`.
    public func change(forNew index: Int) -> Change? { changes.first { $0.new.contains(index) } }

    /// Every (old, new) pair of paragraphs that are the same clause (split and merge parts
    /// included).
    public var links: [(old: Int, new: Int)] {
        var out: [(old: Int, new: Int)] = []
        for c in changes where c.kind != .inserted && c.kind != .deleted && c.kind != .restored {
            for o in c.old { for n in c.new { out.append((o, n)) } }
        }
        return out
    }
}
