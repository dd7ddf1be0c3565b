import Foundation
import Testing

@testable import ResolutionText

/// Every bundled text, cut anywhere before the end of its last operative paragraph (at every
/// line boundary, in the middle of every line, and right after every full stop inside a line),
/// is refused as cut off; the uncut texts all read.
@Suite struct CutTextTests {
    /// The texts to cut: the bundled corpus and, when present, the shared later resolutions
    /// (`../shared/later`, beside the package; a file whose text is already bundled is cut once).
    static func sources() -> [(path: String, text: String)] {
        var folders = [Fixtures.corpus]
        let later = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/later")
        if FileManager.default.fileExists(atPath: later.path) {
            folders.append(later)
        } else {
            print("CutTextTests: \(later.path) is absent; only the bundled corpus is cut")
        }
        var out: [(String, String)] = []
        var texts = Set<String>()
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? []
            for name in names where !name.hasPrefix(".") {
                let path = folder.appendingPathComponent(name).path
                guard let data = FileManager.default.contents(atPath: path), let text = try? SourceText.decode(Array(data)),
                    texts.insert(text).inserted
                else { continue }
                out.append((path, text))
            }
        }
        return out
    }

    /// The cut versions of `text`: each a prefix ending before the end of the last operative
    /// paragraph, whose last line is its last non-blank line.
    static func cuts(of text: String, resolution r: Resolution) -> [String] {
        let lines = text.components(separatedBy: "\n")
        func plain(_ s: String) -> String {
            s.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "*_#"))
        }
        guard let lastOperative = r.paragraphs.last(where: { $0.kind == .operative }), let label = lastOperative.label,
            let startLine = lines.lastIndex(where: { plain($0).hasPrefix(label + ".") }),
            let assembly = lines.firstIndex(where: { $0.contains("The General Assembly") })
        else { return [] }
        // The last line of the last paragraph: the last line that ends with a full stop before the
        // closing lines (or the end).
        var endLine = startLine
        while endLine + 1 < lines.count, !ResolutionParser.endsWithFullStop(plain(lines[endLine])) { endLine += 1 }
        var out: [String] = []
        var seen = Set<String>()
        func add(_ s: String) {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !t.isEmpty, seen.insert(t).inserted else { return }
            out.append(s)
        }
        for k in (assembly + 1)...endLine {
            let before = lines[..<k].joined(separator: "\n")
            add(before)
            let line = lines[k]
            // In the middle of the line, and after each full stop inside it.
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if words.count >= 2 {
                add(before + "\n" + words.prefix(words.count / 2).joined(separator: " "))
            }
            var index = line.startIndex
            while let dot = line[index...].firstIndex(of: ".") {
                let after = line.index(after: dot)
                if after < line.endIndex, line[after] == " ", !line[after...].allSatisfy(\.isWhitespace) {
                    add(before + "\n" + line[..<after])
                }
                index = after
            }
        }
        return out
    }

    @Test func everyCutTextIsRefusedAndTheUncutTextsRead() throws {
        let sources = Self.sources()
        #expect(sources.count >= 8)
        var total = 0
        for (path, text) in sources {
            let r = try ResolutionParser.parse(text)
            #expect(r.paragraphs.contains { $0.kind == .operative }, "\(path)")
            let cuts = Self.cuts(of: text, resolution: r)
            #expect(cuts.count > 20, "\(path): only \(cuts.count) cuts")
            total += cuts.count
            for cut in cuts {
                do {
                    let accepted = try ResolutionParser.parse(cut)
                    let tail = cut.trimmingCharacters(in: .whitespacesAndNewlines).suffix(80)
                    Issue.record("\(path): a text cut after \"…\(tail)\" was accepted (\(accepted.paragraphs.count) paragraphs)")
                } catch {
                    #expect(error.category == .cutOff, "\(path): \(error.reason)")
                    #expect(error.reason.hasPrefix("cut off: "))
                }
            }
        }
        #expect(total > 1000)
        print("CutTextTests: \(total) cut texts of \(sources.count) files checked")
    }
}
