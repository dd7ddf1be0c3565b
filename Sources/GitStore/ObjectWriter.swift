import CGit2

/// Writes objects during ``Repository/writeObjects(_:)``; valid only inside that call.
public struct ObjectWriter {
    let repository: Repository

    /// Writes a blob (`git_blob_create_from_buffer`).
    public func blob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let result = bytes.withUnsafeBytes { git_blob_create_from_buffer(&oid, repository.pointer, $0.baseAddress, $0.count) }
        try GitError.check(result, "git_blob_create_from_buffer")
        return ObjectID(oid)
    }

    /// Writes a tree (`git_treebuilder_new`, `git_treebuilder_insert`, `git_treebuilder_write`).
    ///
    /// - Parameters:
    ///   - base: an existing tree to start from, or `nil` for an empty one.
    ///   - entries: entries to add or replace.
    ///   - removing: names to remove from `base`.
    public func tree(base: ObjectID? = nil, entries: [TreeEntry], removing: [String] = []) throws(GitError) -> ObjectID {
        var baseTree: OpaquePointer?
        if let base {
            var oid = base.raw
            try GitError.check(git_tree_lookup(&baseTree, repository.pointer, &oid), "git_tree_lookup")
        }
        defer { git_tree_free(baseTree) }
        var builder: OpaquePointer?
        try GitError.check(git_treebuilder_new(&builder, repository.pointer, baseTree), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        for name in removing {
            let result = git_treebuilder_remove(builder, name)
            if result != GIT_ENOTFOUND.rawValue { try GitError.check(result, "git_treebuilder_remove") }
        }
        for entry in entries {
            var oid = entry.id.raw
            try GitError.check(
                git_treebuilder_insert(nil, builder, entry.name, &oid, entry.mode.raw), "git_treebuilder_insert")
        }
        var out = git_oid()
        try GitError.check(git_treebuilder_write(&out, builder), "git_treebuilder_write")
        return ObjectID(out)
    }

    /// Writes a commit (`git_commit_create`); moves no reference.
    public func commit(
        tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String
    ) throws -> ObjectID {
        let repo = repository.pointer
        var treeOid = tree.raw
        var treeObject: OpaquePointer?
        try GitError.check(git_tree_lookup(&treeObject, repo, &treeOid), "git_tree_lookup")
        defer { git_tree_free(treeObject) }
        var parentObjects: [OpaquePointer?] = []
        defer { parentObjects.forEach { git_commit_free($0) } }
        for parent in parents {
            var oid = parent.raw
            var commit: OpaquePointer?
            try GitError.check(git_commit_lookup(&commit, repo, &oid), "git_commit_lookup")
            parentObjects.append(commit)
        }
        var out = git_oid()
        try author.withRaw { a in
            try committer.withRaw { c in
                let result = parentObjects.withUnsafeMutableBufferPointer { buffer in
                    git_commit_create(
                        &out, repo, nil, a, c, "UTF-8", message, treeObject, buffer.count, buffer.baseAddress)
                }
                try GitError.check(result, "git_commit_create")
            }
        }
        return ObjectID(out)
    }
}

/// One entry of a tree: a name, the object it names, and its file mode.
public struct TreeEntry: Hashable, Sendable {
    public enum Mode: Sendable, Hashable {
        case blob, tree
        var raw: git_filemode_t { self == .blob ? GIT_FILEMODE_BLOB : GIT_FILEMODE_TREE }
    }

    public var name: String
    public var id: ObjectID
    public var mode: Mode

    public init(name: String, id: ObjectID, mode: Mode = .blob) {
        self.name = name
        self.id = id
        self.mode = mode
    }
}
