import CGit2

/// A commit, copied out of libgit2 (`git_commit_lookup`) into a value.
public struct Commit: Hashable, Sendable {
    public let id: ObjectID
    public let tree: ObjectID
    public let parents: [ObjectID]
    public let author: Signature
    public let committer: Signature
    /// The full message (`git_commit_message`), trailers included.
    public let message: String
}

extension Repository {
    /// Reads the commit `id` (`git_commit_lookup`).
    public func commit(_ id: ObjectID) throws(GitError) -> Commit {
        var oid = id.raw
        var commit: OpaquePointer?
        try GitError.check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        let parents = (0..<git_commit_parentcount(commit)).map { ObjectID(git_commit_parent_id(commit, $0).pointee) }
        // Signatures and message are borrowed from the commit: copy them before it is freed.
        return Commit(
            id: id,
            tree: ObjectID(git_commit_tree_id(commit).pointee),
            parents: parents,
            author: Signature(copying: git_commit_author(commit)),
            committer: Signature(copying: git_commit_committer(commit)),
            message: String(cString: git_commit_message(commit)))
    }

    /// The bytes of the blob at `path` (slash-separated) in `tree`, or `nil` if there is none
    /// (`git_tree_entry_bypath`, `git_blob_lookup`, `git_blob_rawcontent`).
    public func blob(at path: String, inTree tree: ObjectID) throws(GitError) -> [UInt8]? {
        try blobID(at: path, inTree: tree).map { (id) throws(GitError) in try blob(id) }
    }

    /// The id of the blob at `path` (slash-separated) in `tree`, or `nil` if there is none, without
    /// reading the blob (`git_tree_lookup`, `git_tree_entry_bypath`).
    public func blobID(at path: String, inTree tree: ObjectID) throws(GitError) -> ObjectID? {
        var treeOid = tree.raw
        var treeObject: OpaquePointer?
        try GitError.check(git_tree_lookup(&treeObject, pointer, &treeOid), "git_tree_lookup")
        defer { git_tree_free(treeObject) }
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, treeObject, path)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(found, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        return ObjectID(git_tree_entry_id(entry).pointee)
    }

    /// The bytes of blob `id` (`git_blob_lookup`, `git_blob_rawcontent`).
    public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        try GitError.check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// The blobs directly in `tree`: name and id of each, in the tree's order (by name), other
    /// entries left out (`git_tree_lookup`, `git_tree_entry_byindex`). One read of the tree,
    /// O(number of entries): for many lookups in one large tree, cheaper than
    /// ``blobID(at:inTree:)``, which reads and parses the whole tree each time.
    public func blobs(inTree tree: ObjectID) throws(GitError) -> [(name: String, id: ObjectID)] {
        var treeOid = tree.raw
        var treeObject: OpaquePointer?
        try GitError.check(git_tree_lookup(&treeObject, pointer, &treeOid), "git_tree_lookup")
        defer { git_tree_free(treeObject) }
        let count = git_tree_entrycount(treeObject)
        var out: [(name: String, id: ObjectID)] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            guard let entry = git_tree_entry_byindex(treeObject, i), git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { continue }
            out.append((String(cString: git_tree_entry_name(entry)), ObjectID(git_tree_entry_id(entry).pointee)))
        }
        return out
    }

    /// Whether the object database holds `id` (`git_odb_exists`).
    public func contains(_ id: ObjectID) throws(GitError) -> Bool {
        var db: OpaquePointer?
        try GitError.check(git_repository_odb(&db, pointer), "git_repository_odb")
        defer { git_odb_free(db) }
        var oid = id.raw
        return git_odb_exists(db, &oid) == 1
    }
}
