import Foundation
import TestSupport
import Testing

/// `lineage search` and `lineage history "PHRASE"` as a user runs them on the bundled corpus.
@Suite struct PhraseCommandTests {
    func bundled(_ dir: ScratchDirectory) -> String {
        let repo = dir.path + "/h.git"
        let built = lineage(["build", Package.corpus, "--repo", repo])
        #expect(built.status == 0, "\(built.stderr)")
        return repo
    }

    @Test func openEndedWorkingGroupIsFoundWhateverTheHyphens() {
        let dir = ScratchDirectory()
        let repo = bundled(dir)
        let search = lineage(["search", "open ended working group", "--repo", repo])
        #expect(search.status == 0)
        #expect(search.stdout.contains("\n76/19   present     pp12, op1, op3, op4, op5, op6, op6(b)\n"))
        #expect(search.stdout.hasSuffix("\"open ended working group\": present in 2 of 8 revisions: appears in 73/27\n"))
        let json = lineage(["search", "open ended working group", "--format", "json", "--repo", repo])
        #expect(json.status == 0 && json.stdout.contains("\"present\": true"))
    }

    @Test func historyOfAPhraseSaysWhichParagraphItMatched() {
        let dir = ScratchDirectory()
        let repo = bundled(dir)
        let one = lineage(["history", "open ended working group on security of and in the use", "--repo", repo])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.hasPrefix("phrase matched 76/19:op4\nhistory of clause "))
        let json = lineage(["history", "information security", "--format", "json", "--repo", repo])
        #expect(json.status == 0)
        let object = (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) as? [String: Any]
        let match = object?["phraseMatch"] as? [String: Any]
        #expect(match?["matched"] as? String == "76/19:op6(a)" && match?["clause"] as? String == object?["clause"] as? String)
        #expect(match?["inLatest"] as? Bool == true)
        let markdown = lineage(["history", "information security", "--format", "markdown", "--repo", repo])
        #expect(markdown.stdout.hasPrefix("_phrase matched 76/19:op6(a)._\n"))

        let ambiguous = lineage(["history", "Member States", "--repo", repo])
        #expect(ambiguous.status == 1 && ambiguous.stdout.isEmpty)
        #expect(ambiguous.stderr.hasPrefix("error: \"Member States\" is in 2 clauses of the latest revision (76/19):\n  76/19:op3  Calls upon Member States"))
    }

    @Test func aPhraseOnlyInFootnotesGivesAHint() {
        let dir = ScratchDirectory()
        let repo = bundled(dir)
        let search = lineage(["search", "A/75/816", "--repo", repo])
        #expect(search.status == 0)
        #expect(search.stdout == "\"A/75/816\": not found in any of the 8 revisions; found only in footnotes: 76/19 [^2] (search them with --footnotes)\n")
        let withNotes = lineage(["search", "A/75/816", "--footnotes", "--repo", repo])
        #expect(withNotes.stdout.contains("76/19   appears     [^2]"))
        let history = lineage(["history", "A/75/816", "--repo", repo])
        #expect(history.status == 1)
        #expect(history.stderr.hasPrefix("error: \"A/75/816\": no paragraph contains this phrase; found only in footnotes: 76/19 [^2]\nhint: "))
    }
}
