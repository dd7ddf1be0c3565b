import CGit2
import Crypto
import Glibc

/// Writes the pack that ``ObjectWriter`` assembles, with its index, as `git fast-import` does:
/// the pack goes to a temporary file a buffer at a time (one pack per batch of writes, however
/// large, in bounded memory), and since the writer knows every object's id, offset and bytes, it
/// writes the version 2 index itself instead of handing the pack to an indexer that would
/// inflate, resolve and hash every object again (`git_odb_write_pack` spent more time indexing
/// than the writer spent packing).
///
/// The files are git's: `objects/pack/pack-<checksum>.pack` and `.idx`, read-only (0444), each
/// written to a temporary file in that folder, synced, and renamed into place, the pack before
/// its index (readers find a pack through its index), then the folder is synced; libgit2's
/// indexer does the same with `GIT_OPT_ENABLE_FSYNC_GITDIR`, which lineage sets. A failure
/// leaves no pack without its index, and removes its temporary file.
enum PackFile {
    /// One object of a pack: its id, where its entry starts, and the CRC-32 of the entry's bytes
    /// (header, base distance and compressed data), as the index records them.
    struct Entry {
        var id: ObjectID
        var offset: Int
        var crc: UInt32
    }

    /// The CRC-32 of `bytes` (zlib's `crc32`).
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CGit2.crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    /// The version 2 index of a pack (git's `Documentation/gitformat-pack.txt`): magic and
    /// version, a fan-out table of 256 cumulative counts by first byte, the sorted ids, their
    /// CRC-32s, their 31-bit offsets (offsets of 2 GiB or more go to a table of 64-bit offsets,
    /// pointed to with the high bit set), the pack's checksum, and the SHA-1 of all of that.
    /// O(n log n) for n objects.
    static func index(_ entries: [Entry], packChecksum: [UInt8]) -> [UInt8] {
        let sorted = entries.sorted { $0.id < $1.id }
        var out: [UInt8] = [0xFF, 0x74, 0x4F, 0x63, 0, 0, 0, 2]
        out.reserveCapacity(8 + 1024 + sorted.count * 28 + 40)
        func u32(_ v: UInt32) { for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) } }
        var fanout = [UInt32](repeating: 0, count: 256)
        for entry in sorted { fanout[Int(entry.id.bytes[0])] += 1 }
        var total: UInt32 = 0
        for i in 0..<256 {
            total += fanout[i]
            u32(total)
        }
        for entry in sorted { out += entry.id.bytes }
        for entry in sorted { u32(entry.crc) }
        var large: [UInt64] = []
        for entry in sorted {
            if entry.offset < 0x8000_0000 {
                u32(UInt32(entry.offset))
            } else {
                u32(0x8000_0000 | UInt32(large.count))
                large.append(UInt64(entry.offset))
            }
        }
        for offset in large {
            u32(UInt32(truncatingIfNeeded: offset >> 32))
            u32(UInt32(truncatingIfNeeded: offset))
        }
        out += packChecksum
        out += Insecure.SHA1.hash(data: out)
        return out
    }

    /// A pack being written to a temporary file in `objects/pack`, a buffer at a time, so that
    /// memory holds one buffer, not the pack; ``finish(count:entries:)`` completes and lands it.
    /// Dropped unfinished (an error in the build), it removes its temporary file.
    final class Writer {
        private let folder: String
        private let path: String
        private var fd: Int32
        /// Bytes written so far.
        private(set) var size = 0

        /// Creates the temporary file and writes the pack header (its object count is set by
        /// ``finish(count:entries:)``).
        init(gitDirectory: String) throws(GitError) {
            folder = gitDirectory + (gitDirectory.hasSuffix("/") ? "" : "/") + "objects/pack/"
            (fd, path) = try PackFile.temporaryFile(in: folder)
            try append(Array("PACK".utf8) + [0, 0, 0, 2, 0, 0, 0, 0])
        }

        deinit {
            if fd >= 0 {
                close(fd)
                unlink(path)
            }
        }

        func append(_ bytes: [UInt8]) throws(GitError) {
            try PackFile.writeAll(bytes, to: fd, path: path)
            size += bytes.count
        }

        /// Sets the object count (a writer exists once an object was written), appends the SHA-1
        /// of the whole file (read back: the count at its start changed), writes the index, and
        /// renames both into place.
        func finish(entries: [Entry]) throws(GitError) {
            defer {
                close(fd)
                fd = -1
            }
            let count = entries.count
            let header = (0..<4).map { UInt8(truncatingIfNeeded: count >> (24 - 8 * $0)) }
            guard pwrite(fd, header, 4, 8) == 4 else { throw fail("pwrite") }
            var sha = Insecure.SHA1()
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var offset = 0
            while offset < size {
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, size - offset), off_t(offset)) }
                guard n > 0 else { throw fail("pread") }
                buffer.withUnsafeBytes { sha.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                offset += n
            }
            let checksum = Array(sha.finalize())
            try append(checksum)
            guard fchmod(fd, 0o444) == 0, fsync(fd) == 0 else { throw fail("fsync") }
            let name = folder + "pack-" + ObjectID(checksum).hex
            guard rename(path, name + ".pack") == 0 else { throw fail("rename") }
            let (indexFD, indexPath) = try PackFile.temporaryFile(in: folder)
            defer { close(indexFD) }
            do throws(GitError) {
                try PackFile.writeAll(PackFile.index(entries, packChecksum: checksum), to: indexFD, path: indexPath)
                guard fchmod(indexFD, 0o444) == 0, fsync(indexFD) == 0 else { throw PackFile.failure("fsync", indexPath) }
                guard rename(indexPath, name + ".idx") == 0 else { throw PackFile.failure("rename", indexPath) }
            } catch {
                unlink(indexPath)
                unlink(name + ".pack")  // no pack without its index
                throw error
            }
            guard PackFile.syncDirectory(folder) else { throw PackFile.failure("fsync", folder) }
        }

        private func fail(_ call: String) -> GitError { PackFile.failure(call, path) }
    }

    /// A new temporary file `tmp_pack_XXXXXX` in `folder` (`mkstemp`).
    private static func temporaryFile(in folder: String) throws(GitError) -> (Int32, String) {
        var template = Array((folder + "tmp_pack_XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("mkstemp", folder) }
        return (fd, String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(GitError) {
        guard write(bytes, to: fd) else { throw failure("write", path) }
    }

    /// Writes all of `bytes` to `fd`; false on an error (see `errno`).
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return false }
            written += n
        }
        return true
    }

    /// Syncs a folder's entries (after a rename into it); false if it can be opened but not synced.
    static func syncDirectory(_ path: String) -> Bool {
        let directory = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return true }
        defer { close(directory) }
        return fsync(directory) == 0
    }

    static func failure(_ call: String, _ path: String) -> GitError {
        GitError.usage("pack", "\(call) \(path) failed: \(String(cString: strerror(errno)))")
    }
}
