/// Turning the bytes of an input file into text, or refusing them with a clear reason.
///
/// Accepted: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark.
/// Refused, in this order of checks:
/// - no bytes at all: `empty file`;
/// - NUL bytes, or more than 5 % control characters: `binary data, not text (…)`;
/// - byte sequences that are not valid UTF-8: `not valid UTF-8 text (byte 0xE9 at offset 1204)`,
///   naming the first byte of the first bad sequence;
/// - text made only of white space: `empty file: it contains only white space`.
///
/// Line endings are normalised: CRLF and lone CR become LF. Nothing else is changed.
/// Every step is a single pass over the bytes: O(n).
public enum SourceText {
    public static func decode(_ bytes: [UInt8]) throws(ParseError) -> String {
        if bytes.isEmpty { throw .emptyFile }
        let text: String
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            text = try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE)
        } else {
            let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            try checkNotBinary(bytes, from: start)
            if let (offset, byte) = firstInvalidUTF8(bytes, from: start) {
                throw .invalidEncoding("UTF-8", unit: "byte \(ParseError.hex(UInt32(byte)))", offset: offset)
            }
            text = String(decoding: bytes[start...], as: UTF8.self)
        }
        if text.unicodeScalars.allSatisfy({ $0.isSpaceLike || $0.isInvisible || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" || $0 == "\u{0B}" }) {
            throw .whitespaceOnly
        }
        return normalizingLineEndings(text)
    }

    /// CRLF and CR to LF. O(n); returns the text unchanged when it has no CR.
    static func normalizingLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for s in text.unicodeScalars {
            if s == "\r" {
                out.append("\n")
                previousWasCR = true
                continue
            }
            if s == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            out.append(s)
        }
        return String(out)
    }

    /// NUL bytes or a high share of control characters (other than tab, LF, FF, CR). O(n).
    private static func checkNotBinary(_ bytes: [UInt8], from start: Int) throws(ParseError) {
        var controls = 0
        var nuls = 0
        var firstNUL: Int?
        var evenNULs = 0
        for i in start..<bytes.count {
            let b = bytes[i]
            if b == 0 {
                nuls += 1
                if firstNUL == nil { firstNUL = i }
                if i % 2 == 0 { evenNULs += 1 }
            } else if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D) || b == 0x7F {
                controls += 1
            }
        }
        let total = bytes.count - start
        if let firstNUL {
            let utf16Hint =
                nuls * 3 >= total && (evenNULs * 10 >= nuls * 9 || evenNULs * 10 <= nuls)
                ? "; UTF-16 text without a byte-order mark?" : ""
            throw .binaryData("NUL byte at offset \(firstNUL)\(utf16Hint)")
        }
        if controls * 20 > total {
            throw .binaryData("\(controls) control characters in \(total) bytes")
        }
    }

    /// The offset and value of the first byte of the first invalid UTF-8 sequence, if any.
    /// Rejects overlong forms, surrogates and values above U+10FFFF. O(n).
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> (Int, UInt8)? {
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            var need = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return (i, b)
            }
            guard i + need < n else { return (i, b) }
            let second = bytes[i + 1]
            guard second >= low, second <= high else { return (i, b) }
            for k in stride(from: 2, through: need, by: 1) where bytes[i + k] & 0xC0 != 0x80 {
                return (i, b)
            }
            i += need + 1
        }
        return nil
    }

    /// UTF-16 after its byte-order mark; refuses odd lengths, unpaired surrogates, NULs and
    /// control characters as the UTF-8 path does. O(n).
    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) throws(ParseError) -> String {
        guard bytes.count % 2 == 0 else {
            throw .invalidEncoding("UTF-16", unit: "odd number of bytes \(bytes.count)", offset: bytes.count - 1)
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i < bytes.count {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var out = String.UnicodeScalarView()
        var controls = 0
        var k = 0
        while k < units.count {
            let u = units[k]
            let offset = 2 + 2 * k
            var scalar: Unicode.Scalar
            if u >= 0xD800, u <= 0xDBFF {
                guard k + 1 < units.count, units[k + 1] >= 0xDC00, units[k + 1] <= 0xDFFF else {
                    throw .invalidEncoding("UTF-16", unit: "unpaired surrogate \(ParseError.hex(UInt32(u), width: 4))", offset: offset)
                }
                let value = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[k + 1]) - 0xDC00)
                scalar = Unicode.Scalar(value)!
                k += 2
            } else if u >= 0xDC00, u <= 0xDFFF {
                throw .invalidEncoding("UTF-16", unit: "unpaired surrogate \(ParseError.hex(UInt32(u), width: 4))", offset: offset)
            } else {
                scalar = Unicode.Scalar(u)!
                k += 1
            }
            if scalar.value == 0 { throw .binaryData("NUL character at offset \(offset)") }
            if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" && scalar != "\u{0C}")
                || scalar.value == 0x7F
            {
                controls += 1
            }
            out.append(scalar)
        }
        if controls * 20 > max(1, units.count) {
            throw .binaryData("\(controls) control characters in \(units.count) characters")
        }
        if let first = out.first, first == "\u{FEFF}" { out.removeFirst() }
        return String(out)
    }
}
