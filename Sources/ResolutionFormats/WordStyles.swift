import Foundation
import ResolutionText

/// What the reader needs of a Word document's styles (`word/styles.xml`): the numbering a
/// paragraph style carries (`w:pPr/w:numPr`), and whether a character style raises its text
/// (`w:vertAlign` superscript, a footnote reference style) or hides it (`w:vanish`); each
/// through the `w:basedOn` chain.
struct WordStyles {
    struct Style {
        var basedOn: String?
        var numId: String?
        var ilvl: Int?
        var superscript: Bool?
        var hidden: Bool?
    }

    /// The longest `w:basedOn` chain followed (a cycle stops there).
    static let maximumChain = 32

    var styles: [String: Style] = [:]
    /// The paragraph style of paragraphs that name none (`w:default="1"`).
    var defaultParagraphStyle: String?

    /// Reads `word/styles.xml`.
    /// - Complexity: O(n) in the size of the part.
    static func read(_ data: Data, part: String, of format: InputFormat) throws(ParseError) -> WordStyles {
        let handler = Handler()
        try handler.parse(data, part: part, of: format)
        return handler.styles
    }

    /// The first value `property` gives along the `basedOn` chain of `id`.
    /// - Complexity: O(``maximumChain``).
    func inherited<T>(_ id: String?, _ property: (Style) -> T?) -> T? {
        var current = id
        var steps = 0
        while let c = current, let style = styles[c], steps < Self.maximumChain {
            if let value = property(style) { return value }
            current = style.basedOn
            steps += 1
        }
        return nil
    }

    /// The numbering (`numId`, `ilvl`) a paragraph style carries, if any.
    func numbering(of styleId: String?) -> (numId: String, ilvl: Int?)? {
        guard let numId = inherited(styleId, \.numId) else { return nil }
        return (numId, inherited(styleId, \.ilvl))
    }

    private final class Handler: WordXMLHandler {
        var styles = WordStyles()
        var current: String?
        var path: [String] = []

        override func start(_ name: WordXMLName, _ attributes: WordXMLAttributes) -> Bool {
            guard WordNamespace.isWord(name.namespace) else { return name.namespace != WordNamespace.compatibility || name.local != "Fallback" }
            switch name.local {
            case "pPrChange", "rPrChange": return false
            case "style":
                current = attributes.word("styleId")
                if let id = current {
                    styles.styles[id] = Style()
                    if attributes.word("type") == "paragraph", let isDefault = attributes.word("default"), wordOnOff(isDefault) {
                        styles.defaultParagraphStyle = id
                    }
                }
            case "basedOn": set { $0.basedOn = attributes.word("val") }
            case "numId" where path.last == "numPr": set { $0.numId = attributes.word("val") }
            case "ilvl" where path.last == "numPr": set { $0.ilvl = attributes.word("val").flatMap { Int($0) } }
            case "vertAlign" where path.last == "rPr": set { $0.superscript = attributes.word("val") == "superscript" }
            case "vanish" where path.last == "rPr": set { $0.hidden = wordOnOff(attributes.word("val")) }
            default: break
            }
            path.append(name.local)
            return true
        }

        override func end(_ name: WordXMLName) {
            guard WordNamespace.isWord(name.namespace) else { return }
            if !path.isEmpty { path.removeLast() }
            if name.local == "style" { current = nil }
        }

        private func set(_ change: (inout Style) -> Void) {
            guard let current, styles.styles[current] != nil else { return }
            change(&styles.styles[current]!)
        }
    }
}
