import Foundation
import Lineage
import TestSupport
import Testing

/// Builds the five seed resolutions with the `lineage` tool into a scratch repository; returns its path.
private func builtRepository(_ dir: ScratchDirectory) -> String {
    let repo = dir.path + "/q.git"
    let built = lineage(["build"] + Package.seedFiles + ["--repo", repo])
    #expect(built.status == 0, "\(built.stderr)")
    return repo
}

private func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// `lineage history`, `search` and `changelog` as a user runs them.
@Suite struct QueryCommandTests {
    @Test func historyPrintsEveryVersionOldestFirst() throws {
        let dir = ScratchDirectory()
        let repo = builtRepository(dir)
        let result = lineage(["history", "69/28:op4", "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "history of clause 59/61#20 (69/28:op4): 5 versions, introduced in 59/61, last changed in 69/28, oldest first")
        let headers = lines.filter { $0.first?.isNumber == true }
        #expect(headers == [
            "59/61 op4  introduced", "61/54 op4  modified  compared with 59/61:op4", "65/41 op4  modified  compared with 63/37:op4",
            "69/28 op4  modified  compared with 65/41:op4",
        ])
        #expect(lines.contains { $0.hasPrefix("    Notes with satisfaction that the Secretary-General") })
        #expect(lines.contains { $0.hasPrefix("    [-Notes with satisfaction that-]{+Requests+} the Secretary-General") })
        #expect(lines.contains("unchanged in 63/37, op4"))
        #expect(result.stdout.contains("{+Welcomes the commencement of the work of the Group of Governmental Experts, and authorizes the Group+}"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not a terminal")

        let colored = lineage(["history", "69/28:op4", "--repo", repo, "--color", "always"])
        #expect(colored.stdout.contains("\u{1B}[33m59/61\u{1B}[m op4  \u{1B}[32mintroduced\u{1B}[m"))
        let all = lineage(["history", "69/28:op4", "--repo", repo, "--all-versions"])
        #expect(all.stdout.contains("\n63/37 op4  unchanged  compared with 61/54:op4\n    (unchanged)\n"))
        #expect(colored.stdout.contains("\u{1B}[32;4mRequests\u{1B}[m"))
        #expect(!colored.stdout.contains("{+"))

        let deleted = lineage(["history", "Definition of basic notions", "--repo", repo])
        #expect(deleted.status == 0)
        #expect(deleted.stdout.contains("\n61/54 op3(b)  deleted  compared with 59/61:op3(b)\n    [-Definition of basic notions"))
        let renumbered = lineage(["history", "61/54:pp8", "--repo", repo])
        #expect(renumbered.stdout.contains("\nunchanged in 61/54 … 69/28 (4 versions), renumbered pp7 → pp8\n"))
        let every = lineage(["history", "61/54:pp8", "--repo", repo, "--all-versions"])
        #expect(every.stdout.contains("\n61/54 pp7 → pp8  unchanged  compared with 59/61:pp7\n    (unchanged, renumbered)\n"))
    }

    @Test func historyInJSONAndMarkdown() throws {
        let dir = ScratchDirectory()
        let repo = builtRepository(dir)
        let json = lineage(["history", "69/28:pp1", "--repo", repo, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try jsonObject(json.stdout)
        #expect(Set(object.keys) == ["clause", "introduced", "lastChanged", "versions"])
        #expect(object["clause"] as? String == "59/61#1")
        let versions = try #require(object["versions"] as? [[String: Any]])
        #expect(versions.count == 5)
        #expect(Set(versions[0].keys) == ["revision", "status", "label", "text", "comparedWith", "editorial", "words"])
        #expect(versions[0]["comparedWith"] is NSNull)
        #expect((versions[1]["comparedWith"] as? [String: String]) == ["revision": "59/61", "label": "pp1"])
        #expect(versions.map { $0["status"] as? String } == ["introduced", "modified", "modified", "modified", "modified"])
        #expect((versions[0]["revision"] as? [String: Any])?["number"] as? String == "59/61")
        #expect((versions[0]["words"] as? [Any])?.isEmpty == true)
        let words = try #require(versions[1]["words"] as? [[String: Any]])
        #expect(Set(words[0].keys) == ["op", "text"])
        #expect(words.contains { $0["op"] as? String == "insert" })

        let markdown = lineage(["history", "69/28:op4", "--repo", repo, "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("## History of clause 59/61#20\n\nNow at 69/28:op4; 5 versions"))
        #expect(markdown.stdout.contains("\n### 59/61 (A/RES/59/61): op4, introduced\n\n> Notes with satisfaction"))
        #expect(markdown.stdout.contains(
            "\n### 61/54 (A/RES/61/54): op4, modified\n\n_Compared with 59/61:op4._\n\n> ~~Notes with satisfaction that~~**Requests**"))
        #expect(markdown.stdout.contains("\n_Unchanged in 63/37, op4._\n"))
    }

    @Test func aBadClauseReferenceIsAnError() throws {
        let dir = ScratchDirectory()
        let repo = builtRepository(dir)
        let address = lineage(["history", "69/28:op99", "--repo", repo])
        #expect(address.status == 1)
        #expect(address.stdout.isEmpty)
        #expect(address.stderr.hasPrefix("error: 69/28:op99: 69/28 has no paragraph op99\nhint: "))
        let revision = lineage(["history", "12/34:op1", "--repo", repo])
        #expect(revision.status == 1)
        #expect(revision.stderr.hasPrefix("error: 12/34: no such revision"))
        let ambiguous = lineage(["history", "Member States", "--repo", repo])
        #expect(ambiguous.status == 1)
        // Each candidate on a line of its own: its address and an excerpt around the phrase.
        let candidates = ambiguous.stderr.split(separator: "\n").map(String.init)
        #expect(candidates.first == "error: \"Member States\" is in 4 clauses of the latest revision (69/28):")
        #expect(candidates.dropFirst().prefix(4).map { $0.split(separator: " ").first.map(String.init) } == ["69/28:pp12", "69/28:pp15", "69/28:op1", "69/28:op3"])
        #expect(candidates.dropFirst().prefix(4).allSatisfy { $0.lowercased().contains("member states") })
        #expect(candidates.last == "hint: name one of them, e.g. `lineage history 69/28:pp12`, or give a longer phrase")
        let unknown = lineage(["history", "no such words anywhere", "--repo", repo])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: "))
        let empty = lineage(["history", " ", "--repo", repo])
        #expect(empty.status == 64)
        let missing = lineage(["history", "69/28:op4", "--repo", dir.path + "/none.git"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: \(dir.path)/none.git: no lineage repository here"))
    }

    @Test func searchPrintsWhereAPhraseComesAndGoes() throws {
        let dir = ScratchDirectory()
        let repo = builtRepository(dir)
        let session = lineage(["search", "first session", "--repo", repo])
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout == """
            59/61  appears     op5
            61/54  disappears
            "first session": present in 1 of 5 revisions: appears in 59/61, disappears in 61/54

            """)
        let rights = lineage(["search", "HUMAN   rights", "--repo", repo])
        #expect(rights.stdout.hasPrefix("69/28  appears     pp11\n"))
        let members = lineage(["search", "Member States", "--repo", repo])
        #expect(members.stdout.contains("\n63/37  present     pp11, pp14, op1, op3\n"))
        let nowhere = lineage(["search", "nothing of the sort", "--repo", repo])
        #expect(nowhere.status == 0)
        #expect(nowhere.stdout == "\"nothing of the sort\": not found in any of the 5 revisions\n")
        #expect(!session.stdout.contains("\u{1B}["))
        let colored = lineage(["search", "first session", "--repo", repo, "--color", "always"])
        #expect(colored.stdout.contains("\u{1B}[31mdisappears\u{1B}[m"))

        let empty = lineage(["search", "", "--repo", repo])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("the phrase to search for is empty"))
        #expect(lineage(["search", " \t", "--repo", repo]).status == 64)
    }

    @Test func searchInJSONAndMarkdown() throws {
        let dir = ScratchDirectory()
        let repo = builtRepository(dir)
        let json = lineage(["search", "Definition of basic notions", "--repo", repo, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try jsonObject(json.stdout)
        #expect(Set(object.keys) == ["phrase", "revisions"])
        #expect(object["phrase"] as? String == "Definition of basic notions")
        let revisions = try #require(object["revisions"] as? [[String: Any]])
        #expect(revisions.count == 5)
        #expect(Set(revisions[0].keys) == ["revision", "series", "present", "event", "paragraphs"])
        #expect(revisions.allSatisfy { $0["series"] as? String == "developments-in-the-field-of-information" })
        #expect(revisions.map { $0["present"] as? Bool } == [true, false, false, false, false])
        #expect(revisions[0]["event"] as? String == "appears" && revisions[1]["event"] as? String == "disappears")
        #expect(revisions[2]["event"] is NSNull)
        let paragraph = try #require((revisions[0]["paragraphs"] as? [[String: Any]])?.first)
        #expect(Set(paragraph.keys) == ["index", "label", "clause"])
        #expect(paragraph["label"] as? String == "op3(b)" && paragraph["clause"] as? String == "59/61#18")

        let markdown = lineage(["search", "human rights", "--repo", repo, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("## \u{201C}human rights\u{201D}\n\nPresent in 1 of 5 revisions: appears in 69/28.\n"))
        #expect(markdown.stdout.contains("| revision | present | event | where |"))
        #expect(markdown.stdout.contains("| 69/28 | yes | appears | pp11 |"))
    }

    @Test func changelogPrintsEachRevisionNewestFirst() throws {
        let dir = ScratchDirectory()
        let repo = builtRepository(dir)
        let result = lineage(["changelog", "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        let headers = result.stdout.split(separator: "\n").filter { $0.hasPrefix("revision ") }
        #expect(headers.map { String($0.prefix(14)) } == ["revision 69/28", "revision 65/41", "revision 63/37", "revision 61/54", "revision 59/61"])
        #expect(headers.first == "revision 69/28  A/RES/69/28  adopted 2014-12-02  (against 65/41)")
        #expect(headers.last == "revision 59/61  A/RES/59/61  adopted 2004-12-03  (first revision)")
        #expect(result.stdout.contains("revision 69/28  A/RES/69/28  adopted 2014-12-02  (against 65/41)\n18 unchanged, 8 modified, 1 inserted\n"))
        #expect(result.stdout.contains("\ndeleted op3(b)  clause 59/61#18\n    [-Definition of basic notions"))
        #expect(result.stdout.contains("\ninserted pp11  clause 69/28#1\n    {+Noting the importance of respect for human rights"))
        #expect(!result.stdout.contains("\nunchanged "))
        #expect(!result.stdout.contains("\u{1B}["))
        let colored = lineage(["changelog", "--repo", repo, "--color", "always"])
        #expect(colored.stdout.contains("\u{1B}[33mrevision 69/28\u{1B}[m"))

        let range = lineage(["changelog", "--repo", repo, "--from", "63/37", "--to", "65/41"])
        #expect(range.stdout.split(separator: "\n").filter { $0.hasPrefix("revision ") }.count == 2)
        let backwards = lineage(["changelog", "--repo", repo, "--from", "69/28", "--to", "63/37"])
        #expect(backwards.status == 1)
        #expect(backwards.stderr.hasPrefix("error: 69/28 comes after 63/37 in the history\n"))
    }

    @Test func changelogInJSONAndMarkdown() throws {
        let dir = ScratchDirectory()
        let repo = builtRepository(dir)
        let json = lineage(["changelog", "--repo", repo, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try jsonObject(json.stdout)
        #expect(Set(object.keys) == ["revisions"])
        let revisions = try #require(object["revisions"] as? [[String: Any]])
        #expect(revisions.count == 5)
        #expect(Set(revisions[0].keys) == ["revision", "parent", "parents", "editorial", "changes"])
        #expect(revisions[0]["parent"] is NSNull)
        #expect((revisions[1]["parent"] as? [String: Any])?["number"] as? String == "59/61")
        #expect(revisions.map { ($0["revision"] as? [String: Any])?["number"] as? String } == ["59/61", "61/54", "63/37", "65/41", "69/28"])
        // Written entry by entry, the same text as the library's whole changelog rendered.
        let store = try LineageRepository.open(repo)
        #expect(json.stdout == (try store.changelog()).json.rendered() + "\n")
        let range = lineage(["changelog", "--repo", repo, "--format", "json", "--from", "61/54", "--to", "63/37"])
        let some = try store.changelog(from: try store.revision(named: "61/54"), to: try store.revision(named: "63/37"))
        #expect(range.stdout == some.json.rendered() + "\n")
        let first = try #require(revisions[0]["changes"] as? [[String: Any]])
        #expect(first.allSatisfy { $0["op"] as? String == "inserted" })
        #expect(Set(first[0].keys) == ["op", "clause", "similarity", "old", "new", "words"])

        let markdown = lineage(["changelog", "--repo", repo, "--format", "markdown"])
        #expect(markdown.status == 0)
        let text = markdown.stdout
        #expect(text.hasPrefix("# Changelog: Developments in the field of information and telecommunications in the context of international security\n\n5 revisions, from A/RES/59/61 (3 December 2004) to A/RES/69/28 (2 December 2014), newest first."))
        #expect(text.contains("\n## 69/28 (A/RES/69/28), adopted 2 December 2014\n\nInserts 1 preambular paragraph, rewords 8 clauses, deletes none; 18 clauses unchanged.\n"))
        #expect(text.contains("\n### Inserted\n\n- **pp11**: Noting the importance of respect for human rights"))
        #expect(text.contains("\n## 61/54 (A/RES/61/54), adopted 6 December 2006\n\n_The text gives no date of adoption; this one is cited in A/RES/63/37._\n\nInserts 3 preambular paragraphs and 2 sub-paragraphs, rewords 4 clauses, deletes 1 operative paragraph and 1 sub-paragraph; 16 clauses unchanged.\n"))
        #expect(text.contains("\n### Deleted\n\n- **op3(b)**: ~~Definition of basic notions"))
        #expect(text.contains("\n### Reworded\n\n- **pp1** _(similarity 86%)_: Recalling its resolutions"))
        #expect(text.contains("- **op6 → op5** _(similarity 90%)_: Decides to include in the provisional agenda of its ~~sixtieth~~ **sixty-second** session"))
        #expect(text.contains("\n## 59/61 (A/RES/59/61), adopted 3 December 2004\n\nThe first revision in this history: 13 preambular paragraphs, 6 operative paragraphs and 3 sub-paragraphs.\n\n### Text\n\n- **pp1** Recalling"))
        // Newest first.
        let order = ["## 69/28", "## 65/41", "## 63/37", "## 61/54", "## 59/61"].map { text.range(of: "\n" + $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(!text.contains("\u{1B}["))
    }
}
