import CGit2
import Glibc

/// Adds new references to `packed-refs` in one locked rewrite, instead of one loose file each.
///
/// A thousand new tags as loose references cost two thousand files created, renamed and
/// synced; as packed references, one file. The protocol is git's (`git pack-refs`, libgit2's
/// `refdb_fs`): take `packed-refs.lock` (exclusive create; fails if another writer holds it),
/// write the whole new file into it, sync it, rename it over `packed-refs`, sync the directory.
/// Entries already there are kept byte for byte (peeled `^` lines included); the file is
/// kept sorted by name, under the existing header or git's usual one.
struct PackedReferences {
    private let path: String
    private let lockPath: String
    private var fd: Int32 = -1
    private var committed = false

    /// Takes the lock, or fails with `GIT_ELOCKED` (see ``GitError/isConcurrentModification``).
    init(gitDirectory: String) throws(GitError) {
        path = gitDirectory + "packed-refs"
        lockPath = path + ".lock"
        fd = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw GitError(
                function: "packed-refs.lock", code: errno == EEXIST ? GIT_ELOCKED.rawValue : GIT_ERROR.rawValue,
                message: "cannot lock \(path): \(reason)")
        }
    }

    /// Writes the current entries plus `additions` (name, target) into the lock and syncs it.
    mutating func write(adding additions: [(name: String, target: ObjectID)]) throws(GitError) {
        var header = "# pack-refs with: peeled fully-peeled sorted \n"
        var entries: [(name: String, lines: String)] = []
        for line in try Self.readLines(path) {
            if line.hasPrefix("#") {
                header = line + "\n"
            } else if line.hasPrefix("^"), !entries.isEmpty {
                entries[entries.count - 1].lines += line + "\n"
            } else if let space = line.firstIndex(of: " ") {
                entries.append((String(line[line.index(after: space)...]), line + "\n"))
            }
        }
        for addition in additions { entries.append((addition.name, "\(addition.target.hex) \(addition.name)\n")) }
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let bytes = Array((header + entries.map(\.lines).joined()).utf8)
        guard PackFile.write(bytes, to: fd) else { throw Self.failure("write") }
        guard fsync(fd) == 0 else { throw Self.failure("fsync") }
    }

    /// Renames the lock over `packed-refs` and syncs the directory.
    mutating func commit() throws(GitError) {
        close(fd)
        fd = -1
        guard rename(lockPath, path) == 0 else { throw Self.failure("rename") }
        committed = true
        guard PackFile.syncDirectory(String(path.dropLast("packed-refs".count))) else { throw Self.failure("fsync") }
    }

    /// Drops the lock if it was not committed.
    mutating func release() {
        if fd >= 0 { close(fd) }
        fd = -1
        if !committed { unlink(lockPath) }
    }

    /// The lines of `packed-refs`; none if it does not exist.
    private static func readLines(_ path: String) throws(GitError) -> [Substring] {
        guard let file = fopen(path, "r") else {
            guard errno == ENOENT else { throw failure("open") }
            return []
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        guard ferror(file) == 0 else { throw failure("read") }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n")
    }

    private static func failure(_ call: String) -> GitError {
        GitError.usage("packed-refs", "\(call) failed: \(String(cString: strerror(errno)))")
    }
}
