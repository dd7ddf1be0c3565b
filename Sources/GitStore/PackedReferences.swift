import CGit2
import Glibc

/// The `packed-refs` file: read, and rewritten in one locked step.
///
/// The protocol is git's (`git pack-refs`, libgit2's `refdb_fs`): take `packed-refs.lock`
/// (exclusive create; fails if another writer holds it), write the whole new file into it, sync
/// it, rename it over `packed-refs`, sync the folder. Entries kept are kept byte for byte
/// (peeled `^` lines included); the file is sorted by name, under the existing header or git's
/// usual one.
struct PackedReferences {
    static let fileName = "packed-refs"
    static let header = "# pack-refs with: peeled fully-peeled sorted \n"

    private let folder: String
    private var fd: Int32 = -1
    private var committed = false

    var path: String { folder + Self.fileName }
    var lockPath: String { path + ".lock" }

    /// Takes the lock, or fails with `GIT_ELOCKED` (see ``GitError/isConcurrentModification``),
    /// naming the lock file.
    init(gitDirectory: String) throws(GitError) {
        folder = gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/"
        fd = open(folder + Self.fileName + ".lock", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw GitError(
                function: "packed-refs.lock", code: errno == EEXIST ? GIT_ELOCKED.rawValue : GIT_ERROR.rawValue,
                message: "cannot lock \(folder + Self.fileName): \(folder + Self.fileName).lock: \(reason)")
        }
    }

    /// The entries of the `packed-refs` file in `gitDirectory`: name and the lines that hold it
    /// (its own and a peeled `^` line), and the header; none if the file does not exist. O(size).
    static func read(gitDirectory: String) throws(GitError) -> (header: String, entries: [(name: String, lines: String)]) {
        let folder = gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/"
        var header = Self.header
        var entries: [(name: String, lines: String)] = []
        for line in try readLines(folder + fileName) {
            if line.hasPrefix("#") {
                header = line + "\n"
            } else if line.hasPrefix("^"), !entries.isEmpty {
                entries[entries.count - 1].lines += line + "\n"
            } else if let space = line.firstIndex(of: " ") {
                entries.append((String(line[line.index(after: space)...]), line + "\n"))
            }
        }
        return (header, entries)
    }

    /// The value of each packed reference, by name.
    static func values(gitDirectory: String) throws(GitError) -> [String: String] {
        var out: [String: String] = [:]
        for entry in try read(gitDirectory: gitDirectory).entries {
            out[entry.name] = String(entry.lines.prefix(while: { $0 != " " }))
        }
        return out
    }

    /// Writes the current entries with `changes` applied (a name to its new target, or `nil`
    /// to remove it) into the lock, and syncs it. A changed entry loses its peeled line: the
    /// targets lineage writes are commits, which have none. O(entries log entries).
    mutating func write(applying changes: [String: ObjectID?]) throws(GitError) {
        var (header, entries) = try Self.read(gitDirectory: folder)
        entries.removeAll { changes[$0.name] != nil }
        for (name, target) in changes {
            if let target { entries.append((name, "\(target.hex) \(name)\n")) }
        }
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let bytes = Array((header + entries.map(\.lines).joined()).utf8)
        guard PackFile.write(bytes, to: fd) else { throw Self.failure("write", lockPath) }
        guard fsync(fd) == 0 else { throw Self.failure("fsync", lockPath) }
    }

    /// Renames the lock over `packed-refs` and syncs the folder: the one step that makes the
    /// new file visible, whole.
    mutating func commit() throws(GitError) {
        close(fd)
        fd = -1
        guard rename(lockPath, path) == 0 else { throw Self.failure("rename", lockPath) }
        committed = true
        guard PackFile.syncDirectory(folder) else { throw Self.failure("fsync", folder) }
    }

    /// Drops the lock if it was not committed.
    mutating func release() {
        if fd >= 0 { close(fd) }
        fd = -1
        if !committed { unlink(lockPath) }
    }

    /// The lines of the file at `path`; none if it does not exist.
    static func readLines(_ path: String) throws(GitError) -> [Substring] {
        guard let bytes = try readFile(path) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n")
    }

    /// The bytes of the file at `path`, or `nil` if it does not exist.
    static func readFile(_ path: String) throws(GitError) -> [UInt8]? {
        guard let file = fopen(path, "r") else {
            guard errno == ENOENT || errno == ENOTDIR else { throw failure("open", path) }
            return nil
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        guard ferror(file) == 0 else { throw failure("read", path) }
        return bytes
    }

    static func failure(_ call: String, _ path: String) -> GitError {
        GitError.usage("packed-refs", "\(path): \(call) failed: \(String(cString: strerror(errno)))")
    }
}
