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

extension SharedCorpusTests {
    /// Every file of sessions 74–79 reads as a resolution with a symbol, a date, operative
    /// paragraphs and a vote, or is refused for a stated reason.
    @Test func everyFileOfTheSharedCorpusReads() throws {
        let files = SharedCorpus.files()
        #expect(files.count > 1900)
        var read = 0
        var refused: [String: [String]] = [:]
        var stats: [String: Int] = [:]
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            do {
                let r = try ResolutionReader.read(bytes)
                read += 1
                if r.adopted == nil { stats["no date", default: 0] += 1; print("NODATE", file) }
                if r.meeting == nil { stats["no meeting", default: 0] += 1; print("NOMEETING", file) }
                if r.title == nil { stats["no title", default: 0] += 1; print("NOTITLE", file) }
                if r.draft == nil { stats["no draft", default: 0] += 1; print("NODRAFT", file) }
                for sp in r.sponsors where sp.contains(" and ") || sp.count > 60 { print("SPONSOR", sp) }
                if r.vote == nil { stats["no vote", default: 0] += 1; print("NOVOTE", file) }
                if r.sponsors.isEmpty { stats["no sponsors", default: 0] += 1 }
                if !r.annexes.isEmpty { stats["annexes", default: 0] += 1 }
                if r.agendaItem == nil { stats["no agenda", default: 0] += 1 }
                let rendered = CanonicalDocument.render(r)
                let back = try CanonicalDocument.parse(rendered)
                if back.paragraphs != r.paragraphs {
                    stats["no round trip", default: 0] += 1
                    if let d = zip(back.paragraphs, r.paragraphs).first(where: { $0.0 != $0.1 }) { print("NORT", file, d.1.kind, d.1.label ?? "nil", d.1.text.prefix(50), "->", d.0.kind, d.0.label ?? "nil") } else { print("NORT count", file) }
                }
            } catch {
                refused[error.reason, default: []].append(file)
            }
        }
        print("read \(read) of \(files.count); \(stats)")
        for (reason, list) in refused { print("REFUSED \(list.count): \(reason): \(list.prefix(3))") }
    }
}
