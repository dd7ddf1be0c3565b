import Testing
@testable import LineageCore

@Suite struct TokenizerTests {
    @Test func wordsNumbersSymbolsAndPunctuation() {
        let t = Tokenizer.tokenize("Recalling its resolutions 68/243 of 27 December 2013, A/60/687 and A/C.2/59/3;")
        #expect(t.tokens.map(\.text) == [
            "Recalling", "its", "resolutions", "68/243", "of", "27", "December", "2013", ",", "A/60/687", "and",
            "A/C.2/59/3", ";",
        ])
        #expect(t[3].kind == .number)
        #expect(t[9].kind == .number)
        #expect(t[0].kind == .word)
        #expect(t[8].kind == .punctuation)
    }

    @Test func hyphenatedWordsAndApostrophesAreOneToken() {
        let t = Tokenizer.tokenize("the sixty-second session of the Secretary-General's Group’s work")
        #expect(t.tokens.map(\.text) == ["the", "sixty-second", "session", "of", "the", "Secretary-General's", "Group’s", "work"])
    }

    @Test func everyPunctuationMarkIsItsOwnToken() {
        let t = Tokenizer.tokenize("entitled \"Developments\" (second phase)... — end.")
        #expect(t.tokens.map(\.text) == ["entitled", "\"", "Developments", "\"", "(", "second", "phase", ")", ".", ".", ".", "—", "end", "."])
    }

    @Test func sentenceFinalPeriodIsNotPartOfTheWord() {
        let t = Tokenizer.tokenize("See A/51/261, annex. Corr.1 and Add.1.")
        #expect(t.tokens.map(\.text) == ["See", "A/51/261", ",", "annex", ".", "Corr.1", "and", "Add.1", "."])
    }

    @Test func joiningTokensGivesBackTheTextExactly() {
        let texts = [
            "  Recalling,\tin this connection,\n the approaches  and principles ",
            "Notes with satisfaction that the Secretary-General… “quoted” ¹ café naïve 10,000",
            "",
            "   ",
        ]
        for text in texts {
            let t = Tokenizer.tokenize(text)
            #expect(Tokenizer.join(t.tokens) + t.trailingWhitespace == text)
            #expect(t.joined(0..<t.count) + t.trailingWhitespace == text)
            if t.count > 2 {
                #expect(t.joined(0..<1) + t.joined(1..<t.count) + t.trailingWhitespace == text)
            }
        }
    }

    @Test func leadingWhitespaceIsRecorded() {
        let t = Tokenizer.tokenize("a  b,c")
        #expect(t[0].leadingWhitespace == "")
        #expect(t[1].leadingWhitespace == "  ")
        #expect(t[2].leadingWhitespace == "")
        #expect(t[3].leadingWhitespace == "")
    }

    @Test func typographicVariantsShareKeys() {
        #expect(Tokenizer.keys("Group's") == Tokenizer.keys("Group’s"))
        #expect(Tokenizer.keys("\"x\"") == Tokenizer.keys("“x”"))
        #expect(Tokenizer.keys("Notes") != Tokenizer.keys("notes"))
        #expect(Tokenizer.keys("2004") != Tokenizer.keys("2005"))
    }

    @Test func footnoteMarksStaySeparate() {
        let t = Tokenizer.tokenize("made,¹ and results²")
        #expect(t.tokens.map(\.text) == ["made", ",", "¹", "and", "results", "²"])
    }

    @Test func keysMatchTokenize() {
        let text = "Welcomes the commencement of the work of the Group of Governmental Experts, and authorizes the Group;"
        #expect(Tokenizer.keys(text) == Tokenizer.tokenize(text).keys)
    }

    /// `keys` gives exactly the keys `tokenize` does, closing marks included, without the spans.
    @Test func keysAreTheTokenizersKeys() {
        let texts = [
            "Recalling its resolutions 68/243 of 27 December 2013, A/60/687 and A/C.2/59/3;",
            "Welcomes the norms:\nStates should cooperate.\nStates should not;\n(c) protect,\n",
            "a . b ; c , d.", ";", ". \n ,", "", "  ", "Decides to remain seized of the matter.",
            "one;\ntwo,\r\nthree. four;  \n\nfive",
        ]
        for text in texts {
            #expect(Tokenizer.keys(text) == Tokenizer.tokenize(text).keys, "\(text)")
        }
        #expect(Tokenizer.keys("States should cooperate.\nNext").contains(Tokenizer.closingKey))
    }
}
