/// The format of an input file, recognised by its content, never by its name.
///
/// Recognition looks only at the first bytes, and for a zip archive at the names of its entries
/// (its first local headers, else its central directory at the end of the file).
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// Text: plain, PDF-extracted, Markdown, word-processor exports (``ResolutionText``).
    case text
    /// A PDF file (`%PDF-` in its first kilobyte).
    case pdf
    /// A Word document (a zip archive holding `word/document.xml`).
    case docx
    /// An OpenDocument text (a zip archive whose `mimetype` is `application/vnd.oasis.opendocument.text`).
    case odt
    /// Akoma Ntoso XML (an XML document whose root element is `akomaNtoso`).
    case akomaNtoso
    /// A legacy Word 97–2003 document (an OLE2 compound file): refused with a hint.
    case legacyWord
    /// Anything else that is not text: images, other archives, other XML.
    case other

    /// A short human name, for messages: "PDF", "Word (.docx)".
    public var displayName: String {
        switch self {
        case .text: "text"
        case .pdf: "PDF"
        case .docx: "Word (.docx)"
        case .odt: "OpenDocument (.odt)"
        case .akomaNtoso: "Akoma Ntoso XML"
        case .legacyWord: "legacy Word (.doc)"
        case .other: "other"
        }
    }

    /// Recognises the format of `bytes`.
    ///
    /// - Complexity: O(1) for everything but zip archives; for those, O(k) in the bytes of the
    ///   local headers looked at (at most ``zipScanLimit``), plus, when they cannot be walked, the
    ///   central directory and the up to 64 KiB of comment after it.
    public static func recognise(_ bytes: [UInt8]) -> InputFormat {
        if startsWith(bytes, pdfMagic, within: 1024) { return .pdf }
        if bytes.starts(with: zipMagic) { return zipFormat(bytes) }
        if bytes.starts(with: ole2Magic) { return .legacyWord }
        if let root = xmlRootElement(bytes) { return root == "akomaNtoso" ? .akomaNtoso : .other }
        if isImage(bytes) { return .other }
        return .text
    }

    // MARK: - Signatures

    static let pdfMagic: [UInt8] = Array("%PDF-".utf8)
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let ole2Magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// How far into a zip archive the entry names are looked for.
    static let zipScanLimit = 256 * 1024

    private static func startsWith(_ bytes: [UInt8], _ magic: [UInt8], within limit: Int) -> Bool {
        let end = min(bytes.count, limit) - magic.count
        guard end >= 0 else { return false }
        for i in 0...end where bytes[i] == magic[0] {
            if bytes[i..<(i + magic.count)].elementsEqual(magic) { return true }
        }
        return false
    }

    /// Walks the local file headers (signature, fixed 30-byte header, name) of a zip archive.
    private static func zipFormat(_ bytes: [UInt8]) -> InputFormat {
        var offset = 0
        var names: [String] = []
        while offset + 30 <= min(bytes.count, zipScanLimit), bytes[offset..<(offset + 4)].elementsEqual(zipMagic) {
            let compressedSize = Int(le32(bytes, offset + 18))
            let nameLength = Int(le16(bytes, offset + 26))
            let extraLength = Int(le16(bytes, offset + 28))
            let nameStart = offset + 30
            guard nameStart + nameLength <= bytes.count else { break }
            let name = String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self)
            names.append(name)
            let dataStart = nameStart + nameLength + extraLength
            if name == "mimetype", dataStart + compressedSize <= bytes.count {
                let mime = String(decoding: bytes[dataStart..<(dataStart + compressedSize)], as: UTF8.self)
                if mime.hasPrefix("application/vnd.oasis.opendocument.text") { return .odt }
            }
            if name == "word/document.xml" { return .docx }
            let flags = le16(bytes, offset + 6)
            // Sizes after the data (bit 3): the names seen so far are all that can be read cheaply.
            if flags & 0x08 != 0 && compressedSize == 0 { break }
            offset = dataStart + compressedSize
        }
        // Local headers whose sizes follow the data (LibreOffice, many zip writers) cannot be
        // walked: the central directory at the end names every entry.
        let directory = offset < min(bytes.count, zipScanLimit) ? centralDirectory(bytes) : nil
        names += directory?.map(\.name) ?? []
        if names.contains("word/document.xml") { return .docx }
        if let mimetype = (directory ?? centralDirectory(bytes)).first(where: { $0.name == "mimetype" }),
            let content = storedContent(bytes, mimetype), content.starts(with: Array("application/vnd.oasis.opendocument.text".utf8))
        {
            return .odt
        }
        // A Word package without its body: read as Word, so the refusal names what is missing.
        if names.contains("[Content_Types].xml"), names.contains(where: { $0.hasPrefix("word/") }) { return .docx }
        return .other
    }

    /// The size of the end-of-central-directory record without its comment.
    static let endRecordSize = 22
    /// The longest zip comment: how far from the end the end record may start.
    static let maximumCommentSize = 65_535

    /// The entries the central directory names: name, local header offset, compressed size.
    /// Empty when there is no readable end record.
    /// - Complexity: O(c + e) in the comment searched past and the central directory's size.
    static func centralDirectory(_ bytes: [UInt8]) -> [(name: String, offset: Int, size: Int)] {
        guard bytes.count >= endRecordSize else { return [] }
        var end = bytes.count - endRecordSize
        let lowest = max(0, bytes.count - endRecordSize - maximumCommentSize)
        while end >= lowest, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 0x05 && bytes[end + 3] == 0x06) {
            end -= 1
        }
        guard end >= lowest else { return [] }
        let count = Int(le16(bytes, end + 10))
        var offset = Int(le32(bytes, end + 16))
        var out: [(name: String, offset: Int, size: Int)] = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, le32(bytes, offset) == 0x0201_4B50 else { break }
            let size = Int(le32(bytes, offset + 20))
            let nameLength = Int(le16(bytes, offset + 28))
            let extraLength = Int(le16(bytes, offset + 30))
            let commentLength = Int(le16(bytes, offset + 32))
            let local = Int(le32(bytes, offset + 42))
            guard offset + 46 + nameLength <= bytes.count else { break }
            out.append((String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self), local, size))
            offset += 46 + nameLength + extraLength + commentLength
        }
        return out
    }

    /// The bytes of a stored (uncompressed) entry, from its local header.
    private static func storedContent(_ bytes: [UInt8], _ entry: (name: String, offset: Int, size: Int)) -> ArraySlice<UInt8>? {
        let o = entry.offset
        guard o + 30 <= bytes.count, le16(bytes, o + 8) == 0 else { return nil }
        let start = o + 30 + Int(le16(bytes, o + 26)) + Int(le16(bytes, o + 28))
        guard start + entry.size <= bytes.count else { return nil }
        return bytes[start..<(start + entry.size)]
    }

    private static func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    /// The name of the root element of an XML document (after a byte-order mark, the XML
    /// declaration, comments, processing instructions and a doctype), or `nil` if `bytes` do
    /// not start like XML. Looks at most at the first 4 KiB.
    static func xmlRootElement(_ bytes: [UInt8]) -> String? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let limit = min(bytes.count, 4096)
        func skipSpace() { while i < limit, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 } }
        skipSpace()
        guard i < limit, bytes[i] == UInt8(ascii: "<") else { return nil }
        while i < limit {
            skipSpace()
            guard i + 1 < limit, bytes[i] == UInt8(ascii: "<") else { return nil }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // A declaration, processing instruction, comment or doctype: skip to its '>'.
                while i < limit, bytes[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
                continue
            }
            var j = i + 1
            while j < limit, !(bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D
                || bytes[j] == UInt8(ascii: ">") || bytes[j] == UInt8(ascii: "/")) { j += 1 }
            var name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            return name.isEmpty ? nil : name
        }
        return nil
    }

    static func isImage(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF])
            || bytes.starts(with: Array("GIF8".utf8))
    }
}
