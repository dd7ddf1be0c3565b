import Foundation
import ResolutionText

/// Reads a Word document (`.docx`, Office Open XML) as a resolution.
///
/// The package is opened in memory (``WordArchive``); its parts are read with Foundation's
/// SAX parser: the body (`word/document.xml`), the styles and automatic numbering (whose
/// numbers are not in the text), the footnotes and endnotes, and the header of the first page
/// (for "Distr.: General", the session and the agenda item the UN prints there). The running
/// heads of later pages and every footer (job number, page n/N, bar code) are never read. The
/// result is laid out as text (``WordProcessorText``) and read by ``ResolutionParser``, so the
/// same resolution gives the same document from Word as from text.
///
/// - Complexity: O(n) in the size of the parts read.
enum WordReader {
    static let documentPart = "word/document.xml"

    static func read(_ bytes: [UInt8]) throws(ParseError) -> Resolution {
        try parse(text(bytes), format: .docx)
    }

    /// Reads the laid-out text of a `format` document; a document without text is refused as empty.
    static func parse(_ text: WordProcessorText, format: InputFormat) throws(ParseError) -> Resolution {
        let rendered = text.render()
        guard rendered.unicodeScalars.contains(where: { !($0.properties.isWhitespace) }) else {
            throw ParseError(.empty, "an empty \(format.displayName) document: it holds no text")
        }
        // A package whose parts all read (their checksums checked) is the whole document.
        return try ResolutionParser.parse(rendered, whole: true)
    }

    /// The document laid out for the text parser.
    static func text(_ bytes: [UInt8]) throws(ParseError) -> WordProcessorText {
        let archive = try WordArchive(bytes, format: .docx)
        let document = try archive.requiredPart(documentPart, "the document's body")
        let relationships = try WordRelationships.read(for: documentPart, in: archive)
        func part(_ type: String, _ fallback: String) throws(ParseError) -> (String, Data)? {
            let path = relationships.byType[type] ?? fallback
            return try archive.part(path).map { (path, $0) }
        }

        var styles = WordStyles()
        if let (path, data) = try part("styles", "word/styles.xml") { styles = try WordStyles.read(data, part: path, of: .docx) }
        var numbering = WordNumbering()
        if let (path, data) = try part("numbering", "word/numbering.xml") {
            numbering = try WordNumbering.read(data, part: path, of: .docx)
        }
        var noteSettings: [WordNoteKind: WordNoteProperties] = [:]
        if let (path, data) = try part("settings", "word/settings.xml") {
            let settings = WordPartReader(styles: styles)
            try settings.parse(data, part: path, of: .docx)
            noteSettings = settings.notePropertiesSeen
        }

        let body = WordPartReader(styles: styles)
        try body.parse(document, part: documentPart, of: .docx)

        var out = WordProcessorText()
        // The header of the first page: the title page's own header, else the default one.
        let headerId = body.titlePage ? body.headers["first"] : body.headers["default"]
        if let headerId, let path = relationships.targets[headerId], let data = try archive.part(path) {
            let header = WordPartReader(styles: styles)
            try header.parse(data, part: path, of: .docx)
            out.front = header.paragraphs.map { plainText($0) }
        }

        // Notes: the text of each, and its mark as Word draws it (1, 2, 3 … in order of reference).
        var noteTexts: [WordNoteKind: [String: [WordParagraph]]] = [:]
        for (kind, type, fallback) in [(WordNoteKind.footnote, "footnotes", "word/footnotes.xml"), (.endnote, "endnotes", "word/endnotes.xml")] {
            guard body.paragraphs.contains(where: { $0.pieces.contains { if case .note(kind, _, _) = $0 { true } else { false } } }) else {
                continue
            }
            guard let (path, data) = try part(type, fallback) else {
                throw ParseError(.unsupportedFormat, "a damaged Word (.docx) file: the text refers to \(type) but \(fallback) is missing from the archive")
            }
            let notes = WordPartReader(styles: styles)
            try notes.parse(data, part: path, of: .docx)
            noteTexts[kind] = notes.notes
        }
        var marks: [WordNoteKind: [String: String]] = [:]
        var ordinals: [WordNoteKind: Int] = [:]
        func mark(_ kind: WordNoteKind, _ id: String, custom: String?) -> String {
            if let existing = marks[kind]?[id] { return existing }
            let properties = (noteSettings[kind] ?? WordNoteProperties(kind)).merged(with: body.notePropertiesSeen[kind])
            let m: String
            if let custom, !custom.isEmpty {
                m = custom
            } else {
                let ordinal = ordinals[kind, default: 0]
                ordinals[kind] = ordinal + 1
                m = WordNumberFormat.word(properties.effectiveStart + ordinal, properties.effectiveFormat)
            }
            marks[kind, default: [:]][id] = m
            let text = (noteTexts[kind]?[id] ?? []).map { plainText($0) }.filter { !$0.isEmpty }.joined(separator: " ")
            out.notes.append((m, text))
            return m
        }

        // The body: paragraphs with their numbers, marks in place.
        var counters = WordNumbering.Counters(numbering: numbering, styles: styles)
        var pending: String?
        for paragraph in body.paragraphs {
            var line = pending ?? ""
            if pending == nil, let label = label(paragraph, styles: styles, counters: &counters) {
                line = label
            }
            for piece in paragraph.pieces {
                switch piece {
                case .text(let t): line += t
                case .superscript(let t): line += WordProcessorText.superscript(t)
                case .note(let kind, let id, let custom): line += WordProcessorText.mark(mark(kind, id, custom: custom))
                case .crossReference(let bookmark, let t):
                    line += body.noteBookmarks.contains(bookmark) ? WordProcessorText.superscript(t) : t
                }
            }
            if paragraph.markDeleted {
                pending = line
            } else {
                out.body.append(line)
                pending = nil
            }
        }
        if let pending { out.body.append(pending) }
        return out
    }

    /// The number automatic numbering draws in front of `paragraph` (with its tab or space),
    /// advancing the counters; `nil` for a paragraph that is not numbered.
    private static func label(_ paragraph: WordParagraph, styles: WordStyles, counters: inout WordNumbering.Counters) -> String? {
        let style = paragraph.style ?? styles.defaultParagraphStyle
        let fromStyle = styles.numbering(of: style)
        guard let numId = paragraph.numId ?? fromStyle?.numId else { return nil }
        let ilvl = paragraph.ilvl ?? (paragraph.numId == nil ? fromStyle?.ilvl : nil) ?? 0
        guard let (label, suffix) = counters.next(numId: numId, ilvl: ilvl) else { return nil }
        return label.isEmpty ? nil : label + suffix
    }

    /// A paragraph's text without marks (headers, footnote texts).
    private static func plainText(_ paragraph: WordParagraph) -> String {
        var out = ""
        for piece in paragraph.pieces {
            switch piece {
            case .text(let t), .superscript(let t), .crossReference(_, let t): out += t
            case .note: break
            }
        }
        return out
    }
}
