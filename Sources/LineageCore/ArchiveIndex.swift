/// A flat, in-memory index of the archive's fingerprints (text hashes and bottom-k MinHash
/// sketches), so that looking for restoration candidates scans contiguous integers instead of
/// clause records. Derived from the archive; kept with a ``LineageState`` in memory (never
/// encoded) and extended incrementally as clauses are archived.
struct ArchiveIndex: Sendable {
    /// `ClauseSketch.size` hashes per entry, padded with `UInt64.max`.
    private(set) var minHashes: [UInt64] = []
    private(set) var textHashes: [UInt64] = []

    var count: Int { textHashes.count }

    init() {}

    init(_ archive: [ClauseRecord]) {
        minHashes.reserveCapacity(archive.count * ClauseSketch.size)
        textHashes.reserveCapacity(archive.count)
        for r in archive { append(r.sketch ?? ClauseSketch(text: r.text)) }
    }

    mutating func append(_ s: ClauseSketch) {
        textHashes.append(s.textHash)
        let k = ClauseSketch.size
        for i in 0..<k { minHashes.append(i < s.content.count ? s.content[i] : UInt64.max) }
    }

    /// Keeps only the entries whose `keep` flag is set.
    mutating func filter(_ keep: [Bool]) {
        let k = ClauseSketch.size
        var m: [UInt64] = []
        var t: [UInt64] = []
        m.reserveCapacity(minHashes.count)
        t.reserveCapacity(textHashes.count)
        for e in 0..<textHashes.count where keep[e] {
            t.append(textHashes[e])
            m.append(contentsOf: minHashes[(e * k)..<((e + 1) * k)])
        }
        minHashes = m
        textHashes = t
    }

    /// Entries whose text hash equals the sketch's or whose estimated Jaccard similarity
    /// (bottom-k MinHash) reaches `threshold`. O(entries · k).
    func candidates(for s: ClauseSketch, threshold: Double) -> [Int] {
        let k = ClauseSketch.size
        let nb = min(s.content.count, k)
        var out: [Int] = []
        s.content.withUnsafeBufferPointer { b in
            minHashes.withUnsafeBufferPointer { all in
                for e in 0..<textHashes.count {
                    if textHashes[e] == s.textHash {
                        out.append(e)
                        continue
                    }
                    // Sketches shorter than k are padded with UInt64.max.
                    let a = UnsafeBufferPointer(rebasing: all[(e * k)..<((e + 1) * k)])
                    var na = k
                    while na > 0 && a[na - 1] == UInt64.max { na -= 1 }
                    let (both, seen) = ClauseSketch.bottomK(a, na, b, nb)
                    if seen > 0 && Double(both) >= threshold * Double(seen) { out.append(e) }
                }
            }
        }
        return out
    }
}
