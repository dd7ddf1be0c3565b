import Foundation
import ResolutionText

/// Reads an OpenDocument text (`.odt`) as a resolution.
///
/// The package is opened in memory (``WordArchive``); `styles.xml` then `content.xml` are
/// read with Foundation's SAX parser: paragraphs and headings (`text:p`, `text:h`), lists with
/// the numbers their list styles draw (`text:list-level-style-number`: `style:num-format`,
/// `style:num-prefix`, `style:num-suffix`, `text:start-value`, `text:display-levels`;
/// `text:continue-numbering`, `text:continue-list`, a list item's own `text:start-value`),
/// footnotes (`text:note`, marked by their `text:note-citation`), spaces, tabs and line breaks
/// (`text:s`, `text:tab`, `text:line-break`), tracked changes as accepted (the deletions kept
/// in `text:tracked-changes` are not read), comments dropped, hidden text dropped. The header
/// of the first page's master page is read for the metadata printed there; footers and the
/// headers of later pages never are. The result goes through ``ResolutionParser`` as text
/// (``WordProcessorText``).
///
/// - Complexity: O(n) in the size of the parts read.
enum OpenDocumentReader {
    static let contentPart = "content.xml"
    static let stylesPart = "styles.xml"
    static let defaultMasterPage = "Standard"

    static func read(_ bytes: [UInt8]) throws(ParseError) -> Resolution {
        try WordReader.parse(text(bytes), format: .odt)
    }

    static func text(_ bytes: [UInt8]) throws(ParseError) -> WordProcessorText {
        let archive = try WordArchive(bytes, format: .odt)
        let content = try archive.requiredPart(contentPart, "the document's body")
        var styles = OpenDocumentStyles()
        if let data = try archive.part(stylesPart) {
            let handler = OpenDocumentHandler(styles: styles)
            try handler.parse(data, part: stylesPart, of: .odt)
            styles = handler.styles
        }
        let handler = OpenDocumentHandler(styles: styles)
        try handler.parse(content, part: contentPart, of: .odt)
        var out = WordProcessorText()
        let page = handler.styles.masterPage(of: handler.firstParagraphStyle) ?? defaultMasterPage
        out.front = handler.styles.headers[page] ?? []
        out.body = handler.body
        out.notes = handler.notes
        return out
    }
}

/// The SAX pass over `styles.xml` or `content.xml` (see ``OpenDocumentReader``).
final class OpenDocumentHandler: WordXMLHandler {
    private(set) var styles: OpenDocumentStyles
    private(set) var body: [String] = []
    private(set) var notes: [(mark: String, text: String)] = []
    private(set) var firstParagraphStyle: String?

    /// The counters of one list and the lists continuing it.
    private final class Counters {
        var values: [Int?] = Array(repeating: nil, count: OpenDocumentStyles.levelCount)
    }

    private struct OpenList {
        var style: String?
        var level: Int
        var counters: Counters
    }

    private struct OpenParagraph {
        var text = ""
        /// Collecting a raised run, converted when its span ends.
        var raised: String?
    }

    private struct OpenNote {
        var noteClass: String
        var citation = ""
        var label: String?
        var paragraphs: [String] = []
    }

    // Styles being read.
    private var currentStyle: (name: String, family: String)?
    private var currentList: String?
    private var currentLevel: (index: Int, value: OpenDocumentStyles.ListLevel)?
    private var masterPage: String?
    private var headerKind: String?
    private var headerParagraphs: [String: [String: [String]]] = [:]

    // The text being read.
    private var inBody = false
    private var paragraphs: [OpenParagraph] = []
    private var spans: [(superscript: Bool, hidden: Bool)] = []
    private var lists: [OpenList] = []
    private var listsById: [String: Counters] = [:]
    private var lastListByStyle: [String: Counters] = [:]
    private var lastList: Counters?
    /// The first paragraph of a list item is numbered; later ones are not.
    private var itemAwaitingLabel = false
    private var itemStart: Int?
    private var openNotes: [OpenNote] = []
    private var inCitation = false
    private var noteOrdinals: [String: Int] = [:]

    init(styles: OpenDocumentStyles) { self.styles = styles }

    private var hidden: Bool { spans.last?.hidden ?? false }

    override func start(_ name: WordXMLName, _ a: WordXMLAttributes) -> Bool {
        let ns = name.namespace
        if ns == WordNamespace.office {
            switch name.local {
            case "annotation", "forms", "scripts", "font-face-decls", "settings": return false
            case "text": inBody = true
            default: break
            }
            return true
        }
        if ns == WordNamespace.style {
            switch name.local {
            case "style":
                guard let styleName = a.value(ns, "name") else { return true }
                let family = a.value(ns, "family") ?? ""
                currentStyle = (styleName, family)
                if family == "paragraph" {
                    styles.paragraphStyles[styleName] = .init(parent: a.value(ns, "parent-style-name"), masterPage: a.value(ns, "master-page-name"))
                } else if family == "text" {
                    styles.textStyles[styleName] = .init(parent: a.value(ns, "parent-style-name"))
                }
            case "text-properties":
                guard let (styleName, family) = currentStyle, family == "text" else { return true }
                if let position = a.value(ns, "text-position") {
                    styles.textStyles[styleName]?.superscript = OpenDocumentStyles.isRaised(position)
                }
                if let display = a.value(WordNamespace.text, "display") { styles.textStyles[styleName]?.hidden = display == "none" }
            case "list-level-label-alignment":
                if let followedBy = a.value(WordNamespace.text, "label-followed-by") {
                    currentLevel?.value.followedBy = followedBy == "space" ? " " : followedBy == "nothing" ? "" : "\t"
                }
            case "master-page":
                masterPage = a.value(ns, "name")
            case "header", "header-first":
                guard masterPage != nil else { return false }
                headerKind = name.local
            case "footer", "footer-first", "footer-left", "header-left":
                return false
            default: break
            }
            return true
        }
        guard ns == WordNamespace.text || ns == WordNamespace.draw else { return true }
        let t = WordNamespace.text
        switch name.local {
        case "tracked-changes", "page-number", "page-count", "chapter", "sequence-decls",
            "variable-decls", "user-field-decls", "bookmark-start", "bookmark-end":
            return false
        case "list-style":
            currentList = a.value(ns, "name") ?? a.value(WordNamespace.style, "name")
            if let currentList { styles.listStyles[currentList] = [:] }
        case "list-level-style-number", "list-level-style-bullet", "list-level-style-image":
            guard let level = a.value(t, "level").flatMap({ Int($0) }) else { return true }
            var value = OpenDocumentStyles.ListLevel()
            let s = WordNamespace.style
            if name.local == "list-level-style-number" {
                value.format = a.value(s, "num-format") ?? ""
                value.start = a.value(t, "start-value").flatMap { Int($0) } ?? 1
                value.displayLevels = a.value(t, "display-levels").flatMap { Int($0) } ?? 1
                value.letterSync = a.value(s, "num-letter-sync") == "true"
            } else {
                value.bullet = name.local == "list-level-style-bullet" ? (a.value(t, "bullet-char") ?? "\u{2022}") : "\u{2022}"
            }
            value.prefix = a.value(s, "num-prefix") ?? ""
            value.suffix = a.value(s, "num-suffix") ?? ""
            currentLevel = (level, value)
        case "notes-configuration":
            let noteClass = a.value(t, "note-class") ?? "footnote"
            styles.notes[noteClass] = (
                a.value(WordNamespace.style, "num-format") ?? "1", a.value(t, "start-value").flatMap { Int($0) } ?? 0
            )
        case "p", "h":
            if inBody, firstParagraphStyle == nil, lists.isEmpty, openNotes.isEmpty {
                firstParagraphStyle = a.value(t, "style-name") ?? ""
            }
            var paragraph = OpenParagraph()
            if itemAwaitingLabel, let list = lists.last {
                itemAwaitingLabel = false
                paragraph.text = label(list)
            }
            paragraphs.append(paragraph)
        case "list":
            let style = a.value(t, "style-name") ?? lists.last?.style
            let counters: Counters
            if let outer = lists.last {
                counters = outer.counters
            } else if let id = a.value(t, "continue-list"), let continued = listsById[id] {
                counters = continued
            } else if a.value(t, "continue-numbering") == "true", let continued = style.flatMap({ lastListByStyle[$0] }) ?? lastList {
                counters = continued
            } else {
                counters = Counters()
            }
            if let id = a.value(WordNamespace.xml, "id") { listsById[id] = counters }
            if lists.isEmpty {
                lastList = counters
                if let style { lastListByStyle[style] = counters }
            }
            lists.append(OpenList(style: style, level: (lists.last?.level ?? 0) + 1, counters: counters))
        case "list-item":
            itemAwaitingLabel = true
            itemStart = a.value(t, "start-value").flatMap { Int($0) }
        case "list-header":
            itemAwaitingLabel = false
        case "span", "note-ref":
            let styleName = a.value(t, "style-name")
            let raised = name.local == "note-ref" || (styles.inherited(styleName, \.superscript) ?? false)
            let isHidden = hidden || (styles.inherited(styleName, \.hidden) ?? false)
            spans.append((raised, isHidden))
            if raised, !paragraphs.isEmpty, paragraphs[paragraphs.count - 1].raised == nil {
                paragraphs[paragraphs.count - 1].raised = ""
            }
        case "hidden-text", "hidden-paragraph":
            return false
        case "s":
            let count = a.value(t, "c").flatMap { Int($0) } ?? 1
            append(String(repeating: " ", count: max(1, count)))
        case "tab":
            append("\t")
        case "line-break":
            append("\n")
        case "note":
            openNotes.append(OpenNote(noteClass: a.value(t, "note-class") ?? "footnote"))
        case "note-citation":
            inCitation = true
            if !openNotes.isEmpty { openNotes[openNotes.count - 1].label = a.value(t, "label") }
        default:
            break
        }
        return true
    }

    override func end(_ name: WordXMLName) {
        let ns = name.namespace
        if ns == WordNamespace.office {
            if name.local == "text" { inBody = false }
            if name.local == "master-styles" { finishHeaders() }
            return
        }
        if ns == WordNamespace.style {
            switch name.local {
            case "style": currentStyle = nil
            case "master-page": masterPage = nil
            case "header", "header-first": headerKind = nil
            default: break
            }
            return
        }
        guard ns == WordNamespace.text || ns == WordNamespace.draw else { return }
        switch name.local {
        case "list-style":
            currentList = nil
        case "list-level-style-number", "list-level-style-bullet", "list-level-style-image":
            if let currentList, let (index, value) = currentLevel { styles.listStyles[currentList]?[index] = value }
            currentLevel = nil
        case "p", "h":
            guard var paragraph = paragraphs.popLast() else { break }
            flushRaised(&paragraph)
            if let masterPage, let headerKind {
                headerParagraphs[masterPage, default: [:]][headerKind, default: []].append(paragraph.text)
            } else if !openNotes.isEmpty {
                openNotes[openNotes.count - 1].paragraphs.append(paragraph.text)
            } else if inBody {
                body.append(paragraph.text)
            }
        case "list":
            lists.removeLast()
            itemAwaitingLabel = false
        case "list-item":
            itemAwaitingLabel = false
            itemStart = nil
        case "span", "note-ref":
            let raised = spans.popLast()?.superscript ?? false
            if raised, spans.allSatisfy({ !$0.superscript }), !paragraphs.isEmpty {
                flushRaised(&paragraphs[paragraphs.count - 1])
            }
        case "note-citation":
            inCitation = false
        case "note":
            guard let note = openNotes.popLast() else { break }
            let mark = noteMark(note)
            notes.append((mark, note.paragraphs.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")))
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].text += WordProcessorText.mark(mark) }
        default:
            break
        }
    }

    override func text(_ string: String) {
        if inCitation {
            if !openNotes.isEmpty { openNotes[openNotes.count - 1].citation += string }
            return
        }
        append(string)
    }

    private func append(_ string: String) {
        guard !paragraphs.isEmpty, !hidden, !inCitation else { return }
        if paragraphs[paragraphs.count - 1].raised != nil {
            paragraphs[paragraphs.count - 1].raised! += string
        } else {
            paragraphs[paragraphs.count - 1].text += string
        }
    }

    private func flushRaised(_ paragraph: inout OpenParagraph) {
        guard let raised = paragraph.raised else { return }
        paragraph.raised = nil
        paragraph.text += WordProcessorText.superscript(raised)
    }

    /// The mark of a note: its citation's label or text as stored, else its ordinal in the
    /// numbering of its class.
    private func noteMark(_ note: OpenNote) -> String {
        if let label = note.label, !label.isEmpty { return label }
        let citation = note.citation.trimmingSpaces()
        if !citation.isEmpty { return citation }
        let ordinal = noteOrdinals[note.noteClass, default: 0]
        noteOrdinals[note.noteClass] = ordinal + 1
        let (format, start) = styles.notes[note.noteClass] ?? ("1", 0)
        return WordNumberFormat.openDocument(start + 1 + ordinal, format, synchronised: false)
    }

    /// The number the list draws for the item whose first paragraph starts now, advancing the
    /// counters; "" for a level its style does not number.
    /// - Complexity: O(levels).
    private func label(_ list: OpenList) -> String {
        let levels = list.style.flatMap { styles.listStyles[$0] } ?? [:]
        let index = list.level - 1
        guard index < OpenDocumentStyles.levelCount, let level = levels[list.level] else { return "" }
        let counters = list.counters
        counters.values[index] = itemStart ?? counters.values[index].map { $0 + 1 } ?? level.start
        for deeper in (index + 1)..<OpenDocumentStyles.levelCount { counters.values[deeper] = nil }
        if let bullet = level.bullet { return WordNumbering.bullet(bullet) + level.followedBy }
        if level.format.isEmpty && level.prefix.isEmpty && level.suffix.isEmpty { return "" }
        let shown = max(1, min(level.displayLevels, list.level))
        var numbers: [String] = []
        for l in (list.level - shown + 1)...list.level {
            let def = levels[l] ?? OpenDocumentStyles.ListLevel()
            let value = counters.values[l - 1] ?? def.start
            numbers.append(WordNumberFormat.openDocument(value, def.format, synchronised: def.letterSync))
        }
        return level.prefix + numbers.joined(separator: ".") + level.suffix + level.followedBy
    }

    /// Keeps, for each master page, its first-page header when it has one, else its header.
    private func finishHeaders() {
        for (page, kinds) in headerParagraphs {
            styles.headers[page] = kinds["header-first"] ?? kinds["header"] ?? []
        }
    }
}
