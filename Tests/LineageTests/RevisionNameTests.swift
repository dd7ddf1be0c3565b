import GitStore
import ResolutionText
import Testing

@testable import Lineage

/// A history of stand-in revisions (no repository): `numbers` in order on one line, each
/// continuing the one before, with the given commits.
private func history(_ revisions: [(number: String, adopted: String, commit: String)]) -> History {
    var out: [Revision] = []
    for r in revisions {
        var resolution = Resolution()
        resolution.number = r.number
        resolution.symbol = "A/RES/" + r.number
        resolution.session = Int(r.number.split(separator: "/")[0])
        resolution.adopted = CivilDate(iso: r.adopted)
        var revision = Revision(
            resolution: resolution, dateSource: .text, commit: ObjectID(hex: r.commit)!,
            parents: out.last.flatMap(\.commit).map { [$0] } ?? [])
        revision.line = "main"
        out.append(revision)
    }
    return History(path: "test.git", revisions: out, lines: ["main"], head: "main", branchTips: ["main": out.last!.commit!])
}

/// ``RevisionName`` and ``History/revision(named:)`` where a built repository cannot easily
/// show it: commits that share a prefix, sessions with several revisions.
@Suite struct RevisionNameTests {
    let stand = history([
        ("10/1", "1955-12-01", "abcd1" + String(repeating: "0", count: 35)),
        ("10/2", "1955-12-02", "abcd2" + String(repeating: "0", count: 35)),
        ("11/5", "1956-12-01", "ffff" + String(repeating: "1", count: 36)),
    ])

    @Test func anAmbiguousCommitPrefixListsTheCandidates() throws {
        #expect(throws: LineageError(
            "abcd: 2 commits begin with abcd: abcd10000000 (10/1), abcd20000000 (10/2)",
            hint: "give more digits of the commit, or its number")) { try stand.revision(named: "abcd") }
        #expect(try stand.revision(named: "abcd2").number == "10/2")
        #expect(try stand.revision(named: "ABCD1").number == "10/1")
        #expect(try stand.revision(named: "ffff~2").number == "10/1")
        // Fewer than four digits is not a commit.
        #expect(throws: LineageError.self) { try stand.revision(named: "abc") }
    }

    @Test func aSessionOrAYearWithSeveralRevisionsIsRefusedWithThem() throws {
        #expect(throws: LineageError("10: session 10 has 2 revisions: 10/1, 10/2", hint: "name one by its number")) {
            try stand.revision(named: "10")
        }
        #expect(throws: LineageError("1955: 2 revisions were adopted in 1955: 10/1 (1955-12-01), 10/2 (1955-12-02)", hint: "name one by its number")) {
            try stand.revision(named: "1955")
        }
        #expect(try stand.revision(named: "1956").number == "11/5")
        #expect(try stand.revision(named: "11").number == "11/5")
    }

    @Test func namesSplitIntoABaseAndStepsBack() {
        #expect(RevisionName("HEAD~2^2~")?.steps == [.ancestor(2), .parent(2), .ancestor(1)])
        #expect(RevisionName(" HEAD ")?.base == "HEAD")
        #expect(RevisionName("A/RES/69/28 ~1")?.base == "A/RES/69/28")
        #expect(RevisionName("HEAD~x") == nil)
        #expect(RevisionName.folded(" a/res/69/28. ") == "69/28")
        #expect(RevisionName.folded("\u{201C}A/RES/69/28\u{201D},") == "69/28")
        #expect(RevisionName.folded("Res/69/28;") == "69/28")
    }
}
