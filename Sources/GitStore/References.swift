import CGit2

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

    /// Applies every update or none: locks all the references first (`git_transaction_lock_ref`),
    /// checks each still has its expected value, then writes them (`git_transaction_commit`).
    ///
    /// When at least `packingFrom` updates create references (a first build's tags), those are
    /// written to `packed-refs` in one locked rewrite (``PackedReferences``) just before the
    /// transaction commits, instead of as one loose file each.
    ///
    /// Fails with ``GitError/isConcurrentModification`` when another process holds a lock or has
    /// moved a reference since it was read.
    public func updateReferences(
        _ updates: [ReferenceUpdate], message: String, signature: Signature, packingFrom: Int = 64
    ) throws {
        guard !updates.isEmpty else { return }
        let creations = updates.filter { $0.expected == nil && $0.target != nil }
        let packed = creations.count >= packingFrom ? creations : []
        let packedNames = Set(packed.map(\.name))
        let loose = updates.filter { !packedNames.contains($0.name) }

        var tx: OpaquePointer?
        try GitError.check(git_transaction_new(&tx, pointer), "git_transaction_new")
        defer { git_transaction_free(tx) }
        for update in loose {
            try GitError.check(git_transaction_lock_ref(tx, update.name), "git_transaction_lock_ref")
        }
        var packedFile: PackedReferences?
        defer { packedFile?.release() }
        if !packed.isEmpty {
            for update in packed where !Repository.isValidReferenceName(update.name) {
                throw GitError.usage("git_transaction_lock_ref", "invalid reference name '\(update.name)'")
            }
            // As loose files could not, a packed name must not be a folder of another (a/b beside a).
            let names = Set(try references(matching: "refs/*").map(\.name) + packed.map(\.name))
            for name in packedNames {
                var prefix = Substring(name)
                while let slash = prefix.lastIndex(of: "/") {
                    prefix = prefix[..<slash]
                    if names.contains(String(prefix)) {
                        throw GitError.usage("git_transaction_lock_ref", "'\(name)' conflicts with the reference '\(prefix)'")
                    }
                }
            }
            packedFile = try PackedReferences(gitDirectory: gitDirectory)
        }
        for update in updates where try reference(update.name) != update.expected {
            throw GitError(
                function: "git_transaction_lock_ref", code: GIT_EMODIFIED.rawValue,
                message: "\(update.name) was changed by someone else since it was read")
        }
        try signature.withRaw { sig in
            for update in loose {
                if var oid = update.target?.raw {
                    try GitError.check(
                        git_transaction_set_target(tx, update.name, &oid, sig, message), "git_transaction_set_target")
                } else {
                    try GitError.check(git_transaction_remove(tx, update.name), "git_transaction_remove")
                }
            }
        }
        if packedFile != nil {
            try packedFile!.write(adding: packed.map { ($0.name, $0.target!) })
            try packedFile!.commit()
        }
        try GitError.check(git_transaction_commit(tx), "git_transaction_commit")
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
