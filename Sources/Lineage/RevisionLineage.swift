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
    ///
    /// `parents` is consumed: pass it with `consume` and keep no other reference to the first
    /// parent's state, and its archive is extended in place rather than copied (see
    /// ``Provenance``), which keeps a long history's build linear.
    static func compute(
        revision: Revision, parents: consuming [(number: String, state: LineageState)], overrides: AlignmentOverrides
    ) throws(LineageError) -> (note: RevisionLineage, fullState: LineageState) {
        let resolution = try revision.readResolution()
        let text = RevisionText(key: revision.number, paragraphs: resolution.paragraphs, footnotes: resolution.footnotes)
        let numbers = parents.map(\.number)
        var states: [LineageState] = []
        states.reserveCapacity(numbers.count)
        for i in parents.indices { states.append(Self.take(&parents[i].state)) }
        let step = Provenance.step(parents: consume states, to: text, overrides: overrides)
        var light = step.state
        light.archive = []
        let note = RevisionLineage(
            revision: revision.number, parents: numbers, state: light,
            archived: step.archived, restored: step.unarchived,
            changes: step.changes, footnoteChanges: step.footnoteChanges)
        return (note, step.state)
    }

    /// Moves a state out, leaving an empty one, so that no second reference to its archive stays.
    private static func take(_ state: inout LineageState) -> LineageState {
        var out = LineageState(revision: "", clauses: [], footnotes: [], archive: [])
        swap(&out, &state)
        return out
    }

    /// Applies this note's archive delta to its first parent's archive, in place: O(archived)
    /// amortised when nothing was restored, O(archive) otherwise.
    func applyArchiveDelta(to archive: inout [ClauseRecord]) {
        if !restored.isEmpty {
            let gone = Set(restored)
            archive.removeAll { gone.contains($0.id) }
        }
        archive += archived
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
                "\(LineageNotes.reference):\(commit): the lineage note of commit \(commit) cannot be read: \(error)",
                hint: "run `lineage build` again to recompute the lineage")
        }
    }
}
