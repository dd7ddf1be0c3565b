import Foundation
import ResolutionText

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML element or attribute name resolved against the namespace declarations in force, so
/// names compare by namespace whatever prefixes a producer chose (`w:p` and `ns0:p` alike).
struct WordXMLName: Hashable {
    let namespace: String
    let local: String
}

/// The namespaces the Word and OpenDocument readers look at.
enum WordNamespace {
    /// WordprocessingML, transitional and strict.
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    /// Relationship ids (`r:id` of a header reference), transitional and strict.
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let strictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    /// Markup compatibility (`mc:AlternateContent`, `mc:Choice`, `mc:Fallback`).
    static let compatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    /// Package relationships (`_rels/*.rels`).

    /// OpenDocument.
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    /// Whether `namespace` is WordprocessingML's main namespace (transitional or strict).
    static func isWord(_ namespace: String) -> Bool { namespace == main || namespace == strictMain }
}

/// The attributes of one element, looked up by namespace and local name.
///
/// An unprefixed attribute matches any namespace asked for (attributes of Word and
/// OpenDocument are prefixed; a producer that drops the prefix is still understood).
struct WordXMLAttributes {
    fileprivate let raw: [String: String]
    fileprivate let resolve: (Substring) -> String?

    /// The value of the attribute `local` in `namespace`, or `nil`.
    /// - Complexity: O(a) in the number of attributes.
    func value(_ namespace: String, _ local: String) -> String? {
        for (key, value) in raw {
            guard key.hasSuffix(local) else { continue }
            if key.count == local.count { return value }
            let prefixEnd = key.index(key.endIndex, offsetBy: -local.count - 1)
            guard key[prefixEnd] == ":" else { continue }
            if resolve(key[..<prefixEnd]) == namespace { return value }
        }
        return nil
    }

    /// The value of a Word attribute (`w:val`, `w:id`), in either Word namespace.
    func word(_ local: String) -> String? {
        value(WordNamespace.main, local) ?? value(WordNamespace.strictMain, local)
    }
}

/// A SAX handler over Foundation's `XMLParser` that resolves namespace prefixes itself (the
/// same on every platform) and lets subclasses skip whole subtrees.
///
/// Subclasses override ``start(_:_:)``, ``end(_:)`` and ``text(_:)``; a subclass that returns
/// `false` from ``start(_:_:)`` skips the element and everything inside it.
class WordXMLHandler: NSObject, XMLParserDelegate {
    /// Namespace declarations in force: (element depth that declared them, prefix, URI).
    private var declarations: [(depth: Int, prefix: String, uri: String)] = [(0, "xml", WordNamespace.xml)]
    private var depth = 0
    private var sawElement = false
    /// While > 0, the depth inside a skipped subtree.
    private var skipping = 0

    /// Called for each element outside skipped subtrees; `false` skips the element's subtree.
    func start(_ name: WordXMLName, _ attributes: WordXMLAttributes) -> Bool { true }
    /// Called at the end of each element whose start returned `true`.
    func end(_ name: WordXMLName) {}
    /// Character data outside skipped subtrees.
    func text(_ string: String) {}

    /// The namespace URI of `prefix` ("" for the default namespace).
    /// - Complexity: O(d) in the number of declarations in force.
    private func uri(of prefix: Substring) -> String? {
        for d in declarations.reversed() where d.prefix == prefix { return d.uri }
        return nil
    }

    private func resolve(_ qualified: String) -> WordXMLName {
        if let colon = qualified.firstIndex(of: ":") {
            let local = String(qualified[qualified.index(after: colon)...])
            return WordXMLName(namespace: uri(of: qualified[..<colon]) ?? "", local: local)
        }
        return WordXMLName(namespace: uri(of: "") ?? "", local: qualified)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        depth += 1
        sawElement = true
        if skipping > 0 {
            skipping += 1
            return
        }
        for (key, value) in attributeDict where key.hasPrefix("xmlns") {
            if key == "xmlns" {
                declarations.append((depth, "", value))
            } else if key.hasPrefix("xmlns:") {
                declarations.append((depth, String(key.dropFirst(6)), value))
            }
        }
        let attributes = WordXMLAttributes(raw: attributeDict, resolve: { [unowned self] in self.uri(of: $0) })
        if !start(resolve(elementName), attributes) { skipping = 1 }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        defer {
            while let last = declarations.last, last.depth == depth { declarations.removeLast() }
            depth -= 1
        }
        if skipping > 0 {
            skipping -= 1
            return
        }
        end(resolve(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if skipping == 0 { text(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if skipping == 0 { text(String(decoding: CDATABlock, as: UTF8.self)) }
    }

    /// Runs `XMLParser` over `data` with this handler; a part that is not well-formed XML is
    /// refused, naming the part of the `format` file and where the XML breaks.
    /// - Complexity: O(n) in the size of the part.
    func parse(_ data: Data, part: String, of format: InputFormat) throws(ParseError) {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        if !parser.parse() {
            let detail = parser.parserError.map { " (line \(parser.lineNumber): \(($0 as NSError).localizedDescription))" } ?? ""
            throw ParseError(.unsupportedFormat, "a damaged \(format.displayName) file: \(part) is not well-formed XML\(detail)")
        }
        // Some parsers accept a document cut inside an element: it is no better formed.
        if depth != 0 || !sawElement {
            throw ParseError(
                .unsupportedFormat,
                "a damaged \(format.displayName) file: \(part) is not well-formed XML (\(sawElement ? "it ends inside an element" : "no element"))")
        }
    }
}

/// Whether a WordprocessingML on/off value (`w:val` of `w:vanish`, `w:titlePg` …) is on: an
/// absent value is on; `0`, `false`, `off` are off.
func wordOnOff(_ value: String?) -> Bool {
    guard let value else { return true }
    return !(value == "0" || value == "false" || value == "off")
}
