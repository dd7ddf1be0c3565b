import Foundation
import TestSupport
import Testing

@testable import LineageCLI

/// `report`, `chart` and `export` as a user runs them; colour and control characters on the terminal.
@Suite struct ReportCommandTests {
    private func built(_ dir: ScratchDirectory, corpus: [String] = Package.seedFiles) -> String {
        let repo = dir.path + "/r.git"
        let result = lineage(["build"] + corpus + ["--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        return repo
    }

    @Test func reportWritesOneFileAndSaysWhere() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        let result = lineage(["report", "--repo", repo], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let file = dir.path + "/lineage-report.html"
        #expect(result.stdout.hasPrefix("Wrote \(URL(fileURLWithPath: file).standardizedFileURL.path) ("))
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))

        let named = lineage(["report", "--repo", repo, "-o", dir.path + "/x.html"])
        #expect(named.status == 0)
        #expect(try String(contentsOfFile: dir.path + "/x.html", encoding: .utf8) == html, "the same report every time")
        let piped = lineage(["report", "--repo", repo, "-o", "-"])
        #expect(piped.stdout == html)
    }

    @Test func aReportDetailsTheLatestRevisionsAsked() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        let result = lineage(["report", "--repo", repo, "--latest", "2", "-o", dir.path + "/r.html"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("5 revisions, the latest 2 in detail)\n"))
        let html = try String(contentsOfFile: dir.path + "/r.html", encoding: .utf8)
        #expect(html.contains("Lineage report · 5 revisions, the latest 2 in detail"))
        #expect(html.contains("The 3 older revisions are left out here: <code>lineage changelog</code> lists them all."))
        // Redlines and table rows for 65/41 and 69/28 only; the timeline still shows every revision.
        #expect(html.contains("id=\"rev-69-28\"") && html.contains("id=\"rev-65-41\"") && !html.contains("id=\"rev-63-37\""))
        #expect(html.contains(">59/61<"))
        // 0 means all; the default (100) shows these five whole, as 0 does.
        let all = lineage(["report", "--repo", repo, "--latest", "0", "-o", "-"])
        #expect(all.stdout == lineage(["report", "--repo", repo, "-o", "-"]).stdout)
        #expect(all.stdout.contains("id=\"rev-59-61\"") && !all.stdout.contains("in detail"))
        let bad = lineage(["report", "--repo", repo, "--latest", "-1"])
        #expect(bad.status == 64 && bad.stderr.contains("--latest"))
    }

    @Test func reportFailuresExitOneWithAnError() {
        let dir = ScratchDirectory()
        let missing = lineage(["report", "--repo", dir.path + "/none.git"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: \(dir.path)/none.git: no lineage repository here"))
        let repo = built(dir)
        let unwritable = lineage(["report", "--repo", repo, "-o", dir.path + "/no/such/folder/r.html"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.hasPrefix("error: \(dir.path)/no/such/folder/r.html: cannot write the file"))
    }

    @Test func chartWritesSVG() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        let cohort = lineage(["chart", "--repo", repo])
        #expect(cohort.status == 0)
        #expect(cohort.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(cohort.stdout.contains("data-words=\"716 "))
        let survival = lineage(["chart", "--kind", "survival", "--repo", repo, "-o", dir.path + "/s.svg"])
        #expect(survival.status == 0 && survival.stdout.isEmpty)
        #expect(try String(contentsOfFile: dir.path + "/s.svg", encoding: .utf8).contains("data-present=\"22 20 20 20 20\""))
        let bad = lineage(["chart", "--kind", "pie", "--repo", repo])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("pie"))
    }

    @Test func exportWritesAkomaNtoso() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        let xml = lineage(["export", "69/28", "--akn", "--repo", repo])
        #expect(xml.status == 0, "\(xml.stderr)")
        #expect(xml.stdout.contains("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"))
        let file = lineage(["export", "--akn", "--repo", repo, "-o", dir.path + "/latest.xml"])
        #expect(file.status == 0)
        #expect(try String(contentsOfFile: dir.path + "/latest.xml", encoding: .utf8) == xml.stdout, "the latest revision by default")
        let noFormat = lineage(["export", "69/28", "--repo", repo])
        #expect(noFormat.status == 64)
        #expect(noFormat.stderr.contains("--akn"))
        let unknown = lineage(["export", "99/1", "--akn", "--repo", repo])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: 99/1: no such revision"))
    }

    /// Runs `lineage` under a pseudo-terminal (util-linux `script`), so that `auto` sees a terminal.
    private func onTerminal(_ arguments: [String], environment: [String: String] = [:]) -> RunResult? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return nil }
        let command = ([Package.executable] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return run("/usr/bin/script", ["-qec", command, "/dev/null"], environment: environment)
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        let args = ["diff", "65/41", "69/28", "--repo", repo]
        #expect(!lineage(args).stdout.contains("\u{1B}["), "auto: not a terminal")
        #expect(lineage(args + ["--color", "always"]).stdout.contains("\u{1B}[32;4m"))
        #expect(lineage(args + ["--color=always"]).stdout.contains("\u{1B}[31;9m"))
        #expect(!lineage(args + ["--color=never"]).stdout.contains("\u{1B}["))
        #expect(lineage(args + ["--color", "sometimes"]).status == 64)
        if let tty = onTerminal(args) {
            #expect(tty.status == 0)
            #expect(tty.stdout.contains("\u{1B}[32;4m"), "auto: a terminal")
            let noColor = try #require(onTerminal(args, environment: ["NO_COLOR": "1"]))
            #expect(!noColor.stdout.contains("\u{1B}["), "NO_COLOR turns auto off")
            let forced = try #require(onTerminal(args + ["--color", "always"], environment: ["NO_COLOR": "1"]))
            #expect(forced.stdout.contains("\u{1B}[32;4m"), "--color always wins over NO_COLOR")
        }
    }

    @Test func documentTextReachesTheTerminalWithoutControlCharacters() {
        let dir = ScratchDirectory()
        let repo = built(dir, corpus: [HostileCorpus.write(into: dir)])
        for args in [["blame", "--words"], ["diff", "65/41", "69/28"], ["changelog"], ["history", "69/28:pp11"]] {
            for color in ["never", "always"] {
                let result = lineage(args + ["--repo", repo, "--color", color])
                #expect(result.status == 0, "\(args): \(result.stderr)")
                #expect(result.stdout.contains("<script>alert(\"x\")</script>"), "\(args)")
                #expect(!result.stdout.contains("\u{1B}[31m&"), "\(args): the document's own escape sequence")
                #expect(!result.stdout.contains("\u{7}"), "\(args)")
            }
        }
    }

    @Test func progressBarDrawsOnlyOnATerminalAfterADelay() {
        var written: [String] = []
        let quiet = ProgressBar("report", enabled: false, delay: 0) { written.append($0) }
        quiet.update(1, of: 2)
        quiet.finish()
        #expect(written.isEmpty, "not a terminal")

        let early = ProgressBar("report", enabled: true, delay: 60) { written.append($0) }
        early.update(1, of: 2)
        early.finish()
        #expect(written.isEmpty, "quick work stays quiet")

        let bar = ProgressBar("report \u{1B}[31m", enabled: true, delay: 0) { written.append($0) }
        bar.update(1, of: 4)
        bar.update(4, of: 4)
        bar.finish()
        #expect(written.first == "\r\u{1B}[K" + "report <U+001B>[31m [#######.....................] 1/4")
        #expect(written.contains("\r\u{1B}[K" + "report <U+001B>[31m [############################] 4/4"))
        #expect(written.last == "\r\u{1B}[K")
        #expect(ProgressBar.line("x", done: 0, total: 0, width: 4) == "x [....] 0/0")
    }
}
