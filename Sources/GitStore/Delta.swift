/// git's binary delta format (the payload of a pack's OFS_DELTA entries): the sizes of the base
/// and the result, then instructions that copy a range of the base or insert literal bytes.
///
/// The encoder indexes the base in 16-byte blocks and extends each match both ways, like git's
/// own (`diff-delta.c`) but with one candidate per block: cheap, and enough for revisions of one
/// document, which share most of their lines.
enum Delta {
    static let block = 16

    /// A delta that turns `base` into `target`, or `nil` when it would not save at least half
    /// of the target (then the object is stored whole).
    static func encode(base: [UInt8], target: [UInt8]) -> [UInt8]? {
        guard base.count >= block, target.count >= block else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(target.count / 4)
        appendSize(base.count, to: &out)
        appendSize(target.count, to: &out)
        let limit = target.count / 2
        return base.withUnsafeBufferPointer { b in
            target.withUnsafeBufferPointer { t -> [UInt8]? in
                let index = BlockIndex(b)
                var power: UInt64 = 1  // multiplier ^ (block - 1)
                for _ in 1..<block { power = power &* multiplier }
                let n = t.count
                var i = 0, pending = 0
                var h = hash(t, 0)
                while i + block <= n {
                    if let found = index.find(h, b, t, i) {
                        var start = i, from = found
                        while start > pending, from > 0, t[start - 1] == b[from - 1] { start -= 1; from -= 1 }
                        var end = i + block, to = found + block
                        while end + 8 <= n, to + 8 <= b.count, word(t, end) == word(b, to) { end += 8; to += 8 }
                        while end < n, to < b.count, t[end] == b[to] { end += 1; to += 1 }
                        appendLiteral(t, pending..<start, to: &out)
                        appendCopy(offset: from, count: end - start, to: &out)
                        guard out.count <= limit else { return nil }
                        i = end
                        pending = end
                        if i + block <= n { h = hash(t, i) }
                        continue
                    }
                    guard i + block < n else { break }
                    h = (h &- UInt64(t[i]) &* power) &* multiplier &+ UInt64(t[i + block])
                    i += 1
                }
                appendLiteral(t, pending..<n, to: &out)
                return out.count <= limit ? out : nil
            }
        }
    }

    /// Applies a delta (for tests: libgit2 resolves them when it reads the repository).
    static func apply(_ delta: [UInt8], to base: [UInt8]) -> [UInt8]? {
        var i = 0
        func size() -> Int? {
            var value = 0, shift = 0
            while i < delta.count {
                let byte = delta[i]
                i += 1
                value |= Int(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { return value }
            }
            return nil
        }
        guard size() == base.count, let count = size() else { return nil }
        var out: [UInt8] = []
        while i < delta.count {
            let op = delta[i]
            i += 1
            if op & 0x80 != 0 {
                var offset = 0, length = 0
                for k in 0..<4 where op & (1 << k) != 0 {
                    guard i < delta.count else { return nil }
                    offset |= Int(delta[i]) << (8 * k); i += 1
                }
                for k in 0..<3 where op & (0x10 << k) != 0 {
                    guard i < delta.count else { return nil }
                    length |= Int(delta[i]) << (8 * k); i += 1
                }
                if length == 0 { length = 0x10000 }
                guard offset + length <= base.count else { return nil }
                out += base[offset..<(offset + length)]
            } else {
                let length = Int(op)
                guard length > 0, i + length <= delta.count else { return nil }
                out += delta[i..<(i + length)]
                i += length
            }
        }
        return out.count == count ? out : nil
    }

    private static let multiplier: UInt64 = 0x100_0000_01B3

    /// The base's blocks by hash: open addressing in a power-of-two table of offsets (+1; 0 is
    /// empty), the first block with a given content kept.
    private struct BlockIndex {
        var slots: [Int32]
        var hashes: [UInt64]
        let mask: Int

        init(_ b: UnsafeBufferPointer<UInt8>) {
            var size = 16
            while size < 2 * (b.count / Delta.block) { size <<= 1 }
            slots = [Int32](repeating: 0, count: size)
            hashes = [UInt64](repeating: 0, count: size)
            mask = size - 1
            var p = 0
            while p + Delta.block <= b.count {
                let h = Delta.hash(b, p)
                var k = Int(truncatingIfNeeded: h >> 32) & mask
                while slots[k] != 0, hashes[k] != h { k = (k + 1) & mask }
                if slots[k] == 0 {
                    slots[k] = Int32(p + 1)
                    hashes[k] = h
                }
                p += Delta.block
            }
        }

        /// The offset of a base block with hash `h` whose bytes equal the target's at `i`.
        func find(_ h: UInt64, _ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
            var k = Int(truncatingIfNeeded: h >> 32) & mask
            while slots[k] != 0 {
                if hashes[k] == h {
                    let p = Int(slots[k]) - 1
                    return Delta.equal(b, p, t, i) ? p : nil
                }
                k = (k + 1) & mask
            }
            return nil
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt64 {
        var h: UInt64 = 0
        for k in at..<(at + block) { h = h &* multiplier &+ UInt64(bytes[k]) }
        return h
    }

    /// Eight bytes at `at`, for comparing a word at a time.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + at).loadUnaligned(as: UInt64.self)
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ i: Int, _ b: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        for k in 0..<block where a[i + k] != b[j + k] { return false }
        return true
    }

    /// A size in the header: 7 bits a byte, least significant first, high bit set on all but the last.
    static func appendSize(_ value: Int, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    private static func appendLiteral(_ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var at = range.lowerBound
        while at < range.upperBound {
            let n = min(127, range.upperBound - at)
            out.append(UInt8(n))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[at..<(at + n)]))
            at += n
        }
    }

    private static func appendCopy(offset: Int, count: Int, to out: inout [UInt8]) {
        var offset = offset, remaining = count
        while remaining > 0 {
            let n = min(remaining, 0xFF_FFFF)
            var op: UInt8 = 0x80
            var args: [UInt8] = []
            for k in 0..<4 where (offset >> (8 * k)) & 0xFF != 0 {
                op |= 1 << k
                args.append(UInt8((offset >> (8 * k)) & 0xFF))
            }
            for k in 0..<3 where (n >> (8 * k)) & 0xFF != 0 {
                op |= 0x10 << k
                args.append(UInt8((n >> (8 * k)) & 0xFF))
            }
            out.append(op)
            out += args
            offset += n
            remaining -= n
        }
    }
}
