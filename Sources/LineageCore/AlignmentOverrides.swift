/// A paragraph of a given revision, by index (the caller resolves human addresses such as
/// `69/28:op4` to indexes).
public struct ClauseRef: Sendable, Hashable, Codable {
    public var revision: String
    public var paragraphIndex: Int

    public init(revision: String, paragraphIndex: Int) {
        self.revision = revision
        self.paragraphIndex = paragraphIndex
    }
}

/// Human corrections to the automatic alignment, like git's `--ignore-revs` and a reviewer's
/// "these two are the same clause".
///
/// - ``forced``: the two paragraphs are always paired (with their real similarity), whatever their
///   score. `old.revision` must be the key of one of the parents given to ``Provenance/advance(parents:to:overrides:)``
///   and `new.revision` the key of the revision being added; other pairs are ignored.
/// - ``forbidden``: the two paragraphs are never paired (not as a match, a split part, a merge source
///   or through exact text equality).
/// - ``editorial``: revisions whose changes are editorial only. Advancing to such a revision still
///   aligns and reports changes, but a modification does not update the clause's `lastChanged`, and
///   the words it inserts take the origin of the words they replaced: within each changed stretch
///   of a word diff, the i-th of k inserted words takes the origin of deleted word ⌊i·d/k⌋ of the d
///   deleted ones; a pure insertion takes the origin of the word before it (or after it, at the
///   start of a clause). Clauses inserted by an editorial revision are still introduced by it.
public struct AlignmentOverrides: Sendable {
    public var forced: [(old: ClauseRef, new: ClauseRef)]
    public var forbidden: [(old: ClauseRef, new: ClauseRef)]
    public var editorial: Set<String>

    public init(
        forced: [(old: ClauseRef, new: ClauseRef)] = [], forbidden: [(old: ClauseRef, new: ClauseRef)] = [],
        editorial: Set<String> = []
    ) {
        self.forced = forced
        self.forbidden = forbidden
        self.editorial = editorial
    }

    /// No overrides.
    public static let none = AlignmentOverrides()
}
