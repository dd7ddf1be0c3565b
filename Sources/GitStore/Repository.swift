import CGit2

/// A git repository opened through libgit2 (`git_repository`), freed when the last reference goes.
///
/// Everything it returns is a Swift value (``ObjectID``, ``Commit``, ``Signature``, byte arrays);
/// no libgit2 pointer escapes this module. New objects are written only inside
/// ``writeObjects(packBytes:_:)``, which lands them on disk as pack files.
///
/// Not thread-safe: use one `Repository` per thread, as libgit2 requires.
public final class Repository {
    let pointer: OpaquePointer
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

    /// Runs `body`, whose writes go to one pack that lands in the object database when `body`
    /// returns (see ``ObjectWriter``); the pack is written to its file every `packBytes` of
    /// compressed objects, so memory stays bounded however much is written.
    ///
    /// If `body` throws, the pack is dropped, its temporary file removed. References are never moved
    /// here: move them after this returns, once every object is on disk. Objects that already
    /// exist are not written again, so a batch that creates nothing new writes no pack at all.
    ///
    /// - Returns: `body`'s result and the number of new objects written.
    public func writeObjects<T>(
        packBytes: Int = ObjectWriter.defaultPackBytes, _ body: (ObjectWriter) throws -> T
    ) throws -> (result: T, newObjects: Int) {
        let writer = ObjectWriter(repository: self, odb: try objectDatabase(), packLimit: packBytes)
        let result = try body(writer)
        try writer.finish()
        return (result, writer.newObjects)
    }

    /// The repository's object database (`git_repository_odb`), kept while the repository is open.
    private func objectDatabase() throws(GitError) -> OpaquePointer {
        if let odb { return odb }
        var db: OpaquePointer?
        try GitError.check(git_repository_odb(&db, pointer), "git_repository_odb")
        odb = db
        return db!
    }
}
