import Foundation
import ResolutionText
import TestSupport
import Testing

@testable import ResolutionFormats

/// The .docx and .odt renderings of the bundled resolutions, written by
/// scripts/fixtures/make-word-fixtures.py the way the UN's Word files look (automatic
/// numbering, real footnotes, italic opening words, a first-page header with the session and
/// agenda item, running heads, footers with job numbers and page fields, a tracked change).
enum WordFixtures {
    static let folder = Package.root + "/Tests/ResolutionFormatsTests/Fixtures/word"

    /// Each fixture's name and the bundled text it renders.
    static let renderings: [(name: String, text: String)] = [
        ("A_RES_59_61", Package.seeds["59/61"]!), ("A_RES_61_54", Package.seeds["61/54"]!),
        ("A_RES_63_37", Package.seeds["63/37"]!), ("A_RES_65_41", Package.seeds["65/41"]!),
        ("A_RES_69_28", Package.seeds["69/28"]!), ("A_RES_73_27", Package.later["73/27"]!),
        ("A_RES_73_266", Package.later["73/266"]!), ("A_RES_76_19", Package.later["76/19"]!),
    ]

    static let formats: [InputFormat] = [.docx, .odt]

    static func path(_ name: String, _ format: InputFormat) -> String {
        folder + "/" + name + (format == .docx ? ".docx" : ".odt")
    }

    static func bytes(_ path: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path) ?? Data())
    }
}

@Suite struct WordFixtureTests {
    @Test(arguments: WordFixtures.renderings, WordFixtures.formats)
    func aRenderingGivesTheSameDocumentAndMetadataAsTheText(rendering: (name: String, text: String), format: InputFormat) throws {
        let bytes = WordFixtures.bytes(WordFixtures.path(rendering.name, format))
        #expect(InputFormat.recognise(bytes) == format)
        let fromText = try ResolutionReader.read(WordFixtures.bytes(rendering.text))
        let fromWord = try ResolutionReader.read(bytes)
        #expect(fromWord.paragraphs.count == fromText.paragraphs.count)
        #expect(!fromWord.footnotes.isEmpty && fromWord.paragraphs.contains { $0.kind == .subparagraph })
        #expect(CanonicalDocument.render(fromWord) == CanonicalDocument.render(fromText))
        // The metadata too: symbol, session, title, date, meeting, agenda item, committee report.
        #expect(fromWord == fromText)
    }

    /// Fixtures converted by LibreOffice 7.4 (`soffice --headless --convert-to docx` from the
    /// fixtures above): LibreOffice writes zip entries whose sizes follow their data, numbering
    /// and footnotes its own way, and a repeated footnote mark as a `REF` field to a bookmark
    /// around the first reference, in plain text.
    @Test(arguments: [
        ("libreoffice/A_RES_69_28.docx", Package.seeds["69/28"]!), ("libreoffice/A_RES_73_266.docx", Package.later["73/266"]!),
        ("libreoffice/A_RES_73_27.odt", Package.later["73/27"]!),
    ])
    func filesWrittenByLibreOfficeReadAsTheText(fixture: String, text: String) throws {
        let bytes = WordFixtures.bytes(WordFixtures.folder + "/" + fixture)
        #expect(InputFormat.recognise(bytes) == (fixture.hasSuffix(".odt") ? .odt : .docx))
        let fromText = try ResolutionReader.read(WordFixtures.bytes(text))
        #expect(try ResolutionReader.read(bytes) == fromText)
    }

    @Test(arguments: WordFixtures.renderings.map(\.name))
    func runningHeadsJobNumbersAndPageFieldsNeverReachTheBody(name: String) throws {
        let bytes = WordFixtures.bytes(WordFixtures.path(name, .docx))
        let archive = try WordArchive(bytes, format: .docx)
        let footer = String(decoding: try #require(try archive.part("word/footer2.xml")), as: UTF8.self)
        let firstFooter = String(decoding: try #require(try archive.part("word/footer1.xml")), as: UTF8.self)
        let runningHead = String(decoding: try #require(try archive.part("word/header2.xml")), as: UTF8.self)
        #expect(footer.contains("NUMPAGES") && firstFooter.contains("Please recycle") && runningHead.contains("A/RES/"))
        let job = try #require(firstFooter.firstMatch(of: /(\d\d-\d{5}) \(E\)/)?.1)

        let text = try WordReader.text(bytes)
        let body = text.body.joined(separator: "\n")
        #expect(!body.contains(job) && !body.contains("Please recycle") && !body.contains("Distr.:"))
        #expect(!body.contains("A/RES/"), "the running head (symbol and title) is not in the body")
        #expect(!body.contains("ODS JOB NO"), "hidden text is not read")
        // The first page's header is read above the body, for the session and agenda item.
        #expect(text.front.contains("General Assembly") && text.front.contains { $0.hasSuffix(" session") })
        let document = CanonicalDocument.render(try ResolutionReader.read(bytes))
        #expect(!document.contains(job) && !document.contains("Please recycle"))
    }

    @Test(arguments: WordFixtures.formats)
    func trackedChangesAreReadAsAccepted(format: InputFormat) throws {
        let bytes = WordFixtures.bytes(WordFixtures.path("A_RES_69_28", format))
        let archive = try WordArchive(bytes, format: format)
        let part = String(decoding: try #require(try archive.part(format == .docx ? "word/document.xml" : "content.xml")), as: UTF8.self)
        #expect(part.contains("superseded wording"), "the fixture holds a tracked deletion")
        let resolution = try ResolutionReader.read(bytes)
        #expect(!resolution.paragraphs.contains { $0.text.contains("superseded") })
        // The inserted words are kept: the first paragraph ends with the insertion "2013,".
        #expect(resolution.paragraphs[0].text.hasSuffix("68/243 of 27 December 2013,"))
    }

    @Test func footnotesAreTiedToTheirMarksInBothFormats() throws {
        for format in WordFixtures.formats {
            let resolution = try ResolutionReader.read(WordFixtures.bytes(WordFixtures.path("A_RES_69_28", format)))
            #expect(resolution.footnotes.map(\.mark) == ["1", "2", "3", "4"])
            #expect(resolution.footnotes[3].text == "A/68/98.")
            // Footnote 4 is referenced twice: the second time through a cross-reference.
            let referring = resolution.paragraphs.filter { $0.footnotes.contains("4") }
            #expect(referring.count == 2)
            #expect(referring.last?.label == "3")
        }
    }
}
