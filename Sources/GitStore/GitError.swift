import CGit2

/// An error reported by libgit2: the function that failed, its return code, and the message
/// from `git_error_last()` read on the same thread right after the failing call.
public struct GitError: Error, Equatable, CustomStringConvertible {
    /// The libgit2 function that failed, e.g. `git_repository_open_bare`.
    public let function: String
    /// The `git_error_code` it returned (`GIT_ENOTFOUND` is -3, `GIT_ELOCKED` -14, …).
    public let code: Int32
    /// The error class from `git_error_last()` (`git_error_t`), or 0.
    public let errorClass: Int32
    public let message: String

    public var description: String { "\(message) (\(function), code \(code))" }

    /// True for `GIT_ENOTFOUND`.
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
    /// True for `GIT_ELOCKED` and `GIT_EMODIFIED`: someone else holds or moved a reference.
    public var isConcurrentModification: Bool {
        code == GIT_ELOCKED.rawValue || code == GIT_EMODIFIED.rawValue
    }

    init(function: String, code: Int32, errorClass: Int32 = 0, message: String) {
        self.function = function
        self.code = code
        self.errorClass = errorClass
        self.message = message
    }

    /// Throws when `result` is negative, capturing `git_error_last()` at once.
    ///
    /// Call it directly around the libgit2 call, so nothing runs between the failure and the
    /// read of the thread-local error.
    @inline(__always)
    static func check(_ result: Int32, _ function: String) throws(GitError) {
        guard result < 0 else { return }
        throw GitError.last(result, function)
    }

    static func last(_ result: Int32, _ function: String) -> GitError {
        if let error = git_error_last(), let text = error.pointee.message {
            return GitError(
                function: function, code: result, errorClass: error.pointee.klass, message: String(cString: text))
        }
        return GitError(function: function, code: result, message: "libgit2 error \(result)")
    }

    /// An error raised by this module itself (not by libgit2).
    static func usage(_ function: String, _ message: String) -> GitError {
        GitError(function: function, code: GIT_ERROR.rawValue, message: message)
    }
}
