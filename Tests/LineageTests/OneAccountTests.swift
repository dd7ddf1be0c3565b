import Foundation
import LineageCore
import ResolutionText
import TestSupport
import Testing

@testable import Lineage

/// History, changelog and blame give one account of each revision, above all at the 2021 merge
/// (76/19 continues 73/27 and 73/266), on the bundled corpus.
@Suite struct OneAccountTests {
    /// At 76/19, every clause's history version is compared with the parent and paragraph the
    /// changelog names for it, and shows edits exactly where the changelog does.
    @Test func historyAtTheMergeNamesTheParentTheChangelogNames() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        _ = try build([Package.corpus], repo: repo)
        let store = try LineageRepository.open(repo)
        let merge = try store.revision(named: "76/19")
        let entry = try store.changelogEntry(of: merge)
        var checked = 0
        for change in entry.changes where !change.old.isEmpty {
            // The clause the history follows (for a deletion, the old side's).
            let clause = try #require(change.clause)
            let history = try store.clauseHistory(of: clause)
            let version = try #require(history.versions.first { $0.revision.number == "76/19" }, "\(clause)")
            let named = change.old.map { ClauseHistory.Place(revision: $0.revision ?? "?", label: $0.label) }
            if named.count == 1 {
                #expect(version.comparedWith == named[0], "\(clause): \(change.kind)")
            } else {
                #expect(named.contains { $0 == version.comparedWith }, "\(clause): \(change.kind)")
            }
            let changelogEdits = change.kind == .deleted || change.words.contains { $0.op != .equal }
            #expect(version.changesWords == changelogEdits, "\(clause) at 76/19: \(version.status) against \(change.kind)")
            if change.kind == .unchanged { #expect(version.status == "unchanged") }
            checked += 1
        }
        #expect(checked == entry.changes.filter { !$0.old.isEmpty }.count)
        #expect(checked > 40)
    }

    /// 69/28's pp11 reaches 76/19 from 73/266, unchanged in its words: not from 73/27's "ICTs"
    /// wording.
    @Test func pp11OfTheMergeIsTakenFrom73_266() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        _ = try build([Package.corpus], repo: repo)
        let store = try LineageRepository.open(repo)
        let history = try store.clauseHistory(named: "69/28:pp11")
        let merge = try #require(history.versions.last)
        #expect(merge.revision.number == "76/19")
        #expect(merge.comparedWith?.description == "73/266:pp9")
        #expect(!merge.changesWords)
        #expect(history.versions.map { $0.comparedWith?.revision } == [nil, "69/28", "69/28", "73/266"])
        // The summary's "last changed" is blame's.
        let blame = try store.blame(try store.revision(named: "76/19"))
        let line = try #require(blame.paragraphs.first { $0.clause == history.clause })
        #expect(history.lastChanged == line.lastChanged.number && history.introduced == line.introduced.number)
    }

    /// An `editorial` correction shows in the changelog and in history wherever blame honours it.
    @Test func anEditorialRevisionIsMarkedWhereverItsChangesAreListed() throws {
        let dir = ScratchDirectory()
        let corpus = dir.path + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        for (k, path) in Package.seedFiles.enumerated() {
            try FileManager.default.copyItem(atPath: path, toPath: corpus + "/\(k)-" + (path as NSString).lastPathComponent)
        }
        try "editorial 63/37\n".write(toFile: corpus + "/.lineage-corrections", atomically: true, encoding: .utf8)
        let repo = dir.path + "/h.git"
        _ = try build([corpus], repo: repo)
        let store = try LineageRepository.open(repo)
        let entries = try store.changelog().entries
        #expect(entries.filter(\.editorial).map(\.revision.number) == ["63/37"])
        let editorial = try #require(entries.first { $0.revision.number == "63/37" })
        let reworded = try #require(editorial.changes.first { $0.kind == .modified })
        let history = try store.clauseHistory(of: try #require(reworded.clause))
        let version = try #require(history.versions.first { $0.revision.number == "63/37" })
        #expect(version.editorial && version.changesWords)
        #expect(history.versions.filter(\.editorial).map(\.revision.number) == ["63/37"])
        // Blame does not count it, and neither does the history's summary.
        let blame = try store.blame(try store.revision(named: "63/37"))
        let line = try #require(blame.paragraphs.first { $0.clause == history.clause })
        #expect(line.lastChanged.number != "63/37")
        let atThatRevision = try store.lineage(of: try store.revision(named: "63/37")).state.clauses.first { $0.id == history.clause }
        #expect(atThatRevision?.lastChanged == line.lastChanged.number)
        #expect(editorial.json.rendered().contains("\"editorial\" : true") || editorial.json.rendered().contains("\"editorial\": true"))
    }
}
