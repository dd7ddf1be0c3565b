import Foundation
import ResolutionText

/// A paragraph of a Word part as read: its pieces of text, its numbering and its style.
struct WordParagraph {
    enum Piece {
        case text(String)
        /// A run raised to superscript (a repeated footnote mark typed by hand, an ordinal's "nd").
        case superscript(String)
        /// A footnote or endnote reference: the note's kind and id, and its mark when the
        /// document gives one (`w:customMarkFollows`).
        case note(WordNoteKind, id: String, customMark: String?)
        /// The result of a `REF` field to a bookmark: a note's mark when the bookmark holds a
        /// note reference (how LibreOffice writes a repeated mark), else text.
        case crossReference(bookmark: String, text: String)
    }

    var pieces: [Piece] = []
    var style: String?
    var numId: String?
    var ilvl: Int?
    /// The paragraph mark is a tracked deletion: the paragraph runs on into the next.
    var markDeleted = false
}

enum WordNoteKind: Hashable {
    case footnote, endnote
}

/// Reads the paragraphs of a WordprocessingML part (`word/document.xml`, a header, the
/// footnotes or endnotes) with a SAX pass, as Word shows the document with all changes
/// accepted:
///
/// - text of runs (`w:t`), tabs (`w:tab`, `w:ptab`), line and page breaks inside a paragraph
///   (`w:br`, `w:cr`) as line breaks (see ``WordProcessorText``),
///   non-breaking hyphens, symbols (`w:sym`); soft hyphens dropped;
/// - tracked changes: insertions (`w:ins`, `w:moveTo`) kept, deletions (`w:del`,
///   `w:moveFrom`, `w:delText`) dropped, a deleted paragraph mark joins two paragraphs, the
///   previous formatting of a change (`w:pPrChange`, `w:rPrChange`) ignored;
/// - fields: the instructions (`w:instrText`, between `begin` and `separate`) dropped, the
///   result kept (the result of a `NOTEREF`, a note's mark repeated, read as a mark);
/// - hidden text (`w:vanish`) dropped; text raised to superscript kept apart;
/// - text boxes read once (`mc:Fallback` skipped) as paragraphs of their own; tables cell by
///   cell;
/// - footnote and endnote references recorded in place.
///
/// - Complexity: O(n) in the size of the part.
final class WordPartReader: WordXMLHandler {
    /// Paragraphs in document order, for a body or header part.
    private(set) var paragraphs: [WordParagraph] = []
    /// The paragraphs of each note, for a footnotes or endnotes part (separators left out).
    private(set) var notes: [String: [WordParagraph]] = [:]

    /// The first section's properties: a title page (different first page) and its headers.
    private(set) var titlePage = false
    private(set) var headers: [String: String] = [:]
    /// The footnote and endnote numbering a section sets (`w:footnotePr`, `w:endnotePr`).
    private(set) var notePropertiesSeen: [WordNoteKind: WordNoteProperties] = [:]

    private let styles: WordStyles
    private var open: [WordParagraph] = []
    private var path: [String] = []
    private var note: String?
    private var sections = 0
    private var inSection = false
    private var noteProperties: WordNoteKind?

    // The current run.
    private var inRun = false
    private var runStyle: String?
    private var runSuperscript: Bool?
    private var runHidden: Bool?
    private var inText = false
    private var buffer = ""
    /// A field open in the text: its instruction, and whether the instruction part (before
    /// `separate`) is being read.
    private struct Field {
        var inInstruction: Bool
        var instruction = ""
        /// A cross-reference to a note (`NOTEREF`): its result is a note's mark.
        var isNoteReference: Bool {
            instruction.drop { $0 == " " }.uppercased().hasPrefix("NOTEREF")
        }
        /// The bookmark a `REF` field refers to.
        var referencedBookmark: String? {
            let words = instruction.split(separator: " ")
            guard words.count >= 2, words[0].uppercased() == "REF" else { return nil }
            return String(words[1])
        }
    }

    /// Bookmarks open at this point, by id.
    private var openBookmarks: [String: String] = [:]
    /// The bookmarks that hold a footnote or endnote reference.
    private(set) var noteBookmarks: Set<String> = []

    private var fields: [Field] = []
    private var inInstruction = false
    /// A note reference whose mark is the text that follows (`w:customMarkFollows`).
    private var customMarkPending: (kind: WordNoteKind, id: String)?

    init(styles: WordStyles) { self.styles = styles }

    override func start(_ name: WordXMLName, _ attributes: WordXMLAttributes) -> Bool {
        if name.namespace == WordNamespace.compatibility { return name.local != "Fallback" }
        guard WordNamespace.isWord(name.namespace) else { return true }
        let parent = path.last
        switch name.local {
        case "del", "moveFrom":
            // A deleted paragraph mark (in the paragraph's run properties) joins paragraphs;
            // anywhere else a deletion's content is dropped.
            if parent == "rPr", path.dropLast().last == "pPr", !open.isEmpty { open[open.count - 1].markDeleted = true }
            return false
        case "pPrChange", "rPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange", "numberingChange",
            "delText", "delInstrText", "sdtPr", "rt", "footnoteRef", "endnoteRef", "annotationRef":
            return false
        case "footnote", "endnote":
            let type = attributes.word("type") ?? "normal"
            guard type == "normal" else { return false }
            note = attributes.word("id")
        case "p":
            open.append(WordParagraph())
        case "pStyle" where parent == "pPr":
            modifyParagraph { $0.style = attributes.word("val") }
        case "numId" where parent == "numPr":
            modifyParagraph { $0.numId = attributes.word("val") }
        case "ilvl" where parent == "numPr":
            modifyParagraph { $0.ilvl = attributes.word("val").flatMap { Int($0) } }
        case "r":
            inRun = true
            runStyle = nil
            runSuperscript = nil
            runHidden = nil
        case "rStyle" where parent == "rPr" && inRun:
            runStyle = attributes.word("val")
        case "vertAlign" where parent == "rPr" && inRun:
            runSuperscript = attributes.word("val") == "superscript"
        case "vanish" where parent == "rPr" && inRun:
            runHidden = wordOnOff(attributes.word("val"))
        case "t":
            inText = true
            buffer = ""
        case "tab", "ptab":
            if parent != "tabs" { append("\t") }
        case "br", "cr":
            append("\n")
        case "noBreakHyphen":
            append("-")
        case "sym":
            if let code = attributes.word("char").flatMap({ UInt32($0, radix: 16) }) { append(Self.symbol(code)) }
        case "fldChar":
            switch attributes.word("fldCharType") {
            case "begin": fields.append(Field(inInstruction: true))
            case "separate": if !fields.isEmpty { fields[fields.count - 1].inInstruction = false }
            case "end": if !fields.isEmpty { fields.removeLast() }
            default: break
            }
        case "instrText":
            inInstruction = true
        case "fldSimple":
            fields.append(Field(inInstruction: false, instruction: attributes.word("instr") ?? ""))
        case "bookmarkStart":
            if let id = attributes.word("id"), let name = attributes.word("name") { openBookmarks[id] = name }
        case "bookmarkEnd":
            if let id = attributes.word("id") { openBookmarks[id] = nil }
        case "footnoteReference", "endnoteReference":
            guard visible, let id = attributes.word("id") else { break }
            noteBookmarks.formUnion(openBookmarks.values)
            let kind: WordNoteKind = name.local == "footnoteReference" ? .footnote : .endnote
            if let custom = attributes.word("customMarkFollows"), wordOnOff(custom) {
                customMarkPending = (kind, id)
            } else {
                addPiece(.note(kind, id: id, customMark: nil))
            }
        case "sectPr":
            sections += 1
            inSection = sections == 1
        case "titlePg" where inSection:
            titlePage = wordOnOff(attributes.word("val"))
        case "headerReference" where inSection:
            let id = attributes.value(WordNamespace.relationships, "id") ?? attributes.value(WordNamespace.strictRelationships, "id")
            if let id { headers[attributes.word("type") ?? "default"] = id }
        case "footnotePr", "endnotePr":
            noteProperties = name.local == "footnotePr" ? .footnote : .endnote
        case "numFmt", "numStart":
            guard let kind = noteProperties else { break }
            var properties = notePropertiesSeen[kind] ?? WordNoteProperties(kind)
            if name.local == "numFmt" {
                properties.format = attributes.word("val")
            } else {
                properties.start = attributes.word("val").flatMap { Int($0) }
            }
            notePropertiesSeen[kind] = properties
        default:
            break
        }
        path.append(name.local)
        return true
    }

    override func end(_ name: WordXMLName) {
        guard WordNamespace.isWord(name.namespace) else { return }
        if !path.isEmpty { path.removeLast() }
        switch name.local {
        case "t":
            inText = false
            flushText()
        case "r":
            inRun = false
        case "instrText":
            inInstruction = false
        case "fldSimple":
            if !fields.isEmpty { fields.removeLast() }
        case "p":
            guard let paragraph = open.popLast() else { break }
            if let note {
                notes[note, default: []].append(paragraph)
            } else {
                paragraphs.append(paragraph)
            }
        case "footnote", "endnote":
            note = nil
        case "sectPr":
            inSection = false
        case "footnotePr", "endnotePr":
            noteProperties = nil
        default:
            break
        }
    }

    override func text(_ string: String) {
        if inText { buffer += string }
        if inInstruction, !fields.isEmpty { fields[fields.count - 1].instruction += string }
    }

    /// Whether text here is shown: in a run, not hidden, not a field's instruction.
    private var visible: Bool {
        guard !open.isEmpty, fields.last?.inInstruction != true else { return false }
        return !(runHidden ?? styles.inherited(runStyle, \.hidden) ?? false)
    }

    private var superscript: Bool { runSuperscript ?? styles.inherited(runStyle, \.superscript) ?? false }

    private func flushText() {
        let text = buffer.replacingOccurrences(of: "\u{AD}", with: "")
        buffer = ""
        guard visible, !text.isEmpty else { return }
        if let (kind, id) = customMarkPending {
            customMarkPending = nil
            addPiece(.note(kind, id: id, customMark: text.trimmingSpaces()))
            return
        }
        // The result of a cross-reference to a note is that note's mark, however it is formatted.
        let raised = superscript || fields.contains { $0.isNoteReference }
        if !raised, let bookmark = fields.last(where: { !$0.inInstruction })?.referencedBookmark {
            addPiece(.crossReference(bookmark: bookmark, text: text))
            return
        }
        addPiece(raised ? .superscript(text) : .text(text))
    }

    private func append(_ text: String) {
        guard inRun, visible else { return }
        addPiece(.text(text))
    }

    private func addPiece(_ piece: WordParagraph.Piece) {
        guard !open.isEmpty else { return }
        open[open.count - 1].pieces.append(piece)
    }

    private func modifyParagraph(_ change: (inout WordParagraph) -> Void) {
        guard !open.isEmpty else { return }
        change(&open[open.count - 1])
    }

    /// The character of a `w:sym`: symbol fonts put their glyphs at U+F000 + the code; the
    /// common ones are mapped, others left to the font-free code point.
    static func symbol(_ code: UInt32) -> String {
        let value = code >= 0xF000 && code <= 0xF0FF ? code - 0xF000 : code
        switch value {
        case 0xB7: return "\u{2022}"
        case 0x2D: return "\u{2212}"
        case 0xD7, 0xB4: return "\u{00D7}"
        default:
            guard let scalar = Unicode.Scalar(value), value >= 0x20 else { return "" }
            return String(scalar)
        }
    }
}

/// How a document numbers its footnotes or endnotes (`w:footnotePr`, `w:endnotePr`): Word
/// numbers footnotes 1, 2, 3 and endnotes i, ii, iii unless told otherwise.
struct WordNoteProperties {
    var format: String?
    var start: Int?
    let kind: WordNoteKind

    init(_ kind: WordNoteKind) { self.kind = kind }

    var effectiveFormat: String { format ?? (kind == .footnote ? "decimal" : "lowerRoman") }
    var effectiveStart: Int { start ?? 1 }

    /// Overrides this document-wide setting with a section's.
    func merged(with section: WordNoteProperties?) -> WordNoteProperties {
        var out = self
        if let f = section?.format { out.format = f }
        if let s = section?.start { out.start = s }
        return out
    }
}
