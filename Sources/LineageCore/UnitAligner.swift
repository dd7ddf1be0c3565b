import Foundation
import ResolutionText

/// Counts, for tokens already interned, the documents (here: exact-matched paragraph pairs, so
/// each counts twice) that contain them.
private struct DocumentFrequencyCounter: TokenVisitor {
    let targets: KeyInterner
    /// Per target: documents seen, and the last document that counted (raw buffers, so the hot
    /// loop has no copy-on-write checks).
    let df: UnsafeMutableBufferPointer<Int32>
    let stamp: UnsafeMutableBufferPointer<Int32>
    var doc: Int32

    @inline(__always)
    mutating func token(start: Int, end: Int, key: UInt64, kind: Token.Kind) {
        let id = Int(targets.lookup(key))
        if id >= 0 && stamp[id] != doc {
            stamp[id] = doc
            df[id] += 2
        }
    }
}

/// The aligner's result for one change, before rendering: `script` is the raw token-level diff of
/// the concatenated old tokens against the concatenated new tokens (empty when the texts are
/// token-identical, or for insertions and deletions).
struct AlignedGroup: Sendable {
    var kind: ChangeKind
    var old: [Int]
    var new: [Int]
    var similarity: Double
    var script: [EditRun]
    var textChanged: Bool
}

/// The machinery behind ``ParagraphAligner``; also used by ``Provenance``, which needs the tokens
/// and raw scripts.
struct UnitAligner {
    let old: [AlignmentUnit]
    let new: [AlignmentUnit]

    private(set) var interner = KeyInterner(capacity: 2048)
    /// Per token id: stop word or punctuation.
    private(set) var weak: [Bool] = []
    /// Per token id: IDF weight (0 for weak tokens).
    private(set) var weights: [Float] = []
    private var weightsReady = false
    private var defaultWeight: Float = 1
    /// Pairs made by exact matching (their units are not tokenized).
    private var exactPairs: [(Int, Int)] = []

    private var tok: [[TokenizedText?]]
    private var idsCache: [[[Int32]?]]
    private var bagCache: [[TokenBag?]]
    private var workspace = DiffWorkspace()

    private(set) var matchOld: [Int]
    private(set) var matchNew: [Int]
    private var forbidden = Set<Int>()

    init(old: [AlignmentUnit], new: [AlignmentUnit]) {
        self.old = old
        self.new = new
        tok = [Array(repeating: nil, count: old.count), Array(repeating: nil, count: new.count)]
        idsCache = [Array(repeating: nil, count: old.count), Array(repeating: nil, count: new.count)]
        bagCache = [Array(repeating: nil, count: old.count), Array(repeating: nil, count: new.count)]
        matchOld = Array(repeating: -1, count: old.count)
        matchNew = Array(repeating: -1, count: new.count)
    }

    // MARK: - Tokens, ids, bags

    private func unit(_ side: Int, _ i: Int) -> AlignmentUnit { side == 0 ? old[i] : new[i] }

    mutating func tokens(_ side: Int, _ i: Int) -> TokenizedText {
        if let t = tok[side][i] { return t }
        let t = Tokenizer.tokenize(unit(side, i).text)
        tok[side][i] = t
        return t
    }

    @inline(__always)
    private mutating func intern(_ key: UInt64) -> Int32 {
        let before = interner.count
        let id = interner.intern(key)
        if interner.count != before {
            let w = StopWords.isWeak(key)
            weak.append(w)
            weights.append(w ? 0 : defaultWeight)
        }
        return id
    }

    mutating func ids(_ side: Int, _ i: Int) -> [Int32] {
        if let x = idsCache[side][i] { return x }
        let keys = tokens(side, i).keys
        var x = [Int32]()
        x.reserveCapacity(keys.count)
        for k in keys { x.append(intern(k)) }
        idsCache[side][i] = x
        return x
    }

    mutating func bag(_ side: Int, _ i: Int) -> TokenBag {
        if let b = bagCache[side][i] { return b }
        let b = TokenBag(ids(side, i), weak: weak)
        bagCache[side][i] = b
        return b
    }

    /// Interns token keys from outside the two revisions (archived clauses); their ids get the
    /// default (largest) weight if unseen.
    mutating func ids(forKeys keys: [UInt64]) -> [Int32] { keys.map { intern($0) } }

    mutating func bag(forIds ids: [Int32]) -> TokenBag { TokenBag(ids, weak: weak) }

    /// Weighted Dice of two bags.
    func dice(_ a: TokenBag, _ b: TokenBag) -> Double {
        let total = a.mass(weights) + b.mass(weights)
        guard total > 0 else { return 0 }
        return 2 * a.overlap(b, weights).weight / total
    }

    /// Weighted Dice of old unit `u` and new unit `v`; for two texts without any content token
    /// (only stop words and punctuation) the plain Dice of all their tokens instead.
    mutating func similarity(_ u: Int, _ v: Int) -> Double {
        let a = bag(0, u), b = bag(1, v)
        if a.isEmpty && b.isEmpty { return plainDice(u, v) }
        return dice(a, b)
    }

    /// Unweighted Dice over all tokens (stop words and punctuation included).
    mutating func plainDice(_ u: Int, _ v: Int) -> Double {
        let a = ids(0, u), b = ids(1, v)
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        let none = [Bool](repeating: false, count: interner.count)
        let ba = TokenBag(a, weak: none), bb = TokenBag(b, weak: none)
        let ones = [Float](repeating: 1, count: interner.count)
        return 2 * ba.overlap(bb, ones).weight / Double(a.count + b.count)
    }

    mutating func diff(_ a: [Int32], _ b: [Int32]) -> [EditRun] {
        workspace.diff(a, b, vocabulary: interner.count)
    }

    /// Computes the IDF weights if the fuzzy stage did not (call after tokenizing the units whose
    /// scores are wanted, so that they count as documents).
    mutating func ensureWeights() {
        if !weightsReady { computeWeights(exactPairs: exactPairs) }
    }

    /// Computes IDF weights over all units of both sides. Units already tokenized count directly;
    /// the others (exact matches, `exactOld` pairs counted twice) are only scanned for tokens
    /// already interned.
    private mutating func computeWeights(exactPairs: [(Int, Int)]) {
        let n = old.count + new.count
        var df = [Int32](repeating: 0, count: interner.count)
        var stamp = [Int32](repeating: -1, count: interner.count)
        var doc: Int32 = 0
        for side in 0..<2 {
            for i in 0..<(side == 0 ? old.count : new.count) {
                guard let ids = idsCache[side][i] else { continue }
                for id in ids where stamp[Int(id)] != doc {
                    stamp[Int(id)] = doc
                    df[Int(id)] += 1
                }
                doc += 1
            }
        }
        // The content tokens whose weight matters (those of tokenized units), in a small table.
        var targets = KeyInterner(capacity: 256)
        var targetID: [Int32] = []
        let keys = interner.keys
        for id in 0..<keys.count where !weak[id] && df[id] > 0 {
            if targets.intern(keys[id]) == Int32(targetID.count) { targetID.append(Int32(id)) }
        }
        let dfBuffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(targetID.count, 1))
        let stampBuffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(targetID.count, 1))
        defer {
            dfBuffer.deallocate()
            stampBuffer.deallocate()
        }
        dfBuffer.initialize(repeating: 0)
        stampBuffer.initialize(repeating: -1)
        var counter = DocumentFrequencyCounter(targets: targets, df: dfBuffer, stamp: stampBuffer, doc: 0)
        // Identical paragraphs: at most `documentFrequencySample` of them, evenly spaced, are
        // scanned and their counts scaled up (an estimate that keeps ordinary edits cheap).
        let plain = exactPairs.filter { idsCache[0][$0.0] == nil && idsCache[1][$0.1] == nil }.map(\.0).sorted()
        let sample = ParagraphAligner.documentFrequencySample
        let step = max(1, (plain.count + sample - 1) / max(sample, 1))
        var scanned = 0
        if sample > 0 {
            var k = step / 2
            while k < plain.count {
                Tokenizer.visit(old[plain[k]].text, &counter)
                counter.doc += 1
                scanned += 1
                k += step
            }
        }
        let scale = scanned == 0 ? 0 : Double(plain.count) / Double(scanned)
        for (t, id) in targetID.enumerated() {
            df[Int(id)] += Int32((Double(dfBuffer[t]) * scale).rounded())
        }
        let top = Float(log(Double(n + 1)))
        defaultWeight = top
        for id in 0..<weights.count {
            if weak[id] {
                weights[id] = 0
            } else {
                let d = max(Int(df[id]), 1)
                weights[id] = Float(log(Double(n + 1) / Double(d)))
            }
        }
        weightsReady = true
    }

    // MARK: - Kinds

    private func compatible(_ u: Int, _ v: Int, _ score: Double) -> Bool {
        let a = old[u].kind, b = new[v].kind
        if a == b { return score >= ParagraphAligner.matchThreshold }
        if a == .footnote || b == .footnote { return false }
        if a == .subparagraph || b == .subparagraph {
            return score >= ParagraphAligner.subparagraphCrossThreshold
        }
        return score >= ParagraphAligner.crossKindThreshold
    }

    /// Kinds that may exchange split parts and merge sources: the same level, or a paragraph
    /// and the items of its own counterpart (a paragraph whose list of norms became its
    /// sub-paragraphs 1.1–1.13, or items folded back into their paragraph).
    /// `wholes` holds the `pairKey`s of same-level (old, new) pairs where one contains the other.
    private func partCompatible(_ u: Int, _ v: Int, wholes: Set<Int> = []) -> Bool {
        let a = old[u].kind, b = new[v].kind
        if a == b { return true }
        if a == .footnote || b == .footnote { return false }
        if (a == .subparagraph) == (b == .subparagraph) { return true }
        if new[v].isSub, let p = new[v].parent, p >= 0, p < new.count, matchNew[p] == u || wholes.contains(pairKey(u, p)) {
            return true
        }
        if old[u].isSub, let p = old[u].parent, p >= 0, p < old.count, matchOld[p] == v || wholes.contains(pairKey(p, v)) {
            return true
        }
        return false
    }

    @inline(__always)
    private func pairKey(_ u: Int, _ v: Int) -> Int { (u << 32) | v }

    private func isForbidden(_ u: Int, _ v: Int) -> Bool {
        !forbidden.isEmpty && forbidden.contains(pairKey(u, v))
    }

    private mutating func pair(_ u: Int, _ v: Int) {
        matchOld[u] = v
        matchNew[v] = u
    }

    // MARK: - Run

    private struct Candidate {
        var u: Int
        var v: Int
        var score: Double
        var overlapWeight: Double
        var overlapTokens: Int
        var massOld: Double
        var massNew: Double
        var rank: Double
    }

    /// Predicted old position of each new unit, from the paired units before it.
    private func predictions() -> [Int] {
        var pred = [Int](repeating: 0, count: new.count)
        var lastNew = -1, lastOld = -1
        for v in 0..<new.count {
            if matchNew[v] >= 0 {
                lastNew = v
                lastOld = matchNew[v]
                pred[v] = lastOld
            } else {
                pred[v] = lastNew < 0 ? v : lastOld + (v - lastNew)
            }
        }
        return pred
    }

    mutating func run(forced: [(old: Int, new: Int)], forbidden: [(old: Int, new: Int)]) -> [AlignedGroup] {
        for f in forbidden where f.old >= 0 && f.old < old.count && f.new >= 0 && f.new < new.count {
            self.forbidden.insert(pairKey(f.old, f.new))
        }
        var forcedPairs: [(Int, Int)] = []
        for f in forced where f.old >= 0 && f.old < old.count && f.new >= 0 && f.new < new.count {
            if matchOld[f.old] < 0 && matchNew[f.new] < 0 {
                pair(f.old, f.new)
                forcedPairs.append((f.old, f.new))
            }
        }
        let exactPairs = exactMatch()
        self.exactPairs = exactPairs
        var unOld: [Int] = [], unNew: [Int] = []
        for u in 0..<old.count where matchOld[u] < 0 { unOld.append(u) }
        for v in 0..<new.count where matchNew[v] < 0 { unNew.append(v) }

        var splitParts: [[Int]] = Array(repeating: [], count: old.count)  // old -> extra new parts
        var mergeSources: [[Int]] = Array(repeating: [], count: new.count)  // new -> extra old sources
        let needsTokens = (!unOld.isEmpty && !unNew.isEmpty)
            || forcedPairs.contains { !AlignmentUnit.sameLayoutText(old[$0.0].text, new[$0.1].text) }
        if needsTokens {
            for u in unOld { _ = ids(0, u) }
            for v in unNew { _ = ids(1, v) }
            for (u, v) in forcedPairs {
                _ = ids(0, u)
                _ = ids(1, v)
            }
            computeWeights(exactPairs: exactPairs)
            if !unOld.isEmpty && !unNew.isEmpty {
                fuzzy(unOld: unOld, unNew: unNew, splitParts: &splitParts, mergeSources: &mergeSources)
            }
        }
        return buildGroups(splitParts: splitParts, mergeSources: mergeSources)
    }

    /// Pairs byte-identical texts (but for their closing marks, see ``Tokenizer/closingKey``).
    /// Returns the pairs made. O(total text length + P) expected.
    private mutating func exactMatch() -> [(Int, Int)] {
        var made: [(Int, Int)] = []
        // Old units by text hash: an open-addressing table to the first unit, then `next` links.
        var table = KeyInterner(capacity: old.count + 1)
        var head: [Int] = []
        var next = [Int](repeating: -1, count: old.count)
        var tail: [Int] = []
        for u in 0..<old.count where matchOld[u] < 0 {
            let h = TokenHash.layoutText(old[u].text)
            let slot = Int(table.intern(h))
            if slot == head.count {
                head.append(u)
                tail.append(u)
            } else {
                next[tail[slot]] = u
                tail[slot] = u
            }
        }
        var deferred: [(Int, [Int])] = []
        for v in 0..<new.count where matchNew[v] < 0 {
            let slot = table.lookup(TokenHash.layoutText(new[v].text))
            guard slot >= 0 else { continue }
            var cands: [Int] = []
            var bucketSize = 0
            var u = head[Int(slot)]
            while u >= 0 {
                bucketSize += 1
                if AlignmentUnit.sameLayoutText(old[u].text, new[v].text) && !isForbidden(u, v) { cands.append(u) }
                u = next[u]
            }
            if cands.count == 1 && bucketSize == 1 {
                if matchOld[cands[0]] < 0 {
                    pair(cands[0], v)
                    made.append((cands[0], v))
                }
            } else if !cands.isEmpty {
                deferred.append((v, cands))
            }
        }
        if !deferred.isEmpty {
            let pred = predictions()
            for (v, cands) in deferred {
                let sameLevel = cands.filter { old[$0].isSub == new[v].isSub && matchOld[$0] < 0 }
                let pool = sameLevel.isEmpty ? cands.filter { matchOld[$0] < 0 } : sameLevel
                guard !pool.isEmpty else { continue }
                var best = pool[0]
                if pool.count <= 64 {
                    var bestD = Int.max
                    for u in pool {
                        let d = abs(u - pred[v])
                        if d < bestD {
                            bestD = d
                            best = u
                        }
                    }
                }
                pair(best, v)
                made.append((best, v))
            }
        }
        return made
    }

    private mutating func fuzzy(unOld: [Int], unNew: [Int], splitParts: inout [[Int]], mergeSources: inout [[Int]]) {
        // Inverted index (CSR) of content tokens of unpaired old units.
        let vocab = interner.count
        var postingCount = [Int32](repeating: 0, count: vocab + 1)
        for u in unOld {
            for id in bag(0, u).ids { postingCount[Int(id)] += 1 }
        }
        var start = [Int32](repeating: 0, count: vocab + 1)
        var acc: Int32 = 0
        for id in 0..<vocab {
            start[id] = acc
            acc += postingCount[id]
        }
        start[vocab] = acc
        var fill = start
        var postUnit = [Int32](repeating: 0, count: Int(acc))
        var postCount = [Int32](repeating: 0, count: Int(acc))
        for u in unOld {
            let b = bag(0, u)
            for k in 0..<b.ids.count {
                let id = Int(b.ids[k])
                postUnit[Int(fill[id])] = Int32(u)
                postCount[Int(fill[id])] = b.counts[k]
                fill[id] += 1
            }
        }

        let pred = predictions()
        var evidence = [Double](repeating: 0, count: old.count)
        var touched: [Int] = []
        var candidates: [Candidate] = []
        let limit = ParagraphAligner.postingLimit
        let k = ParagraphAligner.candidatesPerParagraph
        var massOld = [Double](repeating: -1, count: old.count)
        for v in unNew {
            let bv = bag(1, v)
            touched.removeAll(keepingCapacity: true)
            for t in 0..<bv.ids.count {
                let id = Int(bv.ids[t])
                let s = Int(start[id]), e = Int(start[id + 1])
                if e - s == 0 || e - s > limit { continue }
                let w = Double(weights[id])
                for p in s..<e {
                    let u = Int(postUnit[p])
                    if evidence[u] == 0 { touched.append(u) }
                    evidence[u] += w * Double(min(postCount[p], bv.counts[t])) + 1e-9
                }
            }
            // The k best by evidence (ties: nearest to the predicted position), by insertion into a
            // short sorted list: O(touched · k).
            var chosen: [Int] = []
            chosen.reserveCapacity(k + 1)
            let pv = pred[v]
            func better(_ a: Int, _ b: Int) -> Bool {
                if evidence[a] != evidence[b] { return evidence[a] > evidence[b] }
                let da = abs(a - pv), db = abs(b - pv)
                return da != db ? da < db : a < b
            }
            for u in touched {
                if chosen.count == k, let last = chosen.last, !better(u, last) { continue }
                var at = chosen.count
                while at > 0 && better(u, chosen[at - 1]) { at -= 1 }
                chosen.insert(u, at: at)
                if chosen.count > k { chosen.removeLast() }
            }
            for u in touched { evidence[u] = 0 }
            let p = pred[v]
            if p >= 0 && p < old.count && matchOld[p] < 0 && !chosen.contains(p) { chosen.append(p) }
            let mv = bv.mass(weights)
            for u in chosen where !isForbidden(u, v) {
                let bu = bag(0, u)
                if massOld[u] < 0 { massOld[u] = bu.mass(weights) }
                let ov = bu.overlap(bv, weights)
                let total = massOld[u] + mv
                let score = total > 0 ? 2 * ov.weight / total : plainDice(u, v)
                if ov.tokens == 0 && score == 0 { continue }
                candidates.append(
                    Candidate(
                        u: u, v: v, score: score, overlapWeight: ov.weight, overlapTokens: ov.tokens,
                        massOld: massOld[u], massNew: mv, rank: 0))
            }
        }

        // Greedy 1:1, top-level units first, then sub-paragraphs (with the parent bonus).
        func greedy(_ pool: [Candidate]) {
            var ranked = pool
            for i in 0..<ranked.count {
                let c = ranked[i]
                var bonus = 0.0
                if old[c.u].isSub && new[c.v].isSub, let pu = old[c.u].parent, let pv = new[c.v].parent,
                    pu >= 0, pu < old.count
                {
                    if matchOld[pu] == pv { bonus = 0.05 } else if matchOld[pu] >= 0 { bonus = -0.05 }
                }
                ranked[i].rank = c.score + bonus - 0.0005 * Double(min(abs(c.u - pred[c.v]), 100))
            }
            ranked.sort { a, b in
                if a.rank != b.rank { return a.rank > b.rank }
                if a.v != b.v { return a.v < b.v }
                return a.u < b.u
            }
            for c in ranked where matchOld[c.u] < 0 && matchNew[c.v] < 0 {
                if compatible(c.u, c.v, c.score) { pair(c.u, c.v) }
            }
        }
        greedy(candidates.filter { !old[$0.u].isSub && !new[$0.v].isSub })
        greedy(candidates.filter { old[$0.u].isSub || new[$0.v].isSub })

        detectSplitsAndMerges(candidates, splitParts: &splitParts, mergeSources: &mergeSources)
        pairLoneGapUnits(splitParts: splitParts, mergeSources: mergeSources)
    }

    /// Pairs an unpaired old and an unpaired new unit of the same kind when each is the only one of
    /// its kind left between the same two paired neighbours and they still share a fair amount
    /// (``ParagraphAligner/gapThreshold``): a heavily rewritten clause that stayed in place.
    /// O(P).
    private mutating func pairLoneGapUnits(splitParts: [[Int]], mergeSources: [[Int]]) {
        var inGroup = Set<Int>()
        for u in 0..<old.count where !splitParts[u].isEmpty { inGroup.formUnion(splitParts[u]) }
        var sourceTaken = Set<Int>()
        for v in 0..<new.count { sourceTaken.formUnion(mergeSources[v]) }
        var lastOld = -1
        var lo = 0
        while lo < new.count {
            if matchNew[lo] >= 0 {
                lastOld = matchNew[lo]
                lo += 1
                continue
            }
            // A gap: new units lo..<hi between paired units (split parts inside are skipped).
            var hi = lo
            while hi < new.count && matchNew[hi] < 0 { hi += 1 }
            let before = lastOld
            let after = hi < new.count ? matchNew[hi] : old.count
            defer { lo = hi }
            guard before < after, after - before <= 1_000 else { continue }
            // Per kind: the lone unpaired new unit and the lone unpaired old unit of the gap.
            var newOfKind = [Int](repeating: -1, count: 4), oldOfKind = [Int](repeating: -1, count: 4)
            for v in lo..<hi where !inGroup.contains(v) {
                let k = Int(new[v].kind.rawValue)
                newOfKind[k] = newOfKind[k] == -1 ? v : -2
            }
            for u in (before + 1)..<after where matchOld[u] < 0 && !sourceTaken.contains(u) {
                let k = Int(old[u].kind.rawValue)
                oldOfKind[k] = oldOfKind[k] == -1 ? u : -2
            }
            for k in 0..<4 {
                let v = newOfKind[k], u = oldOfKind[k]
                guard v >= 0, u >= 0, !isForbidden(u, v) else { continue }
                if similarity(u, v) >= ParagraphAligner.gapThreshold { pair(u, v) }
            }
        }
    }

    /// Greedy containment, for splits (parts are new units, each contained in an old "whole")
    /// and merges (parts are old units, each contained in a new whole): candidates by
    /// containment, best first; a part joins a whole while what is left of the whole (minus its
    /// pair, if it has one, and minus the parts it already took) still contains it.
    /// Returns (whole, part) pairs. O(c log c + c·t) for c candidates of t tokens.
    private mutating func absorb(_ candidates: [Candidate], partsAreNew: Bool, gamma: Double) -> [(whole: Int, part: Int)] {
        let wholeSide = partsAreNew ? 0 : 1, partSide = 1 - wholeSide
        func whole(_ c: Candidate) -> Int { partsAreNew ? c.u : c.v }
        func part(_ c: Candidate) -> Int { partsAreNew ? c.v : c.u }
        func mass(_ c: Candidate) -> Double { partsAreNew ? c.massNew : c.massOld }
        let sorted = candidates.sorted { a, b in
            let ca = a.overlapWeight / mass(a), cb = b.overlapWeight / mass(b)
            if ca != cb { return ca > cb }
            if part(a) != part(b) { return part(a) < part(b) }
            return whole(a) < whole(b)
        }
        var remaining: [Int: TokenBag] = [:]
        var taken = Set<Int>()
        var out: [(whole: Int, part: Int)] = []
        for c in sorted where !taken.contains(part(c)) {
            let w = whole(c)
            var rem: TokenBag
            if let left = remaining[w] {
                rem = left
            } else {
                rem = bag(wholeSide, w)
                let partner = partsAreNew ? matchOld[w] : matchNew[w]
                if partner >= 0 { rem = rem - bag(partSide, partner) }
            }
            let bp = bag(partSide, part(c))
            let ov = bp.overlap(rem, weights)
            guard ov.tokens >= 3, ov.weight / mass(c) >= gamma else { continue }
            remaining[w] = rem - bp
            taken.insert(part(c))
            out.append((w, part(c)))
        }
        return out
    }

    private mutating func detectSplitsAndMerges(
        _ candidates: [Candidate], splitParts: inout [[Int]], mergeSources: inout [[Int]]
    ) {
        let gamma = ParagraphAligner.containmentThreshold
        // Same-level pairs where one unit contains the other: their items may be parts too.
        var wholes = Set<Int>()
        for c in candidates where old[c.u].isSub == new[c.v].isSub && c.overlapTokens >= 3 {
            if (c.massNew > 0 && c.overlapWeight / c.massNew >= gamma) || (c.massOld > 0 && c.overlapWeight / c.massOld >= gamma) {
                wholes.insert(pairKey(c.u, c.v))
            }
        }
        // Splits: unpaired new units contained in an old unit.
        let splitCands = candidates.filter { c in
            matchNew[c.v] < 0 && c.massNew > 0 && c.overlapTokens >= 3
                && c.overlapWeight / c.massNew >= gamma && partCompatible(c.u, c.v, wholes: wholes)
        }
        for (u, v) in absorb(splitCands, partsAreNew: true, gamma: gamma) { splitParts[u].append(v) }
        var inSplit = Set<Int>()  // new units belonging to a split group
        for u in 0..<old.count where !splitParts[u].isEmpty {
            if matchOld[u] >= 0 || splitParts[u].count >= 2 {
                inSplit.formUnion(splitParts[u])
                if matchOld[u] >= 0 { inSplit.insert(matchOld[u]) }
            }
        }
        // Merges: unpaired old units contained in a new unit.
        let mergeCands = candidates.filter { c in
            matchOld[c.u] < 0 && splitParts[c.u].isEmpty && !inSplit.contains(c.v) && c.massOld > 0
                && c.overlapTokens >= 3 && c.overlapWeight / c.massOld >= gamma && partCompatible(c.u, c.v, wholes: wholes)
        }
        for (v, u) in absorb(mergeCands, partsAreNew: false, gamma: gamma) { mergeSources[v].append(u) }
        // A single part of an unpaired unit is a plain pair.
        for u in 0..<old.count where matchOld[u] < 0 && splitParts[u].count == 1 {
            let v = splitParts[u][0]
            splitParts[u] = []
            pair(u, v)
        }
        for v in 0..<new.count where matchNew[v] < 0 && mergeSources[v].count == 1 {
            let u = mergeSources[v][0]
            mergeSources[v] = []
            pair(u, v)
        }
    }

    // MARK: - Groups

    private mutating func group(_ kind: ChangeKind, _ olds: [Int], _ news: [Int]) -> AlignedGroup {
        if olds.count == 1 && news.count == 1 {
            let u = olds[0], v = news[0]
            if AlignmentUnit.sameLayoutText(old[u].text, new[v].text) {
                return AlignedGroup(kind: kind, old: olds, new: news, similarity: 1, script: [], textChanged: false)
            }
            let a = ids(0, u), b = ids(1, v)
            if a == b {
                return AlignedGroup(kind: kind, old: olds, new: news, similarity: 1, script: [], textChanged: false)
            }
            ensureWeights()
            let s = similarity(u, v)
            return AlignedGroup(kind: kind, old: olds, new: news, similarity: s, script: diff(a, b), textChanged: true)
        }
        ensureWeights()
        var a: [Int32] = [], b: [Int32] = []
        var ba = TokenBag(), bb = TokenBag()
        for u in olds {
            a += ids(0, u)
            ba = ba + bag(0, u)
        }
        for v in news {
            b += ids(1, v)
            bb = bb + bag(1, v)
        }
        return AlignedGroup(kind: kind, old: olds, new: news, similarity: dice(ba, bb), script: diff(a, b), textChanged: true)
    }

    private mutating func buildGroups(splitParts: [[Int]], mergeSources: [[Int]]) -> [AlignedGroup] {
        var groups: [AlignedGroup] = []
        var newDone = [Bool](repeating: false, count: new.count)
        var oldDone = [Bool](repeating: false, count: old.count)
        // Primary (old, new) pair of each matched group, for move detection.
        var primaries: [(u: Int, v: Int, group: Int)] = []
        for u in 0..<old.count where !splitParts[u].isEmpty {
            var news = splitParts[u]
            if matchOld[u] >= 0 { news.append(matchOld[u]) }
            news.sort()
            for v in news { newDone[v] = true }
            oldDone[u] = true
            primaries.append((u, matchOld[u] >= 0 ? matchOld[u] : news[0], groups.count))
            groups.append(group(.split, [u], news))
        }
        for v in 0..<new.count where !mergeSources[v].isEmpty {
            var olds = mergeSources[v]
            if matchNew[v] >= 0 { olds.append(matchNew[v]) }
            olds.sort()
            for u in olds { oldDone[u] = true }
            newDone[v] = true
            primaries.append((matchNew[v] >= 0 ? matchNew[v] : olds[0], v, groups.count))
            groups.append(group(.merged, olds, [v]))
        }
        for v in 0..<new.count where !newDone[v] && matchNew[v] >= 0 {
            let u = matchNew[v]
            newDone[v] = true
            oldDone[u] = true
            let g = group(.unchanged, [u], [v])
            primaries.append((u, v, groups.count))
            var gg = g
            gg.kind = g.textChanged ? .modified : .unchanged
            groups.append(gg)
        }
        markMoves(primaries, &groups)
        for v in 0..<new.count where !newDone[v] {
            groups.append(AlignedGroup(kind: .inserted, old: [], new: [v], similarity: 0, script: [], textChanged: true))
        }
        for u in 0..<old.count where !oldDone[u] {
            groups.append(AlignedGroup(kind: .deleted, old: [u], new: [], similarity: 0, script: [], textChanged: true))
        }
        return order(groups)
    }

    /// Marks pairs outside the longest in-order chain as moved (top level, then per parent).
    /// O(P log P).
    private func markMoves(_ primaries: [(u: Int, v: Int, group: Int)], _ groups: inout [AlignedGroup]) {
        func mark(_ sorted: ArraySlice<(u: Int, v: Int, group: Int)>) {
            let base = sorted.startIndex
            let keep = LongestIncreasingSubsequence.indices(sorted.count) { sorted[base + $0].u }
            var k = 0
            for i in 0..<sorted.count {
                if k < keep.count && keep[k] == i {
                    k += 1
                    continue
                }
                let g = sorted[base + i].group
                if groups[g].kind == .unchanged || groups[g].kind == .modified { groups[g].kind = .moved }
            }
        }
        let byNew = primaries.sorted { $0.v < $1.v }
        mark(byNew.filter { !new[$0.v].isSub }[...])
        // Sub-paragraphs, per new parent; one whose parent changed has moved.
        let subs = byNew.filter { new[$0.v].isSub }.sorted { (new[$0.v].parent ?? -1, $0.v) < (new[$1.v].parent ?? -1, $1.v) }
        var i = 0
        while i < subs.count {
            let parent = new[subs[i].v].parent ?? -1
            var j = i
            while j < subs.count && (new[subs[j].v].parent ?? -1) == parent {
                let p = subs[j]
                let oldParent = old[p.u].isSub ? (old[p.u].parent ?? -1) : -1
                let partner = oldParent >= 0 && oldParent < old.count ? matchOld[oldParent] : -1
                if parent >= 0 && partner != parent {
                    let k = groups[p.group].kind
                    if k == .unchanged || k == .modified { groups[p.group].kind = .moved }
                }
                j += 1
            }
            mark(subs[i..<j])
            i = j
        }
    }

    /// Reading order of the new revision; a deletion goes where the deleted unit stood.
    private func order(_ groups: [AlignedGroup]) -> [AlignedGroup] {
        var newOfOld = [Int](repeating: -1, count: old.count)
        for g in groups {
            let first = g.new.min() ?? -1
            for u in g.old { newOfOld[u] = first }
        }
        // For each old index, the position just after the new counterpart of the closest preceding
        // matched old unit.
        var after = [Int](repeating: 0, count: old.count)
        var last = -1
        for u in 0..<old.count {
            after[u] = last + 1
            if newOfOld[u] >= 0 { last = max(last, newOfOld[u]) }
        }
        var keys: [(Int, Int, Int)] = []
        keys.reserveCapacity(groups.count)
        for g in groups {
            if let v = g.new.min() {
                keys.append((v, 1, g.old.min() ?? -1))
            } else {
                keys.append((after[g.old[0]], 0, g.old[0]))
            }
        }
        let indexes = groups.indices.sorted { keys[$0] < keys[$1] }
        return indexes.map { groups[$0] }
    }

    // MARK: - Rendering

    /// The concatenation of several units' texts as one tokenized text (joined by line breaks).
    mutating func joinedTokens(_ side: Int, _ indexes: [Int]) -> TokenizedText {
        if indexes.count == 1 { return tokens(side, indexes[0]) }
        return Tokenizer.tokenize(indexes.map { unit(side, $0).text }.joined(separator: "\n"))
    }

    mutating func ids(_ side: Int, joined indexes: [Int]) -> [Int32] {
        indexes.flatMap { ids(side, $0) }
    }

    /// The public form of a group, with a cleaned-up word diff.
    mutating func change(for g: AlignedGroup) -> Change {
        var words: [WordRun] = []
        switch g.kind {
        case .inserted:
            words = [WordRun(op: .insert, text: g.new.map { new[$0].text }.joined(separator: "\n"))]
        case .deleted:
            words = [WordRun(op: .delete, text: g.old.map { old[$0].text }.joined(separator: "\n"))]
        default:
            if g.textChanged {
                let a = ids(0, joined: g.old)
                let cleaned = WordDiff.clean(g.script, old: a, weak: weak)
                words = WordDiff.runs(script: cleaned, old: joinedTokens(0, g.old), new: joinedTokens(1, g.new))
            }
        }
        return Change(kind: g.kind, old: g.old, new: g.new, similarity: g.similarity, words: words)
    }
}
