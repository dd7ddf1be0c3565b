/// Fast, deterministic 64-bit hashing used for token identities and exact-text matching.
///
/// Swift's `Hasher` is randomly seeded per process, so its values cannot be compared across runs
/// or stored; these functions are stable. They are FNV-1a with a final avalanche step (the
/// SplitMix64 finaliser), which is plenty for the few hundred thousand distinct tokens a corpus
/// holds: the chance that two different tokens collide is about n²/2⁶⁵.
enum TokenHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func combine(_ h: UInt64, _ value: UInt32) -> UInt64 {
        (h ^ UInt64(value)) &* prime
    }

    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var z = h
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        return z == 0 ? 1 : z  // 0 marks an empty slot in `KeyInterner`
    }

    /// A stable hash of a string's UTF-8 bytes, eight bytes at a time. O(length).
    static func text(_ s: String) -> UInt64 {
        var copy = s
        return copy.withUTF8 { buf -> UInt64 in
            var h: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(buf.count)
            var i = 0
            let n = buf.count
            while i + 8 <= n {
                var w: UInt64 = 0
                for k in 0..<8 { w |= UInt64(buf[i + k]) << (8 * UInt64(k)) }
                h = (h ^ w) &* 0xff51_afd7_ed55_8ccd
                h ^= h >> 32
                i += 8
            }
            var w: UInt64 = 0
            var k: UInt64 = 0
            while i < n {
                w |= UInt64(buf[i]) << (8 * k)
                k += 1
                i += 1
            }
            h = (h ^ w) &* 0xc4ce_b9fe_1a85_ec53
            return finish(h)
        }
    }
}

/// An open-addressing map from token keys to dense ids `0..<count`, used to turn token keys
/// into small integers for array-indexed counting in the diff and the similarity. Expected O(1)
/// per operation.
struct KeyInterner {
    private var slots: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var keys: [UInt64] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { keys.count }

    @inline(__always)
    mutating func intern(_ key: UInt64) -> Int32 {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let s = slots[i]
            if s == key { return values[i] }
            if s == 0 {
                let id = Int32(keys.count)
                slots[i] = key
                values[i] = id
                keys.append(key)
                if keys.count * 2 > slots.count { grow() }
                return id
            }
            i = (i + 1) & mask
        }
    }

    /// The id of `key`, or -1 if it was never interned.
    @inline(__always)
    func lookup(_ key: UInt64) -> Int32 {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let s = slots[i]
            if s == key { return values[i] }
            if s == 0 { return -1 }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        for (id, key) in keys.enumerated() {
            var i = Int(truncatingIfNeeded: key) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = key
            values[i] = Int32(id)
        }
    }
}
