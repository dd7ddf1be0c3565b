import CGit2

/// Writes objects during ``Repository/writeObjects(packBytes:_:)``; valid only inside that call.
///
/// It serialises blobs, trees and commits itself (byte for byte as libgit2's
/// `git_blob_create_from_buffer`, `git_treebuilder_write` and `git_commit_create` would), names
/// them as git does (``ObjectID/hashing(_:type:)``), and appends them to one pack: zlib-compressed, or as an OFS_DELTA
/// against the previous blob of the same *delta family* (the previous revision of a document),
/// as `git fast-import` does. No delta search: one candidate base per object. The pack is
/// written to a temporary file whenever its buffer reaches its size limit, so memory is bounded
/// by the limit, not by the size of the history; at the end of the batch it lands on disk with
/// the index the writer computes itself (``PackFile``), and libgit2 is told to look again
/// (`git_odb_refresh`). One pack per batch keeps readers' caches small (libgit2 keeps a cache
/// of delta bases per pack).
///
/// Objects already in the repository or in the pack are not written again.
public final class ObjectWriter {
    let repository: Repository
    private let odb: OpaquePointer
    private let packLimit: Int

    /// The pack's file, from its first object on.
    private var file: PackFile.Writer?
    /// The entries not yet written to the file (they follow its `size` bytes).
    private var pack: [UInt8] = []
    /// The objects of the pack: where each starts, its type, and the CRC-32 of its entry.
    private var inPack: [ObjectID: (offset: Int, type: git_object_t, crc: UInt32)] = [:]
    /// Trees of that pack, raw, for ``tree(base:entries:removing:)``.
    private var packTrees: [ObjectID: [UInt8]] = [:]
    /// The deflate stream every object is compressed through (``appendCompressed(_:)``).
    private var zstream: UnsafeMutablePointer<z_stream>?
    /// Per delta family, the last blob written to this pack: the base of the next one's delta.
    private var deltaBases: [String: (offset: Int, bytes: [UInt8], depth: Int)] = [:]

    /// The default size of the pack's buffer, written to the pack's file when full: a few
    /// thousand revisions of a typical resolution, as deltas; reserved at this size, so it never
    /// doubles.
    public static let defaultPackBytes = 8 << 20

    /// Objects written so far, in all packs.
    public private(set) var newObjects = 0

    /// Delta chains are cut at this depth, as git's default `pack.depth`, so reading an object
    /// never applies more deltas than that.
    static let maxDeltaDepth = 50
    /// zlib level: speed first; deltas are small, and the pack is for one build.
    static let compressionLevel: Int32 = 1

    init(repository: Repository, odb: OpaquePointer, packLimit: Int) {
        self.repository = repository
        self.odb = odb
        self.packLimit = max(packLimit, 1)
    }

    /// Writes a blob. With a `deltaFamily` (e.g. the path of a document), it is stored as a delta
    /// against the family's previous blob in the same pack, when that is smaller.
    public func blob(_ bytes: [UInt8], deltaFamily: String? = nil) throws(GitError) -> ObjectID {
        try write(GIT_OBJECT_BLOB, bytes, deltaFamily: deltaFamily)
    }

    /// Writes a tree: `base`'s entries (an existing tree, or none), minus `removing`, plus
    /// `entries` (replacing those of the same name); checks each new entry's object exists with
    /// the right type and its name is a valid file name.
    public func tree(base: ObjectID? = nil, entries: [TreeEntry], removing: [String] = []) throws(GitError) -> ObjectID {
        var byName: [ArraySlice<UInt8>: RawEntry] = [:]
        if let base {
            for entry in try RawEntry.parse(try rawTree(base), tree: base) { byName[entry.name] = entry }
        }
        for name in removing { byName[ArraySlice(name.utf8)] = nil }
        for entry in entries {
            let name = ArraySlice(entry.name.utf8)
            guard !name.isEmpty, !name.contains(0), !name.contains(UInt8(ascii: "/")), entry.name != ".", entry.name != "..",
                entry.name.lowercased() != ".git"
            else { throw GitError.usage("git_treebuilder_insert", "invalid tree entry name '\(entry.name)'") }
            try requireObject(entry.id, entry.mode == .tree ? GIT_OBJECT_TREE : GIT_OBJECT_BLOB, "git_treebuilder_insert")
            byName[name] = RawEntry(mode: ArraySlice(entry.mode.octal.utf8), name: name, id: entry.id.bytes[...])
        }
        var out: [UInt8] = []
        for entry in byName.values.sorted(by: RawEntry.gitOrder) {
            out += entry.mode
            out.append(UInt8(ascii: " "))
            out += entry.name
            out.append(0)
            out += entry.id
        }
        let id = try write(GIT_OBJECT_TREE, out, deltaFamily: nil)
        if inPack[id] != nil { packTrees[id] = out }
        return id
    }

    /// Writes a commit (moves no reference): headers as `git_commit_create` writes them with
    /// the message encoding `UTF-8`. The tree and parents must exist.
    public func commit(
        tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String
    ) throws -> ObjectID {
        try requireObject(tree, GIT_OBJECT_TREE, "git_commit_create")
        for parent in parents { try requireObject(parent, GIT_OBJECT_COMMIT, "git_commit_create") }
        var text = "tree \(tree.hex)\n"
        for parent in parents { text += "parent \(parent.hex)\n" }
        text += try author.header("author") + committer.header("committer")
        text += "encoding UTF-8\n\n" + message
        return try write(GIT_OBJECT_COMMIT, Array(text.utf8), deltaFamily: nil)
    }

    // MARK: - The pack


    private func write(_ type: git_object_t, _ bytes: [UInt8], deltaFamily: String?) throws(GitError) -> ObjectID {
        let id = ObjectID.hashing(bytes, type: type)
        var oid = id.raw
        if inPack[id] != nil || git_odb_exists_ext(odb, &oid, UInt32(GIT_ODB_LOOKUP_NO_REFRESH.rawValue)) == 1 {
            return id
        }
        if file == nil {
            file = try PackFile.Writer(gitDirectory: repository.gitDirectory)
            pack.reserveCapacity(packLimit + (1 << 20))  // untouched pages cost nothing
        }
        let start = pack.count
        let offset = file!.size + start
        var depth = 0
        if let family = deltaFamily, let base = deltaBases[family], base.depth < Self.maxDeltaDepth,
            let delta = Delta.encode(base: base.bytes, target: bytes)
        {
            appendEntryHeader(type: GIT_OBJECT_OFS_DELTA, size: delta.count)
            appendBaseDistance(offset - base.offset)
            try appendCompressed(delta)
            depth = base.depth + 1
        } else {
            appendEntryHeader(type: type, size: bytes.count)
            try appendCompressed(bytes)
        }
        inPack[id] = (offset, type, PackFile.crc32(pack[start...]))
        if let family = deltaFamily { deltaBases[family] = (offset, bytes, depth) }
        if pack.count >= packLimit {
            try file!.append(pack)
            pack.removeAll(keepingCapacity: true)
        }
        return id
    }

    /// Type and size: 3 bits of type and 4 of size in the first byte, then 7 bits of size a
    /// byte; the high bit says another byte follows.
    private func appendEntryHeader(type: git_object_t, size: Int) {
        var byte = UInt8(truncatingIfNeeded: type.rawValue) << 4 | UInt8(size & 0x0F)
        var rest = size >> 4
        while rest > 0 {
            pack.append(byte | 0x80)
            byte = UInt8(rest & 0x7F)
            rest >>= 7
        }
        pack.append(byte)
    }

    /// An OFS_DELTA's distance back to its base: big-endian 7-bit groups, each but the last
    /// with the high bit set and one subtracted (git's `pack.h` encoding).
    private func appendBaseDistance(_ distance: Int) {
        var d = distance
        var bytes = [UInt8(d & 0x7F)]
        d >>= 7
        while d > 0 {
            d -= 1
            bytes.append(0x80 | UInt8(d & 0x7F))
            d >>= 7
        }
        pack += bytes.reversed()
    }

    /// Appends `bytes` as one zlib stream, through the writer's one deflate stream, reset for each
    /// object (`deflateReset`, `deflate` with `Z_FINISH`): the same bytes as `compress2`, without
    /// allocating and initialising a stream per object.
    private func appendCompressed(_ bytes: [UInt8]) throws(GitError) {
        let stream = try deflater()
        guard deflateReset(stream) == Z_OK else { throw GitError.usage("deflateReset", "zlib failed") }
        let start = pack.count
        let bound = Int(deflateBound(stream, uLong(bytes.count)))
        pack += repeatElement(0, count: bound)
        let result = pack.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = out.baseAddress! + start
                stream.pointee.avail_out = uInt(bound)
                return deflate(stream, Z_FINISH)
            }
        }
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        guard result == Z_STREAM_END else { throw GitError.usage("deflate", "zlib failed (\(result))") }
        pack.removeLast(Int(stream.pointee.avail_out))
    }

    /// The writer's deflate stream, made on first use (`deflateInit_` at ``compressionLevel``).
    private func deflater() throws(GitError) -> UnsafeMutablePointer<z_stream> {
        if let zstream { return zstream }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard deflateInit_(stream, Self.compressionLevel, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deallocate()
            throw GitError.usage("deflateInit", "zlib failed")
        }
        zstream = stream
        return stream
    }

    deinit {
        if let zstream {
            deflateEnd(zstream)
            zstream.deallocate()
        }
    }

    /// Ends the batch: lands the pack, if anything was written, with the rest of its entries, its
    /// object count, checksum and index (``PackFile/Writer/finish(entries:)``), then
    /// `git_odb_refresh` so that libgit2 reads it. The writer is not used afterwards.
    func finish() throws(GitError) {
        guard let file else { return }
        try file.append(pack)
        let entries = inPack.map { PackFile.Entry(id: $0.key, offset: $0.value.offset, crc: $0.value.crc) }
        try file.finish(entries: entries)
        try GitError.check(git_odb_refresh(odb), "git_odb_refresh")
        newObjects += entries.count
    }

    // MARK: - Reading what is being written

    /// Throws unless `id` is in the pack or the repository with type `type`
    /// (`git_odb_read_header` for the repository's).
    private func requireObject(_ id: ObjectID, _ type: git_object_t, _ function: String) throws(GitError) {
        if let entry = inPack[id] {
            guard entry.type == type else { throw GitError.usage(function, "object \(id.hex) has the wrong type") }
            return
        }
        var oid = id.raw
        var size = 0
        var found = GIT_OBJECT_INVALID
        try GitError.check(git_odb_read_header(&size, &found, odb, &oid), function)
        guard found == type else { throw GitError.usage(function, "object \(id.hex) has the wrong type") }
    }

    /// A tree's raw bytes, from the pack or the repository (`git_odb_read`).
    private func rawTree(_ id: ObjectID) throws(GitError) -> [UInt8] {
        if let raw = packTrees[id] { return raw }
        var oid = id.raw
        var object: OpaquePointer?
        try GitError.check(git_odb_read(&object, odb, &oid), "git_odb_read")
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == GIT_OBJECT_TREE else {
            throw GitError.usage("git_tree_lookup", "object \(id.hex) is not a tree")
        }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }
}

/// A tree entry as stored: octal mode, name, 20-byte id.
private struct RawEntry {
    var mode: ArraySlice<UInt8>
    var name: ArraySlice<UInt8>
    var id: ArraySlice<UInt8>

    var isTree: Bool { mode.first == UInt8(ascii: "4") }

    static func parse(_ raw: [UInt8], tree: ObjectID) throws(GitError) -> [RawEntry] {
        var out: [RawEntry] = []
        var i = 0
        while i < raw.count {
            guard let space = raw[i...].firstIndex(of: UInt8(ascii: " ")),
                let nul = raw[space...].firstIndex(of: 0), nul + 21 <= raw.count
            else { throw GitError.usage("git_tree_lookup", "tree \(tree.hex) is corrupt") }
            out.append(RawEntry(mode: raw[i..<space], name: raw[(space + 1)..<nul], id: raw[(nul + 1)..<(nul + 21)]))
            i = nul + 21
        }
        return out
    }

    /// git's tree order: by name bytes, a tree's name compared as if it ended with `/`.
    static func gitOrder(_ a: RawEntry, _ b: RawEntry) -> Bool {
        var i = a.name.startIndex, j = b.name.startIndex
        while i < a.name.endIndex, j < b.name.endIndex {
            if a.name[i] != b.name[j] { return a.name[i] < b.name[j] }
            i += 1
            j += 1
        }
        let x: UInt8 = i < a.name.endIndex ? a.name[i] : (a.isTree ? UInt8(ascii: "/") : 0)
        let y: UInt8 = j < b.name.endIndex ? b.name[j] : (b.isTree ? UInt8(ascii: "/") : 0)
        return x < y
    }
}

/// One entry of a tree: a name, the object it names, and its file mode.
public struct TreeEntry: Hashable, Sendable {
    public enum Mode: Sendable, Hashable {
        case blob, tree
        var octal: String { self == .blob ? "100644" : "40000" }
    }

    public var name: String
    public var id: ObjectID
    public var mode: Mode

    public init(name: String, id: ObjectID, mode: Mode = .blob) {
        self.name = name
        self.id = id
        self.mode = mode
    }
}
