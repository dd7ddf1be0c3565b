import PDFText
import ResolutionText

/// Reads a resolution from a PDF file through ``PDFDocument`` (poppler): the pages' characters,
/// laid out by ``PDFLayout`` into the clean text ``ResolutionParser`` reads, so the metadata and
/// structure rules stay in one place and a PDF gives the same document as the text it prints.
///
/// Refused, with the reason: a password-protected or damaged PDF (poppler's message), a scan
/// (pages with images and no text layer), a PDF without any text, a PDF whose page markers n/N
/// count pages it does not have (cut off).
enum PDFReader {
    /// - Complexity: O(c log c) in the characters of the document, plus poppler's parsing.
    static func read(_ bytes: [UInt8]) throws(ParseError) -> Resolution {
        // ``text(_:)`` has checked the page markers: the pages are all there.
        try ResolutionParser.parse(text(bytes), whole: true)
    }

    /// The clean text of a PDF's resolution (see ``PDFLayout``).
    static func text(_ bytes: [UInt8]) throws(ParseError) -> String {
        let pages: [PDFPage]
        do {
            pages = try PDFDocument.open(bytes: bytes).pages()
        } catch {
            switch error.kind {
            case .encrypted:
                throw ParseError(.unsupportedFormat, "a password-protected PDF: \(error.message); open it and save an unprotected copy")
            case .damaged, .other:
                throw ParseError(.unsupportedFormat, "a damaged PDF that cannot be read: \(error.message)")
            }
        }
        let characters = pages.reduce(0) { $0 + $1.characters.filter { !$0.scalar.properties.isWhitespace }.count }
        if characters == 0 {
            let images = pages.filter { !$0.images.isEmpty }.count
            if images > 0 {
                throw ParseError(
                    .unsupportedFormat,
                    "a scanned PDF without a text layer: its \(pages.count) page(s) carry \(images == pages.count ? "only images" : "images") and no characters; run text recognition (OCR) on it first")
            }
            throw ParseError(.empty, "a PDF without any text: its \(pages.count) page(s) carry no characters")
        }
        let layout = PDFLayout(pages: pages)
        if let reason = layout.truncation() { throw ParseError(.cutOff, "cut off: " + reason) }
        return layout.text()
    }
}
