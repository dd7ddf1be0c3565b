import Foundation
import Testing
import TestSupport

@testable import ResolutionFormats
import ResolutionText

/// The PDF fixtures (scripts/fixtures/make-pdf-fixtures.py): each bundled resolution rendered as
/// the UN prints it — masthead, running heads, footers with job numbers, n/N and a bar code,
/// footnotes at the foot of the page, paragraphs across page breaks, words hyphenated at line ends.
enum PDFFixtures {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
    }

    static func bytes(_ name: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path(name))!) }

    /// Each PDF and the bundled text it renders.
    static let renderings: [(pdf: String, text: String)] = [
        ("plain-text.pdf", "plain-text.txt"), ("pdf-extract.pdf", "pdf-extract.txt"), ("markdown.pdf", "markdown.md"),
        ("unicode-marks.pdf", "unicode-marks.txt"), ("word-export.pdf", "word-export.txt"),
        ("A_RES_73_27.pdf", "A_RES_73_27.txt"), ("A_RES_73_266.pdf", "A_RES_73_266.txt"),
        ("A_RES_76_19.pdf", "A_RES_76_19.txt"),
        // Paragraphs set apart by space alone (no first-line indent), footnote numbers on the baseline.
        ("block-style.pdf", "word-export.txt"),
        // Another typesetter (reportlab's Platypus): embedded subset TrueType fonts, word-spaced
        // justification, a running head in the body's face, a hanging heading, notes at the end.
        ("flowing-style.pdf", "unicode-marks.txt"),
    ]
}

@Suite struct PDFReaderTests {
    @Test(arguments: PDFFixtures.renderings)
    func aPDFGivesTheSameDocumentAsItsText(pdf: String, text: String) throws {
        let bytes = PDFFixtures.bytes(pdf)
        #expect(InputFormat.recognise(bytes) == .pdf)
        let fromPDF = try ResolutionReader.read(bytes)
        let fromText = try ResolutionReader.read(Array(FileManager.default.contents(atPath: Package.seed(text))!))
        #expect(CanonicalDocument.render(fromPDF) == CanonicalDocument.render(fromText))
        #expect(fromPDF.symbol == fromText.symbol)
        #expect(fromPDF.session == fromText.session)
        #expect(fromPDF.adopted == fromText.adopted)
        #expect(fromPDF.meeting == fromText.meeting)
        #expect(fromPDF.agendaItem == fromText.agendaItem)
        #expect(fromPDF.committeeReport == fromText.committeeReport)
        #expect(!fromPDF.paragraphs.isEmpty && fromPDF.footnotes.count == fromText.footnotes.count)
    }

    @Test func theFixturesHaveThePageFurnitureTheyClaim() throws {
        // What the reader must get rid of is really there: a paragraph across a page break, a
        // hyphen at a line end, n/N markers, job numbers, bar-code digits, footnote marks.
        let raw = try pdftotextLike("A_RES_73_27.pdf")
        #expect(raw.contains("2/4") && raw.contains("*18"))
        #expect(raw.contains("Please recycle"))
        #expect(raw.split(separator: "\n").contains { $0.hasSuffix("-") && $0.count > 40 })
        let layout = PDFLayout(pages: try PDFDocumentPages.of("A_RES_73_27.pdf"))
        #expect(layout.pageMarkers()?.total == 4)
        let clean = layout.text()
        #expect(!clean.contains("2/4") && !clean.contains("*18") && !clean.contains("Please recycle"))
        #expect(clean.contains("¹ A/65/201, A/68/98 and A/70/174."))
    }

    @Test func aScanIsRefusedForLackOfATextLayer() {
        #expect {
            try ResolutionReader.read(PDFFixtures.bytes("scanned.pdf"))
        } throws: { error in
            let e = error as! ParseError
            return e.category == .unsupportedFormat && e.reason.hasPrefix("a scanned PDF without a text layer: ")
        }
    }

    @Test func aPDFMissingItsLastPageIsRefusedAsCutOff() {
        #expect {
            try ResolutionReader.read(PDFFixtures.bytes("truncated.pdf"))
        } throws: { error in
            let e = error as! ParseError
            return e.category == .cutOff && e.reason.contains("page 4 is missing") && e.reason.contains("3/4")
        }
    }

    @Test func aPasswordProtectedPDFIsRefusedWithPopplersMessage() {
        #expect {
            try ResolutionReader.read(PDFFixtures.bytes("protected.pdf"))
        } throws: { error in
            let e = error as! ParseError
            return e.category == .unsupportedFormat && e.reason.hasPrefix("a password-protected PDF: ")
        }
    }

    @Test func damagedBytesAreRefusedNamingTheFile() throws {
        let scratch = ScratchDirectory()
        let whole = PDFFixtures.bytes("plain-text.pdf")
        let files = [
            scratch.write("half.pdf", Array(whole.prefix(whole.count / 2))),
            scratch.write("garbage.pdf", Array("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nnot a PDF\n".utf8)),
        ]
        for file in files {
            let result = lineage(["parse", file])
            #expect(result.status != 0)
            #expect(result.stderr.contains(file + ": a damaged PDF that cannot be read: "))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func parseReadsAPDFAsItReadsTheText() {
        let pdf = lineage(["parse", PDFFixtures.path("plain-text.pdf")])
        let text = lineage(["parse", Package.seed("plain-text.txt")])
        #expect(pdf.status == 0)
        #expect(pdf.stdout.contains("Symbol:            A/RES/59/61"))
        #expect(pdf.stdout == text.stdout)
        let json = lineage(["parse", "--format", "json", PDFFixtures.path("A_RES_76_19.pdf")])
        #expect(json.status == 0 && json.stdout == lineage(["parse", "--format", "json", Package.seed("A_RES_76_19.txt")]).stdout)
    }

    @Test func buildCommitsThePDFAsTheSameBlobAsTheText() throws {
        func blob(_ input: (name: String, path: String)) throws -> String {
            let scratch = ScratchDirectory()
            let folder = scratch.path + "/inputs"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = scratch.write("inputs/" + input.name, Array(FileManager.default.contents(atPath: input.path)!))
            let build = lineage(["build", "--repo", scratch.path + "/repo.git", folder])
            #expect(build.status == 0, "\(build.stderr)")
            return git(["rev-parse", "A/RES/59/61:resolution.txt"], in: scratch.path + "/repo.git").stdout
        }
        let fromPDF = try blob(("59-61.pdf", PDFFixtures.path("plain-text.pdf")))
        let fromText = try blob(("59-61.txt", Package.seed("plain-text.txt")))
        #expect(!fromPDF.isEmpty && fromPDF == fromText)
    }

    /// The pages' text in poppler's order, lines as they come: what a plain extraction shows.
    private func pdftotextLike(_ name: String) throws -> String {
        try PDFDocumentPages.of(name).map { page in
            PDFLineBuilder.lines(of: page).map(\.text).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

import PDFText

enum PDFDocumentPages {
    static func of(_ name: String) throws -> [PDFPage] {
        try PDFDocument.open(bytes: PDFFixtures.bytes(name)).pages()
    }
}
