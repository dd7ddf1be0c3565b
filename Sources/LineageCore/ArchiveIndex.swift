/// A flat, in-memory index of the archive's fingerprints (text hashes and bottom-k MinHash
/// sketches), parallel to the archive, so restoration candidates are found without touching the
/// clause records. Derived from the archive; kept with a ``LineageState`` in memory (never
/// encoded) and extended incrementally as clauses are archived.
///
/// Lookups go through postings (each MinHash value and text hash → the entries holding it), so a
/// lookup costs O(k + matching postings), not O(entries · k): an entry whose estimated Jaccard
/// similarity reaches any positive threshold shares at least one MinHash value with the query,
/// so the postings find exactly the entries a full scan would.
///
/// Entries are numbered by a serial in the order they were archived; the archive keeps that
/// order (clauses are appended, and removed only when restored), so an entry's position is the
/// rank of its serial among the live ones (binary search). Postings of removed entries are left
/// in place and skipped.
struct ArchiveIndex: Sendable {
    /// `ClauseSketch.size` hashes per entry, padded with `UInt64.max`.
    private(set) var minHashes: [UInt64] = []
    private(set) var textHashes: [UInt64] = []
    /// Each entry's serial, ascending (parallel to the archive).
    private var serials: [Int] = []
    private var nextSerial = 0
    /// MinHash values and text hashes → serials of the entries holding them.
    private var postings: [UInt64: [Int]] = [:]

    var count: Int { textHashes.count }

    init() {}

    /// Indexes `archive`. O(archive text) when the records carry no sketch.
    init(_ archive: [ClauseRecord]) {
        minHashes.reserveCapacity(archive.count * ClauseSketch.size)
        textHashes.reserveCapacity(archive.count)
        serials.reserveCapacity(archive.count)
        for r in archive { append(r.sketch ?? ClauseSketch(text: r.text)) }
    }

    /// Adds an entry at the end. O(k) amortised.
    mutating func append(_ s: ClauseSketch) {
        let serial = nextSerial
        nextSerial += 1
        serials.append(serial)
        textHashes.append(s.textHash)
        postings[s.textHash, default: []].append(serial)
        let k = ClauseSketch.size
        for i in 0..<k {
            if i < s.content.count {
                minHashes.append(s.content[i])
                postings[s.content[i], default: []].append(serial)  // `content` is distinct
            } else {
                minHashes.append(UInt64.max)
            }
        }
    }

    /// Removes the entries at `positions` (ascending, as in the archive). O(entries) moves of
    /// plain integers, no hashing.
    mutating func remove(at positions: [Int]) {
        let k = ClauseSketch.size
        for p in positions.reversed() {
            serials.remove(at: p)
            textHashes.remove(at: p)
            minHashes.removeSubrange((p * k)..<((p + 1) * k))
        }
    }

    /// The position of the live entry with this serial, if any. O(log entries).
    private func position(of serial: Int) -> Int? {
        var lo = 0, hi = serials.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if serials[mid] < serial { lo = mid + 1 } else { hi = mid }
        }
        return lo < serials.count && serials[lo] == serial ? lo : nil
    }

    /// Positions of the entries whose text hash equals the sketch's or whose estimated Jaccard
    /// similarity (bottom-k MinHash) reaches `threshold` (> 0), ascending. O(k + P·(log entries
    /// + k)) for P postings shared with the query.
    func candidates(for s: ClauseSketch, threshold: Double) -> [Int] {
        precondition(threshold > 0, "a zero threshold matches entries sharing no hash")
        let k = ClauseSketch.size
        let nb = min(s.content.count, k)
        var found = Set<Int>()
        for serial in postings[s.textHash] ?? [] { found.insert(serial) }
        for i in 0..<nb { for serial in postings[s.content[i]] ?? [] { found.insert(serial) } }
        var out: [Int] = []
        s.content.withUnsafeBufferPointer { b in
            minHashes.withUnsafeBufferPointer { all in
                for e in found.compactMap(position(of:)).sorted() {
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
