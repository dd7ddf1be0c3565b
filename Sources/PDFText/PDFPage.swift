/// A rectangle on a page, in PDF points, with the origin at the top left corner of the page
/// and y growing downwards (as `poppler_page_get_text_layout` gives character boxes).
public struct PDFBox: Sendable, Hashable {
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double

    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    public var width: Double { right - left }
    public var height: Double { bottom - top }
}

/// The font a run of characters is drawn in, as `poppler_page_get_text_attributes` reports it.
public struct PDFFont: Sendable, Hashable {
    /// The font's PostScript name without a subset prefix (`Times-Italic`, `TimesNewRomanPSMT`).
    public var name: String
    /// The size in points.
    public var size: Double
    /// Whether poppler saw an underline drawn under the run.
    public var isUnderlined: Bool

    public init(name: String, size: Double, isUnderlined: Bool = false) {
        self.name = name
        self.size = size
        self.isUnderlined = isUnderlined
    }

    /// Whether the name says italic or oblique (`Times-Italic`, `TimesNewRomanPS-ItalicMT`).
    public var isItalic: Bool {
        let n = name.lowercased()
        return n.contains("italic") || n.contains("oblique")
    }

    /// Whether the name says bold.
    public var isBold: Bool { name.lowercased().contains("bold") }
}

/// One character of a page's text layer: what it is, where it is drawn, in which font.
public struct PDFCharacter: Sendable, Hashable {
    /// The character (poppler maps glyphs to Unicode; a ligature may be one scalar such as ﬁ).
    public var scalar: Unicode.Scalar
    /// Its box on the page: the glyph's advance across, the font's ascent to descent down.
    public var box: PDFBox
    /// Index into ``PDFPage/fonts``.
    public var font: Int

    public init(scalar: Unicode.Scalar, box: PDFBox, font: Int) {
        self.scalar = scalar
        self.box = box
        self.font = font
    }
}

/// One page of a PDF, copied out of poppler: its size, the characters of its text layer (in
/// poppler's reading order, without the line breaks poppler inserts), the fonts they use, and the
/// boxes of the images drawn on it.
public struct PDFPage: Sendable {
    /// The page's number, from 1.
    public var number: Int
    public var width: Double
    public var height: Double
    public var characters: [PDFCharacter]
    public var fonts: [PDFFont]
    /// Where images are drawn (`poppler_page_get_image_mapping`), looked for only on a page
    /// without characters: a scan is a page with images and no characters.
    public var images: [PDFBox]

    public init(number: Int, width: Double, height: Double, characters: [PDFCharacter], fonts: [PDFFont], images: [PDFBox]) {
        self.number = number
        self.width = width
        self.height = height
        self.characters = characters
        self.fonts = fonts
        self.images = images
    }
}
