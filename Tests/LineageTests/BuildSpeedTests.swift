import Foundation
import GitStore
import LineageCore
import ResolutionText
import TestSupport
import Testing

@testable import Lineage

/// The build's packing, notes encoding and progress reports.
@Suite struct BuildSpeedTests {
    @Test func aSmallPackBufferGivesTheSamePackAndHistory() throws {
        var refs: [String] = []
        var packNames: [[String]] = []
        for packBytes in [ObjectWriter.defaultPackBytes, 2048] {
            let dir = ScratchDirectory()
            let repo = dir.path + "/h.git"
            var builder = HistoryBuilder(repositoryPath: repo)
            builder.packBytes = packBytes
            let report = try builder.build(paths: Package.seedFiles)
            #expect(report.newObjects > 0)
            #expect(git(["fsck", "--strict"], in: repo).status == 0)
            let packs = try FileManager.default.contentsOfDirectory(atPath: repo + "/objects/pack").filter { $0.hasSuffix(".pack") }
            // One pack for the history and its notes whatever the buffer (written to its file
            // every 2 KiB here), and one for the wording index, written after them (WordingStore).
            #expect(packs.count == 2)
            packNames.append(packs)
            refs.append(git(["show-ref"], in: repo).stdout)
            // Building again writes nothing.
            let again = try builder.build(paths: Package.seedFiles)
            #expect(again.newObjects == 0 && again.committed.isEmpty)
        }
        #expect(refs[0] == refs[1])
        #expect(packNames[0] == packNames[1], "the same bytes: a pack is named by its checksum")
        #expect(refs[0].contains("refs/notes/lineage"))
    }

    @Test func progressIsReportedForEachPhaseUpToItsTotal() throws {
        let dir = ScratchDirectory()
        var builder = HistoryBuilder(repositoryPath: dir.path + "/h.git")
        final class Log: @unchecked Sendable { var calls: [(HistoryBuilder.Phase, Int, Int)] = [] }
        let log = Log()
        builder.onProgress = { log.calls.append(($0, $1, $2)) }
        let report = try builder.build(paths: Package.seedFiles)
        let committing = log.calls.filter { $0.0 == .committing }
        let lineage = log.calls.filter { $0.0 == .lineage }
        #expect(committing.last.map { $0.1 == $0.2 && $0.2 == report.history.count } == true)
        #expect(lineage.last.map { $0.1 == $0.2 && $0.2 == report.history.count } == true)
        #expect(log.calls.last { $0.0 == .reading }.map { $0.1 == $0.2 && $0.2 == Package.seedFiles.count } == true)
        #expect(log.calls.lastIndex { $0.0 == .reading }! < log.calls.firstIndex { $0.0 == .committing }!)
        #expect(log.calls.firstIndex { $0.0 == .lineage }! > log.calls.lastIndex { $0.0 == .committing }!)
        #expect(zip(lineage, lineage.dropFirst()).allSatisfy { $0.1 <= $1.1 })
    }

    /// NoteJSON must give JSONEncoder's bytes (the stored format) on real notes and odd strings.
    @Test func notesAreEncodedAsJSONEncoderDoes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let (revisions, parentsOf) = SyntheticGraphTests.series(seed: 7, trunk: 12, branch: 6, cite: true)
        var states: [String: LineageState] = [:]
        var oddified = 0
        for revision in revisions {
            let parents = parentsOf[revision.number]!.map { ($0, states[$0]!) }
            var (note, full) = try RevisionLineage.compute(revision: revision, parents: parents, overrides: AlignmentOverrides())
            states[revision.number] = full
            #expect(note.encoded() == Array(try encoder.encode(note)))
            if note.oddify() {
                #expect(note.encoded() == Array(try encoder.encode(note)))
                oddified += 1
            }
        }
        #expect(oddified > 10)
    }
}

@Suite struct ArchiveDeltaTests {
    static func record(_ id: String) -> ClauseRecord {
        ClauseRecord(id: id, introduced: "1/1", lastChanged: "1/1", kind: .operative, text: id, origins: [])
    }

    /// The walk gives what comparing id sets gives, in Provenance's shape and in others.
    @Test(arguments: [
        (["a", "b", "c"], ["a", "c", "d"]),  // b restored, d deleted
        ([], ["x"]), (["x"], []), (["a", "b"], ["a", "b"]),
        (["a", "b", "c"], ["c", "a", "b"]),  // reordered: falls back
        (["a", "b", "c"], ["a", "d", "b", "c"]),  // inserted in the middle: falls back
    ] as [([String], [String])])
    func archiveDeltaMatchesSetComparison(before: [String], after: [String]) {
        let delta = Provenance.archiveDelta(from: before.map(Self.record), to: after.map(Self.record))
        #expect(delta.archived.map(\.id) == after.filter { !before.contains($0) })
        #expect(delta.unarchived == before.filter { !after.contains($0) })
    }
}

extension RevisionLineage {
    /// Gives the note's first clause every kind of character JSON escapes, drops its optional
    /// fields, and adds changes with fractions and a restoration: what encoders and decoders
    /// must agree on. False if the note has no clause.
    mutating func oddify() -> Bool {
        guard var first = state.clauses.first else { return false }
        first.text = "a/\"\\\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}\u{2028} é😀"
        first.label = nil
        first.removedIn = "x"
        first.parent = 3
        state.clauses[0] = first
        changes.append(Change(kind: .modified, old: [1], new: [2], similarity: 1.0 / 3, restoredFrom: "r#1"))
        changes.append(Change(kind: .split, old: [1], new: [2, 3], similarity: 2.5e-5))
        return true
    }
}

/// Commit messages are read back as they were written, whatever the spacing of their trailers.
@Suite struct CommitMessageTests {
    @Test func trailersAreReadBackAsWritten() throws {
        var resolution = Resolution()
        resolution.title = "Developments in the field: information"
        resolution.symbol = "A/RES/69/28"
        resolution.number = "69/28"
        resolution.session = 69
        resolution.adopted = CivilDate(iso: "2014-12-02")
        resolution.meeting = 62
        resolution.agendaItem = 91
        resolution.committeeReport = "A/69/435"
        var revision = Revision(resolution: resolution, dateSource: .citedBy("A/RES/70/237"))
        revision.continues = [
            Revision.Continuation(number: "65/41", reason: "cited; 83% of its text is there (and more)"),
            Revision.Continuation(number: nil, reason: "a second parent, none"),
        ]
        let message = try CommitMessage.render(revision)
        for text in [message, message + "\n\n", message.replacingOccurrences(of: ": ", with: ":   \t")] {
            var read = Resolution()
            let (source, continues) = CommitMessage.parse(text, into: &read)
            #expect(read.symbol == "A/RES/69/28" && read.number == "69/28" && read.session == 69)
            #expect(read.adopted == CivilDate(iso: "2014-12-02") && read.meeting == 62 && read.agendaItem == 91)
            #expect(read.committeeReport == "A/69/435")
            #expect(source == .citedBy("A/RES/70/237"))
            #expect(continues == revision.continues)
            if text != message.replacingOccurrences(of: ": ", with: ":   \t") {
                #expect(read.title == "Developments in the field: information")
            }
        }
        var untitled = Resolution()
        _ = CommitMessage.parse("A/RES/1/1: (untitled)\n\nNumber: 1/1\n", into: &untitled)
        #expect(untitled.title == nil && untitled.number == "1/1")
    }
}
