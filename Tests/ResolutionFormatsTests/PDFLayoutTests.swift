import PDFText
import Testing

@testable import ResolutionFormats

/// Pages drawn by hand: every character half its font size wide, its box from 0.8 of the size
/// above the baseline to 0.2 below, as poppler reports boxes (origin top left, y downwards).
private struct PageDrawing {
    var number: Int
    var characters: [PDFCharacter] = []
    var fonts: [PDFFont] = []

    init(_ number: Int) { self.number = number }

    /// Draws `text` from `x` on the baseline `y`; a raised run sits `rise` above it.
    mutating func text(_ text: String, x: Double, y: Double, size: Double = 10, font: String = "Times-Roman", rise: Double = 0) {
        let f = PDFFont(name: font, size: size)
        let index = fonts.firstIndex(of: f) ?? fonts.count
        if index == fonts.count { fonts.append(f) }
        var left = x
        let base = y - rise
        for c in text.unicodeScalars {
            let box = PDFBox(left: left, top: base - 0.8 * size, right: left + 0.5 * size, bottom: base + 0.2 * size)
            characters.append(PDFCharacter(scalar: c, box: box, font: index))
            left += 0.5 * size
        }
    }

    /// The x just after `text` drawn from `x` in `size`.
    static func end(of text: String, x: Double, size: Double = 10) -> Double { x + Double(text.unicodeScalars.count) * 0.5 * size }

    var page: PDFPage { PDFPage(number: number, width: 595, height: 842, characters: characters, fonts: fonts, images: []) }
}

@Suite struct PDFLayoutTests {
    @Test func aSmallRaisedDigitIsAFootnoteMarkGluedToItsWord() {
        var d = PageDrawing(1)
        d.text("the recommendations that it made,", x: 72, y: 300)
        d.text("1", x: PageDrawing.end(of: "the recommendations that it made,", x: 72), y: 300, size: 6.5, rise: 3.5)
        d.text("and more", x: 72, y: 312)
        // A mark drawn in the text's own size, lifted only.
        d.text("Taking note of the reports,", x: 72, y: 330)
        d.text("2", x: PageDrawing.end(of: "Taking note of the reports,", x: 72), y: 330, rise: 4)
        let lines = PDFLineBuilder.lines(of: d.page)
        #expect(lines.map(\.text) == ["the recommendations that it made,¹", "and more", "Taking note of the reports,²"])
    }

    @Test func aLabelSetOffByATabStaysWithItsTextButColumnsPartAndHyphensArePlain() {
        var d = PageDrawing(1)
        d.text("1.", x: 108, y: 300)
        d.text("Calls upon the Secretary\u{2011}General", x: 160, y: 300)
        d.text("United Nations", x: 72, y: 40, size: 9)
        d.text("A/RES/59/61", x: 430, y: 40, size: 9)
        let lines = PDFLineBuilder.lines(of: d.page)
        #expect(lines.map(\.text) == ["United Nations", "A/RES/59/61", "1. Calls upon the Secretary-General"])
    }

    @Test func aParagraphRunsOnAcrossThePageBreakAndFurnitureGoes() {
        var one = PageDrawing(1)
        one.text("59/61. Developments in the field of information and", x: 108, y: 300, size: 12, font: "Times-Bold")
        one.text("telecommunications in the context of international security", x: 108, y: 314, size: 12, font: "Times-Bold")
        one.text("Recalling that the text runs on", x: 108, y: 400)
        one.text("over the end of the page and", x: 72, y: 412)
        one.text("Noting that this one started", x: 108, y: 430)
        one.text("on the page before and", x: 72, y: 442)
        one.text("14-22010 (E)", x: 72, y: 800, size: 8)
        one.text("*1422010*", x: 72, y: 815, size: 8, font: "IDAutomationHC39M")
        var two = PageDrawing(2)
        two.text("A/RES/76/19", x: 72, y: 40, size: 9, font: "Times-Bold")
        two.text("Developments in the field", x: 300, y: 40, size: 8, font: "Times-Italic")
        // A running head of several lines reaching below the top tenth of the page.
        for (k, piece) in ["of information and", "telecommunications in the", "context of international", "security"].enumerated() {
            two.text(piece, x: 300, y: 60 + 12 * Double(k), size: 8, font: "Times-Italic")
        }
        two.text("goes on here,", x: 72, y: 130)
        two.text("Welcoming a new paragraph,", x: 108, y: 148)
        two.text("2/2", x: 72, y: 810, size: 8)
        two.text("14-22010", x: 400, y: 810, size: 8)
        let text = PDFLayout(pages: [one.page, two.page]).text()
        #expect(text == """
            59/61. Developments in the field of information and
            telecommunications in the context of international security

            Recalling that the text runs on
            over the end of the page and

            Noting that this one started
            on the page before and
            goes on here,

            Welcoming a new paragraph,

            """)
    }

    @Test func footnotesAtTheFootOfThePageComeAfterTheBodyEachOnOneLine() {
        var d = PageDrawing(1)
        d.text("Recalling its resolutions on the role of science and technology in the context", x: 108, y: 270)
        d.text("of international security, in which, inter alia, it recognized that progress", x: 72, y: 282)
        d.text("Taking note of the reports,", x: 108, y: 300)
        d.text("2", x: PageDrawing.end(of: "Taking note of the reports,", x: 108), y: 300, size: 6.5, rise: 3.5)
        d.text("Noting the work of the Group,", x: 108, y: 318)
        d.text("3", x: PageDrawing.end(of: "Noting the work of the Group,", x: 108), y: 318, size: 6.5, rise: 3.5)
        d.text("2 See Official Records of the General Assembly, Supplement No.", x: 90, y: 700, size: 8)
        d.text("53 and corrigendum (A/67/53 and Corr.1).", x: 90, y: 709.5, size: 8)
        d.text("3 A/70/174.", x: 90, y: 719, size: 8)
        let text = PDFLayout(pages: [d.page]).text()
        #expect(text.hasSuffix("""
            Noting the work of the Group,³


            ² See Official Records of the General Assembly, Supplement No. 53 and corrigendum (A/67/53 and Corr.1).
            ³ A/70/174.

            """))
    }

    @Test func aFootnoteCarriedOverToTheNextPageStaysWhole() {
        let long = "Recalling its resolutions on the role of science and technology in the context"
        var one = PageDrawing(1)
        one.text(long, x: 108, y: 270)
        one.text("Taking note of the reports,", x: 108, y: 288)
        one.text("1", x: PageDrawing.end(of: "Taking note of the reports,", x: 108), y: 288, size: 6.5, rise: 3.5)
        one.text("1 See Official Records of the General Assembly, Sixty-seventh Session,", x: 90, y: 760, size: 8)
        var two = PageDrawing(2)
        two.text(long, x: 108, y: 100)
        two.text("of international security, in which, inter alia, it recognized that progress", x: 72, y: 112)
        two.text("Supplement No. 53 (A/67/53), chap. IV.", x: 90, y: 760, size: 8)
        let text = PDFLayout(pages: [one.page, two.page]).text()
        #expect(text.hasSuffix("""
            of international security, in which, inter alia, it recognized that progress


            ¹ See Official Records of the General Assembly, Sixty-seventh Session, Supplement No. 53 (A/67/53), chap. IV.

            """))
    }

    @Test func pageMarkersTellTheMissingPages() {
        var one = PageDrawing(1)
        one.text("Recalling its resolutions,", x: 108, y: 300)
        var two = PageDrawing(2)
        two.text("Noting the reports,", x: 108, y: 300)
        two.text("2/4", x: 72, y: 810, size: 8)
        #expect(PDFLayout(pages: [one.page, two.page]).truncation()
            == "the PDF has 2 page(s) but its page markers count 4 (\"2/4\" on page 2): pages 3–4 are missing")
        // Markers that do not number these pages (an excerpt) say nothing.
        var excerpt = PageDrawing(1)
        excerpt.text("5/9", x: 72, y: 810, size: 8)
        #expect(PDFLayout(pages: [excerpt.page, two.page]).truncation() == nil)
    }

    @Test func furnitureIsToldByItsWholeShape() {
        for text in ["14-22010 (E)", "21-18253 (E) 131221", "2/4", "*2118253*", "A/RES/76/19", "Please recycle", "- 3 -", "Page 2 of 5"] {
            #expect(PDFFurniture.isShaped(text), "\(text)")
        }
        for text in ["12 A/RES/70/237.", "2 A/70/174.", "Recalling its resolution 2/4", "3 December 2004"] {
            #expect(!PDFFurniture.isShaped(text), "\(text)")
        }
        let title = "Developments in the field of information and telecommunications".split(separator: " ")
        #expect(PDFFurniture.isPartOfTitle("field of information and telecommu", title))
        #expect(!PDFFurniture.isPartOfTitle("field of information security", title))
    }
}
