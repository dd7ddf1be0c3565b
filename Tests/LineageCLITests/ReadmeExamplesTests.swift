import Foundation
import TestSupport
import Testing

/// One `$ lineage …` example of the README: the command and the lines shown under it.
struct ReadmeExample: CustomStringConvertible {
    /// The line of the README the command is on (1-based), for messages.
    var line: Int
    var arguments: [String]
    var shown: [String]
    /// The `$ git …` lines just before it in its block (setup: a clone), run with git first.
    var gitSteps: [[String]] = []

    var description: String { "README.md:\(line): $ lineage \(arguments.joined(separator: " "))" }

    /// Every example of `readme`: in a fenced block, a line `$ lineage ARGS` and the lines up to
    /// the next `$ ` line or the end of the block. Arguments split at spaces, double quotes
    /// grouping words.
    static func all(in readme: String) -> [ReadmeExample] {
        var out: [ReadmeExample] = []
        var inBlock = false
        // Whether the last example is still collecting lines (same block, no other `$ ` since).
        var open = false
        var gitSteps: [[String]] = []
        for (n, line) in readme.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                inBlock.toggle()
                open = false
                gitSteps = []
                continue
            }
            guard inBlock else { continue }
            if line.hasPrefix("$ ") {
                open = line.hasPrefix("$ lineage ") || line == "$ lineage"
                if line.hasPrefix("$ git ") { gitSteps.append(words(String(line.dropFirst("$ git".count)))) }
                if open {
                    out.append(ReadmeExample(line: n + 1, arguments: words(String(line.dropFirst("$ lineage".count))), shown: [], gitSteps: gitSteps))
                    gitSteps = []
                }
            } else if open {
                out[out.count - 1].shown.append(String(line))
            }
        }
        return out
    }

    static func words(_ text: String) -> [String] {
        var out: [String] = [], word = "", quoted = false, any = false
        for c in text {
            if c == "\"" { quoted.toggle(); any = true; continue }
            if c == " " && !quoted {
                if any { out.append(word) }
                word = ""; any = false
                continue
            }
            word.append(c); any = true
        }
        if any { out.append(word) }
        return out
    }

    /// Whether the real output `actual` shows the README's lines, in order: a line `…` stands for
    /// any lines; a `…` inside a line for any text there. Blank lines are not compared. Returns
    /// the first shown line that is missing, with the nearest real line, or `nil` when all are.
    func mismatch(_ actual: String) -> String? {
        let real = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var at = 0
        for expected in shown where !expected.trimmingCharacters(in: .whitespaces).isEmpty && expected != "…" {
            if let found = real[at...].firstIndex(where: { Self.matches($0, expected) }) {
                at = found + 1
                continue
            }
            let nearest = real[at...].max { Self.commonPrefix($0, expected) < Self.commonPrefix($1, expected) } ?? "(no more output)"
            return "\(self): the README shows\n    \(expected)\nbut the nearest line of the output is\n    \(nearest)\nwhole output:\n\(actual)"
        }
        return nil
    }

    /// `real` matches `pattern` whose `…` stand for any text (a trailing one for the rest).
    static func matches(_ real: String, _ pattern: String) -> Bool {
        let parts = pattern.components(separatedBy: "…")
        guard parts.count > 1 else { return real == pattern }
        guard real.hasPrefix(parts[0]) else { return false }
        var rest = real.dropFirst(parts[0].count)
        for (i, part) in parts.dropFirst().enumerated() {
            if part.isEmpty { continue }
            if i == parts.count - 2 {
                return rest.hasSuffix(part)
            }
            guard let r = rest.range(of: part) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }

    static func commonPrefix(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}

/// The README shows real output: each `$ lineage …` example is run on the bundled corpus, in
/// order, in a scratch repository, and every line it shows must appear in the real output.
/// When an output changes, this test names the example and the line that differs; update the
/// README to what the command prints now.
@Suite struct ReadmeExamplesTests {
    @Test func everyExampleShowsRealOutput() throws {
        let readme = try String(contentsOfFile: Package.root + "/README.md", encoding: .utf8)
        let examples = ReadmeExample.all(in: readme)
        #expect(examples.count >= 8, "the README's examples were not found")
        // The README runs in the package folder (`lineage/` the bundled corpus, the repository
        // lineage.git there): here a scratch folder with `lineage/` linked to the corpus, its path
        // shown as the README's.
        let dir = ScratchDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/lineage", withDestinationPath: Package.corpus)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/Tests", withDestinationPath: Package.root + "/Tests")
        // `corpus/`, as the README's example of a folder with other files: the bundled texts, a
        // README, a JSON index and an image.
        dir.write("corpus/README.md", "# Resolutions\n\nThe texts of the series, as received.\n")
        dir.write("corpus/index.json", "{\"files\": []}\n")
        for name in try FileManager.default.contentsOfDirectory(atPath: Package.corpus) where !name.hasPrefix(".") {
            try FileManager.default.copyItem(atPath: Package.corpus + "/" + name, toPath: dir.path + "/corpus/" + name)
        }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: URL(fileURLWithPath: dir.path + "/corpus/logo.png"))
        let shownFolder = "/home/you/lineage"
        for example in examples {
            for step in example.gitSteps {
                let done = git(step, in: dir.path)
                #expect(done.status == 0, "\(example): git \(step.joined(separator: " ")): \(done.stderr)")
            }
            if example.arguments.first != "build" && !FileManager.default.fileExists(atPath: dir.path + "/lineage.git") {
                let built = lineage(["build", Package.corpus], in: dir.path)
                #expect(built.status == 0, "\(built.stderr)")
            }
            let result = lineage(example.arguments, in: dir.path)
            // An example that shows an error shows standard error, and the command fails.
            let refused = example.shown.first?.hasPrefix("error: ") == true
            #expect(result.status == (refused ? 1 : 0), "\(example): \(result.stderr)")
            // (What a command says on standard error, skipped files, comes before its output.)
            let output = (refused ? result.stderr : result.stderr + result.stdout)
                .replacingOccurrences(of: dir.path, with: shownFolder)
                .replacingOccurrences(of: Package.root, with: shownFolder)
            if let mismatch = example.mismatch(output) {
                Issue.record(Comment(rawValue: mismatch))
            }
        }
    }

    @Test func theComparisonAllowsElisionAndNothingElse() {
        #expect(ReadmeExample.matches("59/61  69/28  pp1     Recalling its resolutions 53/70", "59/61  69/28  pp1     Recalling …"))
        #expect(ReadmeExample.matches("a b c d e", "a … c … e"))
        #expect(!ReadmeExample.matches("a b c d e", "a … c … f"))
        #expect(!ReadmeExample.matches("59/61  61/54  pp1", "59/61  69/28  pp1"))
        let example = ReadmeExample(line: 1, arguments: ["log"], shown: ["first", "…", "third …"])
        #expect(example.mismatch("first\nsecond\nthird line\n") == nil)
        #expect(example.mismatch("first\nthird\n") != nil)
        #expect(example.mismatch("third line\nfirst\n") != nil, "in order")
        #expect(ReadmeExample.words(#"search "first session" --to 69/28"#) == ["search", "first session", "--to", "69/28"])
        let parsed = ReadmeExample.all(in: "text\n```\n$ lineage log --graph\n* a\n|\n\n$ lineage diff 1 2\nx\n```\nafter\n")
        #expect(parsed.map(\.arguments) == [["log", "--graph"], ["diff", "1", "2"]])
        #expect(parsed.map(\.shown) == [["* a", "|", ""], ["x"]])
    }
}
