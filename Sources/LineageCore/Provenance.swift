import ResolutionText

/// Clause identity and word provenance across a history, computed incrementally: each revision's
/// ``LineageState`` is derived from its parents' states and its own text only.
///
/// ``advance(parents:to:overrides:)``:
/// - **No parent** (first revision): every paragraph is a new clause introduced here, every word
///   originates here.
/// - **One parent**: the parent's current clauses are aligned with the new paragraphs
///   (``ParagraphAligner``). New paragraphs left unmatched are then compared with the parent's
///   archive, i.e. with every clause deleted at any earlier point of the history (first by exact
///   text, then by a MinHash pre-filter, the exact Jaccard similarity of content words and the
///   weighted similarity, from ``restoreThreshold``). A paragraph only weakly paired with a clause
///   of the parent (similarity below ``restoreThreshold``) is also compared, and restored instead
///   when an archived clause matches it better by 0.15 or more. A match is a **restoration**: the
///   clause gets its old id and `introduced` back, the change is reported as
///   ``ChangeKind/restored`` with ``Change/restoredFrom`` (and, if it displaced a weak pairing, the
///   old paragraph as ``ChangeKind/deleted``), and its words keep their archived origins where the
///   word diff finds them equal.
/// - **Several parents** (a merge of two lines of the series): the new revision is aligned with
///   the union of the parents' clauses, in parent order. A clause present in several parents
///   appears once: the copy whose text occurs verbatim in the new revision, else the first parent's.
///   A clause taken from a later parent keeps that parent's id and origins. ``Change/old`` indexes
///   then refer to that union list (the first parent's clauses first, at their own indexes). The
///   archives are merged likewise.
///
/// Word provenance (as WikiWho does): the tokens of an unchanged clause keep their origins; in a
/// changed clause, tokens the word diff finds equal keep theirs and inserted tokens originate in the
/// new revision (for editorial revisions see ``AlignmentOverrides/editorial``). The diff used is the
/// raw one, except that a lone stop word or punctuation mark kept between two changes counts as
/// rewritten with them (chance matches of "the" or "," inside a rewritten phrase). The parts of a
/// split take their origins from the part of the old clause they came from (parts are diffed in the
/// order their words appear in the old clause, so reordered parts work too); a merged clause from
/// each of its sources.
///
/// Identity: a moved, renumbered or modified clause keeps its id. When a clause splits, the part
/// inheriting the most tokens keeps the id (but when one part only stays at the clause's level
/// and the others are sub-paragraphs, a paragraph split into itself and its items, that part
/// keeps it); the other parts are new clauses (new ids, introduced
/// here) whose words nevertheless keep their origins. When clauses merge, the result keeps the id
/// of the source contributing the most tokens; the other sources leave the document and go to the
/// archive. `lastChanged` is updated by any change of wording (not by moves, renumbering or
/// footnote marks; not by editorial revisions), by splits and merges and by restorations.
///
/// Ids are `"<key>#<n>"` for paragraphs and `"<key>#f<n>"` for footnotes, numbered in document
/// order among the clauses a revision introduces: deterministic and never reused.
///
/// Footnotes get identities and word origins the same way (``LineageState/footnotes``), without
/// an archive: a deleted footnote is not restored.
///
/// Complexity: one alignment (see ``ParagraphAligner``) plus, per paragraph compared with the
/// archive, one lookup in its index (``ArchiveIndex/candidates(for:threshold:)``: postings of
/// k = 16 MinHash values, the commonest skipped; kept with the state and extended incrementally;
/// rebuilt once, O(archive text), after decoding a state) and the scoring of what it finds, plus
/// O(T) to propagate origins. The first parent's archive is moved into the new state, not copied,
/// when the caller hands over the only reference to it (``step(parents:to:overrides:)`` consumes
/// its parents): a history advanced one revision at a time then costs O(1) amortised per archived
/// clause instead of O(A) per revision. A shared archive (a fork: the parent has another child
/// still to compute) is copied once, O(A).
public enum Provenance {
    /// Minimum similarity for a new paragraph to be recognised as an archived clause.
    public static let restoreThreshold = 0.5
    /// Minimum estimated Jaccard similarity of content tokens for an archived clause to be scored.
    static let sketchThreshold = 0.3
    /// Minimum exact Jaccard similarity of content tokens for an archived clause to be scored.
    static let jaccardThreshold = 0.25

    /// The result of advancing a history by one revision.
    public struct Step: Sendable {
        public var state: LineageState
        /// Paragraph changes relative to the parent(s).
        public var changes: [Change]
        /// Footnote changes relative to the parent(s) (footnotes are aligned by text; they are not
        /// archived or restored).
        public var footnoteChanges: [Change]
        /// The archive's change against the first parent's archive: the clauses archived by this
        /// revision (in archive order), and the ids of the first parent's archived clauses that
        /// are no longer archived (restored, or, for a merge, current in another parent), in that
        /// archive's order. The new archive is the first parent's minus `unarchived` plus
        /// `archived`.
        public var archived: [ClauseRecord]
        public var unarchived: [String]
    }

    /// Adds `revision` to a history whose tips are `parents`, returning its state and its
    /// paragraph changes.
    ///
    /// `parents` is consumed, as in ``step(parents:to:overrides:)``: hand over the only reference
    /// (e.g. `state.take()`) and the parent's archive is extended in place.
    public static func advance(
        parents: consuming [LineageState], to revision: RevisionText, overrides: AlignmentOverrides = .none
    ) -> (state: LineageState, changes: [Change]) {
        let s = step(parents: parents, to: revision, overrides: overrides)
        return (s.state, s.changes)
    }

    /// ``advance(parents:to:overrides:)`` with the footnote changes too.
    ///
    /// `parents` is consumed: pass it with `consume` (and keep no other copy of the first parent's
    /// state) to let the step extend that parent's archive in place.
    public static func step(
        parents: consuming [LineageState], to revision: RevisionText, overrides: AlignmentOverrides = .none
    ) -> Step {
        var engine = StepEngine(parents: parents, revision: revision, overrides: overrides)
        return engine.run()
    }

    /// The clauses of `after` not in `before` (in `after`'s order), and the ids of `before`'s
    /// not in `after` (in `before`'s order): the change of an archive.
    ///
    /// One walk when `after` is `before` minus some clauses plus some appended ones (what a step
    /// does to a first parent's archive), in time proportional to the archive's length but
    /// without hashing it; anything else falls back to comparing id sets.
    public static func archiveDelta(
        from before: [ClauseRecord], to after: [ClauseRecord]
    ) -> (archived: [ClauseRecord], unarchived: [String]) {
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
}

/// Origin keys as small integers during one step.
private struct KeyTable {
    var names: [String] = []
    var index: [String: Int32] = [:]

    mutating func id(_ s: String) -> Int32 {
        if let i = index[s] { return i }
        let i = Int32(names.count)
        names.append(s)
        index[s] = i
        return i
    }

    mutating func expand(_ runs: [OriginRun]) -> [Int32] {
        var out: [Int32] = []
        for r in runs {
            let k = id(r.revision)
            out += repeatElement(k, count: r.count)
        }
        return out
    }

    func compress(_ origins: ArraySlice<Int32>) -> [OriginRun] {
        var out: [OriginRun] = []
        var i = origins.startIndex
        while i < origins.endIndex {
            var j = i + 1
            while j < origins.endIndex && origins[j] == origins[i] { j += 1 }
            out.append(OriginRun(count: j - i, revision: names[Int(origins[i])]))
            i = j
        }
        return out
    }
}

private struct StepEngine {
    /// The parents; with one parent, its archive and archive index are moved out by ``run()``.
    var parents: [LineageState]
    let revision: RevisionText
    let overrides: AlignmentOverrides
    let key: String
    let editorial: Bool
    var keys = KeyTable()
    var minted = 0
    var mintedFootnotes = 0

    init(parents: [LineageState], revision: RevisionText, overrides: AlignmentOverrides) {
        self.parents = parents
        self.revision = revision
        self.overrides = overrides
        self.key = revision.key
        self.editorial = overrides.editorial.contains(revision.key)
    }

    mutating func mint() -> String {
        minted += 1
        return "\(key)#\(minted)"
    }

    mutating func mintFootnote() -> String {
        mintedFootnotes += 1
        return "\(key)#f\(mintedFootnotes)"
    }

    // MARK: - Union of parents

    /// The union of the parents' records (see ``ParentUnion``), with, for each, (parent, index).
    func union(_ lists: [[ClauseRecord]], newTexts: Set<String>) -> (records: [ClauseRecord], origin: [(Int, Int)]) {
        if lists.count == 1 {
            return (lists[0], lists[0].indices.map { (0, $0) })
        }
        let origin = ParentUnion.sources(lists, newTexts: newTexts)
        var records = origin.map { lists[$0.parent][$0.index] }
        var position: [String: Int] = [:]
        for (k, r) in records.enumerated() { position[r.id] = k }
        // Re-point parents to union indexes.
        for k in records.indices {
            guard let par = records[k].parent else { continue }
            let list = lists[origin[k].parent]
            records[k].parent = par < list.count ? position[list[par].id] : nil
        }
        return (records, origin.map { ($0.parent, $0.index) })
    }

    // MARK: - Run

    mutating func run() -> Provenance.Step {
        let multi = parents.count > 1
        let (oldRecords, oldOrigin) = union(
            parents.map(\.clauses), newTexts: multi ? Set(revision.paragraphs.map(\.text)) : [])
        let (oldNotes, oldNoteOrigin) = union(
            parents.map(\.footnotes), newTexts: multi ? Set(revision.footnotes.map(\.text)) : [])

        // Archive: the first parent's, moved out of it (so that, if this step holds the only
        // reference, appending does not copy it); with several parents, the union minus anything
        // current.
        var archive: [ClauseRecord] = []
        var index: ArchiveIndex? = nil
        if !multi && !parents.isEmpty {
            swap(&archive, &parents[0].archive)
            swap(&index, &parents[0].archiveIndex)
            if index?.count != archive.count { index = nil }
        }
        if multi {
            let current = Set(oldRecords.map(\.id))
            var archived = Set<String>()
            archive = []
            for p in parents {
                for r in p.archive where !current.contains(r.id) && !archived.contains(r.id) {
                    archived.insert(r.id)
                    archive.append(r)
                }
            }
        }

        // Paragraphs.
        let oldUnits = oldRecords.map { r in
            AlignmentUnit(text: r.text, kind: unitKind(r.kind), parent: r.kind == .subparagraph ? r.parent : nil)
        }
        let newUnits = AlignmentUnit.units(revision.paragraphs)
        let (forced, forbidden) = resolveOverrides(oldOrigin)
        var aligner = UnitAligner(old: oldUnits, new: newUnits)
        var groups = aligner.run(forced: forced, forbidden: forbidden)

        // Restorations from the archive: inserted paragraphs, and paragraphs only weakly paired
        // with a clause of the parent when an archived clause matches them clearly better.
        var restoredAt: [Int: (entry: Int, script: [EditRun], similarity: Double, ids: [Int32])] = [:]
        if !archive.isEmpty {
            let forcedSet = Set(forced.map { ($0.old << 32) | $0.new })
            var candidates: [(v: Int, floor: Double)] = []
            for g in groups {
                if g.kind == .inserted {
                    candidates.append((g.new[0], 0))
                } else if g.old.count == 1 && g.new.count == 1 && g.textChanged
                    && g.similarity < Provenance.restoreThreshold && !forcedSet.contains((g.old[0] << 32) | g.new[0])
                {
                    candidates.append((g.new[0], g.similarity + 0.15))
                }
            }
            if !candidates.isEmpty {
                if index == nil { index = ArchiveIndex(archive) }
                for m in restore(candidates, aligner: &aligner, archive: &archive, index: index!) {
                    restoredAt[m.v] = (m.entry, m.script, m.similarity, m.ids)
                }
            }
            if !restoredAt.isEmpty {
                var regrouped: [AlignedGroup] = []
                for g in groups {
                    if g.kind != .inserted && g.new.count == 1 && restoredAt[g.new[0]] != nil {
                        regrouped.append(AlignedGroup(kind: .deleted, old: g.old, new: [], similarity: 0, script: [], textChanged: true))
                        regrouped.append(AlignedGroup(kind: .inserted, old: [], new: g.new, similarity: 0, script: [], textChanged: true))
                    } else {
                        regrouped.append(g)
                    }
                }
                groups = regrouped
            }
        }

        var records = [ClauseRecord?](repeating: nil, count: newUnits.count)
        var changes: [Change] = []
        var removed: [ClauseRecord] = []
        for g in groups {
            switch g.kind {
            case .inserted:
                let v = g.new[0]
                if let m = restoredAt[v] {
                    let r = archive[m.entry]
                    let newCount = aligner.tokens(1, v).count
                    let o = mapOrigins(
                        keys.expand(r.origins), script: m.script, newCount: newCount, oldIDs: m.ids, newIDs: aligner.ids(1, v),
                        marks: aligner.ids(forKeys: Tokenizer.closingMarkKeys), weak: aligner.weak)
                    var rec = r
                    rec.removedIn = nil
                    rec.sketch = nil
                    rec.origins = keys.compress(o[...])
                    if !editorial { rec.lastChanged = key }
                    records[v] = rec
                    let words = WordDiff.diff(Tokenizer.tokenize(r.text), aligner.tokens(1, v))
                    changes.append(
                        Change(kind: .restored, old: [], new: [v], similarity: m.similarity, words: words, restoredFrom: r.id))
                    continue
                }
            case .deleted:
                var r = oldRecords[g.old[0]]
                r.removedIn = key
                removed.append(r)
            default:
                propagate(g, aligner: &aligner, oldRecords: oldRecords, into: &records, removed: &removed)
            }
            changes.append(aligner.change(for: g))
        }
        // Restored clauses leave the archive: removed at their positions (moves, no copies).
        var unarchived: [String] = []
        if !restoredAt.isEmpty {
            let positions = restoredAt.values.map(\.entry).sorted()
            unarchived = positions.map { archive[$0].id }
            for p in positions.reversed() { archive.remove(at: p) }
            index?.remove(at: positions)
        }

        // Fresh clauses and split-off parts get ids in document order.
        var clauses: [ClauseRecord] = []
        clauses.reserveCapacity(newUnits.count)
        for (v, p) in revision.paragraphs.enumerated() {
            var r: ClauseRecord
            if let existing = records[v] {
                r = existing
                if r.id.isEmpty { r.id = mint() }
            } else {
                let n = aligner.tokens(1, v).count
                r = ClauseRecord(
                    id: mint(), introduced: key, lastChanged: key, kind: .operative, text: "",
                    origins: n == 0 ? [] : [OriginRun(count: n, revision: key)])
            }
            r.kind = recordKind(p.kind)
            r.label = p.label
            r.parent = p.kind == .subparagraph ? p.parent : nil
            r.text = p.text
            r.removedIn = nil
            r.sketch = nil
            clauses.append(r)
        }
        let newIDs = Set(clauses.map(\.id))
        var archived: [ClauseRecord] = []
        for var r in removed where !newIDs.contains(r.id) {
            r.parent = nil
            if r.sketch == nil { r.sketch = ClauseSketch(text: r.text) }
            index?.append(r.sketch!)
            archive.append(r)
            archived.append(r)
        }
        if multi { (archived, unarchived) = Provenance.archiveDelta(from: parents[0].archive, to: archive) }

        // Footnotes.
        let footnoteChanges = footnotes(oldNotes, oldNoteOrigin)
        var state = LineageState(revision: key, clauses: clauses, footnotes: footnoteChanges.records, archive: archive)
        if index == nil && !archive.isEmpty { index = ArchiveIndex(archive) }
        state.archiveIndex = index ?? ArchiveIndex()
        return Provenance.Step(
            state: state, changes: changes, footnoteChanges: footnoteChanges.changes,
            archived: archived, unarchived: unarchived)
    }

    private func unitKind(_ k: ClauseRecord.Kind) -> AlignmentUnit.Kind {
        switch k {
        case .preambular: return .preambular
        case .operative: return .operative
        case .subparagraph: return .subparagraph
        case .footnote: return .footnote
        }
    }

    private func recordKind(_ k: Paragraph.Kind) -> ClauseRecord.Kind {
        switch k {
        case .preambular: return .preambular
        case .operative: return .operative
        case .subparagraph: return .subparagraph
        }
    }

    /// Overrides resolved to union indexes.
    private func resolveOverrides(_ origin: [(Int, Int)]) -> ([(old: Int, new: Int)], [(old: Int, new: Int)]) {
        var index: [Int: Int] = [:]  // (parent << 32 | paragraph) -> union index
        for (k, o) in origin.enumerated() { index[(o.0 << 32) | o.1] = k }
        func resolve(_ pairs: [(old: ClauseRef, new: ClauseRef)]) -> [(old: Int, new: Int)] {
            var out: [(old: Int, new: Int)] = []
            for p in pairs where p.new.revision == key {
                for (pi, parent) in parents.enumerated() where parent.revision == p.old.revision {
                    if let u = index[(pi << 32) | p.old.paragraphIndex] {
                        out.append((u, p.new.paragraphIndex))
                        break
                    }
                }
            }
            return out
        }
        return (resolve(overrides.forced), resolve(overrides.forbidden))
    }

    // MARK: - Origins

    /// Carries origins through a raw script. Inserted tokens get the revision's key, or, for an
    /// editorial revision, the origins of the tokens they replace. A closing mark (layout, see
    /// ``Tokenizer/closingKey``) that replaces one mark `;` `.` `,` alone keeps that mark's
    /// origin: an item split out of a paragraph ends where a sentence of it ended.
    /// `marks`: the ids of ``Tokenizer/closingMarkKeys``, the closing key's first.
    mutating func mapOrigins(
        _ old: [Int32], script: [EditRun], newCount: Int, oldIDs: [Int32], newIDs: [Int32], marks: [Int32], weak: [Bool]
    ) -> [Int32] {
        let fresh = keys.id(key)
        // A lone stop word or punctuation mark the diff keeps between two changes is taken as
        // rewritten with them (chance matches of "the", "of", "," inside rewritten phrases).
        let script = WordDiff.clean(script, old: oldIDs, weak: weak, weakRun: 1, proportional: false)
        var out: [Int32] = []
        out.reserveCapacity(newCount)
        var i = 0
        var k = 0
        while k < script.count {
            let r = script[k]
            if r.op == .equal {
                out += old[i..<(i + r.count)]
                i += r.count
                k += 1
                continue
            }
            // A hunk: consecutive deletes and inserts.
            var deleted: [Int32] = []
            var deletedIDs: [Int32] = []
            var insertCount = 0
            while k < script.count && script[k].op != .equal {
                if script[k].op == .delete {
                    deleted += old[i..<(i + script[k].count)]
                    deletedIDs += oldIDs[i..<(i + script[k].count)]
                    i += script[k].count
                } else {
                    insertCount += script[k].count
                }
                k += 1
            }
            if insertCount == 0 { continue }
            if insertCount == 1, deleted.count == 1, out.count < newIDs.count, let closing = marks.first,
                (newIDs[out.count] == closing) != (deletedIDs[0] == closing),
                marks.contains(newIDs[out.count]), marks.contains(deletedIDs[0])
            {
                out.append(deleted[0])
                continue
            }
            if !editorial {
                out += repeatElement(fresh, count: insertCount)
            } else if !deleted.isEmpty {
                for q in 0..<insertCount { out.append(deleted[q * deleted.count / insertCount]) }
            } else {
                out += repeatElement(-1, count: insertCount)  // filled below from a neighbour
            }
        }
        if editorial {
            var prev: Int32 = -1
            for q in 0..<out.count {
                if out[q] >= 0 { prev = out[q] } else if prev >= 0 { out[q] = prev }
            }
            var next: Int32 = -1
            for q in stride(from: out.count - 1, through: 0, by: -1) {
                if out[q] >= 0 { next = out[q] } else { out[q] = next >= 0 ? next : fresh }
            }
        }
        return out
    }

    /// Propagates ids and origins for a matched group (unchanged, modified, moved, split, merged).
    mutating func propagate(
        _ g: AlignedGroup, aligner: inout UnitAligner, oldRecords: [ClauseRecord], into records: inout [ClauseRecord?],
        removed: inout [ClauseRecord]
    ) {
        if !g.textChanged && g.old.count == 1 && g.new.count == 1 {
            records[g.new[0]] = oldRecords[g.old[0]]
            return
        }
        // Several parts: order them by where their words sit on the other side, so that one
        // sequential diff serves them all even if the parts were also reordered.
        var olds = g.old, news = g.new
        var script = g.script
        if olds.count > 1 || news.count > 1 {
            if news.count > 1 {
                let whole = aligner.ids(0, joined: olds)
                news = news.map { (v: $0, m: median(&aligner, whole, aligner.ids(1, $0), onOld: true)) }
                    .sorted { ($0.m, $0.v) < ($1.m, $1.v) }.map(\.v)
            }
            if olds.count > 1 {
                let whole = aligner.ids(1, joined: news)
                olds = olds.map { (u: $0, m: median(&aligner, aligner.ids(0, $0), whole, onOld: false)) }
                    .sorted { ($0.m, $0.u) < ($1.m, $1.u) }.map(\.u)
            }
            script = aligner.diff(aligner.ids(0, joined: olds), aligner.ids(1, joined: news))
        }
        var oldOrigins: [Int32] = []
        var oldSpans: [Range<Int>] = []
        for u in olds {
            let o = keys.expand(oldRecords[u].origins)
            let n = aligner.tokens(0, u).count
            let fixed = o.count == n ? o : fit(o, n)
            oldSpans.append(oldOrigins.count..<(oldOrigins.count + n))
            oldOrigins += fixed
        }
        let newCounts = news.map { aligner.tokens(1, $0).count }
        let newTotal = newCounts.reduce(0, +)
        let origins = mapOrigins(
            oldOrigins, script: script, newCount: newTotal, oldIDs: aligner.ids(0, joined: olds), newIDs: aligner.ids(1, joined: news),
            marks: aligner.ids(forKeys: Tokenizer.closingMarkKeys), weak: aligner.weak)
        // Which old token each new token inherits (-1 if inserted), to count inheritance.
        var inheritedFrom = [Int](repeating: -1, count: newTotal)
        do {
            var i = 0, j = 0
            for r in script {
                switch r.op {
                case .equal:
                    for q in 0..<r.count { inheritedFrom[j + q] = i + q }
                    i += r.count
                    j += r.count
                case .delete: i += r.count
                case .insert: j += r.count
                }
            }
        }
        var newSpans: [Range<Int>] = []
        var at = 0
        for c in newCounts {
            newSpans.append(at..<(at + c))
            at += c
        }
        let changedKey = editorial ? nil : key
        if olds.count == 1 {
            // One old clause to one or several new ones: the part inheriting most keeps the id.
            let src = oldRecords[olds[0]]
            var best = 0, bestCount = -1
            for (p, span) in newSpans.enumerated() {
                let c = span.reduce(0) { $0 + (inheritedFrom[$1] >= 0 ? 1 : 0) }
                if c > bestCount {
                    best = p
                    bestCount = c
                }
            }
            // A paragraph split into itself and its own items (a list of norms become its
            // sub-paragraphs 1.1–1.13): the one part at the clause's own level keeps the id.
            let sameLevel = news.indices.filter { aligner.new[news[$0]].isSub == (src.kind == .subparagraph) }
            if sameLevel.count == 1, news.count > 1 { best = sameLevel[0] }
            for (p, v) in news.enumerated() {
                let o = keys.compress(origins[newSpans[p]])
                if p == best {
                    var r = src
                    r.origins = o
                    if let k = changedKey { r.lastChanged = k }
                    records[v] = r
                } else {
                    records[v] = ClauseRecord(
                        id: "", introduced: key, lastChanged: key, kind: src.kind, text: "", origins: o)
                }
            }
        } else {
            // Several old clauses to one new: the source contributing most keeps the id.
            var contributed = [Int](repeating: 0, count: olds.count)
            for f in inheritedFrom where f >= 0 {
                if let s = oldSpans.firstIndex(where: { $0.contains(f) }) { contributed[s] += 1 }
            }
            var best = 0
            for s in 0..<contributed.count where contributed[s] > contributed[best] { best = s }
            var r = oldRecords[olds[best]]
            r.origins = keys.compress(origins[...])
            if let k = changedKey { r.lastChanged = k }
            records[news[0]] = r
            for (s, u) in olds.enumerated() where s != best {
                var gone = oldRecords[u]
                gone.removedIn = key
                removed.append(gone)
            }
        }
    }

    /// The median position, on the old side (`onOld`) or the new side, of the tokens the diff of
    /// `a` against `b` keeps (infinity if none).
    private func median(_ aligner: inout UnitAligner, _ a: [Int32], _ b: [Int32], onOld: Bool) -> Double {
        var positions: [Int] = []
        var i = 0, j = 0
        for r in aligner.diff(a, b) {
            switch r.op {
            case .equal:
                for q in 0..<r.count { positions.append(onOld ? i + q : j + q) }
                i += r.count
                j += r.count
            case .delete: i += r.count
            case .insert: j += r.count
            }
        }
        return positions.isEmpty ? .infinity : Double(positions[positions.count / 2])
    }

    /// Stretches or truncates an origin list to `n` tokens (only if a stored state is inconsistent
    /// with its text, e.g. after a tokenizer change).
    private func fit(_ o: [Int32], _ n: Int) -> [Int32] {
        if o.isEmpty { return Array(repeating: 0, count: n) }
        return (0..<n).map { o[min($0 * o.count / max(n, 1), o.count - 1)] }
    }

    // MARK: - Restoration

    /// Matches new paragraphs against archived clauses; each candidate needs a score of at least
    /// ``Provenance/restoreThreshold`` and above its `floor`. Greedy, best score first.
    mutating func restore(
        _ candidates: [(v: Int, floor: Double)], aligner: inout UnitAligner, archive: inout [ClauseRecord],
        index: ArchiveIndex
    ) -> [(v: Int, entry: Int, script: [EditRun], similarity: Double, ids: [Int32])] {
        struct Cand {
            var v: Int
            var entry: Int
            var score: Double
            var ids: [Int32]
        }
        var cands: [Cand] = []
        for (v, _) in candidates { _ = aligner.ids(1, v) }
        aligner.ensureWeights()
        for (v, floor) in candidates {
            let text = revision.paragraphs[v].text
            let sk = ClauseSketch(text: text)
            let bv = aligner.bag(1, v)
            let newKind = recordKind(revision.paragraphs[v].kind)
            for e in index.candidates(for: sk, threshold: Provenance.sketchThreshold) {
                if archive[e].sketch == nil { archive[e].sketch = ClauseSketch(text: archive[e].text) }
                let rs = archive[e].sketch!
                var score: Double
                var ids: [Int32]
                if rs.textHash == sk.textHash && archive[e].text == text {
                    score = 1
                    ids = aligner.ids(1, v)
                } else {
                    guard rs.exactJaccard(sk) >= Provenance.jaccardThreshold else { continue }
                    ids = aligner.ids(forKeys: rs.keys)
                    score = aligner.dice(aligner.bag(forIds: ids), bv)
                }
                let kind = archive[e].kind
                let sameLevel = (kind == .subparagraph) == (newKind == .subparagraph)
                let needed = sameLevel
                    ? (kind == newKind ? Provenance.restoreThreshold : max(Provenance.restoreThreshold, ParagraphAligner.crossKindThreshold))
                    : ParagraphAligner.subparagraphCrossThreshold
                if score >= needed && score > floor { cands.append(Cand(v: v, entry: e, score: score, ids: ids)) }
            }
        }
        cands.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.v != b.v { return a.v < b.v }
            return a.entry > b.entry  // the most recently deleted first
        }
        var usedV = Set<Int>(), usedE = Set<Int>()
        var out: [(v: Int, entry: Int, script: [EditRun], similarity: Double, ids: [Int32])] = []
        for c in cands where !usedV.contains(c.v) && !usedE.contains(c.entry) {
            usedV.insert(c.v)
            usedE.insert(c.entry)
            let script = aligner.diff(c.ids, aligner.ids(1, c.v))
            out.append((c.v, c.entry, script, c.score, c.ids))
        }
        return out
    }

    // MARK: - Footnotes

    mutating func footnotes(_ oldNotes: [ClauseRecord], _ origin: [(Int, Int)]) -> (records: [ClauseRecord], changes: [Change]) {
        let oldUnits = oldNotes.map { AlignmentUnit(text: $0.text, kind: .footnote) }
        let newUnits = revision.footnotes.map(AlignmentUnit.init)
        var aligner = UnitAligner(old: oldUnits, new: newUnits)
        let groups = aligner.run(forced: [], forbidden: [])
        var records = [ClauseRecord?](repeating: nil, count: newUnits.count)
        var removed: [ClauseRecord] = []
        var changes: [Change] = []
        for g in groups {
            if g.kind != .inserted && g.kind != .deleted {
                propagate(g, aligner: &aligner, oldRecords: oldNotes, into: &records, removed: &removed)
            }
            changes.append(aligner.change(for: g))
        }
        var out: [ClauseRecord] = []
        for (v, f) in revision.footnotes.enumerated() {
            var r: ClauseRecord
            if let existing = records[v], !existing.id.isEmpty {
                r = existing
            } else if let existing = records[v] {
                r = existing
                r.id = mintFootnote()
            } else {
                let n = aligner.tokens(1, v).count
                r = ClauseRecord(
                    id: mintFootnote(), introduced: key, lastChanged: key, kind: .footnote, text: "",
                    origins: n == 0 ? [] : [OriginRun(count: n, revision: key)])
            }
            r.kind = .footnote
            r.label = f.mark
            r.parent = nil
            r.text = f.text
            r.removedIn = nil
            out.append(r)
        }
        return (out, changes)
    }
}
