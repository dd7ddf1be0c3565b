import LineageCore
import ResolutionText

/// One aligned change between two revisions, with the paragraphs on each side: the unit of
/// `diff`, `changelog` and the history of a clause.
public struct ClauseChange: Sendable {
    public var kind: ChangeKind
    /// The clause's stable id (the new side's; the old side's for a deletion or a split).
    public var clause: String?
    public var similarity: Double
    public var old: [Side]
    public var new: [Side]
    public var words: [WordRun]

    /// One paragraph on one side of a change.
    public struct Side: Sendable {
        public var index: Int
        /// The address as delegates cite it: `pp11`, `op4`, `op3(b)`.
        public var label: String
        public var text: String
        /// For the old side of a merge's change: the parent the paragraph is taken from.
        public var revision: String? = nil
    }

    /// `{"op","clause","similarity","old":[{"index","label","text"}],"new":[…],"words":[{"op","text"}]}`;
    /// the old sides of a merge's changes also have `"revision"`, the parent they come from.
    public var json: JSONValue {
        func side(_ s: Side) -> JSONValue {
            var fields: [(String, JSONValue)] = [("index", .int(s.index)), ("label", .string(s.label)), ("text", .string(s.text))]
            if let revision = s.revision { fields.append(("revision", .string(revision))) }
            return .object(fields)
        }
        return .object([
            ("op", .string(kind.rawValue)), ("clause", .string(clause)), ("similarity", .double(similarity)),
            ("old", .array(old.map(side))), ("new", .array(new.map(side))),
            ("words", .array(words.map { .object([("op", .string($0.op.rawValue)), ("text", .string($0.text))]) })),
        ])
    }

    /// Builds the changes of an alignment from the two revisions' paragraphs and clause ids.
    static func from(
        _ changes: [Change], old: Resolution, new: Resolution, oldClauses: [ClauseRecord], newClauses: [ClauseRecord]
    ) -> [ClauseChange] {
        let addresses = old.clauseAddresses
        let sides = old.paragraphs.indices.map { i in
            (side: Side(index: i, label: addresses[i], text: old.paragraphs[i].text), clause: i < oldClauses.count ? oldClauses[i].id : nil)
        }
        return from(changes, old: sides, new: new, newClauses: newClauses)
    }

    /// Builds the changes of an alignment whose `old` indexes refer to `old` (one revision's
    /// paragraphs, or the union of a merge's parents, see ``ParentUnion``).
    static func from(
        _ changes: [Change], old: [(side: Side, clause: String?)], new: Resolution, newClauses: [ClauseRecord]
    ) -> [ClauseChange] {
        let newAddresses = new.clauseAddresses
        return changes.map { change in
            let oldSides = change.old.compactMap { i in i < old.count ? old[i].side : nil }
            let newSides = change.new.map { Side(index: $0, label: newAddresses[$0], text: new.paragraphs[$0].text) }
            let clause: String?
            switch change.kind {
            case .deleted, .split: clause = change.old.first.flatMap { $0 < old.count ? old[$0].clause : nil }
            default: clause = change.new.first.flatMap { $0 < newClauses.count ? newClauses[$0].id : nil }
            }
            return ClauseChange(
                kind: change.kind, clause: clause, similarity: change.similarity, old: oldSides, new: newSides,
                words: change.words)
        }
    }
}

/// The changes between two revisions.
public struct RevisionDiff: Sendable {
    public var from: Revision
    public var to: Revision
    public var changes: [ClauseChange]

    /// `{"from":rev,"to":rev,"changes":[…]}`.
    public var json: JSONValue {
        .object([("from", from.json), ("to", to.json), ("changes", .array(changes.map(\.json)))])
    }

    /// How many changes of each kind, in a fixed order, leaving out kinds that do not occur.
    public var counts: [(kind: ChangeKind, count: Int)] { ClauseChange.counts(changes) }
}

extension ClauseChange {
    /// How many of `changes` are of each kind, in a fixed order, leaving out kinds that do not occur.
    static func counts(_ changes: [ClauseChange]) -> [(kind: ChangeKind, count: Int)] {
        ChangeKind.allCases.compactMap { kind in
            let n = changes.filter { $0.kind == kind }.count
            return n > 0 ? (kind, n) : nil
        }
    }
}

extension LineageRepository {
    /// The aligned changes from `old` to `new`: the stored ones when `new` continues `old` alone,
    /// otherwise a fresh alignment of the two texts (any two revisions, either order, across
    /// lines too).
    public func diff(from old: Revision, to new: Revision) throws(LineageError) -> RevisionDiff {
        if new.parents == [old.commit].compactMap({ $0 }) {
            return RevisionDiff(from: old, to: new, changes: try storedChanges(of: new))
        }
        let names = corrections
        let oldText = try old.readResolution()
        let newText = try new.readResolution()
        func pairs(_ list: [Corrections.ClausePair]) -> [(old: Int, new: Int)] {
            list.compactMap { pair in
                guard pair.old.revision == old.number, pair.new.revision == new.number,
                    let o = oldText.paragraph(at: pair.old.address),
                    let n = newText.paragraph(at: pair.new.address)
                else { return nil }
                return (o.index, n.index)
            }
        }
        let changes = ParagraphAligner.align(
            old: oldText.paragraphs, new: newText.paragraphs,
            forced: pairs(names.pairs), forbidden: pairs(names.unpairs)
        ).changes
        return RevisionDiff(
            from: old, to: new,
            changes: ClauseChange.from(
                changes, old: oldText, new: newText, oldClauses: try lineage(of: old).state.clauses,
                newClauses: try lineage(of: new).state.clauses))
    }

    /// The changes `revision` made, as stored by the build: against its parent, or for a merge
    /// against the union of its parents (each old side then names the parent it comes from);
    /// for the first revision, every paragraph inserted.
    public func storedChanges(of revision: Revision) throws(LineageError) -> [ClauseChange] {
        let lineage = try lineage(of: revision)
        let parents = parents(of: revision)
        let text = try revision.readResolution()
        let parentTexts = try parents.map { (p) throws(LineageError) in try p.readResolution() }
        var old: [(side: ClauseChange.Side, clause: String?)] = []
        if parents.count > 1 {
            let states = try parents.map { (p) throws(LineageError) in try self.lineage(of: p).state.clauses }
            let sources = ParentUnion.sources(states, newTexts: Set(text.paragraphs.map(\.text)))
            let addresses = parentTexts.map(\.clauseAddresses)
            for (p, i) in sources where i < parentTexts[p].paragraphs.count {
                let side = ClauseChange.Side(
                    index: i, label: addresses[p][i], text: parentTexts[p].paragraphs[i].text, revision: parents[p].number)
                old.append((side, states[p][i].id))
            }
        } else if let parent = parents.first {
            let clauses = try self.lineage(of: parent).state.clauses
            let parentText = parentTexts[0]
            let addresses = parentText.clauseAddresses
            old = parentText.paragraphs.indices.map { i in
                (ClauseChange.Side(index: i, label: addresses[i], text: parentText.paragraphs[i].text), i < clauses.count ? clauses[i].id : nil)
            }
        }
        return ClauseChange.from(lineage.changes, old: old, new: text, newClauses: lineage.state.clauses)
    }
}
