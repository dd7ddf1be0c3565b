import Foundation
import Testing

@testable import ResolutionText

/// Small synthetic resolutions for layouts and rules the seeds do not cover.
@Suite struct ParserScenarioTests {
    @Test func crlfAndLfReadTheSame() throws {
        let seed = try #require(Fixtures.seed("59/61"))
        let crlf = seed.text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try ResolutionParser.parse(crlf) == seed.resolution)
        #expect(try ResolutionParser.parse(bytes: Array(crlf.utf8)) == seed.resolution)
    }

    @Test func markdownFootnotesAndBoldLabels() throws {
        let text = """
            ## Resolution adopted by the General Assembly on 1 March 2020

            **74/99. A _test_ resolution**

            *The General Assembly,*

            *Recalling* its resolution 73/1,[^1]

            **1.** *Decides* to act;[^2]

            - (a) quickly;
            - (b) well;

            **2.** *Requests* a report.

            *12th plenary meeting*

            [^1]: See A/73/1.
            [^2]: See A/73/2.
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.title == "A test resolution")
        #expect(r.adopted == CivilDate(year: 2020, month: 3, day: 1))
        #expect(Fixtures.structure(r.paragraphs) == ["pp", "op1", "(a)^1", "(b)^1", "op2"])
        #expect(r.paragraphs.map(\.text) == ["Recalling its resolution 73/1,", "Decides to act;", "quickly;", "well;", "Requests a report."])
        #expect(r.paragraphs.map(\.footnotes) == [["1"], ["2"], [], [], []])
        #expect(r.footnotes == [Footnote(mark: "1", text: "See A/73/1."), Footnote(mark: "2", text: "See A/73/2.")])
    }

    @Test func bareFootnotesBetweenParagraphsWithoutARule() throws {
        let text = """
            75/1. Title

            The General Assembly,

            Recalling the report,1

            1 See A/75/1.

            Noting paragraphs 1 to 3 of resolution 74/2,

            1. Decides to meet in 2021,2 and again;

            2 A/75/2.

            2. Also decides to close.

            50th plenary meeting
            1 December 2020
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.paragraphs.map(\.text) == [
            "Recalling the report,", "Noting paragraphs 1 to 3 of resolution 74/2,", "Decides to meet in 2021, and again;",
            "Also decides to close.",
        ])
        #expect(r.paragraphs.map(\.footnotes) == [["1"], [], ["2"], []])
        #expect(r.footnotes.map(\.text) == ["See A/75/1.", "A/75/2."])
        #expect(r.meeting == 50)
        #expect(r.adopted == CivilDate(year: 2020, month: 12, day: 1))
    }

    @Test func wrappedHeaderAndLabelsOnTheirOwnLines() throws {
        let text = """
            United Nations
            A/RES/76/99
            General Assembly
            Distr.: General
            8 December 2021
            21-18253 (E)    131221
            *2118253*
            Seventy-sixth session
            Agenda items 14 and 117
             Resolution adopted by the General Assembly
            on 6 December 2021
            [on the report of the Third Committee
            (A/76/462/Add.2, para. 12)]
            76/99. A title that is long enough
            to wrap onto a second line
             
            The General Assembly,
             
            Recalling its resolution 75/1 of 1 January
            2021,
             
            1.
            Decides to act on the
            following:
             
            (a)
            First;
             
            (b)
            Second.
             
            45th plenary meeting
            6 December 2021
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.symbol == "A/RES/76/99")
        #expect(r.session == 76)
        #expect(r.title == "A title that is long enough to wrap onto a second line")
        #expect(r.adopted == CivilDate(year: 2021, month: 12, day: 6))
        #expect(r.agendaItem == 14)
        #expect(r.committeeReport == "A/76/462/Add.2")
        #expect(r.meeting == 45)
        #expect(Fixtures.structure(r.paragraphs) == ["pp", "op1", "(a)^1", "(b)^1"])
        #expect(r.paragraphs.map(\.text) == ["Recalling its resolution 75/1 of 1 January 2021,", "Decides to act on the following:", "First;", "Second."])
        #expect(r.citedDates() == ["75/1": CivilDate(year: 2021, month: 1, day: 1)!])
    }

    @Test func nothingIsGuessed() throws {
        // Only a distribution date: it is not the adoption date.
        let text = """
            Distr.: General 16 December 2004

            59/99. Title

            The General Assembly,

            1. Decides.

            12th plenary meeting
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.adopted == nil)
        #expect(r.meeting == 12)
        #expect(r.agendaItem == nil)
        #expect(r.committeeReport == nil)
        #expect(r.session == 59)  // the number's first part: a UN convention, not a guess
        #expect(r.symbol == "A/RES/59/99")
        #expect(r.footnotes.isEmpty)
        #expect(r.paragraphs == [Paragraph(index: 0, kind: .operative, label: "1", text: "Decides.")])
    }

    @Test func numberedNormsAreItemsOfTheirParagraph() throws {
        // Norms numbered 1.1, 1.2 after operative paragraph 1 are its sub-paragraphs (op1.1, op1.2).
        let text = """
            73/99. Title

            The General Assembly,

            1. Welcomes the following norms:

            1.1. States should cooperate.

            1.2. States should not harm.

            2. Decides to continue.
            """
        let r = try ResolutionParser.parse(text)
        #expect(Fixtures.structure(r.paragraphs) == ["op1", "1.1^0", "1.2^0", "op2"])
        #expect(r.paragraphs.map(\.text) == ["Welcomes the following norms:", "States should cooperate.", "States should not harm.", "Decides to continue."])
        #expect(r.clauseAddresses == ["op1", "op1.1", "op1.2", "op2"])
    }

    @Test func aParagraphSplitByAPageBreakIsRejoined() throws {
        let text = """
            76/98. A short title

            The General Assembly,

            Recalling that the use of information and

            A/RES/76/98
            A short title

            21-18253
            2/3

            communications technologies is rising,

            1. Decides.

            45th plenary meeting
            6 December 2021
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.paragraphs[0].text == "Recalling that the use of information and communications technologies is rising,")
        #expect(r.paragraphs.count == 2)
    }

    @Test func assemblyLineRunningOnAndSymbolFootnotes() throws {
        let text = """
            69/99. Title

            The General Assembly, Recalling its resolution 68/1,

            - 2 -

            1. Decides to act.
            ________________
            * Reissued for technical reasons on 5 January 2015.
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.paragraphs.map(\.text) == ["Recalling its resolution 68/1,", "Decides to act."])
        #expect(r.footnotes == [Footnote(mark: "*", text: "Reissued for technical reasons on 5 January 2015.")])
    }

    @Test func aMarkStandingAloneAtTheEndOfAParagraph() throws {
        let text = """
            70/99. Title

            The General Assembly,

            Bearing in mind the recommendations that it made, 1

            Noting paragraphs 1, 2 and 3,

            1. Decides.

            1 See A/51/261, annex.
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.paragraphs.map(\.text) == ["Bearing in mind the recommendations that it made,", "Noting paragraphs 1, 2 and 3,", "Decides."])
        #expect(r.paragraphs[0].footnotes == ["1"])
    }

    @Test func parsingIsLinear() throws {
        // A resolution of about 400 KB: quadratic behaviour would take minutes.
        var text = "99/1. A very long resolution\n\nThe General Assembly,\n\n"
        for i in 0..<1500 {
            text += "Recalling its resolution \(i % 80)/\(i % 300 + 1) of 4 December 1998 and the report of the Secretary-General on the matter,\n\n"
        }
        for i in 1...500 {
            text += "\(i). Requests the Secretary-General to continue the work referred to in paragraph \(i) above;\n\n"
        }
        text += "501. Decides to remain seized of the matter.\n"
        let start = ContinuousClock.now
        let r = try ResolutionParser.parse(text)
        let elapsed = ContinuousClock.now - start
        #expect(r.paragraphs.count == 2001)
        #expect(elapsed < .seconds(10), "took \(elapsed) for \(text.utf8.count) bytes")
    }

    @Test func seedsParseQuickly() throws {
        // The budget is generous for a debug build; a release build parses a 15 KB resolution in
        // a few hundred microseconds.
        for number in Fixtures.seedNumbers {
            let seed = try #require(Fixtures.seed(number))
            let start = ContinuousClock.now
            for _ in 0..<10 { _ = try ResolutionParser.parse(seed.text) }
            let each = (ContinuousClock.now - start) / 10
            #expect(each < .milliseconds(50), "\(number): \(each) per parse")
        }
    }
}
