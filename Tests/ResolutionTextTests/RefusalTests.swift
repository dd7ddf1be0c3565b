import Foundation
import Testing

@testable import ResolutionText

/// Inputs that must be refused, each with a clear reason.
@Suite struct RefusalTests {
    func decodeError(_ bytes: [UInt8]) -> ParseError? {
        do {
            _ = try SourceText.decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    func parseError(_ text: String) -> ParseError? {
        do {
            _ = try ResolutionParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Bytes

    @Test func emptyFile() {
        #expect(decodeError([]) == ParseError(.empty, "empty file"))
        #expect(parseError("")?.category == .empty)
    }

    @Test func whitespaceOnly() {
        let e = decodeError(Array(" \n\t\r\n  \u{A0}\n".utf8))
        #expect(e?.category == .empty)
        #expect(e?.reason == "empty file: it contains only white space")
        #expect(parseError("   \n\n\t ")?.category == .empty)
    }

    @Test func binaryData() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let e = decodeError(png)
        #expect(e?.category == .binary)
        #expect(e?.reason == "binary data, not text (NUL byte at offset 8)")
        // Control characters without NULs.
        let controls = decodeError(Array(repeating: [0x41, 0x01, 0x02, 0x42], count: 50).flatMap { $0 })
        #expect(controls?.category == .binary)
        #expect(controls?.reason.hasPrefix("binary data, not text (100 control characters") == true)
        // UTF-16 without a byte-order mark is NUL-ridden: say so.
        let utf16 = decodeError(Array("69/28. Title\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(utf16?.reason.contains("UTF-16 text without a byte-order mark?") == true)
    }

    @Test func invalidUTF8NamesTheByteAndItsOffset() {
        var latin1 = Array("Resolution adopted by the General Assembly".utf8)
        latin1 += [0x20, 0x72, 0xE9, 0x73]  // " rés" in Latin-1
        let e = decodeError(latin1)
        #expect(e == ParseError(.encoding, "not valid UTF-8 text (byte 0xE9 at offset 44)"))
        // Overlong encoding, lone continuation byte, surrogate, truncated sequence at the end.
        #expect(decodeError([0x41, 0xC0, 0xAF])?.reason == "not valid UTF-8 text (byte 0xC0 at offset 1)")
        #expect(decodeError([0x41, 0x80])?.reason == "not valid UTF-8 text (byte 0x80 at offset 1)")
        #expect(decodeError([0xED, 0xA0, 0x80])?.reason == "not valid UTF-8 text (byte 0xED at offset 0)")
        #expect(decodeError([0x41, 0x42, 0xE2, 0x80])?.reason == "not valid UTF-8 text (byte 0xE2 at offset 2)")
    }

    @Test func acceptedEncodingsAndLineEndings() throws {
        #expect(try SourceText.decode(Array("a\r\nb\rc\n".utf8)) == "a\nb\nc\n")
        #expect(try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("“69/28”".utf8)) == "“69/28”")
        let text = "Résolution\r\n69/28 ‘x’"
        let le: [UInt8] = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try SourceText.decode(le) == "Résolution\n69/28 ‘x’")
        #expect(try SourceText.decode(be) == "Résolution\n69/28 ‘x’")
        let emoji = "📜"
        #expect(try SourceText.decode([0xFF, 0xFE] + Array(emoji.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) == emoji)
        #expect(decodeError([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00])?.reason == "not valid UTF-16 text (unpaired surrogate 0xD800 at offset 2)")
        #expect(decodeError([0xFF, 0xFE, 0x41])?.category == .encoding)
    }

    // MARK: Texts that are not resolutions

    @Test func aReadmeIsNotAResolution() {
        let readme = """
            # lineage

            A version-control-style tracker for UN General Assembly resolutions.

            ## Usage

            1. Build it with `swift build`.
            2. Run `lineage build lineage/`.

            The General Assembly adopts hundreds of resolutions each session.
            """
        #expect(parseError(readme) == ParseError(.notAResolution, "not a resolution: no resolution number such as '69/28.' heading was found"))
    }

    @Test func aNewsArticleIsNotAResolution() {
        let news = """
            NEW YORK, 2 December 2014 — The General Assembly today adopted resolution 69/28 on
            developments in the field of information and telecommunications, by a recorded vote.
            Delegates said the text, which recalls resolutions 53/70 and 68/243, would guide the
            work of a new group of governmental experts in 2015.
            """
        #expect(parseError(news)?.category == .notAResolution)
    }

    @Test func aNumberedNoteIsNotAResolution() {
        // A heading-like line alone does not make a resolution.
        let note = """
            12/25. Holiday arrangements

            Staff are reminded of the following.

            1. The office closes at noon.
            2. It reopens on Monday.
            """
        let e = parseError(note)
        #expect(e?.category == .notAResolution)
        #expect(e?.reason.contains("is not followed by \"The General Assembly,\"") == true)
    }

    @Test func aSeedWithoutItsHeadingIsRefused() throws {
        let seed = try #require(Fixtures.seed("65/41"))
        let text = seed.text.replacingOccurrences(of: "65/41. ", with: "")
        let e = parseError(text)
        #expect(e?.category == .notAResolution)
        #expect(e?.reason.contains("the text has a resolution header: is it cut off before the heading?") == true)
    }

    // MARK: Cut-off files

    @Test(arguments: Fixtures.seedNumbers) func firstFortyPercentOfASeedIsCutOff(_ number: String) throws {
        let seed = try #require(Fixtures.seed(number))
        let cut = String(seed.text.prefix(seed.text.count * 40 / 100))
        let e = try #require(parseError(cut), "\(number) cut at 40% was accepted")
        #expect(e.category == .cutOff)
        #expect(e.reason.hasPrefix("cut off: no operative paragraphs"))
    }

    @Test(arguments: Fixtures.seedNumbers) func seedTruncatedInTheOperativePartIsCutOff(_ number: String) throws {
        let seed = try #require(Fixtures.seed(number))
        // In the middle of operative paragraph 4: find where it starts in the source, then its
        // middle word after that.
        let op4 = try #require(seed.resolution.paragraph(at: "op4"))
        let words = op4.text.split(separator: " ")
        let start = try #require(seed.text.range(of: #"(?m)^\s*4\.\s+\*?"# + words[0], options: .regularExpression))
        let middle = try #require(seed.text.range(of: " " + words[words.count / 2], range: start.upperBound..<seed.text.endIndex))
        let cut = String(seed.text[..<middle.upperBound])
        let e = try #require(parseError(cut), "\(number) truncated in op4 was accepted")
        #expect(e.category == .cutOff)
        #expect(e.reason.hasPrefix("cut off: the last paragraph (op4) ends with \""))
        #expect(e.reason.hasSuffix("\" instead of a full stop"))
    }

    @Test func seedWithItsOperativePartRemovedIsCutOff() throws {
        let seed = try #require(Fixtures.seed("59/61"))
        let start = try #require(seed.text.range(of: "1. *Calls upon*"))
        let text = String(seed.text[..<start.lowerBound]) + "66th plenary meeting 3 December 2004\n"
        let e = try #require(parseError(text))
        #expect(e.reason == "cut off: no operative paragraphs (numbered '1.', '2.', …) were found after the 13 preambular paragraph(s): the operative part is missing")
    }

    @Test func seedCutAfterACompleteSubparagraphIsCutOff() throws {
        let seed = try #require(Fixtures.seed("63/37"))
        let end = try #require(seed.text.range(of: "strengthen information security at the global level;"))
        let e = try #require(parseError(String(seed.text[..<end.upperBound])))
        #expect(e.reason == "cut off: the last paragraph (op3(d)) ends with \"…nformation security at the global level;\" instead of a full stop")
    }

    @Test func footnoteReferencedButMissingIsCutOff() throws {
        // 65/41 with the text of footnote ³ removed.
        let seed = try #require(Fixtures.seed("65/41"))
        let line = try #require(seed.text.split(separator: "\n").first { $0.hasPrefix("³ ") })
        let e = try #require(parseError(seed.text.replacingOccurrences(of: String(line), with: "")))
        #expect(e == ParseError(.cutOff, "cut off: footnote 3 is referenced in pp12 but its text is missing"))
    }

    @Test func bareMarkWithoutItsFootnotesIsCutOff() throws {
        // 69/28 keeps its footnotes after the meeting line: cut them off.
        let seed = try #require(Fixtures.seed("69/28"))
        let end = try #require(seed.text.range(of: "62nd plenary meeting\n2 December 2014\n"))
        let e = try #require(parseError(String(seed.text[..<end.upperBound])))
        #expect(e == ParseError(.cutOff, "cut off: pp6 refers to footnote 1 (\"made,1\") but no footnote 1 was found"))
    }

    @Test func textEndingAfterTheHeadingIsCutOff() throws {
        let seed = try #require(Fixtures.seed("61/54"))
        let e = parseError(String(seed.text.prefix(60)))
        #expect(e == ParseError(.cutOff, "cut off: the text ends after the heading '61/54.'"))
    }

    @Test func everyLinePrefixOfEverySeedIsRefusedOrWhole() throws {
        // Cutting a seed after any line either gives the whole body (the cut fell after the last
        // paragraph) or a refusal: never a shorter, silently accepted resolution.
        for number in Fixtures.seedNumbers {
            let seed = try #require(Fixtures.seed(number))
            let lines = seed.text.split(separator: "\n", omittingEmptySubsequences: false)
            for k in 1..<lines.count {
                let text = lines[0..<k].joined(separator: "\n")
                if let r = try? ResolutionParser.parse(text) {
                    #expect(r.paragraphs == seed.resolution.paragraphs, "\(number) cut after line \(k) accepted")
                }
            }
        }
    }
}
