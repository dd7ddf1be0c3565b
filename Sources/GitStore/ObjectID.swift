import CGit2
import Crypto

/// A git object id (SHA-1), as a value.
///
/// The 20 bytes are held inline, as three big-endian words (no heap allocation): a history
/// holds several ids per revision, and hashing or comparing them is a few integer operations.
/// Comparison is by bytes, as before.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    /// The 20 raw bytes (a new array each time).
    public var bytes: [UInt8] {
        var oid = raw
        return withUnsafeBytes(of: &oid.id) { Array($0) }
    }

    init(_ oid: git_oid) {
        var oid = oid
        (high, middle, low) = withUnsafeBytes(of: &oid.id) { p in
            (
                UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
            )
        }
    }

    /// Parses 40 hexadecimal digits.
    public init?(hex: String) {
        let chars = Array(hex.utf8)
        guard chars.count == 40 else { return nil }
        var oid = git_oid()
        var valid = true
        withUnsafeMutableBytes(of: &oid.id) { out in
            for i in 0..<20 {
                guard let hi = ObjectID.nibble(chars[2 * i]), let lo = ObjectID.nibble(chars[2 * i + 1]) else {
                    valid = false
                    return
                }
                out[i] = hi << 4 | lo
            }
        }
        guard valid else { return nil }
        self.init(oid)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The 40-digit lowercase hexadecimal form, as git prints it.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(40)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    /// The id git gives a blob with these bytes (as `git_odb_hash` does), without writing it
    /// anywhere: O(bytes), safe to call from any thread.
    public static func blob(hashing bytes: [UInt8]) -> ObjectID {
        hashing(bytes, type: GIT_OBJECT_BLOB)
    }

    /// The id of an object of `type` with these bytes: the SHA-1 of `<type> <size>\0` and the
    /// bytes (git's object naming, as `git_odb_hash`; swift-crypto's `Insecure.SHA1`). O(bytes).
    static func hashing(_ bytes: [UInt8], type: git_object_t) -> ObjectID {
        var sha = Insecure.SHA1()
        sha.update(data: Array("\(typeName(type)) \(bytes.count)\0".utf8))
        bytes.withUnsafeBytes { sha.update(bufferPointer: $0) }
        return ObjectID(Array(sha.finalize()))
    }

    /// git's name of an object type in an object's header.
    private static func typeName(_ type: git_object_t) -> String {
        switch type {
        case GIT_OBJECT_COMMIT: "commit"
        case GIT_OBJECT_TREE: "tree"
        case GIT_OBJECT_TAG: "tag"
        default: "blob"
        }
    }

    /// The id with these 20 bytes.
    init(_ bytes: [UInt8]) {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { $0.copyBytes(from: bytes.prefix(20)) }
        self.init(oid)
    }

    public static func < (a: ObjectID, b: ObjectID) -> Bool { (a.high, a.middle, a.low) < (b.high, b.middle, b.low) }

    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { p in
            p.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            p.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            p.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }
}
