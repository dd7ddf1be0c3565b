/// What the reader needs of an OpenDocument text's styles (`styles.xml` and the automatic
/// styles of `content.xml`): paragraph styles (their parent and master page), text styles
/// that raise text to superscript or hide it, list styles (how each level is numbered), the
/// footnote and endnote numbering, and the header of each master page.
struct OpenDocumentStyles {
    struct ParagraphStyle {
        var parent: String?
        var masterPage: String?
    }

    struct TextStyle {
        var parent: String?
        var superscript: Bool?
        var hidden: Bool?
    }

    /// One level of a list style (`text:list-level-style-number` or `-bullet`).
    struct ListLevel {
        var format = "1"
        var prefix = ""
        var suffix = ""
        var start = 1
        var displayLevels = 1
        var bullet: String?
        var letterSync = false
        var followedBy = "\t"
    }

    /// ODF's ten list levels.
    static let levelCount = 10

    var paragraphStyles: [String: ParagraphStyle] = [:]
    var textStyles: [String: TextStyle] = [:]
    var listStyles: [String: [Int: ListLevel]] = [:]
    /// Note numbering by note class (`footnote`, `endnote`): format and start value.
    var notes: [String: (format: String, start: Int)] = [:]
    /// The header paragraphs of each master page: its first-page header when it has one,
    /// else its header.
    var headers: [String: [String]] = [:]

    /// The first value `property` gives along the parent chain of text style `name`.
    /// - Complexity: O(``WordStyles/maximumChain``).
    func inherited<T>(_ name: String?, _ property: (TextStyle) -> T?) -> T? {
        var current = name
        var steps = 0
        while let c = current, let style = textStyles[c], steps < WordStyles.maximumChain {
            if let value = property(style) { return value }
            current = style.parent
            steps += 1
        }
        return nil
    }

    /// The master page a paragraph style starts (through its parents).
    func masterPage(of name: String?) -> String? {
        var current = name
        var steps = 0
        while let c = current, let style = paragraphStyles[c], steps < WordStyles.maximumChain {
            if let page = style.masterPage, !page.isEmpty { return page }
            current = style.parent
            steps += 1
        }
        return nil
    }

    /// Whether a `style:text-position` raises text: `super …` or a positive percentage.
    static func isRaised(_ position: String) -> Bool {
        let first = position.split(separator: " ").first.map(String.init) ?? ""
        if first == "super" { return true }
        if first.hasSuffix("%"), let value = Double(first.dropLast()) { return value > 0 }
        return false
    }
}
