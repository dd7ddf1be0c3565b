/// The multiset of content-token ids of one text, sorted by id. Used on the aligner's hot path,
/// where token keys are interned to dense ids and weights live in an array.
struct TokenBag: Sendable {
    var ids: [Int32] = []
    var counts: [Int32] = []

    var isEmpty: Bool { ids.isEmpty }
    var distinct: Int { ids.count }

    /// Builds the bag of `tokens`, skipping ids flagged weak (stop words, punctuation).
    init(_ tokens: [Int32], weak: [Bool]) {
        var content: [Int32] = []
        content.reserveCapacity(tokens.count)
        weak.withUnsafeBufferPointer { w in
            for t in tokens where !w[Int(t)] { content.append(t) }
        }
        content.sort()
        ids.reserveCapacity(content.count)
        counts.reserveCapacity(content.count)
        var i = 0
        while i < content.count {
            var j = i + 1
            while j < content.count && content[j] == content[i] { j += 1 }
            ids.append(content[i])
            counts.append(Int32(j - i))
            i = j
        }
    }

    init() {}

    /// Multiset sum.
    static func + (a: TokenBag, b: TokenBag) -> TokenBag {
        var r = TokenBag()
        var i = 0, j = 0
        while i < a.ids.count || j < b.ids.count {
            if j == b.ids.count || (i < a.ids.count && a.ids[i] < b.ids[j]) {
                r.ids.append(a.ids[i]); r.counts.append(a.counts[i]); i += 1
            } else if i == a.ids.count || b.ids[j] < a.ids[i] {
                r.ids.append(b.ids[j]); r.counts.append(b.counts[j]); j += 1
            } else {
                r.ids.append(a.ids[i]); r.counts.append(a.counts[i] + b.counts[j]); i += 1; j += 1
            }
        }
        return r
    }

    /// Multiset difference (counts floored at 0).
    static func - (a: TokenBag, b: TokenBag) -> TokenBag {
        var r = TokenBag()
        var j = 0
        for i in 0..<a.ids.count {
            while j < b.ids.count && b.ids[j] < a.ids[i] { j += 1 }
            var c = a.counts[i]
            if j < b.ids.count && b.ids[j] == a.ids[i] { c -= b.counts[j] }
            if c > 0 {
                r.ids.append(a.ids[i])
                r.counts.append(c)
            }
        }
        return r
    }

    func mass(_ w: [Float]) -> Double {
        var s: Float = 0
        for i in 0..<ids.count { s += w[Int(ids[i])] * Float(counts[i]) }
        return Double(s)
    }

    /// Σ w·min(count) and the number of shared token occurrences.
    func overlap(_ b: TokenBag, _ w: [Float]) -> (weight: Double, tokens: Int) {
        var s: Float = 0
        var n = 0
        var i = 0, j = 0
        while i < ids.count && j < b.ids.count {
            let x = ids[i], y = b.ids[j]
            if x < y {
                i += 1
            } else if y < x {
                j += 1
            } else {
                let c = min(counts[i], b.counts[j])
                s += w[Int(x)] * Float(c)
                n += Int(c)
                i += 1
                j += 1
            }
        }
        return (Double(s), n)
    }
}
