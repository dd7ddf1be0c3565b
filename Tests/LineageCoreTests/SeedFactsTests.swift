import Foundation
import ResolutionText
import Testing
@testable import LineageCore

/// Facts about the real seed resolutions of the series, checked on the whole chain
/// 59/61 → 61/54 → 63/37 → 65/41 → 69/28 as parsed by `ResolutionParser`.
@Suite struct SeedFactsTests {
    static let files = ["plain-text.txt", "pdf-extract.txt", "markdown.md", "unicode-marks.txt", "word-export.txt"]
    static let keys = ["59/61", "61/54", "63/37", "65/41", "69/28"]

    struct Step {
        var text: RevisionText
        var state: LineageState
        var changes: [Change]
    }

    static func history() throws -> [Step] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lineage")
        var steps: [Step] = []
        for (file, key) in zip(files, keys) {
            let source = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let r = try ResolutionParser.parse(source)
            let text = RevisionText(key: key, paragraphs: r.paragraphs, footnotes: r.footnotes)
            let (state, changes) = Provenance.advance(parents: steps.last.map { [$0.state] } ?? [], to: text)
            steps.append(Step(text: text, state: state, changes: changes))
        }
        return steps
    }

    func index(_ step: Step, _ prefix: String) -> Int? {
        step.text.paragraphs.firstIndex { $0.text.hasPrefix(prefix) }
    }

    func record(_ step: Step, _ prefix: String) -> ClauseRecord? {
        index(step, prefix).map { step.state.clauses[$0] }
    }

    func change(_ step: Step, new: Int) -> Change? { step.changes.first { $0.new.contains(new) } }

    @Test func humanRightsClauseIntroducedIn69_28() throws {
        let h = try Self.history()
        let r = try #require(record(h[4], "Noting the importance of respect for human rights"))
        #expect(r.introduced == "69/28")
        #expect(change(h[4], new: index(h[4], "Noting the importance of respect")!)?.kind == .inserted)
    }

    @Test func worldSummitClauseIntroducedIn61_54AndNeverChanged() throws {
        let h = try Self.history()
        let id = try #require(record(h[1], "Bearing in mind also the results of the World Summit")).id
        for step in h[1...] {
            let r = try #require(record(step, "Bearing in mind also the results of the World Summit"))
            #expect(r.id == id)
            #expect(r.introduced == "61/54")
            #expect(r.lastChanged == "61/54")
        }
        // Its footnote changed between 63/37 and 65/41; that is not a clause change.
        #expect(h[2].text.footnotes[1].text != h[3].text.footnotes[1].text)
        #expect(change(h[3], new: index(h[3], "Bearing in mind also the results")!)?.kind == .unchanged)
    }

    @Test func subParagraphBWasReplacedIn61_54() throws {
        let h = try Self.history()
        let oldB = try #require(index(h[0], "Definition of basic notions"))
        let newB = try #require(index(h[1], "Efforts taken at the national level"))
        #expect(h[1].changes.first { $0.old.contains(oldB) }?.kind == .deleted)
        #expect(change(h[1], new: newB)?.kind == .inserted)
        #expect(h[1].state.clauses[newB].introduced == "61/54")
        #expect(h[1].state.archive.contains { $0.text.hasPrefix("Definition of basic notions") })
    }

    @Test func operativeFiveDeletedAndSixRenumberedAndModified() throws {
        let h = try Self.history()
        let op5 = try #require(index(h[0], "Also notes with satisfaction"))
        #expect(h[1].changes.first { $0.old.contains(op5) }?.kind == .deleted)
        let op6 = try #require(index(h[0], "Decides to include"))
        let c = try #require(h[1].changes.first { $0.old.contains(op6) })
        #expect(c.kind == .modified)
        #expect(h[0].text.paragraphs[op6].label == "6")
        #expect(h[1].text.paragraphs[c.new[0]].label == "5")
        #expect(c.words.filter { $0.op == .delete }.map(\.text) == [" sixtieth"])
        #expect(c.words.filter { $0.op == .insert }.map(\.text) == [" sixty-second"])
    }

    @Test func operativeFourIsOneClauseRewrittenOverTheYears() throws {
        let h = try Self.history()
        let openings = ["Notes with satisfaction", "Requests the Secretary-General", "Requests the Secretary-General",
                        "Requests the Secretary-General", "Welcomes the commencement"]
        var id: String? = nil
        for (k, step) in h.enumerated() {
            let i = try #require(index(step, openings[k]))
            #expect(step.text.paragraphs[i].label == "4")
            let r = step.state.clauses[i]
            #expect(r.introduced == "59/61")
            if let id { #expect(r.id == id) } else { id = r.id }
            if k > 0 {
                let c = try #require(change(step, new: i))
                // 63/37 repeats 61/54's text word for word; every other revision rewrites it.
                #expect(c.kind == (k == 2 ? .unchanged : .modified), "\(Self.keys[k])")
                #expect(c.old.count == 1)
                #expect(h[k - 1].text.paragraphs[c.old[0]].label == "4")
            }
        }
        #expect(record(h[4], "Welcomes the commencement")?.lastChanged == "69/28")
    }

    @Test func firstPreambularParagraphProvenance() throws {
        let h = try Self.history()
        for (k, step) in h.enumerated() {
            let r = step.state.clauses[0]
            #expect(r.text.hasPrefix("Recalling its resolutions 53/70"))
            #expect(r.introduced == "59/61")
            #expect(r.lastChanged == Self.keys[k])
            if k > 0 { #expect(step.changes.first { $0.new == [0] }?.kind == .modified) }
        }
        let blame = h[4].state.clauses[0].blame()
        func owner(of fragment: String) -> [String] {
            // Revisions of the runs overlapping `fragment`'s position in the text.
            let text = blame.map(\.text).joined()
            guard let range = text.range(of: fragment) else { return [] }
            let start = text.distance(from: text.startIndex, to: range.lowerBound)
            let end = start + fragment.count
            var at = 0
            var out: [String] = []
            for run in blame {
                let next = at + run.text.count
                if next > start && at < end && !run.text.trimmingCharacters(in: .whitespaces).isEmpty { out.append(run.revision) }
                at = next
            }
            return out
        }
        #expect(Set(owner(of: "Recalling its resolutions 53/70")) == ["59/61"])
        #expect(Set(owner(of: "66/24 of 2 December 2011, 67/27 of 3 December 2012 and 68/243 of 27 December 2013")) == ["69/28"])
    }

    @Test func recommendationsThatWereMade() throws {
        let h = try Self.history()
        let i = try #require(index(h[4], "Bearing in mind the results of the Ministerial Conference"))
        let c = try #require(change(h[4], new: i))
        #expect(c.kind == .modified)
        #expect(c.words.filter { $0.op != .equal }.map(\.text) == [" it", " were"])
        let r = h[4].state.clauses[i]
        let t = Tokenizer.tokenize(r.text)
        let origins = r.tokenOrigins
        for k in 0..<t.count {
            #expect(origins[k] == (t[k].text == "were" ? "69/28" : "59/61"), "\(t[k].text)")
        }
    }
}

/// The same facts on hand-built pairs, independent of the parser.
@Suite struct SeedPairTests {
    @Test func subParagraphReplacement() {
        let old = doc([.op(Text.invites), .sub(Text.subA), .sub(Text.subB), .sub(Text.subC)])
        let new = doc([
            .op(Text.invites), .sub(Text.subA), .sub(Text.subBNew), .sub(Text.subC),
            .sub("Possible measures that could be taken by the international community to strengthen information security at the global level;"),
        ])
        let a = ParagraphAligner.align(old: old, new: new)
        #expect(a.change(forOld: 2)?.kind == .deleted)
        #expect(a.change(forNew: 2)?.kind == .inserted)
        #expect(a.change(forNew: 4)?.kind == .inserted)
    }

    @Test func operativeFourAcrossThreeSessions() {
        let old = doc([.op(Text.callsUpon), .op(Text.op4Old), .op("Also notes with satisfaction that the group of governmental experts established by the Secretary-General held its first session from 12 to 16 July 2004 in New York and that it intends to convene two more sessions in 2005 to fulfil its mandate specified in resolution 58/32;"), .op(Text.decides)])
        let new = doc([
            .pre("Bearing in mind that the Secretary-General, in fulfilment of resolution 58/32, established in 2004 a group of governmental experts, which, in accordance with its mandate, considered existing and potential threats in the sphere of information security and possible cooperative measures to address them and conducted a study on relevant international concepts aimed at strengthening the security of global information and telecommunications systems,"),
            .op(Text.callsUpon), .op(Text.op4New), .op(Text.decidesNew),
        ])
        let a = ParagraphAligner.align(old: old, new: new)
        #expect(a.change(forOld: 1)?.kind == .modified)
        #expect(a.change(forOld: 1)?.new == [2])
        #expect(a.change(forOld: 2)?.kind == .deleted)
        #expect(a.change(forNew: 0)?.kind == .inserted)
    }
}
