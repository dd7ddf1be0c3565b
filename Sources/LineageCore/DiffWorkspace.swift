/// Scratch space for the diff, reused across the diffs of one alignment so that the per-token
/// counters (indexed by dense token id) are allocated once.
struct DiffWorkspace {
    private var countA: [Int32] = []
    private var countB: [Int32] = []
    private var posB: [Int32] = []
    private var touched: [Int32] = []
    private var table: [Int32] = []
    private var out: [EditRun] = []

    private mutating func ensure(_ vocabulary: Int) {
        if countA.count < vocabulary {
            let n = max(vocabulary, countA.count * 2)
            countA = Array(repeating: 0, count: n)
            countB = Array(repeating: 0, count: n)
            posB = Array(repeating: 0, count: n)
        }
    }

    /// The raw (uncleaned) script from `a` to `b`; ids must be in `0..<vocabulary`.
    mutating func diff(_ a: [Int32], _ b: [Int32], vocabulary: Int) -> [EditRun] {
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
    private mutating func emit(_ op: WordOp, _ count: Int) {
        guard count > 0 else { return }
        if let last = out.last, last.op == op {
            out[out.count - 1].count += count
        } else {
            out.append(EditRun(op: op, count: count))
        }
    }

    private mutating func solve(
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

    private mutating func middle(
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
        // No anchor to recurse on (or too deep): an exact LCS of a small window, else replace it.
        func fallback() {
            if cells <= WordDiff.smallWindowCells {
                lcs(a, b, aLo, aHi, bLo, bHi)
            } else {
                emit(.delete, n)
                emit(.insert, m)
            }
        }
        if depth >= WordDiff.maximumDepth {
            fallback()
            return
        }
        let chain = anchorChain(a, b, aLo, aHi, bLo, bHi)
        if chain.isEmpty {
            fallback()
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

    /// Tokens unique in both ranges, as (old position, new position) pairs, reduced to the chain
    /// increasing on both sides that keeps the most tokens of the runs of equal tokens around its
    /// anchors (``LongestIncreasingSubsequence/heaviest(_:keyBound:key:weight:)``).
    /// O(n + m + k log m) for k anchors.
    private mutating func anchorChain(
        _ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
        _ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int
    ) -> [(Int, Int)] {
        touched.removeAll(keepingCapacity: true)
        for i in aLo..<aHi {
            let id = Int(a[i])
            if countA[id] == 0 { touched.append(Int32(id)) }
            countA[id] &+= 1
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
        // Weigh each anchor by the length of the run of equal tokens around it, so that anchors in
        // kept phrases win over chance matches of single words.
        var weights = [Int](repeating: 1, count: pairs.count)
        var runStart = -1, runEnd = -1, runDiagonal = Int.min, runLength = 0
        for (k, (i, j)) in pairs.enumerated() {
            if i - j == runDiagonal && i >= runStart && i < runEnd {
                weights[k] = runLength
                continue
            }
            var s = 0
            while i - s - 1 >= aLo && j - s - 1 >= bLo && a[i - s - 1] == b[j - s - 1] { s += 1 }
            var e = 1
            while i + e < aHi && j + e < bHi && a[i + e] == b[j + e] { e += 1 }
            runStart = i - s
            runEnd = i + e
            runDiagonal = i - j
            runLength = s + e
            weights[k] = runLength
        }
        let chain = LongestIncreasingSubsequence.heaviest(
            pairs.count, keyBound: bHi - bLo, key: { pairs[$0].1 - bLo }, weight: { weights[$0] })
        return chain.map { pairs[$0] }
    }

    /// Exact LCS by a table over suffixes, preferring, among alignments with the same number of
    /// kept tokens, those with fewer separate runs (score 2·kept − runs), which keeps phrases
    /// together; deletions are listed before insertions.
    private mutating func lcs(
        _ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
        _ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int
    ) {
        let n = aHi - aLo, m = bHi - bLo
        let w = m + 1
        let size = (n + 1) * w
        var scratch = table
        table = []
        defer { table = scratch }
        if scratch.count < 2 * size { scratch = Array(repeating: 0, count: 2 * size) }
        // t[k] : best score from (i, j) when the previous step was not a match;
        // t[size + k] : when it was (continuing a run is free).
        scratch.withUnsafeMutableBufferPointer { t in
            for j in 0...m {
                t[n * w + j] = 0
                t[size + n * w + j] = 0
            }
            var i = n - 1
            while i >= 0 {
                t[i * w + m] = 0
                t[size + i * w + m] = 0
                var j = m - 1
                let ai = a[aLo + i]
                while j >= 0 {
                    let k = i * w + j
                    let d = t[k + w], r = t[k + 1]
                    let skip = d >= r ? d : r
                    if ai == b[bLo + j] {
                        let cont = t[size + k + w + 1] &+ 2
                        t[k] = max(cont &- 1, skip)
                        t[size + k] = max(cont, skip)
                    } else {
                        t[k] = skip
                        t[size + k] = skip
                    }
                    j -= 1
                }
                i -= 1
            }
            var i2 = 0, j2 = 0
            var afterMatch = false
            while i2 < n && j2 < m {
                let k = i2 * w + j2
                let here = t[(afterMatch ? size : 0) + k]
                if a[aLo + i2] == b[bLo + j2] && t[size + k + w + 1] &+ (afterMatch ? 2 : 1) == here {
                    emit(.equal, 1)
                    i2 += 1
                    j2 += 1
                    afterMatch = true
                } else if t[k + w] >= t[k + 1] {
                    emit(.delete, 1)
                    i2 += 1
                    afterMatch = false
                } else {
                    emit(.insert, 1)
                    j2 += 1
                    afterMatch = false
                }
            }
            emit(.delete, n - i2)
            emit(.insert, m - j2)
        }
    }
}
