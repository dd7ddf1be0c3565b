import CGit2
import Glibc

/// A change to one reference, applied by ``Repository/updateReferences(_:message:)``.
public struct ReferenceUpdate: Hashable, Sendable {
    /// The full name, e.g. `refs/heads/main`, `refs/tags/A/RES/69/28`.
    public var name: String
    /// The value the reference must have now (`nil`: it must not exist). Guards against a
    /// concurrent writer: the update fails rather than overwrite someone else's change.
    public var expected: ObjectID?
    /// The new value (`nil`: delete the reference).
    public var target: ObjectID?

    public init(name: String, expected: ObjectID?, target: ObjectID?) {
        self.name = name
        self.expected = expected
        self.target = target
    }
}

extension Repository {
    /// The object a reference points to, following symbolic references (`git_reference_name_to_id`),
    /// or `nil` if it does not exist.
    public func reference(_ name: String) throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, name)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(result, "git_reference_name_to_id")
        return ObjectID(oid)
    }

    /// All references whose names match `glob` (e.g. `refs/tags/*`), sorted by name
    /// (`git_reference_iterator_glob_new`, `git_reference_next`).
    public func references(matching glob: String) throws(GitError) -> [(name: String, target: ObjectID)] {
        var iterator: OpaquePointer?
        try GitError.check(git_reference_iterator_glob_new(&iterator, pointer, glob), "git_reference_iterator_glob_new")
        defer { git_reference_iterator_free(iterator) }
        var out: [(name: String, target: ObjectID)] = []
        while true {
            var ref: OpaquePointer?
            let result = git_reference_next(&ref, iterator)
            if result == GIT_ITEROVER.rawValue { break }
            try GitError.check(result, "git_reference_next")
            defer { git_reference_free(ref) }
            if let target = git_reference_target(ref) {
                out.append((String(cString: git_reference_name(ref)), ObjectID(target.pointee)))
            }
        }
        return out.sorted { $0.name < $1.name }
    }

    /// Applies every update or none, as one rewrite of `packed-refs`: the rename of
    /// `packed-refs.lock` over `packed-refs` is the one step that moves them all.
    ///
    /// The order, and why a crash at any point leaves a state that
    /// ``recoverInterruptedWrites(gitDirectory:)`` (run under a lock that proves no other writer)
    /// turns into either the old state or the new one, never a mix:
    /// 1. take `packed-refs.lock` (exclusive create);
    /// 2. for every reference to update that also exists as a loose file (a loose file shadows
    ///    its packed entry), create `<name>.lock` holding the new value (40 zeros for a
    ///    deletion): the journal of what step 6 must finish;
    /// 3. check every reference still has its expected value;
    /// 4. write the new `packed-refs` into its lock (every entry, the updates applied) and sync it;
    /// 5. **commit**: rename `packed-refs.lock` over `packed-refs`, sync the folder;
    /// 6. for each journalled reference, remove its loose file (its value is now packed), then
    ///    its `.lock`.
    ///
    /// A crash before 5 leaves `packed-refs.lock`: the transaction did not happen, and recovery
    /// removes that lock and the reference locks (the references keep their old values: no
    /// file they are read from was touched). A crash after 5 leaves no `packed-refs.lock`, and
    /// each `.lock` left holds the value `packed-refs` now has: recovery finishes step 6 for it
    /// (removes the stale loose file, then the lock). Every prefix of step 6 is thus completed
    /// to the same end, the new values.
    ///
    /// Fails with ``GitError/isConcurrentModification`` when another process holds a lock (the
    /// error names the file) or has moved a reference since it was read; nothing changes then.
    ///
    /// The targets must be commits (`packed-refs` records no peeled value for them).
    public func updateReferences(_ updates: [ReferenceUpdate]) throws(GitError) {
        guard !updates.isEmpty else { return }
        let folder = gitDirectory
        var changes: [String: ObjectID?] = [:]
        for update in updates {
            guard Repository.isValidReferenceName(update.name), update.name.hasPrefix("refs/") else {
                throw GitError.usage("git_reference_name_is_valid", "invalid reference name '\(update.name)'")
            }
            guard changes[update.name] == nil else {
                throw GitError.usage("updateReferences", "'\(update.name)' is updated twice")
            }
            changes[update.name] = .some(update.target)
        }
        // As loose files could not, a name must not be a folder of another (a/b beside a).
        let existing = Set(try references(matching: "refs/*").map(\.name)).filter { changes[$0] == nil || changes[$0]! != nil }
        let created = Set(changes.compactMap { $0.value == nil ? nil : $0.key })
        let names = existing.union(created)
        for name in created {
            var prefix = Substring(name)
            while let slash = prefix.lastIndex(of: "/") {
                prefix = prefix[..<slash]
                if names.contains(String(prefix)) {
                    throw GitError.usage("updateReferences", "'\(name)' conflicts with the reference '\(prefix)'")
                }
            }
        }

        var packed = try PackedReferences(gitDirectory: folder)
        defer { packed.release() }
        var journal: [String] = []
        var committed = false
        defer {
            if !committed { for name in journal { unlink(folder + name + ".lock") } }
        }
        for update in updates.sorted(by: { $0.name < $1.name }) {
            var info = stat()
            guard stat(folder + update.name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let lock = folder + update.name + ".lock"
            let fd = Glibc.open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                throw GitError(
                    function: "updateReferences", code: errno == EEXIST ? GIT_ELOCKED.rawValue : GIT_ERROR.rawValue,
                    message: "cannot lock \(folder + update.name): \(lock): \(reason)")
            }
            journal.append(update.name)
            let value = (update.target?.hex ?? Self.deletionMark) + "\n"
            let written = PackFile.write(Array(value.utf8), to: fd) && fsync(fd) == 0
            close(fd)
            guard written else { throw PackedReferences.failure("write", lock) }
        }
        for update in updates where try reference(update.name) != update.expected {
            throw GitError(
                function: "updateReferences", code: GIT_EMODIFIED.rawValue,
                message: "\(update.name) was changed by someone else since it was read")
        }
        try packed.write(applying: changes)
        try packed.commit()
        committed = true
        for name in journal {
            unlink(folder + name)
            unlink(folder + name + ".lock")
        }
    }

    /// What a reference lock of ``updateReferences(_:)`` holds for a deletion.
    static let deletionMark = String(repeating: "0", count: 40)

    /// Finishes or undoes what a write that was killed left half done, and removes what it left
    /// behind; returns the paths (relative to the git directory) it removed or completed.
    ///
    /// Call it only while holding a lock that proves no other process is writing the repository
    /// (lineage's build lock): every lock file and temporary file found is then a dead writer's.
    /// - Temporary files in `objects/pack` (`tmp_*`: a pack or an index being written) and a pack
    ///   without its index (the pack is renamed into place before its index) are removed.
    /// - References: see the order in ``updateReferences(_:)``. With `packed-refs.lock` present,
    ///   the transaction did not commit: that lock and every `refs/**.lock` are removed. Without
    ///   it, a `refs/**/NAME.lock` holding the value `packed-refs` has for NAME (or the deletion
    ///   mark, NAME not packed) is a committed transaction's: the loose NAME is removed, then the
    ///   lock; any other reference lock is removed alone.
    /// - `HEAD.lock` and `config.lock` (libgit2 writes those files through a lock and a rename)
    ///   are removed.
    ///
    /// O(files in `objects/pack` and `refs`).
    public static func recoverInterruptedWrites(gitDirectory: String) throws(GitError) -> [String] {
        let folder = gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/"
        var done: [String] = []
        func remove(_ relative: String) {
            if unlink(folder + relative) == 0 { done.append(relative) }
        }
        let packs = Self.files(in: folder + "objects/pack")
        let names = Set(packs)
        for name in packs {
            if name.hasPrefix("tmp_") {
                remove("objects/pack/" + name)
            } else if name.hasPrefix("pack-"), name.hasSuffix(".pack"), !names.contains(String(name.dropLast(5)) + ".idx") {
                remove("objects/pack/" + name)
            }
        }
        let referenceLocks = Self.files(in: folder + "refs", recursive: true).filter { $0.hasSuffix(".lock") }.map { "refs/" + $0 }
        let packedLock = PackedReferences.fileName + ".lock"
        if access(folder + packedLock, F_OK) == 0 {
            for lock in referenceLocks { remove(lock) }
            remove(packedLock)
        } else if !referenceLocks.isEmpty {
            let packed = try PackedReferences.values(gitDirectory: folder)
            for lock in referenceLocks {
                let name = String(lock.dropLast(".lock".count))
                let bytes = try PackedReferences.readFile(folder + lock) ?? []
                let value = String(decoding: bytes, as: UTF8.self).trimmingSuffix("\n")
                let committed = value == Self.deletionMark ? packed[name] == nil : packed[name] == value
                if committed, unlink(folder + name) == 0 { done.append(name) }
                remove(lock)
            }
        }
        for lock in ["HEAD.lock", "config.lock"] { remove(lock) }
        return done
    }

    /// The names of the regular files in `path` (relative to it; every level when `recursive`);
    /// none if it does not exist.
    private static func files(in path: String, recursive: Bool = false) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var out: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFREG {
                out.append(name)
            } else if recursive, info.st_mode & S_IFMT == S_IFDIR {
                out += files(in: path + "/" + name, recursive: true).map { name + "/" + $0 }
            }
        }
        return out
    }

    /// Points `HEAD` at `reference` (`git_reference_symbolic_create`), which need not exist yet.
    public func setHead(to reference: String) throws(GitError) {
        var ref: OpaquePointer?
        try GitError.check(
            git_reference_symbolic_create(&ref, pointer, "HEAD", reference, 1, "lineage: HEAD"),
            "git_reference_symbolic_create")
        git_reference_free(ref)
    }

    /// The commit a revision expression names (`git_revparse_single`, peeled with
    /// `git_object_peel`), or `nil` if it names nothing or not a commit.
    public func resolveCommit(_ spec: String) throws(GitError) -> ObjectID? {
        var object: OpaquePointer?
        let result = git_revparse_single(&object, pointer, spec)
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EAMBIGUOUS.rawValue || result == GIT_EINVALIDSPEC.rawValue {
            return nil
        }
        try GitError.check(result, "git_revparse_single")
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0 else { return nil }
        defer { git_object_free(peeled) }
        return ObjectID(git_object_id(peeled).pointee)
    }

    /// Whether `name` is a valid reference name (`git_reference_name_is_valid`).
    public static func isValidReferenceName(_ name: String) -> Bool {
        Library.initialized
        var valid: Int32 = 0
        return git_reference_name_is_valid(&valid, name) == 0 && valid == 1
    }
}

extension Repository {
    /// The reference a symbolic reference points to (`HEAD` → `refs/heads/main`), or `nil` if it
    /// does not exist or is not symbolic (`git_reference_lookup`, `git_reference_symbolic_target`).
    public func symbolicTarget(of name: String) throws(GitError) -> String? {
        var ref: OpaquePointer?
        let result = git_reference_lookup(&ref, pointer, name)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(result, "git_reference_lookup")
        defer { git_reference_free(ref) }
        return git_reference_symbolic_target(ref).map { String(cString: $0) }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
