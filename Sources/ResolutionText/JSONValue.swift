/// A JSON value whose objects keep their keys in the order they were given.
///
/// lineage documents exact JSON shapes (key order included, `null` written out rather than
/// omitted), which `JSONEncoder` does not promise; this type renders them deterministically.
public indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }

    /// `.string(value)` or `.null`.
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    /// `.int(value)` or `.null`.
    public static func int(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rendered(pretty: false)) }

    /// The JSON text: pretty-printed with two-space indentation, or compact on one line.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: pretty ? 0 : nil)
        return out
    }

    /// The pretty-printed JSON text as it reads nested `level` deep in a larger value (its inner
    /// lines indented by `level` more steps; the first line not indented): how a long array is
    /// written one element at a time.
    public func rendered(nestedAt level: Int) -> String {
        var out = ""
        write(to: &out, indent: level)
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            // Similarity scores and ratios: three decimals are plenty and keep output stable.
            if d.isFinite {
                let r = (d * 1000).rounded() / 1000
                out += r == r.rounded() ? String(Int(r)) : String(r)
            } else {
                out += "null"
            }
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                JSONValue.newline(&out, indent.map { $0 + 1 })
                item.write(to: &out, indent: indent.map { $0 + 1 })
            }
            JSONValue.newline(&out, indent)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                JSONValue.newline(&out, indent.map { $0 + 1 })
                JSONValue.escape(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent.map { $0 + 1 })
            }
            JSONValue.newline(&out, indent)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += indent < indentations.count ? indentations[indent] : "\n" + String(repeating: "  ", count: indent)
    }

    /// A line break and `n` levels of indentation, for the usual depths (not built at each line).
    private static let indentations = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

    private static func escape(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: appended whole, not scalar by scalar. (Escaped beyond
        // ASCII: C1 controls, U+2028, U+2029 and the invisible format characters (bidirectional
        // controls and the like, ``escapedInvisibly``); any string with a byte that can begin
        // one goes the slow way.)
        var s = s
        let plain = s.withUTF8 { utf8 in
            !utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F || ($0 >= 0xC2 && slowLeadBytes.contains($0)) }
        }
        if plain {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || escapedInvisibly(scalar):
                if scalar.value > 0xFFFF {
                    let v = scalar.value - 0x10000
                    hex4(0xD800 + (v >> 10), into: &out)
                    hex4(0xDC00 + (v & 0x3FF), into: &out)
                } else {
                    hex4(scalar.value, into: &out)
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `\u` and four hex digits.
    private static func hex4(_ value: UInt32, into out: inout String) {
        let hex = String(value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// Characters written as `\u` escapes although JSON allows them raw, so that no reader's
    /// terminal or editor shows the text differently from what it says: DEL and C1 controls, and
    /// ``InvisibleCharacters``.
    static func escapedInvisibly(_ scalar: Unicode.Scalar) -> Bool {
        (0x7F...0x9F).contains(scalar.value) || InvisibleCharacters.contains(scalar)
    }

    /// UTF-8 lead bytes of every character ``escapedInvisibly(_:)`` holds above ASCII.
    private static let slowLeadBytes: Set<UInt8> = [0xC2, 0xD8, 0xD9, 0xDB, 0xDC, 0xE0, 0xE1, 0xE2, 0xEF, 0xF0, 0xF3]
}
