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
        /// Whether the corrections mark the revision `editorial`: its changes are listed, but they
        /// do not count as changes of the clauses (`blame` keeps each one's earlier "last changed",
        /// and the words keep their earlier origins).
        public var editorial: Bool = false

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

    /// `{"revisions":[{"revision":rev,"parent":rev|null,"parents":[rev…],"editorial":bool,"changes":[change…]}]}`,
    /// oldest first, each change as in `lineage diff --format json` (`parent` is the first parent).
    /// Rendered, it is ``jsonHead``, the ``Entry/json`` of each entry rendered at
    /// ``jsonEntryIndent`` and separated by ``jsonSeparator``, then ``jsonTail`` (or
    /// ``jsonEmpty`` when there is no entry): so it can be written entry by entry.
    public var json: JSONValue {
        .object([("revisions", .array(entries.map(\.json)))])
    }

    /// The pretty-printed ``json`` up to the first entry.
    public static let jsonHead = "{\n  \"revisions\": [\n    "
    /// Between two entries.
    public static let jsonSeparator = ",\n    "
    /// After the last entry.
    public static let jsonTail = "\n  ]\n}"
    /// The pretty-printed ``json`` with no entry.
    public static let jsonEmpty = "{\n  \"revisions\": []\n}"
    /// The indentation level of the entries in the pretty-printed ``json``.
    public static let jsonEntryIndent = 2
}

extension Changelog.Entry {
    /// `{"revision":rev,"parent":rev|null,"parents":[rev…],"editorial":bool,"changes":[change…]}`.
    public var json: JSONValue {
        .object([
            ("revision", revision.json), ("parent", parent?.json ?? .null),
            ("parents", .array(parents.map(\.json))), ("editorial", .bool(editorial)),
            ("changes", .array(changes.map(\.json))),
        ])
    }
}

extension LineageRepository {
    /// The changelog of the revisions from `first` to `last` (both included, in history order,
    /// every line; default: the whole history), each against its own parent(s), so the first one
    /// listed still shows what it changed. Read from the stored lineage: O(size of the revisions
    /// listed) time; every entry is kept, so memory grows with them: to write a long changelog,
    /// take ``changelogRevisions(from:to:)`` and one ``changelogEntry(of:)`` at a time instead.
    public func changelog(from first: Revision? = nil, to last: Revision? = nil) throws(LineageError) -> Changelog {
        var entries: [Changelog.Entry] = []
        for revision in try changelogRevisions(from: first, to: last) {
            entries.append(try changelogEntry(of: revision))
        }
        return Changelog(entries: entries)
    }

    /// The revisions a changelog from `first` to `last` lists (both included, in history order,
    /// every line; default: the whole history); an error if `first` comes after `last`. O(number
    /// of revisions) time, no copy.
    public func changelogRevisions(from first: Revision? = nil, to last: Revision? = nil) throws(LineageError) -> ArraySlice<Revision> {
        let revisions = history.revisions
        guard !revisions.isEmpty else { return [] }
        func position(_ revision: Revision?, default fallback: Int) -> Int {
            revision.flatMap { r in revisions.firstIndex { $0.commit == r.commit } } ?? fallback
        }
        let lower = position(first, default: 0), upper = position(last, default: revisions.count - 1)
        guard lower <= upper else {
            throw LineageError(
                "\(first?.number ?? "?") comes after \(last?.number ?? "?") in the history",
                hint: "give the older revision with --from and the newer one with --to")
        }
        return revisions[lower...upper]
    }

    /// The changelog entry of one revision: its stored changes against its parent(s). Reads its
    /// note and document and its parents' (the last few are cached, so walking the history in
    /// order, either way, reads each about once). O(size of the revision and its parents).
    public func changelogEntry(of revision: Revision) throws(LineageError) -> Changelog.Entry {
        Changelog.Entry(
            revision: revision, parents: parents(of: revision), changes: try storedChanges(of: revision),
            editorial: corrections.editorial.contains(revision.number))
    }
}
