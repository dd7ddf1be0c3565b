import Foundation
import LineageCore
import Testing

@testable import Lineage

/// NoteDecoding must read back what JSONDecoder reads, and leave to it whatever it cannot read.
@Suite struct NoteDecodingTests {
    /// Decoded by both, on the notes of a branching synthetic history and on odd strings.
    @Test func notesAreReadAsJSONDecoderReadsThem() throws {
        let (revisions, parentsOf) = SyntheticGraphTests.series(seed: 11, trunk: 12, branch: 6, cite: true)
        var states: [String: LineageState] = [:]
        var checked = 0
        for revision in revisions {
            let parents = parentsOf[revision.number]!.map { ($0, states[$0]!) }
            var (note, full) = try RevisionLineage.compute(revision: revision, parents: parents, overrides: AlignmentOverrides())
            states[revision.number] = full
            let bytes = note.encoded()
            let fast = try NoteDecoding.decode(bytes)
            #expect(fast == (try JSONDecoder().decode(RevisionLineage.self, from: Data(bytes))))
            #expect(fast == note)
            if note.oddify() {
                let odd = note.encoded()
                #expect(try NoteDecoding.decode(odd) == (try JSONDecoder().decode(RevisionLineage.self, from: Data(odd))))
                #expect(try NoteDecoding.decode(odd) == note)
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    /// Other spellings JSON allows: spaces, `null` optionals, `\u` escapes (surrogate pairs
    /// too), `\/`, unknown keys, keys in any order, integers as doubles.
    @Test func otherSpellingsOfTheSameNote() throws {
        let text = #"""
            { "revision" : "2/1", "format": 1, "parents": ["1/1"], "restored": [], "archived": [],
              "footnoteChanges": [], "extra": {"a": [1, 2.5e3, true, false, null, "x"]},
              "changes": [ {"words": [{"text": "\u00e9\ud83d\ude00 a\/b", "op": "insert"}], "similarity": 1,
                            "old": [], "new": [0], "kind": "inserted", "restoredFrom": null} ],
              "state": {"revision": "2/1", "format": 1, "footnotes": null,
                        "clauses": [{"id": "1/1#1", "introduced": "1/1", "lastChanged": "2/1", "kind": "operative",
                                     "label": null, "parent": null, "removedIn": null, "text": "t",
                                     "origins": [[1, "1/1"], [ 2 , "2/1" ]]}]} }
            """#
        let bytes = Array(text.utf8)
        let fast = try NoteDecoding.decode(bytes)
        #expect(fast == (try JSONDecoder().decode(RevisionLineage.self, from: Data(bytes))))
        #expect(fast.changes[0].words[0].text == "é😀 a/b")
        #expect(fast.changes[0].similarity == 1)
        #expect(fast.state.clauses[0].origins == [OriginRun(count: 1, revision: "1/1"), OriginRun(count: 2, revision: "2/1")])
        #expect(fast.state.footnotes.isEmpty && fast.state.archive.isEmpty)
    }

    /// What it does not read, it refuses (and ``RevisionLineage/decode(_:commit:)`` asks
    /// JSONDecoder, whose error is reported).
    @Test(arguments: [
        "", "{", "[]", #"{"format":1}"#, "{} x",
        #"{"archived":[],"changes":[],"footnoteChanges":[],"format":1,"parents":[],"restored":[],"revision":"1","state":{"clauses":[],"format":2,"revision":"1"}}"#,
        #"{"archived":[],"changes":[],"footnoteChanges":[],"format":1.5,"parents":[],"restored":[],"revision":"1","state":{"clauses":[],"format":1,"revision":"1"}}"#,
    ])
    func malformedNotesAreRefused(text: String) {
        #expect(throws: NoteDecoding.Malformed.self) { try NoteDecoding.decode(Array(text.utf8)) }
        #expect(throws: LineageError.self) { try RevisionLineage.decode(Array(text.utf8), commit: "c") }
    }

    /// A lone surrogate is not a character.
    @Test func loneSurrogatesAreRefused() {
        let text = #"{"archived":[],"changes":[],"footnoteChanges":[],"format":1,"parents":["\ud800"],"restored":[],"revision":"1","state":{"clauses":[],"format":1,"revision":"1"}}"#
        #expect(throws: NoteDecoding.Malformed.self) { try NoteDecoding.decode(Array(text.utf8)) }
    }

    /// The smallest note: both read it alike.
    @Test func theSmallestNote() throws {
        let text = #"{"archived":[],"changes":[],"footnoteChanges":[],"format":1,"parents":[],"restored":[],"revision":"1","state":{"clauses":[],"format":1,"revision":"1"}}"#
        let bytes = Array(text.utf8)
        #expect(try NoteDecoding.decode(bytes) == (try JSONDecoder().decode(RevisionLineage.self, from: Data(bytes))))
        #expect(try RevisionLineage.decode(bytes, commit: "c").revision == "1")
    }
}
