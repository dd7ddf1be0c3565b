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
    private let reader: LineageNotes.NoteReader
    /// The notes read last (the oldest read is dropped first, whether used since or not):
    /// commands walk the history in order and look back at parents only, so a few suffice, and
    /// memory stays flat however long the history.
    private var cache: [ObjectID: RevisionLineage] = [:]
    private var cacheOrder: [ObjectID] = []
    private static let cacheSize = 8
    /// The record's wordings (`origin`, `blame`), loaded on first use (``recordWordings()``).
    var wordings: RecordWordings?

    /// Opens the repository at `path` (one libgit2 repository for the history and its notes).
    public static func open(_ path: String) throws(LineageError) -> LineageRepository {
        let (history, repo) = try History.openWithRepository(path)
        do {
            return LineageRepository(history: history, repo: repo, notes: try LineageNotes.Stored(repo))
        } catch {
            throw LineageError(
                "\(path): cannot read the lineage: \(LineageError.describe(error))",
                hint: "run `lineage build --repo \(path)` to compute it again")
        }
    }

    private init(history: History, repo: Repository, notes: LineageNotes.Stored) {
        self.history = history
        self.repo = repo
        self.notes = notes
        reader = LineageNotes.NoteReader(notes, repo: repo)
    }

    /// The same repository seen as if it held `series` alone (``History/restricted(to:)``): the
    /// notes and objects are shared, not read again. The whole repository when it holds that
    /// series only.
    public func restricted(to series: Series) -> LineageRepository {
        guard history.series.count > 1 else { return self }
        return LineageRepository(history: history.restricted(to: series), repo: repo, notes: notes)
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
            guard notes.commit != nil else {
                throw LineageError(
                    "\(history.path): no stored lineage: \(LineageNotes.reference) is missing (a git clone does not copy notes)",
                    hint: "`lineage build --repo \(history.path)` restores it from the revisions the repository holds")
            }
            guard let note = try reader.note(for: commit) else {
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
            throw LineageError(
                "\(history.path): cannot read the lineage of \(revision.symbol): \(LineageError.describe(error))",
                hint: "run `lineage build --repo \(history.path)` to compute it again")
        }
    }

    /// The revisions `revision` continues, first parent first (two or more for a merge).
    public func parents(of revision: Revision) -> [Revision] {
        history.parents(of: revision)
    }

    public func revision(named name: String) throws(LineageError) -> Revision {
        try history.revision(named: name)
    }
}
