import Foundation
import Lineage
import TestSupport
import Testing

@testable import LineageCLI

/// Builds the bundled corpus (eight resolutions: the 2018 fork and the 2021 merge) into a scratch
/// repository with the `lineage` tool; returns its path.
func bundledRepository(_ dir: ScratchDirectory) -> String {
    let repo = dir.path + "/bundled.git"
    let built = lineage(["build", Package.corpus, "--repo", repo])
    #expect(built.status == 0, "\(built.stderr)")
    return repo
}

/// The revision `name` names, as `lineage show NAME --format json` reports it: its number and commit.
func named(_ name: String, in repo: String) -> (number: String, commit: String)? {
    let shown = lineage(["show", name, "--repo", repo, "--format", "json"])
    guard shown.status == 0,
        let object = try? JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any],
        let revision = object["revision"] as? [String: Any],
        let number = revision["number"] as? String, let commit = revision["commit"] as? String
    else { return nil }
    return (number, commit)
}

/// Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows); `nil` if malformed.
func parseCSV(_ text: String) -> [[String]]? {
    var rows: [[String]] = [], row: [String] = [], field = ""
    var quoted = false, wasQuoted = false
    var scalars = text.unicodeScalars[...]
    while let c = scalars.popFirst() {
        if quoted {
            if c == "\"" {
                if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
            } else {
                field.unicodeScalars.append(c)
            }
            continue
        }
        switch c {
        case "\"":
            guard field.isEmpty, !wasQuoted else { return nil }
            quoted = true
            wasQuoted = true
        case ",":
            row.append(field); field = ""; wasQuoted = false
        case "\r":
            guard scalars.popFirst() == "\n" else { return nil }
            row.append(field); rows.append(row); row = []; field = ""; wasQuoted = false
        case "\n": return nil  // rows end with CRLF
        default:
            guard !wasQuoted else { return nil }
            field.unicodeScalars.append(c)
        }
    }
    guard !quoted, field.isEmpty, row.isEmpty else { return nil }
    return rows
}

/// What a git user expects of the command line: revision names, `show`, `diff REV`, `log -n`,
/// `--oneline`, `--version`, and every `--format` a command offers.
@Suite struct GitHabitsTests {
    @Test func revisionsAreNamedAsGitNamesCommits() throws {
        let dir = ScratchDirectory()
        let repo = bundledRepository(dir)
        // Whatever git says these names are, lineage says the same.
        for name in ["HEAD", "HEAD~1", "HEAD^", "HEAD^2", "HEAD~4", "HEAD^2~1", "developments-in-the-field-of-information",
                     "advancing-responsible-state-behaviour-in-cyberspace", "A/RES/69/28", "tags/A/RES/59/61", "7e2a15d"] {
            let git = TestSupport.git(["rev-parse", name + "^{commit}"], in: repo)
            #expect(git.status == 0, "git rev-parse \(name): \(git.stderr)")
            #expect(named(name, in: repo)?.commit == git.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "\(name)")
        }
        // On the bundled corpus: HEAD is the merge of 2021 on the line the series began with.
        let expected: [(String, String)] = [
            ("HEAD", "76/19"), ("HEAD~1", "73/27"), ("HEAD^", "73/27"), ("HEAD^2", "73/266"), ("HEAD~4", "63/37"),
            ("@~2", "69/28"), ("HEAD^2^", "69/28"), ("76/19^0", "76/19"), ("73/266~1", "69/28"),
            ("developments-in-the-field-of-information", "76/19"), ("refs/heads/advancing-responsible-state-behaviour-in-cyberspace", "73/266"),
            ("2014", "69/28"), ("2021", "76/19"), (" A/RES/69/28 ", "69/28"), ("a/res/69/28", "69/28"), ("69/28", "69/28"),
            ("A/RES/69/28.", "69/28"), ("A/RES/69/28,", "69/28"), ("A / RES / 69 / 28", "69/28"), ("69", "69/28"),
            ("refs/tags/A/RES/61/54", "61/54"), ("7e2a", "69/28"), ("A/RES/69/28~1", "65/41"),
        ]
        for (name, number) in expected {
            #expect(named(name, in: repo)?.number == number, "\(name)")
        }
        // A clause reference takes any revision name.
        let clause = lineage(["history", "HEAD~1:pp1", "--repo", repo, "--format", "json"])
        #expect(clause.status == 0, "\(clause.stderr)")
        #expect(clause.stdout.contains("\"clause\": \"59/61#1\""))
    }

    @Test func namesThatNameNothingAreRefusedWithTheReason() throws {
        let dir = ScratchDirectory()
        let repo = bundledRepository(dir)
        func refusal(_ name: String) -> String {
            let shown = lineage(["show", name, "--repo", repo])
            #expect(shown.status == 1, "\(name)")
            #expect(shown.stdout.isEmpty, "\(name)")
            return shown.stderr
        }
        #expect(refusal("2018").hasPrefix("error: 2018: 2 revisions were adopted in 2018: 73/27 (2018-12-05), 73/266 (2018-12-22)\nhint: "))
        #expect(refusal("2013").hasPrefix("error: 2013: no revision was adopted in 2013 (the history runs from 2004 to 2021)\n"))
        #expect(refusal("68/243").hasPrefix("error: 68/243 is cited by 69/28 but is not in the corpus (\(repo); also cited by 73/27"))
        #expect(refusal("A/RES/68/243.").hasPrefix("error: 68/243 is cited by 69/28 but is not in the corpus"))
        #expect(refusal("99/1").hasPrefix("error: 99/1: no such revision in \(repo)\nhint: name a revision by number"))
        #expect(refusal("HEAD~9").hasPrefix("error: HEAD~9: 59/61 has no parent: it starts the series, 6 revisions before HEAD\n"))
        #expect(refusal("76/19^3").hasPrefix("error: 76/19^3: 76/19 has 2 parents\nhint: name a parent from ^1 to ^2\n"))
        #expect(refusal("69/28^2").hasPrefix("error: 69/28^2: 69/28 has 1 parent\n"))
        #expect(refusal("HEAD~x").hasPrefix("error: HEAD~x: not a revision name"))
        #expect(refusal("no-such-line").hasPrefix("error: no-such-line: no such revision"))
        // The changelog's limits are names too.
        let limits = lineage(["changelog", "--from", "2014", "--to", "HEAD^", "--repo", repo, "--format", "json"])
        #expect(limits.status == 0, "\(limits.stderr)")
        let revisions = try #require((try JSONSerialization.jsonObject(with: Data(limits.stdout.utf8)) as? [String: Any])?["revisions"] as? [[String: Any]])
        #expect(revisions.compactMap { ($0["revision"] as? [String: Any])?["number"] as? String } == ["69/28", "73/27"])
    }

    @Test func showPrintsARevisionAndItsChangesOrOneParagraph() throws {
        let dir = ScratchDirectory()
        let repo = bundledRepository(dir)
        let show = lineage(["show", "69/28", "--repo", repo])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("commit 7e2a15da7064"))
        #expect(show.stdout.contains("\nResolution: 69/28  A/RES/69/28\n"))
        #expect(show.stdout.contains("\ndiff 65/41 69/28: "))
        // `show REV` shows the changes `diff REV` shows, and for one parent `diff PARENT REV` too.
        let diff = lineage(["diff", "69/28", "--repo", repo])
        let pair = lineage(["diff", "65/41", "69/28", "--repo", repo])
        #expect(diff.status == 0 && pair.status == 0)
        #expect(show.stdout.hasSuffix(diff.stdout))
        #expect(diff.stdout == pair.stdout)
        #expect(lineage(["diff", "65/41..69/28", "--repo", repo]).stdout == pair.stdout)
        #expect(lineage(["diff", "HEAD~2..", "--repo", repo]).stdout.hasPrefix("diff 69/28 76/19: "))
        // A merge: against the union of its parents, as the changelog reports it.
        let merge = lineage(["show", "HEAD", "--repo", repo])
        #expect(merge.stdout.contains("\nMerge:      73/27 73/266\n"))
        #expect(merge.stdout.contains("\ndiff 73/27+73/266 76/19: "))
        #expect(merge.stdout.contains("\nmerges 73/27 and 73/266: "))
        let first = lineage(["diff", "59/61", "--repo", repo])
        #expect(first.stdout.hasPrefix("diff (none) 59/61: 22 inserted\n"))

        let paragraph = lineage(["show", "69/28:op4", "--repo", repo])
        #expect(paragraph.status == 0, "\(paragraph.stderr)")
        #expect(paragraph.stdout.hasPrefix("69/28:op4 clause 59/61#20: introduced in 59/61, last changed in 69/28\n\nWelcomes the commencement"))
        let json = lineage(["show", "HEAD~1:pp1", "--repo", repo, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["clause"] as? String == "59/61#1")
        #expect((object["revision"] as? [String: Any])?["number"] as? String == "73/27")
        let byID = lineage(["show", "HEAD:59/61#1", "--repo", repo])
        #expect(byID.stdout.hasPrefix("76/19:pp1 clause 59/61#1: introduced in 59/61, last changed in 76/19\n"), "\(byID.stderr)")
        let gone = lineage(["show", "HEAD:59/61#20", "--repo", repo])
        #expect(gone.stderr.hasPrefix("error: HEAD:59/61#20: no paragraph of 76/19 belongs to clause 59/61#20\n"))
        let missing = lineage(["show", "69/28:op99", "--repo", repo])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: 69/28:op99: 69/28 has no paragraph op99\n"))
    }

    @Test func logLimitsAndOneLine() throws {
        let dir = ScratchDirectory()
        let repo = bundledRepository(dir)
        let oneline = lineage(["log", "--oneline", "-n", "3", "--repo", repo])
        #expect(oneline.status == 0, "\(oneline.stderr)")
        let lines = oneline.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("3c439afc5e5a 76/19 (HEAD -> developments-in-the-field-of-information, tag: A/RES/76/19) Developments"))
        #expect(lines[2].hasPrefix("8a4f6e5cc13e 73/27 (tag: A/RES/73/27) Developments"))
        let json = lineage(["log", "--max-count", "2", "--repo", repo, "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["number"] as? String } == ["76/19", "73/266"])
        let full = lineage(["log", "-n", "1", "--repo", repo])
        #expect(full.stdout.components(separatedBy: "\ncommit ").count == 1)
        #expect(full.stdout.hasPrefix("commit 3c439afc5e5a"))
        let graph = lineage(["log", "--graph", "--oneline", "--repo", repo])
        #expect(graph.stdout.split(separator: "\n").filter { $0.contains("*") }.count == 8)
        // `log REV` lists what git log REV lists.
        let line = lineage(["log", "--oneline", "advancing-responsible-state-behaviour-in-cyberspace", "--repo", repo])
        let gitLine = TestSupport.git(["log", "--format=%H", "advancing-responsible-state-behaviour-in-cyberspace"], in: repo)
        #expect(line.stdout.split(separator: "\n").map { String($0.prefix(12)) } == gitLine.stdout.split(separator: "\n").map { String($0.prefix(12)) })
        #expect(line.stdout.split(separator: "\n").map { $0.split(separator: " ")[1] } == ["73/266", "69/28", "65/41", "63/37", "61/54", "59/61"])
        #expect(lineage(["log", "-n", "-1", "--repo", repo]).status == 64)
        // git's other spellings of a count: `-n2` and `-2` are `-n 2`.
        let two = lineage(["log", "--oneline", "-n", "2", "--repo", repo])
        for spelling in [["-n2"], ["-2"], ["--max-count=2"]] {
            let other = lineage(["log", "--oneline"] + spelling + ["--repo", repo])
            #expect(other.status == 0, "\(spelling): \(other.stderr)")
            #expect(other.stdout == two.stdout, "\(spelling)")
        }
        #expect(lineage(["log", "-n-1", "--repo", repo]).status == 64)
        #expect(lineage(["log", "--oneline", "--format", "json", "--repo", repo]).status == 64)
    }

    @Test func versionNamesTheReleaseFormatsAndLibraries() throws {
        let result = lineage(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "lineage \(LineageVersion.release)")
        #expect(lines[1] == "document format 1, lineage engine \(LineageNotes.engineVersion), note format \(RevisionLineage.format)")
        #expect(lines[2].hasPrefix("libgit2 ") && lines[2].contains(", poppler "))
        // The versions of the libraries actually linked, as their packages give them.
        // (pkg-config is required to build lineage, so it is there.)
        let pkg = run("/usr/bin/env", ["pkg-config", "--modversion", "libgit2", "poppler-glib"])
        #expect(pkg.status == 0, "\(pkg.stderr)")
        let versions = pkg.stdout.split(separator: "\n").map(String.init)
        #expect(versions.count == 2 && lines[2] == "libgit2 \(versions[0]), poppler \(versions.last!)")
    }

    @Test func everyAdvertisedFormatWorks() throws {
        let dir = ScratchDirectory()
        let repo = bundledRepository(dir)
        let commands: [[String]] = [
            ["parse", Package.seeds["69/28"]!], ["log"], ["show", "HEAD"], ["show", "69/28:op4"], ["diff", "65/41", "69/28"],
            ["diff", "76/19"], ["blame"], ["blame", "--words", "69/28"], ["history", "69/28:op4"], ["search", "information security"],
            ["changelog", "--to", "69/28"],
        ]
        for command in commands {
            let help = lineage([command[0], "--help"])
            // The values the help offers for --format: "(values: text, markdown, json, csv; default: text)".
            let offered = try #require(help.stdout.range(of: "(values: ").map { help.stdout[$0.upperBound...].prefix { $0 != ";" } })
            let values = offered.replacingOccurrences(of: "\n", with: " ").split(separator: ",").map { $0.split(separator: " ").joined() }
            #expect(values == ["text", "markdown", "json", "csv"], "\(command[0])")
            for value in values {
                let args = command + (command[0] == "parse" ? [] : ["--repo", repo]) + ["--format", value]
                let result = lineage(args)
                #expect(result.status == 0, "\(args): \(result.stderr)")
                #expect(!result.stdout.isEmpty, "\(args)")
                #expect(!result.stdout.contains("\u{1B}["), "\(args): no colour off a terminal")
                switch value {
                case "json": #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(args)")
                case "csv":
                    let rows = parseCSV(result.stdout)
                    #expect(rows != nil, "\(args): not RFC 4180")
                    #expect((rows?.count ?? 0) >= 2, "\(args): a header and rows")
                    #expect(Set(rows?.map(\.count) ?? []).count == 1, "\(args): every row as wide as the header")
                case "markdown": #expect(result.stdout.contains("|") || result.stdout.contains("## "), "\(args)")
                default: break
                }
            }
        }
        // build offers them all too.
        for value in ["text", "markdown", "json", "csv"] {
            let built = lineage(["build", Package.seeds["59/61"]!, "--repo", dir.path + "/\(value).git", "--format", value])
            #expect(built.status == 0, "build --format \(value): \(built.stderr)")
            #expect(built.stdout.contains("A/RES/59/61"), "build --format \(value)")
        }
    }

    @Test func blameAsCSVHasAHeaderAndOneRowPerParagraph() throws {
        let dir = ScratchDirectory()
        let repo = bundledRepository(dir)
        for revision in ["69/28", "76/19"] {
            let csv = lineage(["blame", revision, "--repo", repo, "--format", "csv"])
            #expect(csv.status == 0, "\(csv.stderr)")
            let rows = try #require(parseCSV(csv.stdout))
            #expect(rows[0] == ["index", "label", "kind", "clause", "introduced", "introduced_adopted", "last_changed", "last_changed_adopted", "text"])
            let json = lineage(["blame", revision, "--repo", repo, "--format", "json"])
            let paragraphs = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["paragraphs"] as? [[String: Any]])
            #expect(rows.count == paragraphs.count + 1)
            for (row, paragraph) in zip(rows.dropFirst(), paragraphs) {
                #expect(row[1] == paragraph["label"] as? String)
                #expect(row[3] == paragraph["clause"] as? String)
                #expect(row[4] == (paragraph["introduced"] as? [String: Any])?["number"] as? String)
                #expect(row[8] == paragraph["text"] as? String)
            }
        }
        let rows = try #require(parseCSV(lineage(["blame", "69/28", "--repo", repo, "--format", "csv"]).stdout))
        let pp11 = try #require(rows.first { $0[1] == "pp11" })
        #expect(Array(pp11[2...7]) == ["preambular", "69/28#1", "69/28", "2014-12-02", "69/28", "2014-12-02"])
        // A text with commas is quoted; the row ends with CRLF.
        let csv = lineage(["blame", "69/28", "--repo", repo, "--format", "csv"]).stdout
        #expect(csv.contains(",\"Recalling its resolutions 53/70 of 4 December 1998, 54/49"))
        #expect(csv.hasSuffix("\r\n"))
        // A diff as CSV: one row per change; a reworded clause never reads as 1.00 similar.
        let diff = try #require(parseCSV(lineage(["diff", "65/41", "69/28", "--repo", repo, "--format", "csv"]).stdout))
        #expect(diff[0] == ["from", "to", "op", "clause", "similarity", "old", "new", "old_text", "new_text"])
        let pp6 = try #require(diff.first { $0[6] == "pp6" })
        #expect(Array(pp6[0...6]) == ["65/41", "69/28", "modified", "59/61#6", "0.99", "pp6", "pp6"])
        #expect(!diff.contains { $0[2] == "unchanged" })
    }

    @Test func csvQuotesAsRFC4180Says() {
        #expect(CSV.row(["a", "b c"]) == "a,b c\r\n")
        #expect(CSV.row(["say \"no\"", "x,y", "two\nlines"]) == "\"say \"\"no\"\"\",\"x,y\",\"two\nlines\"\r\n")
        #expect(CSV.fraction(0.856) == "0.86" && CSV.fraction(1) == "1.00" && CSV.fraction(0.05) == "0.05")
        #expect(parseCSV(CSV.row(["say \"no\"", "x,y", "two\nlines"])) == [["say \"no\"", "x,y", "two\nlines"]])
    }
}
