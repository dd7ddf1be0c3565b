import Foundation
import Testing

@testable import ResolutionText

/// The recognisers the parser is built from: footnote marks, hyphenation, furniture, metadata.
@Suite struct RecogniserTests {
    func scalars(_ s: String) -> Scalars { Scalars(scalarsOf: s) }

    // MARK: Footnote marks

    @Test func bareMarksOnlyWhereAFootnoteExistsAndTheContextFits() {
        var scanner = FootnoteMarks.Scanner(footnotes: (1...5).map { Footnote(mark: String($0), text: "x") })
        func extract(_ s: String) -> (String, [String]) {
            let (text, marks) = scanner.extract(TextNormalizer.clean(scalars(s)))
            return (text.string, marks)
        }
        // Real numbers are never touched (and do not count as marks).
        let numbers = "resolution 58/32, in 2012, paragraphs 1 to 3, A/C.2/59/3, Add.1 and Corr.1, No. 2, 1,000 people, CO2 and G20, 1.2. States, 21-18253, from 12 to 16 July 2004 in"
        #expect(extract(numbers) == (numbers, []))
        #expect(extract("that it made,1") == ("that it made,", ["1"]))
        #expect(extract("(second phase),2") == ("(second phase),", ["2"]))
        #expect(extract("International Security,2 to continue") == ("International Security, to continue", ["2"]))
        #expect(extract("in its 2013 3 and 20152 reports,") == ("in its 2013 and 2015 reports,", ["3", "2"]))
        #expect(extract("the 2010, 1 2013 2 and 2015 3 reports") == ("the 2010, 2013 and 2015 reports", ["1", "2", "3"]))
        #expect(extract("by the 2010,1 20132 and 20153 reports") == ("by the 2010, 2013 and 2015 reports", ["1", "2", "3"]))
        #expect(extract("5 July 20124 and 26 June 20145 on") == ("5 July 2012 and 26 June 2014 on", ["4", "5"]))
        #expect(extract("the Group's work4") == ("the Group's work", ["4"]))
        #expect(extract("Security;3") == ("Security;", ["3"]))
        // Footnote 6 does not exist: a number, not a mark.
        #expect(extract("made,6") == ("made,6", []))
    }

    @Test func bareMarksFollowTheOrderOfFootnotes() {
        // Footnotes are numbered in order of first reference: "3" cannot come before "1".
        var scanner = FootnoteMarks.Scanner(footnotes: (1...3).map { Footnote(mark: String($0), text: "x") })
        #expect(scanner.extract(scalars("in 2012, 3 countries,")).text.string == "in 2012, 3 countries,")
        #expect(scanner.extract(scalars("made,1 and ;2")).marks == ["1", "2"])
        #expect(scanner.extract(scalars("in 2012, 3 countries,")).marks == ["3"])
    }

    @Test func explicitMarks() {
        var scanner = FootnoteMarks.Scanner(footnotes: [])
        for input in ["made,¹", "made,<sup>1</sup>", "made,$^{^1}$", "made,$^{1}$", "made,^{1}", "made,[^1]", "made, ¹"] {
            let (text, marks) = scanner.extract(TextNormalizer.clean(scalars(input)))
            #expect(text.string == "made,", "\(input)")
            #expect(marks == ["1"], "\(input)")
        }
        let (text, marks) = scanner.extract(TextNormalizer.clean(scalars("Security,⁴ to continue and ¹²")))
        #expect(text.string == "Security, to continue and")
        #expect(marks == ["4", "12"])
    }

    @Test func footnoteDefinitionLines() {
        #expect(FootnoteMarks.explicitDefinition(scalars("¹ See A/51/261, annex."))?.mark == "1")
        #expect(FootnoteMarks.explicitDefinition(scalars("⁴ See A/65/201."))?.mark == "4")
        #expect(FootnoteMarks.explicitDefinition(scalars("<sup>3</sup> A/54/213"))?.mark == "3")
        #expect(FootnoteMarks.explicitDefinition(scalars("$^{^2}$ A/54/213, A/55/140"))?.text.string == "A/54/213, A/55/140")
        #expect(FootnoteMarks.explicitDefinition(scalars("[^12]: See above."))?.mark == "12")
        #expect(FootnoteMarks.explicitDefinition(scalars("¹ to continue")) == nil)  // a wrapped line, not a note
        #expect(FootnoteMarks.bareDefinition(scalars("3  A/54/213, A/55/140"))?.number == 3)
        #expect(FootnoteMarks.bareDefinition(scalars("1 See A/51/261, annex."))?.number == 1)
        #expect(FootnoteMarks.bareDefinition(scalars("2 December 2014")) == nil)
        #expect(FootnoteMarks.bareDefinition(scalars("1 to 3 of resolutions 53/70")) == nil)
        #expect(FootnoteMarks.bareDefinition(scalars("1. Calls upon")) == nil)
        #expect(FootnoteMarks.bareDefinition(scalars("3")) == nil)
    }

    // MARK: Text

    @Test func cleaning() {
        func clean(_ s: String) -> String { TextNormalizer.droppingMarks(TextNormalizer.clean(scalars(s))).string }
        #expect(clean("*Calls upon*  Member\tStates") == "Calls upon Member States")
        #expect(clean("**Bold** and _italic_ but snake_case") == "Bold and italic but snake_case")
        #expect(clean("“Developments” and the Group’s ‘work’") == "\"Developments\" and the Group's 'work'")
        #expect(clean("e\u{FB03}cient co\u{AD}operation\u{200B}") == "efficient cooperation")
        #expect(clean("<i>Noting</i> that<br/>x") == "Noting that x")
        #expect(clean("a < b and c > d") == "a < b and c > d")
        #expect(clean("2021\u{2013}2025, above-mentioned") == "2021\u{2013}2025, above-mentioned")
        #expect(clean("  \u{A0}padded\u{A0} ") == "padded")
    }

    @Test func hyphenationRule() {
        let none = Hyphenation(source: { [] })
        #expect(none.keepsHyphen(before: scalars("the Secretary-"), after: scalars("General")))  // capital: real
        #expect(none.keepsHyphen(before: scalars("the non-"), after: scalars("State actors")))
        #expect(!none.keepsHyphen(before: scalars("the strength-"), after: scalars("ening of")))  // a word break
        #expect(none.keepsHyphen(left: "sixty", right: "second"))  // number words
        #expect(none.keepsHyphen(left: "above", right: "mentioned"))  // usual second element
        #expect(none.keepsHyphen(left: "confidence", right: "building"))
        #expect(!none.keepsHyphen(left: "informa", right: "tion"))
        let document = Hyphenation(source: { [Scalars(scalarsOf: "peacebuilding and well-known cyber-attacks, multilateral")] })
        #expect(!document.keepsHyphen(left: "peace", right: "building"))  // the joined word is used elsewhere
        #expect(document.keepsHyphen(left: "cyber", right: "attacks"))  // the compound is used elsewhere
        #expect(!document.keepsHyphen(left: "multi", right: "lateral"))
    }

    @Test func hyphenationInAWrappedResolution() throws {
        let text = """
             1/1. Strengthening of coordination

             The General Assembly,

             Recalling its call for confidence-building measures, multilateral cooperation and the strength-
            ening of coordination at its sixty-
            second session, the above-
            mentioned report, the confidence-
            building measures of the Secretary-
            General and a multi-
            lateral approach, and the peace-
            building efforts, and peacebuilding,

             1. Decides to remain seized of the matter.
            """
        let r = try ResolutionParser.parse(text)
        #expect(
            r.paragraphs[0].text
                == "Recalling its call for confidence-building measures, multilateral cooperation and the strengthening of coordination at its sixty-second session, the above-mentioned report, the confidence-building measures of the Secretary-General and a multilateral approach, and the peacebuilding efforts, and peacebuilding,"
        )
    }

    // MARK: Furniture

    @Test func furnitureLines() {
        for line in [
            "21-18253", "14-66151 (E)", "18-21207 (E)    131218", "*2118253*", "*1466151*Please recycle", "2/3", "3", "[DU1]",
            "[DU1]<<ODS JOB NO>>N1466240E<<ODS JOB NO>>", "<<ODS DOC SYMBOL2>><<ODS DOC SYMBOL2>>",
            "United NationsA/RES/69/28General AssemblyDistr.: General", "United Nations", "General Assembly", "# General Assembly",
            "Distr.: General 16 December 2004", "Sixty-ninth session", "Agenda item 91", "A/RES/76/19", "A/RES/69/28*",
            "Resolution adopted by the General Assembly on 2 December 2014", "- 2 -", "Page 3", "Page 3 of 5",
        ] {
            #expect(Furniture.isFurniture(scalars(line)), "\(line)")
        }
        for line in [
            "General Assembly resolutions 68/167 of 18 December 2013 and 69/166 of",
            "2001, 57/53 of 22 November 2002, 58/32 of 8 December 2003, 59/61 of 3 December",
            "1. Calls upon", "(a) General appreciation", "58/32", "the General Assembly at its sixty-fifth session",
            "12 December 2019, 75/32 of 7 December 2020 and 75/240 of 31 December 2020, as",
            "United Nations Institute for Disarmament Research in convening", "- (a) General", "Page 3 is blank",
        ] {
            #expect(!Furniture.isFurniture(scalars(line)), "\(line)")
        }
        #expect(Furniture.isRule(scalars("_______________ ")))
        #expect(Furniture.isRule(scalars("---")))
        #expect(!Furniture.isRule(scalars("--")))
        #expect(!Furniture.isRule(scalars("- (a) General")))
    }

    @Test func runningHeadsNeedAnAnchorAndTheWholeTitle() {
        let title = "Developments in the field of information and telecommunications in the context of international security"
        let lines = SourceLines.split(
            """
            in the context of international security
            Developments in the field of information and telecommunications
            in the context of international security
            A/RES/73/27

            3/5
            Developments in the field of information and telecommunications
            in the context of international security, as well as
            """)
        let heads = Furniture.runningHeads(in: lines, range: 0..<lines.count, title: title)
        #expect(heads == [1, 2, 3])  // "3/5" is furniture by its shape; lines 6-7 are a paragraph
    }

    // MARK: Metadata

    @Test func headings() {
        #expect(Metadata.heading(scalars("69/28.\tDevelopments in the field"))?.number == "69/28")
        #expect(Metadata.heading(scalars("### **63/37. Developments**"))?.number == "63/37")
        #expect(Metadata.heading(scalars(" 61/54. Developments in the field of information"))?.number == "61/54")
        #expect(Metadata.heading(scalars("43/78 H. Scientific and technological developments"))?.number == "43/78 H")
        #expect(Metadata.heading(scalars("58/32, established")) == nil)
        #expect(Metadata.heading(scalars("2018/19. Annual report")) == nil)
        #expect(Metadata.heading(scalars("12/25. a lower-case title")) == nil)
        #expect(Metadata.heading(scalars("69/28.5 Developments")) == nil)
    }

    @Test func meetingLines() {
        #expect(Metadata.plenaryMeeting(scalars("66th plenary meeting 3 December 2004"))! == (66, CivilDate(year: 2004, month: 12, day: 3)))
        #expect(Metadata.plenaryMeeting(scalars("*61st plenary meeting"))! == (61, nil))
        #expect(Metadata.plenaryMeeting(scalars("62nd plenary meeting"))! == (62, nil))
        #expect(Metadata.plenaryMeeting(scalars("73rd (resumed) plenary meeting"))! == (73, nil))
        #expect(Metadata.plenaryMeeting(scalars("99th plenary meeting (resumed), 5 May 2021"))! == (99, CivilDate(year: 2021, month: 5, day: 5)))
        #expect(Metadata.plenaryMeeting(scalars("62nd plenary meeting, held on the question of")) == nil)
        #expect(Metadata.plenaryMeeting(scalars("2 December 2014")) == nil)
    }

    @Test func headerPhrases() {
        #expect(Metadata.session(in: scalars("11 December 2014Sixty-ninth session")) == 69)
        #expect(Metadata.session(in: scalars("Fifty-ninth session Agenda item 60")) == 59)
        #expect(Metadata.session(in: scalars("Seventieth session")) == 70)
        #expect(Metadata.session(in: scalars("Tenth emergency special session")) == nil)
        #expect(Metadata.agendaItem(in: scalars("Fifty-ninth session Agenda item 60")) == 60)
        #expect(Metadata.agendaItem(in: scalars("Agenda items 14 and 117")) == 14)
        #expect(Metadata.committeeReport(in: scalars("[on the report of the First Committee (A/76/439, para. 7)]")) == "A/76/439")
        #expect(Metadata.committeeReport(in: scalars("[on the report of the Third Committee (A/76/462/Add.2)]")) == "A/76/462/Add.2")
        #expect(Metadata.committeeReport(in: scalars("[without reference to a Main Committee (A/69/L.1)]")) == nil)
        #expect(Metadata.adoptionDate(in: scalars("Resolution adopted by the General Assembly on 6 December 2021")) == CivilDate(year: 2021, month: 12, day: 6))
        #expect(Metadata.adoptionDate(in: scalars("Resolution adopted by the General Assembly [on the report")) == nil)
        #expect(Ordinals.value("Sixty-ninth") == 69)
        #expect(Ordinals.value("eightieth") == 80)
        #expect(Ordinals.value("sixty-tenth") == nil)
    }
}
