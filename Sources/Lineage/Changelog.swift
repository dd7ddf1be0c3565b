import LineageCore
import ResolutionText

/// What every revision changed against its predecessor, for `lineage changelog`: the stored
/// changes of each revision, with the paragraphs on both sides (see ``ClauseChange``).
///
/// The first revision of the history has no predecessor: all its paragraphs are `inserted`.
public struct Changelog: Sendable {
    /// One entry per revision, in history order (oldest first).
    public var entries: [Entry]

    /// One revision and its changes against its parent.
    public struct Entry: Sendable {
        public var revision: Revision
        /// The revision it continues; `nil` for the first revision of the history.
        public var parent: Revision?
        /// Every aligned change, unchanged clauses included, in the revision's reading order.
        public var changes: [ClauseChange]

        /// How many changes of each kind, in a fixed order, leaving out kinds that do not occur.
        public var counts: [(kind: ChangeKind, count: Int)] {
            ChangeKind.allCases.compactMap { kind in
                let n = changes.filter { $0.kind == kind }.count
                return n > 0 ? (kind, n) : nil
            }
        }
    }

    /// `{"revisions":[{"revision":rev,"parent":rev|null,"changes":[change…]}]}`, oldest first,
    /// each change as in `lineage diff --format json`.
    public var json: JSONValue {
        .object([
            ("revisions", .array(entries.map { entry in
                .object([
                    ("revision", entry.revision.json), ("parent", entry.parent?.json ?? .null),
                    ("changes", .array(entry.changes.map(\.json))),
                ])
            })),
        ])
    }
}

extension LineageRepository {
    /// The changelog of the revisions from `first` to `last` (both included; default: the whole
    /// history), each against its own parent, so the first one listed still shows what it
    /// changed. Read from the stored lineage: O(size of the revisions listed).
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
            if let parent = parent(of: revision) {
                let diff = try diff(from: parent, to: revision)
                entries.append(Changelog.Entry(revision: revision, parent: parent, changes: diff.changes))
            } else {
                let lineage = try lineage(of: revision)
                let changes = ClauseChange.from(
                    lineage.changes, old: Resolution(), new: revision.resolution, oldClauses: [],
                    newClauses: lineage.state.clauses)
                entries.append(Changelog.Entry(revision: revision, parent: nil, changes: changes))
            }
        }
        return Changelog(entries: entries)
    }
}
