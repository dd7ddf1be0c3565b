import Testing
@testable import LineageCore

@Suite struct WordDiffTests {
    /// Old and new texts rebuilt from the runs.
    func sides(_ runs: [WordRun]) -> (old: String, new: String) {
        var old = "", new = ""
        for r in runs {
            if r.op != .insert { old += r.text }
            if r.op != .delete { new += r.text }
        }
        return (old, new)
    }

    @Test func identicalTextsAreOneEqualRun() {
        let runs = WordDiff.diff("Decides to include in the provisional agenda", "Decides to include in the provisional agenda")
        #expect(runs == [WordRun(op: .equal, text: "Decides to include in the provisional agenda")])
    }

    @Test func singleWordChange() {
        let old = "Decides to include in the provisional agenda of its sixtieth session the item"
        let new = "Decides to include in the provisional agenda of its sixty-second session the item"
        let runs = WordDiff.diff(old, new)
        #expect(runs.filter { $0.op == .delete }.map(\.text) == [" sixtieth"])
        #expect(runs.filter { $0.op == .insert }.map(\.text) == [" sixty-second"])
        #expect(sides(runs).old == old)
        #expect(sides(runs).new == new)
    }

    @Test func runsRebuildBothTexts() {
        let old = "Bearing in mind the results of the Ministerial Conference on Terrorism, held in Paris on 30 July 1996, and the recommendations that it made,"
        let new = "Bearing in mind the results of the Ministerial Conference on Terrorism, held in Paris on 30 July 1996, and the recommendations that were made,"
        let runs = WordDiff.diff(old, new)
        #expect(sides(runs).old == old)
        #expect(sides(runs).new == new)
        #expect(runs.filter { $0.op != .equal }.map(\.text) == [" it", " were"])
    }

    @Test func noChaffInRewrittenClause() {
        // A rewritten opening must not be split into confetti around a shared "the".
        let old = "Requests the Secretary-General, with the assistance of a group of governmental experts, to continue to study"
        let new = "Welcomes the commencement of the work of the Group of Governmental Experts, and authorizes the Group, to continue to study"
        let runs = WordDiff.diff(old, new)
        let firstChange = runs.firstIndex { $0.op != .equal }!
        #expect(firstChange == 0)
        // The change is one delete and one insert before the shared tail.
        #expect(runs.count == 3)
        #expect(runs[2] == WordRun(op: .equal, text: ", to continue to study"))
        #expect(sides(runs).old == old)
        #expect(sides(runs).new == new)
    }

    @Test func rawScriptKeepsCommonWords() {
        let a = Tokenizer.keys("alpha the beta")
        let b = Tokenizer.keys("gamma the delta")
        let raw = WordDiff.script(a, b)
        #expect(raw.contains { $0.op == .equal })
        let clean = WordDiff.script(a, b, cleanup: true)
        #expect(!clean.contains { $0.op == .equal })
    }

    @Test func scriptCountsAreConsistent() {
        let a = Tokenizer.keys("one two three four five six seven")
        let b = Tokenizer.keys("zero one three four 4.5 six seven eight")
        let s = WordDiff.script(a, b)
        let oldCount = s.filter { $0.op != .insert }.reduce(0) { $0 + $1.count }
        let newCount = s.filter { $0.op != .delete }.reduce(0) { $0 + $1.count }
        #expect(oldCount == a.count)
        #expect(newCount == b.count)
        #expect(s.filter { $0.op == .equal }.reduce(0) { $0 + $1.count } == 5)
    }

    @Test func movedPhraseKeepsTheLongerRun() {
        // Anchors are weighted by the run they sit in: the kept phrase wins over a lone word.
        let old = "alpha beta gamma delta epsilon zeta eta"
        let new = "zeta alpha beta gamma delta epsilon theta"
        let runs = WordDiff.diff(old, new, cleanup: false)
        #expect(runs.contains(WordRun(op: .equal, text: " alpha beta gamma delta epsilon")))
    }

    @Test func adversarialIdenticalTokens() {
        let old = Array(repeating: "the", count: 10_000).joined(separator: " ")
        let new = Array(repeating: "the", count: 9_000).joined(separator: " ") + " of " + Array(repeating: "the", count: 999).joined(separator: " ")
        let s = WordDiff.script(Tokenizer.keys(old), Tokenizer.keys(new))
        #expect(s.filter { $0.op == .equal }.reduce(0) { $0 + $1.count } == 9_999)
    }

    @Test func adversarialFullRewriteOfLongParagraph() {
        var rng = SplitMix64(seed: 1)
        let a = (0..<10_000).map { _ in "w\(rng.below(5_000))" }.joined(separator: " ")
        let b = (0..<10_000).map { _ in "v\(rng.below(5_000))" }.joined(separator: " ")
        let runs = WordDiff.diff(a, b)
        #expect(runs.count == 2)
        #expect(sides(runs).old == a)
        #expect(sides(runs).new == b)
    }

    @Test func adversarialAlternatingTokens() {
        let a = Array(repeating: "alpha beta", count: 5_000).joined(separator: " ")
        let b = Array(repeating: "beta alpha", count: 5_000).joined(separator: " ")
        let s = WordDiff.script(Tokenizer.keys(a), Tokenizer.keys(b))
        let oldCount = s.filter { $0.op != .insert }.reduce(0) { $0 + $1.count }
        #expect(oldCount == 10_000)
    }
}
