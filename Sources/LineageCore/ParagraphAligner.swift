import Foundation
import ResolutionText

/// Aligns the paragraphs (or the footnotes) of two revisions.
///
/// Method, in order:
/// 1. **Forced pairs** (overrides) are paired first.
/// 2. **Exact matching** (as WikiWho does): paragraphs whose texts are byte-identical are paired by
///    a 64-bit hash of the text; a text that occurs once on each side is paired first, then repeated
///    texts go to the occurrence nearest to the position predicted by their paired neighbours.
///    No tokenization happens for these paragraphs, which is what makes ordinary edits cheap.
/// 3. **Fuzzy matching** of the rest: remaining paragraphs are tokenized; token weights are inverse
///    document frequencies over all paragraphs of both revisions (``Similarity``). An inverted index
///    from content tokens to the remaining old paragraphs yields, for each remaining new paragraph,
///    at most ``candidatesPerParagraph`` candidates (ranked by shared weight; tokens found in more
///    than ``postingLimit`` old paragraphs are too common to propose candidates), plus the old
///    paragraph at its predicted position. Each candidate pair is scored exactly (weighted Dice) and
///    pairs are accepted greedily, best first, when the score reaches ``matchThreshold``. Preambular
///    and operative paragraphs pair across kinds only from ``crossKindThreshold``, sub-paragraphs
///    with anything but a sub-paragraph only from ``subparagraphCrossThreshold``; sub-paragraphs are
///    paired after their parents, and one whose parent is paired with the candidate's parent gets a
///    small bonus in the ranking (never in the threshold test). Ties go to the nearest position.
/// 4. **Splits and merges** from leftovers: an unpaired new paragraph whose content lies for at least
///    ``containmentThreshold`` within what an old paragraph has left after its other parts were
///    taken is a part of that paragraph (split); symmetrically an unpaired old paragraph contained in
///    a new one is a source of it (merge). A single part of an otherwise unpaired paragraph is a
///    plain modification (a clause cut down or grown).
/// 5. **Moves**: among paired paragraphs, a longest increasing subsequence of old indexes in new
///    order (top-level paragraphs together, sub-paragraphs within their parent) stayed in place; the
///    others are ``ChangeKind/moved``.
/// 6. Word diffs (``WordDiff``) for every changed pair or group.
///
/// Numbering labels and footnote marks are never compared (only texts are), so renumbering alone
/// or changed marks alone leave a paragraph ``ChangeKind/unchanged``.
///
/// Thresholds were calibrated on ``SyntheticSeries`` (heavy rewording keeps about half the words and
/// must still match; unrelated formulaic clauses must not) and checked on the real seed
/// resolutions.
///
/// Complexity, for P paragraphs and T tokens in the two revisions: exact matching is O(total text
/// length + P); the fuzzy stage is O(T + U·(L·``postingLimit`` + ``candidatesPerParagraph``·L̄)
/// + C log C) for U unpaired paragraphs of at most L distinct content tokens, L̄ tokens per candidate
/// pair and C candidate pairs (C ≤ U·(``candidatesPerParagraph`` + 1)); moves are O(P log P); word
/// diffs are O(T) (see ``WordDiff``). Nothing is quadratic in P or T: a full rewrite, one
/// 10,000-word paragraph, 40 identical paragraphs, a reversed document or 50 splits each align in
/// a few milliseconds.
public enum ParagraphAligner {
    /// Minimum similarity for two paragraphs of the same kind to be the same clause.
    public static let matchThreshold = 0.35
    /// Minimum similarity to pair a preambular with an operative paragraph.
    public static let crossKindThreshold = 0.6
    /// Minimum similarity to pair a sub-paragraph with a paragraph that is not one.
    public static let subparagraphCrossThreshold = 0.8
    /// Minimum containment for a split part or a merge source.
    public static let containmentThreshold = 0.7
    /// Candidates scored per unpaired new paragraph (besides the positional one).
    public static let candidatesPerParagraph = 12
    /// Tokens occurring in more unpaired old paragraphs than this propose no candidates.
    public static let postingLimit = 64

    /// Aligns the paragraphs of two revisions.
    ///
    /// - Parameters:
    ///   - forced: (old index, new index) pairs that must be paired.
    ///   - forbidden: (old index, new index) pairs that must never be paired.
    public static func align(
        old: [Paragraph], new: [Paragraph], forced: [(old: Int, new: Int)] = [],
        forbidden: [(old: Int, new: Int)] = []
    ) -> Alignment {
        let aligner = UnitAligner(old: old.map(AlignmentUnit.init), new: new.map(AlignmentUnit.init))
        let groups = aligner.run(forced: forced, forbidden: forbidden)
        return Alignment(changes: groups.map { aligner.change(for: $0) })
    }

    /// Aligns two lists of footnotes by their texts (marks are ignored).
    public static func align(
        old: [Footnote], new: [Footnote], forced: [(old: Int, new: Int)] = [],
        forbidden: [(old: Int, new: Int)] = []
    ) -> Alignment {
        let aligner = UnitAligner(old: old.map(AlignmentUnit.init), new: new.map(AlignmentUnit.init))
        let groups = aligner.run(forced: forced, forbidden: forbidden)
        return Alignment(changes: groups.map { aligner.change(for: $0) })
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
final class UnitAligner {
    let old: [AlignmentUnit]
    let new: [AlignmentUnit]

    private(set) var interner = KeyInterner(capacity: 2048)
    /// Per token id: stop word or punctuation.
    private(set) var weak: [Bool] = []
    /// Per token id: IDF weight (0 for weak tokens).
    private(set) var weights: [Float] = []
    private var weightsReady = false
    private var defaultWeight: Float = 1

    private var tok: [[TokenizedText?]]
    private var idsCache: [[[Int32]?]]
    private var bagCache: [[TokenBag?]]
    private let workspace = DiffWorkspace()

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

    func tokens(_ side: Int, _ i: Int) -> TokenizedText {
        if let t = tok[side][i] { return t }
        let t = Tokenizer.tokenize(unit(side, i).text)
        tok[side][i] = t
        return t
    }

    @inline(__always)
    private func intern(_ key: UInt64) -> Int32 {
        let before = interner.count
        let id = interner.intern(key)
        if interner.count != before {
            let w = StopWords.isWeak(key)
            weak.append(w)
            weights.append(w ? 0 : defaultWeight)
        }
        return id
    }

    func ids(_ side: Int, _ i: Int) -> [Int32] {
        if let x = idsCache[side][i] { return x }
        let keys = tokens(side, i).keys
        var x = [Int32]()
        x.reserveCapacity(keys.count)
        for k in keys { x.append(intern(k)) }
        idsCache[side][i] = x
        return x
    }

    func bag(_ side: Int, _ i: Int) -> TokenBag {
        if let b = bagCache[side][i] { return b }
        let b = TokenBag(ids(side, i), weak: weak)
        bagCache[side][i] = b
        return b
    }

    /// Interns token keys from outside the two revisions (archived clauses); their ids get the
    /// default (largest) weight if unseen.
    func ids(forKeys keys: [UInt64]) -> [Int32] { keys.map { intern($0) } }

    func bag(forIds ids: [Int32]) -> TokenBag { TokenBag(ids, weak: weak) }

    /// Weighted Dice of two bags.
    func dice(_ a: TokenBag, _ b: TokenBag) -> Double {
        let total = a.mass(weights) + b.mass(weights)
        guard total > 0 else { return 0 }
        return 2 * a.overlap(b, weights).weight / total
    }

    func diff(_ a: [Int32], _ b: [Int32]) -> [EditRun] {
        workspace.diff(a, b, vocabulary: interner.count)
    }

    /// Computes IDF weights over all units of both sides. Units already tokenized count directly;
    /// the others (exact matches, `exactOld` pairs counted twice) are only scanned for tokens
    /// already interned.
    private func computeWeights(exactPairs: [(Int, Int)]) {
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
        for (o, nw) in exactPairs where idsCache[0][o] == nil && idsCache[1][nw] == nil {
            let d = doc
            doc += 1
            let interner = self.interner
            Tokenizer.scan(old[o].text) { _, _, key, _ in
                let id = interner.lookup(key)
                if id >= 0 && stamp[Int(id)] != d {
                    stamp[Int(id)] = d
                    df[Int(id)] += 2
                }
            }
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

    /// Kinds that may exchange split parts and merge sources.
    private func partCompatible(_ u: Int, _ v: Int) -> Bool {
        let a = old[u].kind, b = new[v].kind
        if a == b { return true }
        if a == .footnote || b == .footnote { return false }
        return (a == .subparagraph) == (b == .subparagraph)
    }

    @inline(__always)
    private func pairKey(_ u: Int, _ v: Int) -> Int { (u << 32) | v }

    private func isForbidden(_ u: Int, _ v: Int) -> Bool {
        !forbidden.isEmpty && forbidden.contains(pairKey(u, v))
    }

    private func pair(_ u: Int, _ v: Int) {
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

    func run(forced: [(old: Int, new: Int)], forbidden: [(old: Int, new: Int)]) -> [AlignedGroup] {
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
        var unOld: [Int] = [], unNew: [Int] = []
        for u in 0..<old.count where matchOld[u] < 0 { unOld.append(u) }
        for v in 0..<new.count where matchNew[v] < 0 { unNew.append(v) }

        var splitParts: [[Int]] = Array(repeating: [], count: old.count)  // old -> extra new parts
        var mergeSources: [[Int]] = Array(repeating: [], count: new.count)  // new -> extra old sources
        let needsTokens = (!unOld.isEmpty && !unNew.isEmpty)
            || forcedPairs.contains { old[$0.0].text != new[$0.1].text }
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

    /// Pairs byte-identical texts. Returns the pairs made.
    private func exactMatch() -> [(Int, Int)] {
        var made: [(Int, Int)] = []
        var buckets: [UInt64: [Int]] = [:]
        buckets.reserveCapacity(old.count)
        var oldHash = [UInt64](repeating: 0, count: old.count)
        for u in 0..<old.count where matchOld[u] < 0 {
            let h = TokenHash.text(old[u].text)
            oldHash[u] = h
            buckets[h, default: []].append(u)
        }
        var deferred: [(Int, [Int])] = []
        for v in 0..<new.count where matchNew[v] < 0 {
            let h = TokenHash.text(new[v].text)
            guard let bucket = buckets[h] else { continue }
            let cands = bucket.filter { old[$0].text == new[v].text && !isForbidden($0, v) }
            if cands.count == 1 && bucket.count == 1 {
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

    private func fuzzy(unOld: [Int], unNew: [Int], splitParts: inout [[Int]], mergeSources: inout [[Int]]) {
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
            var chosen = touched
            if chosen.count > k {
                chosen.sort { (evidence[$0], -abs($0 - pred[v])) > (evidence[$1], -abs($1 - pred[v])) }
                chosen.removeLast(chosen.count - k)
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
                let score = total > 0 ? 2 * ov.weight / total : 0
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
    }

    private func detectSplitsAndMerges(
        _ candidates: [Candidate], splitParts: inout [[Int]], mergeSources: inout [[Int]]
    ) {
        let gamma = ParagraphAligner.containmentThreshold
        // Splits: unpaired new units contained in an old unit.
        var splitCands = candidates.filter { c in
            matchNew[c.v] < 0 && c.massNew > 0 && c.overlapTokens >= 3
                && c.overlapWeight / c.massNew >= gamma && partCompatible(c.u, c.v)
        }
        splitCands.sort { a, b in
            let ca = a.overlapWeight / a.massNew, cb = b.overlapWeight / b.massNew
            if ca != cb { return ca > cb }
            if a.v != b.v { return a.v < b.v }
            return a.u < b.u
        }
        var remaining: [Int: TokenBag] = [:]
        var taken = Set<Int>()
        for c in splitCands where !taken.contains(c.v) {
            var rem = remaining[c.u] ?? {
                let b = bag(0, c.u)
                return matchOld[c.u] >= 0 ? b - bag(1, matchOld[c.u]) : b
            }()
            let bv = bag(1, c.v)
            let ov = bv.overlap(rem, weights)
            guard ov.tokens >= 3, ov.weight / c.massNew >= gamma else { continue }
            rem = rem - bv
            remaining[c.u] = rem
            taken.insert(c.v)
            splitParts[c.u].append(c.v)
        }
        var inSplit = Set<Int>()  // new units belonging to a split group
        for u in 0..<old.count where !splitParts[u].isEmpty {
            if matchOld[u] >= 0 || splitParts[u].count >= 2 {
                inSplit.formUnion(splitParts[u])
                if matchOld[u] >= 0 { inSplit.insert(matchOld[u]) }
            }
        }
        // Merges: unpaired old units contained in a new unit.
        var mergeCands = candidates.filter { c in
            matchOld[c.u] < 0 && splitParts[c.u].isEmpty && !inSplit.contains(c.v) && c.massOld > 0
                && c.overlapTokens >= 3 && c.overlapWeight / c.massOld >= gamma && partCompatible(c.u, c.v)
        }
        mergeCands.sort { a, b in
            let ca = a.overlapWeight / a.massOld, cb = b.overlapWeight / b.massOld
            if ca != cb { return ca > cb }
            if a.u != b.u { return a.u < b.u }
            return a.v < b.v
        }
        var remainingNew: [Int: TokenBag] = [:]
        var takenOld = Set<Int>()
        for c in mergeCands where !takenOld.contains(c.u) {
            var rem = remainingNew[c.v] ?? {
                let b = bag(1, c.v)
                return matchNew[c.v] >= 0 ? b - bag(0, matchNew[c.v]) : b
            }()
            let bu = bag(0, c.u)
            let ov = bu.overlap(rem, weights)
            guard ov.tokens >= 3, ov.weight / c.massOld >= gamma else { continue }
            rem = rem - bu
            remainingNew[c.v] = rem
            takenOld.insert(c.u)
            mergeSources[c.v].append(c.u)
        }
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

    private func group(_ kind: ChangeKind, _ olds: [Int], _ news: [Int]) -> AlignedGroup {
        if olds.count == 1 && news.count == 1 {
            let u = olds[0], v = news[0]
            if old[u].text == new[v].text {
                return AlignedGroup(kind: kind, old: olds, new: news, similarity: 1, script: [], textChanged: false)
            }
            let a = ids(0, u), b = ids(1, v)
            if a == b {
                return AlignedGroup(kind: kind, old: olds, new: news, similarity: 1, script: [], textChanged: false)
            }
            if !weightsReady { computeWeights(exactPairs: []) }
            let s = dice(bag(0, u), bag(1, v))
            return AlignedGroup(kind: kind, old: olds, new: news, similarity: s, script: diff(a, b), textChanged: true)
        }
        if !weightsReady { computeWeights(exactPairs: []) }
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

    private func buildGroups(splitParts: [[Int]], mergeSources: [[Int]]) -> [AlignedGroup] {
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
    private func markMoves(_ primaries: [(u: Int, v: Int, group: Int)], _ groups: inout [AlignedGroup]) {
        var oldOf = [Int](repeating: -1, count: new.count)
        for p in primaries { oldOf[p.v] = p.u }
        func mark(_ list: [(u: Int, v: Int, group: Int)]) {
            let sorted = list.sorted { $0.v < $1.v }
            let keep = Set(LongestIncreasingSubsequence.indices(sorted.count) { sorted[$0].u })
            for (i, p) in sorted.enumerated() where !keep.contains(i) {
                let k = groups[p.group].kind
                if k == .unchanged || k == .modified { groups[p.group].kind = .moved }
            }
        }
        mark(primaries.filter { !new[$0.v].isSub })
        var byParent: [Int: [(u: Int, v: Int, group: Int)]] = [:]
        for p in primaries where new[p.v].isSub {
            let parent = new[p.v].parent ?? -1
            byParent[parent, default: []].append(p)
            // A sub-paragraph whose parent changed has moved.
            let oldParent = old[p.u].isSub ? (old[p.u].parent ?? -1) : -1
            let parentPartner = oldParent >= 0 && oldParent < old.count ? matchOld[oldParent] : -1
            if parent >= 0 && parentPartner != parent {
                let k = groups[p.group].kind
                if k == .unchanged || k == .modified { groups[p.group].kind = .moved }
            }
        }
        for key in byParent.keys.sorted() { mark(byParent[key]!) }
    }

    /// Reading order of the new revision; a deletion goes where the deleted unit stood.
    private func order(_ groups: [AlignedGroup]) -> [AlignedGroup] {
        var newOfOld = [Int](repeating: -1, count: old.count)
        for g in groups { for u in g.old { newOfOld[u] = g.new.min() ?? -1 } }
        // For each old index, the position just after the new counterpart of the closest preceding
        // matched old unit.
        var after = [Int](repeating: 0, count: old.count)
        var last = -1
        for u in 0..<old.count {
            after[u] = last + 1
            if newOfOld[u] >= 0 { last = max(last, newOfOld[u]) }
        }
        let keyed = groups.map { g -> (Int, Int, Int, AlignedGroup) in
            if let v = g.new.min() { return (v, 1, g.old.min() ?? -1, g) }
            let u = g.old[0]
            return (after[u], 0, u, g)
        }
        return keyed.sorted { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return a.2 < b.2
        }.map { $0.3 }
    }

    // MARK: - Rendering

    /// The concatenation of several units' texts as one tokenized text (joined by line breaks).
    func joinedTokens(_ side: Int, _ indexes: [Int]) -> TokenizedText {
        if indexes.count == 1 { return tokens(side, indexes[0]) }
        return Tokenizer.tokenize(indexes.map { unit(side, $0).text }.joined(separator: "\n"))
    }

    func ids(_ side: Int, joined indexes: [Int]) -> [Int32] {
        indexes.flatMap { ids(side, $0) }
    }

    /// The public form of a group, with a cleaned-up word diff.
    func change(for g: AlignedGroup) -> Change {
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
