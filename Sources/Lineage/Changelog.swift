import LineageCore
import ResolutionText

/// What every revision changed against its predecessor, for `lineage changelog`: the stored
/// changes of each revision, with the paragraphs on both sides (see ``ClauseChange``).
///
/// The first revision of the history has no predecessor: all its paragraphs are `inserted`.
public struct Changelog: Sendable {
    /// One entry per revision, in history order (oldest first).
    public var entries: [Entry]

    /// One revision and its changes against its parent(s).
    public struct Entry: Sendable {
        public var revision: Revision
        /// The revision it continues (the first parent of a merge); `nil` for the first revision.
        public var parent: Revision? { parents.first }
        /// Every revision it continues: two or more for a merge, whose changes are then against
        /// the union of the parents, each old side naming the parent it comes from.
        public var parents: [Revision]
        /// Every aligned change, unchanged clauses included, in the revision's reading order.
        public var changes: [ClauseChange]

        /// How many changes of each kind, in a fixed order, leaving out kinds that do not occur.
        public var counts: [(kind: ChangeKind, count: Int)] { ClauseChange.counts(changes) }

        /// For a merge: how many of its paragraphs come from each parent (by the parent of the
        /// first old side of their change), in parent order.
        public var taken: [(parent: Revision, paragraphs: Int)] {
            parents.map { parent in
                (parent, changes.filter { $0.old.first?.revision == parent.number }.reduce(0) { $0 + $1.new.count })
            }
        }
    }

    /// `{"revisions":[{"revision":rev,"parent":rev|null,"parents":[rev…],"changes":[change…]}]}`,
    /// oldest first, each change as in `lineage diff --format json` (`parent` is the first parent).
    public var json: JSONValue {
        .object([
            ("revisions", .array(entries.map { entry in
                .object([
                    ("revision", entry.revision.json), ("parent", entry.parent?.json ?? .null),
                    ("parents", .array(entry.parents.map(\.json))),
                    ("changes", .array(entry.changes.map(\.json))),
                ])
            })),
        ])
    }
}

extension LineageRepository {
    /// The changelog of the revisions from `first` to `last` (both included, in history order,
    /// every line; default: the whole history), each against its own parent(s), so the first one
    /// listed still shows what it changed. Read from the stored lineage: O(size of the revisions listed).
    public func changelog(from first: Revision? = nil, to last: Revision? = nil) throws(LineageError) -> Changelog {
        let revisions = history.revisions
        guard !revisions.isEmpty else { return Changelog(entries: []) }
        func position(_ revision: Revision?, default fallback: Int) -> Int {
            revision.flatMap { r in revisions.firstIndex { $0.commit == r.commit } } ?? fallback
        }
        let lower = position(first, default: 0), upper = position(last, default: revisions.count - 1)
        guard lower <= upper else {
            throw LineageError(
                "\(first?.number ?? "?") comes after \(last?.number ?? "?") in the history",
                hint: "give the older revision with --from and the newer one with --to")
        }
        var entries: [Changelog.Entry] = []
        for revision in revisions[lower...upper] {
            entries.append(
                Changelog.Entry(revision: revision, parents: parents(of: revision), changes: try storedChanges(of: revision)))
        }
        return Changelog(entries: entries)
    }
}
