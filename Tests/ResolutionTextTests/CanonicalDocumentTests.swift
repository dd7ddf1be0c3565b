import Foundation
import Testing

@testable import ResolutionText

/// The frozen canonical document format: exact bytes, and a lossless round trip.
@Suite struct CanonicalDocumentTests {
    func roundTrip(_ r: Resolution, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = CanonicalDocument.render(r)
        #expect(text.hasSuffix("\n"), sourceLocation: sourceLocation)
        #expect(!text.contains("\r"), sourceLocation: sourceLocation)
        #expect(!text.dropFirst().contains("\n\n"), "blank line", sourceLocation: sourceLocation)
        let back = try CanonicalDocument.parse(text)
        #expect(back.title == r.title, sourceLocation: sourceLocation)
        #expect(back.paragraphs == r.paragraphs, sourceLocation: sourceLocation)
        #expect(back.footnotes == r.footnotes, sourceLocation: sourceLocation)
        // Rendering what was read gives the same bytes.
        #expect(CanonicalDocument.render(Resolution(title: back.title, paragraphs: back.paragraphs, footnotes: back.footnotes)) == text, sourceLocation: sourceLocation)
    }

    @Test(arguments: Fixtures.seedNumbers) func everySeedRoundTrips(_ number: String) throws {
        try roundTrip(try #require(Fixtures.seed(number)).resolution)
    }

    @Test func exactBytes() {
        let r = Resolution(
            symbol: "A/RES/1/1", number: "1/1", title: "A title",
            paragraphs: [
                Paragraph(index: 0, kind: .preambular, text: "Recalling its resolution 58/32,", footnotes: ["1"]),
                Paragraph(index: 1, kind: .operative, label: "1", text: "Invites all States:"),
                Paragraph(index: 2, kind: .subparagraph, label: "(a)", parent: 1, text: "To act;", footnotes: ["2", "3"]),
                Paragraph(index: 3, kind: .operative, label: "2", text: "Decides to remain seized of the matter."),
            ],
            footnotes: [Footnote(mark: "1", text: "See A/51/261, annex."), Footnote(mark: "2", text: "A/60/202."), Footnote(mark: "3", text: "")]
        )
        #expect(
            CanonicalDocument.render(r) == """
                A title
                Recalling its resolution 58/32, [^1]
                1. Invites all States:
                (a) To act; [^2] [^3]
                2. Decides to remain seized of the matter.
                [^1]: See A/51/261, annex.
                [^2]: A/60/202.
                [^3]: \("")

                """)
        #expect(CanonicalDocument.version == 1)
    }

    @Test func nilTitleIsAnEmptyFirstLine() throws {
        let r = Resolution(paragraphs: [Paragraph(index: 0, kind: .operative, label: "1", text: "Decides.")])
        #expect(CanonicalDocument.render(r) == "\n1. Decides.\n")
        try roundTrip(r)
        let empty = Resolution()
        #expect(CanonicalDocument.render(empty) == "\n")
        try roundTrip(empty)
    }

    @Test func preambularTextsThatLookLikeSomethingElseAreEscaped() throws {
        let texts = [
            "2. Something that looks operative,",
            "10. Also,",
            "1.1. A norm",
            "(a) Looks like a sub-paragraph,",
            "(second phase), then text",
            "[^1]: looks like a footnote",
            "[^not a footnote",
            "\\ starts with a backslash",
            "\\",
            "",
            "2015. A year and a full stop,",
        ]
        let paragraphs = texts.enumerated().map { Paragraph(index: $0.offset, kind: .preambular, text: $0.element) }
        let r = Resolution(title: "T", paragraphs: paragraphs)
        let lines = CanonicalDocument.render(r).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "\\2. Something that looks operative,")
        #expect(lines[4] == "\\(a) Looks like a sub-paragraph,")
        #expect(lines[6] == "\\[^1]: looks like a footnote")
        #expect(lines[8] == "\\\\ starts with a backslash")
        #expect(lines[10] == "\\")
        try roundTrip(r)
        // Not escaped: nothing else to mistake it for.
        let plain = Resolution(title: "T", paragraphs: [Paragraph(index: 0, kind: .preambular, text: "2015 was a year,")])
        #expect(CanonicalDocument.render(plain) == "T\n2015 was a year,\n")
        // A digit, a full stop and then a space only as part of the text's first word.
        let noSpace = Resolution(title: "T", paragraphs: [Paragraph(index: 0, kind: .preambular, text: "2015.", footnotes: ["1"])])
        #expect(CanonicalDocument.render(noSpace) == "T\n\\2015. [^1]\n")
        try roundTrip(noSpace)
    }

    @Test func referenceLikeTextIsKept() throws {
        let r = Resolution(
            title: "Title with [^1] inside",
            paragraphs: [
                Paragraph(index: 0, kind: .preambular, text: "A text with [^1] in the middle,", footnotes: ["2"]),
                Paragraph(index: 1, kind: .operative, label: "1", text: "Ends with a reference-like [^3]", footnotes: ["3"]),
                Paragraph(index: 2, kind: .operative, label: "2", text: "Ends with the separator [^]"),
                Paragraph(index: 3, kind: .operative, label: "3", text: "[^4]"),
                Paragraph(index: 4, kind: .operative, label: "4", text: "", footnotes: ["5"]),
                Paragraph(index: 5, kind: .preambular, text: "", footnotes: ["6"]),
                Paragraph(index: 6, kind: .operative, label: "5", text: "Brackets [a] and [^ x] and [^y z]."),
            ],
            footnotes: [Footnote(mark: "1", text: "[^2] inside a footnote"), Footnote(mark: "*", text: "A star.")]
        )
        let lines = CanonicalDocument.render(r).split(separator: "\n")
        #expect(lines[2] == "1. Ends with a reference-like [^3] [^] [^3]")
        #expect(lines[3] == "2. Ends with the separator [^] [^]")
        #expect(lines[4] == "3. [^4]")
        #expect(lines[5] == "4.  [^5]")
        try roundTrip(r)
    }

    @Test func labelsAndParents() throws {
        let r = Resolution(
            title: "T",
            paragraphs: [
                Paragraph(index: 0, kind: .subparagraph, label: "(a)", parent: nil, text: "A sub-paragraph before anything else;"),
                Paragraph(index: 1, kind: .preambular, text: "Recalling,"),
                Paragraph(index: 2, kind: .subparagraph, label: "(i)", parent: 1, text: "of a preambular paragraph,"),
                Paragraph(index: 3, kind: .operative, label: "10", text: "Ten:"),
                Paragraph(index: 4, kind: .subparagraph, label: "(aa)", parent: 3, text: "double letter;"),
                Paragraph(index: 5, kind: .subparagraph, label: "(12)", parent: 3, text: "a number;"),
                Paragraph(index: 6, kind: .operative, label: "1.1", text: "A decimal label."),
            ])
        try roundTrip(r)
        #expect(CanonicalDocument.render(r).contains("\n(aa) double letter;\n10. Ten:") == false)
        #expect(CanonicalDocument.render(r).contains("\n10. Ten:\n(aa) double letter;\n(12) a number;\n1.1. A decimal label.\n"))
    }

    @Test func footnoteTextsAreVerbatim() throws {
        let r = Resolution(
            title: nil,
            paragraphs: [Paragraph(index: 0, kind: .operative, label: "1", text: "Decides.", footnotes: ["1", "a"])],
            footnotes: [Footnote(mark: "1", text: "  leading spaces and ]: odd [^x] things "), Footnote(mark: "a", text: "")])
        try roundTrip(r)
    }

    @Test func malformedDocumentsAreRefused() {
        func error(_ text: String) -> String? {
            do {
                _ = try CanonicalDocument.parse(text)
                return nil
            } catch {
                #expect(error.category == .malformedDocument)
                return error.reason
            }
        }
        #expect(error("") == "not a canonical document: line 1: empty document (no title line)")
        #expect(error("T\n\n1. x\n") == "not a canonical document: line 2: blank line")
        #expect(error("T\n[^1]: a\n1. x\n") == "not a canonical document: line 3: a paragraph after the footnotes")
        #expect(error("T\n(a)x y\n") == "not a canonical document: line 2: a line starting with '(' must be a sub-paragraph '(label) text'")
        #expect(error("T\n[^1] no colon\n") == "not a canonical document: line 2: a line starting with '[^' must be a footnote '[^mark]: text'")
        #expect(error("T\r\n1. x\r\n") == "not a canonical document: line 1: carriage return (the format uses LF line endings)")
        // A missing final newline is tolerated.
        #expect(error("T\n1. x") == nil)
    }

    @Test func parentIsTheNearestNonSubparagraph() throws {
        let doc = "T\nRecalling,\n(a) one,\n1. Decides:\n(a) x;\n(b) y;\n2. Also.\n"
        let p = try CanonicalDocument.parse(doc).paragraphs
        #expect(Fixtures.structure(p) == ["pp", "(a)^0", "op1", "(a)^2", "(b)^2", "op2"])
    }
    // MARK: Nested items (the compatible extension of version 1)

    /// A resolution with every nesting the extension writes: dotted items under their
    /// paragraph and under another dotted item, lettered items under a dotted item, roman
    /// items under a lettered item, and a third level below.
    static let nested = Resolution(
        title: "T",
        paragraphs: [
            Paragraph(index: 0, kind: .preambular, text: "Recalling,"),
            Paragraph(index: 1, kind: .subparagraph, label: "(a)", parent: 0, text: "first,"),
            Paragraph(index: 2, kind: .operative, label: "1", text: "Welcomes the following norms:"),
            Paragraph(index: 3, kind: .subparagraph, label: "1.1", parent: 2, text: "States should cooperate.", footnotes: ["1"]),
            Paragraph(index: 4, kind: .subparagraph, label: "1.2", parent: 2, text: "States should, in particular:"),
            Paragraph(index: 5, kind: .subparagraph, label: "1.2.1", parent: 4, text: "exchange information;"),
            Paragraph(index: 6, kind: .subparagraph, label: "(a)", parent: 4, text: "assist each other;"),
            Paragraph(index: 7, kind: .operative, label: "2", text: "Invites States to report on:"),
            Paragraph(index: 8, kind: .subparagraph, label: "(a)", parent: 7, text: "General appreciation;"),
            Paragraph(index: 9, kind: .subparagraph, label: "(b)", parent: 7, text: "Efforts taken, including:"),
            Paragraph(index: 10, kind: .subparagraph, label: "(i)", parent: 9, text: "At the national level;"),
            Paragraph(index: 11, kind: .subparagraph, label: "(ii)", parent: 9, text: "At the regional level, by:"),
            Paragraph(index: 12, kind: .subparagraph, label: "(A)", parent: 11, text: "cooperation;"),
            Paragraph(index: 13, kind: .subparagraph, label: "(c)", parent: 7, text: "The content of the concepts."),
        ],
        footnotes: [Footnote(mark: "1", text: "A/70/174.")])

    @Test func nestedItemsHaveLinesOfTheirOwnShape() throws {
        #expect(
            CanonicalDocument.render(Self.nested) == """
                T
                Recalling,
                (a) first,
                1. Welcomes the following norms:
                1.1. States should cooperate. [^1]
                1.2. States should, in particular:
                1.2.1. exchange information;
                (1.2)(a) assist each other;
                2. Invites States to report on:
                (a) General appreciation;
                (b) Efforts taken, including:
                (b)(i) At the national level;
                (b)(ii) At the regional level, by:
                (b)(ii)(A) cooperation;
                (c) The content of the concepts.
                [^1]: A/70/174.

                """)
        try roundTrip(Self.nested)
        #expect(Self.nested.clauseAddresses == [
            "pp1", "pp1(a)", "op1", "op1.1", "op1.2", "op1.2.1", "op1.2(a)", "op2", "op2(a)", "op2(b)", "op2(b)(i)", "op2(b)(ii)",
            "op2(b)(ii)(A)", "op2(c)",
        ])
    }

    @Test func version1DocumentsReadAsBefore() throws {
        // Every line shape version 1 wrote reads as it did: a single bracketed label is an item of
        // the nearest paragraph that is not one; a numbered label is an operative paragraph, and
        // so is a dotted one when no paragraph carries its prefix.
        let doc = "T\nRecalling,\n(a) one,\n1. Decides:\n(a) x;\n(i) y;\n(b) z;\n2. Also.\n3.1. A decimal label.\n"
        let p = try CanonicalDocument.parse(doc).paragraphs
        #expect(Fixtures.structure(p) == ["pp", "(a)^0", "op1", "(a)^2", "(i)^2", "(b)^2", "op2", "op3.1"])
        // The bundled seeds' documents (pinned in ExpectedDocuments) are written byte for byte.
        for number in Fixtures.seedNumbers {
            let seed = try #require(Fixtures.seed(number))
            #expect(CanonicalDocument.render(seed.resolution) == ExpectedDocuments.byNumber[number]! + "\n", "\(number)")
        }
    }

    @Test func preambularTextShapedLikeANewLineIsEscaped() throws {
        let texts = [". Adopts, looks like an unnumbered operative paragraph,", "(b)(i) looks nested,", "1.2.1. looks dotted,", ".5 per cent,"]
        let r = Resolution(title: "T", paragraphs: texts.enumerated().map { Paragraph(index: $0.offset, kind: .preambular, text: $0.element) })
        let lines = CanonicalDocument.render(r).split(separator: "\n")
        #expect(lines[1] == "\\. Adopts, looks like an unnumbered operative paragraph,")
        #expect(lines[2] == "\\(b)(i) looks nested,")
        #expect(lines[3] == "\\1.2.1. looks dotted,")
        #expect(lines[4] == ".5 per cent,")
        try roundTrip(r)
    }

    @Test func anUnnumberedOperativeParagraphHasAnEmptyLabel() throws {
        let r = Resolution(title: "T", paragraphs: [Paragraph(index: 0, kind: .operative, text: "Adopts the declaration annexed to the present resolution.")])
        #expect(CanonicalDocument.render(r) == "T\n. Adopts the declaration annexed to the present resolution.\n")
        try roundTrip(r)
    }

    @Test func aNestedItemWithoutItsParentIsRefused() {
        do {
            _ = try CanonicalDocument.parse("T\n1. Decides:\n(b)(i) x;\n")
            Issue.record("accepted")
        } catch {
            #expect(error.reason == "not a canonical document: line 3: no item (b) precedes the nested item (b)(i)")
        }
    }
}
