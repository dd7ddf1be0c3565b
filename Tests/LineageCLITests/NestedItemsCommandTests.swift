import Foundation
import TestSupport
import Testing

/// Items inside a paragraph (73/27's norms 1.1–1.13, lettered and roman items) as a user meets
/// them: `parse`, `blame`, `history`, `search`, `diff`, and a cut text refused with its file named.
@Suite struct NestedItemsCommandTests {
    /// 69/28 then 73/27 (the line it continues) in a scratch repository.
    private func built(_ dir: ScratchDirectory) -> String {
        let repo = dir.path + "/n.git"
        let result = lineage(["build", Package.seeds["69/28"]!, Package.later["73/27"]!, "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        return repo
    }

    @Test func parseShowsTheNormsAsSubParagraphs() throws {
        let text = lineage(["parse", Package.later["73/27"]!])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Paragraphs:        21 preambular, 7 operative, 17 sub-paragraphs\n"))
        #expect(text.stdout.contains("\nop1.5   States, in ensuring the secure use of ICTs"))
        #expect(text.stdout.contains("\nop1.13  States should encourage the private sector"))
        let json = lineage(["parse", Package.later["73/27"]!, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        let norm = try #require(paragraphs.first { $0["address"] as? String == "op1.5" })
        #expect(norm["kind"] as? String == "subparagraph")
        #expect(norm["label"] as? String == "1.5")
        #expect(norm["parent"] as? Int == paragraphs.firstIndex { $0["address"] as? String == "op1" })
    }

    @Test func blameHistorySearchAndDiffFollowANorm() throws {
        let dir = ScratchDirectory()
        let repo = built(dir)
        let blame = lineage(["blame", "73/27", "--repo", repo])
        #expect(blame.status == 0, "\(blame.stderr)")
        let lines = blame.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("73/27  73/27  op1.5   States, in ensuring the secure use of ICTs") })
        // Operative paragraph 1 of 69/28 ("Calls upon Member States …") is 73/27's op2.
        #expect(lines.contains { $0.hasPrefix("69/28  73/27  op2     Calls upon Member States") })

        let history = lineage(["history", "73/27:op1.5", "--repo", repo])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.hasPrefix("history of clause 73/27#"))
        #expect(history.stdout.contains("(73/27:op1.5): 1 version, introduced in 73/27"))
        #expect(history.stdout.contains("\n73/27 op1.5  introduced\n    States, in ensuring the secure use of ICTs"))

        let missing = lineage(["history", "73/27:op1.14", "--repo", repo])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("73/27 has no paragraph op1.14"))

        let search = lineage(["search", "supply chain", "--repo", repo])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains("73/27  appears     pp12, op1.9, op1.13"))

        let diff = lineage(["diff", "69/28", "73/27", "--repo", repo])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("\ninserted op1.5  clause 73/27#"))
    }

    @Test func aParagraphSplitIntoItsItemsKeepsItsClauseAndItsWords() throws {
        let dir = ScratchDirectory()
        let before = """
            90/1. Norms of behaviour

            The General Assembly,

            Recalling its earlier work,

            1. Welcomes the following norms: States should cooperate in developing and applying measures to increase stability and security in the use of technologies. States should not knowingly allow their territory to be used for internationally wrongful acts. States should take appropriate measures to protect their critical infrastructure from threats.

            2. Decides to remain seized of the matter.

            50th plenary meeting
            1 December 2030
            """
        let after = """
            91/1. Norms of behaviour

            The General Assembly,

            Recalling its earlier work,

            1. Welcomes the following norms:

            1.1. States should cooperate in developing and applying measures to increase stability and security in the use of technologies.

            1.2. States should not knowingly allow their territory to be used for internationally wrongful acts.

            1.3. States should take appropriate measures to protect their critical infrastructure from threats.

            2. Decides to remain seized of the matter.

            40th plenary meeting
            1 December 2031
            """
        try before.write(toFile: dir.path + "/a.txt", atomically: true, encoding: .utf8)
        try after.write(toFile: dir.path + "/b.txt", atomically: true, encoding: .utf8)
        let repo = dir.path + "/s.git"
        let build = lineage(["build", dir.path + "/a.txt", dir.path + "/b.txt", "--repo", repo])
        #expect(build.status == 0, "\(build.stderr)")
        let diff = lineage(["diff", "90/1", "91/1", "--repo", repo])
        #expect(diff.stdout.contains("split op1 → op1 + op1.1 + op1.2 + op1.3"))
        let blame = lineage(["blame", "--words", "91/1", "--repo", repo])
        let lines = blame.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("90/1   91/1   op1     Welcomes the following norms:"))
        // The norms are new paragraphs, but every word of them was written in 90/1.
        #expect(lines.contains("    90/1    States should not knowingly allow their territory to be used for internationally wrongful acts."))
        #expect(!lines.contains { $0.hasPrefix("    91/1") && $0.contains("States") })
    }

    @Test func aTextCutInsideTheNormsIsRefusedNamingTheFile() throws {
        let dir = ScratchDirectory()
        let full = try String(contentsOfFile: Package.later["73/27"]!, encoding: .utf8)
        let cut = try #require(full.range(of: "1.5. States, in ensuring"))
        let path = dir.path + "/A_RES_73_27-cut.txt"
        try String(full[..<cut.lowerBound]).write(toFile: path, atomically: true, encoding: .utf8)
        let result = lineage(["build", path, "--repo", dir.path + "/c.git"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains("cut off: "))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/c.git/refs/tags"))
    }
}
