import ResolutionText

/// `count` consecutive tokens that all originate in revision `revision`.
///
/// Encoded in JSON as a two-element array, `[count, "revision"]`, to keep states compact.
public struct OriginRun: Sendable, Hashable, Codable {
    public var count: Int
    public var revision: String

    public init(count: Int, revision: String) {
        self.count = count
        self.revision = revision
    }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        count = try c.decode(Int.self)
        revision = try c.decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(count)
        try c.encode(revision)
    }
}

/// Identity and provenance of one clause (a paragraph or a footnote) of a revision, or of a clause
/// that was deleted (in the archive).
public struct ClauseRecord: Sendable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case preambular, operative, subparagraph, footnote
    }

    /// Stable, readable identity: `"<revision that minted it>#<n>"` for paragraphs,
    /// `"<revision>#f<n>"` for footnotes. Never reused.
    public var id: String
    /// The revision that introduced the clause (minted its id; a restored clause keeps it).
    public var introduced: String
    /// The last revision that changed its wording. Moves, renumbering and changed footnote marks are
    /// not changes; editorial revisions (``AlignmentOverrides/editorial``) do not count; a
    /// restoration does (the clause came back).
    public var lastChanged: String
    public var kind: Kind
    /// Number, letter or footnote mark, as printed (informational).
    public var label: String?
    /// For a sub-paragraph, the index of its parent paragraph in the same revision.
    public var parent: Int?
    /// The text, exactly as in the revision.
    public var text: String
    /// The origin of every token of ``text`` (``Tokenizer``), run-length encoded, in order; the
    /// counts add up to the number of tokens.
    public var origins: [OriginRun]
    /// In the archive: the revision from which the clause is absent (where it was deleted or merged
    /// into another).
    public var removedIn: String?

    /// Cached fingerprint for restoration lookups; derived from ``text``, never encoded or compared.
    var sketch: ClauseSketch?

    public init(
        id: String, introduced: String, lastChanged: String, kind: Kind, label: String? = nil,
        parent: Int? = nil, text: String, origins: [OriginRun], removedIn: String? = nil
    ) {
        self.id = id
        self.introduced = introduced
        self.lastChanged = lastChanged
        self.kind = kind
        self.label = label
        self.parent = parent
        self.text = text
        self.origins = origins
        self.removedIn = removedIn
    }

    enum CodingKeys: String, CodingKey {
        case id, introduced, lastChanged, kind, label, parent, text, origins, removedIn
    }

    /// The origin revision of every token, one entry per token.
    public var tokenOrigins: [String] {
        var out: [String] = []
        for r in origins { out += repeatElement(r.revision, count: r.count) }
        return out
    }

    /// The text cut into runs of consecutive tokens with the same origin: `(text, revision)`, where
    /// each text carries its leading whitespace, so the texts concatenate to ``text`` (minus trailing
    /// whitespace). This is word-level blame.
    public func blame() -> [(text: String, revision: String)] {
        let t = Tokenizer.tokenize(text)
        var out: [(text: String, revision: String)] = []
        var i = 0
        for r in origins where r.count > 0 {
            let end = min(i + r.count, t.count)
            if i < end { out.append((t.joined(i..<end), r.revision)) }
            i = end
        }
        return out
    }
}

extension ClauseRecord: Equatable {
    public static func == (a: ClauseRecord, b: ClauseRecord) -> Bool {
        a.id == b.id && a.introduced == b.introduced && a.lastChanged == b.lastChanged && a.kind == b.kind
            && a.label == b.label && a.parent == b.parent && a.text == b.text && a.origins == b.origins
            && a.removedIn == b.removedIn
    }
}

/// A text hash and a bottom-k MinHash of a clause's content tokens, to find restoration candidates
/// in a large archive without tokenizing it.
struct ClauseSketch: Sendable {
    static let size = 16
    var textHash: UInt64
    var minHashes: [UInt64]

    init(text: String) {
        textHash = TokenHash.text(text)
        var keys: [UInt64] = []
        Tokenizer.scan(text) { _, _, key, _ in
            if !StopWords.isWeak(key) { keys.append(key &* 0x9e37_79b9_7f4a_7c15) }
        }
        keys.sort()
        var out: [UInt64] = []
        for k in keys where out.last != k {
            out.append(k)
            if out.count == ClauseSketch.size { break }
        }
        minHashes = out
    }

    /// Estimated Jaccard similarity of the two content-token sets.
    func jaccard(_ o: ClauseSketch) -> Double {
        var i = 0, j = 0, seen = 0, both = 0
        let a = minHashes, b = o.minHashes
        while seen < ClauseSketch.size && (i < a.count || j < b.count) {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                i += 1
            } else if i == a.count || b[j] < a[i] {
                j += 1
            } else {
                both += 1
                i += 1
                j += 1
            }
            seen += 1
        }
        return seen == 0 ? 0 : Double(both) / Double(seen)
    }
}

/// Everything needed to continue a history and to answer blame questions about one revision
/// without re-aligning anything: the identity and provenance of each of its paragraphs and
/// footnotes, and the archive of every clause deleted earlier (so that a later restoration is
/// recognised, with its identity and word origins).
///
/// It stores only the current clauses and the archive, never the history of texts. Its JSON form
/// (``Codable``) is stable: `{"format":1,"revision":…,"clauses":[…],"footnotes":[…],"archive":[…]}`,
/// each clause as in ``ClauseRecord`` with ``OriginRun``s as `[count, "revision"]` pairs. Size is
/// roughly the revision's text plus ~15 bytes per origin run and ~120 bytes per clause, plus the
/// archive (each deleted clause's text and runs).
public struct LineageState: Sendable, Equatable, Codable {
    public static let format = 1

    /// The key of the revision this state describes.
    public var revision: String
    /// One record per paragraph of the revision, in document order.
    public var clauses: [ClauseRecord]
    /// One record per footnote of the revision, in order.
    public var footnotes: [ClauseRecord]
    /// Clauses deleted earlier and not restored since, oldest deletion first.
    public var archive: [ClauseRecord]

    public init(revision: String, clauses: [ClauseRecord], footnotes: [ClauseRecord], archive: [ClauseRecord]) {
        self.revision = revision
        self.clauses = clauses
        self.footnotes = footnotes
        self.archive = archive
    }

    enum CodingKeys: String, CodingKey {
        case format, revision, clauses, footnotes, archive
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let f = try c.decode(Int.self, forKey: .format)
        guard f == LineageState.format else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: c, debugDescription: "unsupported lineage state format \(f)")
        }
        revision = try c.decode(String.self, forKey: .revision)
        clauses = try c.decode([ClauseRecord].self, forKey: .clauses)
        footnotes = try c.decodeIfPresent([ClauseRecord].self, forKey: .footnotes) ?? []
        archive = try c.decodeIfPresent([ClauseRecord].self, forKey: .archive) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(LineageState.format, forKey: .format)
        try c.encode(revision, forKey: .revision)
        try c.encode(clauses, forKey: .clauses)
        try c.encode(footnotes, forKey: .footnotes)
        try c.encode(archive, forKey: .archive)
    }

    /// The current or archived clause with this id.
    public func clause(id: String) -> ClauseRecord? {
        clauses.first { $0.id == id } ?? footnotes.first { $0.id == id } ?? archive.first { $0.id == id }
    }
}
