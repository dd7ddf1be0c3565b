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
