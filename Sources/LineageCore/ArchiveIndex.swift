/// A flat, in-memory index of the archive's fingerprints (text hashes and bottom-k MinHash
/// sketches), parallel to the archive, so restoration candidates are found without touching the
/// clause records. Derived from the archive; kept with a ``LineageState`` in memory (never
/// encoded) and extended incrementally as clauses are archived.
///
/// Lookups go through postings (each MinHash value and text hash → the entries holding it), with
/// prefix filtering: an entry whose estimated Jaccard similarity reaches `threshold` shares at
/// least m = ⌈threshold · n⌉ of the query's n MinHash values (the estimate's denominator is at
/// least n), so it holds at least one of any n − m + 1 of them. The m − 1 values with the longest
/// postings (the commonest words) are skipped, and the entries found in the other postings are
/// checked exactly: the same entries a full scan finds, for O(k + shorter postings) instead of
/// O(entries · k).
///
/// Entries are numbered by a serial in the order they were archived, and postings hold serials;
/// `positions` maps a serial to the entry's place in the archive (-1 once removed), updated when
/// restored clauses leave the archive (O(entries) integer updates, rare). Postings of removed
/// entries are left in place and skipped.
struct ArchiveIndex: Sendable {
    /// `ClauseSketch.size` hashes per entry, padded with `UInt64.max`.
    private(set) var minHashes: [UInt64] = []
    private(set) var textHashes: [UInt64] = []
    /// Serial → position in the archive, or -1 for a removed entry.
    private var positions: [Int32] = []
    /// Position → serial.
    private var serials: [Int32] = []
    /// MinHash values and text hashes → serials of the entries holding them.
    private var postings: [UInt64: [Int32]] = [:]

    var count: Int { textHashes.count }

    init() {}

    /// Indexes `archive`. O(archive text) when the records carry no sketch.
    init(_ archive: [ClauseRecord]) {
        minHashes.reserveCapacity(archive.count * ClauseSketch.size)
        textHashes.reserveCapacity(archive.count)
        positions.reserveCapacity(archive.count)
        serials.reserveCapacity(archive.count)
        for r in archive { append(r.sketch ?? ClauseSketch(text: r.text)) }
    }

    /// Adds an entry at the end. O(k) amortised.
    mutating func append(_ s: ClauseSketch) {
        let serial = Int32(positions.count)
        positions.append(Int32(serials.count))
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

    /// Removes the entries at `entries` (positions, ascending, as in the archive). O(entries
    /// after the first removed) moves of plain integers, no hashing.
    mutating func remove(at entries: [Int]) {
        let k = ClauseSketch.size
        guard let first = entries.first else { return }
        for p in entries.reversed() {
            positions[Int(serials[p])] = -1
            serials.remove(at: p)
            textHashes.remove(at: p)
            minHashes.removeSubrange((p * k)..<((p + 1) * k))
        }
        for p in first..<serials.count { positions[Int(serials[p])] = Int32(p) }
    }

    /// Positions of the entries whose text hash equals the sketch's or whose estimated Jaccard
    /// similarity (bottom-k MinHash) reaches `threshold` (> 0), ascending. O(k + P log P + F·k)
    /// for the P postings walked and the F distinct entries they find.
    func candidates(for s: ClauseSketch, threshold: Double) -> [Int] {
        precondition(threshold > 0, "a zero threshold matches entries sharing no hash")
        let k = ClauseSketch.size
        let nb = min(s.content.count, k)
        var lists: [[Int32]] = []
        if nb > 0 {
            let shared = max(1, Int((threshold * Double(nb)).rounded(.up)))
            lists = (0..<nb).map { postings[s.content[$0]] ?? [] }.sorted { $0.count < $1.count }
            lists.removeLast(shared - 1)
        }
        lists.append(postings[s.textHash] ?? [])
        var found: [Int] = []
        for list in lists {
            for serial in list {
                let p = positions[Int(serial)]
                if p >= 0 { found.append(Int(p)) }
            }
        }
        found.sort()
        found.removeDuplicates()
        var out: [Int] = []
        s.content.withUnsafeBufferPointer { b in
            minHashes.withUnsafeBufferPointer { all in
                for e in found {
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

extension Array where Element: Equatable {
    /// Removes the elements equal to the one before them (all duplicates, once sorted). O(n).
    mutating func removeDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for i in 1..<count where self[i] != self[kept - 1] {
            self[kept] = self[i]
            kept += 1
        }
        removeLast(count - kept)
    }
}
