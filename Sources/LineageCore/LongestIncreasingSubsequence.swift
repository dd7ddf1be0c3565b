/// Longest strictly increasing subsequence by patience sorting: O(n log n) time, O(n) memory.
///
/// ``heaviest(_:keyBound:key:weight:)`` serves the word diff (the anchors in the same order on both
/// sides that keep the most text); ``indices`` the paragraph aligner (which matched clauses stayed
/// in order; the others moved).
enum LongestIncreasingSubsequence {
    /// Indexes `0..<count`, in increasing order, of a longest subsequence whose keys strictly
    /// increase. Among equally long subsequences the one ending with the smallest keys is chosen,
    /// which is deterministic.
    static func indices(_ count: Int, key: (Int) -> Int) -> [Int] {
        guard count > 0 else { return [] }
        var tailKeys: [Int] = []  // smallest tail key of an increasing run of each length
        var tailIndex: [Int] = []
        var previous = [Int](repeating: -1, count: count)
        tailKeys.reserveCapacity(count)
        tailIndex.reserveCapacity(count)
        for i in 0..<count {
            let k = key(i)
            var lo = 0, hi = tailKeys.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if tailKeys[mid] < k { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[i] = tailIndex[lo - 1] }
            if lo == tailKeys.count {
                tailKeys.append(k)
                tailIndex.append(i)
            } else {
                tailKeys[lo] = k
                tailIndex[lo] = i
            }
        }
        var result = [Int](repeating: 0, count: tailKeys.count)
        var cur = tailIndex[tailIndex.count - 1]
        var pos = result.count - 1
        while cur >= 0 {
            result[pos] = cur
            pos -= 1
            cur = previous[cur]
        }
        return result
    }

    /// Indexes `0..<count`, in increasing order, of a subsequence whose keys strictly increase and
    /// whose total weight is largest (keys must be distinct and in `0..<keyBound`). A Fenwick tree
    /// of prefix maxima makes this O(n log keyBound).
    static func heaviest(_ count: Int, keyBound: Int, key: (Int) -> Int, weight: (Int) -> Int) -> [Int] {
        guard count > 0 else { return [] }
        var tree = [Int](repeating: 0, count: keyBound + 1)  // best total ending at key ≤ position
        var treeAt = [Int](repeating: -1, count: keyBound + 1)  // element achieving it
        var previous = [Int](repeating: -1, count: count)
        var total = [Int](repeating: 0, count: count)
        var bestEnd = -1, bestTotal = Int.min
        for i in 0..<count {
            let k = key(i)
            // Query prefix max over keys < k.
            var q = k
            var best = 0, bestIdx = -1
            while q > 0 {
                if tree[q] > best {
                    best = tree[q]
                    bestIdx = treeAt[q]
                }
                q -= q & (-q)
            }
            total[i] = best + weight(i)
            previous[i] = bestIdx
            if total[i] > bestTotal {
                bestTotal = total[i]
                bestEnd = i
            }
            var u = k + 1
            while u <= keyBound {
                if total[i] > tree[u] {
                    tree[u] = total[i]
                    treeAt[u] = i
                }
                u += u & (-u)
            }
        }
        var out: [Int] = []
        var cur = bestEnd
        while cur >= 0 {
            out.append(cur)
            cur = previous[cur]
        }
        return out.reversed()
    }
}
