import Testing

@testable import ResolutionFormats

@Suite struct InputFormatTests {
    @Test func recognisesFormatsByContentNotName() {
        #expect(InputFormat.recognise(Array("%PDF-1.7\n%âãÏÓ\n".utf8)) == .pdf)
        #expect(InputFormat.recognise([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]) == .legacyWord)
        #expect(InputFormat.recognise(Array("<?xml version=\"1.0\"?>\n<!-- x -->\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">".utf8)) == .akomaNtoso)
        #expect(InputFormat.recognise(Array("<?xml version=\"1.0\"?><an:akomaNtoso xmlns:an=\"x\">".utf8)) == .akomaNtoso)
        #expect(InputFormat.recognise(Array("<?xml version=\"1.0\"?><svg/>".utf8)) == .other)
        #expect(InputFormat.recognise([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]) == .other)
        #expect(InputFormat.recognise(Array("69/28. Developments in the field".utf8)) == .text)
    }
}
