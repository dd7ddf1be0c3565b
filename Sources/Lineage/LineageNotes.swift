import Foundation
import GitStore
import LineageCore
import ResolutionText

/// Where and how the lineage is stored: git notes on the revision commits, under
/// `refs/notes/lineage`, so that the history's own hashes never depend on the alignment engine
/// (improving the engine recomputes the notes, not the history).
///
/// The notes tree maps each revision commit's 40-digit id to its ``RevisionLineage`` (JSON) and
/// holds one more entry, `lineage-settings`, with the engine version and the alignment
/// directives of the corrections file the lineage was computed with; when either differs from
/// the build's, the whole lineage is recomputed. Each build that changes the lineage adds one
/// notes commit (fixed signature; dated like the history's tip) on top of the previous one.
public enum LineageNotes {
    public static let reference = "refs/notes/lineage"
    static let settingsEntry = "lineage-settings"
    /// Bump when the engine's results change, so stored lineages are recomputed.
    public static let engineVersion = 2
    /// How the message of every notes commit a build writes begins.
    static let messagePrefix = "lineage: clause lineage of "

    static func settings(for corrections: Corrections) -> String {
        "engine \(engineVersion)\nnote-format \(RevisionLineage.format)\n" + corrections.alignmentDirectives
    }

    /// Reads the alignment corrections stored with the lineage.
    static func corrections(fromSettings text: String) -> Corrections {
        var out = Corrections()
        let directives = text.split(separator: "\n").filter { !$0.hasPrefix("engine ") && !$0.hasPrefix("note-format ") }
        try? out.parse(directives.joined(separator: "\n"), file: settingsEntry)
        return out
    }

    /// Resolves the corrections' clause names to paragraph indexes for the engine. Names that
    /// do not resolve are errors: a typo must not silently do nothing.
    static func overrides(_ corrections: Corrections, revisions: [Revision]) throws(LineageError) -> AlignmentOverrides {
        let byNumber = Dictionary(revisions.map { ($0.number, $0) }) { a, _ in a }
        func ref(_ name: Corrections.ClauseName) throws(LineageError) -> ClauseRef {
            guard let revision = byNumber[name.revision] else {
                throw LineageError("\(Corpus.correctionsFileName): \(name): no revision \(name.revision) in the history")
            }
            guard let paragraph = try revision.readResolution().paragraph(at: name.address) else {
                throw LineageError("\(Corpus.correctionsFileName): \(name): \(name.revision) has no paragraph \(name.address)")
            }
            return ClauseRef(revision: name.revision, paragraphIndex: paragraph.index)
        }
        var out = AlignmentOverrides()
        for pair in corrections.pairs { out.forced.append((try ref(pair.old), try ref(pair.new))) }
        for pair in corrections.unpairs { out.forbidden.append((try ref(pair.old), try ref(pair.new))) }
        for number in corrections.editorial {
            guard byNumber[number] != nil else {
                throw LineageError("\(Corpus.correctionsFileName): editorial \(number): no such revision in the history")
            }
        }
        out.editorial = corrections.editorial
        return out
    }

    /// The lineage as stored: the notes commit, its tree, the settings, and the note of each commit.
    struct Stored {
        var commit: ObjectID?
        var tree: ObjectID?
        var settings: String?
        /// True when the notes commit is not one a build wrote (`git notes` edited the notes, say):
        /// its notes may then be anything.
        var edited = false

        init(_ repo: Repository) throws {
            commit = try repo.reference(LineageNotes.reference)
            if let commit {
                let notes = try repo.commit(commit)
                tree = notes.tree
                settings = try repo.blob(at: settingsEntry, inTree: notes.tree).map { String(decoding: $0, as: UTF8.self) }
                edited =
                    notes.author.name != HistoryLayout.authorName || notes.author.email != HistoryLayout.authorEmail
                    || !notes.message.hasPrefix(LineageNotes.messagePrefix)
            }
        }

        /// The commits that have a note (the names of the notes tree's entries).
        ///
        /// Complexity: O(n) for n notes (one read of the tree).
        func annotatedCommits(in repo: Repository) throws -> Set<ObjectID> {
            guard let tree else { return [] }
            return Set(try repo.blobs(inTree: tree).compactMap { ObjectID(hex: $0.0) })
        }

        func note(for commit: ObjectID, in repo: Repository) throws -> RevisionLineage? {
            guard let tree, let bytes = try repo.blob(at: commit.hex, inTree: tree) else { return nil }
            return try RevisionLineage.decode(bytes, commit: commit.hex)
        }
    }

    /// Reads the stored notes of many commits. The first few are looked up in the notes tree
    /// directly (``Stored/note(for:in:)``: each lookup reads the whole tree, one entry per
    /// revision); after that, the tree is read once into an index (O(revisions) memory, about
    /// 100 bytes each) and each note costs one blob read.
    final class NoteReader {
        let stored: Stored
        let repo: Repository
        private var index: [ObjectID: ObjectID]?
        private var direct = 0
        /// Direct lookups before the tree is indexed.
        static let directLookups = 4

        init(_ stored: Stored, repo: Repository) {
            self.stored = stored
            self.repo = repo
        }

        /// The stored note of `commit`, or `nil`.
        func note(for commit: ObjectID) throws -> RevisionLineage? {
            guard let tree = stored.tree else { return nil }
            if index == nil, direct >= Self.directLookups {
                var built: [ObjectID: ObjectID] = [:]
                for (name, id) in try repo.blobs(inTree: tree) {
                    if let key = ObjectID(hex: name) { built[key] = id }
                }
                index = built
            }
            guard let index else {
                direct += 1
                return try stored.note(for: commit, in: repo)
            }
            guard let blob = index[commit] else { return nil }
            return try RevisionLineage.decode(try repo.blob(blob), commit: commit.hex)
        }
    }

    /// Computes the lineage of the revisions at `changed` (indexes into `revisions`, which is in
    /// history order) and of every revision when the settings changed, and writes the notes tree
    /// and commit; returns the new notes commit and how many revisions' lineage was computed, or
    /// `nil` if nothing changed. The other revisions keep their notes.
    ///
    /// Cost: one alignment per computed revision, plus reading the stored notes of the
    /// first-parent ancestors of the stored parents, to rebuild their archives of deleted
    /// clauses. Memory: the full states of the revisions whose children are still to compute.
    static func write(
        revisions: [Revision], ancestry: Ancestry, changed: [Int], stored: Stored, corrections: Corrections,
        staleCommits: [ObjectID], repo: Repository, writer: ObjectWriter,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }, notice: (String) -> Void = { _ in }
    ) throws -> (commit: ObjectID, computed: Int)? {
        let settings = settings(for: corrections)
        var reuse = stored.settings == settings && stored.tree != nil
        if reuse, let damage = try damagedNote(revisions: revisions, changed: changed, stored: stored, repo: repo) {
            notice("\(damage); recomputing the lineage")
            reuse = false
        }
        let compute = reuse ? changed : Array(revisions.indices)
        guard !compute.isEmpty || !reuse else { return nil }
        let overrides = try overrides(corrections, revisions: revisions)
        let position = Dictionary(revisions.enumerated().map { ($1.number, $0) }) { a, _ in a }
        let computing = Set(compute)

        // How many children still need each revision's full state.
        var waiting: [Int: Int] = [:]
        for i in compute {
            for p in ancestry.decisions[i].parents { waiting[position[p]!, default: 0] += 1 }
        }
        var states: [Int: LineageState] = [:]
        var storedArchives: [Int: [ClauseRecord]] = [:]
        let reader = NoteReader(stored, repo: repo)

        /// The full state of a revision whose note is stored: its note's state, with the archive
        /// rebuilt along its first parents (memoised). The notes are read oldest first and
        /// dropped once applied: each is stored as a delta against the one before it, so libgit2
        /// resolves each from the base it has just read, and memory holds one note and the archive.
        func storedState(_ i: Int) throws -> LineageState? {
            var chain: [Int] = []
            var at: Int? = i
            while let k = at, storedArchives[k] == nil {
                chain.append(k)
                at = ancestry.decisions[k].parents.first.map { position[$0]! }
            }
            var archive = at.map { storedArchives[$0]! } ?? []
            var own: RevisionLineage?
            for k in chain.reversed() {
                guard let note = try reader.note(for: revisions[k].commit!) else { return nil }
                note.applyArchiveDelta(to: &archive)
                if k == i { own = note }
            }
            storedArchives[i] = archive
            if own == nil { own = try reader.note(for: revisions[i].commit!) }
            guard var state = own?.state else { return nil }
            state.archive = archive
            return state
        }

        var entries: [TreeEntry] = [
            TreeEntry(name: settingsEntry, id: try writer.blob(Array(settings.utf8)))
        ]
        for (done, i) in compute.enumerated() {
            progress(done, compute.count)
            var parents: [(number: String, state: LineageState)] = []
            for p in ancestry.decisions[i].parents {
                let k = position[p]!
                if let state = states[k] {
                    parents.append((p, state))
                } else if !computing.contains(k), let state = try storedState(k) {
                    parents.append((p, state))
                } else {
                    // A stored note is missing (edited by hand?): recompute everything.
                    var fresh = stored
                    fresh.tree = nil
                    fresh.settings = nil
                    return try write(
                        revisions: revisions, ancestry: ancestry, changed: Array(revisions.indices),
                        stored: fresh, corrections: corrections, staleCommits: staleCommits, repo: repo, writer: writer,
                        progress: progress, notice: notice)
                }
                waiting[k]! -= 1
                if waiting[k] == 0 { states[k] = nil }
            }
            // `parents` holds the only reference to a state no other child waits for: handing it
            // over lets the engine extend its archive in place.
            let (note, full) = try RevisionLineage.compute(revision: revisions[i], parents: consume parents, overrides: overrides)
            entries.append(TreeEntry(name: revisions[i].commit!.hex, id: try writer.blob(note.encoded(), deltaFamily: "note")))
            if waiting[i, default: 0] > 0 { states[i] = full }
        }
        progress(compute.count, compute.count)
        let tree = try writer.tree(
            base: reuse ? stored.tree : nil, entries: entries, removing: reuse ? staleCommits.map(\.hex) : [])
        if tree == stored.tree { return nil }
        let signature = HistoryLayout.author(adopted: revisions.last!.adopted!)
        let commit = try writer.commit(
            tree: tree, parents: stored.commit.map { [$0] } ?? [], author: signature, committer: signature,
            message: "\(messagePrefix)\(revisions.count) revisions\n\nLineage-Engine: \(engineVersion)\n")
        return (commit, compute.count)
    }

    /// The first stored note that a build that reuses the stored lineage would need and cannot
    /// read, said for the user (naming the note), or `nil` when there is none: a revision kept by
    /// this build whose note is missing from the notes tree, or, when the notes were edited
    /// outside lineage (``Stored/edited``), whose note does not decode. A build never writes a
    /// note it cannot read, so notes under a build's own commit are not decoded again.
    ///
    /// O(revisions) to list the notes tree; O(size of every note) when the notes were edited.
    static func damagedNote(
        revisions: [Revision], changed: [Int], stored: Stored, repo: Repository
    ) throws -> String? {
        guard let tree = stored.tree else { return nil }
        var notes: [ObjectID: ObjectID] = [:]
        for (name, id) in try repo.blobs(inTree: tree) {
            if let key = ObjectID(hex: name) { notes[key] = id }
        }
        let recomputed = Set(changed)
        for (i, revision) in revisions.enumerated() where !recomputed.contains(i) {
            guard let commit = revision.commit else { continue }
            let file = "\(reference):\(commit.hex)"
            guard let note = notes[commit] else {
                return "\(file): the lineage note of \(revision.symbol) is missing"
            }
            guard stored.edited else { continue }
            do {
                _ = try RevisionLineage.decode(try repo.blob(note), commit: commit.hex)
            } catch {
                return "\(file): the lineage note of \(revision.symbol) cannot be read"
            }
        }
        return nil
    }
}
