import Foundation

/// Small Word and OpenDocument packages written by the tests: a zip archive of stored (not
/// compressed) entries, in the order given.
enum TestZip {
    static func archive(_ entries: [(name: String, text: String)]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (name, text) in entries {
            let data = Array(text.utf8)
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            let offset = out.count
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            out += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
            out += le16(UInt16(nameBytes.count)) + le16(0) + nameBytes + data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
            central += le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
            central += le32(UInt32(offset)) + nameBytes
        }
        let centralOffset = out.count
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(UInt32(centralOffset)) + le16(0)
        return out
    }

    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// A Word document made of a body and the optional parts a test needs.
struct TestWordDocument {
    static let namespaces =
        #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#

    var body: String
    var numbering: String?
    var styles: String?
    var footnotes: String?
    var headers: [(id: String, text: String)] = []
    var sectionProperties = ""

    var bytes: [UInt8] {
        var entries: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("word/document.xml", #"<?xml version="1.0"?><w:document \#(Self.namespaces)><w:body>\#(body)<w:sectPr>\#(sectionProperties)</w:sectPr></w:body></w:document>"#),
        ]
        var relationships = ""
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        if let numbering {
            entries.append(("word/numbering.xml", #"<w:numbering \#(Self.namespaces)>\#(numbering)</w:numbering>"#))
            relationships += #"<Relationship Id="rN" Type="\#(type)numbering" Target="numbering.xml"/>"#
        }
        if let styles {
            entries.append(("word/styles.xml", #"<w:styles \#(Self.namespaces)>\#(styles)</w:styles>"#))
            relationships += #"<Relationship Id="rS" Type="\#(type)styles" Target="styles.xml"/>"#
        }
        if let footnotes {
            entries.append(("word/footnotes.xml", #"<w:footnotes \#(Self.namespaces)>\#(footnotes)</w:footnotes>"#))
            relationships += #"<Relationship Id="rF" Type="\#(type)footnotes" Target="footnotes.xml"/>"#
        }
        for (id, text) in headers {
            entries.append(("word/\(id).xml", #"<w:hdr \#(Self.namespaces)>\#(text)</w:hdr>"#))
            relationships += #"<Relationship Id="\#(id)" Type="\#(type)header" Target="\#(id).xml"/>"#
        }
        entries.append(("word/_rels/document.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relationships)</Relationships>"#))
        return TestZip.archive(entries)
    }

    /// A paragraph of one run.
    static func p(_ text: String, numId: Int? = nil, ilvl: Int? = nil, style: String? = nil) -> String {
        var properties = style.map { #"<w:pStyle w:val="\#($0)"/>"# } ?? ""
        if numId != nil || ilvl != nil {
            properties += "<w:numPr>" + (ilvl.map { #"<w:ilvl w:val="\#($0)"/>"# } ?? "")
                + (numId.map { #"<w:numId w:val="\#($0)"/>"# } ?? "") + "</w:numPr>"
        }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + #"<w:r><w:t xml:space="preserve">\#(text)</w:t></w:r></w:p>"#
    }

    /// A numbering level.
    static func level(_ ilvl: Int, _ format: String, _ text: String, start: Int = 1, restart: Int? = nil) -> String {
        #"<w:lvl w:ilvl="\#(ilvl)"><w:start w:val="\#(start)"/><w:numFmt w:val="\#(format)"/>"#
            + (restart.map { #"<w:lvlRestart w:val="\#($0)"/>"# } ?? "") + #"<w:lvlText w:val="\#(text)"/></w:lvl>"#
    }
}
