import GitStore
import ResolutionText

/// One resolution as a revision of the series: its text and metadata, where its adoption date
/// came from, and, once stored, its commit.
///
/// A value with its fields in one shared box, copied on write: a copy costs one reference
/// (8 bytes), not the ~250 bytes of the fields, so the answers that hold revisions (a search's
/// occurrences, a changelog's entries, a blame's lines) and the sorted copies of a history add
/// no per-revision memory.
public struct Revision: Sendable {
    /// The fields; mutated only when uniquely referenced (``fields``), so values never share a change.
    private final class Storage: @unchecked Sendable {
        var header: Resolution
        var body: DocumentBody?
        var dateSource: DateSource
        var commit: ObjectID?
        var parents: [ObjectID]
        var continues: [Continuation] = []
        var line: String?
        /// A build's input: its text, read from its file when needed (``InputTexts``).
        var input: InputBody?
        /// True when ``header`` has the title as the body has it (a build's input), so the title
        /// and the metadata never need the body.
        var headerIsComplete = false
        /// What ``Ancestry`` weighs of its text, when known without the body (a build's input,
        /// or a stored revision in the repository's ``TextEvidenceCache``).
        var evidence: TextEvidence?

        init(header: Resolution, dateSource: DateSource, commit: ObjectID?, parents: [ObjectID]) {
            self.header = header
            self.dateSource = dateSource
            self.commit = commit
            self.parents = parents
        }

        func copy() -> Storage {
            let out = Storage(header: header, dateSource: dateSource, commit: commit, parents: parents)
            out.body = body
            out.continues = continues
            out.line = line
            out.input = input
            out.headerIsComplete = headerIsComplete
            out.evidence = evidence
            return out
        }
    }

    private var storage: Storage

    /// The storage, copied first if another value shares it: for mutation.
    private var fields: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// The resolution, metadata and body: a stored revision reads its body from its document
    /// (``DocumentBody``), a build's input from its file (``InputBody``). The read can fail (a
    /// damaged repository, a file changed during the build); the error names what failed.
    public func readResolution() throws(LineageError) -> Resolution {
        let contents: DocumentBody.Contents
        if let input = storage.input {
            contents = try input.contents()
        } else if let body = storage.body {
            contents = try body.contents()
        } else {
            return storage.header
        }
        var r = storage.header
        r.title = contents.title
        r.paragraphs = contents.paragraphs
        r.footnotes = contents.footnotes
        return r
    }

    /// Replaces the resolution, metadata and body, with one given whole.
    public mutating func setResolution(_ newValue: Resolution) {
        let fields = fields
        fields.header = newValue
        fields.body = nil
        fields.input = nil
        fields.headerIsComplete = false
        fields.evidence = nil
    }
    /// The tree of a stored revision's commit (its document's only tree), without reading it:
    /// what ``TextEvidenceCache`` and ``WordingStore`` know its document by; `nil` for a
    /// build's input.
    var documentTree: ObjectID? { storage.body?.tree }

    /// The metadata (and the body, when there is no body to read it from).
    private var header: Resolution { storage.header }
    /// How the adoption date was established.
    public var dateSource: DateSource {
        get { storage.dateSource }
        set { fields.dateSource = newValue }
    }
    /// The commit, once stored.
    public var commit: ObjectID? {
        get { storage.commit }
        set { fields.commit = newValue }
    }
    /// The parent commits, once stored.
    public var parents: [ObjectID] {
        get { storage.parents }
        set { fields.parents = newValue }
    }
    /// Which revisions it continues and why (see ``Ancestry``), as recorded in its commit.
    public var continues: [Continuation] {
        get { storage.continues }
        set { fields.continues = newValue }
    }
    /// The line (git branch, without `refs/heads/`) it belongs to, once stored.
    public var line: String? {
        get { storage.line }
        set { fields.line = newValue }
    }

    /// One parent and why it was chosen; `number` is `nil` for the start of a series.
    public struct Continuation: Sendable, Equatable {
        public var number: String?
        public var reason: String

        public init(number: String?, reason: String) {
            self.number = number
            self.reason = reason
        }
    }

    public enum DateSource: Sendable, Equatable {
        /// Printed in the resolution itself.
        case text
        /// Taken from the date another resolution cites for this one.
        case citedBy(String)
        /// Given by the user (corrections file or `--adopted`).
        case supplied
    }

    public init(
        resolution: Resolution, dateSource: DateSource, commit: ObjectID? = nil, parents: [ObjectID] = []
    ) {
        storage = Storage(header: resolution, dateSource: dateSource, commit: commit, parents: parents)
    }

    /// A stored revision whose body is read when needed; `header` has its metadata and title.
    init(header: Resolution, body: DocumentBody, dateSource: DateSource, commit: ObjectID, parents: [ObjectID]) {
        self.init(resolution: header, dateSource: dateSource, commit: commit, parents: parents)
        storage.body = body
    }

    /// A build's input: `header` has its metadata and title (as its body has it), `evidence`
    /// what ``Ancestry`` weighs of its text; `body` reads its text when needed (``InputTexts``).
    init(input header: Resolution, evidence: TextEvidence, body: InputBody, dateSource: DateSource) {
        self.init(resolution: header, dateSource: dateSource)
        storage.input = body
        storage.headerIsComplete = true
        storage.evidence = evidence
    }

    /// What ``Ancestry`` weighs of its text (its citations and word 4-grams), when known
    /// without reading the body.
    var evidence: TextEvidence? {
        get { storage.evidence }
        set { fields.evidence = newValue }
    }

    private var headerIsComplete: Bool { storage.headerIsComplete }

    /// The title, without reading the body: a build's input and a stored revision (from its
    /// commit's subject) know it.
    public var title: String? { header.title }

    /// The metadata, without the paragraphs and footnotes, for the commit message: read without
    /// the body where the header is complete.
    func readMetadata() throws(LineageError) -> Resolution {
        guard !headerIsComplete else { return header }
        var r = try readResolution()
        r.paragraphs = []
        r.footnotes = []
        return r
    }

    /// The metadata as the commit message stores it (not the title), without reading the body:
    /// with the document's blob id, what decides whether two revisions have the same content.
    var storedMetadata: Resolution {
        var r = header
        r.title = nil
        r.paragraphs = []
        r.footnotes = []
        r.language = nil  // not stored: a build keeps the English text (HistoryBuilder.distinct)
        r.annexes = []  // not stored (not part of the canonical document, format version 1)
        r.vote?.ballots = []  // not stored: the commit message keeps the outcome and counts
        return r
    }

    /// Resolution number, e.g. `69/28`; always present in a stored revision.
    public var number: String { header.number ?? "?" }
    public var symbol: String { header.symbol ?? number }
    public var adopted: CivilDate? { header.adopted }
    /// The session, without reading the body of a stored revision.
    public var session: Int? { header.session }
    /// The draft's symbol, its sponsors and the vote (from the commit message of a stored
    /// revision: a vote's outcome and counts, not the ballots), without reading the body.
    public var draft: String? { header.draft }
    public var sponsors: [String] { header.sponsors }
    public var vote: Vote? { header.vote }
    /// The agenda item it was adopted under, without reading the body.
    public var agendaItem: Int? { header.agendaItem }
    /// The plenary meeting that adopted it, without reading the body.
    public var meeting: Int? { header.meeting }

    /// Sort key: adoption date, then the resolution number compared numerically.
    var order: (CivilDate, [Int], String) {
        let parts = number.split(separator: "/").map { Int($0.prefix(while: \.isNumber)) ?? 0 }
        return (adopted ?? CivilDate(year: 1, month: 1, day: 1)!, parts, number)
    }

    private static func precedes(_ a: (CivilDate, [Int], String), _ b: (CivilDate, [Int], String)) -> Bool {
        if a.0 != b.0 { return a.0 < b.0 }
        if a.1 != b.1 { return a.1.lexicographicallyPrecedes(b.1) }
        return a.2 < b.2
    }

    /// `revisions` in history order; each sort key is computed once. O(n log n) time; the
    /// revisions are copied once (the indexes are sorted, not the revisions).
    static func inHistoryOrder<S: Sequence>(_ revisions: S) -> [Revision] where S.Element == Revision {
        let all = Array(revisions)
        let keys = all.map(\.order)
        return all.indices.sorted { precedes(keys[$0], keys[$1]) }.map { all[$0] }
    }

    /// The canonical document committed for this revision (its body read, see ``readResolution()``).
    public func readDocument() throws(LineageError) -> String { CanonicalDocument.render(try readResolution()) }

}
