import Foundation
import GitStore
import ResolutionText

/// The body of a stored revision (title, paragraphs, footnotes), read from its commit's
/// document when it is needed, and kept only while it is among the few bodies read last
/// (``DocumentBodies``).
///
/// Opening a history reads only the commits (their trailers carry the metadata); a command
/// that needs the text of a few revisions (blame, diff) reads only those documents, so opening
/// costs O(number of commits), not O(size of every document). A command that walks the whole
/// history (history of a clause, changelog) reads each document once as it goes, and memory
/// holds at most ``DocumentBodies/defaultCapacity`` parsed bodies, however long the history.
///
/// Each body costs under a hundred bytes while not cached: the repository and the cache are
/// shared, and only the tree and commit ids and the number are its own.
final class DocumentBody: @unchecked Sendable {
    struct Contents {
        var title: String?
        var paragraphs: [Paragraph]
        var footnotes: [Footnote]
    }

    private let cache: DocumentBodies
    /// The document's tree: what the cache knows the body by (one tree, one document).
    let tree: ObjectID
    private let commit: ObjectID
    private let number: String

    init(cache: DocumentBodies, tree: ObjectID, commit: ObjectID, number: String) {
        self.cache = cache
        self.tree = tree
        self.commit = commit
        self.number = number
    }

    /// The body: from the cache, or read and parsed (``load(from:)``).
    func contents() throws(LineageError) -> Contents { try cache.contents(of: self) }

    /// Reads and parses the document: one tree and one blob read, O(size of the document). The
    /// commit was checked when the history was opened; a document that cannot be read now means
    /// the repository is damaged, and the error names the revision, its commit and the file.
    fileprivate func load(from repo: Repository) throws(LineageError) -> Contents {
        do {
            guard let bytes = try repo.blob(at: HistoryLayout.documentPath, inTree: tree) else {
                throw LineageError("the commit has no \(HistoryLayout.documentPath): not a lineage history")
            }
            let document = try CanonicalDocument.parse(String(decoding: bytes, as: UTF8.self))
            return Contents(title: document.title, paragraphs: document.paragraphs, footnotes: document.footnotes)
        } catch let error as LineageError {
            throw LineageError("\(number) (commit \(commit.hex)): \(HistoryLayout.documentPath): \(error.message)", hint: error.hint)
        } catch {
            throw LineageError("\(number) (commit \(commit.hex)): \(HistoryLayout.documentPath): \(LineageError.describe(error))")
        }
    }
}

/// The bodies of one history's revisions read last: at most ``capacity`` stay parsed, the least
/// recently used is released first. Commands walk the history in order and look back at
/// parents only, so a few suffice; a body released and needed again is read again.
///
/// Bodies are known by their document's tree id, so the cache holds no reference to them
/// (a body, and the revision holding it, may outlive the history it was read from).
///
/// Thread-safe: one lock guards the cache and the reads from the (shared) repository.
final class DocumentBodies: @unchecked Sendable {
    static let defaultCapacity = 8

    /// How many parsed bodies are kept at most.
    let capacity: Int
    private let repo: Repository
    private let lock = NSLock()
    /// The parsed bodies by tree, least recently used first; at most ``capacity``.
    private var recent: [(tree: ObjectID, contents: DocumentBody.Contents)] = []

    init(repo: Repository, capacity: Int = DocumentBodies.defaultCapacity) {
        self.repo = repo
        self.capacity = max(1, capacity)
    }

    /// How many parsed bodies are kept now.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return recent.count
    }

    /// The body's contents: from the cache in O(capacity), otherwise read and parsed, and the
    /// least recently used body released if the cache is full.
    fileprivate func contents(of body: DocumentBody) throws(LineageError) -> DocumentBody.Contents {
        lock.lock()
        defer { lock.unlock() }
        if let i = recent.lastIndex(where: { $0.tree == body.tree }) {
            let entry = recent[i]
            if i != recent.count - 1 {
                recent.remove(at: i)
                recent.append(entry)
            }
            return entry.contents
        }
        let contents = try body.load(from: repo)
        recent.append((body.tree, contents))
        if recent.count > capacity { recent.removeFirst() }
        return contents
    }
}
