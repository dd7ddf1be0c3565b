import Foundation
import ResolutionText
import Testing
@testable import LineageCore

@Suite struct ParagraphAlignerTests {
    let base = doc([
        .pre(Text.recalling), .pre(Text.noting), .pre(Text.affirming), .pre(Text.concern), .op(Text.callsUpon),
        .op(Text.invites), .sub(Text.subA), .sub(Text.subB), .sub(Text.subC), .op(Text.decides),
    ])

    @Test func identicalRevisionsAreUnchanged() {
        let a = ParagraphAligner.align(old: base, new: base)
        #expect(a.changes.count == base.count)
        #expect(a.changes.allSatisfy { $0.kind == .unchanged && $0.words.isEmpty && $0.similarity == 1 })
        #expect(a.changes.map(\.new) == base.indices.map { [$0] })
    }

    @Test func renumberingAloneIsUnchanged() {
        let new = doc([
            .pre(Text.recalling), .pre(Text.noting), .pre(Text.affirming), .pre(Text.concern),
            .op("Welcomes the commencement of the work of the Group of Governmental Experts;"), .op(Text.callsUpon),
            .op(Text.invites), .sub(Text.subA), .sub(Text.subB), .sub(Text.subC), .op(Text.decides),
        ])
        let a = ParagraphAligner.align(old: base, new: new)
        #expect(coversEverything(a, old: base.count, new: new.count))
        #expect(a.change(forNew: 4)?.kind == .inserted)
        for j in 5..<new.count {
            #expect(a.change(forNew: j)?.kind == .unchanged)
            #expect(a.change(forNew: j)?.old == [j - 1])
        }
        #expect(new[5].label == "2" && base[4].label == "1")
    }

    @Test func changedFootnoteMarksAloneAreUnchanged() {
        let marked = doc(
            [
                .pre(Text.recalling), .pre(Text.noting), .pre(Text.affirming), .pre(Text.concern), .op(Text.callsUpon),
                .op(Text.invites), .sub(Text.subA), .sub(Text.subB), .sub(Text.subC), .op(Text.decides),
            ], marks: [1: ["3"], 3: ["4", "5"]])
        let a = ParagraphAligner.align(old: base, new: marked)
        #expect(a.changes.allSatisfy { $0.kind == .unchanged })
    }

    @Test func lightModification() {
        var new = base
        new[9].text = Text.decidesNew
        let a = ParagraphAligner.align(old: base, new: new)
        let c = a.change(forNew: 9)!
        #expect(c.kind == .modified)
        #expect(c.old == [9])
        #expect(c.similarity < 1 && c.similarity > 0.8)
        #expect(c.words.filter { $0.op == .delete }.map(\.text) == [" sixtieth"])
        #expect(c.words.filter { $0.op == .insert }.map(\.text) == [" sixty-second"])
    }

    @Test func heavyRewordingIsStillTheSameClause() {
        let old = doc([.pre(Text.recalling), .op(Text.callsUpon), .op(Text.op4Old), .op(Text.decides)])
        let new = doc([.pre(Text.recalling), .op(Text.callsUpon), .op(Text.op4New), .op(Text.decidesNew)])
        let a = ParagraphAligner.align(old: old, new: new)
        let c = a.change(forNew: 2)!
        #expect(c.kind == .modified)
        #expect(c.old == [2])
        #expect(c.similarity > ParagraphAligner.matchThreshold && c.similarity < 0.9)
    }

    @Test func unrelatedClauseInTheSamePlaceIsInsertedAndDeleted() {
        var new = base
        new[7].text = Text.subBNew
        let a = ParagraphAligner.align(old: base, new: new)
        #expect(a.change(forOld: 7)?.kind == .deleted)
        #expect(a.change(forNew: 7)?.kind == .inserted)
        #expect(a.change(forNew: 7)?.words == [WordRun(op: .insert, text: Text.subBNew)])
        #expect(a.change(forOld: 7)?.words == [WordRun(op: .delete, text: Text.subB)])
        #expect(coversEverything(a, old: base.count, new: new.count))
    }

    @Test func deletionIsPlacedWhereTheClauseStood() {
        let new = doc([.pre(Text.recalling), .pre(Text.affirming), .pre(Text.concern)])
        let old = doc([.pre(Text.recalling), .pre(Text.noting), .pre(Text.affirming), .pre(Text.concern)])
        let a = ParagraphAligner.align(old: old, new: new)
        #expect(a.changes.map(\.kind) == [.unchanged, .deleted, .unchanged, .unchanged])
    }

    @Test func movedAndMovedModified() {
        let old = doc([.pre(Text.recalling), .pre(Text.noting), .pre(Text.affirming), .pre(Text.concern), .pre(Text.midrand)])
        let new = doc([.pre(Text.recalling), .pre(Text.affirming), .pre(Text.concern), .pre(Text.midrand), .pre(Text.noting)])
        let a = ParagraphAligner.align(old: old, new: new)
        #expect(a.change(forOld: 1)?.kind == .moved)
        #expect(a.change(forOld: 1)?.new == [4])
        #expect(a.change(forOld: 1)?.words == [])
        #expect(a.change(forOld: 1)?.similarity == 1)
        for o in [0, 2, 3, 4] { #expect(a.change(forOld: o)?.kind == .unchanged) }

        var modified = new
        modified[4].text = Text.noting.replacingOccurrences(of: "considerable", with: "significant")
        let b = ParagraphAligner.align(old: old, new: modified)
        let c = b.change(forOld: 1)!
        #expect(c.kind == .moved)
        #expect(!c.words.isEmpty)
        #expect(c.similarity < 1)
    }

    @Test func split() {
        let old = doc([.pre(Text.recalling), .op(Text.callsUpon), .op(Text.longClause), .op(Text.decides)])
        let new = doc([.pre(Text.recalling), .op(Text.callsUpon), .op(Text.splitFirst), .op(Text.splitSecond), .op(Text.decides)])
        let a = ParagraphAligner.align(old: old, new: new)
        let c = a.change(forOld: 2)!
        #expect(c.kind == .split)
        #expect(c.old == [2])
        #expect(c.new == [2, 3])
        #expect(c.similarity > 0.8)
        #expect(coversEverything(a, old: old.count, new: new.count))
        #expect(a.changes.filter { $0.kind == .unchanged }.count == 3)
    }

    @Test func merged() {
        let old = doc([.pre(Text.recalling), .op(Text.callsUpon), .op(Text.splitFirst), .op(Text.splitSecond), .op(Text.decides)])
        let new = doc([.pre(Text.recalling), .op(Text.callsUpon), .op(Text.longClause), .op(Text.decides)])
        let a = ParagraphAligner.align(old: old, new: new)
        let c = a.change(forNew: 2)!
        #expect(c.kind == .merged)
        #expect(c.old == [2, 3])
        #expect(c.new == [2])
        #expect(coversEverything(a, old: old.count, new: new.count))
    }

    @Test func subParagraphsAlignWithinTheirParent() {
        var new = base
        new[7].text = Text.subB.replacingOccurrences(of: "unauthorized", with: "unlawful")
        let a = ParagraphAligner.align(old: base, new: new)
        #expect(a.change(forNew: 7)?.kind == .modified)
        #expect(a.change(forNew: 7)?.old == [7])
    }

    @Test func subParagraphIsNotPairedWithAPreambularParagraphWithoutOverwhelmingEvidence() {
        let old = doc([.pre(Text.recalling), .op(Text.invites), .sub(Text.subA), .sub(Text.subB)])
        // The sub-paragraph's text reappears, rewritten by half, as a preambular paragraph.
        let rewritten = "Noting the definition of basic notions related to information security and the concerns about misuse of telecommunications,"
        let new = doc([.pre(Text.recalling), .pre(rewritten), .op(Text.invites), .sub(Text.subA)])
        let a = ParagraphAligner.align(old: old, new: new)
        #expect(a.change(forOld: 3)?.kind == .deleted)
        #expect(a.change(forNew: 1)?.kind == .inserted)
        // Almost the same text: overwhelming evidence, paired (and moved: it left its parent).
        let kept = doc([.pre(Text.recalling), .pre(Text.subB), .op(Text.invites), .sub(Text.subA)])
        let b = ParagraphAligner.align(old: old, new: kept)
        #expect(b.change(forOld: 3)?.new == [1])
    }

    @Test func forcedAndForbiddenPairs() {
        let old = doc([.pre(Text.recalling), .op(Text.op4Old), .op(Text.decides)])
        let new = doc([.pre(Text.recalling), .op(Text.splitSecond), .op(Text.decides)])
        let plain = ParagraphAligner.align(old: old, new: new)
        #expect(plain.change(forNew: 1)?.kind == .inserted)
        let forced = ParagraphAligner.align(old: old, new: new, forced: [(old: 1, new: 1)])
        let c = forced.change(forNew: 1)!
        #expect(c.kind == .modified)
        #expect(c.old == [1])
        #expect(c.similarity < ParagraphAligner.matchThreshold)
        let forbidden = ParagraphAligner.align(old: old, new: new, forbidden: [(old: 2, new: 2)])
        #expect(forbidden.change(forNew: 2)?.kind == .inserted)
        #expect(forbidden.change(forOld: 2)?.kind == .deleted)
    }

    @Test func footnotesAlignByText() {
        let old = [
            Footnote(mark: "1", text: "See A/51/261, annex."),
            Footnote(mark: "2", text: "A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1, A/57/166 and Add.1, A/58/373 and A/59/116 and Add.1."),
        ]
        let new = [
            Footnote(mark: "1", text: "See A/51/261, annex."),
            Footnote(mark: "2", text: "See A/C.2/59/3 and A/60/687."),
            Footnote(mark: "3", text: "A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1, A/57/166 and Add.1, A/58/373, A/59/116 and Add.1, A/60/95 and Add.1 and A/61/161."),
        ]
        let a = ParagraphAligner.align(old: old, new: new)
        #expect(a.change(forNew: 0)?.kind == .unchanged)
        #expect(a.change(forNew: 1)?.kind == .inserted)
        #expect(a.change(forNew: 2)?.kind == .modified)
        #expect(a.change(forNew: 2)?.old == [1])
    }

    // MARK: - Adversarial inputs (correctness only; timings are reported, not asserted)

    @Test func fullRewrite() {
        let other = SyntheticSeries(seed: 99, revisions: 1).revisions[0].paragraphs
        let mine = SyntheticSeries(seed: 3, revisions: 1).revisions[0].paragraphs
        let a = ParagraphAligner.align(old: mine, new: other)
        #expect(coversEverything(a, old: mine.count, new: other.count))
        #expect(a.changes.filter { $0.kind == .inserted }.count >= other.count - 3)
    }

    @Test func tenThousandWordParagraph() {
        var rng = SplitMix64(seed: 5)
        var words = (0..<10_000).map { _ in "w\(rng.below(3_000))" }
        let old = doc([.pre(words.joined(separator: " "))])
        for i in stride(from: 0, to: words.count, by: 10) { words[i] = "changed\(i)" }
        let new = doc([.pre(words.joined(separator: " "))])
        let a = ParagraphAligner.align(old: old, new: new)
        #expect(a.changes.count == 1)
        #expect(a.changes[0].kind == .modified)
        #expect(a.changes[0].words.filter { $0.op == .insert }.count >= 900)
    }

    @Test func identicalParagraphs() {
        let old = doc(Array(repeating: .pre(Text.noting), count: 40))
        let same = ParagraphAligner.align(old: old, new: old)
        #expect(same.changes.allSatisfy { $0.kind == .unchanged })
        let changed = doc(Array(repeating: .pre(Text.noting + " and of communication"), count: 40))
        let a = ParagraphAligner.align(old: old, new: changed)
        #expect(a.changes.allSatisfy { $0.kind == .modified })
        #expect(a.changes.map(\.old) == (0..<40).map { [$0] })
        let stopWordsOnly = doc([.pre(Array(repeating: "the", count: 10_000).joined(separator: " "))])
        let fewer = doc([.pre(Array(repeating: "the", count: 9_000).joined(separator: " ") + " of")])
        #expect(ParagraphAligner.align(old: stopWordsOnly, new: fewer).changes.map(\.kind) == [.modified])
    }

    @Test func reversedDocument() {
        let old = doc([.pre(Text.recalling), .pre(Text.noting), .pre(Text.affirming), .pre(Text.concern), .pre(Text.midrand)])
        let new = doc(old.reversed().map { .pre($0.text) })
        let a = ParagraphAligner.align(old: old, new: new)
        #expect(a.changes.filter { $0.kind == .moved }.count == 4)
        #expect(a.changes.filter { $0.kind == .unchanged }.count == 1)
        #expect(coversEverything(a, old: old.count, new: new.count))
    }

    @Test func fiftySplits() {
        var rng = SplitMix64(seed: 9)
        let longs = (0..<50).map { _ in (0..<60).map { _ in "w\(rng.below(5_000))" } }
        var parts: [Item] = []
        for w in longs {
            parts.append(.op(w[0..<25].joined(separator: " ")))
            parts.append(.op("Also " + w[25...].joined(separator: " ")))
        }
        let old = doc(longs.map { .op($0.joined(separator: " ")) })
        let new = doc(parts)
        let a = ParagraphAligner.align(old: old, new: new)
        #expect(a.changes.count == 50)
        #expect(a.changes.allSatisfy { $0.kind == .split && $0.new.count == 2 })
        let back = ParagraphAligner.align(old: new, new: old)
        #expect(back.changes.allSatisfy { $0.kind == .merged && $0.old.count == 2 })
    }
}
