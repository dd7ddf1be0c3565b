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
    /// Case is kept: `Notes` and `notes` differ. A paragraph's closing `;`, `.` or `,` has
    /// ``Tokenizer/closingKey`` whichever it is: it is layout, set by position.
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
    /// Per token: kind (2 bits) << 62 | UTF-8 start << 31 | UTF-8 end.
    let spans: [UInt64]

    init(text: String, keys: [UInt64], spans: [UInt64]) {
        self.text = text
        self.keys = keys
        self.spans = spans
    }

    @inline(__always) func start(_ i: Int) -> Int { Int((spans[i] >> 31) & 0x7FFF_FFFF) }
    @inline(__always) func end(_ i: Int) -> Int { Int(spans[i] & 0x7FFF_FFFF) }
    @inline(__always) func kind(_ i: Int) -> Token.Kind { Token.Kind(rawValue: UInt8(spans[i] >> 62)) ?? .word }

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
        let s = start(i), e = end(i)
        let ws = i == 0 ? 0 : end(i - 1)
        return Token(text: slice(s, e), leadingWhitespace: slice(ws, s), kind: kind(i), key: keys[i])
    }

    /// All tokens, in order.
    public var tokens: [Token] { (0..<count).map { self[$0] } }

    /// The tokens in `range`, each preceded by its leading whitespace (the first one too), exactly
    /// as in ``text``. Joining consecutive ranges that cover `0..<count` and appending
    /// ``trailingWhitespace`` gives back ``text``.
    public func joined(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let from = range.lowerBound == 0 ? 0 : end(range.lowerBound - 1)
        return String(slice(from, end(range.upperBound - 1)))
    }

    /// The whitespace after the last token.
    public var trailingWhitespace: Substring {
        let last = count == 0 ? 0 : end(count - 1)
        return slice(last, text.utf8.count)
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
        let estimate = text.utf8.count / 5 + 4
        var t = text
        t.makeContiguousUTF8()
        var v = Collector(keys: [], spans: [])
        v.keys.reserveCapacity(estimate)
        v.spans.reserveCapacity(estimate)
        visit(t, &v)
        markClosings(t, keys: &v.keys, spans: v.spans)
        return TokenizedText(text: t, keys: v.keys, spans: v.spans)
    }

    /// Only the token keys of `text`, as ``tokenize(_:)`` gives them (closing marks included).
    /// - Complexity: O(length), without the spans ``tokenize(_:)`` keeps.
    public static func keys(_ text: String) -> [UInt64] {
        var v = ClosingKeyCollector()
        v.keys.reserveCapacity(text.utf8.count / 5 + 4)
        visit(text, &v)
        var keys = v.keys
        guard !keys.isEmpty else { return keys }
        if !v.gaps.isEmpty {
            var text = text
            text.withUTF8 { p in
                for gap in v.gaps where p[gap.from..<gap.to].contains(0x0A) { keys[gap.index] = closingKey }
            }
        }
        if v.lastIsMark { keys[keys.count - 1] = closingKey }
        return keys
    }

    /// The raw key of every token, closing marks left as written (for tables of single marks).
    static func rawKeys(_ text: String) -> [UInt64] {
        var v = KeyCollector(keys: [])
        v.keys.reserveCapacity(text.utf8.count / 5 + 4)
        visit(text, &v)
        return v.keys
    }

    /// The key of a paragraph's closing mark: a `;`, `.` or `,` that ends the text, or ends a line
    /// of it (the paragraphs of a split or merge are joined by line breaks). That mark is set by
    /// the paragraph's position, not by what it says (the last operative paragraph ends with a full
    /// stop, the others with a semicolon; the last item of a list may end differently), like its
    /// number: so the three compare equal there, and a clause that only moved to or from the end
    /// is not changed. A weak token (see ``StopWords``), like any punctuation.
    public static let closingKey: UInt64 = TokenHash.finish(0x636C_6F73_696E_6721)  // "closing!"

    /// The keys of a closing mark: ``closingKey`` first, then `;`, `.` and `,` as written elsewhere
    /// in a text (see ``Provenance``'s origins: a mark that became a closing mark keeps its origin).
    public static let closingMarkKeys: [UInt64] = [closingKey] + rawKeys(";") + rawKeys(".") + rawKeys(",")

    /// Whether the byte is one of the closing marks `;` `.` `,`.
    @inline(__always)
    static func isClosingMark(_ b: UInt8) -> Bool { b == 0x3B || b == 0x2E || b == 0x2C }

    /// Gives the closing marks of `text` (see ``closingKey``) that key. O(number of tokens +
    /// whitespace between them).
    private static func markClosings(_ text: String, keys: inout [UInt64], spans: [UInt64]) {
        guard !keys.isEmpty else { return }
        var text = text
        text.withUTF8 { p in
            func closing(_ i: Int) -> Bool {
                let s = Int((spans[i] >> 31) & 0x7FFF_FFFF), e = Int(spans[i] & 0x7FFF_FFFF)
                return e == s + 1 && isClosingMark(p[s])
            }
            for i in 0..<(keys.count - 1) {
                let e = Int(spans[i] & 0x7FFF_FFFF), next = Int((spans[i + 1] >> 31) & 0x7FFF_FFFF)
                guard e < next, closing(i) else { continue }
                if p[e..<next].contains(0x0A) { keys[i] = closingKey }
            }
            if closing(keys.count - 1) { keys[keys.count - 1] = closingKey }
        }
    }

    private struct Collector: TokenVisitor {
        var keys: [UInt64]
        var spans: [UInt64]

        @inline(__always)
        mutating func token(start: Int, end: Int, key: UInt64, kind: Token.Kind) {
            keys.append(key)
            spans.append(UInt64(kind.rawValue) << 62 | UInt64(start) << 31 | UInt64(end))
        }
    }

    private struct KeyCollector: TokenVisitor {
        var keys: [UInt64]

        @inline(__always)
        mutating func token(start: Int, end: Int, key: UInt64, kind: Token.Kind) { keys.append(key) }
    }

    /// Keys, and the whitespace after each single-byte mark `;` `.` `,` (for ``keys(_:)``: a mark
    /// followed by a line break closes a paragraph, as ``markClosings(_:keys:spans:)`` decides).
    private struct ClosingKeyCollector: TokenVisitor {
        static let markKeys = Set(rawKeys(";") + rawKeys(".") + rawKeys(","))
        var keys: [UInt64] = []
        var gaps: [(index: Int, from: Int, to: Int)] = []
        var lastIsMark = false
        var lastEnd = 0

        @inline(__always)
        mutating func token(start: Int, end: Int, key: UInt64, kind: Token.Kind) {
            if lastIsMark, lastEnd < start { gaps.append((keys.count - 1, lastEnd, start)) }
            keys.append(key)
            lastIsMark = end == start + 1 && Self.markKeys.contains(key)
            lastEnd = end
        }
    }

    private struct ClosureVisitor: TokenVisitor {
        let body: (Int, Int, UInt64, Token.Kind) -> Void

        @inline(__always)
        mutating func token(start: Int, end: Int, key: UInt64, kind: Token.Kind) { body(start, end, key, kind) }
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

    @inline(__always)
    private static func classify(_ v: UInt32) -> Class {
        v < 128 ? asciiClass(UInt8(v)) : classifyNonASCII(v)
    }

    @inline(never)
    private static func classifyNonASCII(_ v: UInt32) -> Class {
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
    static func scan(_ text: String, _ emit: (Int, Int, UInt64, Token.Kind) -> Void) {
        withoutActuallyEscaping(emit) { body in
            var v = ClosureVisitor(body: body)
            visit(text, &v)
        }
    }

    /// Feeds every token of `text` to `visitor` (specialised per visitor type, so the per-token
    /// call is inlined).
    ///
    /// Keys hash the token's UTF-8 bytes after folding (``fold(_:)``), so a token spelled with a
    /// typographic apostrophe gets the key of its ASCII spelling. Pure-ASCII tokens, the vast
    /// majority, take a fast path that hashes the bytes in place.
    @inline(__always)
    static func visit<V: TokenVisitor>(_ text: String, _ visitor: inout V) {
        var text = text
        text.withUTF8 { p in
            let n = p.count
            var i = 0
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    let cls = asciiClass(b)
                    if cls == .space {
                        i += 1
                        continue
                    }
                    if cls != .alnum {
                        visitor.token(start: i, end: i + 1, key: punctuationKey(UInt32(b)), kind: .punctuation)
                        i += 1
                        continue
                    }
                    // ASCII fast path: letters and digits, joined by - / . ' (and , between digits).
                    let start = i
                    var j = i + 1
                    var hasSlash = false
                    var hasDigit = b <= 0x39
                    var ascii = true
                    while j < n {
                        let c = p[j]
                        if c >= 0x80 {
                            ascii = false
                            break
                        }
                        let k = asciiClass(c)
                        if k == .alnum {
                            if c <= 0x39 { hasDigit = true }
                            j += 1
                            continue
                        }
                        if k == .joiner || k == .comma {
                            guard j + 1 < n else { break }
                            let d = p[j + 1]
                            if d >= 0x80 {
                                ascii = false
                                break
                            }
                            guard asciiClass(d) == .alnum else { break }
                            if k == .comma && !(p[j - 1] <= 0x39 && p[j - 1] >= 0x30 && d <= 0x39) { break }
                            if c == 0x2F { hasSlash = true }
                            j += 1
                            continue
                        }
                        break
                    }
                    if ascii {
                        let startsWithDigit = b >= 0x30 && b <= 0x39
                        let kind: Token.Kind = startsWithDigit || (hasSlash && hasDigit) ? .number : .word
                        visitor.token(start: start, end: j, key: TokenHash.bytes(p, start, j), kind: kind)
                        i = j
                        continue
                    }
                }
                i = slowToken(p, i, &visitor)
            }
        }
    }

    @inline(__always)
    private static func asciiClass(_ b: UInt8) -> Class {
        if b >= 0x61 && b <= 0x7A { return .alnum }  // a-z
        if b >= 0x41 && b <= 0x5A { return .alnum }  // A-Z
        if b >= 0x30 && b <= 0x39 { return .alnum }  // 0-9
        if b == 0x20 || (b >= 9 && b <= 13) { return .space }
        if b == 0x2D || b == 0x2F || b == 0x2E || b == 0x27 { return .joiner }  // - / . '
        if b == 0x2C { return .comma }
        return .punct
    }

    @inline(__always)
    private static func punctuationKey(_ v: UInt32) -> UInt64 {
        var buf: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let n = encode(fold(v), &buf)
        return withUnsafeBytes(of: &buf) { TokenHash.bytes($0.bindMemory(to: UInt8.self), 0, n) }
    }

    /// UTF-8 encoding of one scalar into `buf`; returns its length.
    @inline(__always)
    private static func encode(_ v: UInt32, _ buf: inout (UInt8, UInt8, UInt8, UInt8)) -> Int {
        if v < 0x80 {
            buf.0 = UInt8(v)
            return 1
        }
        if v < 0x800 {
            buf.0 = UInt8(0xC0 | (v >> 6))
            buf.1 = UInt8(0x80 | (v & 0x3F))
            return 2
        }
        if v < 0x10000 {
            buf.0 = UInt8(0xE0 | (v >> 12))
            buf.1 = UInt8(0x80 | ((v >> 6) & 0x3F))
            buf.2 = UInt8(0x80 | (v & 0x3F))
            return 3
        }
        buf.0 = UInt8(0xF0 | (v >> 18))
        buf.1 = UInt8(0x80 | ((v >> 12) & 0x3F))
        buf.2 = UInt8(0x80 | ((v >> 6) & 0x3F))
        buf.3 = UInt8(0x80 | (v & 0x3F))
        return 4
    }

    /// The general path, scalar by scalar, for text that is not ASCII: returns the offset after
    /// the token (or the whitespace) starting at `i`.
    @inline(never)
    private static func slowToken<V: TokenVisitor>(_ p: UnsafeBufferPointer<UInt8>, _ i0: Int, _ visitor: inout V) -> Int {
        let n = p.count
        var i = i0
        let (v, len) = decode(p, i)
        let cls = classify(v)
        if cls == .space { return i + len }
        if cls != .alnum {
            visitor.token(start: i, end: i + len, key: punctuationKey(v), kind: .punctuation)
            return i + len
        }
        let start = i
        var folded: [UInt8] = []
        folded.reserveCapacity(32)
        func append(_ s: UInt32) {
            var buf: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            let k = encode(s, &buf)
            withUnsafeBytes(of: &buf) { folded.append(contentsOf: $0.prefix(k)) }
        }
        append(v)
        let startsWithDigit = isDigit(v)
        var hasSlash = false
        var hasDigit = startsWithDigit
        var prev = v
        i += len
        while i < n {
            let (w, wl) = decode(p, i)
            let c = classify(w)
            if c == .alnum {
                append(w)
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
                append(fold(w))
                append(x)
                if isDigit(x) { hasDigit = true }
                prev = x
                i = j + xl
                continue
            }
            break
        }
        let kind: Token.Kind = startsWithDigit || (hasSlash && hasDigit) ? .number : .word
        let key = folded.withUnsafeBufferPointer { TokenHash.bytes($0, 0, $0.count) }
        visitor.token(start: start, end: i, key: key, kind: kind)
        return i
    }
}

/// Receives the tokens found by ``Tokenizer``'s scanner.
protocol TokenVisitor {
    mutating func token(start: Int, end: Int, key: UInt64, kind: Token.Kind)
}
