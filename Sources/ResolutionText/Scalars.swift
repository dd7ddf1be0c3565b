/// Low-level helpers for scanning text as arrays of Unicode scalars.
///
/// The parser never indexes a `String` by position: each line is converted once into a
/// `[Unicode.Scalar]` (O(n) overall), and every recogniser then works with integer offsets,
/// which are O(1). Patterns are short literals compared scalar by scalar. Nothing here uses
/// `Regex`, which is much slower than hand-written scanning on these hot paths.
typealias Scalars = [Unicode.Scalar]

extension Unicode.Scalar {
    /// `0`…`9`.
    @inline(__always) var isASCIIDigit: Bool { value &- 0x30 < 10 }
    /// The value of an ASCII digit (only meaningful when ``isASCIIDigit``).
    @inline(__always) var digitValue: Int { Int(value) - 0x30 }

    /// A letter in any script (ASCII fast path).
    var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 }
        return properties.isAlphabetic
    }

    var isUppercaseLetter: Bool {
        if value < 0x80 { return value &- 0x41 < 26 }
        return properties.isUppercase
    }

    var isLowercaseLetter: Bool {
        if value < 0x80 { return value &- 0x61 < 26 }
        return properties.isLowercase
    }

    var isLetterOrDigit: Bool { isASCIIDigit || isLetter }

    /// Horizontal white space: space, tab, no-break and other Unicode spaces.
    var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Characters that carry no text and are dropped: soft hyphen, zero-width spaces and
    /// joiners, left-to-right and right-to-left marks, word joiner, byte-order mark.
    var isInvisible: Bool {
        switch value {
        case 0xAD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    /// Superscript digits ⁰ ¹ ² ³ ⁴ … ⁹, mapped to their ASCII digit; `nil` otherwise.
    var superscriptDigit: Unicode.Scalar? {
        switch value {
        case 0x2070: return "0"
        case 0xB9: return "1"
        case 0xB2: return "2"
        case 0xB3: return "3"
        case 0x2074...0x2079: return Unicode.Scalar(value - 0x2074 + 0x34)
        default: return nil
        }
    }

    /// ASCII lower case; other scalars unchanged.
    @inline(__always) var asciiLowercased: Unicode.Scalar {
        value &- 0x41 < 26 ? Unicode.Scalar(value | 0x20)! : self
    }
}

/// Appends scalars into memory reserved beforehand, without the per-append bookkeeping of
/// `Array.append` (used on the hottest loops; the caller guarantees the capacity).
struct ScalarWriter {
    let buffer: UnsafeMutableBufferPointer<Unicode.Scalar>
    var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<Unicode.Scalar>) { self.buffer = buffer }

    @inline(__always) mutating func append(_ c: Unicode.Scalar) {
        buffer[count] = c
        count += 1
    }

    @inline(__always) mutating func append(contentsOf s: Scalars) {
        for c in s { append(c) }
    }

    var last: Unicode.Scalar? { count > 0 ? buffer[count - 1] : nil }

    @inline(__always) mutating func removeLast() { count -= 1 }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of `text`.
    init(scalarsOf text: some StringProtocol) { self.init(text.unicodeScalars) }

    /// The text of these scalars.
    var string: String { string(0..<count) }

    /// The text of `range`, encoded straight into the string's UTF-8 storage. O(|range|).
    func string(_ range: Range<Int>) -> String {
        var length = 0
        for i in range {
            let v = self[i].value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return withUnsafeBufferPointer { scalars in
            String(unsafeUninitializedCapacity: length) { out in
                var k = 0
                for i in range {
                    let v = scalars[i].value
                    if v < 0x80 {
                        out[k] = UInt8(v)
                        k += 1
                    } else if v < 0x800 {
                        out[k] = UInt8(0xC0 | (v >> 6))
                        out[k + 1] = UInt8(0x80 | (v & 0x3F))
                        k += 2
                    } else if v < 0x10000 {
                        out[k] = UInt8(0xE0 | (v >> 12))
                        out[k + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                        out[k + 2] = UInt8(0x80 | (v & 0x3F))
                        k += 3
                    } else {
                        out[k] = UInt8(0xF0 | (v >> 18))
                        out[k + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                        out[k + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                        out[k + 3] = UInt8(0x80 | (v & 0x3F))
                        k += 4
                    }
                }
                return k
            }
        }
    }

    /// Whether `pattern` occurs at offset `i`. O(|pattern|).
    func has(_ pattern: String, at i: Int, ignoringCase: Bool = false) -> Bool {
        var j = i
        for p in pattern.unicodeScalars {
            guard j < count else { return false }
            let c = self[j]
            if ignoringCase ? c.asciiLowercased != p.asciiLowercased : c != p { return false }
            j += 1
        }
        return true
    }

    func hasPrefix(_ pattern: String, ignoringCase: Bool = false) -> Bool {
        has(pattern, at: 0, ignoringCase: ignoringCase)
    }

    func hasSuffix(_ pattern: String) -> Bool {
        let n = pattern.unicodeScalars.count
        return n <= count && has(pattern, at: count - n)
    }

    /// The first offset at or after `start` where `pattern` occurs. O(n·|pattern|), and the
    /// patterns used are a few characters long.
    func firstIndex(of pattern: String, from start: Int = 0, ignoringCase: Bool = false) -> Int? {
        guard let first = pattern.unicodeScalars.first else { return start }
        var i = start
        while i < count {
            if (ignoringCase ? self[i].asciiLowercased == first.asciiLowercased : self[i] == first),
                has(pattern, at: i, ignoringCase: ignoringCase)
            {
                return i
            }
            i += 1
        }
        return nil
    }

    func contains(_ pattern: String, ignoringCase: Bool = false) -> Bool {
        firstIndex(of: pattern, ignoringCase: ignoringCase) != nil
    }

    /// The offset of the first scalar at or after `i` that is not space-like.
    func skippingSpaces(from i: Int) -> Int {
        var j = i
        while j < count, self[j].isSpaceLike { j += 1 }
        return j
    }

    /// Without leading and trailing space-like and invisible scalars.
    func trimmed() -> Scalars {
        var start = 0
        var end = count
        while start < end, self[start].isSpaceLike || self[start].isInvisible { start += 1 }
        while end > start, self[end - 1].isSpaceLike || self[end - 1].isInvisible { end -= 1 }
        return start == 0 && end == count ? self : Scalars(self[start..<end])
    }

    /// Reads a run of ASCII digits at `i`: its value and the offset after it; `nil` if none or
    /// longer than `maxDigits`.
    func digits(at i: Int, maxDigits: Int = 9) -> (value: Int, end: Int)? {
        var j = i
        var v = 0
        while j < count, self[j].isASCIIDigit {
            v = v * 10 + self[j].digitValue
            j += 1
            if j - i > maxDigits { return nil }
        }
        return j == i ? nil : (v, j)
    }

    /// The same text without the emphasis and heading markers of Markdown (`*`, `_` at the
    /// edges, leading `#`), trimmed: the form line recognisers compare against.
    func undecorated() -> Scalars {
        if first != "#", !contains(where: { $0 == "*" || $0 == "_" }) { return self }
        var out = Scalars()
        out.reserveCapacity(count)
        var i = 0
        while i < count, self[i] == "#" || self[i].isSpaceLike { i += 1 }
        while i < count {
            let c = self[i]
            if c == "*" {
                i += 1
                continue
            }
            if c == "_" {
                let before = out.last
                let after: Unicode.Scalar? = i + 1 < count ? self[i + 1] : nil
                if !(before?.isLetterOrDigit ?? false) || !(after?.isLetterOrDigit ?? false) {
                    i += 1
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out.trimmed()
    }

    /// Splits on space-like scalars into word ranges. O(n).
    func wordRanges() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < count {
            while i < count, self[i].isSpaceLike { i += 1 }
            let start = i
            while i < count, !self[i].isSpaceLike { i += 1 }
            if i > start { out.append(start..<i) }
        }
        return out
    }
}
