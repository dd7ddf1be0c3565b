import Foundation
import ResolutionText
import Testing
import TestSupport

@testable import ResolutionFormats

/// The UN's Akoma Ntoso, read: the structure from the markup, the metadata it carries, the
/// text as the text parser cleans it.
@Suite struct AkomaNtosoReaderTests {
    private func read(_ xml: String) throws -> Resolution { try ResolutionReader.read(Array(xml.utf8)) }

    @Test func theStructureComesFromTheMarkup() throws {
        let r = try read(AkomaNtosoFixtures.recordedVote)
        #expect(r.number == "85/12")
        #expect(r.title == "Tending the \"common\" gardens")
        let shape = r.paragraphs.map { "\($0.kind.rawValue) \($0.label ?? "-") \($0.parent.map(String.init) ?? "-")" }
        #expect(shape == [
            "preambular - -", "preambular - -", "preambular - -",
            "operative 1 -",
            "operative 2 -", "subparagraph (a) 4", "subparagraph (i) 5", "subparagraph (ii) 5", "subparagraph (b) 4",
            "operative 3 -", "subparagraph (a) 9",
        ])
        // Text cleaned as the text parser cleans it: emphasis gone, quotes straightened, spaces collapsed.
        #expect(r.paragraphs[0].text == "Recalling its resolution 84/9 of 2 December 2029 on the gardens' upkeep,")
        #expect(r.paragraphs[1].text == "Noting that gardens need water,")
        #expect(r.paragraphs[4].text == "Requests the Secretary-General:")
        #expect(r.paragraphs[5].text == "To report on:")
        #expect(r.paragraphs[10].text == "The gardens at its eighty-sixth session.")
        // The heading "I. Water" is not a paragraph.
        #expect(!r.paragraphs.contains { $0.text.contains("Water") && $0.text.count < 12 })
    }

    @Test func footnotesAreTiedToTheirMarks() throws {
        let r = try read(AkomaNtosoFixtures.recordedVote)
        #expect(r.footnotes == [Footnote(mark: "1", text: "See A/84/100, annex.")])
        #expect(r.paragraphs[0].footnotes == ["1"])
        // A second reference to the same note (a superscript number) is a mark, not text.
        #expect(r.paragraphs[2].footnotes == ["1"])
        #expect(r.paragraphs[2].text == "Bearing in mind the report cited above,")
        #expect(r.paragraphs[1].footnotes.isEmpty)
    }

    @Test func theMetadataComesFromTheMarkup() throws {
        let r = try read(AkomaNtosoFixtures.recordedVote)
        #expect(r.symbol == "A/RES/85/12")
        #expect(r.session == 85)
        #expect(r.agendaItem == 97)
        #expect(r.committeeReport == "A/85/401")
        #expect(r.adopted == CivilDate(iso: "2030-12-04"))
        #expect(r.meeting == 44)
        #expect(r.draft == "A/C.1/85/L.7")
        #expect(r.sponsors == [
            "Antigua and Barbuda", "Peru",
            "Uganda (on behalf of the States Members of the United Nations that are members of the Group of 77 and China)",
            "Trinidad and Tobago", "Bosnia and Herzegovina", "Côte d’Ivoire",
        ])
        let vote = try #require(r.vote)
        #expect(vote.outcome == "adoptedRecordedVote")
        #expect(vote.inFavour == 3)
        #expect(vote.against == nil, "the markup gives no count against")
        #expect(vote.abstaining == 1)
        #expect(vote.ballots == [
            .init(state: "ANTIGUA AND BARBUDA", choice: .inFavour), .init(state: "PERU", choice: .inFavour),
            .init(state: "UGANDA", choice: .inFavour), .init(state: "ICELAND", choice: .abstaining),
        ])
    }

    @Test func anAnnexIsKeptApart() throws {
        let r = try read(AkomaNtosoFixtures.recordedVote)
        #expect(r.annexes == [Annex(heading: "Annex", title: "Programme of gardening", paragraphs: ["1. Dig in spring.", "2. Harvest in autumn."])])
        #expect(!r.paragraphs.contains { $0.text.contains("spring") })
        #expect(r.paragraphs.filter { $0.kind == .operative }.count == 3)
    }

    @Test func theSameResolutionFromTextAndFromAkomaNtosoIsOneDocument() throws {
        let text = try ResolutionReader.read(Array(AkomaNtosoFixtures.recordedVoteText.utf8))
        let akn = try read(AkomaNtosoFixtures.recordedVote)
        #expect(CanonicalDocument.render(akn) == CanonicalDocument.render(text))
        #expect(akn.symbol == text.symbol && akn.adopted == text.adopted && akn.meeting == text.meeting)
        #expect(akn.committeeReport == text.committeeReport)
    }

    @Test func anUnnumberedSingleParagraphIsOperativeAndAVoteWithoutCountsHasNone() throws {
        let r = try read(AkomaNtosoFixtures.withoutVote)
        #expect(r.paragraphs.map(\.kind) == [.operative])
        #expect(r.paragraphs[0].text == "Takes note of the report on watering.")
        #expect(r.vote == Vote(outcome: "adoptedWithoutVote"))
        #expect(r.draft == "A/85/L.3")
        #expect(r.sponsors == ["submitted by the President of the General Assembly"])
        #expect(r.meeting == nil)
        #expect(r.adopted == CivilDate(iso: "2030-09-20"))
    }

    @Test func damagedXMLIsRefusedWithTheXMLParsersLine() throws {
        let cut = String(AkomaNtosoFixtures.recordedVote.prefix(4000))
        let lines = cut.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect {
            try read(cut)
        } throws: { error in
            let e = error as! ParseError
            return e.category == .unsupportedFormat
                && e.reason.hasPrefix("damaged Akoma Ntoso XML: the XML parser stops at line \(lines), ")
                && e.reason.hasSuffix("the document ends before its elements are closed (the file is cut off)")
        }
        let mismatched = AkomaNtosoFixtures.withoutVote.replacingOccurrences(of: "</docTitle>", with: "</docNumber>")
        #expect {
            try read(mismatched)
        } throws: { error in
            (error as! ParseError).reason.hasPrefix("damaged Akoma Ntoso XML: the XML parser stops at line 11, ")
        }
    }

    @Test func aDamagedFileIsRefusedNamingIt() throws {
        let dir = ScratchDirectory()
        let file = dir.write("A_RES_85_12.xml", String(AkomaNtosoFixtures.recordedVote.prefix(3000)))
        let result = lineage(["parse", file])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("error: \(file): damaged Akoma Ntoso XML: the XML parser stops at line "))
        #expect(result.stdout.isEmpty)
    }

    @Test func akomaNtosoWithoutAResolutionIsRefused() throws {
        let xml = #"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><preface><p>An act</p></preface></act></akomaNtoso>"#
        #expect {
            try read(xml)
        } throws: { error in
            (error as! ParseError).category == .notAResolution
        }
    }

    @Test(arguments: [
        ("Australia, Austria and Zimbabwe", ["Australia", "Austria", "Zimbabwe"]),
        ("Peru and Trinidad and Tobago", ["Peru", "Trinidad and Tobago"]),
        ("Saint Kitts and Nevis", ["Saint Kitts and Nevis"]),
        ("United Kingdom of Great Britain and Northern Ireland and United States of America",
         ["United Kingdom of Great Britain and Northern Ireland", "United States of America"]),
        ("Cuba (on behalf of the Group of 77 and China)", ["Cuba (on behalf of the Group of 77 and China)"]),
        ("submitted by the Chair of the Committee, Ana Li (Peru) and on the basis of consultations",
         ["submitted by the Chair of the Committee, Ana Li (Peru) and on the basis of consultations"]),
        ("", []),
    ])
    func sponsorsAreOneNamePerEntry(list: String, names: [String]) {
        #expect(Sponsors.split(list) == names)
    }

    @Test func parseShowsDraftSponsorsVoteAndAnnexes() throws {
        let dir = ScratchDirectory()
        let file = dir.write("in.xml", AkomaNtosoFixtures.recordedVote)
        let text = lineage(["parse", file])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Draft:             A/C.1/85/L.7\n"))
        #expect(text.stdout.contains("Sponsors:          6: Antigua and Barbuda; Peru; Uganda (on behalf of"))
        #expect(text.stdout.contains("Vote:              adoptedRecordedVote: 3 in favour, 1 abstaining\n"))
        #expect(text.stdout.contains("Annexes:           Annex: Programme of gardening\n"))
        let json = lineage(["parse", file, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["draft"] as? String == "A/C.1/85/L.7")
        #expect((object["sponsors"] as? [String])?.count == 6)
        let vote = try #require(object["vote"] as? [String: Any])
        #expect(vote["outcome"] as? String == "adoptedRecordedVote")
        #expect(vote["inFavour"] as? Int == 3)
        #expect(vote["against"] is NSNull)
        #expect(vote["abstaining"] as? Int == 1)
        #expect((vote["ballots"] as? [[String: String]])?.last == ["state": "ICELAND", "vote": "abstaining"])
        #expect((object["annexes"] as? [[String: Any]])?.first?["title"] as? String == "Programme of gardening")
        // A text gives none of them.
        let plain = lineage(["parse", Package.seed("plain-text.txt")])
        #expect(plain.stdout.contains("Draft:             -\nSponsors:          -\nVote:              -\nAnnexes:           -\n"))
    }
}
