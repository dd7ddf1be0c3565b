/// One token of a clause: a word, a number or document symbol, or a single punctuation mark.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable, Codable {
        /// Letters, possibly joined by hyphens or apostrophes: `Secretary-General`, `sixty-second`,
        /// `Group's`.
        case word
        /// Anything that starts with a digit or contains a `/` and a digit: `2004`, `68/243`,
        /// `A/60/687`, `A/C.2/59/3`, `Corr.1`.
        case number
        /// One punctuation mark or symbol: `,` `;` `(` `"` `—` ….
        case punctuation
    }

    /// The token as written.
    public var text: Substring
    /// The whitespace between the previous token (or the start of the text) and this one.
    public var leadingWhitespace: Substring
    public var kind: Kind
    /// The token's identity for comparisons: a stable 64-bit hash of its text, with typographic
    /// apostrophes, quotes and hyphens folded to their ASCII forms (so `Group’s` equals `Group's`).
    /// Case is kept: `Notes` and `notes` differ.
    public var key: UInt64
}

/// A text split into tokens, keeping every byte of the original so that any run of tokens can be
/// re-joined exactly (``joined(_:)``).
///
/// Tokens are stored as UTF-8 offsets into ``text`` plus a key per token; ``subscript(_:)`` builds
/// a ``Token`` on demand.
public struct TokenizedText: Sendable {
    /// The original text.
    public let text: String
    /// One comparison key per token (see ``Token/key``).
    public let keys: [UInt64]
    @usableFromInline let starts: [Int32]
    @usableFromInline let ends: [Int32]
    let kinds: [Token.Kind]

    init(text: String, keys: [UInt64], starts: [Int32], ends: [Int32], kinds: [Token.Kind]) {
        self.text = text
        self.keys = keys
        self.starts = starts
        self.ends = ends
        self.kinds = kinds
    }

    /// The number of tokens.
    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    private func slice(_ from: Int, _ to: Int) -> Substring {
        let u = text.utf8
        let a = u.index(u.startIndex, offsetBy: from)
        let b = u.index(a, offsetBy: to - from)
        return Substring(text.utf8[a..<b])
    }

    public subscript(i: Int) -> Token {
        let s = Int(starts[i]), e = Int(ends[i])
        let ws = i == 0 ? 0 : Int(ends[i - 1])
        return Token(text: slice(s, e), leadingWhitespace: slice(ws, s), kind: kinds[i], key: keys[i])
    }

    /// All tokens, in order.
    public var tokens: [Token] { (0..<count).map { self[$0] } }

    /// The tokens in `range`, each preceded by its leading whitespace (the first one too), exactly
    /// as in ``text``. Joining consecutive ranges that cover `0..<count` and appending
    /// ``trailingWhitespace`` gives back ``text``.
    public func joined(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let from = range.lowerBound == 0 ? 0 : Int(ends[range.lowerBound - 1])
        return String(slice(from, Int(ends[range.upperBound - 1])))
    }

    /// The whitespace after the last token.
    public var trailingWhitespace: Substring {
        let last = count == 0 ? 0 : Int(ends[count - 1])
        return slice(last, text.utf8.count)
    }

    /// The tokens in `range` with single spaces where the text had any whitespace and none where it
    /// had none (for display; ``joined(_:)`` is the exact form).
    func normalizedJoined(_ range: Range<Int>) -> String {
        var out = ""
        for i in range {
            let t = self[i]
            if !t.leadingWhitespace.isEmpty && i != range.lowerBound { out += " " }
            out += t.text
        }
        return out
    }
}

/// Splits clause text into tokens in one linear pass over its UTF-8 bytes.
///
/// - A token starts at a letter or digit and continues over letters, digits and combining marks;
///   an inner `-`, `/`, `.`, `'` or `’` (and `,` between digits) continues it when a letter or
///   digit follows. So `68/243`, `A/60/687`, `A/C.2/59/3`, `Corr.1`, `2004`, `10,000`,
///   `sixty-second` and `Group's` are one token each, while the full stop that ends a sentence is
///   not part of the word before it.
/// - Every other non-space character is a token of its own (`,` `;` `(` `)` `"` `“` `—` …),
///   including superscript digits (footnote marks left in a text stay separate from the word).
/// - Whitespace (including no-break and other Unicode spaces) separates tokens and is kept as the
///   next token's ``Token/leadingWhitespace``.
///
/// Complexity: O(n) time and memory in the length of the text.
public enum Tokenizer {
    /// Tokenizes `text`.
    public static func tokenize(_ text: String) -> TokenizedText {
        var keys: [UInt64] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        var kinds: [Token.Kind] = []
        let estimate = text.utf8.count / 5 + 4
        keys.reserveCapacity(estimate)
        starts.reserveCapacity(estimate)
        ends.reserveCapacity(estimate)
        kinds.reserveCapacity(estimate)
        var t = text
        t.makeContiguousUTF8()
        scan(t) { s, e, k, kind in
            keys.append(k)
            starts.append(Int32(truncatingIfNeeded: s))
            ends.append(Int32(truncatingIfNeeded: e))
            kinds.append(kind)
        }
        return TokenizedText(text: t, keys: keys, starts: starts, ends: ends, kinds: kinds)
    }

    /// Only the token keys of `text` (faster than ``tokenize(_:)`` when positions are not needed).
    public static func keys(_ text: String) -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(text.utf8.count / 5 + 4)
        scan(text) { _, _, k, _ in keys.append(k) }
        return keys
    }

    /// Re-joins tokens with their leading whitespace: the inverse of ``tokenize(_:)`` up to trailing
    /// whitespace.
    public static func join<S: Sequence>(_ tokens: S) -> String where S.Element == Token {
        var out = ""
        for t in tokens {
            out += t.leadingWhitespace
            out += t.text
        }
        return out
    }

    // MARK: - Scanner

    private enum Class: UInt8 { case space, alnum, joiner, punct, comma }

    private static let asciiClass: [Class] = {
        var table = [Class](repeating: .punct, count: 128)
        for b in [9, 10, 11, 12, 13, 32] { table[b] = .space }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = .alnum }
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = .alnum }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = .alnum }
        for c in "-/.'" { table[Int(c.asciiValue!)] = .joiner }
        table[Int(UInt8(ascii: ","))] = .comma
        return table
    }()

    @inline(__always)
    private static func classify(_ v: UInt32) -> Class {
        if v < 128 { return asciiClass[Int(v)] }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return .space
        case 0x2019, 0x02BC, 0x2010, 0x2011:
            return .joiner
        case 0xB2, 0xB3, 0xB9, 0x2070...0x209F:
            return .punct  // superscript and subscript digits: footnote marks
        default:
            guard let scalar = Unicode.Scalar(v) else { return .punct }
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil { return .alnum }
            switch p.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return .alnum
            default: return .punct
            }
        }
    }

    /// Folds typographic variants to one form for comparison keys.
    @inline(__always)
    private static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x2018, 0x2019, 0x02BC, 0x2032: return 0x27  // ' ’ ʼ ′ -> '
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: return 0x22  // “ ” „ « » -> "
        case 0x2010, 0x2011: return 0x2D  // ‐ ‑ -> -
        default: return v
        }
    }

    @inline(__always)
    private static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    @inline(__always)
    private static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = p.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            return (((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            let v = ((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12)
                | ((UInt32(p[i + 2]) & 0x3F) << 6) | (UInt32(p[i + 3]) & 0x3F)
            return (v, 4)
        }
        return (0xFFFD, 1)
    }

    /// Calls `emit(start, end, key, kind)` for every token, with UTF-8 offsets.
    @inline(__always)
    static func scan(_ text: String, _ emit: (Int, Int, UInt64, Token.Kind) -> Void) {
        var text = text
        text.withUTF8 { p in
            let n = p.count
            var i = 0
            while i < n {
                let (v, len) = decode(p, i)
                let cls = classify(v)
                if cls == .space {
                    i += len
                    continue
                }
                if cls != .alnum {
                    emit(i, i + len, TokenHash.finish(TokenHash.combine(TokenHash.seed, fold(v))), .punctuation)
                    i += len
                    continue
                }
                let start = i
                var h = TokenHash.combine(TokenHash.seed, v)
                let startsWithDigit = isDigit(v)
                var hasSlash = false
                var hasDigit = startsWithDigit
                var prev = v
                i += len
                while i < n {
                    let (w, wl) = decode(p, i)
                    let c = classify(w)
                    if c == .alnum {
                        h = TokenHash.combine(h, w)
                        if isDigit(w) { hasDigit = true }
                        prev = w
                        i += wl
                        continue
                    }
                    if c == .joiner || c == .comma {
                        let j = i + wl
                        guard j < n else { break }
                        let (x, xl) = decode(p, j)
                        guard classify(x) == .alnum else { break }
                        if c == .comma && !(isDigit(prev) && isDigit(x)) { break }
                        if w == 0x2F { hasSlash = true }
                        h = TokenHash.combine(TokenHash.combine(h, fold(w)), x)
                        if isDigit(x) { hasDigit = true }
                        prev = x
                        i = j + xl
                        continue
                    }
                    break
                }
                let kind: Token.Kind = startsWithDigit || (hasSlash && hasDigit) ? .number : .word
                emit(start, i, TokenHash.finish(h), kind)
            }
        }
    }
}
