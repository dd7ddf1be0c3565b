import Testing
@testable import LineageCore

/// The archive index's postings with prefix filtering must find exactly the entries a full scan
/// of every sketch finds (restorations, and so the stored lineage, depend on it).
@Suite struct ArchiveIndexTests {
    /// The definition: text hash equal, or estimated Jaccard similarity ≥ threshold.
    static func scan(_ sketches: [ClauseSketch], _ q: ClauseSketch, threshold: Double) -> [Int] {
        let k = ClauseSketch.size
        return sketches.indices.filter { e in
            if sketches[e].textHash == q.textHash { return true }
            let (both, seen) = sketches[e].content.withUnsafeBufferPointer { a in
                q.content.withUnsafeBufferPointer { b in
                    ClauseSketch.bottomK(a, min(a.count, k), b, min(b.count, k))
                }
            }
            return seen > 0 && Double(both) >= threshold * Double(seen)
        }
    }

    /// Paragraph texts of a synthetic series: a small vocabulary, many near-duplicates.
    static func texts(_ count: Int) -> [String] {
        var g = SyntheticGenerator(seed: 5)
        var out: [String] = []
        while out.count < count { out += g.next().0.paragraphs.map(\.text) }
        return Array(out.prefix(count))
    }

    @Test(arguments: [0.3, 0.5, 0.9])
    func postingsFindWhatAScanFinds(threshold: Double) {
        let texts = Self.texts(600)
        let archive = texts.prefix(400).enumerated().map { i, t in
            ClauseRecord(id: "a#\(i)", introduced: "a", lastChanged: "a", kind: .operative, text: t, origins: [])
        }
        var index = ArchiveIndex(archive)
        var sketches = archive.map { ClauseSketch(text: $0.text) }
        // Remove some entries, as restorations do, then append more.
        let removed = [3, 10, 11, 200, 399]
        index.remove(at: removed)
        for p in removed.reversed() { sketches.remove(at: p) }
        for t in texts[400..<500] {
            let s = ClauseSketch(text: t)
            index.append(s)
            sketches.append(s)
        }
        #expect(index.count == sketches.count)
        var nonTrivial = 0
        for t in texts[350..<600] + ["", "Calls upon", texts[0] + " and more"] {
            let q = ClauseSketch(text: t)
            let expected = Self.scan(sketches, q, threshold: threshold)
            #expect(index.candidates(for: q, threshold: threshold) == expected)
            if expected.count > 1 { nonTrivial += 1 }
        }
        #expect(nonTrivial > 10)
    }
}
