import Foundation
import GitStore
import ResolutionText
import TestSupport
import Testing

@testable import Lineage

/// The series as a graph: the 2018 fork (73/27 "Developments…" and 73/266 "Advancing…", both
/// continuing 69/28) and the 2021 merge (76/19 continues both), built from the bundled corpus.
@Suite struct GraphTests {
    static let developments = "developments-in-the-field-of-information"
    static let advancing = "advancing-responsible-state-behaviour-in-cyberspace"

    func parents(_ history: History) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: history.revisions.map { r in (r.number, history.parents(of: r).map(\.number)) })
    }

    @Test func theEightResolutionCorpusForksIn2018AndMergesIn2021() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        let report = try build([Package.corpus], repo: repo)
        #expect(report.history.map(\.number) == ["59/61", "61/54", "63/37", "65/41", "69/28", "73/27", "73/266", "76/19"])

        let history = try History.open(repo)
        let graph = parents(history)
        #expect(graph["59/61"] == [])
        #expect(graph["61/54"] == ["59/61"] && graph["69/28"] == ["65/41"])
        #expect(graph["73/27"] == ["69/28"])
        #expect(graph["73/266"] == ["69/28"])
        #expect(graph["76/19"] == ["73/27", "73/266"])

        // Lines: the series' own line is the default branch; 73/266 starts the "Advancing" line;
        // the merge lands on the default line, like a git merge into it.
        #expect(history.lines == [Self.developments, Self.advancing])
        let line = Dictionary(uniqueKeysWithValues: history.revisions.map { ($0.number, $0.line) })
        #expect(line["69/28"] == Self.developments && line["73/27"] == Self.developments)
        #expect(line["73/266"] == Self.advancing && line["76/19"] == Self.developments)
        #expect(git(["symbolic-ref", "HEAD"], in: repo).stdout == "refs/heads/\(Self.developments)\n")
        #expect(git(["for-each-ref", "--format=%(refname:short)", "refs/heads"], in: repo).stdout
            == "\(Self.advancing)\n\(Self.developments)\n")

        // Each parent's reason is in its commit, and git sees the fork and the merge.
        let reasons = git(["log", "-1", "--format=%(trailers:key=Parent,valueonly)", "A/RES/76/19"], in: repo).stdout
        #expect(reasons.hasPrefix("73/27 (cited;") && reasons.contains("\n73/266 (cited;"))
        #expect(git(["rev-parse", "A/RES/76/19^2"], in: repo).stdout == git(["rev-parse", "A/RES/73/266^{commit}"], in: repo).stdout)
        let drawn = git(["log", "--graph", "--oneline", "--branches"], in: repo).stdout
        #expect(drawn.contains("|\\") && drawn.contains("|/"))
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
        #expect(git(["merge-base", "A/RES/73/27", "A/RES/73/266"], in: repo).stdout
            == git(["rev-parse", "A/RES/69/28^{commit}"], in: repo).stdout)
    }

    @Test func blameFollowsClausesThroughTheMerge() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        _ = try build([Package.corpus], repo: repo)
        let store = try LineageRepository.open(repo)
        let blame = try store.blame(try store.revision(named: "76/19"))
        func line(_ prefix: String) -> Blame.Line? { blame.paragraphs.first { $0.paragraph.text.hasPrefix(prefix) } }
        // From the "Advancing" line: the wording 73/266 introduced, not 73/27's "ICTs" one.
        let advancing = line("Stressing that it is in the interest of all States to promote the use of information and communications technologies")
        #expect(advancing?.introduced.number == "73/266")
        // From the "Developments" line: capacity-building came in with 73/27.
        let developments = line("Noting that capacity-building is essential")
        #expect(developments?.introduced.number == "73/27")
        // New in the merge.
        let new = line("Recognizes the adoption of the consensus final report of the Open-ended Working Group")
        #expect(new?.introduced.number == "76/19" && new?.label == "op1")
        // A clause from before the fork keeps its origin.
        #expect(line("Noting that considerable progress has been achieved")?.introduced.number == "59/61")

        // The changelog reports the merge against both parents, each old side naming its parent.
        let entry = try store.changelog().entries.first { $0.revision.number == "76/19" }!
        #expect(entry.parents.map(\.number) == ["73/27", "73/266"])
        let from = Set(entry.changes.flatMap { $0.old.compactMap(\.revision) })
        #expect(from == ["73/27", "73/266"])
        #expect(entry.taken.allSatisfy { $0.paragraphs > 0 })

        // History of a clause compares each version with its own parent's: across the fork both
        // lines start from 69/28's version.
        let history = try store.clauseHistory(named: "76/19:op6")
        let numbers = history.versions.map(\.revision.number)
        #expect(numbers.suffix(3) == ["73/27", "73/266", "76/19"])
        #expect(history.versions.first { $0.revision.number == "73/266" }?.status == "modified")

        // Search judges each revision against its parents: present in both lines after 69/28.
        let search = try store.search("human rights")
        #expect(search.presentIn.map(\.number) == ["69/28", "73/27", "73/266", "76/19"])
        #expect(search.revisions.compactMap(\.event).map(\.rawValue) == ["appears"])

        // Diff works across lines.
        let across = try store.diff(from: try store.revision(named: "73/27"), to: try store.revision(named: "73/266"))
        #expect(across.changes.contains { $0.kind == .inserted } && across.changes.contains { $0.kind == .deleted })
    }

    @Test func aCorrectionChangesAParentAndOnlyItsDescendantsAreRecommitted() throws {
        let dir = ScratchDirectory()
        let corpus = dir.path + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        for path in Package.seedFiles + Package.later.values.sorted() {
            try FileManager.default.copyItem(atPath: path, toPath: corpus + "/" + URL(fileURLWithPath: path).lastPathComponent)
        }
        let repo = dir.path + "/h.git"
        _ = try build([corpus], repo: repo)
        let before = try History.open(repo)

        dir.write("corpus/.lineage-corrections", "parents 73/266 73/27   # read it as a continuation\nbranch 73/266 advancing\n")
        let report = try build([corpus], repo: repo)
        #expect(report.committed.map(\.number) == ["73/266", "76/19"])
        let after = try History.open(repo)
        #expect(parents(after)["73/266"] == ["73/27"])
        #expect(after.revisions.first { $0.number == "73/266" }?.continues.first?.reason == "set by .lineage-corrections")
        // 73/27 and everything before it keep their commits.
        for number in ["59/61", "69/28", "73/27"] {
            let kept = try #require(after.revisions.first { $0.number == number }?.commit)
            #expect(kept == before.revisions.first { $0.number == number }?.commit)
        }
        #expect(after.lines.contains("advancing") && !after.lines.contains(Self.advancing))
        #expect(git(["fsck", "--strict"], in: repo).status == 0)

        // A correction naming a revision that does not exist is refused, and nothing changes.
        dir.write("corpus/.lineage-corrections", "parents 73/266 70/237\n")
        let snapshotBefore = snapshot(repo)
        #expect(throws: LineageError.self) { try build([corpus], repo: repo) }
        #expect(snapshot(repo) == snapshotBefore)
    }

    @Test func addingARevisionToOneLineDoesNotRewriteTheOther() throws {
        let full = ScratchDirectory(), step = ScratchDirectory()
        _ = try build([Package.corpus], repo: full.path + "/h.git")
        let repo = step.path + "/h.git"
        _ = try build(Package.seedFiles + [Package.later["73/27"]!], repo: repo)
        let developments = git(["rev-parse", "A/RES/73/27"], in: repo).stdout
        let second = try build([Package.later["73/266"]!], repo: repo)
        #expect(second.committed.map(\.number) == ["73/266"])
        #expect(git(["rev-parse", "A/RES/73/27"], in: repo).stdout == developments)
        let third = try build([Package.later["76/19"]!], repo: repo)
        #expect(third.committed.map(\.number) == ["76/19"])
        // Step by step or all at once: the same commits, the same lineage.
        for ref in ["A/RES/76/19", "refs/notes/lineage^{tree}", "refs/heads/\(Self.advancing)"] {
            let stepwise = git(["rev-parse", "--verify", ref], in: repo), whole = git(["rev-parse", "--verify", ref], in: full.path + "/h.git")
            #expect(stepwise.status == 0 && whole.status == 0, "\(ref)")
            #expect(stepwise.stdout == whole.stdout)
        }
    }

    /// The commit of every revision, by number.
    func commits(_ repo: String) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try History.open(repo).revisions.map { ($0.number, $0.commit!.hex) })
    }

    @Test(arguments: [LaterSeries.seriesTitle, LaterSeries.mergedTitle])
    func aLineThatGoesOnAfterTheMergeKeepsItsBranchAndHEADFollowsIt(title: String) throws {
        // 77/36 and 78/237 continue 76/19, whether they return to the series' title (as the
        // real ones do) or keep the merged one.
        let dir = ScratchDirectory()
        let corpus = LaterSeries.corpus([LaterSeries.r77_36(title: title), LaterSeries.r78_237(title: title)], in: dir)
        let repo = dir.path + "/h.git"
        _ = try build([corpus], repo: repo)
        let history = try History.open(repo)
        #expect(parents(history)["77/36"] == ["76/19"] && parents(history)["78/237"] == ["77/36"])
        let line = Dictionary(uniqueKeysWithValues: history.revisions.map { ($0.number, $0.line) })
        #expect(history.lines == [Self.developments, Self.advancing])
        #expect(line["76/19"] == Self.developments && line["77/36"] == Self.developments && line["78/237"] == Self.developments)
        #expect(git(["symbolic-ref", "HEAD"], in: repo).stdout == "refs/heads/\(Self.developments)\n")
        // `git log` reaches the latest revision, through the merge, back to 59/61.
        let log = git(["log", "--first-parent", "--format=%(trailers:key=Number,valueonly)"], in: repo).stdout
            .split(separator: "\n").map(String.init)
        #expect(log == ["78/237", "77/36", "76/19", "73/27", "69/28", "65/41", "63/37", "61/54", "59/61"])
        #expect(git(["for-each-ref", "--format=%(refname:short)", "refs/heads"], in: repo).stdout
            == "\(Self.advancing)\n\(Self.developments)\n")

        // Branches and HEAD are references: the bundled revisions keep their commits.
        let bundled = ScratchDirectory()
        _ = try build([Package.corpus], repo: bundled.path + "/h.git")
        let before = try commits(bundled.path + "/h.git"), after = try commits(repo)
        #expect(before.count == 8)
        for (number, commit) in before { #expect(after[number] == commit, "\(number)") }
    }

    @Test func addedOneByOneTheLaterRevisionsLandWhereAWholeBuildPutsThem() throws {
        let dir = ScratchDirectory()
        let texts = [LaterSeries.r77_36(), LaterSeries.r78_237()]
        let whole = dir.path + "/whole.git", step = dir.path + "/step.git"
        _ = try build([LaterSeries.corpus(texts, in: dir)], repo: whole)
        _ = try build([Package.corpus], repo: step)
        for text in texts {
            let report = try build([dir.write("one/" + text.fileName, text.text)], repo: step)
            #expect(report.committed.map(\.number) == [text.number])
            #expect(git(["rev-parse", "HEAD"], in: step).stdout == git(["rev-parse", "A/RES/\(text.number)^{commit}"], in: step).stdout)
        }
        for ref in ["HEAD", "refs/heads/\(Self.developments)", "refs/heads/\(Self.advancing)", "refs/notes/lineage^{tree}"] {
            #expect(git(["rev-parse", ref], in: step).stdout == git(["rev-parse", ref], in: whole).stdout, "\(ref)")
        }
        #expect(git(["branch", "--list"], in: step).stdout == git(["branch", "--list"], in: whole).stdout)
    }

    @Test func atAForkTheRevisionThatKeepsTheLinesTitleKeepsTheLineWhicheverCameFirst() throws {
        // A "Programme of action" sibling continues 76/19 too, adopted the day before 77/36: the
        // line goes on with 77/36, which keeps the series' title; the sibling starts a line.
        let dir = ScratchDirectory()
        let corpus = LaterSeries.corpus(
            [LaterSeries.programme(number: "77/35", adopted: "6 December 2022"), LaterSeries.r77_36(), LaterSeries.r78_237()], in: dir)
        let repo = dir.path + "/h.git"
        _ = try build([corpus], repo: repo)
        let history = try History.open(repo)
        #expect(parents(history)["77/35"] == ["76/19"] && parents(history)["77/36"] == ["76/19"])
        let line = Dictionary(uniqueKeysWithValues: history.revisions.map { ($0.number, $0.line) })
        #expect(line["77/36"] == Self.developments && line["78/237"] == Self.developments)
        #expect(line["77/35"] == "programme-of-action-to-advance-responsible")
        #expect(history.lines == [Self.developments, Self.advancing, "programme-of-action-to-advance-responsible"])
        #expect(git(["rev-parse", "HEAD"], in: repo).stdout == git(["rev-parse", "A/RES/78/237^{commit}"], in: repo).stdout)
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
    }

    @Test func twoRevisionsWithTheLinesTitleForkIntoTheLineAndANumberedBranch() throws {
        // Two texts continue 76/19 with the series' title: the earlier keeps the line; the other's
        // branch cannot be told apart by its title, so its number names it.
        let dir = ScratchDirectory()
        let rival = LaterSeries.Text(
            number: "77/99", text: LaterSeries.r77_36().text.replacingOccurrences(of: "77/36", with: "77/99")
                .replacingOccurrences(of: "Welcomes with appreciation", with: "Notes"))
        let repo = dir.path + "/h.git"
        _ = try build([LaterSeries.corpus([LaterSeries.r77_36(), rival], in: dir)], repo: repo)
        let history = try History.open(repo)
        #expect(parents(history)["77/99"] == ["76/19"])
        let line = Dictionary(uniqueKeysWithValues: history.revisions.map { ($0.number, $0.line) })
        #expect(line["77/36"] == Self.developments)
        #expect(line["77/99"] == Self.developments + "-77-99")
    }

    @Test func aBuildRedrawsTheLinesAnOlderRuleLaidOutAndSaysSo() throws {
        // As an older lineage left it: 77/36 and 78/237 on a branch of their own, HEAD at 76/19.
        let dir = ScratchDirectory()
        let corpus = LaterSeries.corpus([LaterSeries.r77_36(), LaterSeries.r78_237()], in: dir)
        let repo = dir.path + "/h.git"
        _ = try build([corpus], repo: repo)
        let tip = git(["rev-parse", "A/RES/78/237^{commit}"], in: repo).stdout.trimmingCharacters(in: .newlines)
        let merge = git(["rev-parse", "A/RES/76/19^{commit}"], in: repo).stdout.trimmingCharacters(in: .newlines)
        #expect(git(["update-ref", "refs/heads/developments-in-the-field", tip], in: repo).status == 0)
        #expect(git(["update-ref", "refs/heads/\(Self.developments)", merge], in: repo).status == 0)
        let commits = try commits(repo)

        let report = try build([corpus], repo: repo)
        #expect(report.committed.isEmpty && report.newObjects == 0)
        #expect(report.branchesMoved.map(\.line) == [Self.developments, "developments-in-the-field"])
        #expect(report.branchesMoved.map(\.to) == ["78/237", nil])
        #expect(git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .newlines) == tip)
        #expect(git(["for-each-ref", "--format=%(refname:short)", "refs/heads"], in: repo).stdout
            == "\(Self.advancing)\n\(Self.developments)\n")
        #expect(try self.commits(repo) == commits)
        // Built again: nothing moves.
        #expect(try build([corpus], repo: repo).branchesMoved.isEmpty)
    }
}

/// The record: series are the connected parts of the graph, named after the line of their first
/// revision.
@Suite struct SeriesGroupingTests {
    @Test func theBundledCorpusIsOneSeriesOfTwoLines() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        _ = try build([Package.corpus], repo: repo)
        let history = try History.open(repo)
        #expect(history.series.count == 1)
        let series = try #require(history.series.first)
        #expect(series.name == GraphTests.developments)
        #expect(series.lines == [GraphTests.developments, GraphTests.advancing])
        #expect(history.revisions(of: series).map(\.number) == history.revisions.map(\.number))
        #expect(history.defaultSeries == series)
        for revision in history.revisions { #expect(history.series(of: revision) == series) }
    }

    @Test func unconnectedRevisionsAreSeriesOfTheirOwnAndAMergeJoinsTwo() {
        func revision(_ number: String, _ commit: UInt8, parents: [UInt8], line: String) -> Revision {
            var header = Resolution()
            header.number = number
            var r = Revision(resolution: header, dateSource: .text, commit: id(commit), parents: parents.map(id))
            r.line = line
            return r
        }
        func id(_ byte: UInt8) -> ObjectID { ObjectID(hex: String(repeating: String(format: "%02x", byte), count: 20))! }
        let revisions = [
            revision("1/1", 1, parents: [], line: "a"),
            revision("1/2", 2, parents: [], line: "b"),
            revision("1/3", 3, parents: [], line: "c"),
            revision("2/1", 4, parents: [1], line: "a"),
            revision("2/2", 5, parents: [2], line: "b"),
            revision("3/1", 6, parents: [4, 5], line: "a"),
        ]
        let series = Series.group(revisions)
        #expect(series.map(\.name) == ["a", "c"])
        #expect(series[0].positions == [0, 1, 3, 4, 5] && series[0].lines == ["a", "b"])
        #expect(series[1].positions == [2] && series[1].lines == ["c"])
    }
}
