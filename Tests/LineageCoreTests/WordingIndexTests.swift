import Testing

@testable import LineageCore

/// Wordings (a paragraph's words, case and punctuation aside), their similarity, and the index
/// that finds them.
@Suite struct WordingIndexTests {
    static let a = "Stressing that the protection of the environment is a shared responsibility of all States,"
    static let b = "Requests the Secretary-General to report to it at its seventy-fifth session on the implementation of the present resolution."

    func key(_ byte: UInt8) -> DocumentKey { DocumentKey(Array(repeating: byte, count: DocumentKey.size)) }

    @Test func caseSpacingPunctuationAndQuotesAreNotTheWording() {
        #expect(Wording("Stressing that the protection of the environment, is a shared  responsibility of all “States”;").key
            == Wording(Self.a.uppercased()).key)
        #expect(Wording("Group’s work").key == Wording("group's work").key)
        #expect(Wording(Self.a).key != Wording(Self.b).key)
        #expect(Wording(Self.a).words.count == 14)
        #expect(Wording(" ;; ").isEmpty)
    }

    @Test func oneWordChangedInFourteenKeepsMostShingles() {
        let changed = Wording(Self.a.replacingOccurrences(of: "shared", with: "common"))
        let original = Wording(Self.a)
        // 11 shingles of 4 words each; the changed word is in 4 of them.
        #expect(original.shingles.count == 11)
        let common = Set(original.shingles).intersection(changed.shingles).count
        #expect(common == 7)
        #expect(Wording.similarity(common: common, original.shingles.count, changed.shingles.count) == 7.0 / 11.0)
    }

    @Test func theIndexFindsExactAndNearWordingsAndRoundTrips() throws {
        let near = Self.b.replacingOccurrences(of: "seventy-fifth", with: "seventy-sixth")
        let segment = WordingSegment(documents: [
            (key(1), [IndexedParagraph(text: Self.a, address: "pp1"), IndexedParagraph(text: Self.b, address: "op2")]),
            (key(2), [IndexedParagraph(text: near, address: "op3"), IndexedParagraph(text: Self.a.lowercased(), address: "pp4")]),
        ])
        #expect(segment.wordingCount == 3 && segment.paragraphCount == 4)
        let exact = segment.matches(Wording(Self.a), minimum: 0.8)
        #expect(Set(exact.map(\.address)) == ["pp1", "pp4"] && exact.allSatisfy { $0.exact && $0.similarity == 1 })
        let matches = segment.matches(Wording(Self.b), minimum: 0.7).sorted { $0.document < $1.document }
        #expect(matches.map(\.address) == ["op2", "op3"])
        // 18 words, 15 shingles: one word changed costs 4 of them.
        #expect(matches[1].similarity == 11.0 / 15.0 && !matches[1].exact)
        #expect(segment.matches(Wording(Self.b), minimum: 0.8).map(\.address) == ["op2"])

        let decoded = try WordingSegment(decoding: segment.encoded())
        #expect(decoded.documents == segment.documents)
        #expect(decoded.matches(Wording(Self.b), minimum: 0.7).sorted { $0.document < $1.document } == matches)
        #expect(throws: WordingSegment.FormatError.self) { try WordingSegment(decoding: Array(segment.encoded().dropLast())) }
    }

    @Test func mergedSegmentsAnswerAsTheSegmentsDid() {
        let first = WordingSegment(documents: [(key(1), [IndexedParagraph(text: Self.a, address: "pp1")])])
        let second = WordingSegment(documents: [
            (key(2), [IndexedParagraph(text: Self.a, address: "pp2"), IndexedParagraph(text: Self.b, address: "op1")]),
            (key(1), [IndexedParagraph(text: Self.b, address: "op9")]),  // already in the first: left out
        ])
        let merged = WordingSegment.merged([first, second])
        #expect(merged.documents == [key(1), key(2)])
        #expect(merged.wordingCount == 2 && merged.paragraphCount == 3)
        let found = merged.matches(Wording(Self.a), minimum: 0.8).map { merged.documents[$0.document] }
        #expect(Set(found) == [key(1), key(2)])
        #expect(merged.matches(Wording(Self.b), minimum: 0.8).map(\.address) == ["op1"])
    }
}
