import Foundation
import Testing

@testable import ResolutionText

/// Structures of real resolutions that are not the bundled series's: adopted under the silence
/// procedure (dated, no meeting), a single unnumbered operative paragraph adopting an annexed
/// declaration, one part of a resolution adopted in parts, a resumed meeting, a reissued text.
/// Each fixture is hand-written in the layout of a PDF text extract (masthead, job number,
/// page markers, footnotes below a rule), short, modelled on the structure of real ones.
@Suite struct RealStructureTests {
    @Test func adoptedUnderTheSilenceProcedureEndsWithItsDate() throws {
        let text = """
            United Nations                                                A/RES/74/299
            General Assembly                                              Distr.: General
                                                                          3 September 2020
            Seventy-fourth session
            Agenda item 12

            20-11111 (E)    040920
            *2011111*

            Resolution adopted by the General Assembly on 31 August 2020

            [without reference to a Main Committee (A/74/L.86)]

            74/299. Improving global road safety

                The General Assembly,

                Recalling its earlier resolutions on road safety,

                Noting with concern that the pandemic of the coronavirus disease
            (COVID-19) has changed how people travel,1

                1.  Welcomes the work of the Member States that have adopted
            comprehensive road safety laws;

                2.  Decides to include in the provisional agenda of its seventy-fifth session the
            item entitled “Improving global road safety”.

                                                                          31 August 2020
            ____________
            1 See A/74/789.
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.symbol == "A/RES/74/299")
        #expect(r.adopted == CivilDate(year: 2020, month: 8, day: 31))
        #expect(r.meeting == nil)
        #expect(r.draft == "A/74/L.86")
        #expect(Fixtures.structure(r.paragraphs) == ["pp", "pp", "op1", "op2"])
        #expect(r.paragraphs.last?.text == "Decides to include in the provisional agenda of its seventy-fifth session the item entitled \"Improving global road safety\".")
        #expect(r.footnotes == [Footnote(mark: "1", text: "See A/74/789.")])
        #expect(r.paragraphs[1].footnotes == ["1"])
    }

    @Test func footnotesAtThePageFootWithoutRuleOrBlankLineInAPlainExtract() throws {
        // Plain `pdftotext` (no -layout) drops the rule above a page's footnotes, the space
        // before them and every indent: the footnotes follow the last body line of the page,
        // which stops mid-sentence, and the page's furniture follows them.
        let text = """
            A/RES/76/501
            United Nations
            General Assembly
            Distr.: General
            20 December 2021
            Seventy-sixth session
            Agenda item 20
            Resolution adopted by the General Assembly
            on 16 December 2021
            76/501. Cooperation on coastal fisheries
            The General Assembly,
            Recalling its resolution 70/1 of 25 September 2015, entitled "Transforming our world:
            the 2030 Agenda for Sustainable Development",1
            Noting the report of the Secretary-General on coastal fisheries,2 and the work of the
            1 Resolution 70/1.
            2 A/76/300.

            21-11111 (E)
            Please recycle

            A/RES/76/501
            Cooperation on coastal fisheries
            regional organizations in that regard,
            1. Welcomes the cooperation of coastal States;
            2. Decides to continue its consideration of the question at its seventy-eighth session.
            50th plenary meeting
            16 December 2021

            2/2
            21-11111
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.footnotes == [Footnote(mark: "1", text: "Resolution 70/1."), Footnote(mark: "2", text: "A/76/300.")])
        #expect(Fixtures.structure(r.paragraphs) == ["pp", "pp", "op1", "op2"])
        #expect(r.paragraphs[1].text == "Noting the report of the Secretary-General on coastal fisheries, and the work of the regional organizations in that regard,")
        #expect(r.paragraphs[1].footnotes == ["2"])
    }

    @Test func aNumberedLineInTheBodyIsNoFootnoteWithoutItsMark() throws {
        // A wrapped line starting with a number, no mark glued to a word before it: body text.
        let text = """
            76/502. Another title
            The General Assembly,
            Noting that the number of reports submitted in the last five years rose from
            1 Member State to thirty,

            1. Decides to continue its consideration of the question.
            51st plenary meeting
            16 December 2021
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.footnotes.isEmpty)
        #expect(r.paragraphs[0].text == "Noting that the number of reports submitted in the last five years rose from 1 Member State to thirty,")
    }

    @Test func theDateAloneClosesOnlyAfterAFullStop() throws {
        // A line that is only a date inside a paragraph (after a comma) does not close the body.
        let text = """
            74/298. A title

            The General Assembly,

            1. Decides to hold the meeting on

            12 August 2020

            at Headquarters;

            2. Decides to remain seized of the matter.

            12 August 2020
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.meeting == nil)
        #expect(r.adopted == CivilDate(year: 2020, month: 8, day: 12))
        #expect(Fixtures.structure(r.paragraphs) == ["op1", "op2"])
        #expect(r.paragraphs[0].text == "Decides to hold the meeting on 12 August 2020 at Headquarters;")
    }

    @Test func aSingleUnnumberedOperativeParagraphAdoptingAnAnnexedDeclaration() throws {
        let text = """
            United Nations                                                A/RES/75/284
            General Assembly                                              Distr.: General
                                                                          9 June 2021
            Seventy-fifth session
            Agenda item 10

            21-07777 (E)
            *2107777*

            Resolution adopted by the General Assembly on 8 June 2021

            [without reference to a Main Committee (A/75/L.95)]

            75/284. Political Declaration on a Health Question

                The General Assembly,

                Adopts the political declaration entitled "Political Declaration on a Health
            Question" annexed to the present resolution.

                                                                       74th plenary meeting
                                                                                8 June 2021

            Annex

            Political Declaration on a Health Question

                1. We, Heads of State and Government, assembled at the United Nations,
            reaffirm our commitment;

                2. We note with alarm the figures of the last year.1

            A/RES/75/284
            Political Declaration on a Health Question
            21-07777
            2/2

                3. We commit to act.
            ____________
            1 See A/75/836.
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.symbol == "A/RES/75/284")
        #expect(r.meeting == 74)
        #expect(r.adopted == CivilDate(year: 2021, month: 6, day: 8))
        #expect(r.paragraphs == [
            Paragraph(index: 0, kind: .operative, text: "Adopts the political declaration entitled \"Political Declaration on a Health Question\" annexed to the present resolution.")
        ])
        #expect(r.clauseAddresses == ["op1"])
        // The annex is kept apart: not operative paragraphs, its footnotes not the resolution's.
        #expect(r.footnotes.isEmpty)
        #expect(r.annexes.count == 1)
        #expect(r.annexes.first?.heading == "Annex")
        #expect(r.annexes.first?.title == "Political Declaration on a Health Question")
        #expect(r.annexes.first?.paragraphs.count == 3)
        #expect(r.annexes.first?.paragraphs.first?.hasPrefix("1. We, Heads of State") == true)
        // The canonical document writes the unnumbered paragraph with an empty label, and reads it back.
        let document = CanonicalDocument.render(r)
        #expect(document == "Political Declaration on a Health Question\n. Adopts the political declaration entitled \"Political Declaration on a Health Question\" annexed to the present resolution.\n")
        #expect(try CanonicalDocument.parse(document).paragraphs == r.paragraphs)
    }

    @Test func anUnnumberedOperativeParagraphWithLetteredItems() throws {
        let text = """
            76/98. Questions relating to a matter

            The General Assembly,

            Taking note of the report of the Committee,

            Urges all countries and all others concerned, reaffirming their commitment to the
            principles of the Charter:

            (a) To cooperate with a view to reducing disparities;

            (b) To aim at providing all possible support, including:

            (i) The development of human resources;

            (ii) The creation of conditions for access to technology;

            (c) To provide full support for the International Programme.

            49th plenary meeting
            9 December 2021
            """
        let r = try ResolutionParser.parse(text)
        #expect(Fixtures.structure(r.paragraphs) == ["pp", "op?", "(a)^1", "(b)^1", "(i)^3", "(ii)^3", "(c)^1"])
        #expect(r.clauseAddresses == ["pp1", "op1", "op1(a)", "op1(b)", "op1(b)(i)", "op1(b)(ii)", "op1(c)"])
    }

    @Test func preambularItemsAreAddressedUnderTheirParagraph() throws {
        let text = """
            76/97. A title

            The General Assembly,

            Recalling its resolutions,

            Bearing in mind the following principles:

            (a) Sovereign equality;

            (b) Peaceful settlement of disputes,

            1. Decides to remain seized of the matter.

            45th plenary meeting
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.clauseAddresses == ["pp1", "pp2", "pp2(a)", "pp2(b)", "op1"])
        #expect(r.paragraph(at: "pp2(b)")?.text == "Peaceful settlement of disputes,")
    }

    @Test func unnumberedOperativeParagraphsInOtherShapes() throws {
        // "Approves …" with a footnote mark; "Decides:" with lettered items; a request for an
        // advisory opinion whose quoted questions end with a question mark.
        let credentials = """
            74/98. Credentials of representatives

            The General Assembly,

            Having considered the report of the Credentials Committee and the recommendation contained therein,

            Approves the report of the Credentials Committee.1

            51st plenary meeting
            18 December 2019
            ____________
            1 A/74/600.
            """
        let r1 = try ResolutionParser.parse(credentials)
        #expect(Fixtures.structure(r1.paragraphs) == ["pp", "op?"])
        #expect(r1.paragraphs[1].footnotes == ["1"])

        let decides = """
            78/99. Revitalization of the work of the General Assembly

            The General Assembly,

            Recalling its resolution 58/316 of 1 July 2004,

            Decides:

            (a) To include the item in the provisional agenda of its seventy-ninth session;

            (b) To biennialize the consideration of the item.

            107th plenary meeting
            6 September 2024
            """
        let r2 = try ResolutionParser.parse(decides)
        #expect(r2.clauseAddresses == ["pp1", "op1", "op1(a)", "op1(b)"])

        let question = """
            77/99. Request for an advisory opinion

            The General Assembly,

            Recognizing the importance of the question,

            Decides, in accordance with Article 96 of the Charter, to request the Court to render an advisory opinion on the following question:

            "What are the obligations of States:

            (a) Towards other States;

            (b) Towards peoples, in particular:

            (i) The present generations;

            (ii) The future generations?"

            64th plenary meeting
            29 March 2023
            """
        let r3 = try ResolutionParser.parse(question)
        #expect(r3.clauseAddresses == ["pp1", "op1", "op2", "op2(a)", "op2(b)", "op2(b)(i)", "op2(b)(ii)"])
    }

    @Test func lettersAndRomanNumeralsAreToldApart() throws {
        // (i) after (h) is the ninth letter; (i) after (b) opens a list of roman numerals under
        // (b), which (v) after (iv) continues; (c) returns to the letters.
        var text = "79/98. A title\n\nThe General Assembly,\n\n1. Decides:\n\n"
        for l in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] { text += "(\(l)) Item \(l);\n\n" }
        text += "2. Requests:\n\n(a) First;\n\n(b) Second, including:\n\n"
        for r in ["i", "ii", "iii", "iv", "v"] { text += "(\(r)) Point \(r);\n\n" }
        text += "(c) Third.\n\n12th plenary meeting\n"
        let r = try ResolutionParser.parse(text)
        let addresses = r.clauseAddresses
        #expect(addresses.contains("op1(i)") && addresses.contains("op1(j)"))
        #expect(Array(addresses.suffix(9)) == ["op2", "op2(a)", "op2(b)", "op2(b)(i)", "op2(b)(ii)", "op2(b)(iii)", "op2(b)(iv)", "op2(b)(v)", "op2(c)"])
        #expect(r.paragraph(at: "op2(b)(v)")?.text == "Point v;")
    }

    @Test func onePartOfAResolutionAdoptedInParts() throws {
        let text = """
            Resolution adopted by the General Assembly on 11 August 2020

            [without reference to a Main Committee (A/74/L.80)]

            74/232. Follow-up to a conference of the least developed countries
            B1

                The General Assembly,

                Recalling its resolution 74/232 A of 19 December 2019,

                1. Decides to postpone the conference;2

                2. Also decides to keep the matter under review.

                                                                       11 August 2020
            ____________
            1 Resolution 74/232 becomes resolution 74/232 A.
            2 See A/74/L.80.
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.number == "74/232 B")
        #expect(r.symbol == "A/RES/74/232 B")
        #expect(r.session == 74)
        #expect(r.title == "Follow-up to a conference of the least developed countries")
        #expect(r.adopted == CivilDate(year: 2020, month: 8, day: 11))
        #expect(r.meeting == nil)
        #expect(r.footnotes.map(\.mark) == ["1", "2"])
        #expect(r.paragraph(at: "op1")?.footnotes == ["2"])
        #expect(r.paragraph(at: "op1")?.text == "Decides to postpone the conference;")
    }

    @Test func aFileHoldingPartsAAndBReadsPartAWithoutPartBsFootnotes() throws {
        let text = """
            76/96. Questions relating to information

            A

            Information in the service of humanity

            The General Assembly,

            Taking note of the report of the Committee on Information,

            1. Urges all countries to cooperate.

            49th plenary meeting
            9 December 2021

            B

            Global communications policies

            The General Assembly,

            Emphasizing the work of the Committee,1

            1. Requests a report.
            ____________
            1 A/76/21.

            49th plenary meeting
            9 December 2021
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.number == "76/96 A")
        #expect(r.paragraphs.map(\.text) == ["Taking note of the report of the Committee on Information,", "Urges all countries to cooperate."])
        #expect(r.footnotes.isEmpty)
    }

    @Test func resumedMeetings() throws {
        for line in ["93rd (resumed) plenary meeting", "93rd resumed plenary meeting", "93rd plenary meeting (resumed)"] {
            let text = "79/300. A title\n\nThe General Assembly,\n\n1. Decides.\n\n\(line)\n2 September 2025\n"
            let r = try ResolutionParser.parse(text)
            #expect(r.meeting == 93, "\(line)")
            #expect(r.adopted == CivilDate(year: 2025, month: 9, day: 2), "\(line)")
        }
    }

    @Test func aReissuedTextAndReferencesToCorrigenda() throws {
        let text = """
            United Nations                                                A/RES/75/282*
            General Assembly                                              Distr.: General
                                                                          1 June 2021
            Seventy-fifth session
            Agenda item 107

            Resolution adopted by the General Assembly on 26 May 2021

            [without reference to a Main Committee (A/75/L.93)]

            75/282. Countering the use of technologies for criminal purposes

                The General Assembly,

                Recalling the report of the Human Rights Council and its corrigendum
            (A/67/53 and A/67/53/Corr.1),1

                1. Welcomes the election of the officers of the Ad Hoc Committee;

                2. Decides to remain seized of the matter.

                                                                       72nd plenary meeting
                                                                                26 May 2021
            ____________
            1 Official Records of the General Assembly, Sixty-seventh Session, Supplement No. 53 and
            corrigendum (A/67/53 and A/67/53/Corr.1).

            * Reissued for technical reasons on 21 June 2021.
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.symbol == "A/RES/75/282")
        #expect(r.meeting == 72)
        #expect(r.adopted == CivilDate(year: 2021, month: 5, day: 26))
        #expect(r.paragraphs.first?.text == "Recalling the report of the Human Rights Council and its corrigendum (A/67/53 and A/67/53/Corr.1),")
        #expect(r.paragraphs.first?.footnotes == ["1"])
        #expect(Fixtures.count(r, .operative) == 2)
        #expect(r.footnotes.first?.text == "Official Records of the General Assembly, Sixty-seventh Session, Supplement No. 53 and corrigendum (A/67/53 and A/67/53/Corr.1).")
    }

    @Test func aReissueNoteWithoutARuleAndADateBeforeItsMeetingLine() throws {
        let text = """
            A/RES/75/283*

            Resolution adopted by the General Assembly on 26 May 2021

            75/283. A title

            The General Assembly,

            1. Decides to remain seized of the matter.

            26 May 2021
            72nd plenary meeting

            *Reissued for technical reasons on 21 June 2021.
            """
        let r = try ResolutionParser.parse(text)
        #expect(r.meeting == 72)
        #expect(r.adopted == CivilDate(year: 2021, month: 5, day: 26))
        #expect(r.paragraphs.map(\.text) == ["Decides to remain seized of the matter."])
        #expect(r.footnotes == [Footnote(mark: "*", text: "Reissued for technical reasons on 21 June 2021.")])
    }

    @Test func aTextCutInsideAListOfNormsIsRefused() {
        // 73/27 cut inside operative paragraph 1: the norms end with full stops, no closing lines.
        let text = """
            73/99. Developments in a field

            The General Assembly,

            Recalling its resolutions,

            1. Welcomes the following norms:

            1.1. States should cooperate.

            1.2. States should not harm.
            """
        do {
            _ = try ResolutionParser.parse(text)
            Issue.record("accepted")
        } catch {
            #expect(error.reason.hasPrefix("cut off: the text stops after op1.2, an item of a list"), "\(error.reason)")
        }
    }

    @Test func aTextWhosePageMarkersStopShortIsRefused() {
        let text = """
            73/98. A title

            The General Assembly,

            1. Decides to act.

            A/RES/73/98
            A title
            18-00001
            2/3

            2. Decides to remain seized of the matter.
            """
        do {
            _ = try ResolutionParser.parse(text)
            Issue.record("accepted")
        } catch {
            #expect(error.reason.hasPrefix("cut off: the text stops on page 2 of 3 (no page 3/3), after op2"))
        }
    }
}
