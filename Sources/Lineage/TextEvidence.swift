import Foundation
import GitStore
import LineageCore
import ResolutionText

/// What ``Ancestry`` weighs of one revision's text, computed once per text: the resolutions its
/// preamble cites and the set of its word 4-grams (four words in a row, case and punctuation
/// aside, each hashed to 64 bits with FNV-1a, the same in every process).
///
/// A build computes it for each input while reading it (``InputSummary``), and keeps it for each
/// stored revision in ``TextEvidenceCache`` beside the repository, so that adding a session
/// reads no stored document again.
struct TextEvidence: Sendable, Equatable {
    /// ``ResolutionText/Resolution/citedResolutions()`` of the text.
    var citations: [String]
    /// The distinct word 4-grams of the paragraphs' text, sorted.
    var grams: [UInt64]

    init(citations: [String], grams: [UInt64]) {
        self.citations = citations
        self.grams = grams
    }

    /// The evidence of a resolution's text.
    ///
    /// Complexity: O(length of the text) to hash, O(g log g) to sort g grams.
    init(_ resolution: Resolution) {
        citations = resolution.citedResolutions()
        grams = Self.fourGrams(resolution.paragraphs.lazy.map(\.text))
    }

    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// The distinct word 4-grams of `texts` read as one run of words (a gram may span two
    /// paragraphs), sorted. A word is a run of letters and digits (a combining mark stays with
    /// the letter before it), lowercased.
    ///
    /// Complexity: O(n) for n characters, plus O(g log g) to sort the grams.
    static func fourGrams<S: Sequence>(_ texts: S) -> [UInt64] where S.Element == String {
        var words: [UInt64] = []
        var word: [UInt8] = []
        var ascii = true
        func flush() {
            guard !word.isEmpty else { return }
            if ascii {
                words.append(fnv(word, seed: fnvBasis))
            } else {
                words.append(fnv(String(decoding: word, as: UTF8.self).lowercased().utf8, seed: fnvBasis))
            }
            word.removeAll(keepingCapacity: true)
            ascii = true
        }
        for text in texts {
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if v < 0x80 {
                    let b = UInt8(v)
                    switch b {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(b)
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(b + 32)
                    default: flush()
                    }
                    continue
                }
                let p = scalar.properties
                let mark = p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark
                if p.isAlphabetic || p.numericType != nil || (mark && !word.isEmpty) {
                    ascii = false
                    word.append(contentsOf: String(scalar).utf8)
                } else {
                    flush()
                }
            }
            flush()
        }
        guard words.count >= 4 else { return [] }
        var out: [UInt64] = []
        out.reserveCapacity(words.count - 3)
        for i in 0...(words.count - 4) {
            var h = fnvBasis
            for w in words[i..<(i + 4)] { h = (h ^ w) &* fnvPrime }
            out.append(h)
        }
        out.sortAndRemoveDuplicates()
        return out
    }

    /// FNV-1a: a hash that is the same in every process (Swift's `Hasher` is seeded per run).
    static func fnv<S: Sequence>(_ bytes: S, seed: UInt64) -> UInt64 where S.Element == UInt8 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* fnvPrime }
        return h
    }
}

/// The ``TextEvidence`` of stored revisions, by the tree of their document (one tree, one
/// document), kept in one file in the repository's git directory (`lineage-evidence`, not a
/// git object: `git fsck` and clones ignore it). A cache only: a missing, damaged or
/// other-version file is read as empty, and the evidence it lacks is computed from the
/// documents again.
///
/// Format: the magic line, the rules line, then per entry the tree id (20 bytes), the number of citations
/// (UInt32), each citation (UInt16 length, UTF-8), the number of grams (UInt32) and the grams
/// (UInt64), little-endian.
struct TextEvidenceCache {
    static let fileName = "lineage-evidence"
    /// The first line: the format, then the version of ``Ancestry``'s rules that last built the
    /// repository (a cache written by other rules is read, but their parents are not reused).
    static let magic = Array("lineage text evidence 1\n".utf8)
    static let rules = Array("ancestry rules 2\n".utf8)

    var entries: [ObjectID: TextEvidence] = [:]
    /// True when the cache was written by a build with these rules: the stored parents are theirs.
    var sameRules = false

    static func path(gitDirectory: String) -> String {
        (gitDirectory as NSString).appendingPathComponent(fileName)
    }

    /// Reads the cache of a repository; empty when there is none or it cannot be read.
    ///
    /// Complexity: O(size of the file).
    static func load(gitDirectory: String) -> TextEvidenceCache {
        var cache = TextEvidenceCache()
        guard let data = FileManager.default.contents(atPath: path(gitDirectory: gitDirectory)) else { return cache }
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard raw.count >= magic.count, Array(raw[0..<magic.count]) == magic else { return }
            var at = magic.count
            if raw.count >= at + rules.count, Array(raw[at..<(at + rules.count)]) == rules {
                cache.sameRules = true
            }
            guard let lineEnd = raw[at...].firstIndex(of: UInt8(ascii: "\n")) else { return }
            at = lineEnd + 1
            func take(_ n: Int) -> UnsafeRawBufferPointer? {
                guard at + n <= raw.count else { return nil }
                defer { at += n }
                return UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)])
            }
            func u32() -> Int? { take(4).map { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) } }
            let digits = Array("0123456789abcdef".utf8)
            func hex(_ bytes: UnsafeRawBufferPointer) -> String {
                var out: [UInt8] = []
                out.reserveCapacity(40)
                for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
                return String(decoding: out, as: UTF8.self)
            }
            var entries: [ObjectID: TextEvidence] = [:]
            while at < raw.count {
                guard let idBytes = take(20), let id = ObjectID(hex: hex(idBytes)),
                    let citationCount = u32()
                else { return }
                var citations: [String] = []
                for _ in 0..<citationCount {
                    guard let length = take(2).map({ Int(UInt16(littleEndian: $0.loadUnaligned(as: UInt16.self))) }),
                        let text = take(length)
                    else { return }
                    citations.append(String(decoding: text, as: UTF8.self))
                }
                guard let gramCount = u32(), let gramBytes = take(gramCount * 8) else { return }
                let grams = (0..<gramCount).map { UInt64(littleEndian: gramBytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
                entries[id] = TextEvidence(citations: citations, grams: grams)
            }
            cache.entries = entries
        }
        return cache
    }

    /// Writes the cache (to a temporary file renamed into place, so a reader never sees half of
    /// it). A failure is ignored: the next build computes what is missing.
    ///
    /// Complexity: O(size of the entries).
    func save(gitDirectory: String) {
        var out = Self.magic + Self.rules
        out.reserveCapacity(entries.values.reduce(out.count) { $0 + 32 + 8 * $1.grams.count + 16 * $1.citations.count })
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out.append(contentsOf: $0) } }
        for (id, evidence) in entries.sorted(by: { $0.key < $1.key }) {
            out.append(contentsOf: id.bytes)
            u32(evidence.citations.count)
            for c in evidence.citations {
                let bytes = Array(c.utf8.prefix(Int(UInt16.max)))
                withUnsafeBytes(of: UInt16(bytes.count).littleEndian) { out.append(contentsOf: $0) }
                out.append(contentsOf: bytes)
            }
            u32(evidence.grams.count)
            for g in evidence.grams { withUnsafeBytes(of: g.littleEndian) { out.append(contentsOf: $0) } }
        }
        let target = Self.path(gitDirectory: gitDirectory)
        let temporary = target + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(out)) else { return }
        if rename(temporary, target) != 0 { unlink(temporary) }
    }
}

/// How many groups of texts (series) hold each word 4-gram: an open-addressing hash table keyed
/// by the grams themselves (already FNV hashes, so their bits index it; no rehashing through
/// `Hasher`), each with its count of distinct groups and the first ``remembered`` of them (a
/// group already counted is not counted again; past ``remembered`` groups the gram is boilerplate
/// whatever the count, and the count goes on by group changes only).
///
/// Complexity: O(1) expected per lookup and increment; grows by doubling at a load of 1/2.
struct GramCounts {
    /// How many distinct groups each gram remembers: ``Ancestry/boilerplateSeries``, the count
    /// above which a gram is boilerplate, is all a decision needs to know exactly.
    static let remembered = Int(Ancestry.boilerplateSeries)

    private var keys: [UInt64]
    private var counts: [UInt32]
    /// ``remembered`` slots per gram: the groups counted (-1: none).
    private var groups: [Int32]
    private var used = 0
    private var mask: Int
    /// The gram 0 (which marks an empty slot) is counted apart.
    private var zeroCount: UInt32 = 0
    private var zeroGroups: [Int32] = Array(repeating: -1, count: GramCounts.remembered)

    init(capacity: Int = 1 << 16) {
        var size = 1
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        counts = Array(repeating: 0, count: size)
        groups = Array(repeating: -1, count: size * Self.remembered)
        mask = size - 1
    }

    /// How many groups hold `gram` (exactly up to ``remembered``).
    func count(_ gram: UInt64) -> UInt32 {
        if gram == 0 { return zeroCount }
        var i = Int(truncatingIfNeeded: gram ^ (gram >> 29)) & mask
        while true {
            let k = keys[i]
            if k == gram { return counts[i] }
            if k == 0 { return 0 }
            i = (i + 1) & mask
        }
    }

    /// Counts `group` as holding `gram` unless it is counted already; returns the count.
    mutating func increment(_ gram: UInt64, from group: Int32) -> UInt32 {
        if gram == 0 {
            Self.add(group, to: &zeroGroups, at: 0, count: &zeroCount)
            return zeroCount
        }
        if (used + 1) * 2 > keys.count { grow() }
        var i = Int(truncatingIfNeeded: gram ^ (gram >> 29)) & mask
        while true {
            let k = keys[i]
            if k == gram {
                Self.add(group, to: &groups, at: i * Self.remembered, count: &counts[i])
                return counts[i]
            }
            if k == 0 {
                keys[i] = gram
                counts[i] = 1
                groups[i * Self.remembered] = group
                used += 1
                return 1
            }
            i = (i + 1) & mask
        }
    }

    /// Counts `group` in the ``remembered`` slots at `start` of `slots` unless it is there;
    /// past them, counts a group other than the last one remembered.
    @inline(__always)
    private static func add(_ group: Int32, to slots: inout [Int32], at start: Int, count: inout UInt32) {
        for j in start..<(start + remembered) {
            if slots[j] == group { return }
            if slots[j] == -1 {
                slots[j] = group
                count += 1
                return
            }
        }
        // Boilerplate already (more than `remembered` groups): the count no longer matters.
        if count <= UInt32(remembered) { count += 1 }
    }

    private mutating func grow() {
        let (oldKeys, oldCounts, oldGroups) = (keys, counts, groups)
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        counts = Array(repeating: 0, count: oldKeys.count * 2)
        groups = Array(repeating: -1, count: oldKeys.count * 2 * Self.remembered)
        mask = keys.count - 1
        for j in oldKeys.indices where oldKeys[j] != 0 {
            let k = oldKeys[j]
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            counts[i] = oldCounts[j]
            for r in 0..<Self.remembered { groups[i * Self.remembered + r] = oldGroups[j * Self.remembered + r] }
        }
    }
}
