import CPoppler
import Synchronization

/// A PDF document opened through poppler's GLib API (`PopplerDocument`), released with
/// `g_object_unref` when the last reference goes.
///
/// Everything it returns is a Swift value (``PDFPage``, ``PDFCharacter``, ``PDFFont``): no
/// poppler or GLib pointer escapes this module, and every piece of GLib memory a call hands
/// over is freed before the call returns (`g_free`, `poppler_page_free_text_attributes`,
/// `poppler_page_free_image_mapping`, `g_object_unref`).
///
/// Calls into poppler are serialised by one lock for the whole process: poppler's global state
/// (font tables, caches) is not documented as safe to use from several threads at once, and
/// reading the text of a resolution is fast enough (milliseconds) that the lock costs little.
public final class PDFDocument {
    private let pointer: OpaquePointer

    private init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        Self.lock.withLock { _ in g_object_unref(UnsafeMutableRawPointer(pointer)) }
    }

    /// The lock every call into poppler takes.
    static let lock = Mutex(())

    /// Opens a PDF from its bytes (`g_bytes_new`, `poppler_document_new_from_bytes` with no
    /// password). A password-protected document fails with ``PDFError/Kind/encrypted``, a damaged
    /// one with ``PDFError/Kind/damaged``, each with poppler's message.
    ///
    /// - Complexity: O(n) in the size of the file (poppler reads the cross-reference table and
    ///   catalogue; pages are parsed when asked for).
    public static func open(bytes: [UInt8]) throws(PDFError) -> PDFDocument {
        guard !bytes.isEmpty else {
            throw PDFError(kind: .damaged, function: "poppler_document_new_from_bytes", message: "the file is empty")
        }
        return try lock.withLock { _ throws(PDFError) in
            let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
            defer { g_bytes_unref(data) }
            var error: UnsafeMutablePointer<GError>?
            guard let document = poppler_document_new_from_bytes(data, nil, &error) else {
                throw PDFError.taking(error, "poppler_document_new_from_bytes")
            }
            if let error { g_error_free(error) }
            return PDFDocument(document)
        }
    }

    private var document: OpaquePointer { pointer }

    /// The number of pages (`poppler_document_get_n_pages`).
    public var pageCount: Int {
        Self.lock.withLock { _ in Int(poppler_document_get_n_pages(document)) }
    }

    /// Copies page `number` (from 1) out of poppler: its size (`poppler_page_get_size`), its
    /// text (`poppler_page_get_text`) with one box per character (`poppler_page_get_text_layout`)
    /// and the fonts of its runs (`poppler_page_get_text_attributes`), and, on a page without
    /// text, its images (`poppler_page_get_image_mapping`).
    ///
    /// poppler's text, boxes and attribute ranges count the same characters (line breaks
    /// included); the line breaks poppler inserts are dropped, the spaces it infers between words
    /// are kept with their boxes.
    ///
    /// - Complexity: O(c) in the characters of the page, after poppler's own text extraction.
    public func page(_ number: Int) throws(PDFError) -> PDFPage {
        try Self.lock.withLock { _ throws(PDFError) in
            guard number >= 1, number <= Int(poppler_document_get_n_pages(document)),
                let page = poppler_document_get_page(document, Int32(number - 1))
            else {
                throw PDFError(kind: .other, function: "poppler_document_get_page", message: "there is no page \(number)")
            }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }

            var width = 0.0
            var height = 0.0
            poppler_page_get_size(page, &width, &height)

            var scalars: [Unicode.Scalar] = []
            if let text = poppler_page_get_text(page) {
                scalars = Array(String(cString: text).unicodeScalars)
                g_free(text)
            }

            var rectangles: UnsafeMutablePointer<PopplerRectangle>?
            var count: guint = 0
            var boxes: [PDFBox] = []
            if poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles {
                boxes.reserveCapacity(Int(count))
                for i in 0..<Int(count) {
                    let r = rectangles[i]
                    boxes.append(PDFBox(left: r.x1, top: r.y1, right: r.x2, bottom: r.y2))
                }
            }
            g_free(rectangles)

            var fonts: [PDFFont] = []
            var fontIndex: [PDFFont: Int] = [:]
            var fontOf = [Int](repeating: -1, count: scalars.count)
            if let list = poppler_page_get_text_attributes(page) {
                var node: UnsafeMutablePointer<GList>? = list
                while let n = node {
                    if let raw = n.pointee.data {
                        let a = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                        let font = PDFFont(
                            name: Self.withoutSubsetPrefix(a.font_name.map { String(cString: $0) } ?? ""),
                            size: a.font_size, isUnderlined: a.is_underlined != 0)
                        let index: Int
                        if let known = fontIndex[font] {
                            index = known
                        } else {
                            index = fonts.count
                            fonts.append(font)
                            fontIndex[font] = index
                        }
                        let start = max(0, Int(a.start_index))
                        let end = min(scalars.count - 1, Int(a.end_index))
                        if start <= end { for k in start...end { fontOf[k] = index } }
                    }
                    node = n.pointee.next
                }
                poppler_page_free_text_attributes(list)
            }

            var images: [PDFBox] = []
            // Finding images means running the page's drawing operators again: done only for a
            // page without text, where the images tell a scan from an empty page.
            let hasText = scalars.contains { !$0.properties.isWhitespace }
            if !hasText, let list = poppler_page_get_image_mapping(page) {
                var node: UnsafeMutablePointer<GList>? = list
                while let n = node {
                    if let raw = n.pointee.data {
                        let r = raw.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                        // Image areas are in PDF space (origin bottom left): turn them like the text boxes.
                        images.append(PDFBox(left: r.x1, top: height - r.y2, right: r.x2, bottom: height - r.y1))
                    }
                    node = n.pointee.next
                }
                poppler_page_free_image_mapping(list)
            }

            var characters: [PDFCharacter] = []
            characters.reserveCapacity(scalars.count)
            for i in 0..<min(scalars.count, boxes.count) {
                let c = scalars[i]
                guard c != "\n", c != "\r", fontOf[i] >= 0 || c == " " else { continue }
                characters.append(PDFCharacter(scalar: c, box: boxes[i], font: max(0, fontOf[i])))
            }
            if fonts.isEmpty, !characters.isEmpty { fonts.append(PDFFont(name: "", size: 0)) }
            return PDFPage(number: number, width: width, height: height, characters: characters, fonts: fonts, images: images)
        }
    }

    /// Every page, in order (see ``page(_:)``).
    ///
    /// - Complexity: O(c) in the characters of the document, after poppler's extraction.
    public func pages() throws(PDFError) -> [PDFPage] {
        let count = pageCount
        var out: [PDFPage] = []
        out.reserveCapacity(count)
        for n in stride(from: 1, through: count, by: 1) { out.append(try page(n)) }
        return out
    }

    /// `ABCDEF+TimesNewRomanPSMT` → `TimesNewRomanPSMT`: embedded subsets carry six capitals and
    /// a plus sign before the font's name.
    static func withoutSubsetPrefix(_ name: String) -> String {
        let u = Array(name.utf8)
        guard u.count > 7, u[6] == UInt8(ascii: "+"), u[0..<6].allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return name }
        return String(decoding: u[7...], as: UTF8.self)
    }
}
