import ResolutionText

/// One revision of the evolving document, as given to ``Provenance/advance(parents:to:overrides:)``.
public struct RevisionText: Sendable, Hashable {
    /// The revision's key, e.g. `"69/28"`. Keys must be unique within a history.
    public var key: String
    public var paragraphs: [Paragraph]
    public var footnotes: [Footnote]

    public init(key: String, paragraphs: [Paragraph], footnotes: [Footnote] = []) {
        self.key = key
        self.paragraphs = paragraphs
        self.footnotes = footnotes
    }
}

/// Clause identity and word provenance across a history, computed incrementally: each revision's
/// ``LineageState`` is derived from its parents' states and its own text only.
///
/// ``advance(parents:to:overrides:)``:
/// - **No parent** (first revision): every paragraph is a new clause introduced here, every word
///   originates here.
/// - **One parent**: the parent's current clauses are aligned with the new paragraphs
///   (``ParagraphAligner``). New paragraphs left unmatched are then compared with the parent's
///   archive, i.e. with every clause deleted at any earlier point of the history (first by exact
///   text, then by a MinHash pre-filter and the weighted similarity, from ``restoreThreshold``). A
///   match is a **restoration**: the clause gets its old id and `introduced` back, the change is
///   reported as ``ChangeKind/restored`` with ``Change/restoredFrom``, and its words keep their
///   archived origins where the word diff finds them equal.
/// - **Several parents** (a merge of two lines of the series): the new revision is aligned with
///   the union of the parents' clauses, in parent order. A clause present in several parents
///   appears once: the copy whose text occurs verbatim in the new revision, else the first parent's.
///   A clause taken from a later parent keeps that parent's id and origins. ``Change/old`` indexes
///   then refer to that union list (the first parent's clauses first, at their own indexes). The
///   archives are merged likewise.
///
/// Word provenance (as WikiWho does): the tokens of an unchanged clause keep their origins; in a
/// changed clause, tokens the word diff (raw, without the display clean-up) finds equal keep
/// theirs and inserted tokens originate in the new revision (for editorial revisions see
/// ``AlignmentOverrides/editorial``). The parts of a split take their origins from the part of the
/// old clause they came from; a merged clause from each of its sources.
///
/// Identity: a moved, renumbered or modified clause keeps its id. When a clause splits, the part
/// inheriting the most tokens keeps the id; the other parts are new clauses (new ids, introduced
/// here) whose words nevertheless keep their origins. When clauses merge, the result keeps the id
/// of the source contributing the most tokens; the other sources leave the document and go to the
/// archive. `lastChanged` is updated by any change of wording (not by moves, renumbering or
/// footnote marks; not by editorial revisions), by splits and merges and by restorations.
///
/// Ids are `"<key>#<n>"` for paragraphs and `"<key>#f<n>"` for footnotes, numbered in document
/// order among the clauses a revision introduces: deterministic and never reused.
///
/// Complexity: one alignment (see ``ParagraphAligner``) plus O(A·k) for restoration candidates in
/// an archive of A clauses (k = 16 hashes each; a clause's fingerprint is computed once and kept in
/// memory with the state) plus O(T) to propagate origins.
public enum Provenance {
    /// Minimum similarity for a new paragraph to be recognised as an archived clause.
    public static let restoreThreshold = 0.5
    /// Minimum estimated Jaccard similarity of content tokens for an archived clause to be scored.
    static let sketchThreshold = 0.15

    /// The result of advancing a history by one revision.
    public struct Step: Sendable {
        public var state: LineageState
        /// Paragraph changes relative to the parent(s).
        public var changes: [Change]
        /// Footnote changes relative to the parent(s) (footnotes are aligned by text; they are not
        /// archived or restored).
        public var footnoteChanges: [Change]
    }

    /// Adds `revision` to a history whose tips are `parents`, returning its state and its
    /// paragraph changes.
    public static func advance(
        parents: [LineageState], to revision: RevisionText, overrides: AlignmentOverrides = .none
    ) -> (state: LineageState, changes: [Change]) {
        let s = step(parents: parents, to: revision, overrides: overrides)
        return (s.state, s.changes)
    }

    /// ``advance(parents:to:overrides:)`` with the footnote changes too.
    public static func step(
        parents: [LineageState], to revision: RevisionText, overrides: AlignmentOverrides = .none
    ) -> Step {
        var engine = StepEngine(parents: parents, revision: revision, overrides: overrides)
        return engine.run()
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
    let parents: [LineageState]
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

    /// The union of the parents' records (deduplicated by id), with, for each, (parent, index).
    func union(_ lists: [[ClauseRecord]], newTexts: Set<String>) -> (records: [ClauseRecord], origin: [(Int, Int)]) {
        if lists.count == 1 {
            return (lists[0], lists[0].indices.map { (0, $0) })
        }
        var records: [ClauseRecord] = []
        var origin: [(Int, Int)] = []
        var position: [String: Int] = [:]
        var parentMaps: [[Int: String]] = []
        for (p, list) in lists.enumerated() {
            var ids: [Int: String] = [:]
            for (i, r) in list.enumerated() {
                ids[i] = r.id
                if let at = position[r.id] {
                    if !newTexts.contains(records[at].text) && newTexts.contains(r.text) {
                        records[at] = r
                        origin[at] = (p, i)
                    }
                    continue
                }
                position[r.id] = records.count
                records.append(r)
                origin.append((p, i))
            }
            parentMaps.append(ids)
        }
        // Re-point parents to union indexes.
        for k in records.indices {
            if let par = records[k].parent {
                let (p, _) = origin[k]
                if let pid = parentMaps[p][par], let at = position[pid] {
                    records[k].parent = at
                } else {
                    records[k].parent = nil
                }
            }
        }
        return (records, origin)
    }

    // MARK: - Run

    mutating func run() -> Provenance.Step {
        let newTexts = Set(revision.paragraphs.map(\.text))
        let (oldRecords, oldOrigin) = union(parents.map(\.clauses), newTexts: newTexts)
        let (oldNotes, oldNoteOrigin) = union(parents.map(\.footnotes), newTexts: Set(revision.footnotes.map(\.text)))

        // Archive: union, minus anything current.
        var current = Set(oldRecords.map(\.id))
        var archive: [ClauseRecord] = []
        var archived = Set<String>()
        for p in parents {
            for r in p.archive where !current.contains(r.id) && !archived.contains(r.id) {
                archived.insert(r.id)
                archive.append(r)
            }
        }

        // Paragraphs.
        let oldUnits = oldRecords.map { r in
            AlignmentUnit(text: r.text, kind: unitKind(r.kind), parent: r.kind == .subparagraph ? r.parent : nil)
        }
        let newUnits = revision.paragraphs.map(AlignmentUnit.init)
        let (forced, forbidden) = resolveOverrides(oldOrigin)
        let aligner = UnitAligner(old: oldUnits, new: newUnits)
        let groups = aligner.run(forced: forced, forbidden: forbidden)

        var records = [ClauseRecord?](repeating: nil, count: newUnits.count)
        var changes: [Change] = []
        var removed: [ClauseRecord] = []
        var inserted: [Int] = []
        var changeIndexOfInserted: [Int: Int] = [:]
        for g in groups {
            switch g.kind {
            case .inserted:
                inserted.append(g.new[0])
                changeIndexOfInserted[g.new[0]] = changes.count
            case .deleted:
                var r = oldRecords[g.old[0]]
                r.removedIn = key
                removed.append(r)
            default:
                propagate(g, aligner: aligner, oldRecords: oldRecords, into: &records, removed: &removed)
            }
            changes.append(aligner.change(for: g))
        }

        // Restorations from the archive.
        if !inserted.isEmpty && !archive.isEmpty {
            let restored = restore(inserted, aligner: aligner, archive: &archive)
            var restoredIDs = Set<String>()
            for (v, entry, script, similarity) in restored {
                let r = archive[entry]
                restoredIDs.insert(r.id)
                let oldOrigins = keys.expand(r.origins)
                let newCount = aligner.tokens(1, v).count
                let o = mapOrigins(oldOrigins, script: script, newCount: newCount)
                var rec = r
                rec.removedIn = nil
                rec.sketch = nil
                rec.origins = keys.compress(o[...])
                if !editorial { rec.lastChanged = key }
                records[v] = rec
                let words = WordDiff.diff(Tokenizer.tokenize(r.text), aligner.tokens(1, v))
                changes[changeIndexOfInserted[v]!] = Change(
                    kind: .restored, old: [], new: [v], similarity: similarity, words: words, restoredFrom: r.id)
            }
            archive.removeAll { restoredIDs.contains($0.id) }
            current.formUnion(restoredIDs)
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
        for var r in removed where !newIDs.contains(r.id) {
            r.parent = nil
            if r.sketch == nil { r.sketch = ClauseSketch(text: r.text) }
            archive.append(r)
        }

        // Footnotes.
        let footnoteChanges = footnotes(oldNotes, oldNoteOrigin)
        return Provenance.Step(
            state: LineageState(revision: key, clauses: clauses, footnotes: footnoteChanges.records, archive: archive),
            changes: changes, footnoteChanges: footnoteChanges.changes)
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
    /// editorial revision, the origins of the tokens they replace.
    mutating func mapOrigins(_ old: [Int32], script: [EditRun], newCount: Int) -> [Int32] {
        let fresh = keys.id(key)
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
            var insertCount = 0
            while k < script.count && script[k].op != .equal {
                if script[k].op == .delete {
                    deleted += old[i..<(i + script[k].count)]
                    i += script[k].count
                } else {
                    insertCount += script[k].count
                }
                k += 1
            }
            if insertCount == 0 { continue }
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
        _ g: AlignedGroup, aligner: UnitAligner, oldRecords: [ClauseRecord], into records: inout [ClauseRecord?],
        removed: inout [ClauseRecord]
    ) {
        if !g.textChanged && g.old.count == 1 && g.new.count == 1 {
            records[g.new[0]] = oldRecords[g.old[0]]
            return
        }
        var oldOrigins: [Int32] = []
        var oldSpans: [Range<Int>] = []
        for u in g.old {
            let o = keys.expand(oldRecords[u].origins)
            let n = aligner.tokens(0, u).count
            let fixed = o.count == n ? o : fit(o, n)
            oldSpans.append(oldOrigins.count..<(oldOrigins.count + n))
            oldOrigins += fixed
        }
        let newCounts = g.new.map { aligner.tokens(1, $0).count }
        let newTotal = newCounts.reduce(0, +)
        let origins = mapOrigins(oldOrigins, script: g.script, newCount: newTotal)
        // Which old token each new token inherits (-1 if inserted), to count inheritance.
        var inheritedFrom = [Int](repeating: -1, count: newTotal)
        do {
            var i = 0, j = 0
            for r in g.script {
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
        if g.old.count == 1 {
            // One old clause to one or several new ones: the part inheriting most keeps the id.
            let src = oldRecords[g.old[0]]
            var best = 0, bestCount = -1
            for (p, span) in newSpans.enumerated() {
                let c = span.reduce(0) { $0 + (inheritedFrom[$1] >= 0 ? 1 : 0) }
                if c > bestCount {
                    best = p
                    bestCount = c
                }
            }
            for (p, v) in g.new.enumerated() {
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
            var contributed = [Int](repeating: 0, count: g.old.count)
            for f in inheritedFrom where f >= 0 {
                if let s = oldSpans.firstIndex(where: { $0.contains(f) }) { contributed[s] += 1 }
            }
            var best = 0
            for s in 0..<contributed.count where contributed[s] > contributed[best] { best = s }
            var r = oldRecords[g.old[best]]
            r.origins = keys.compress(origins[...])
            if let k = changedKey { r.lastChanged = k }
            records[g.new[0]] = r
            for (s, u) in g.old.enumerated() where s != best {
                var gone = oldRecords[u]
                gone.removedIn = key
                removed.append(gone)
            }
        }
    }

    /// Stretches or truncates an origin list to `n` tokens (only if a stored state is inconsistent
    /// with its text, e.g. after a tokenizer change).
    private func fit(_ o: [Int32], _ n: Int) -> [Int32] {
        if o.isEmpty { return Array(repeating: 0, count: n) }
        return (0..<n).map { o[min($0 * o.count / max(n, 1), o.count - 1)] }
    }

    // MARK: - Restoration

    /// Matches inserted paragraphs against archived clauses. Returns (new index, archive index,
    /// raw script archived → new, similarity).
    mutating func restore(_ inserted: [Int], aligner: UnitAligner, archive: inout [ClauseRecord])
        -> [(Int, Int, [EditRun], Double)]
    {
        for i in archive.indices where archive[i].sketch == nil {
            archive[i].sketch = ClauseSketch(text: archive[i].text)
        }
        struct Cand {
            var v: Int
            var entry: Int
            var score: Double
            var ids: [Int32]
        }
        var cands: [Cand] = []
        for v in inserted {
            let text = revision.paragraphs[v].text
            let sk = ClauseSketch(text: text)
            let bv = aligner.bag(1, v)
            let newKind = recordKind(revision.paragraphs[v].kind)
            for (e, r) in archive.enumerated() {
                let rs = r.sketch!
                var score: Double
                var ids: [Int32]
                if rs.textHash == sk.textHash && r.text == text {
                    score = 1
                    ids = aligner.ids(1, v)
                } else {
                    guard rs.jaccard(sk) >= Provenance.sketchThreshold else { continue }
                    ids = aligner.ids(forKeys: Tokenizer.keys(r.text))
                    score = aligner.dice(aligner.bag(forIds: ids), bv)
                }
                let sameLevel = (r.kind == .subparagraph) == (newKind == .subparagraph)
                let needed = sameLevel
                    ? (r.kind == newKind ? Provenance.restoreThreshold : max(Provenance.restoreThreshold, ParagraphAligner.crossKindThreshold))
                    : ParagraphAligner.subparagraphCrossThreshold
                if score >= needed { cands.append(Cand(v: v, entry: e, score: score, ids: ids)) }
            }
        }
        cands.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.v != b.v { return a.v < b.v }
            return a.entry > b.entry  // the most recently deleted first
        }
        var usedV = Set<Int>(), usedE = Set<Int>()
        var out: [(Int, Int, [EditRun], Double)] = []
        for c in cands where !usedV.contains(c.v) && !usedE.contains(c.entry) {
            usedV.insert(c.v)
            usedE.insert(c.entry)
            let script = aligner.diff(c.ids, aligner.ids(1, c.v))
            out.append((c.v, c.entry, script, c.score))
        }
        return out
    }

    // MARK: - Footnotes

    mutating func footnotes(_ oldNotes: [ClauseRecord], _ origin: [(Int, Int)]) -> (records: [ClauseRecord], changes: [Change]) {
        let oldUnits = oldNotes.map { AlignmentUnit(text: $0.text, kind: .footnote) }
        let newUnits = revision.footnotes.map(AlignmentUnit.init)
        let aligner = UnitAligner(old: oldUnits, new: newUnits)
        let groups = aligner.run(forced: [], forbidden: [])
        var records = [ClauseRecord?](repeating: nil, count: newUnits.count)
        var removed: [ClauseRecord] = []
        var changes: [Change] = []
        for g in groups {
            if g.kind != .inserted && g.kind != .deleted {
                propagate(g, aligner: aligner, oldRecords: oldNotes, into: &records, removed: &removed)
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
