import Foundation
import TestSupport
import Testing

/// `lineage origin`: where a wording first appeared in the record, and every resolution that
/// reuses it, in any series; and `blame` saying where a clause's wording was first seen outside
/// its series.
@Suite struct OriginCommandTests {
    /// A paragraph 74/100 (migrating birds) wrote and 75/200 (mountains, another series) reused word for word.
    static let shared =
        "Stressing that the protection of the environment is a shared responsibility of all States, in accordance with their national capacities and priorities,"
    /// A paragraph of 74/100 that 75/200 reused with one word changed.
    static let cooperation =
        "Encourages Member States to strengthen cooperation at the regional and subregional levels in order to exchange information and good practices on the conservation of migratory species and their habitats, including through the sharing of scientific data, joint monitoring programmes and the development of common methodologies for the assessment of threats to those species;"

    /// A plain-text resolution as published.
    static func resolution(_ number: String, session: String, adopted: String, title: String, paragraphs: [String]) -> String {
        var text = "\(session) session\nAgenda item 12\n\nResolution adopted by the General Assembly on \(adopted)\n\n"
        text += "\(number). \(title)\n\nThe General Assembly,\n\n"
        var operative = 0
        for p in paragraphs {
            if p.hasPrefix("Recalling") || p.hasPrefix("Stressing") || p.hasPrefix("Noting") || p.hasPrefix("Bearing") {
                text += p + "\n\n"
            } else {
                operative += 1
                text += "\(operative). \(p)\n\n"
            }
        }
        return text + "50th plenary meeting\n\(adopted)\n"
    }

    static let birds = resolution(
        "74/100", session: "Seventy-fourth", adopted: "18 December 2019", title: "Protection of migrating birds",
        paragraphs: [
            "Recalling the importance of wetlands for the survival of migrating birds across continents,",
            shared,
            "Calls upon all States to protect the habitats of migrating birds along their flyways;",
            cooperation,
            "Requests the Secretary-General to report to it at its seventy-fifth session on the implementation of the present resolution.",
        ])

    static let mountains = resolution(
        "75/200", session: "Seventy-fifth", adopted: "7 December 2020", title: "Sustainable mountain development",
        paragraphs: [
            "Noting that mountains cover a quarter of the land surface of the Earth and are home to many of its peoples,",
            shared,
            "Encourages all States to adopt a long-term vision and holistic approaches to sustainable mountain development;",
            cooperation.replacingOccurrences(of: "migratory species", with: "mountain species"),
            "Decides to include in the provisional agenda of its seventy-seventh session the item entitled \"Sustainable mountain development\".",
        ])

    /// The two resolutions in a folder, each a series of its own (the corrections file says so:
    /// their shared text would otherwise make 75/200 continue 74/100).
    static func corpus(_ dir: ScratchDirectory, with texts: [(String, String)]) -> String {
        for (name, text) in texts { dir.write("corpus/" + name, text) }
        dir.write("corpus/.lineage-corrections", "parents 75/200 none\n")
        return dir.path + "/corpus"
    }

    static func built(_ dir: ScratchDirectory) -> String {
        let repo = dir.path + "/record.git"
        let build = lineage(["build", corpus(dir, with: [("birds.txt", birds), ("mountains.txt", mountains)]), "--repo", repo])
        #expect(build.status == 0, "\(build.stderr)")
        return repo
    }

    static func json(_ text: String) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]) ?? [:]
    }

    @Test func anExactWordingReusedInAnotherSeriesIsFoundWhereItFirstAppeared() {
        let dir = ScratchDirectory()
        let repo = Self.built(dir)
        // Case, punctuation and spacing aside: the words are what count.
        let origin = lineage(["origin", "STRESSING that the protection of the environment is a shared responsibility of all States in accordance with their national capacities and priorities", "--repo", repo])
        #expect(origin.status == 0, "\(origin.stderr)")
        #expect(origin.stderr.isEmpty)
        #expect(origin.stdout.hasPrefix("first: 74/100:pp2  2019-12-18  series protection-of-migrating-birds  100%\n  \(Self.shared)\n"))
        #expect(origin.stdout.contains("2 paragraph(s) in 2 resolution(s) of 2 series carry it:\n"))
        #expect(origin.stdout.contains("  100%  2019-12-18  74/100:pp2  protection-of-migrating-birds\n  100%  2020-12-07  75/200:pp2  sustainable-mountain-development\n"))
    }

    @Test func aNearWordingIsFoundWithItsSimilarity() throws {
        let dir = ScratchDirectory()
        let repo = Self.built(dir)
        let origin = lineage(["origin", Self.cooperation, "--format", "json", "--repo", repo])
        #expect(origin.status == 0, "\(origin.stderr)")
        let object = Self.json(origin.stdout)
        let first = try #require(object["first"] as? [String: Any])
        #expect(first["number"] as? String == "74/100" && first["similarity"] as? Double == 1)
        let occurrences = try #require(object["occurrences"] as? [[String: Any]])
        #expect(occurrences.map { $0["number"] as? String } == ["74/100", "75/200"])
        let near = try #require(occurrences.last?["similarity"] as? Double)
        #expect(near == 0.981, "one word of 53 changed: 52 of 53 words in common, in order, \(near)")
        #expect(occurrences.last?["exact"] as? Bool == false)
        let csv = lineage(["origin", Self.cooperation, "--format", "csv", "--repo", repo])
        #expect(csv.stdout == "number,adopted,series,label,similarity,exact,first\r\n"
            + "74/100,2019-12-18,protection-of-migrating-birds,op2,1.0,true,true\r\n"
            + "75/200,2020-12-07,sustainable-mountain-development,op2,0.981,false,false\r\n")
        // Asking for more than that leaves the near one out.
        let strict = Self.json(lineage(["origin", Self.cooperation, "--min-similarity", "0.99", "--format", "json", "--repo", repo]).stdout)
        #expect((strict["occurrences"] as? [[String: Any]])?.count == 1)
    }

    @Test func anAddressNamesTheParagraphWhoseWordingIsTracedAndCountsItself() throws {
        let dir = ScratchDirectory()
        let repo = Self.built(dir)
        let origin = lineage(["origin", "75/200:pp2", "--format", "json", "--repo", repo])
        #expect(origin.status == 0, "\(origin.stderr)")
        let object = Self.json(origin.stdout)
        #expect(object["address"] as? String == "75/200:pp2")
        let first = try #require(object["first"] as? [String: Any])
        // The documented keys of `first`.
        for key in ["number", "adopted", "label", "text", "similarity", "series"] { #expect(first[key] != nil, "first has no \(key)") }
        #expect(first["number"] as? String == "74/100" && first["label"] as? String == "pp2" && first["adopted"] as? String == "2019-12-18")
        #expect(first["text"] as? String == Self.shared)
        let occurrences = try #require(object["occurrences"] as? [[String: Any]])
        #expect(occurrences.map { $0["address"] as? String } == ["74/100:pp2", "75/200:pp2"])
        #expect(occurrences.map { $0["series"] as? String } == ["protection-of-migrating-birds", "sustainable-mountain-development"])
        // A paragraph that is its own first appearance.
        let own = Self.json(lineage(["origin", "75/200:pp1", "--format", "json", "--repo", repo]).stdout)
        #expect((own["first"] as? [String: Any])?["number"] as? String == "75/200")
        // A paragraph that does not exist is an error.
        let missing = lineage(["origin", "75/200:op9", "--repo", repo])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: 75/200:op9: 75/200 has no paragraph op9"))
    }

    @Test func aWordingNobodyAdoptedExitsOneLikeGitGrep() {
        let dir = ScratchDirectory()
        let repo = Self.built(dir)
        let none = lineage(["origin", "Welcomes the establishment of a lunar observatory for the benefit of all humankind", "--repo", repo])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr == "no resolution in the record carries this wording (similarity ≥ 90%)\n"
            + "hint: a wording is a whole paragraph's; `lineage search` finds a phrase inside paragraphs\n")
        let json = lineage(["origin", "Welcomes the establishment of a lunar observatory", "--format", "json", "--repo", repo])
        #expect(json.status == 1)
        let object = Self.json(json.stdout)
        #expect(object["first"] is NSNull && (object["occurrences"] as? [Any])?.isEmpty == true)
        let empty = lineage(["origin", " ;; ", "--repo", repo])
        #expect(empty.status == 1 && empty.stderr.hasPrefix("error: the wording to look for has no words"))
        let bad = lineage(["origin", "anything at all here", "--min-similarity", "1.5", "--repo", repo])
        #expect(bad.status == 64)
    }

    @Test func theIndexSurvivesAnIncrementalBuildAndABareBuildRestoresIt() {
        let dir = ScratchDirectory()
        let repo = dir.path + "/record.git"
        let folder = Self.corpus(dir, with: [("birds.txt", Self.birds)])
        #expect(lineage(["build", folder, "--repo", repo]).status == 0)
        let before = git(["rev-parse", "refs/lineage/wordings"], in: repo).stdout
        // Adding a resolution appends a segment for it alone; the older one is kept as it was.
        dir.write("corpus/mountains.txt", Self.mountains)
        #expect(lineage(["build", folder, "--repo", repo]).status == 0)
        let after = git(["rev-parse", "refs/lineage/wordings"], in: repo).stdout
        #expect(before != after)
        #expect(git(["rev-parse", "refs/lineage/wordings^"], in: repo).stdout == before)
        #expect(git(["ls-tree", "--name-only", "refs/lineage/wordings"], in: repo).stdout == "segment-0001\nsegment-0002\n")
        let origin = lineage(["origin", Self.shared, "--repo", repo])
        #expect(origin.status == 0 && origin.stderr.isEmpty, "\(origin.stderr)")
        #expect(origin.stdout.contains("75/200:pp2"))
        #expect(git(["fsck", "--strict"], in: repo).status == 0)

        // Without the index (a clone does not copy it), the answer is the same, said to be slower.
        #expect(git(["update-ref", "-d", "refs/lineage/wordings"], in: repo).status == 0)
        let slow = lineage(["origin", Self.shared, "--repo", repo])
        #expect(slow.status == 0 && slow.stdout == origin.stdout)
        #expect(slow.stderr == "note: the wording index does not cover 2 revision(s), read now; `lineage build --repo \(repo)` makes this fast\n")
        let blame = lineage(["blame", "75/200", "--repo", repo])
        #expect(blame.status == 0 && blame.stdout.contains("first seen in 74/100:pp2") && blame.stderr == slow.stderr)
        // A bare build writes it again.
        #expect(lineage(["build", "--repo", repo]).status == 0)
        #expect(git(["ls-tree", "--name-only", "refs/lineage/wordings"], in: repo).stdout == "segment-0001\n")
        let restored = lineage(["origin", Self.shared, "--repo", repo])
        #expect(restored.stderr.isEmpty && restored.stdout == origin.stdout)
    }

    @Test func blameSaysWhereAClauseWasFirstSeenOutsideItsSeries() throws {
        let dir = ScratchDirectory()
        let repo = Self.built(dir)
        let blame = lineage(["blame", "75/200", "--repo", repo])
        #expect(blame.status == 0, "\(blame.stderr)")
        let lines = blame.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pp2 = try #require(lines.firstIndex { $0.contains(" pp2 ") })
        #expect(lines[pp2 + 1].trimmingCharacters(in: .whitespaces)
            == "first seen in 74/100:pp2 (2019-12-18, series protection-of-migrating-birds, 100%)")
        let op2 = try #require(lines.firstIndex { $0.contains(" op2 ") })
        #expect(lines[op2 + 1].trimmingCharacters(in: .whitespaces).hasPrefix("first seen in 74/100:op2 (2019-12-18, series protection-of-migrating-birds, 98%)"), "one word of 53 changed: 52 of 53 words")
        // Clauses of its own say nothing more.
        #expect(blame.stdout.components(separatedBy: "first seen in").count == 3)
        let json = Self.json(lineage(["blame", "75/200", "--format", "json", "--repo", repo]).stdout)
        let paragraphs = try #require(json["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.map { ($0["firstSeen"] as? [String: Any])?["address"] as? String } == [nil, "74/100:pp2", nil, "74/100:op2", nil])
        // The earlier resolution's own clauses were first seen there.
        let own = lineage(["blame", "74/100", "--repo", repo])
        #expect(own.status == 0 && !own.stdout.contains("first seen"))
    }
}
