import Foundation
import Testing

@testable import ResolutionText

/// The three later PDF extracts (73/27, 73/266, 76/19), in a fourth layout: running page heads
/// in mid-paragraph, headers with distribution dates and job numbers, wrapped multi-line
/// titles, report references with a paragraph number, numbered norms inside a paragraph.
/// Their metadata is tested exactly; their bodies only for counts and a few hard spots.
@Suite struct LaterResolutionTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var number: String
        var title: String
        var session: Int
        var adopted: String
        var meeting: Int
        var agendaItem: Int
        var committeeReport: String
        var counts: [Int]  // preambular, operative, sub-paragraphs, footnotes
        var testDescription: String { number }
    }

    static let expected: [Expected] = [
        Expected(
            number: "73/27", title: "Developments in the field of information and telecommunications in the context of international security",
            session: 73, adopted: "2018-12-05", meeting: 45, agendaItem: 96, committeeReport: "A/73/505", counts: [21, 7, 17, 5]),
        Expected(
            number: "73/266", title: "Advancing responsible State behaviour in cyberspace in the context of international security",
            session: 73, adopted: "2018-12-22", meeting: 65, agendaItem: 96, committeeReport: "A/73/505", counts: [15, 6, 4, 3]),
        Expected(
            number: "76/19",
            title: "Developments in the field of information and telecommunications in the context of international security, and advancing responsible State behaviour in the use of information and communications technologies",
            session: 76, adopted: "2021-12-06", meeting: 45, agendaItem: 95, committeeReport: "A/76/439", counts: [13, 7, 2, 3]),
    ]

    @Test(arguments: expected) func metadataOf(_ e: Expected) throws {
        let later = try Fixtures.laterResolutions()
        let r = try #require(later[e.number], "resolution \(e.number) not found").resolution
        #expect(r.symbol == "A/RES/" + e.number)
        #expect(r.number == e.number)
        #expect(r.session == e.session)
        #expect(r.title == e.title)
        #expect(r.adopted?.iso == e.adopted)
        #expect(r.meeting == e.meeting)
        #expect(r.agendaItem == e.agendaItem)
        #expect(r.committeeReport == e.committeeReport)
        #expect(
            [Fixtures.count(r, .preambular), Fixtures.count(r, .operative), Fixtures.count(r, .subparagraph), r.footnotes.count]
                == e.counts)
        // Page furniture never reaches the text.
        for p in r.paragraphs {
            for bad in ["A/RES/", "(E)", "/3 ", "/5 ", "*18", "*21", "plenary meeting", "Distr."] {
                #expect(!p.text.contains(bad), "\(e.number): \(bad) in \(p.text.prefix(60))")
            }
        }
        #expect(Set(r.paragraphs.flatMap(\.footnotes)) == Set(r.footnotes.map(\.mark)))
    }

    @Test func runningHeadsInsideParagraphsAreDropped() throws {
        let later = try Fixtures.laterResolutions()
        let r76 = try #require(later["76/19"]).resolution
        // op6 runs over a line break inside "Secretary-General".
        #expect(r76.paragraph(at: "op6")?.text.contains("to continue to inform the Secretary-General of their views") == true)
        #expect(r76.paragraph(at: "pp4")?.text == "Noting that considerable progress has been achieved in developing and applying the latest information technologies and means of telecommunication,")
        #expect(r76.paragraph(at: "pp5")?.text.hasPrefix("Expressing concern that these technologies") == true)
        #expect(r76.paragraph(at: "op4")?.text.contains("2021\u{2013}2025, and acknowledges") == true)

        let r27 = try #require(later["73/27"]).resolution
        // Operative paragraph 1 introduces the 13 norms 1.1–1.13: each is a sub-paragraph of it.
        let op1 = try #require(r27.paragraph(at: "op1"))
        #expect(op1.text.hasSuffix("adopted by the General Assembly on 5 December 2016:"))
        #expect(op1.text.contains("of 2013 and 2015 adopted by consensus"))
        #expect(op1.footnotes == ["3", "2"])
        let norms = r27.paragraphs.filter { $0.parent == op1.index }
        #expect(norms.map { $0.label ?? "" } == (1...13).map { "1.\($0)" })
        #expect(norms.allSatisfy { $0.kind == .subparagraph })
        #expect(r27.paragraph(at: "op1.1")?.text.hasPrefix("Consistent with the purposes of the United Nations") == true)
        // Norm 1.5 is split by a footnote block and a page head: rejoined, marks glued to years removed.
        let norm5 = try #require(r27.paragraph(at: "op1.5"))
        #expect(norm5.text.contains("Human Rights Council resolutions 20/8 of 5 July 2012 and 26/13 of 26 June 2014 on the promotion, protection and enjoyment of human rights on the Internet, as well as General Assembly resolutions 68/167 of 18 December 2013"))
        #expect(norm5.footnotes == ["4", "5"])
        #expect(r27.paragraph(at: "op1.13")?.text.hasSuffix("with regard to their potential role;") == true)
        #expect(r27.paragraph(at: "op2")?.text.hasPrefix("Calls upon Member States") == true)
        #expect(r27.paragraph(at: "pp17")?.text.contains("in its 2013 and 2015 reports, that international law") == true)
        #expect(r27.paragraph(at: "pp17")?.footnotes == ["3", "2"])
        #expect(r27.footnotes[3].text == "See Official Records of the General Assembly, Sixty-seventh Session, Supplement No. 53 and corrigendum (A/67/53 and A/67/53/Corr.1), chap. IV, sect. A.")

        let r266 = try #require(later["73/266"]).resolution
        #expect(r266.paragraph(at: "pp10")?.text.hasSuffix("and the 2010, 2013 and 2015 reports transmitted by the Secretary-General,") == true)
        #expect(r266.paragraph(at: "pp10")?.footnotes == ["1", "2", "3"])
        #expect(r266.paragraph(at: "op1(a)")?.text.hasPrefix("To be guided in their use of information and communications technologies by the 2010, 2013 and 2015 reports") == true)
        #expect(r266.paragraph(at: "op1(a)")?.footnotes == ["1", "2", "3"])
        #expect(r266.paragraph(at: "op5")?.text.contains("to organize two two-day informal consultative meetings, open-ended so that") == true)
    }

    @Test func laterFilesRoundTripThroughTheCanonicalDocument() throws {
        for (number, seed) in try Fixtures.laterResolutions() {
            let r = seed.resolution
            let back = try CanonicalDocument.parse(CanonicalDocument.render(r))
            #expect(back.title == r.title, "\(number)")
            #expect(back.paragraphs == r.paragraphs, "\(number)")
            #expect(back.footnotes == r.footnotes, "\(number)")
        }
    }
}
