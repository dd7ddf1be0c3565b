import CGit2
import Glibc

/// Lands a pack that ``ObjectWriter`` assembled, with its index, as `git fast-import` does: the
/// writer knows every object's id, offset and bytes, so it writes the version 2 index itself
/// instead of handing the pack to an indexer that would inflate, resolve and hash every object
/// again (`git_odb_write_pack` spent more time indexing than the writer spent packing).
///
/// The files are git's: `objects/pack/pack-<checksum>.pack` and `.idx`, read-only (0444), each
/// written to a temporary file in that folder, synced, and renamed into place, the pack before
/// its index (readers find a pack through its index), then the folder is synced; libgit2's
/// indexer does the same with `GIT_OPT_ENABLE_FSYNC_GITDIR`, which lineage sets. A failure
/// leaves at most a temporary file, never a pack without its index.
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
        var sha = SHA1()
        sha.update(out)
        out += sha.finish()
        return out
    }

    /// Writes `pack` (its checksum included, as its last 20 bytes) and `index` into
    /// `gitDirectory`'s `objects/pack` under the pack's name, as described above.
    static func land(pack: [UInt8], index: [UInt8], gitDirectory: String) throws(GitError) {
        let folder = gitDirectory + (gitDirectory.hasSuffix("/") ? "" : "/") + "objects/pack/"
        let digits = Array("0123456789abcdef".utf8)
        let checksum = pack.suffix(20).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }
        let name = folder + "pack-" + String(decoding: checksum, as: UTF8.self)
        let packTemp = try write(pack, folder: folder)
        guard rename(packTemp, name + ".pack") == 0 else {
            unlink(packTemp)
            throw failure("rename", name + ".pack")
        }
        let indexTemp = try write(index, folder: folder)
        guard rename(indexTemp, name + ".idx") == 0 else {
            unlink(indexTemp)
            throw failure("rename", name + ".idx")
        }
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            defer { close(directory) }
            guard fsync(directory) == 0 else { throw failure("fsync", folder) }
        }
    }

    /// Writes `bytes` to a new temporary file in `folder` (mode 0444), synced; returns its path.
    private static func write(_ bytes: [UInt8], folder: String) throws(GitError) -> String {
        var template = Array((folder + "tmp_pack_XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("mkstemp", folder) }
        let path = String(cString: template)
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else {
                unlink(path)
                throw failure("write", path)
            }
            written += n
        }
        guard fchmod(fd, 0o444) == 0, fsync(fd) == 0 else {
            unlink(path)
            throw failure("fsync", path)
        }
        return path
    }

    private static func failure(_ call: String, _ path: String) -> GitError {
        GitError.usage("pack", "\(call) \(path) failed: \(String(cString: strerror(errno)))")
    }
}
