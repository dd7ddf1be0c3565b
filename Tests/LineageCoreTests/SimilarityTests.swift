import Testing
@testable import LineageCore

@Suite struct SimilarityTests {
    @Test func identicalAndDisjoint() {
        #expect(Similarity.score("Requests the Secretary-General to report", "Requests the Secretary-General to report") == 1)
        #expect(Similarity.score("Requests the Secretary-General", "Welcomes commencement") == 0)
    }

    @Test func stopWordsAndPunctuationDoNotCount() {
        #expect(Similarity.score("the study of the threats;", "study threats") == 1)
        #expect(Similarity.score("of the and, to", "in that which;") == 0)
    }

    @Test func halfTheWordsKept() {
        let s = Similarity.score("alpha beta gamma delta", "alpha beta epsilon zeta")
        #expect(abs(s - 0.5) < 1e-9)
    }

    @Test func commonWordsWeighLessWithACorpus() {
        let corpus = [
            "information security Member States cooperation",
            "information security Member States threats",
            "information security Member States Midrand",
            "information security Member States Tunis",
        ]
        let model = Similarity(corpus: corpus)
        // Sharing only the formulaic words scores lower than sharing a rare one.
        let formulaic = model.score("information security Member States alpha", "information security Member States beta")
        #expect(formulaic < Similarity.score("information security Member States alpha", "information security Member States beta"))
        #expect(model.weight(of: Tokenizer.keys("Midrand")[0]) > model.weight(of: Tokenizer.keys("security")[0]))
        #expect(model.weight(of: Tokenizer.keys("the")[0]) == 0)
    }

    @Test func containment() {
        let whole = "Requests the Secretary-General to continue the study and invites Member States to submit views"
        let part = "Invites Member States to submit views"
        #expect(Similarity.uniform.containment(of: part, in: whole) > 0.7)
        #expect(Similarity.uniform.containment(of: whole, in: part) < 0.5)
    }
}
