import Foundation
import GitStore
import LineageCore
import ResolutionText

/// Where the wording index (``LineageCore/WordingSegment``) of the record is stored: under
/// ``reference``, a commit whose tree holds one blob per segment (`segment-0001`, …). Each build
/// that adds revisions with documents the index does not cover appends one segment for those
/// alone (adding a session writes only its own wordings); past ``maxSegments`` the segments are
/// merged into one, from the segments themselves (no document is read again).
///
/// Documents are known by their commit's tree (one tree, one `resolution.txt`): a revision
/// re-committed with other parents keeps its tree, so it stays covered. The index is a cache:
/// a query covers what it lacks by reading those documents (``RecordWordings``), and a segment
/// of documents no longer in the history is ignored. A clone does not copy the reference; a
/// bare build (``HistoryBuilder/recomputeLineage(suggesting:)``) writes it again.
enum WordingStore {
    static let reference = "refs/lineage/wordings"
    /// Segments kept before a build merges them into one.
    static let maxSegments = 16
    /// How the message of every index commit begins.
    static let messagePrefix = "lineage: wording index of "
    static let segmentPrefix = "segment-"

    /// The index as stored: its commit, its tree and its segments, by name.
    struct Stored {
        var commit: ObjectID?
        var tree: ObjectID?
        var segments: [(name: String, segment: WordingSegment)] = []
        /// Segments that could not be read (another format): left out, and replaced at the next build.
        var unreadable: [String] = []

        /// Reads the index in `repo` (nothing when there is no reference).
        /// - Complexity: O(size of the index).
        init(_ repo: Repository) throws {
            commit = try repo.reference(WordingStore.reference)
            guard let commit else { return }
            let tree = try repo.commit(commit).tree
            self.tree = tree
            for (name, id) in try repo.blobs(inTree: tree) where name.hasPrefix(WordingStore.segmentPrefix) {
                do {
                    segments.append((name, try WordingSegment(decoding: try repo.blob(id))))
                } catch is WordingSegment.FormatError {
                    unreadable.append(name)
                }
            }
            segments.sort { $0.name < $1.name }
        }

        /// The documents some segment covers.
        var covered: Set<DocumentKey> { Set(segments.flatMap(\.segment.documents)) }
    }

    /// The key of a tree in a segment.
    static func key(_ tree: ObjectID) -> DocumentKey { DocumentKey(tree.bytes) }

    /// The tree of each revision (read from its commit when the revision does not know it).
    /// - Complexity: O(revisions), a commit read each for a build's new revisions.
    static func trees(of revisions: [Revision], in repo: Repository) throws -> [ObjectID] {
        try revisions.map { revision in
            if let tree = revision.documentTree { return tree }
            guard let commit = revision.commit else { throw LineageError("\(revision.number) is not stored") }
            return try repo.commit(commit).tree
        }
    }

    /// A segment of the documents of `trees` (each read from the repository and parsed).
    /// - Complexity: O(size of those documents), see ``LineageCore/WordingSegment/init(documents:)``.
    static func segment(trees: [ObjectID], repo: Repository, progress: (Int, Int) -> Void = { _, _ in }) throws -> WordingSegment {
        var documents: [(key: DocumentKey, paragraphs: [IndexedParagraph])] = []
        documents.reserveCapacity(trees.count)
        for (i, tree) in trees.enumerated() {
            progress(i, trees.count)
            guard let bytes = try repo.blob(at: HistoryLayout.documentPath, inTree: tree) else {
                throw LineageError("tree \(tree.hex) has no \(HistoryLayout.documentPath): not a lineage history")
            }
            let paragraphs = try CanonicalDocument.parse(String(decoding: bytes, as: UTF8.self)).paragraphs
            let addresses = ClauseAddress.addresses(for: paragraphs)
            documents.append((key(tree), zip(paragraphs, addresses).map { IndexedParagraph(text: $0.text, address: $1) }))
        }
        progress(trees.count, trees.count)
        return WordingSegment(documents: documents)
    }

    /// The build's stage: indexes the documents of `revisions` (the whole history after the
    /// build, in history order) that the stored index does not cover, in a batch of its own, and
    /// returns the move of ``reference`` for the build's reference transaction and how many
    /// documents were indexed, or `nil` when the index already covers every document.
    ///
    /// Cost: reading and indexing the documents not covered (all of them the first time);
    /// merging, past ``maxSegments``, is O(size of the index).
    static func update(
        revisions: [Revision], repo: Repository, packBytes: Int = ObjectWriter.defaultPackBytes,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> (update: ReferenceUpdate, indexed: Int)? {
        guard let last = revisions.last, let adopted = last.adopted else { return nil }
        let stored = try Stored(repo)
        let covered = stored.covered
        var seen = Set<ObjectID>()
        let missing = try trees(of: revisions, in: repo).filter { !covered.contains(key($0)) && seen.insert($0).inserted }
        guard !missing.isEmpty || !stored.unreadable.isEmpty else { return nil }
        let fresh = try segment(trees: missing, repo: repo, progress: progress)
        let written = try repo.writeObjects(packBytes: packBytes) { writer -> ObjectID in
            var names = stored.segments.map(\.name)
            var removing = stored.unreadable
            var segment = fresh
            if names.count + 1 > maxSegments {
                segment = WordingSegment.merged(stored.segments.map(\.segment) + [fresh])
                removing += names
                names = []
            }
            let number = (names + removing).compactMap { Int($0.dropFirst(segmentPrefix.count)) }.max().map { $0 + 1 } ?? 1
            var entries: [TreeEntry] = []
            if segment.documents.count > 0 {
                let name = segmentPrefix + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
                entries.append(TreeEntry(name: name, id: try writer.blob(segment.encoded())))
            }
            let tree = try writer.tree(base: stored.tree, entries: entries, removing: removing)
            let signature = HistoryLayout.author(adopted: adopted)
            return try writer.commit(
                tree: tree, parents: stored.commit.map { [$0] } ?? [], author: signature, committer: signature,
                message: "\(messagePrefix)\(revisions.count) revisions\n\nIndexed: \(missing.count) document(s)\n")
        }
        return (ReferenceUpdate(name: reference, expected: stored.commit, target: written.result), missing.count)
    }
}
