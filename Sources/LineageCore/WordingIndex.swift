/// A paragraph's **wording**: its words, case and punctuation aside. Two paragraphs have the
/// same wording when their words, lower-cased, are the same in the same order, whatever their
/// punctuation, spacing, quotes or footnote marks.
///
/// Words are the ``Tokenizer``'s word and number tokens of the lower-cased text (`Secretary-General`,
/// `68/243` and `2004` are one word each; typographic apostrophes and hyphens read as their
/// ASCII forms); its punctuation tokens are left out.
///
/// For near matches a wording is also a set of **shingles**: the hashes of its runs of
/// ``shingleLength`` consecutive words (a wording shorter than that has one shingle: all its
/// words). Shingles find the candidates (``candidateShare``: the share of shingles in common, of
/// the larger set); the words decide. The **similarity** of two wordings is the share of words
/// they have in common in the same order, of the longer: `LCS(A, B) / max(|A|, |B|)` over their
/// words (``similarity(_:_:)``). It is 1 for the same wording only; one word changed in a
/// paragraph of 20 words gives 0.95, whatever its length, where the shingles would give 0.76 (a
/// changed word breaks up to ``shingleLength`` of them).
public struct Wording: Sendable, Hashable {
    /// The words' keys, in order.
    public let words: [UInt64]

    /// How many consecutive words make a shingle.
    public static let shingleLength = 4
    /// The similarity at or above which two wordings are the same "nearly": the default of
    /// `lineage origin --min-similarity` and what `blame` counts as first seen elsewhere: at most
    /// one word in ten changed, added or left out.
    public static let nearThreshold = 0.9
    /// The share of shingles in common (of the larger set) from which a wording is a candidate
    /// whose words are compared: one word changed in 12 words still leaves 5 of 9 shingles.
    public static let candidateShare = 0.5
    /// The similarity a near wording is given at most: below 1, so that only the same words
    /// read as 100%.
    public static let belowExact = 0.999

    /// The similarity of two wordings (see the type's documentation): the longest common
    /// subsequence of their words, of the longer one; 1 only for the same words in the same order.
    ///
    /// - Complexity: O(|a|·|b|) time, O(|b|) memory.
    public static func similarity(_ a: Wording, _ b: Wording) -> Double {
        if a.words == b.words { return a.words.isEmpty ? 0 : 1 }
        let (x, y) = (a.words, b.words)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var previous = [Int32](repeating: 0, count: y.count + 1)
        var current = previous
        for i in 1...x.count {
            for j in 1...y.count {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return min(Double(previous[y.count]) / Double(max(x.count, y.count)), belowExact)
    }

    /// The wording of `text`. O(length of text).
    public init(_ text: String) {
        var collector = WordCollector()
        collector.keys.reserveCapacity(text.utf8.count / 5 + 1)
        Tokenizer.visit(Self.lowercased(text), &collector)
        words = collector.keys
    }

    init(words: [UInt64]) { self.words = words }

    /// Whether it has no word at all.
    public var isEmpty: Bool { words.isEmpty }

    /// A key for the exact wording: equal for equal word sequences (64-bit hash). O(words).
    public var key: UInt64 {
        var h: UInt64 = 0x6F72_6967_696E_2121 ^ UInt64(words.count)
        for w in words { h = TokenHash.finish(h ^ w) }
        return h
    }

    /// The distinct shingles, sorted. O(words · ``shingleLength`` + s log s).
    public var shingles: [UInt32] {
        guard !words.isEmpty else { return [] }
        let n = Self.shingleLength
        if words.count <= n { return [Self.shingle(words[...])] }
        var out: [UInt32] = []
        out.reserveCapacity(words.count - n + 1)
        for i in 0...(words.count - n) { out.append(Self.shingle(words[i..<(i + n)])) }
        out.sortAndRemoveDuplicates()
        return out
    }

    /// One shingle's hash (its length is part of it: a short wording's one shingle never equals
    /// a run of ``shingleLength`` words of a longer one).
    @inline(__always)
    static func shingle(_ run: ArraySlice<UInt64>) -> UInt32 {
        var h: UInt64 = 0x7368_696E_676C_6521 &+ UInt64(run.count)
        for w in run { h = TokenHash.finish(h ^ w) }
        return UInt32(truncatingIfNeeded: h >> 32)
    }

    /// The similarity of two shingle sets sharing `common` shingles (see the type's docs).
    @inline(__always)
    public static func similarity(common: Int, _ a: Int, _ b: Int) -> Double {
        let larger = max(a, b)
        return larger == 0 ? 0 : Double(common) / Double(larger)
    }

    /// `text` in lower case: byte by byte for ASCII text (most of it), through Unicode otherwise.
    static func lowercased(_ text: String) -> String {
        var ascii = true
        var upper = false
        for b in text.utf8 {
            if b >= 0x80 {
                ascii = false
                break
            }
            if b >= 0x41 && b <= 0x5A { upper = true }
        }
        guard ascii else { return text.lowercased() }
        guard upper else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private struct WordCollector: TokenVisitor {
        var keys: [UInt64] = []

        @inline(__always)
        mutating func token(start: Int, end: Int, key: UInt64, kind: Token.Kind) {
            if kind != .punctuation { keys.append(key) }
        }
    }
}

/// A 20-byte identity of a document in a ``WordingSegment`` (the git id of its tree, for the
/// `Lineage` module; opaque here).
public struct DocumentKey: Sendable, Hashable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        precondition(bytes.count == DocumentKey.size, "a document key has \(DocumentKey.size) bytes")
        self.bytes = bytes
    }

    public static let size = 20
}

/// One paragraph given to ``WordingSegment/init(documents:)``: its text and address.
public struct IndexedParagraph: Sendable {
    public var text: String
    /// `pp3`, `op4(b)`.
    public var address: String

    public init(text: String, address: String) {
        self.text = text
        self.address = address
    }
}

/// A paragraph whose wording matches a query (``WordingSegment/matches(_:minimum:)``).
public struct WordingMatch: Sendable, Equatable {
    /// The document's position in the segment's ``WordingSegment/documents``.
    public var document: Int
    /// The paragraph's position in its document, from 0.
    public var paragraph: Int
    /// `pp3`, `op4(b)`.
    public var address: String
    /// The share of shingles in common, of the larger set (1 for the same wording): how a
    /// candidate is found; ``Wording/similarity(_:_:)`` of the words decides a near match.
    public var similarity: Double
    /// True when the words are the same, in the same order.
    public var exact: Bool
}

/// An inverted index of the wordings of a set of documents: each distinct wording once, with its
/// exact key, its number of shingles and where it occurs (document, paragraph, address); and, per
/// shingle, the wordings that have it. A query's shingles lead to the wordings that share any,
/// and the counts give each one's similarity without reading its text.
///
/// Stored as one compact binary blob (``encoded()``, ``init(decoding:)``), little-endian:
///
/// ```text
/// "LWI1"  u32 shingleLength  u32 D  u32 W  u32 O  u32 P  u32 A  u32 0   (32 bytes)
/// W × u64   exact key of each wording
/// W × u32   shingle count of each wording
/// (W+1) × u32  first occurrence of each wording (the last: O)
/// O × u32   document of each occurrence
/// O × u32   paragraph of each occurrence
/// (O+1) × u32  start of each occurrence's address in the address bytes (the last: A)
/// P × u32   shingle of each posting, ascending
/// P × u32   wording of each posting (ascending within a shingle)
/// D × 20 bytes  the documents' keys
/// A bytes   the addresses, UTF-8, one after another
/// ```
///
/// A segment covers the documents it was built from; a store keeps several (one per build) and
/// merges them (``merged(_:)``) when there are many.
public struct WordingSegment: Sendable {
    public private(set) var documents: [DocumentKey] = []
    var keys: [UInt64] = []
    var shingleCounts: [UInt32] = []
    var occurrenceStarts: [UInt32] = [0]
    var occurrenceDocuments: [UInt32] = []
    var occurrenceParagraphs: [UInt32] = []
    var addressStarts: [UInt32] = [0]
    var addressBytes: [UInt8] = []
    var postingShingles: [UInt32] = []
    var postingWordings: [UInt32] = []

    static let magic: [UInt8] = Array("LWI1".utf8)
    static let headerSize = 32

    public init() {}

    /// The number of distinct wordings.
    public var wordingCount: Int { keys.count }
    /// The number of paragraphs (occurrences of wordings).
    public var paragraphCount: Int { occurrenceDocuments.count }

    /// Indexes the paragraphs of `documents` (each paragraph without a word is left out).
    ///
    /// - Complexity: O(T + P log P) time for T bytes of text and P (shingle, wording) postings;
    ///   memory O(P + distinct wordings), each distinct wording indexed once however often it recurs.
    public init(documents: [(key: DocumentKey, paragraphs: [IndexedParagraph])]) {
        var builder = Builder()
        for (d, document) in documents.enumerated() {
            self.documents.append(document.key)
            for (p, paragraph) in document.paragraphs.enumerated() {
                builder.add(Wording(paragraph.text), document: UInt32(d), paragraph: UInt32(p), address: paragraph.address)
            }
        }
        builder.finish(into: &self)
    }

    /// Collects wordings and their occurrences, then lays them out.
    struct Builder {
        var idOf: [UInt64: Int] = [:]
        var keys: [UInt64] = []
        var shingleCounts: [UInt32] = []
        var occurrences: [[(document: UInt32, paragraph: UInt32, address: String)]] = []
        /// shingle << 32 | wording.
        var postings: [UInt64] = []

        mutating func add(_ wording: Wording, document: UInt32, paragraph: UInt32, address: String) {
            guard !wording.isEmpty else { return }
            let key = wording.key
            if let id = idOf[key] {
                occurrences[id].append((document, paragraph, address))
                return
            }
            addNew(key: key, shingles: wording.shingles, occurrences: [(document, paragraph, address)])
        }

        mutating func addNew(key: UInt64, shingles: [UInt32], occurrences more: [(document: UInt32, paragraph: UInt32, address: String)]) {
            let id = keys.count
            idOf[key] = id
            keys.append(key)
            shingleCounts.append(UInt32(shingles.count))
            occurrences.append(more)
            for s in shingles { postings.append(UInt64(s) << 32 | UInt64(id)) }
        }

        mutating func finish(into segment: inout WordingSegment) {
            postings.sort()
            segment.keys = keys
            segment.shingleCounts = shingleCounts
            segment.occurrenceStarts = [0]
            segment.occurrenceStarts.reserveCapacity(keys.count + 1)
            for list in occurrences {
                for o in list {
                    segment.occurrenceDocuments.append(o.document)
                    segment.occurrenceParagraphs.append(o.paragraph)
                    segment.addressBytes += o.address.utf8
                    segment.addressStarts.append(UInt32(segment.addressBytes.count))
                }
                segment.occurrenceStarts.append(UInt32(segment.occurrenceDocuments.count))
            }
            segment.postingShingles = postings.map { UInt32(truncatingIfNeeded: $0 >> 32) }
            segment.postingWordings = postings.map { UInt32(truncatingIfNeeded: $0) }
        }
    }

    /// One segment holding every document of `segments` (a document in several is kept once, from
    /// the first that has it), each wording once. Read from the segments alone: no text is read.
    ///
    /// - Complexity: O(P log P) for P postings in all.
    public static func merged(_ segments: [WordingSegment]) -> WordingSegment {
        var out = WordingSegment()
        var builder = Builder()
        var documentIndex: [DocumentKey: UInt32] = [:]
        for segment in segments {
            var remap: [UInt32?] = []
            for key in segment.documents {
                if documentIndex[key] == nil {
                    documentIndex[key] = UInt32(out.documents.count)
                    out.documents.append(key)
                    remap.append(documentIndex[key])
                } else {
                    remap.append(nil)  // already taken from an earlier segment
                }
            }
            // The shingles of each wording, from the postings.
            var shinglesOf = Array(repeating: [UInt32](), count: segment.wordingCount)
            for (s, w) in zip(segment.postingShingles, segment.postingWordings) { shinglesOf[Int(w)].append(s) }
            for w in 0..<segment.wordingCount {
                var list: [(document: UInt32, paragraph: UInt32, address: String)] = []
                for o in Int(segment.occurrenceStarts[w])..<Int(segment.occurrenceStarts[w + 1]) {
                    guard let d = remap[Int(segment.occurrenceDocuments[o])] else { continue }
                    list.append((d, segment.occurrenceParagraphs[o], segment.address(o)))
                }
                guard !list.isEmpty else { continue }
                if let id = builder.idOf[segment.keys[w]] {
                    builder.occurrences[id] += list
                } else {
                    builder.addNew(key: segment.keys[w], shingles: shinglesOf[w], occurrences: list)
                }
            }
        }
        builder.finish(into: &out)
        return out
    }

    func address(_ occurrence: Int) -> String {
        String(decoding: addressBytes[Int(addressStarts[occurrence])..<Int(addressStarts[occurrence + 1])], as: UTF8.self)
    }

    // MARK: - Queries

    /// The paragraphs whose wording has a similarity of at least `minimum` with `wording`'s
    /// (the exact ones always), in no particular order.
    ///
    /// - Complexity: O(q log P + the postings of the query's q shingles + the matches' occurrences).
    public func matches(_ wording: Wording, minimum: Double) -> [WordingMatch] {
        let shingles = wording.shingles
        guard !shingles.isEmpty else { return [] }
        let key = wording.key
        var common: [UInt32: Int] = [:]
        for s in shingles {
            var i = lowerBound(s)
            while i < postingShingles.count, postingShingles[i] == s {
                common[postingWordings[i], default: 0] += 1
                i += 1
            }
        }
        var out: [WordingMatch] = []
        for (w, n) in common {
            let exact = keys[Int(w)] == key
            let similarity = exact ? 1 : Wording.similarity(common: n, shingles.count, Int(shingleCounts[Int(w)]))
            guard exact || similarity >= minimum else { continue }
            for o in Int(occurrenceStarts[Int(w)])..<Int(occurrenceStarts[Int(w) + 1]) {
                out.append(WordingMatch(
                    document: Int(occurrenceDocuments[o]), paragraph: Int(occurrenceParagraphs[o]), address: address(o),
                    similarity: exact ? 1 : min(similarity, Wording.belowExact), exact: exact))
            }
        }
        return out
    }

    /// The first posting whose shingle is not below `s` (binary search).
    private func lowerBound(_ s: UInt32) -> Int {
        var lo = 0, hi = postingShingles.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if postingShingles[mid] < s { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: - Storage

    /// The segment as one blob (the format above). O(size).
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(
            Self.headerSize + keys.count * 16 + occurrenceDocuments.count * 12 + postingShingles.count * 8
                + documents.count * DocumentKey.size + addressBytes.count + 8)
        out += Self.magic
        for v in [Wording.shingleLength, documents.count, keys.count, occurrenceDocuments.count, postingShingles.count, addressBytes.count, 0] {
            Self.append(UInt32(v), to: &out)
        }
        for k in keys {
            withUnsafeBytes(of: k.littleEndian) { out += $0 }
        }
        for array in [shingleCounts, occurrenceStarts, occurrenceDocuments, occurrenceParagraphs, addressStarts, postingShingles, postingWordings] {
            for v in array { Self.append(v, to: &out) }
        }
        for d in documents { out += d.bytes }
        out += addressBytes
        return out
    }

    @inline(__always)
    private static func append(_ v: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out += $0 }
    }

    /// Why a blob is not a segment.
    public struct FormatError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads a blob written by ``encoded()``; an error when it is not one (another format, cut
    /// short, inconsistent counts). O(size).
    public init(decoding bytes: [UInt8]) throws(FormatError) {
        guard bytes.count >= Self.headerSize, Array(bytes[0..<4]) == Self.magic else {
            throw FormatError(description: "not a wording index segment")
        }
        var reader = Reader(bytes: bytes, at: 4)
        let length = reader.u32()
        guard length == Wording.shingleLength else {
            throw FormatError(description: "a wording index of \(length)-word shingles (this version uses \(Wording.shingleLength))")
        }
        let (d, w, o, p, a) = (reader.u32(), reader.u32(), reader.u32(), reader.u32(), reader.u32())
        let need = Self.headerSize + w * 8 + (w + (w + 1) + o + o + (o + 1) + p + p) * 4 + d * DocumentKey.size + a
        guard bytes.count == need else { throw FormatError(description: "a wording index segment of the wrong size") }
        reader.at = Self.headerSize
        keys = reader.u64s(w)
        shingleCounts = reader.u32s(w)
        occurrenceStarts = reader.u32s(w + 1)
        occurrenceDocuments = reader.u32s(o)
        occurrenceParagraphs = reader.u32s(o)
        addressStarts = reader.u32s(o + 1)
        postingShingles = reader.u32s(p)
        postingWordings = reader.u32s(p)
        documents = (0..<d).map { i in DocumentKey(Array(bytes[(reader.at + i * DocumentKey.size)..<(reader.at + (i + 1) * DocumentKey.size)])) }
        reader.at += d * DocumentKey.size
        addressBytes = Array(bytes[reader.at...])
        guard occurrenceStarts.last.map(Int.init) == o, addressStarts.last.map(Int.init) == a,
            occurrenceDocuments.allSatisfy({ Int($0) < d }), postingWordings.allSatisfy({ Int($0) < w }),
            zip(occurrenceStarts, occurrenceStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
            zip(addressStarts, addressStarts.dropFirst()).allSatisfy({ $0 <= $1 })
        else { throw FormatError(description: "an inconsistent wording index segment") }
    }

    private struct Reader {
        let bytes: [UInt8]
        var at: Int

        mutating func u32() -> Int {
            defer { at += 4 }
            return Int(bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) })
        }

        mutating func u32s(_ n: Int) -> [UInt32] { values(n) }

        mutating func u64s(_ n: Int) -> [UInt64] { values(n) }

        /// `n` little-endian integers from the cursor on.
        private mutating func values<T: FixedWidthInteger>(_ n: Int) -> [T] {
            let size = MemoryLayout<T>.size
            defer { at += n * size }
            return bytes.withUnsafeBytes { raw in
                [T](unsafeUninitializedCapacity: n) { buffer, count in
                    for i in 0..<n { buffer[i] = T(littleEndian: raw.loadUnaligned(fromByteOffset: at + i * size, as: T.self)) }
                    count = n
                }
            }
        }
    }
}
