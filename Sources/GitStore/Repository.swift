import CGit2

/// A git repository opened through libgit2 (`git_repository`), freed when the last reference goes.
///
/// Everything it returns is a Swift value (``ObjectID``, ``Commit``, ``Signature``, byte arrays);
/// no libgit2 pointer escapes this module. New objects are written only inside
/// ``writeObjects(_:)``, which lands them on disk as one pack file or not at all.
///
/// Not thread-safe: use one `Repository` per thread, as libgit2 requires.
public final class Repository {
    let pointer: OpaquePointer
    /// The in-memory object store (`git_mempack_new`) that ``writeObjects(_:)`` writes into.
    private var mempack: UnsafeMutablePointer<git_odb_backend>?
    private var odb: OpaquePointer?

    private init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        if let odb { git_odb_free(odb) }
        git_repository_free(pointer)
    }

    /// Opens the repository at `path` (`git_repository_open_ext` with no search upwards).
    public static func open(at path: String) throws(GitError) -> Repository {
        Library.initialized
        var repo: OpaquePointer?
        try GitError.check(
            git_repository_open_ext(&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
            "git_repository_open_ext")
        return Repository(repo!)
    }

    /// Creates a bare repository at `path` (`git_repository_init`), its `HEAD` on `initialBranch`.
    public static func createBare(at path: String, initialBranch: String) throws(GitError) -> Repository {
        Library.initialized
        var options = git_repository_init_options()
        try GitError.check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_BARE.rawValue | GIT_REPOSITORY_INIT_MKPATH.rawValue
            | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        var repo: OpaquePointer?
        let result = initialBranch.withCString { branch in
            options.initial_head = branch
            return git_repository_init_ext(&repo, path, &options)
        }
        try GitError.check(result, "git_repository_init_ext")
        return Repository(repo!)
    }

    /// The repository's git directory (`git_repository_path`), with a trailing slash.
    public var gitDirectory: String { String(cString: git_repository_path(pointer)) }

    // MARK: - Writing objects

    /// Runs `body`, whose writes go to an in-memory object store, then writes them all to the
    /// object database as a single pack (`git_mempack_dump`, `git_odb_write_pack`).
    ///
    /// If `body` throws, nothing reaches the disk. Objects that already exist are not written
    /// again, so a batch that creates nothing new writes no pack at all. Cost: one pack and its
    /// index per batch, instead of one zlib-compressed file per object.
    ///
    /// - Returns: `body`'s result and the number of new objects written.
    public func writeObjects<T>(_ body: (ObjectWriter) throws -> T) throws -> (result: T, newObjects: Int) {
        let backend = try installMempack()
        defer { git_mempack_reset(backend) }
        let result = try body(ObjectWriter(repository: self))

        var pack = git_buf()
        defer { git_buf_dispose(&pack) }
        try GitError.check(git_mempack_dump(&pack, pointer, backend), "git_mempack_dump")
        let count = Repository.objectCount(ofPack: pack)
        guard count > 0 else { return (result, 0) }

        var writer: UnsafeMutablePointer<git_odb_writepack>?
        try GitError.check(git_odb_write_pack(&writer, odb, nil, nil), "git_odb_write_pack")
        defer { writer!.pointee.free(writer) }
        var stats = git_indexer_progress()
        try GitError.check(writer!.pointee.append(writer, pack.ptr, pack.size, &stats), "git_odb_writepack.append")
        try GitError.check(writer!.pointee.commit(writer, &stats), "git_odb_writepack.commit")
        try GitError.check(git_odb_refresh(odb), "git_odb_refresh")
        return (result, count)
    }

    /// The object count in a pack's header ("PACK", version, count; big-endian).
    private static func objectCount(ofPack pack: git_buf) -> Int {
        guard pack.size >= 12, let bytes = pack.ptr else { return 0 }
        return (8..<12).reduce(0) { $0 << 8 | Int(UInt8(bitPattern: bytes[$1])) }
    }

    private func installMempack() throws -> UnsafeMutablePointer<git_odb_backend> {
        if let mempack { return mempack }
        var db: OpaquePointer?
        try GitError.check(git_repository_odb(&db, pointer), "git_repository_odb")
        var backend: UnsafeMutablePointer<git_odb_backend>?
        try GitError.check(git_mempack_new(&backend), "git_mempack_new")
        // The odb owns the backend from here on and frees it with itself.
        try GitError.check(git_odb_add_backend(db, backend, 999), "git_odb_add_backend")
        odb = db
        mempack = backend
        return backend!
    }
}
