import Foundation
import Lineage
import TestSupport
import Testing

@testable import LineageCLI

/// The `lineage` executable as a user runs it: exit codes, output streams, formats.
@Suite struct CommandLineTests {
    @Test func parsePrintsTheDocumentedJSONShape() throws {
        let result = lineage(["parse", Package.seeds["69/28"]!, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["symbol"] as? String == "A/RES/69/28")
        #expect(object["number"] as? String == "69/28")
        #expect(object["session"] as? Int == 69)
        #expect(object["adopted"] as? String == "2014-12-02")
        #expect(object["meeting"] as? Int == 62)
        #expect(object["agendaItem"] as? Int == 91)
        #expect(object["committeeReport"] as? String == "A/69/435")
        // Keys in the documented order.
        let keys = ["symbol", "number", "session", "title", "adopted", "meeting", "agendaItem", "committeeReport", "draft", "sponsors", "vote", "paragraphs", "footnotes", "annexes"]
        let positions = keys.map { result.stdout.range(of: "\"\($0)\"")!.lowerBound }
        #expect(positions == positions.sorted())
        let paragraphs = object["paragraphs"] as! [[String: Any]]
        let first = paragraphs[0]
        #expect(Set(first.keys) == ["index", "address", "kind", "label", "parent", "text", "footnotes"])
        #expect(first["label"] is NSNull && first["parent"] is NSNull)
        let sub = paragraphs.first { $0["kind"] as? String == "subparagraph" }!
        #expect(sub["label"] as? String == "(a)")
        #expect((paragraphs[sub["parent"] as! Int])["label"] as? String == "3")
    }

    @Test func parseInTextListsMetadataAndParagraphsOnTheirOwnLines() throws {
        let result = lineage(["parse", Package.seeds["59/61"]!])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 25)
        #expect(result.stdout.contains("A/RES/59/61"))
        #expect(result.stdout.contains("2004-12-03"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func parseOfAnUndatedTextWritesNull() throws {
        let result = lineage(["parse", Package.seeds["61/54"]!, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"adopted\": null"))
        #expect(result.stdout.contains("\"meeting\": null"))
    }

    @Test func badInputExitsNonZeroWithTheFileAndReasonOnStderr() throws {
        let dir = ScratchDirectory()
        let empty = dir.write("empty.txt", "")
        let result = lineage(["parse", empty])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: \(empty): "))
        let missing = lineage(["parse", dir.path + "/nope.txt"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope.txt"))
    }

    @Test func buildThenLogInTextAndJSON() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        let built = lineage(["build"] + Package.seedFiles + ["--repo", repo])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("5 revision(s) in \(repo)"))
        #expect(built.stdout.contains("A/RES/61/54  (date cited by A/RES/"))
        #expect(!built.stdout.contains("\u{1B}["), "no colour when not a terminal")

        let again = lineage(["build"] + Package.seedFiles + ["--repo", repo])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("Nothing to commit"))

        let log = lineage(["log", "--repo", repo])
        #expect(log.status == 0)
        let commits = log.stdout.split(separator: "\n").filter { $0.hasPrefix("commit ") }
        #expect(commits.count == 5)
        #expect(commits.first?.contains("tag: A/RES/69/28") == true)
        #expect(log.stdout.contains("Adopted:    2014-12-02 (session 69, 62nd plenary meeting)"))
        #expect(log.stdout.contains("Adopted:    2006-12-06 (session 61), date cited by A/RES/"))

        let json = lineage(["log", "--repo", repo, "--format", "json"])
        let entries = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(entries.map { $0["number"] as! String } == ["69/28", "65/41", "63/37", "61/54", "59/61"])
        #expect(Set(entries[0].keys) == ["number", "symbol", "session", "adopted", "title", "commit", "parents", "branch", "series", "reasons", "draft", "sponsors", "vote"])
        let head = git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(entries[0]["commit"] as? String == head)

        // Written revision by revision: the same text as the views render whole.
        let history = try History.open(repo)
        #expect(json.stdout == LogView.json(history).rendered() + "\n")
        #expect(try log.stdout == LogView.text(history, style: Style(enabled: false)))

        // Search, written as it goes: the same text as the views of the whole search.
        let store = try LineageRepository.open(repo)
        for phrase in ["human rights", "Recalling", "no such words at all"] {
            let search = try store.search(phrase, footnotes: true)
            let text = lineage(["search", phrase, "--footnotes", "--repo", repo])
            #expect(text.stdout == SearchView.text(search, style: Style(enabled: false)))
            let json = lineage(["search", phrase, "--footnotes", "--repo", repo, "--format", "json"])
            #expect(json.stdout == search.json.rendered() + "\n")
        }
        let plain = lineage(["search", "Recalling", "--repo", repo, "--format", "json"])
        #expect(plain.stdout == (try store.search("Recalling")).json.rendered() + "\n")
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        #expect(lineage(["build"] + Package.seedFiles + ["--repo", repo]).status == 0)
        #expect(lineage(["log", "--repo", repo, "--color", "always"]).stdout.contains("\u{1B}[33mcommit"))
        #expect(!lineage(["log", "--repo", repo, "--color", "never"]).stdout.contains("\u{1B}["))
        #expect(!lineage(["log", "--repo", repo], environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}["))
    }

    @Test func usageErrorsAndMissingRepositories() throws {
        let dir = ScratchDirectory()
        let noRepo = lineage(["log", "--repo", dir.path + "/absent.git"])
        #expect(noRepo.status == 1)
        #expect(noRepo.stderr.contains("no lineage repository here"))
        let badFormat = lineage(["log", "--format", "yaml"])
        #expect(badFormat.status == 64)
        let badDate = lineage(["build", "--adopted", "61/54=6 December 2006", "--repo", dir.path + "/x.git"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("NUMBER=YYYY-MM-DD"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/x.git"))
    }

    @Test func theRepositoryDefaultsToLINEAGE_REPOOrLineageGitHere() throws {
        let dir = ScratchDirectory()
        #expect(lineage(["build", Package.seeds["69/28"]!], in: dir.path).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/lineage.git/HEAD"))
        let env = lineage(["build", Package.seeds["69/28"]!], in: dir.path, environment: ["LINEAGE_REPO": dir.path + "/env.git"])
        #expect(env.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/env.git/HEAD"))
    }
}
