import Foundation
import TestSupport
import Testing

@testable import Lineage

/// Phrases as people type them: hyphens, dashes, spacing and case do not matter; a phrase that
/// names a clause says which, and refuses when it could name several.
@Suite struct PhraseMatchingTests {
    /// The error a throwing call raises, if it is a ``LineageError``.
    func lineageError(_ body: () throws -> Void) -> LineageError? {
        do {
            try body()
            return nil
        } catch let error as LineageError {
            return error
        } catch {
            return nil
        }
    }

    @Test func hyphensDashesSpacingAndCaseAreFolded() {
        let cases: [(phrase: String, text: String)] = [
            ("open ended working group", "Supports the open-ended working group on security"),
            ("open ended working group", "the consensus final report of the Open-ended Working Group on Developments"),
            ("OPEN-ENDED   working\ngroup", "the Open-ended Working Group"),
            ("open-ended", "an open ended group"),
            ("2021-2025", "technologies 2021\u{2013}2025, and acknowledges"),  // en dash
            ("2021 - 2025", "2021\u{2014}2025"),  // em dash
            ("Secretary General", "Requests the Secretary-General to submit"),
            ("secretary-general", "the Secretary\u{2011}General"),  // non-breaking hyphen
            ("minus 5", "minus\u{2212}5"),  // minus sign
            ("non binding", "voluntary, non\u{2010}binding norms"),  // hyphen
            ("capacity building", "capa\u{00AD}city-building"),  // soft hyphen: invisible
            ("\u{201C}first\u{201D}", "the \"first\" session"),
        ]
        for (phrase, text) in cases {
            #expect(PhrasePattern(phrase).matches(text), "\(phrase) in \(text)")
        }
        #expect(!PhrasePattern("open ended working group").matches("an open, ended working group"))
        #expect(!PhrasePattern("nonbinding").matches("non-binding"))  // a hyphen separates words
        #expect(PhrasePattern("- \u{2014} -").isEmpty)
        // The byte-by-byte path for ASCII text and the one for any text agree.
        for text in ["Open-ended  Working\tGroup", "a-b - c--d", "-lead and trail-", "MIXED case-Text"] {
            #expect(PhrasePattern.normalize(text) == PhrasePattern.normalizeCharacters(text), "\(text)")
        }
        #expect(PhrasePattern.normalize("Open-ended  Working\tGroup") == "open ended working group")
    }

    @Test func anExcerptShowsThePhraseInItsWordsWithoutControls() {
        let text = "Supports the open-ended working group on security of and in the use of information and communications technologies 2021\u{2013}2025, and acknowledges its mandate in accordance with General Assembly resolution 75/240;"
        let excerpt = PhrasePattern("communications technologies 2021-2025").excerpt(of: text, width: 60)
        #expect(excerpt == "…information and communications technologies 2021\u{2013}2025, and acknowledges…")
        #expect(PhrasePattern("supports the").excerpt(of: text, width: 20) == "Supports the open-ended…")
        #expect(PhrasePattern("absent").excerpt(of: text) == nil)
        #expect(PhrasePattern("evil").excerpt(of: "an \u{202E}evil\u{202C} text") == "an evil text")
    }

    @Test func searchFindsTheOpenEndedWorkingGroupIn7619() throws {
        let dir = ScratchDirectory()
        _ = try HistoryBuilder(repositoryPath: dir.path + "/h.git").build(paths: [Package.corpus])
        let store = try LineageRepository.open(dir.path + "/h.git")
        for phrase in ["open ended working group", "Open\u{2013}Ended working-group", "OPEN-ENDED WORKING GROUP"] {
            let search = try store.search(phrase)
            let in7619 = try #require(search.revisions.first { $0.revision.number == "76/19" })
            #expect(in7619.present, "\(phrase)")
            #expect(in7619.paragraphs.map(\.label).contains("op1") && in7619.paragraphs.map(\.label).contains("op4"))
            #expect(search.presentIn.map(\.number) == ["73/27", "76/19"])
        }
        let history = try store.clauseHistory(named: "open ended working group on security of and in the use")
        #expect(history.phraseMatch?.place == "76/19:op4")
    }

    @Test func aPhraseSaysWhichClauseItMatchedAndRefusesWhenTheLatestTextHasSeveral() throws {
        let dir = ScratchDirectory()
        _ = try HistoryBuilder(repositoryPath: dir.path + "/h.git").build(paths: [Package.corpus])
        let store = try LineageRepository.open(dir.path + "/h.git")

        // One clause of the latest revision: named.
        let one = try store.clauseHistory(named: "information security")
        let match = try #require(one.phraseMatch)
        #expect(match.place == "76/19:op6(a)" && match.inLatest && match.clause == one.clause)
        #expect(match.description == "phrase matched 76/19:op6(a)")
        // A clause named by address has no phrase match.
        #expect(try store.clauseHistory(named: "76/19:op6(a)").phraseMatch == nil)

        // Two clauses of the latest revision: refused, each candidate with an excerpt.
        let ambiguous = try #require(lineageError { _ = try store.clauseHistory(named: "member states") })
        let lines = ambiguous.message.split(separator: "\n").map(String.init)
        #expect(lines.first == "\"member states\" is in 2 clauses of the latest revision (76/19):")
        #expect(lines.dropFirst().map { $0.split(separator: " ").first.map(String.init) } == ["76/19:op3", "76/19:op6"])
        #expect(lines.dropFirst().allSatisfy { $0.contains("Member States") })
        #expect(ambiguous.hint == "name one of them, e.g. `lineage history 76/19:op3`, or give a longer phrase")

        // Not in the latest revision (73/266 was merged: its text is not a current one): every
        // revision is searched, and two clauses are refused too.
        let earlier = try #require(lineageError { _ = try store.clauseHistory(named: "sphere of information security") })
        #expect(earlier.message.hasPrefix("\"sphere of information security\" is in 2 clauses of earlier revisions (not in 76/19):\n"))
        #expect(earlier.message.contains("\n  73/266:op3  …potential threats in the sphere of information security, including norms, rules…"))
        #expect(earlier.message.contains("\n  69/28:pp16  …potential threats in the sphere of information security and possible cooperative…"))
        // One clause of an earlier revision: named.
        let gone = try #require(try store.clauseHistory(named: "Definition of basic notions").phraseMatch)
        #expect(gone.place == "59/61:op3(b)" && !gone.inLatest)
        #expect(gone.description == "phrase matched 59/61:op3(b) (not in the latest revision)")
    }

    @Test func aPhraseFoundOnlyInFootnotesSaysSo() throws {
        let dir = ScratchDirectory()
        _ = try HistoryBuilder(repositoryPath: dir.path + "/h.git").build(paths: [Package.corpus])
        let store = try LineageRepository.open(dir.path + "/h.git")
        let error = try #require(lineageError { _ = try store.clauseHistory(named: "A/75/816") })
        #expect(error.message == "\"A/75/816\": no paragraph contains this phrase; found only in footnotes: 76/19 [^2]")
        #expect(error.hint?.contains("lineage search --footnotes \"A/75/816\"") == true)

        let search = try store.search("A/75/816")
        #expect(search.presentIn.isEmpty)
        #expect(search.unsearchedFootnotes == ["76/19 [^2]"])
        // Searched, the footnotes are found, and no longer listed as unsearched.
        let withNotes = try store.search("A/75/816", footnotes: true)
        #expect(withNotes.presentIn.map(\.number) == ["76/19"] && withNotes.unsearchedFootnotes.isEmpty)
        // A phrase in a paragraph somewhere is not "only in footnotes" there.
        #expect(try store.search("Open-ended Working Group").unsearchedFootnotes.isEmpty)
    }

    @Test func withTwoCurrentTextsHEADsTipComesFirst() throws {
        // After the merge the series forks again: 78/237 (HEAD's line) and a "Programme of
        // action" sibling are both current; a clause both have is named at HEAD's tip.
        let dir = ScratchDirectory()
        let corpus = LaterSeries.corpus(
            [LaterSeries.programme(number: "77/35", adopted: "6 December 2022"), LaterSeries.r77_36(), LaterSeries.r78_237()], in: dir)
        _ = try HistoryBuilder(repositoryPath: dir.path + "/h.git").build(paths: [corpus])
        let store = try LineageRepository.open(dir.path + "/h.git")
        let ambiguous = try #require(lineageError { _ = try store.clauseHistory(named: "Member States") })
        let lines = ambiguous.message.split(separator: "\n").map(String.init)
        #expect(lines.first == "\"Member States\" is in 2 clauses of the latest revisions (78/237, 77/35):")
        #expect(lines.dropFirst().map { $0.split(separator: " ").first.map(String.init) } == ["78/237:op3", "78/237:op6"])
        // Only the sibling has its reworded op6.
        #expect(try store.clauseHistory(named: "Invites all States").phraseMatch?.place == "77/35:op6")
    }
}
