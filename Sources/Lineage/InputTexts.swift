import Foundation
import GitStore
import ResolutionText

/// What a build keeps of one input file between reading it and using its text: its metadata and
/// title, its text evidence (citations and word 4-grams, for ``Ancestry``), its canonical
/// document (for its commit) and that document's git blob id (which tells whether two texts are
/// the same). Some 40 KB for a resolution of 20 KB, where the parsed text takes several times
/// more; the paragraphs are parsed again, once, for the lineage (``InputTexts``).
struct InputSummary: Sendable {
    /// The path as the user gave it (or as found in a folder), for messages and to read it again.
    var path: String
    /// The resolution without its paragraphs and footnotes.
    var header: Resolution
    /// What ``Ancestry`` weighs of the text: its citations and word 4-grams.
    var evidence: TextEvidence
    /// The adoption dates the text cites for other resolutions (``AdoptionDating``), so that
    /// dating an undated input reads no file again.
    var citedDates: AdoptionDating.Votes
    /// The blob id of ``ResolutionText/CanonicalDocument/render(_:)`` of the text.
    var document: ObjectID
    /// That document itself, for its commit (some 20 KB: the parsed text takes several times more).
    var rendered: String
    /// A cheap hash of the same document (``DocumentFingerprint``), to tell that the text read
    /// again later in the build is still this one.
    var fingerprint: DocumentFingerprint

    init(_ source: SourceDocument) throws(LineageError) {
        path = source.path
        header = source.resolution
        header.paragraphs = []
        header.footnotes = []
        evidence = TextEvidence(source.resolution)
        citedDates = AdoptionDating.Votes()
        citedDates.add(source.resolution)
        let rendered = CanonicalDocument.render(source.resolution)
        document = ObjectID.blob(hashing: Array(rendered.utf8))
        self.rendered = rendered
        fingerprint = DocumentFingerprint(rendered)
    }
}

/// A cheap hash of a canonical document, for a build to tell that a text it reads again is the
/// one it read first, without SHA-1: Swift's `Hasher` (SipHash-1-3, 64 bits, seeded at random
/// per process), so it only ever compares texts hashed by the same process, and a changed text
/// goes unnoticed only with odds of 2⁻⁶⁴, which no input can steer without knowing the seed.
/// O(bytes).
struct DocumentFingerprint: Hashable, Sendable {
    private let value: Int

    init(_ document: String) {
        var hasher = Hasher()
        var document = document
        document.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        value = hasher.finalize()
    }
}

/// The body of one input of a build: read through ``InputTexts`` each time it is needed, never
/// kept (the read-ahead keeps the few around the one in use).
final class InputBody: @unchecked Sendable {
    let path: String
    private let texts: InputTexts

    init(path: String, texts: InputTexts) {
        self.path = path
        self.texts = texts
    }

    /// The body, read again (or taken from the read-ahead). The file was read and checked at the
    /// start of the build; an error means it changed since, and names the file.
    func contents() throws(LineageError) -> DocumentBody.Contents {
        do {
            return try texts.contents(of: path)
        } catch {
            throw LineageError("\(path): \(error.message)", hint: error.hint)
        }
    }
}

/// The texts of a build's inputs, read again from their files when needed instead of held from
/// the first reading: a build keeps only an ``InputSummary`` of each input, so its memory does
/// not grow with the size of the corpus.
///
/// The build uses the texts in history order, in passes (``Ancestry``'s text evidence,
/// committing the documents, computing the lineage), each forward, with glances back at recent
/// revisions. So this reads ahead: when the text at position `p` of that order is asked for
/// right after `p - 1` (or a little before), the files of the next two chunks (a few per core)
/// are parsed in the background, on every core, while the caller works on the current one; the
/// texts more than a chunk behind are dropped. A text asked for out of order is read alone.
/// Memory: three chunks of parsed texts. Cost: one parse per use, mostly off the caller's thread.
///
/// A text read again is checked against its summary's document id: a file changed during the
/// build is an error, never a silently different commit.
final class InputTexts: @unchecked Sendable {
    typealias Contents = DocumentBody.Contents
    /// A text: its body, and its canonical document (rendered to check it, kept for the commit).
    typealias Text = (contents: Contents, document: String)

    private let condition = NSCondition()
    /// Position of each input's path in the order of use, and the document ids to check.
    private var position: [String: Int] = [:]
    private var paths: [String] = []
    private let expected: [String: DocumentFingerprint]
    /// Texts parsed (or failed), by position, and positions being parsed.
    private var ready: [Int: Result<Text, LineageError>] = [:]
    private var pending: Set<Int> = []
    /// The position asked for last.
    private var last = -1
    /// Positions parsed together.
    let chunk: Int

    /// The canonical document of each input, as its summary keeps it.
    private let documents: [String: String]

    init(_ inputs: [InputSummary]) {
        expected = Dictionary(inputs.map { ($0.path, $0.fingerprint) }) { a, _ in a }
        documents = Dictionary(inputs.map { ($0.path, $0.rendered) }) { a, _ in a }
        chunk = max(8, 4 * ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Sets the order in which the texts will be used (paths of the inputs in history order).
    func use(inOrder paths: [String]) {
        condition.lock()
        defer { condition.unlock() }
        self.paths = paths
        position = Dictionary(paths.enumerated().map { ($1, $0) }) { a, _ in a }
        ready = [:]
        last = -1
    }

    /// The body of the input at `path`, parsed again (or taken from the read-ahead).
    func contents(of path: String) throws(LineageError) -> Contents {
        try text(of: path).contents
    }

    /// The canonical document of the input at `path` (as ``contents(of:)`` reads it): kept
    /// from the first reading, not read again.
    func document(of path: String) throws(LineageError) -> String {
        if let kept = documents[path] { return kept }
        return try text(of: path).document
    }

    /// The text of the input at `path`, parsed again (or taken from the read-ahead).
    func text(of path: String) throws(LineageError) -> Text {
        condition.lock()
        guard let p = position[path] else {
            condition.unlock()
            return try Self.load(path, expected: expected[path])
        }
        if p > last && p <= last + chunk {
            // Reading forward: make sure this chunk and the next are on their way; drop what
            // is more than a chunk behind or beyond them.
            let first = p / chunk
            for c in first...(first + 1) {
                schedule(min(c * chunk, paths.count)..<min((c + 1) * chunk, paths.count))
            }
            let keep = (p - chunk)..<((first + 2) * chunk)
            for k in ready.keys where !keep.contains(k) { ready[k] = nil }
        } else if ready[p] == nil {
            schedule(p..<(p + 1))
        }
        last = p
        while ready[p] == nil { condition.wait() }
        let result = ready[p]!
        condition.unlock()
        return try result.get()
    }

    /// Parses the positions of `range` not ready nor pending, in the background, on every core.
    /// Called with the lock held.
    private func schedule(_ range: Range<Int>) {
        let todo = range.filter { ready[$0] == nil && !pending.contains($0) }
        guard !todo.isEmpty else { return }
        pending.formUnion(todo)
        let work = todo.map { (position: $0, path: paths[$0], expected: expected[paths[$0]]) }
        DispatchQueue.global().async {
            let results = Corpus.Results<Text>(count: work.count)
            DispatchQueue.concurrentPerform(iterations: work.count) { i in
                results.set(i, Result { () throws(LineageError) in try Self.load(work[i].path, expected: work[i].expected) })
            }
            self.condition.lock()
            for (i, item) in work.enumerated() {
                self.pending.remove(item.position)
                self.ready[item.position] = results.values[i]
            }
            self.condition.broadcast()
            self.condition.unlock()
        }
    }

    /// Reads and parses `path`, and checks it is still the text the build read first. The
    /// errors do not name the file: ``InputBody`` does.
    private static func load(_ path: String, expected: DocumentFingerprint?) throws(LineageError) -> Text {
        let resolution: Resolution
        do throws(LineageError) {
            resolution = try Corpus.read(path).resolution
        } catch {
            let reason = error.message.hasPrefix(path + ": ") ? String(error.message.dropFirst(path.count + 2)) : error.message
            throw LineageError("\(reason) (it changed during the build)", hint: "build again")
        }
        let document = CanonicalDocument.render(resolution)
        guard DocumentFingerprint(document) == expected else {
            throw LineageError("changed during the build", hint: "build again")
        }
        return (Contents(title: resolution.title, paragraphs: resolution.paragraphs, footnotes: resolution.footnotes), document)
    }
}
