import Foundation
import Lineage
import ResolutionText
import TestSupport
import Testing

@testable import LineageCLI

/// One repository holding several series (the record, ``RecordCorpus``): every command answers
/// inside a revision's series, `lineage series` lists them, `log` lists HEAD's series unless
/// told otherwise, `search` covers them all; and, for revisions read from Akoma Ntoso, `log`,
/// `blame` and `history` say who sponsored a revision and how it was adopted.
@Suite struct RecordCommandTests {
    /// The record built into a scratch repository.
    private func built(_ dir: ScratchDirectory) -> String {
        let repo = dir.path + "/record.git"
        let result = lineage(["build", RecordCorpus.write(into: dir), "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        return repo
    }

    private func json(_ result: RunResult) throws -> Any {
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func seriesListsEverySeriesWithItsRevisionsEndsAndLines() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        let text = lineage(["series", "--repo", repo])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == """
              series                                    revisions  first             last              lines
            * developments-in-the-field-of-information          8  59/61 2004-12-03  76/19 2021-12-06      2
              protection-of-coastal-wetlands                    2  74/50 2019-12-05  87/60 2032-12-07      1
              tending-the-common-gardens                        2  85/12 2030-12-04  86/7 2031-12-06       1
            3 series, 12 revisions in \(repo)

            """)
        let rows = try #require(try json(lineage(["series", "--repo", repo, "--format", "json"])) as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == [RecordCorpus.developments, RecordCorpus.wetlands, RecordCorpus.gardens])
        #expect(Set(rows[0].keys) == ["name", "revisions", "first", "last", "lines", "default"])
        #expect(rows.map { $0["revisions"] as? Int } == [8, 2, 2])
        #expect((rows[1]["first"] as? [String: String]) == ["number": "74/50", "adopted": "2019-12-05"])
        #expect((rows[2]["last"] as? [String: String]) == ["number": "86/7", "adopted": "2031-12-06"])
        #expect((rows[0]["lines"] as? [String]) == [RecordCorpus.developments, "advancing-responsible-state-behaviour-in-cyberspace"])
        #expect(rows.map { $0["default"] as? Bool } == [true, false, false])

        // Ordered otherwise on request: the latest revision, the size, the name.
        let byLast = lineage(["series", "--repo", repo, "--sort", "last", "--format", "csv"])
        let lastOrder = byLast.stdout.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(lastOrder == [RecordCorpus.developments, RecordCorpus.gardens, RecordCorpus.wetlands])
        let bySize = lineage(["series", "--repo", repo, "--sort", "revisions", "--format", "csv"])
        #expect(bySize.stdout.hasPrefix("name,revisions,first,first_adopted,last,last_adopted,lines,default\r\n\(RecordCorpus.developments),8,59/61,2004-12-03,76/19,2021-12-06,"))
        let markdown = lineage(["series", "--repo", repo, "--format", "markdown"])
        #expect(markdown.stdout.contains("| tending-the-common-gardens | 2 | 85/12 (2030-12-04) | 86/7 (2031-12-06) | 1 |\n"))
    }

    @Test func logListsHeadsSeriesUnlessAskedForAllOrAnother() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        let plain = lineage(["log", "--oneline", "--repo", repo])
        #expect(plain.status == 0, "\(plain.stderr)")
        let numbers = plain.stdout.split(separator: "\n").map { $0.split(separator: " ")[1] }
        #expect(numbers == ["76/19", "73/266", "73/27", "69/28", "65/41", "63/37", "61/54", "59/61"])
        #expect(plain.stderr.contains("1 of 3"), "says that other series exist")

        let all = try #require(try json(lineage(["log", "--all", "--format", "json", "--repo", repo])) as? [[String: Any]])
        #expect(all.count == 12)
        #expect(all.map { $0["number"] as? String }.prefix(4) == ["87/60", "86/7", "85/12", "76/19"])
        let gardens = try #require(all.first { $0["number"] as? String == "86/7" })
        #expect(gardens["series"] as? String == RecordCorpus.gardens && gardens["branch"] as? String == RecordCorpus.gardens)
        #expect(gardens["parents"] as? [String] == ["85/12"])
        let merge = try #require(all.first { $0["number"] as? String == "76/19" })
        #expect(merge["parents"] as? [String] == ["73/27", "73/266"] && merge["series"] as? String == RecordCorpus.developments)
        let fork = try #require(all.first { $0["number"] as? String == "73/266" })
        #expect(fork["branch"] as? String == "advancing-responsible-state-behaviour-in-cyberspace")
        #expect(fork["series"] as? String == RecordCorpus.developments)
        // The keys log always had are kept.
        #expect(Set(gardens.keys) == ["number", "symbol", "session", "adopted", "title", "commit", "parents", "branch", "series", "reasons", "draft", "sponsors", "vote"])

        let one = lineage(["log", "--series", RecordCorpus.wetlands, "--oneline", "--repo", repo])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.split(separator: "\n").map { $0.split(separator: " ")[1] } == ["87/60", "74/50"])
        let unknown = lineage(["log", "--series", "wetlands", "--repo", repo])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: wetlands: no series of this name in \(repo)\n"))
        #expect(unknown.stderr.contains("hint: the series are: \(RecordCorpus.developments), \(RecordCorpus.wetlands), \(RecordCorpus.gardens)"))
        #expect(lineage(["log", "--all", "--series", RecordCorpus.gardens, "--repo", repo]).status == 64)

        // Listed together, each revision names its series; the graph draws every series.
        let allText = lineage(["log", "--all", "--oneline", "--repo", repo])
        #expect(allText.stdout.contains(" 74/50 (tag: A/RES/74/50) [\(RecordCorpus.wetlands)] Protection of coastal wetlands\n"))
        let graph = lineage(["log", "--all", "--graph", "--oneline", "--repo", repo])
        #expect(graph.stdout.split(separator: "\n").filter { $0.contains("tag: A/RES/") }.count == 12)
        let entry = lineage(["log", "--all", "-n", "1", "--repo", repo])
        #expect(entry.stdout.contains("Resolution: 87/60  A/RES/87/60\n"))
        #expect(entry.stdout.contains("Line:       \(RecordCorpus.wetlands)\nSeries:     \(RecordCorpus.wetlands)\n"))
    }

    @Test func everyQueryWorksInsideTheSeriesOfItsRevision() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        // A revision name resolves in any series; steps back stay on its line.
        let blame = lineage(["blame", "87/60", "--repo", repo])
        #expect(blame.status == 0, "\(blame.stderr)")
        #expect(blame.stdout.contains("74/50  87/60  op1     Calls upon all States to protect and restore coastal wetlands and mangroves;\n"))
        #expect(blame.stdout.contains("87/60  87/60  pp1     Recalling its resolution 74/50 of 5 December 2019,\n"))
        #expect(lineage(["blame", "87/60~1", "--repo", repo]).stdout.contains("74/50  74/50  op1 "))
        let step = lineage(["show", "74/50~1", "--repo", repo])
        #expect(step.status == 1 && step.stderr.contains("74/50 has no parent: it starts the series"))
        // Without a revision, blame and export take the latest of HEAD's series, not the latest of the record.
        let latest = lineage(["blame", "--repo", repo, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(latest.stdout.utf8)) as? [String: Any])
        #expect((object["revision"] as? [String: Any])?["number"] as? String == "76/19")

        // history follows a clause within its series, by address, id or phrase.
        let history = lineage(["history", "87/60:op1", "--repo", repo])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.hasPrefix("history of clause 74/50#3 (87/60:op1): 2 versions, introduced in 74/50, last changed in 87/60"))
        #expect(lineage(["history", "74/50#3", "--repo", repo]).stdout == history.stdout)
        let phrase = lineage(["history", "and mangroves", "--repo", repo])
        #expect(phrase.stdout.contains("phrase matched 87/60:op1\n"))
        // A phrase two series share names a clause of each.
        let shared = lineage(["history", "Calls upon all States", "--repo", repo])
        #expect(shared.status == 1)
        #expect(shared.stderr.contains("\n  87/60:op1  Calls upon all States to protect") && shared.stderr.contains("\n  86/7:op1   Calls upon all States to water"))

        // diff within a series, and across series.
        let diff = lineage(["diff", "74/50", "87/60", "--repo", repo])
        #expect(diff.stdout.hasPrefix("diff 74/50 87/60: 1 unchanged, 3 modified, 1 inserted\n"))
        #expect(lineage(["diff", "87/60", "--repo", repo]).stdout.hasPrefix("diff 74/50 87/60: "))
        #expect(lineage(["diff", "74/50", "85/12", "--repo", repo]).status == 0)

        // search covers the record and names each hit's series.
        let search = lineage(["search", "coastal wetlands", "--repo", repo])
        #expect(search.stdout == """
            74/50   appears     pp1, pp2, op1, op2  [\(RecordCorpus.wetlands)]
            87/60   present     pp2, pp3, op1, op2  [\(RecordCorpus.wetlands)]
            "coastal wetlands": present in 2 of 12 revisions: appears in 74/50

            """)
        let found = try #require(try json(lineage(["search", "Calls upon all States", "--format", "json", "--repo", repo])) as? [String: Any])
        let hits = try #require(found["revisions"] as? [[String: Any]]).filter { $0["present"] as? Bool == true }
        let series = hits.map { $0["series"] as? String }
        #expect(series == [RecordCorpus.wetlands, RecordCorpus.gardens, RecordCorpus.gardens, RecordCorpus.wetlands])
        let events = hits.map { $0["event"] as? String }
        #expect(events == ["appears", "appears", nil, nil])

        // show and export name revisions of any series.
        #expect(lineage(["show", "86/7:pp3", "--repo", repo]).stdout.hasPrefix("86/7:pp3 clause 86/7#1: introduced in 86/7, last changed in 86/7\n"))
        #expect(lineage(["export", "87/60", "--akn", "--repo", repo]).stdout.contains("<FRBRalias value=\"A/RES/87/60\""))
    }

    @Test func changelogReportAndChartShowOneSeries() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        func revisions(_ arguments: [String]) -> [String] {
            let csv = lineage(["changelog", "--format", "csv", "--repo", repo] + arguments)
            #expect(csv.status == 0, "\(csv.stderr)")
            var seen: [String] = []
            for row in csv.stdout.split(separator: "\r\n").dropFirst() {
                let number = String(row.prefix { $0 != "," })
                if seen.last != number { seen.append(number) }
            }
            return seen
        }
        // HEAD's series by default; the series of --from or --to; --series; --all.
        #expect(revisions([]) == ["59/61", "61/54", "63/37", "65/41", "69/28", "73/27", "73/266", "76/19"])
        #expect(revisions(["--to", "87/60"]) == ["74/50", "87/60"])
        #expect(revisions(["--from", "85/12"]) == ["85/12", "86/7"])
        #expect(revisions(["--series", RecordCorpus.gardens]) == ["85/12", "86/7"])
        #expect(revisions(["--all"]).count == 12)
        let across = lineage(["changelog", "--from", "74/50", "--to", "86/7", "--repo", repo])
        #expect(across.status == 1)
        #expect(across.stderr.hasPrefix("error: 74/50 (series \(RecordCorpus.wetlands)) and 86/7 (series \(RecordCorpus.gardens)) are in different series\n"))

        let report = lineage(["report", "--series", RecordCorpus.wetlands, "-o", dir.path + "/w.html", "--repo", repo])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("(") && report.stdout.contains(", 2 revisions)"))
        let html = try String(contentsOfFile: dir.path + "/w.html", encoding: .utf8)
        #expect(html.contains("87/60") && !html.contains("76/19") && !html.contains("86/7"))
        let head = lineage(["report", "-o", dir.path + "/h.html", "--repo", repo])
        #expect(head.stdout.contains(", 8 revisions"))
        let chart = lineage(["chart", "--series", RecordCorpus.gardens, "--repo", repo])
        #expect(chart.status == 0 && chart.stdout.contains("86/7") && !chart.stdout.contains("76/19"))
        #expect(lineage(["chart", "--series", "nonesuch", "--repo", repo]).stderr.contains("no series of this name"))
    }

    @Test func logBlameAndHistorySayWhoSponsoredARevisionAndHowItWasAdopted() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        let log = lineage(["log", "--series", RecordCorpus.gardens, "--repo", repo])
        #expect(log.status == 0, "\(log.stderr)")
        #expect(log.stdout.contains("Draft:      A/C.1/86/L.9\nSponsors:   Norway, Peru (2)\nAdoption:   without a vote\n"))
        #expect(log.stdout.contains("Adoption:   recorded vote 3–0–1\n"))

        // blame: a legend of the revisions that introduced the clauses, in history order.
        let blame = lineage(["blame", "86/7", "--repo", repo])
        #expect(blame.status == 0, "\(blame.stderr)")
        #expect(blame.stdout.contains("85/12  86/7   op1     Calls upon all States to water the gardens every week;\n"))
        #expect(blame.stdout.hasSuffix("""

            85/12  adopted by recorded vote 3–0–1; sponsors: Antigua and Barbuda, Peru, Uganda (on behalf of the States Members of the United Nations that are members of the Group of 77 and China), … (6)
            86/7   adopted without a vote; sponsors: Norway, Peru (2)

            """))
        let object = try #require(try json(lineage(["blame", "86/7", "--format", "json", "--repo", repo])) as? [String: Any])
        let lines = try #require(object["paragraphs"] as? [[String: Any]])
        let op1 = try #require(lines.first { $0["label"] as? String == "op1" })
        let introduced = try #require(op1["introduced"] as? [String: Any])
        #expect(introduced["number"] as? String == "85/12" && (introduced["sponsors"] as? [String])?.count == 6)
        #expect((introduced["vote"] as? [String: Any])?["inFavour"] as? Int == 3)
        let changed = try #require(op1["lastChanged"] as? [String: Any])
        #expect(changed["sponsors"] as? [String] == ["Norway", "Peru"])
        #expect((changed["vote"] as? [String: Any])?["outcome"] as? String == "adoptedWithoutVote")

        // history: each version that changed the clause says it.
        let history = lineage(["history", "86/7:op1", "--repo", repo])
        #expect(history.stdout.contains("\n85/12 op1  introduced  adopted by recorded vote 3–0–1; sponsors: Antigua and Barbuda, Peru, "))
        #expect(history.stdout.contains("\n86/7 op1  modified  compared with 85/12:op1  adopted without a vote; sponsors: Norway, Peru (2)\n"))
        let versions = try #require((try json(lineage(["history", "86/7:op1", "--format", "json", "--repo", repo])) as? [String: Any])?["versions"] as? [[String: Any]])
        #expect(versions.map { ($0["revision"] as? [String: Any])?["draft"] as? String } == ["A/C.1/85/L.7", "A/C.1/86/L.9"])

        // A revision read from text says nothing of the kind: its output is as before.
        let text = lineage(["blame", "87/60", "--repo", repo])
        #expect(!text.stdout.contains("adopted") && !text.stdout.contains("sponsors"))
        #expect(!lineage(["log", "-n", "1", "--repo", repo]).stdout.contains("Adoption:"))
        let plain = try #require((try json(lineage(["blame", "87/60", "--format", "json", "--repo", repo])) as? [String: Any])?["paragraphs"] as? [[String: Any]])
        let first = try #require(plain.first?["introduced"] as? [String: Any])
        #expect(first["draft"] is NSNull && (first["sponsors"] as? [Any])?.isEmpty == true && first["vote"] is NSNull)
    }
}

/// How the text outputs word who proposed a revision.
@Suite struct WhoAndHowTests {
    @Test func sponsorsAreListedCompactlyAndAStatementAsWritten() {
        #expect(WhoAndHow.sponsors(["Norway", "Peru"]) == "Norway, Peru (2)")
        #expect(WhoAndHow.sponsors(["Austria", "Brazil", "Chile", "Denmark"]) == "Austria, Brazil, Chile, Denmark (4)")
        #expect(WhoAndHow.sponsors(["Austria", "Brazil", "Chile", "Denmark", "Egypt"]) == "Austria, Brazil, Chile, … (5)")
        #expect(WhoAndHow.sponsors(["submitted by the President of the General Assembly"]) == "submitted by the President of the General Assembly")
    }

    @Test func adoptionReadsAsTheVoteSaysIt() {
        #expect(Adoption(Vote(outcome: "adoptedWithoutVote")).description == "without a vote")
        var recorded = Vote(outcome: "adoptedRecordedVote")
        recorded.inFavour = 170
        recorded.against = 2
        recorded.abstaining = 3
        #expect(Adoption(recorded).description == "recorded vote 170–2–3")
        #expect(WhoAndHow.adopted(Adoption(recorded)) == "adopted by recorded vote 170–2–3")
        recorded.against = nil
        #expect(Adoption(recorded).description == "recorded vote 170–0–3")
        #expect(Adoption(Vote(outcome: "adoptedRecordedVote")).description == "recorded vote")
        // An outcome the markup words otherwise is kept as written.
        #expect(WhoAndHow.adopted(Adoption(Vote(outcome: "Adopted 133-3-0, 88th plenary meeting"))) == "adopted: Adopted 133-3-0, 88th plenary meeting")
    }
}
