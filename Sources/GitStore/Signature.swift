import CGit2

/// Who made a commit and when: a value copied out of libgit2's `git_signature`.
///
/// lineage passes fixed signatures (never the clock or the user's configuration) so that the
/// same inputs give the same commit hashes on every machine.
public struct Signature: Hashable, Sendable {
    public var name: String
    public var email: String
    /// Seconds since 1970-01-01T00:00:00Z. git stores this unsigned: it must not be negative.
    public var time: Int64
    /// The time zone as minutes east of UTC (-300 for -0500).
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Copies a borrowed `git_signature` (owned by its commit) into a value.
    init(copying sig: UnsafePointer<git_signature>) {
        name = String(cString: sig.pointee.name)
        email = String(cString: sig.pointee.email)
        time = sig.pointee.when.time
        offsetMinutes = Int(sig.pointee.when.offset)
    }

    /// Calls `body` with a `git_signature` made by `git_signature_new`, freed afterwards.
    func withRaw<T>(_ body: (UnsafePointer<git_signature>) throws -> T) throws -> T {
        guard time >= 0 else {
            throw GitError.usage("git_signature_new", "git cannot store a time before 1970-01-01 (\(time))")
        }
        var sig: UnsafeMutablePointer<git_signature>?
        try GitError.check(git_signature_new(&sig, name, email, time, Int32(offsetMinutes)), "git_signature_new")
        defer { git_signature_free(sig) }
        return try body(sig!)
    }

    /// The `author`/`committer` line of a commit, as libgit2 writes it (`git_signature__writebuf`):
    /// `field name <email> seconds ±hhmm`, name and email as `git_signature_new` trimmed them.
    func header(_ field: String) throws -> String {
        try withRaw { sig in
            let offset = Int(sig.pointee.when.offset)
            let sign = offset < 0 || sig.pointee.when.sign == CChar(UInt8(ascii: "-")) ? "-" : "+"
            let hours = abs(offset) / 60, minutes = abs(offset) % 60
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(field) \(String(cString: sig.pointee.name)) <\(String(cString: sig.pointee.email))> "
                + "\(UInt32(truncatingIfNeeded: sig.pointee.when.time)) \(sign)\(two(hours))\(two(minutes))\n"
        }
    }
}
