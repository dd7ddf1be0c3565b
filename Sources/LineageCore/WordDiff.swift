/// What a run of a word diff does.
public enum WordOp: String, Sendable, Hashable, Codable {
    case equal, insert, delete
}

/// A run of consecutive tokens with the same ``WordOp``.
///
/// ``text`` re-joins the run's tokens with the whitespace that preceded each of them (the first
/// one included), so concatenating the `equal` and `insert` runs of a diff gives the new text, and
/// concatenating the `equal` and `delete` runs gives the old text (up to whitespace differences
/// inside equal runs, which take the new text's spacing, and trailing whitespace).
public struct WordRun: Sendable, Hashable, Codable {
    public var op: WordOp
    public var text: String

    public init(op: WordOp, text: String) {
        self.op = op
        self.text = text
    }
}

/// A token-level edit step: `count` tokens kept (`equal`, consuming tokens of both sides),
/// removed from the old side (`delete`) or added from the new side (`insert`).
public struct EditRun: Sendable, Hashable, Codable {
    public var op: WordOp
    public var count: Int

    public init(op: WordOp, count: Int) {
        self.op = op
        self.count = count
    }
}

/// Word diff of two token sequences, in the style of patience/histogram diff.
///
/// Method: strip the common prefix and suffix; anchor on tokens that occur exactly once in both
/// remaining ranges, keep the longest chain of anchors that appear in the same order on both sides
/// (a longest increasing subsequence, found by patience sorting), and recurse into the gaps
/// between anchors, where tokens that were repeated in the whole range may now be unique. A gap
/// without any unique common token is solved exactly by a longest-common-subsequence table when
/// it is small (at most ``smallWindowCells`` cells), and otherwise reported as deleted and
/// re-inserted; recursion deeper than ``maximumDepth`` levels is handled the same way.
///
/// A readability pass (`cleanup: true`, the default for displayed diffs) then folds "chaff" into
/// the surrounding change: an equal run between two changes is absorbed when it is at most three
/// stop words or punctuation marks (`the`, `of`, `,` …), or when it is short compared with the
/// changes on both sides of it (at most a quarter of the smaller one). Inside each change the
/// deleted tokens are listed before the inserted ones.
///
/// Complexity: O((n + m) · d + k log k) time, where n and m are the token counts, d ≤
/// ``maximumDepth`` is the recursion depth actually reached and k the number of anchors, plus
/// O(√C · (n + m)) for the small-window tables (C = ``smallWindowCells``): linear in practice and
/// never quadratic. Memory O(n + m + V + C), V being the number of distinct tokens. A 10,000-word
/// paragraph rewritten completely, or 10,000 identical tokens, diff in about a millisecond.
public enum WordDiff {
    /// Recursion depth after which a gap is no longer searched for anchors.
    public static let maximumDepth = 32
    /// Largest n·m for which a gap without unique anchors is solved with an LCS table.
    public static let smallWindowCells = 16_384

    /// The word diff of two texts.
    public static func diff(_ old: String, _ new: String, cleanup: Bool = true) -> [WordRun] {
        diff(Tokenizer.tokenize(old), Tokenizer.tokenize(new), cleanup: cleanup)
    }

    /// The word diff of two tokenized texts.
    public static func diff(_ old: TokenizedText, _ new: TokenizedText, cleanup: Bool = true) -> [WordRun] {
        let s = script(old.keys, new.keys, cleanup: cleanup)
        return runs(script: s, old: old, new: new)
    }

    /// The token-level edit script turning `old` into `new` (token keys, see ``Token/key``).
    public static func script(_ old: [UInt64], _ new: [UInt64], cleanup: Bool = false) -> [EditRun] {
        var interner = KeyInterner(capacity: (old.count + new.count) / 2 + 8)
        let a = old.map { interner.intern($0) }
        let b = new.map { interner.intern($0) }
        let workspace = DiffWorkspace()
        let raw = workspace.diff(a, b, vocabulary: interner.count)
        guard cleanup else { return raw }
        let weak = interner.keys.map { StopWords.isWeak($0) }
        return clean(raw, old: a, weak: weak)
    }

    /// Renders a token-level script as runs of text (equal runs take the new side's spacing).
    public static func runs(script: [EditRun], old: TokenizedText, new: TokenizedText) -> [WordRun] {
        runs(script: script, old: old, oldRange: 0..<old.count, new: new, newRange: 0..<new.count)
    }

    static func runs(
        script: [EditRun], old: TokenizedText, oldRange: Range<Int>, new: TokenizedText,
        newRange: Range<Int>
    ) -> [WordRun] {
        var out: [WordRun] = []
        var i = oldRange.lowerBound, j = newRange.lowerBound
        func add(_ op: WordOp, _ text: String) {
            if let last = out.last, last.op == op {
                out[out.count - 1].text += text
            } else {
                out.append(WordRun(op: op, text: text))
            }
        }
        for r in script where r.count > 0 {
            switch r.op {
            case .equal:
                add(.equal, new.joined(j..<(j + r.count)))
                i += r.count
                j += r.count
            case .delete:
                add(.delete, old.joined(i..<(i + r.count)))
                i += r.count
            case .insert:
                add(.insert, new.joined(j..<(j + r.count)))
                j += r.count
            }
        }
        return out
    }

    /// The readability pass described in the type's documentation. `old` are the old side's token
    /// ids and `weak[id]` tells whether a token is a stop word or punctuation. O(runs).
    static func clean(_ script: [EditRun], old: [Int32], weak: [Bool]) -> [EditRun] {
        // Old-side start offset of every run, to inspect the tokens of equal runs.
        var out: [EditRun] = []
        var hunkDel = 0, hunkIns = 0
        var inHunk = false
        var oldPos = 0
        var k = 0
        func flushHunk() {
            if hunkDel > 0 { out.append(EditRun(op: .delete, count: hunkDel)) }
            if hunkIns > 0 { out.append(EditRun(op: .insert, count: hunkIns)) }
            hunkDel = 0
            hunkIns = 0
            inHunk = false
        }
        while k < script.count {
            let r = script[k]
            switch r.op {
            case .delete:
                hunkDel += r.count
                inHunk = true
                oldPos += r.count
            case .insert:
                hunkIns += r.count
                inHunk = true
            case .equal:
                // Size of the change right after this equal run.
                var nextChange = 0
                var q = k + 1
                while q < script.count, script[q].op != .equal {
                    nextChange += script[q].count
                    q += 1
                }
                var absorb = false
                if inHunk && nextChange > 0 {
                    let leftChange = hunkDel + hunkIns
                    if r.count <= 3 {
                        absorb = (oldPos..<(oldPos + r.count)).allSatisfy { weak[Int(old[$0])] }
                    }
                    if !absorb && r.count * 4 <= min(leftChange, nextChange) { absorb = true }
                }
                if absorb {
                    hunkDel += r.count
                    hunkIns += r.count
                } else {
                    flushHunk()
                    out.append(r)
                }
                oldPos += r.count
            }
            k += 1
        }
        flushHunk()
        return out
    }
}

/// Scratch space for the diff, reused across the diffs of one alignment so that the per-token
/// counters (indexed by dense token id) are allocated once.
final class DiffWorkspace {
    private var countA: [Int32] = []
    private var countB: [Int32] = []
    private var posA: [Int32] = []
    private var posB: [Int32] = []
    private var touched: [Int32] = []
    private var table: [UInt16] = []
    private var out: [EditRun] = []

    private func ensure(_ vocabulary: Int) {
        if countA.count < vocabulary {
            let n = max(vocabulary, countA.count * 2)
            countA = Array(repeating: 0, count: n)
            countB = Array(repeating: 0, count: n)
            posA = Array(repeating: 0, count: n)
            posB = Array(repeating: 0, count: n)
        }
    }

    /// The raw (uncleaned) script from `a` to `b`; ids must be in `0..<vocabulary`.
    func diff(_ a: [Int32], _ b: [Int32], vocabulary: Int) -> [EditRun] {
        ensure(vocabulary)
        out = []
        out.reserveCapacity(16)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                solve(pa, pb, 0, pa.count, 0, pb.count, depth: 0)
            }
        }
        let result = out
        out = []
        return result
    }

    @inline(__always)
    private func emit(_ op: WordOp, _ count: Int) {
        guard count > 0 else { return }
        if let last = out.last, last.op == op {
            out[out.count - 1].count += count
        } else {
            out.append(EditRun(op: op, count: count))
        }
    }

    private func solve(
        _ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
        _ aLo0: Int, _ aHi0: Int, _ bLo0: Int, _ bHi0: Int, depth: Int
    ) {
        var aLo = aLo0, aHi = aHi0, bLo = bLo0, bHi = bHi0
        var p = 0
        while aLo + p < aHi, bLo + p < bHi, a[aLo + p] == b[bLo + p] { p += 1 }
        emit(.equal, p)
        aLo += p
        bLo += p
        var s = 0
        while aHi - s > aLo, bHi - s > bLo, a[aHi - 1 - s] == b[bHi - 1 - s] { s += 1 }
        aHi -= s
        bHi -= s
        middle(a, b, aLo, aHi, bLo, bHi, depth: depth)
        emit(.equal, s)
    }

    private func middle(
        _ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
        _ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int, depth: Int
    ) {
        let n = aHi - aLo, m = bHi - bLo
        if n == 0 {
            emit(.insert, m)
            return
        }
        if m == 0 {
            emit(.delete, n)
            return
        }
        let cells = n * m
        if depth >= WordDiff.maximumDepth {
            if cells <= WordDiff.smallWindowCells {
                lcs(a, b, aLo, aHi, bLo, bHi)
            } else {
                emit(.delete, n)
                emit(.insert, m)
            }
            return
        }
        let chain = anchorChain(a, b, aLo, aHi, bLo, bHi)
        if chain.isEmpty {
            if cells <= WordDiff.smallWindowCells {
                lcs(a, b, aLo, aHi, bLo, bHi)
            } else {
                emit(.delete, n)
                emit(.insert, m)
            }
            return
        }
        var ca = aLo, cb = bLo
        for (i, j) in chain {
            solve(a, b, ca, i, cb, j, depth: depth + 1)
            emit(.equal, 1)
            ca = i + 1
            cb = j + 1
        }
        solve(a, b, ca, aHi, cb, bHi, depth: depth + 1)
    }

    /// Tokens unique in both ranges, as (old position, new position) pairs, reduced to the longest
    /// chain increasing on both sides. O(n + m + k log k).
    private func anchorChain(
        _ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
        _ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int
    ) -> [(Int, Int)] {
        touched.removeAll(keepingCapacity: true)
        for i in aLo..<aHi {
            let id = Int(a[i])
            if countA[id] == 0 { touched.append(Int32(id)) }
            countA[id] &+= 1
            posA[id] = Int32(i)
        }
        for j in bLo..<bHi {
            let id = Int(b[j])
            if countA[id] == 0 && countB[id] == 0 { touched.append(Int32(id)) }
            countB[id] &+= 1
            posB[id] = Int32(j)
        }
        var pairs: [(Int, Int)] = []
        for i in aLo..<aHi {
            let id = Int(a[i])
            if countA[id] == 1 && countB[id] == 1 { pairs.append((i, Int(posB[id]))) }
        }
        for id in touched {
            countA[Int(id)] = 0
            countB[Int(id)] = 0
        }
        if pairs.count <= 1 { return pairs }
        let chain = LongestIncreasingSubsequence.indices(pairs.count) { pairs[$0].1 }
        return chain.map { pairs[$0] }
    }

    /// Exact LCS by a table of suffix lengths; deletions are listed before insertions.
    private func lcs(
        _ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
        _ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int
    ) {
        let n = aHi - aLo, m = bHi - bLo
        let w = m + 1
        let size = (n + 1) * w
        if table.count < size { table = Array(repeating: 0, count: size) }
        table.withUnsafeMutableBufferPointer { t in
            for j in 0...m { t[n * w + j] = 0 }
            var i = n - 1
            while i >= 0 {
                t[i * w + m] = 0
                var j = m - 1
                let ai = a[aLo + i]
                while j >= 0 {
                    if ai == b[bLo + j] {
                        t[i * w + j] = t[(i + 1) * w + j + 1] &+ 1
                    } else {
                        let d = t[(i + 1) * w + j], r = t[i * w + j + 1]
                        t[i * w + j] = d >= r ? d : r
                    }
                    j -= 1
                }
                i -= 1
            }
            var i2 = 0, j2 = 0
            while i2 < n && j2 < m {
                if a[aLo + i2] == b[bLo + j2] {
                    emit(.equal, 1)
                    i2 += 1
                    j2 += 1
                } else if t[(i2 + 1) * w + j2] >= t[i2 * w + j2 + 1] {
                    emit(.delete, 1)
                    i2 += 1
                } else {
                    emit(.insert, 1)
                    j2 += 1
                }
            }
            emit(.delete, n - i2)
            emit(.insert, m - j2)
        }
    }
}
