import Foundation
import Lineage
import TestSupport
import Testing

@testable import LineageCLI

/// True when `text` holds a bidirectional control or another invisible format character raw.
private func hasRawControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { HostileCorpus.bidiControls.contains($0) || $0.properties.generalCategory == .format && $0.value != 0x200C && $0.value != 0x200D }
}

/// Nothing from a document, a file name or an argument drives the terminal or reorders what it
/// shows.
@Suite struct TerminalSafetyTests {
    @Test func sanitizeShowsControlsEscaped() {
        #expect(Terminal.sanitize("a\u{202E}b\u{2066}c\u{2069}") == "a<U+202E>b<U+2066>c<U+2069>")
        #expect(Terminal.sanitize("\u{200E}\u{200F}\u{061C}\u{200B}\u{FEFF}\u{2060}\u{E0041}") == "<U+200E><U+200F><U+061C><U+200B><U+FEFF><U+2060><U+E0041>")
        #expect(Terminal.sanitize("red \u{1B}[31m bell\u{7} c1\u{9B}") == "red <U+001B>[31m bell<U+0007> c1<U+009B>")
        #expect(Terminal.sanitize("tab\there\nline") == "tab here\nline")
        // Text that needs nothing is returned as it is, curly quotes, dashes and joiners included.
        for plain in ["Recalling its resolutions", "\u{201C}ICTs\u{201D} \u{2014} Open\u{2011}ended", "\u{0928}\u{094D}\u{200D}"] {
            #expect(Terminal.sanitize(plain) == plain)
        }
        // The last guard lets lineage's own colours through, nothing else.
        #expect(Terminal.neutralise("\u{1B}[31mred\u{1B}[m \u{202E}x") == "\u{1B}[31mred\u{1B}[m <U+202E>x")
        #expect(Terminal.neutraliseMarkup("<p>\u{202E}x</p>\n") == "<p>&#x202E;x</p>\n")
    }

    @Test func noRawBidiControlInAnyOutput() throws {
        let dir = ScratchDirectory()
        let corpus = HostileCorpus.write(into: dir, bidi: true)
        let repo = dir.path + "/hostile.git"
        let built = lineage(["build", corpus, "--repo", repo])
        #expect(built.status == 0, "\(built.stderr)")
        let commands: [[String]] = [
            ["blame", "69/28"], ["blame", "--words", "69/28"], ["diff", "65/41", "69/28"], ["diff", "69/28"], ["history", "69/28:op4"],
            ["log"], ["log", "--graph"], ["search", "security"], ["changelog"], ["show", "69/28"], ["show", "69/28:op4"],
        ]
        for command in commands {
            for format in command.contains("--graph") ? ["text"] : ["text", "markdown", "csv", "json"] {
                for color in format == "text" ? ["never", "always"] : ["never"] {
                    let args = command + ["--repo", repo, "--format", format, "--color", color]
                    let result = lineage(args)
                    #expect(result.status == 0, "\(args): \(result.stderr)")
                    #expect(!hasRawControl(result.stdout), "\(args)")
                    #expect(!result.stdout.contains("\u{1B}[31m&"), "\(args): the document's own escape sequence")
                    if format == "json" {
                        // JSON keeps the text exact, escaped.
                        if command[0] != "log" && command != ["search", "security"] {
                            #expect(result.stdout.contains("\\u202e") || result.stdout.contains("\\u202E"), "\(args)")
                        }
                    }
                }
            }
        }
        // Where the text is shown, the controls are shown escaped, so a reader sees them.
        let blame = lineage(["blame", "69/28", "--repo", repo])
        #expect(blame.stdout.contains("Welcomes <U+202E>lanoitan<U+202C> <U+2066>security<U+2069>"))
        let history = lineage(["history", "69/28:op4", "--repo", repo])
        #expect(history.stdout.contains("<U+202E>lanoitan"))
        // The parse of a hostile file too.
        let file = corpus + "/word-export.txt"
        for format in ["text", "markdown", "csv"] {
            let parsed = lineage(["parse", file, "--format", format])
            #expect(parsed.status == 0, "\(parsed.stderr)")
            #expect(!hasRawControl(parsed.stdout), "parse --format \(format)")
            #expect(!parsed.stdout.contains("\u{1B}"), "parse --format \(format)")
        }
        let json = lineage(["parse", file, "--format", "json"])
        #expect(!hasRawControl(json.stdout))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let texts = (object["paragraphs"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        // (The reader drops the marks U+200E/F, which carry nothing in these texts; the rest is kept.)
        #expect(texts.contains { $0.contains("Welcomes \u{202E}lanoitan\u{202C} \u{2066}security\u{2069} \u{061C}") }, "JSON keeps the exact text")
        // The XML export to standard output keeps its markup well formed.
        let xml = lineage(["export", "69/28", "--akn", "--repo", repo])
        #expect(xml.status == 0)
        #expect(!hasRawControl(xml.stdout))
    }

    @Test func fileNamesAndArgumentsNeverReachStderrRaw() throws {
        let dir = ScratchDirectory()
        let hostile = "\u{1B}[31mred\u{1B}]0;title\u{7}\u{202E}txt.exe"
        let missing = lineage(["parse", dir.path + "/" + hostile])
        #expect(missing.status == 1)
        let unreadable = dir.write(hostile + ".txt", "not a resolution at all\n")
        let refused = lineage(["parse", unreadable])
        #expect(refused.status == 1)
        let build = lineage(["build", unreadable, "--repo", dir.path + "/r.git"])
        #expect(build.status == 1)
        let repo = lineage(["log", "--repo", dir.path + "/" + hostile])
        #expect(repo.status == 1)
        let name = lineage(["log", "--format", hostile])
        #expect(name.status == 64)
        let adopted = lineage(["build", unreadable, "--adopted", hostile])
        #expect(adopted.status == 64)
        for result in [missing, refused, build, repo, name, adopted] {
            #expect(!result.stderr.isEmpty)
            #expect(!result.stderr.contains("\u{1B}"), "\(result.stderr)")
            #expect(!result.stderr.contains("\u{7}"), "\(result.stderr)")
            #expect(!hasRawControl(result.stderr), "\(result.stderr)")
        }
        #expect(missing.stderr.contains("<U+001B>[31mred<U+001B>]0;title<U+0007><U+202E>txt.exe"))
        // A file name the user chose, echoed on standard output.
        let built = lineage(["build", Package.seeds["59/61"]!, "--repo", dir.path + "/one.git"])
        #expect(built.status == 0, "\(built.stderr)")
        let report = lineage(["report", "--repo", dir.path + "/one.git", "-o", dir.path + "/" + hostile + ".html"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("Wrote "))
        #expect(!report.stdout.contains("\u{1B}") && !hasRawControl(report.stdout), "\(report.stdout)")
    }

    @Test func errorsNameTheRepositoryAndSayWhatToDo() throws {
        let dir = ScratchDirectory()
        // A folder that is not a git repository: no libgit2 function name or code.
        for args in [["log"], ["blame"], ["build", Package.seeds["59/61"]!]] {
            let result = lineage(args + ["--repo", dir.path])
            #expect(result.status == 1, "\(args)")
            #expect(result.stderr.hasPrefix("error: \(dir.path): no lineage repository here (not a git repository)\nhint: build one with `lineage build --repo \(dir.path) FILE…`"), "\(args): \(result.stderr)")
            #expect(!result.stderr.contains("git_"), "\(args)")
            #expect(!result.stderr.contains("code -"), "\(args)")
        }
        let none = lineage(["show", "HEAD", "--repo", dir.path + "/none.git"])
        #expect(none.stderr.hasPrefix("error: \(dir.path)/none.git: no lineage repository here\nhint: build one with"))
    }
}
