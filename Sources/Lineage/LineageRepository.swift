import GitStore
import LineageCore
import ResolutionText

/// A built repository opened for questions: its revisions and their stored lineage.
///
/// Every answer comes from what `build` stored (documents, trailers and lineage notes); nothing
/// is re-aligned except for ``diff(from:to:)`` between revisions that are not parent and child.
public final class LineageRepository {
    public let history: History
    let repo: Repository
    let notes: LineageNotes.Stored
    /// The notes read last: commands walk the history in order and look back at parents only,
    /// so a few suffice, and memory stays flat however long the history.
    private var cache: [ObjectID: RevisionLineage] = [:]
    private var cacheOrder: [ObjectID] = []
    private static let cacheSize = 8

    /// Opens the repository at `path` (one libgit2 repository for the history and its notes).
    public static func open(_ path: String) throws(LineageError) -> LineageRepository {
        try History.prepareToOpen(path)
        let repo: Repository
        let history: History
        do {
            repo = try Repository.open(at: path)
            history = try History.open(path, repo: repo)
        } catch let error as LineageError {
            throw error
        } catch {
            throw LineageError("\(path): cannot read the repository: \(error)")
        }
        do {
            return LineageRepository(history: history, repo: repo, notes: try LineageNotes.Stored(repo))
        } catch {
            throw LineageError("\(path): cannot read the lineage: \(error)")
        }
    }

    private init(history: History, repo: Repository, notes: LineageNotes.Stored) {
        self.history = history
        self.repo = repo
        self.notes = notes
    }

    /// The alignment corrections the lineage was computed with.
    public var corrections: Corrections {
        notes.settings.map(LineageNotes.corrections(fromSettings:)) ?? Corrections()
    }

    /// The stored lineage of `revision`.
    public func lineage(of revision: Revision) throws(LineageError) -> RevisionLineage {
        guard let commit = revision.commit else { throw LineageError("\(revision.number) is not stored") }
        if let cached = cache[commit] { return cached }
        do {
            guard let note = try note(for: commit) else {
                throw LineageError(
                    "\(history.path): \(revision.symbol) has no stored lineage",
                    hint: "run `lineage build --repo \(history.path)` to compute it")
            }
            cache[commit] = note
            cacheOrder.append(commit)
            if cacheOrder.count > Self.cacheSize { cache[cacheOrder.removeFirst()] = nil }
            return note
        } catch let error as LineageError {
            throw error
        } catch {
            throw LineageError("\(history.path): cannot read the lineage of \(revision.symbol): \(error)")
        }
    }

    /// The note blob of each commit, once more than a few notes were read (``note(for:)``).
    private var noteIndex: [ObjectID: ObjectID]?
    /// How many notes were read without ``noteIndex``.
    private var notesRead = 0

    /// The stored note of `commit`, or `nil`. The first few are looked up in the notes tree
    /// directly (each lookup reads the whole tree: one entry per revision); after that, the
    /// tree is read once into ``noteIndex`` (O(number of revisions) memory, ~100 bytes each),
    /// and each later note costs one blob read.
    private func note(for commit: ObjectID) throws -> RevisionLineage? {
        guard let tree = notes.tree else { return nil }
        if noteIndex == nil, notesRead >= 4 {
            var index: [ObjectID: ObjectID] = [:]
            for (name, id) in try repo.blobs(inTree: tree) {
                if let key = ObjectID(hex: name) { index[key] = id }
            }
            noteIndex = index
        }
        guard let index = noteIndex else {
            notesRead += 1
            return try notes.note(for: commit, in: repo)
        }
        guard let blob = index[commit] else { return nil }
        return try RevisionLineage.decode(try repo.blob(blob), commit: commit.hex)
    }

    /// The revisions `revision` continues, first parent first (two or more for a merge).
    public func parents(of revision: Revision) -> [Revision] {
        history.parents(of: revision)
    }

    public func revision(named name: String) throws(LineageError) -> Revision {
        try history.revision(named: name)
    }
}
