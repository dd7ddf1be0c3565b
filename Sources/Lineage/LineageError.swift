import GitStore

/// A problem lineage reports to its user: what went wrong, and with which file or revision.
///
/// Every refusal names the file and the reason, and is raised before anything is written.
public struct LineageError: Error, Equatable, CustomStringConvertible {
    public var message: String
    /// An optional hint on how to fix it ("supply it with …").
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String {
        hint.map { "\(message)\nhint: \($0)" } ?? message
    }
}

extension LineageError {
    /// The refusal to open `path` as a lineage repository, from what went wrong (`cause`): git's
    /// own words without libgit2's function names and codes, and what to do.
    static func cannotOpen(_ path: String, _ cause: any Error) -> LineageError {
        if let git = cause as? GitError {
            if git.isNotFound {
                return LineageError("\(path): no lineage repository here (not a git repository)", hint: buildHint(path))
            }
            return LineageError(
                "\(path): cannot read the repository: \(git.message)",
                hint: "check that \(path) is a repository written by `lineage build` and that you may read it")
        }
        return LineageError("\(path): cannot read the repository: \(cause)", hint: buildHint(path))
    }

    /// The refusal to answer from the repository at `path`, which holds no revision.
    public static func emptyHistory(_ path: String) -> LineageError {
        LineageError("\(path): the history is empty", hint: "commit resolutions to it with `lineage build --repo \(path) FILE…`")
    }

    /// How to get a repository at `path`.
    static func buildHint(_ path: String) -> String {
        "build one with `lineage build --repo \(path) FILE…`, or name an existing one with --repo DIR or $LINEAGE_REPO"
    }

    /// An error from the storage below lineage (libgit2, the file system) while working on the
    /// repository at `path`, as a user reads it: git's message without libgit2's function names
    /// and codes. A ``LineageError`` is returned as it is.
    public static func storage(_ cause: any Error, repository path: String) -> LineageError {
        if let error = cause as? LineageError { return error }
        if let git = cause as? GitError {
            if git.isConcurrentModification {
                return LineageError(
                    "\(path): the repository is being changed by another process",
                    hint: "wait for it to finish, then run the command again")
            }
            return LineageError("\(path): \(git.message)", hint: "check that \(path) is a repository written by `lineage build` and that you may write to it")
        }
        return LineageError("\(path): \(cause)")
    }

    /// An error from below lineage's own checks, in words (git's message without libgit2's
    /// function name and code). A ``LineageError`` is returned as it is.
    public static func storage(_ cause: any Error) -> LineageError {
        if let error = cause as? LineageError { return error }
        return LineageError(describe(cause), hint: "if this persists, run the command again with the repository (--repo DIR) named")
    }

    /// True for an error of the storage below lineage (libgit2), which ``storage(_:)`` words.
    public static func isStorage(_ error: any Error) -> Bool { error is GitError }

    /// What went wrong, in words: git's message without libgit2's function name and code.
    static func describe(_ cause: any Error) -> String {
        if let error = cause as? LineageError { return error.message }
        if let git = cause as? GitError { return git.message }
        return "\(cause)"
    }
}
