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

    /// Fingerprints of ``archive`` for restoration lookups, when they match it (a cache: derived,
    /// never encoded or compared).
    var archiveIndex: ArchiveIndex?

    public init(revision: String, clauses: [ClauseRecord], footnotes: [ClauseRecord], archive: [ClauseRecord]) {
        self.revision = revision
        self.clauses = clauses
        self.footnotes = footnotes
        self.archive = archive
    }

    public static func == (a: LineageState, b: LineageState) -> Bool {
        a.revision == b.revision && a.clauses == b.clauses && a.footnotes == b.footnotes && a.archive == b.archive
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
