import Foundation
import ResolutionText
import Testing
import TestSupport

@testable import ResolutionFormats

/// Checks against the UN's own Akoma Ntoso files of sessions 74–79 in `../shared/corpus`
/// (read-only material beside the package; never copied into it). When that folder is absent
/// these tests are skipped, and say so: nothing here is then checked.
@Suite(.enabled(if: SharedCorpus.isPresent, "../shared/corpus/unga-akn is absent: the UN's Akoma Ntoso files are not checked"))
struct SharedCorpusTests {
    /// 76/19 read from the bundled PDF extract and from the UN's Akoma Ntoso: one canonical document.
    @Test func resolution76_19ReadsTheSameFromTextAndFromAkomaNtoso() throws {
        let text = try ResolutionReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: Package.seed("A_RES_76_19.txt")))))
        let akn = try ResolutionReader.read(try SharedCorpus.bytes("76/A_RES_76_19-2118253E.xml"))
        let a = CanonicalDocument.render(text).split(separator: "\n", omittingEmptySubsequences: false)
        let b = CanonicalDocument.render(akn).split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (x, y)) in zip(a, b).enumerated() where x != y {
            Issue.record("line \(i + 1) differs:\n  text: \(x)\n  AKN:  \(y)")
        }
        #expect(a.count == b.count)
        #expect(text.symbol == akn.symbol)
        #expect(text.adopted == akn.adopted)
        #expect(text.meeting == akn.meeting)
        #expect(text.agendaItem == akn.agendaItem)
        #expect(text.committeeReport == akn.committeeReport)
        #expect(akn.draft == "A/C.1/76/L.13")
        #expect(akn.sponsors.first == "Australia")
        #expect(akn.sponsors.contains("United Kingdom of Great Britain and Northern Ireland"))
        #expect(akn.sponsors.last == "Zambia")
        #expect(akn.vote == Vote(outcome: "adoptedWithoutVote"))
    }
}

enum SharedCorpus {
    /// `../shared/corpus/unga-akn/en` beside the package.
    static let folder = URL(fileURLWithPath: Package.root).deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/unga-akn/en").path
    static var isPresent: Bool { FileManager.default.fileExists(atPath: folder) }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative)))
    }

    /// The text between `after` and the first `before` following it, for `after` + value + `before`
    /// (`<count value="92" refersTo="inFavour">`); `nil` when absent.
    static func attributeValue(in markup: String, before: String, after: String) -> String? {
        guard let end = markup.range(of: before) else { return nil }
        guard let start = markup[..<end.lowerBound].range(of: after, options: .backwards) else { return nil }
        return String(markup[start.upperBound..<end.lowerBound])
    }

    /// Every file, sorted by session folder then name.
    static func files() -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        for session in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            let dir = folder + "/" + session
            for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() { out.append(dir + "/" + name) }
        }
        return out
    }
}

extension SharedCorpusTests {
    /// Every file of sessions 74–79 reads as a resolution, and what the markup holds is what
    /// is read: a symbol, a number, a title, a date and operative paragraphs in every one; a
    /// meeting, a vote and a draft unless the markup has none; each count of a recorded vote
    /// is the number of Member States listed under it.
    @Test func everyFileOfTheSharedCorpusReads() throws {
        let files = SharedCorpus.files()
        #expect(files.count == 1973, "the shared corpus holds 1,973 files (sessions 74–79)")
        var read = 0, recorded = 0, withoutMeeting = 0, withoutDraft = 0, withAnnexes = 0, sponsors = 0
        var refused: [String] = []
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            let markup = String(decoding: bytes, as: UTF8.self)
            let r: Resolution
            do {
                r = try ResolutionReader.read(bytes)
            } catch {
                refused.append("\(file): \(error.reason)")
                continue
            }
            read += 1
            #expect(r.symbol?.hasPrefix("A/RES/") == true, "\(file)")
            #expect(r.number != nil && r.title != nil && r.adopted != nil, "\(file)")
            #expect(r.paragraphs.contains { $0.kind == .operative }, "\(file)")
            if r.meeting == nil {
                withoutMeeting += 1
                #expect(!markup.contains("plenary meeting<") && !markup.contains("adoptionMeeting"), "\(file)")
            }
            if r.draft == nil {
                withoutDraft += 1
                #expect(!markup.contains("outcome=\"draftResolution\" as=\"A/"), "\(file)")
            }
            #expect((r.vote == nil) == !markup.contains("<voting outcome=\""), "\(file)")
            if let vote = r.vote, !vote.ballots.isEmpty {
                recorded += 1
                // The counts as the markup writes them; every Member State listed under them.
                for (count, name) in [(vote.inFavour, "inFavour"), (vote.against, "against"), (vote.abstaining, "abstaining")] {
                    let written = SharedCorpus.attributeValue(in: markup, before: "\" refersTo=\"\(name)\">", after: "<count value=\"")
                    #expect(count.map(String.init) == written, "\(file): \(name)")
                }
                if !markup.contains("<documentCollection") {
                    #expect(vote.ballots.count == markup.components(separatedBy: "refersTo=\"memberState\"").count - 1, "\(file)")
                }
            }
            if !r.annexes.isEmpty { withAnnexes += 1 }
            sponsors += r.sponsors.count
        }
        #expect(refused.isEmpty, "\(refused)")
        print(
            "shared corpus: \(read) of \(files.count) files read; \(recorded) recorded votes; \(withoutMeeting) without a meeting "
                + "(silence procedure); \(withoutDraft) without a draft symbol; \(withAnnexes) with annexes; \(sponsors) sponsor entries")
    }
}
