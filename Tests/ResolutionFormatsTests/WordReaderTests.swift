import Foundation
import ResolutionText
import Testing

@testable import ResolutionFormats

private typealias Doc = TestWordDocument

/// A resolution's frame around `body`: heading, "The General Assembly,", one preambular
/// paragraph, then `body`, then the meeting line.
private func resolution(_ body: String) -> String {
    Doc.p("Resolution adopted by the General Assembly on 2 December 2014") + Doc.p("69/28.\tDevelopments in the field")
        + Doc.p("The General Assembly,") + Doc.p("Recalling its resolutions,") + body + Doc.p("62nd plenary meeting")
}

@Suite struct WordNumberingTests {
    static let levels = Doc.level(0, "decimal", "%1.") + Doc.level(1, "lowerLetter", "(%2)") + Doc.level(2, "lowerRoman", "(%3)")

    @Test func numbersComeBackWithNestedLevelsAndRestarts() throws {
        let numbering =
            #"<w:abstractNum w:abstractNumId="0">\#(Self.levels)</w:abstractNum>"#
            + #"<w:abstractNum w:abstractNumId="1">\#(Doc.level(0, "upperRoman", "%1.", start: 4))</w:abstractNum>"#
            + #"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
            + #"<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#
            + #"<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/><w:suff w:val="space"/></w:lvl></w:lvlOverride></w:num>"#
            + #"<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>"#
            + #"<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\#u{F0B7}"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>"#
        let body = [
            Doc.p("One", numId: 1, ilvl: 0), Doc.p("a", numId: 1, ilvl: 1), Doc.p("b", numId: 1, ilvl: 1),
            Doc.p("i", numId: 1, ilvl: 2), Doc.p("ii", numId: 1, ilvl: 2), Doc.p("c", numId: 1, ilvl: 1),
            Doc.p("Two", numId: 1, ilvl: 0), Doc.p("a again", numId: 1, ilvl: 1),
            Doc.p("not numbered"),
            Doc.p("Three: lists of one abstract numbering continue each other", numId: 1, ilvl: 0),
            Doc.p("Restarted", numId: 2, ilvl: 0), Doc.p("Continued", numId: 2, ilvl: 0),
            Doc.p("Nested items", numId: 3, ilvl: 1), Doc.p("Nested again", numId: 3, ilvl: 1),
            Doc.p("From the style", style: "Roman"), Doc.p("Style, level from the paragraph", ilvl: 0, style: "Roman"),
            Doc.p("Style numbering removed", numId: 0, style: "Roman"),
            Doc.p("A bullet in a symbol font", numId: 5, ilvl: 0),
            #"<w:p><w:r><w:t xml:space="preserve">Symbols </w:t><w:sym w:font="Symbol" w:char="F0B4"/><w:t xml:space="preserve"> and </w:t><w:sym w:font="Wingdings" w:char="2013"/></w:r></w:p>"#,
        ].joined()
        let styles = #"<w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="Roman"><w:basedOn w:val="Base"/></w:style>"#
        let text = try WordReader.text(Doc(body: body, numbering: numbering, styles: styles).bytes)
        #expect(text.body == [
            "1.\tOne", "(a)\ta", "(b)\tb", "(i)\ti", "(ii)\tii", "(c)\tc", "2.\tTwo", "(a)\ta again", "not numbered",
            "3.\tThree: lists of one abstract numbering continue each other",
            "1.\tRestarted", "2.\tContinued", "2.1. Nested items", "2.2. Nested again",
            "IV.\tFrom the style", "V.\tStyle, level from the paragraph", "Style numbering removed",
            "\u{2022}\tA bullet in a symbol font", "Symbols \u{00D7} and \u{2013}",
        ])
    }

    @Test func aResolutionNumberedAutomaticallyHasItsLabels() throws {
        let numbering = #"<w:abstractNum w:abstractNumId="0">\#(Self.levels)</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>"#
        let body = resolution(
            Doc.p("Calls upon Member States;", numId: 7, ilvl: 0) + Doc.p("Invites views on:", numId: 7, ilvl: 0)
                + Doc.p("General appreciation;", numId: 7, ilvl: 1) + Doc.p("Definitions;", numId: 7, ilvl: 1)
                + Doc.p("Decides to remain seized of the matter.", numId: 7, ilvl: 0))
        let r = try ResolutionReader.read(Doc(body: body, numbering: numbering).bytes)
        #expect(r.paragraphs.map { $0.label ?? "-" } == ["-", "1", "2", "(a)", "(b)", "3"])
        #expect(r.paragraphs[3].parent == 2)
        #expect(r.paragraphs[5].text == "Decides to remain seized of the matter.")
        #expect(r.number == "69/28" && r.meeting == 62)
    }
}

@Suite struct WordFootnoteTests {
    static let footnotes =
        #"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/><w:t>SEPARATOR</w:t></w:r></w:p></w:footnote>"#
        + #"<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
        + #"<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>See A/51/261, annex.</w:t></w:r></w:p></w:footnote>"#
        + #"<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A/68/98.</w:t></w:r></w:p></w:footnote>"#
        + #"<w:footnote w:id="3"><w:p><w:r><w:t>Reissued for technical reasons.</w:t></w:r></w:p></w:footnote>"#

    @Test func marksAreTheOrdinalsWordDrawsOrTheCustomMark() throws {
        let body = resolution(
            #"<w:p><w:r><w:t>Bearing in mind the results, and the recommendations that it made,</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>"#
                + #"<w:p><w:r><w:t xml:space="preserve">Welcoming the report of the Group,</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> transmitted</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> by the Secretary-General,</w:t></w:r></w:p>"#
                + #"<w:p><w:r><w:t>1.</w:t></w:r><w:r><w:tab/><w:t>Takes note of the report,</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NOTEREF _Ref1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> as revised;</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>*</w:t></w:r></w:p>"#
                + Doc.p("2.\tDecides to remain seized of the matter."))
        let r = try ResolutionReader.read(Doc(body: body, footnotes: Self.footnotes).bytes)
        #expect(r.footnotes == [
            Footnote(mark: "1", text: "See A/51/261, annex."), Footnote(mark: "2", text: "A/68/98."),
            Footnote(mark: "*", text: "Reissued for technical reasons."),
        ])
        #expect(r.paragraphs.map(\.footnotes) == [[], ["1"], ["2"], ["2", "*"], []])
        #expect(r.paragraphs[2].text == "Welcoming the report of the Group, transmitted by the Secretary-General,")
        #expect(r.paragraphs[3].text == "Takes note of the report, as revised;")
        #expect(!CanonicalDocument.render(r).contains("SEPARATOR"))
    }

    @Test func endnotesAreMarkedAsWordNumbersThemUnlessTheDocumentSaysOtherwise() throws {
        func document(_ settings: String?) -> [UInt8] {
            let body = resolution(
                #"<w:p><w:r><w:t>Noting the report,</w:t></w:r><w:r><w:endnoteReference w:id="7"/></w:r></w:p>"#
                    + Doc.p("1.\tDecides to remain seized of the matter."))
            var entries: [(String, String)] = [
                ("[Content_Types].xml", "<Types/>"),
                ("word/document.xml", #"<w:document \#(Doc.namespaces)><w:body>\#(body)</w:body></w:document>"#),
                ("word/endnotes.xml", #"<w:endnotes \#(Doc.namespaces)><w:endnote w:id="7"><w:p><w:r><w:endnoteRef/><w:t xml:space="preserve"> A/69/112.</w:t></w:r></w:p></w:endnote></w:endnotes>"#),
            ]
            if let settings { entries.append(("word/settings.xml", #"<w:settings \#(Doc.namespaces)>\#(settings)</w:settings>"#)) }
            return TestZip.archive(entries)
        }
        let roman = try ResolutionReader.read(document(nil))
        #expect(roman.footnotes == [Footnote(mark: "i", text: "A/69/112.")])
        #expect(roman.paragraphs[1].footnotes == ["i"])
        let decimal = try ResolutionReader.read(document(#"<w:endnotePr><w:numFmt w:val="decimal"/><w:numStart w:val="3"/></w:endnotePr>"#))
        #expect(decimal.footnotes == [Footnote(mark: "3", text: "A/69/112.")])
    }

    @Test func aFootnoteReferredToButMissingIsRefusedNamingThePart() throws {
        let body = resolution(#"<w:p><w:r><w:t>1. Notes the report.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#)
        #expect {
            try ResolutionReader.read(Doc(body: body).bytes)
        } throws: { error in
            (error as? ParseError)?.reason.contains("word/footnotes.xml is missing") == true
        }
    }
}

@Suite struct WordPartsTests {
    @Test func tracksChangesAsAcceptedAndDropsHiddenTextAndFieldCodes() throws {
        let body =
            #"<w:p><w:r><w:t xml:space="preserve">Notes </w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>the old </w:delText></w:r><w:r><w:t>words </w:t></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t xml:space="preserve">the new </w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>moved away </w:t></w:r></w:moveFrom><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden </w:t></w:r><w:r><w:t>text</w:t></w:r><w:r><w:t>&#xAD;ual</w:t></w:r><w:r><w:softHyphen/><w:t xml:space="preserve"> cor</w:t></w:r><w:r><w:noBreakHyphen/><w:t>rection</w:t></w:r></w:p>"#
            + #"<w:p><w:pPr><w:rPr><w:del w:id="4" w:author="x"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">A paragraph whose mark was deleted</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve"> runs on.</w:t></w:r></w:p>"#
            + #"<w:p><w:pPr><w:pPrChange w:id="5"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Formerly numbered.</w:t></w:r></w:p>"#
            + #"<w:p><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>In a text box.</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></mc:Choice><mc:Fallback><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>In a text box.</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></mc:Fallback></mc:AlternateContent></w:p>"#
        let text = try WordReader.text(Doc(body: body).bytes)
        #expect(text.body == ["Notes the new textual cor-rection", "A paragraph whose mark was deleted runs on.", "Formerly numbered.", "In a text box.", ""])
    }

    @Test func aParagraphAcrossAPageBreakAndAWordHyphenatedAtALineBreakReadWhole() throws {
        let body =
            Doc.p("69/28.\tDevelopments in the field") + Doc.p("The General Assembly,")
            + Doc.p("Recalling that telecommunications matter,")
            + #"<w:p><w:r><w:t>1.</w:t></w:r><w:r><w:tab/><w:t>Calls for the security of global tele-</w:t></w:r><w:r><w:br w:type="page"/><w:lastRenderedPageBreak/></w:r><w:r><w:t>communications systems, consistent with the need to</w:t></w:r></w:p>"#
            + Doc.p("preserve the free flow of information;") + Doc.p("2.\tDecides to remain seized of the matter.")
            + #"<w:p><w:r><w:t>62nd plenary meeting</w:t></w:r><w:r><w:br/><w:t>2 December 2014</w:t></w:r></w:p>"#
        let r = try ResolutionReader.read(Doc(body: body).bytes)
        #expect(r.paragraphs.map(\.text) == [
            "Recalling that telecommunications matter,",
            "Calls for the security of global telecommunications systems, consistent with the need to preserve the free flow of information;",
            "Decides to remain seized of the matter.",
        ])
        #expect(r.adopted == CivilDate(year: 2014, month: 12, day: 2) && r.meeting == 62)
    }

    @Test func theFirstPageHeaderIsReadAboveTheBodyAndOtherHeadersNever() throws {
        let first = ("hFirst", Doc.p("Sixty-ninth session") + Doc.p("Agenda item 91"))
        let running = ("hDefault", Doc.p("A/RES/69/28\tRunning head"))
        let sections = #"<w:headerReference w:type="default" r:id="hDefault"/><w:headerReference w:type="first" r:id="hFirst"/>"#
        var doc = Doc(body: resolution(Doc.p("1.\tDecides to remain seized of the matter.")), headers: [first, running])
        doc.sectionProperties = sections + "<w:titlePg/>"
        let text = try WordReader.text(doc.bytes)
        #expect(text.front == ["Sixty-ninth session", "Agenda item 91"])
        #expect(try ResolutionReader.read(doc.bytes).agendaItem == 91)
        // Without a title page the default header is the first page's.
        doc.sectionProperties = sections
        #expect(try WordReader.text(doc.bytes).front == ["A/RES/69/28\tRunning head"])
        #expect(try ResolutionReader.read(doc.bytes).agendaItem == nil)
    }
}

@Suite struct WordRefusalTests {
    private func reason(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ResolutionReader.read(bytes)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func aLegacyWordDocumentIsRefusedWithAHint() {
        let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512)
        #expect(reason(ole2) == "a legacy Word 97–2003 document (.doc): save it as .docx, .odt or PDF and read that")
    }

    @Test func aDamagedArchiveIsRefusedSayingWhatIsWrong() throws {
        let good = WordFixtures.bytes(WordFixtures.path("A_RES_69_28", .docx))
        let cut = Array(good.prefix(good.count / 2))
        #expect(InputFormat.recognise(cut) == .docx)
        #expect(reason(cut) == "a damaged Word (.docx) file: its zip archive cannot be opened (no readable central directory)")

        let noBody = TestZip.archive([("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<w:styles/>")])
        #expect(reason(noBody) == "a damaged Word (.docx) file: word/document.xml (the document's body) is missing from the archive")

        let broken = TestZip.archive([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document><w:body><w:p>")])
        #expect(reason(broken)?.hasPrefix("a damaged Word (.docx) file: word/document.xml is not well-formed XML") == true)

        var corrupt = TestWordDocument(body: TestWordDocument.p("text")).bytes
        let at = try #require(corrupt.indices.first { i in corrupt[i...].starts(with: Array("<w:body>".utf8)) })
        corrupt[at + 1] = UInt8(ascii: "x")
        #expect(reason(corrupt) == "a damaged Word (.docx) file: word/document.xml fails its checksum")

        let odt = WordFixtures.bytes(WordFixtures.path("A_RES_69_28", .odt))
        #expect(reason(Array(odt.prefix(odt.count / 2)))?.hasPrefix("a damaged OpenDocument (.odt) file") == true)
        let noContent = TestZip.archive([("mimetype", "application/vnd.oasis.opendocument.text"), ("styles.xml", "<x/>")])
        #expect(reason(noContent) == "a damaged OpenDocument (.odt) file: content.xml (the document's body) is missing from the archive")
    }
}
