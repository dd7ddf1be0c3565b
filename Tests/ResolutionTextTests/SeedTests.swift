import Foundation
import Testing

@testable import ResolutionText

/// The five bundled seeds: every metadata field, the structure of the body, the exact text of
/// every paragraph and footnote (through the hand-verified canonical documents), and the facts
/// each format makes hard.
@Suite struct SeedTests {
    static let title = "Developments in the field of information and telecommunications in the context of international security"

    struct Metadata: Sendable, CustomTestStringConvertible {
        var number: String
        var symbol: String
        var session: Int
        var adopted: String?
        var meeting: Int?
        var agendaItem: Int?
        var committeeReport: String?
        var counts: (preambular: Int, operative: Int, sub: Int, footnotes: Int)
        var testDescription: String { number }
    }

    static let metadata: [Metadata] = [
        Metadata(number: "59/61", symbol: "A/RES/59/61", session: 59, adopted: "2004-12-03", meeting: 66, agendaItem: 60, committeeReport: "A/59/454", counts: (13, 6, 3, 2)),
        Metadata(number: "61/54", symbol: "A/RES/61/54", session: 61, adopted: nil, meeting: nil, agendaItem: nil, committeeReport: nil, counts: (16, 5, 4, 4)),
        Metadata(number: "63/37", symbol: "A/RES/63/37", session: 63, adopted: "2008-12-02", meeting: 61, agendaItem: 85, committeeReport: "A/63/385", counts: (16, 5, 4, 4)),
        Metadata(number: "65/41", symbol: "A/RES/65/41", session: 65, adopted: "2010-12-08", meeting: 60, agendaItem: 92, committeeReport: "A/65/405", counts: (17, 5, 4, 4)),
        Metadata(number: "69/28", symbol: "A/RES/69/28", session: 69, adopted: "2014-12-02", meeting: 62, agendaItem: 91, committeeReport: "A/69/435", counts: (18, 5, 4, 4)),
    ]

    @Test func allFiveSeedsAreInTheCorpus() {
        for n in Fixtures.seedNumbers { #expect(Fixtures.seeds[n] != nil, "no seed file is resolution \(n)") }
    }

    @Test(arguments: metadata) func metadataOf(_ m: Metadata) throws {
        let r = try #require(Fixtures.seed(m.number)).resolution
        #expect(r.symbol == m.symbol)
        #expect(r.number == m.number)
        #expect(r.session == m.session)
        #expect(r.title == Self.title)
        #expect(r.adopted?.iso == m.adopted)
        #expect(r.meeting == m.meeting)
        #expect(r.agendaItem == m.agendaItem)
        #expect(r.committeeReport == m.committeeReport)
        #expect(Fixtures.count(r, .preambular) == m.counts.preambular)
        #expect(Fixtures.count(r, .operative) == m.counts.operative)
        #expect(Fixtures.count(r, .subparagraph) == m.counts.sub)
        #expect(r.footnotes.count == m.counts.footnotes)
        #expect(r.footnotes.map(\.mark) == (1...m.counts.footnotes).map(String.init))
    }

    /// (kind, label, parent) of every paragraph, and indexes counting from 0.
    @Test func structureOfEveryBody() throws {
        func pp(_ n: Int) -> [String] { Array(repeating: "pp", count: n) }
        let expected: [String: [String]] = [
            "59/61": pp(13) + ["op1", "op2", "op3", "(a)^15", "(b)^15", "(c)^15", "op4", "op5", "op6"],
            "61/54": pp(16) + ["op1", "op2", "op3", "(a)^18", "(b)^18", "(c)^18", "(d)^18", "op4", "op5"],
            "63/37": pp(16) + ["op1", "op2", "op3", "(a)^18", "(b)^18", "(c)^18", "(d)^18", "op4", "op5"],
            "65/41": pp(17) + ["op1", "op2", "op3", "(a)^19", "(b)^19", "(c)^19", "(d)^19", "op4", "op5"],
            "69/28": pp(18) + ["op1", "op2", "op3", "(a)^20", "(b)^20", "(c)^20", "(d)^20", "op4", "op5"],
        ]
        for (number, structure) in expected {
            let r = try #require(Fixtures.seed(number)).resolution
            #expect(Fixtures.structure(r.paragraphs) == structure, "\(number)")
            #expect(r.paragraphs.map(\.index) == Array(0..<r.paragraphs.count), "\(number)")
            #expect(r.paragraphs.allSatisfy { ($0.kind == .preambular) == ($0.label == nil) }, "\(number)")
            #expect(r.paragraphs.allSatisfy { ($0.kind == .subparagraph) == ($0.parent != nil) }, "\(number)")
        }
    }

    /// Which paragraphs refer to which footnotes.
    @Test func footnoteReferences() throws {
        let expected: [String: [String: [String]]] = [
            "59/61": ["pp6": ["1"], "pp11": ["2"]],
            "61/54": ["pp6": ["1"], "pp7": ["2"], "pp12": ["3"], "pp16": ["4"]],
            "63/37": ["pp6": ["1"], "pp7": ["2"], "pp12": ["3"], "pp16": ["4"]],
            "65/41": ["pp6": ["1"], "pp7": ["2"], "pp12": ["3"], "pp16": ["4"], "op3": ["4"]],
            "69/28": ["pp6": ["1"], "pp7": ["2"], "pp13": ["3"], "pp17": ["4"], "op3": ["4"]],
        ]
        for (number, refs) in expected {
            let r = try #require(Fixtures.seed(number)).resolution
            var actual: [String: [String]] = [:]
            for (p, address) in zip(r.paragraphs, r.clauseAddresses) where !p.footnotes.isEmpty {
                actual[address] = p.footnotes
            }
            #expect(actual == refs, "\(number)")
        }
    }

    /// The exact text of every paragraph and footnote, through the hand-verified documents.
    @Test(arguments: Fixtures.seedNumbers) func canonicalDocumentMatchesTheVerifiedOne(_ number: String) throws {
        let r = try #require(Fixtures.seed(number)).resolution
        let expected = try #require(ExpectedDocuments.byNumber[number]) + "\n"
        let actual = CanonicalDocument.render(r)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, (x, y)) in zip(a, e).enumerated() where x != y {
                Issue.record("\(number) line \(i + 1):\n  got      \(x)\n  expected \(y)")
            }
            #expect(a.count == e.count, "\(number): line count")
        }
    }

    /// No furniture, markup or mark survives into any paragraph or footnote of any seed.
    @Test func textsAreClean() throws {
        for number in Fixtures.seedNumbers {
            let r = try #require(Fixtures.seed(number)).resolution
            let texts = r.paragraphs.map(\.text) + r.footnotes.map(\.text) + [r.title ?? ""]
            for t in texts {
                for bad in ["*", "<sup>", "$^", "\t", "  ", "\u{201C}", "\u{201D}", "\u{2019}", "A/RES/", "ODS", "DU1", "plenary meeting", "Distr.", "recycle", "¹", "²", "³", "⁴", "The General Assembly,"] {
                    #expect(!t.contains(bad), "\(number): \(bad.debugDescription) in \(t.prefix(60))…")
                }
                #expect(t == t.trimmingCharacters(in: .whitespaces), "\(number): untrimmed \(t.prefix(40))")
            }
            for p in r.paragraphs where p.kind != .preambular {
                #expect(!(p.text.first?.isNumber ?? false) && !p.text.hasPrefix("("), "\(number): label left in \(p.text.prefix(20))")
            }
        }
    }

    // MARK: - Facts each format makes hard

    @Test func plainText_5961_footnoteBlockSplittingOperativeFiveIsRejoined() throws {
        let r = try #require(Fixtures.seed("59/61")).resolution
        let op5 = try #require(r.paragraph(at: "op5"))
        #expect(
            op5.text
                == "Also notes with satisfaction that the group of governmental experts established by the Secretary-General held its first session from 12 to 16 July 2004 in New York and that it intends to convene two more sessions in 2005 to fulfil its mandate specified in resolution 58/32;"
        )
        #expect(op5.footnotes.isEmpty)
        #expect(r.paragraph(at: "op4")?.text.hasPrefix("Notes with satisfaction that the Secretary-General") == true)
        #expect(r.footnotes[1].text == "A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1, A/57/166 and Add.1, A/58/373 and A/59/116 and Add.1.")
        // The plenary line dates it, not "Distr.: General 16 December 2004".
        #expect(r.adopted == CivilDate(year: 2004, month: 12, day: 3))
    }

    @Test func pdfExtract_6154_hasNoAdoptionMetadataAndStraightApostrophes() throws {
        let r = try #require(Fixtures.seed("61/54")).resolution
        #expect(r.adopted == nil)
        #expect(r.meeting == nil)
        #expect(r.agendaItem == nil)
        #expect(r.committeeReport == nil)
        let pp16 = try #require(r.paragraph(at: "pp16"))
        #expect(pp16.text.hasSuffix("prepared on the basis of the results of the Group's work,"))
        #expect(pp16.footnotes == ["4"])
        #expect(r.paragraph(at: "pp6")?.text.hasSuffix("the recommendations that it made,") == true)
        #expect(r.paragraph(at: "pp12")?.footnotes == ["3"])
        // Real numbers stay: "paragraphs 1 to 3 of resolutions 53/70, …"
        #expect(r.paragraph(at: "pp11")?.text.contains("pursuant to paragraphs 1 to 3 of resolutions 53/70, 54/49,") == true)
        #expect(r.paragraph(at: "op5")?.text.hasSuffix("the item entitled \"Developments in the field of information and telecommunications in the context of international security\".") == true)
        #expect(r.footnotes[2].text == "A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1, A/57/166 and Add.1, A/58/373, A/59/116 and Add.1, A/60/95 and Add.1 and A/61/161.")
    }

    @Test func markdown_6337_isReadWithoutItsMarkup() throws {
        let r = try #require(Fixtures.seed("63/37")).resolution
        #expect(r.paragraph(at: "pp1")?.text.hasPrefix("Recalling its resolutions 53/70 of 4 December 1998") == true)
        #expect(r.paragraph(at: "op3(d)")?.text == "Possible measures that could be taken by the international community to strengthen information security at the global level;")
        #expect(r.paragraph(at: "op1")?.text.hasPrefix("Calls upon Member States") == true)
        #expect(r.footnotes[3] == Footnote(mark: "4", text: "A/60/202."))
    }

    @Test func unicodeMarks_6541_markInsideTheParagraph() throws {
        let r = try #require(Fixtures.seed("65/41")).resolution
        let op3 = try #require(r.paragraph(at: "op3"))
        #expect(op3.text.contains("in the Context of International Security, to continue to inform"))
        #expect(op3.footnotes == ["4"])
        #expect(r.paragraph(at: "op4")?.text.contains("the above-mentioned report") == true)
    }

    @Test func wordExport_6928_metadataFromTheTrailingFurniture() throws {
        let r = try #require(Fixtures.seed("69/28")).resolution
        #expect(r.agendaItem == 91)
        #expect(r.meeting == 62)
        #expect(r.adopted == CivilDate(year: 2014, month: 12, day: 2))
        #expect(r.committeeReport == "A/69/435")
        #expect(r.session == 69)
        // OCR errors in footnotes are kept as published.
        #expect(r.footnotes[2].text.hasPrefix("A/54/213, A/55/140 and Corr.l and Add.l, A/56/164 and Add.l,"))
        #expect(r.footnotes[2].text.hasSuffix("A/68/156 and Add.1 and A/69/112 and Add.1."))
        #expect(r.paragraph(at: "op3")?.text.contains("International Security, to continue") == true)
        #expect(r.paragraph(at: "pp17")?.text.hasSuffix("transmitted by the Secretary-General,") == true)
        #expect(r.paragraph(at: "pp6")?.text.hasSuffix("that were made,") == true)
    }

    @Test func everyFootnoteIsReferencedAndEveryReferenceDefined() throws {
        for number in Fixtures.seedNumbers {
            let r = try #require(Fixtures.seed(number)).resolution
            let referenced = Set(r.paragraphs.flatMap(\.footnotes))
            #expect(referenced == Set(r.footnotes.map(\.mark)), "\(number)")
        }
    }
}
