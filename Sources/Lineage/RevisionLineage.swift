import Foundation
import LineageCore
import ResolutionText

/// The lineage of one revision as stored in git: a note on its commit under
/// ``LineageNotes/reference`` (read it with `git notes --ref=lineage show A/RES/69/28`).
///
/// JSON, keys sorted:
/// `{"archived":[clause…],"changes":[change…],"footnoteChanges":[change…],"format":1,
///   "parents":["65/41"],"restored":["59/61#3"],"revision":"69/28","state":{…}}`
/// where `state` is the ``LineageState`` of the revision (its clauses and footnotes with their
/// ids, `introduced`, `lastChanged` and word origins) *without* its archive of deleted clauses;
/// the archive is kept as deltas instead: `archived` are the clauses this revision deleted,
/// `restored` the ids of archived clauses it brought back. The archive of a revision is its
/// parent's archive minus `restored` plus `archived`, so no note repeats the whole archive and
/// the notes grow with the size of each revision, not with the length of the history.
/// `changes` and `footnoteChanges` are the aligned changes against the parent(s).
public struct RevisionLineage: Codable, Sendable, Equatable {
    public static let format = 1

    public var format: Int = RevisionLineage.format
    public var revision: String
    public var parents: [String]
    public var state: LineageState
    public var archived: [ClauseRecord]
    public var restored: [String]
    public var changes: [Change]
    public var footnoteChanges: [Change]

    /// Computes the lineage of `revision` from its parents' full states (archives included).
    /// The archive deltas are taken against the first parent's archive.
    static func compute(
        revision: Revision, parents: [(number: String, state: LineageState)], overrides: AlignmentOverrides
    ) -> (note: RevisionLineage, fullState: LineageState) {
        let text = RevisionText(
            key: revision.number, paragraphs: revision.resolution.paragraphs, footnotes: revision.resolution.footnotes)
        let step = Provenance.step(parents: parents.map(\.state), to: text, overrides: overrides)
        let delta = archiveDelta(from: parents.first?.state.archive ?? [], to: step.state.archive)
        var light = step.state
        light.archive = []
        let note = RevisionLineage(
            revision: revision.number, parents: parents.map(\.number), state: light,
            archived: delta.archived, restored: delta.restored,
            changes: step.changes, footnoteChanges: step.footnoteChanges)
        return (note, step.state)
    }

    /// The clauses of `after` not in `before` (in `after`'s order), and the ids of `before`'s
    /// not in `after` (in `before`'s order).
    ///
    /// ``Provenance`` keeps the first parent's archive in order, removes the restored clauses and
    /// appends the others: one walk then finds both, in time proportional to the archive's
    /// length but without hashing it (the archive grows with the history). Anything else falls
    /// back to comparing id sets.
    static func archiveDelta(from before: [ClauseRecord], to after: [ClauseRecord]) -> (archived: [ClauseRecord], restored: [String]) {
        var j = 0
        var restored: [String] = []
        for record in before {
            if j < after.count, after[j].id == record.id {
                j += 1
            } else {
                restored.append(record.id)
            }
        }
        let tail = after[j...]
        let gone = Set(restored)
        if !tail.contains(where: { gone.contains($0.id) }) { return (Array(tail), restored) }
        let beforeIDs = Set(before.map(\.id)), afterIDs = Set(after.map(\.id))
        return (after.filter { !beforeIDs.contains($0.id) }, before.map(\.id).filter { !afterIDs.contains($0) })
    }

    /// This revision's full state, given its first parent's archive.
    func fullState(parentArchive: [ClauseRecord]) -> LineageState {
        var full = state
        let gone = Set(restored)
        full.archive = parentArchive.filter { !gone.contains($0.id) } + archived
        return full
    }

    /// The note's bytes: JSON as `JSONEncoder` writes it with sorted keys (``NoteJSON``).
    func encoded() -> [UInt8] { NoteJSON.encode(self) }

    /// Reads a note: with ``NoteDecoding`` (fast), or, for anything it does not read, with
    /// `JSONDecoder`, whose error then says what is wrong.
    static func decode(_ bytes: [UInt8], commit: String) throws(LineageError) -> RevisionLineage {
        if let note = try? NoteDecoding.decode(bytes) { return note }
        do {
            return try JSONDecoder().decode(RevisionLineage.self, from: Data(bytes))
        } catch {
            throw LineageError(
                "the lineage note of commit \(commit) cannot be read: \(error)",
                hint: "run `lineage build` again to recompute the lineage")
        }
    }
}
