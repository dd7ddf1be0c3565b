/// Fast, deterministic 64-bit hashing used for token identities and exact-text matching.
///
/// Swift's `Hasher` is randomly seeded per process, so its values cannot be compared across runs
/// or stored; these functions are stable (multiply–xorshift mixing of 8-byte words with the
/// SplitMix64 finaliser), which is plenty for the few hundred thousand distinct tokens a corpus
/// holds: the chance that two different long tokens collide is about n²/2⁶⁵.
enum TokenHash {
    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var z = h
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        return z == 0 ? 1 : z  // 0 marks an empty slot in `KeyInterner`
    }

    /// A stable hash of the bytes `p[from..<to]` (a token). Tokens of up to eight bytes (most
    /// words) are read with one unaligned load and mapped bijectively (so two different short
    /// tokens of the same length never collide); longer ones are mixed eight bytes at a time. Never 0.
    @inline(__always)
    static func bytes(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        let len = to - from
        let raw = UnsafeRawBufferPointer(p)
        var h: UInt64 = UInt64(truncatingIfNeeded: len) &* 0x9e37_79b9_7f4a_7c15
        var i = from
        while to - i > 8 {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h = (h ^ w) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 32
            i += 8
        }
        let rest = to - i
        var w: UInt64
        if i + 8 <= p.count {
            w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if rest < 8 { w &= (UInt64(1) << UInt64(rest * 8)) &- 1 }
        } else {
            w = 0
            var shift: UInt64 = 0
            while i < to {
                w |= UInt64(p[i]) << shift
                shift += 8
                i += 1
            }
        }
        h = (h ^ w) &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 29
        return h == 0 ? 1 : h
    }

    /// A stable hash of a string's UTF-8 bytes, 32 bytes at a time in four independent lanes.
    /// O(length).
    static func text(_ s: String) -> UInt64 { text(s, droppingClosing: false) }

    /// ``text(_:)`` of the text without its closing mark (a final `;`, `.` or `,`, see
    /// ``Tokenizer/closingKey``): equal for two texts that differ only there. O(length).
    static func layoutText(_ s: String) -> UInt64 { text(s, droppingClosing: true) }

    private static func text(_ s: String, droppingClosing: Bool) -> UInt64 {
        var copy = s
        return copy.withUTF8 { buf -> UInt64 in
            var n = buf.count
            if droppingClosing, n > 0, Tokenizer.isClosingMark(buf[n - 1]) { n -= 1 }
            let raw = UnsafeRawBufferPointer(buf)
            var a: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(n)
            var b: UInt64 = 0xc2b2_ae3d_27d4_eb4f
            var c: UInt64 = 0x1656_67b1_9e37_79f9
            var d: UInt64 = 0x85eb_ca77_c2b2_ae63
            var i = 0
            @inline(__always) func word(_ k: Int) -> UInt64 {
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            }
            while i + 32 <= n {
                a = (a ^ word(i)) &* 0xff51_afd7_ed55_8ccd
                b = (b ^ word(i + 8)) &* 0xc4ce_b9fe_1a85_ec53
                c = (c ^ word(i + 16)) &* 0xff51_afd7_ed55_8ccd
                d = (d ^ word(i + 24)) &* 0xc4ce_b9fe_1a85_ec53
                a ^= a >> 31
                b ^= b >> 29
                c ^= c >> 31
                d ^= d >> 29
                i += 32
            }
            var h = a ^ (b &* 3) ^ (c &* 5) ^ (d &* 7)
            while i + 8 <= n {
                h = (h ^ word(i)) &* 0xff51_afd7_ed55_8ccd
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

