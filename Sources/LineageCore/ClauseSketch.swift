/// A text hash, the token keys and a bottom-k MinHash of a clause's content tokens, to find
/// restoration candidates in a large archive without tokenizing it again.
struct ClauseSketch: Sendable {
    static let size = 16
    var textHash: UInt64
    var keys: [UInt64]
    /// Distinct content-token hashes, sorted; the first `size` are the MinHash sketch.
    var content: [UInt64]

    init(text: String) {
        textHash = TokenHash.text(text)
        keys = Tokenizer.keys(text)
        var content: [UInt64] = []
        content.reserveCapacity(keys.count)
        for k in keys where !StopWords.isWeak(k) { content.append(k &* 0x9e37_79b9_7f4a_7c15) }
        content.sort()
        var out: [UInt64] = []
        out.reserveCapacity(content.count)
        for k in content where out.last != k { out.append(k) }
        self.content = out
    }

    /// Exact Jaccard similarity of the two content-token sets.
    func exactJaccard(_ o: ClauseSketch) -> Double {
        let a = content, b = o.content
        var i = 0, j = 0, both = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if b[j] < a[i] {
                j += 1
            } else {
                both += 1
                i += 1
                j += 1
            }
        }
        let union = a.count + b.count - both
        return union == 0 ? 0 : Double(both) / Double(union)
    }

    /// Compares two sorted lists of hashes (the first `na` of `a`, the first `nb` of `b`) as
    /// bottom-k MinHash sketches: of the ``size`` smallest hashes of their union, how many are in
    /// both, and how many were looked at. `both / seen` estimates the Jaccard similarity. O(k).
    @inline(__always)
    static func bottomK(
        _ a: UnsafeBufferPointer<UInt64>, _ na: Int, _ b: UnsafeBufferPointer<UInt64>, _ nb: Int
    ) -> (both: Int, seen: Int) {
        var i = 0, j = 0, seen = 0, both = 0
        while seen < size && (i < na || j < nb) {
            if j == nb || (i < na && a[i] < b[j]) {
                i += 1
            } else if i == na || b[j] < a[i] {
                j += 1
            } else {
                both += 1
                i += 1
                j += 1
            }
            seen += 1
        }
        return (both, seen)
    }
}
