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
    }

    /// `{"op","clause","similarity","old":[{"index","label","text"}],"new":[…],"words":[{"op","text"}]}`.
    public var json: JSONValue {
        func side(_ s: Side) -> JSONValue {
            .object([("index", .int(s.index)), ("label", .string(s.label)), ("text", .string(s.text))])
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
        let oldAddresses = old.clauseAddresses, newAddresses = new.clauseAddresses
        return changes.map { change in
            let oldSides = change.old.compactMap { i in
                i < old.paragraphs.count ? Side(index: i, label: oldAddresses[i], text: old.paragraphs[i].text) : nil
            }
            let newSides = change.new.map { Side(index: $0, label: newAddresses[$0], text: new.paragraphs[$0].text) }
            let clause: String?
            switch change.kind {
            case .deleted, .split: clause = change.old.first.flatMap { $0 < oldClauses.count ? oldClauses[$0].id : nil }
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
    public var counts: [(kind: ChangeKind, count: Int)] {
        ChangeKind.allCases.compactMap { kind in
            let n = changes.filter { $0.kind == kind }.count
            return n > 0 ? (kind, n) : nil
        }
    }
}

extension LineageRepository {
    /// The aligned changes from `old` to `new`: the stored ones when `new` continues `old`,
    /// otherwise a fresh alignment of the two texts (any two revisions, either order).
    public func diff(from old: Revision, to new: Revision) throws(LineageError) -> RevisionDiff {
        let newLineage = try lineage(of: new)
        let oldLineage = try lineage(of: old)
        let changes: [Change]
        if new.parents.first == old.commit {
            changes = newLineage.changes
        } else {
            let names = corrections
            func pairs(_ list: [Corrections.ClausePair]) -> [(old: Int, new: Int)] {
                list.compactMap { pair in
                    guard pair.old.revision == old.number, pair.new.revision == new.number,
                        let o = old.resolution.paragraph(at: pair.old.address),
                        let n = new.resolution.paragraph(at: pair.new.address)
                    else { return nil }
                    return (o.index, n.index)
                }
            }
            changes = ParagraphAligner.align(
                old: old.resolution.paragraphs, new: new.resolution.paragraphs,
                forced: pairs(names.pairs), forbidden: pairs(names.unpairs)
            ).changes
        }
        return RevisionDiff(
            from: old, to: new,
            changes: ClauseChange.from(
                changes, old: old.resolution, new: new.resolution, oldClauses: oldLineage.state.clauses,
                newClauses: newLineage.state.clauses))
    }
}
