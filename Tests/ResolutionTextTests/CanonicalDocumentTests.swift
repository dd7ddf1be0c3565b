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
}
