import Foundation
import GitStore
import LineageCore
import ResolutionText
import TestSupport
import Testing

@testable import Lineage

/// Builds `paths` (default: the five seed resolutions) into a scratch repository and opens it.
private func queryRepository(_ dir: ScratchDirectory, paths: [String] = Package.seedFiles) throws -> LineageRepository {
    let builder = HistoryBuilder(repositoryPath: dir.path + "/q.git")
    _ = try builder.build(paths: paths)
    return try LineageRepository.open(dir.path + "/q.git")
}

/// The error a throwing call raises, if it is a ``LineageError``.
private func lineageError(_ body: () throws -> Void) -> LineageError? {
    do {
        try body()
        return nil
    } catch let error as LineageError {
        return error
    } catch {
        return nil
    }
}

/// `lineage history`, `search` and `changelog` as library calls, on the real seeds.
@Suite struct QueryTests {
    // MARK: - history

    @Test func op4IsOneClauseThroughTheWholeHistory() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        let history = try store.clauseHistory(named: "69/28:op4")
        #expect(history.clause == "59/61#20")
        #expect(history.versions.map(\.revision.number) == ["59/61", "61/54", "63/37", "65/41", "69/28"])
        #expect(history.versions.allSatisfy { $0.present && $0.label == "op4" })
        // 63/37 re-adopted op4 of 61/54 word for word ("to be established in 2009 … sixty-fifth
        // session"); every other re-adoption reworded it.
        #expect(history.versions.map(\.status) == ["introduced", "modified", "unchanged", "modified", "modified"])
        #expect(history.versions[0].text?.hasPrefix("Notes with satisfaction") == true)
        #expect(history.versions[0].words.isEmpty)
        #expect(history.versions[1].text?.hasPrefix("Requests the Secretary-General") == true)
        #expect(history.versions[1].words.contains { $0.op == .delete && $0.text.contains("Notes with satisfaction") })
        #expect(history.versions[1].words.contains { $0.op == .insert && $0.text.contains("Requests") })
        #expect(history.versions[2].text == history.versions[1].text)
        #expect(history.versions[4].text?.hasPrefix("Welcomes the commencement") == true)
        #expect(history.versions[4].words.contains { $0.op == .insert && $0.text.contains("Welcomes the commencement") })
        // The word runs of a version rebuild its text from the previous one.
        for (previous, version) in zip(history.versions, history.versions.dropFirst()) {
            let old = version.words.filter { $0.op != .insert }.map(\.text).joined()
            let new = version.words.filter { $0.op != .delete }.map(\.text).joined()
            #expect(Tokenizer.tokenize(old).keys == Tokenizer.tokenize(previous.text!).keys)
            #expect(Tokenizer.tokenize(new).keys == Tokenizer.tokenize(version.text!).keys)
        }
    }

    @Test func pp1IsRewordedByEveryRevision() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        let history = try store.clauseHistory(named: "69/28:pp1")
        #expect(history.versions.first?.text?.hasPrefix("Recalling its resolutions 53/70") == true)
        #expect(history.versions.map(\.status) == ["introduced", "modified", "modified", "modified", "modified"])
        #expect(history.versions.last?.words.contains { $0.op == .insert && $0.text.contains("68/243") } == true)
    }

    @Test func aPhraseNamesTheClauseThatContainsIt() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        let summit = try store.clauseHistory(named: "World Summit on the Information Society")
        #expect(summit.versions.map(\.revision.number) == ["61/54", "63/37", "65/41", "69/28"])
        #expect(summit.versions.map(\.status) == ["introduced", "unchanged", "unchanged", "unchanged"])
        #expect(summit.versions.allSatisfy { $0.label == "pp7" })
        // Case and spacing do not matter.
        #expect(try store.clause(named: "world   SUMMIT on the information society") == summit.clause)

        // Only in 59/61: found by searching every revision, then followed to its deletion.
        let notions = try store.clauseHistory(named: "Definition of basic notions")
        #expect(notions.clause == "59/61#18")
        #expect(notions.versions.map(\.revision.number) == ["59/61", "61/54"])
        #expect(notions.versions.map(\.status) == ["introduced", "deleted"])
        #expect(notions.versions[0].label == "op3(b)")
        let deleted = notions.versions[1]
        #expect(deleted.label == "op3(b)" && deleted.text == nil && !deleted.present)
        #expect(deleted.words == [WordRun(op: .delete, text: notions.versions[0].text!)])
        #expect(try store.clause(named: "59/61:op3(b)") == notions.clause)
    }

    @Test func anAmbiguousOrUnknownPhraseIsRefused() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        let ambiguous = lineageError { _ = try store.clauseHistory(named: "Member States") }
        #expect(ambiguous != nil)
        for candidate in ["69/28:pp12", "69/28:pp15", "69/28:op1", "69/28:op3"] {
            #expect(ambiguous?.message.contains(candidate) == true, "\(String(describing: ambiguous))")
        }
        #expect(ambiguous?.hint?.contains("lineage history 69/28:") == true)
        let unknown = lineageError { _ = try store.clauseHistory(named: "Definition of advanced notions") }
        #expect(unknown?.message.contains("no paragraph of any revision contains") == true)
        #expect(lineageError { _ = try store.clauseHistory(named: "   ") } != nil)
    }

    @Test func referencesSplitAtTheLastColon() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        #expect(try store.clause(named: "69/28:op3(b)") == "61/54#4")
        #expect(try store.clause(named: "A/RES/69/28:OP4") == "59/61#20")
        #expect(try store.clause(named: "69:pp11") == "69/28#1")
        #expect(try store.clause(named: "59/61#20") == "59/61#20")
        #expect(lineageError { _ = try store.clause(named: "59/61#99") } != nil)
        let address = lineageError { _ = try store.clause(named: "69/28:op9") }
        #expect(address?.message == "69/28:op9: 69/28 has no paragraph op9")
        let revision = lineageError { _ = try store.clause(named: "70/1:op1") }
        #expect(revision?.message.hasPrefix("70/1: no such revision in ") == true)
        // A phrase with a colon that is not followed by an address is a phrase.
        #expect(try store.clause(named: "views and assessments on the following questions:") == "59/61#16")
        #expect(ClauseReference.looksLikeAddress("op3(b)") && ClauseReference.looksLikeAddress("pp11"))
        #expect(ClauseReference.looksLikeAddress("(a)") && ClauseReference.looksLikeAddress("OP4"))
        #expect(!ClauseReference.looksLikeAddress("") && !ClauseReference.looksLikeAddress("op"))
        #expect(!ClauseReference.looksLikeAddress("12") && !ClauseReference.looksLikeAddress("op 4"))
    }

    @Test func aRenumberedClauseIsUnchangedWithBothAddresses() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        let history = try store.clauseHistory(named: "61/54:pp8")
        #expect(history.versions[1].revision.number == "61/54")
        #expect(history.versions[1].status == "unchanged")
        #expect(history.versions[1].previousLabel == "pp7" && history.versions[1].label == "pp8")
        #expect(history.versions[2].previousLabel == nil)
        let json = history.json.rendered()
        #expect(json.contains("\"status\": \"unchanged\""))
    }

    @Test func aRestoredClauseKeepsItsIdAndAMergedOneEnds() throws {
        // A 70th-session text built from 69/28: it brings back "Definition of basic notions"
        // as op3(e) and folds operative 2 into operative 1.
        let dir = ScratchDirectory()
        var text = String(decoding: FileManager.default.contents(atPath: Package.seeds["69/28"]!)!, as: UTF8.self)
        text = text.replacingOccurrences(of: "69/28.\t", with: "70/99.\t")
            .replacingOccurrences(of: "2 December 2014", with: "7 December 2015")
            .replacingOccurrences(of: "A/69/435", with: "A/70/999")
            .replacingOccurrences(of: "A/RES/69/28", with: "A/RES/70/99")
        let op3d = "\t(d)\tPossible measures that could be taken by the international community to strengthen information security at the global level;\n"
        let notions = "Definition of basic notions related to information security, including unauthorized interference with or misuse of information and telecommunications systems and information resources;"
        text = text.replacingOccurrences(of: op3d, with: op3d + "\t(e)\t" + notions + "\n")
        var lines = text.components(separatedBy: "\n")
        let one = lines.firstIndex { $0.hasPrefix("\t1.\t") }!
        let two = lines.firstIndex { $0.hasPrefix("\t2.\t") }!
        lines[one] = String(lines[one].dropLast()) + ", and considers that the purpose of such strategies could be served through further examination of relevant international concepts aimed at strengthening the security of global information and telecommunications systems;"
        lines.remove(at: two)
        for (i, line) in lines.enumerated() {
            for n in 3...5 where line.hasPrefix("\t\(n).\t") { lines[i] = "\t\(n - 1).\t" + line.dropFirst(4) }
        }
        let seventy = dir.write("extra/70-99.txt", lines.joined(separator: "\n"))
        let store = try queryRepository(dir, paths: Package.seedFiles + [seventy])

        let restored = try store.clauseHistory(named: "Definition of basic notions")
        #expect(restored.clause == "59/61#18")
        #expect(restored.versions.map(\.status) == ["introduced", "deleted", "restored"])
        #expect(restored.versions.map(\.revision.number) == ["59/61", "61/54", "70/99"])
        #expect(restored.versions[2].label == "op2(e)" && restored.versions[2].present)
        #expect(restored.versions[2].words.allSatisfy { $0.op == .equal })

        let merged = try store.clauseHistory(named: "69/28:op2")
        #expect(merged.versions.last?.revision.number == "70/99")
        #expect(merged.versions.last?.status == "merged")
        let keeper = try store.clauseHistory(named: "69/28:op1")
        #expect(keeper.versions.last?.status == "merged" && keeper.versions.last?.present == true)
        // One of the two keeps its id; the other ends in the merged paragraph.
        #expect([merged, keeper].filter { $0.versions.last?.present == false }.count == 1)

        let search = try store.search("definition of basic notions")
        #expect(search.revisions.map { $0.event?.rawValue ?? "-" } == ["appears", "disappears", "-", "-", "-", "returns"])
    }

    // MARK: - search

    @Test func searchFindsWhereAPhraseAppearsAndDisappears() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)

        let rights = try store.search("human rights")
        #expect(rights.revisions.count == 5)
        #expect(rights.presentIn.map(\.number) == ["69/28"])
        #expect(rights.revisions.last?.event == .appears)
        #expect(rights.revisions.last?.paragraphs.map(\.label) == ["pp11"])
        #expect(rights.revisions.dropLast().allSatisfy { !$0.present && $0.event == nil })

        let notions = try store.search("Definition of basic notions")
        #expect(notions.revisions.map(\.event) == [.appears, .disappears, nil, nil, nil])
        #expect(notions.revisions[0].paragraphs.map(\.label) == ["op3(b)"])
        #expect(notions.revisions[0].paragraphs.first?.clause == "59/61#18")

        let session = try store.search("first session")
        #expect(session.revisions.map(\.event) == [.appears, .disappears, nil, nil, nil])
        #expect(session.revisions[0].paragraphs.map(\.label) == ["op5"])
        #expect(session.presentIn.map(\.number) == ["59/61"])
    }

    @Test func searchIgnoresCaseSpacingAndQuoteStyle() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        let item = try store.search("entitled \u{201C}developments  in the FIELD of information")
        #expect(item.presentIn.count == 5)
        #expect(item.revisions.map(\.event) == [.appears, nil, nil, nil, nil])
        #expect(PhrasePattern("  A\u{00A0}\u{2018}b\u{2019}\n").key == "a 'b'")
        // Footnotes only when asked.
        #expect(try store.search("A/51/261").presentIn.isEmpty)
        let notes = try store.search("A/51/261", footnotes: true)
        #expect(notes.presentIn.count == 5)
        #expect(notes.revisions[0].footnotes.map(\.mark) == ["1"])
        #expect(notes.json.rendered().contains("\"footnotes\": ["))
        #expect(!(try store.search("human rights")).json.rendered().contains("\"footnotes\""))
        #expect(lineageError { _ = try store.search(" \n ") } != nil)
    }

    // MARK: - changelog

    @Test func theChangelogListsEveryRevisionAgainstItsParent() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        let changelog = try store.changelog()
        #expect(changelog.entries.map(\.revision.number) == ["59/61", "61/54", "63/37", "65/41", "69/28"])
        #expect(changelog.entries.map { $0.parent?.number } == [nil, "59/61", "61/54", "63/37", "65/41"])

        let first = changelog.entries[0]
        #expect(try first.changes.count == first.revision.readResolution().paragraphs.count)
        #expect(first.changes.allSatisfy { $0.kind == .inserted && $0.old.isEmpty && $0.new.count == 1 })
        #expect(try first.changes.map { $0.new[0].label } == first.revision.readResolution().clauseAddresses)
        #expect(first.changes[0].clause == "59/61#1")

        let second = changelog.entries[1]
        #expect(second.changes.contains {
            $0.kind == .deleted && $0.old.first?.label == "op3(b)" && $0.old.first?.text.hasPrefix("Definition of basic notions") == true
        })
        #expect(second.changes.contains { $0.kind == .inserted && $0.new.first?.text.hasPrefix("Efforts taken at the national level") == true })
        let last = changelog.entries[4]
        #expect(last.changes.contains {
            $0.kind == .inserted && $0.new.first?.text.hasPrefix("Noting the importance of respect for human rights") == true
        })
        #expect(last.counts.map(\.kind) == [.unchanged, .modified, .inserted])
        // The same changes as `diff` between consecutive revisions.
        let diff = try store.diff(from: changelog.entries[2].revision, to: changelog.entries[3].revision)
        #expect(diff.json == JSONValue.array(changelog.entries[3].changes.map(\.json)).asDiff(diff))

        let json = changelog.json.rendered()
        #expect(json.hasPrefix("{\n  \"revisions\": [\n    {\n      \"revision\": {\n        \"number\": \"59/61\""))
        #expect(json.contains("\"parent\": null"))
    }

    @Test func theChangelogWrittenEntryByEntryIsTheWholeJSON() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        func streamed(_ revisions: ArraySlice<Revision>) throws -> String {
            guard !revisions.isEmpty else { return Changelog.jsonEmpty }
            var out = Changelog.jsonHead
            for (n, revision) in revisions.enumerated() {
                if n > 0 { out += Changelog.jsonSeparator }
                out += try store.changelogEntry(of: revision).json.rendered(nestedAt: Changelog.jsonEntryIndent)
            }
            return out + Changelog.jsonTail
        }
        #expect(try streamed(store.changelogRevisions()) == store.changelog().json.rendered())
        let (first, last) = (try store.revision(named: "61/54"), try store.revision(named: "65/41"))
        #expect(try store.changelogRevisions(from: first, to: last).map(\.number) == ["61/54", "63/37", "65/41"])
        #expect(
            try streamed(store.changelogRevisions(from: first, to: last))
                == store.changelog(from: first, to: last).json.rendered())
        #expect(try streamed([]) == Changelog(entries: []).json.rendered())
        // Newest first, as text prints, each entry is the same as in order.
        let whole = try store.changelog()
        for (entry, revision) in zip(whole.entries.reversed(), try store.changelogRevisions().reversed()) {
            #expect(try store.changelogEntry(of: revision).json == entry.json)
        }
    }

    @Test func documentBodiesAreReleasedAndReadAgainTheSame() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        let repo = try Repository.open(at: dir.path + "/q.git")
        let (kept, _) = try History.read(repo)
        let (released, _) = try History.read(repo, bodyCapacity: 1)
        #expect(kept.count == 5 && released.count == 5)
        // Every body read, released by the next, and read again, in both directions.
        for (a, b) in zip(kept + kept.reversed(), released + released.reversed()) {
            #expect(try a.readResolution() == b.readResolution())
            #expect(try a.readResolution().paragraphs.count > 10)
        }
        let bodies = DocumentBodies(repo: repo, capacity: 2)
        for revision in store.history.revisions {
            let commit = try repo.commit(revision.commit!)
            let body = DocumentBody(cache: bodies, tree: commit.tree, commit: commit.id, number: revision.number)
            #expect(try body.contents().paragraphs == revision.readResolution().paragraphs)
            #expect(bodies.count <= 2)
        }
        #expect(bodies.count == 2)
    }

    /// Phrases are normalized byte by byte when ASCII: the same as character by character.
    @Test(arguments: [
        "", " ", "Human  Rights", "  lead and trail  ", "tab\there", "line\r\nbreak\n\nx", "v\u{0B}f\u{0C}",
        "CAPS 123 !?#", "ctrl\u{01}\u{1C}\u{1F}\u{7F}x", "\"quoted\" 'single'",
    ])
    func asciiPhrasesAreNormalizedAsCharactersAre(text: String) {
        #expect(PhrasePattern.normalize(text) == PhrasePattern.normalizeCharacters(text))
    }

    @Test func theChangelogCanBeLimitedToARange() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        let some = try store.changelog(from: try store.revision(named: "61/54"), to: try store.revision(named: "65/41"))
        #expect(some.entries.map(\.revision.number) == ["61/54", "63/37", "65/41"])
        #expect(some.entries.first?.parent?.number == "59/61")
        let latest = try store.changelog(from: try store.revision(named: "69"))
        #expect(latest.entries.map(\.revision.number) == ["69/28"])
        let backwards = lineageError {
            _ = try store.changelog(from: try store.revision(named: "69/28"), to: try store.revision(named: "59/61"))
        }
        #expect(backwards?.message == "69/28 comes after 59/61 in the history")
    }
}

extension JSONValue {
    /// This array of changes, in the shape of `diff`'s JSON for the same two revisions.
    fileprivate func asDiff(_ diff: RevisionDiff) -> JSONValue {
        .object([("from", diff.from.json), ("to", diff.to.json), ("changes", self)])
    }
}

/// The charts of a long history sample its line evenly, first and last revisions included, and
/// count the same words as blame.
@Suite struct ChartSamplingTests {
    @Test func aLongLineIsSampledEvenlyWithItsEnds() throws {
        let dir = ScratchDirectory()
        let store = try queryRepository(dir)
        let line = store.chartLine(limit: 100)
        #expect(line.map(\.number) == ["59/61", "61/54", "63/37", "65/41", "69/28"])
        #expect(store.chartLine(limit: 3).map(\.number) == ["59/61", "63/37", "69/28"])
        #expect(store.chartLine(limit: 2).map(\.number) == ["59/61", "69/28"])
        // Words by origin, as blame's runs count them.
        let cohorts = try store.wordCohorts(along: store.chartLine(limit: 3))
        #expect(cohorts.revisions.count == 3 && !cohorts.cohorts.isEmpty)
        for (r, revision) in cohorts.revisions.enumerated() {
            var fromBlame: [String: Int] = [:]
            for paragraph in try store.blame(revision).paragraphs {
                for run in paragraph.words { fromBlame[run.introduced, default: 0] += WordCohorts.count(run.text) }
            }
            for (c, cohort) in cohorts.cohorts.enumerated() { #expect(cohorts.words[r][c] == fromBlame[cohort.number] ?? 0) }
            #expect(cohorts.total(r) == fromBlame.values.reduce(0, +))
        }
    }
}
