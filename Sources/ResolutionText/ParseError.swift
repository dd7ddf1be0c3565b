/// Why a file could not be read as a resolution, or a canonical document could not be read back.
///
/// ``reason`` is a complete, human sentence fragment meant to be shown after the file name,
/// e.g. `"not valid UTF-8 text (byte 0xE9 at offset 1204)"` or
/// `"cut off: the last paragraph (op4) ends with \"…General Assembly at its\" instead of a full stop"`.
/// ``category`` lets callers tell the kinds of refusal apart without matching on wording.
public struct ParseError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        /// No bytes, or only white space.
        case empty
        /// NUL bytes or many control characters: not a text file.
        case binary
        /// Bytes that are not valid UTF-8 (or UTF-16 with a byte-order mark).
        case encoding
        /// A text, but not a General Assembly resolution.
        case notAResolution
        /// A resolution whose text stops early (missing operative part, truncated paragraph,
        /// footnote referenced but its text missing).
        case cutOff
        /// A canonical document that does not follow the format.
        case malformedDocument
        /// A file in a format lineage does not read (a legacy .doc, an image, other XML), or
        /// a file of a known format that cannot be opened (a damaged PDF or archive).
        case unsupportedFormat
    }

    public var category: Category
    /// The explanation shown to the user.
    public var reason: String

    public init(_ category: Category, _ reason: String) {
        self.category = category
        self.reason = reason
    }

    public var description: String { reason }

    static let emptyFile = ParseError(.empty, "empty file")
    static let whitespaceOnly = ParseError(.empty, "empty file: it contains only white space")

    static func binaryData(_ detail: String) -> ParseError {
        ParseError(.binary, "binary data, not text (\(detail))")
    }

    static func invalidEncoding(_ encoding: String, unit: String, offset: Int) -> ParseError {
        ParseError(.encoding, "not valid \(encoding) text (\(unit) at offset \(offset))")
    }

    static func notAResolution(_ detail: String) -> ParseError {
        ParseError(.notAResolution, "not a resolution: \(detail)")
    }

    static func cutOff(_ detail: String) -> ParseError {
        ParseError(.cutOff, "cut off: \(detail)")
    }

    static func malformed(line: Int, _ detail: String) -> ParseError {
        ParseError(.malformedDocument, "not a canonical document: line \(line): \(detail)")
    }

    /// `0xE9`: two upper-case hex digits.
    static func hex(_ value: UInt32, width: Int = 2) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
