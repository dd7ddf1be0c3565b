import Testing
@testable import LineageCore

@Suite struct SyntheticSeriesTests {
    @Test func deterministicAndSeeded() {
        let a = SyntheticSeries(seed: 1, revisions: 5)
        let b = SyntheticSeries(seed: 1, revisions: 5)
        let c = SyntheticSeries(seed: 2, revisions: 5)
        #expect(a.revisions == b.revisions)
        #expect(a.revisions != c.revisions)
        #expect(a.revisions.map(\.key) == ["r1", "r2", "r3", "r4", "r5"])
    }

    @Test func revisionsLookLikeResolutions() {
        let s = SyntheticSeries(seed: 3, revisions: 30)
        for r in s.revisions {
            #expect((34...48).contains(r.paragraphs.count))
            let bytes = r.paragraphs.reduce(0) { $0 + $1.text.utf8.count }
            #expect((9_000...22_000).contains(bytes))
            #expect(r.paragraphs.contains { $0.kind == .preambular })
            #expect(r.paragraphs.contains { $0.kind == .operative })
            let operatives = r.paragraphs.filter { $0.kind == .operative }
            #expect(operatives.map(\.label) == operatives.indices.map { String($0 + 1) })
            for p in r.paragraphs where p.kind == .subparagraph {
                #expect(r.paragraphs[p.parent!].kind == .operative)
            }
        }
        #expect(s.revisions[0].paragraphs[0].text.hasPrefix("Recalling its resolutions"))
    }

    @Test func truthIsConsistentWithTheTexts() {
        let s = SyntheticSeries(seed: 5, revisions: 40)
        for (r, text) in s.revisions.enumerated() {
            let t = s.truth[r]
            #expect(t.clauses.count == text.paragraphs.count)
            #expect(Set(t.clauses).count == t.clauses.count)
            for (p, para) in text.paragraphs.enumerated() {
                #expect(t.origins[p].reduce(0) { $0 + $1.count } == Tokenizer.tokenize(para.text).count)
                #expect(t.origins[p].allSatisfy { Int($0.revision.dropFirst())! <= r + 1 })
            }
            for l in t.links {
                #expect(l.new < text.paragraphs.count)
                #expect(r > 0 && l.old < s.revisions[r - 1].paragraphs.count)
            }
        }
    }

    @Test func everyKindOfEditHappens() {
        let s = SyntheticSeries(seed: 8, revisions: 60)
        var kinds = Set<ChangeKind>()
        var state: LineageState? = nil
        for r in s.revisions {
            let (next, changes) = Provenance.advance(parents: state.map { [$0] } ?? [], to: r)
            kinds.formUnion(changes.map(\.kind))
            state = next
        }
        #expect(kinds == Set(ChangeKind.allCases))
    }

    @Test func accuracyMeetsTargets() {
        var total = Accuracy()
        for seed: UInt64 in [1, 2, 3] {
            let a = Accuracy.evaluate(seed: seed, revisions: 120)
            #expect(a.f1 >= 0.99, "seed \(seed): \(a)")
            #expect(a.wordOrigin >= 0.99, "seed \(seed): \(a)")
            #expect(a.introduced >= 0.98, "seed \(seed): \(a)")
            total.trueLinks += a.trueLinks
            total.foundLinks += a.foundLinks
            total.correctLinks += a.correctLinks
        }
        #expect(total.trueLinks > 1_000)
    }

    @Test func generatorStreamsLongSeries() {
        var g = SyntheticGenerator(seed: 21)
        var last = ""
        for _ in 0..<300 { last = g.next().0.key }
        #expect(last == "r300")
    }
}
