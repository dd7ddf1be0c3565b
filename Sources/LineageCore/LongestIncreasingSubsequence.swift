/// Longest strictly increasing subsequence by patience sorting: O(n log n) time, O(n) memory.
///
/// Used by the word diff (to keep the anchors that appear in the same order on both sides) and by
/// the paragraph aligner (to decide which matched clauses stayed in order; the others moved).
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
}
