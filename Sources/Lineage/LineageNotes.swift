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
    public static let engineVersion = 1

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
            guard let paragraph = revision.resolution.paragraph(at: name.address) else {
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

        init(_ repo: Repository) throws {
            commit = try repo.reference(LineageNotes.reference)
            if let commit {
                let tree = try repo.commit(commit).tree
                self.tree = tree
                settings = try repo.blob(at: settingsEntry, inTree: tree).map { String(decoding: $0, as: UTF8.self) }
            }
        }

        func note(for commit: ObjectID, in repo: Repository) throws -> RevisionLineage? {
            guard let tree, let bytes = try repo.blob(at: commit.hex, inTree: tree) else { return nil }
            return try RevisionLineage.decode(bytes, commit: commit.hex)
        }
    }

    /// Computes the lineage of `revisions[start...]` (the ones before keep their notes) and
    /// writes the notes tree and commit; returns the new notes commit, or `nil` if nothing changed.
    ///
    /// Cost: one alignment per computed revision, plus reading the stored notes of the revisions
    /// before `start` to rebuild the archive of deleted clauses.
    static func write(
        revisions: [Revision], from requestedStart: Int, stored: Stored, corrections: Corrections,
        staleCommits: [ObjectID], repo: Repository, writer: ObjectWriter
    ) throws -> ObjectID? {
        let settings = settings(for: corrections)
        var reuse = stored.settings == settings
        var start = reuse ? requestedStart : 0
        guard start < revisions.count || !reuse else { return nil }
        let overrides = try overrides(corrections, revisions: revisions)

        var parent: (number: String, state: LineageState)?
        if start > 0 {
            var archive: [ClauseRecord] = []
            var last: RevisionLineage?
            for revision in revisions[..<start] {
                guard let note = try stored.note(for: revision.commit!, in: repo) else {
                    last = nil  // A note is missing (edited by hand?): recompute everything.
                    break
                }
                archive = note.fullState(parentArchive: archive).archive
                last = note
            }
            if var state = last?.state {
                state.archive = archive
                parent = (revisions[start - 1].number, state)
            } else {
                reuse = false
                start = 0
            }
        }
        var entries: [TreeEntry] = [
            TreeEntry(name: settingsEntry, id: try writer.blob(Array(settings.utf8)))
        ]
        for revision in revisions[start...] {
            let (note, full) = RevisionLineage.compute(revision: revision, parent: parent, overrides: overrides)
            entries.append(TreeEntry(name: revision.commit!.hex, id: try writer.blob(try note.encoded())))
            parent = (revision.number, full)
        }
        let tree = try writer.tree(
            base: reuse ? stored.tree : nil, entries: entries, removing: staleCommits.map(\.hex))
        if tree == stored.tree { return nil }
        let signature = HistoryLayout.author(adopted: revisions.last!.adopted!)
        return try writer.commit(
            tree: tree, parents: stored.commit.map { [$0] } ?? [], author: signature, committer: signature,
            message: "lineage: clause lineage of \(revisions.count) revisions\n\nLineage-Engine: \(engineVersion)\n")
    }
}
