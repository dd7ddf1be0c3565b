import Foundation
import TestSupport
import Testing

/// Inputs as they are published: the UN's Akoma Ntoso metadata travels into the commits and
/// `log`; a folder's other files are listed as skipped, never silently, while a damaged
/// resolution still refuses the build.
@Suite struct PublishedInputTests {
    @Test func draftSponsorsAndVoteTravelIntoTheTrailersAndLog() throws {
        let dir = ScratchDirectory()
        dir.write("in/A_RES_85_12.xml", AkomaNtosoFixtures.recordedVote)
        let repo = dir.path + "/r.git"
        let built = lineage(["build", dir.path + "/in", "--repo", repo])
        #expect(built.status == 0, "\(built.stderr)")
        let message = git(["--git-dir", repo, "log", "-1", "--format=%B", "A/RES/85/12"], in: dir.path).stdout
        #expect(message.contains("Committee-Report: A/85/401\nDraft: A/C.1/85/L.7\nSponsor: Antigua and Barbuda\nSponsor: Peru\n"))
        #expect(message.contains("Sponsor: Côte d’Ivoire\nVote: adoptedRecordedVote (3 in favour, 1 abstaining)\nParent: none"))
        // git reads them as trailers.
        let trailers = git(["--git-dir", repo, "log", "-1", "--format=%(trailers:key=Sponsor,valueonly)", "A/RES/85/12"], in: dir.path).stdout
        #expect(trailers.split(separator: "\n").count == 6)

        let log = lineage(["log", "--repo", repo])
        #expect(log.stdout.contains("Draft:      A/C.1/85/L.7\n"))
        // Compact: the first three sponsors and how many; how it was adopted, with the counts
        // in favour, against (none recorded: 0) and abstaining.
        #expect(log.stdout.contains("Sponsors:   Antigua and Barbuda, Peru, Uganda (on behalf of the States Members of the United Nations that are members of the Group of 77 and China), … (6)\n"))
        #expect(log.stdout.contains("Adoption:   recorded vote 3–0–1\n"))
        let json = lineage(["log", "--repo", repo, "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries[0]["draft"] as? String == "A/C.1/85/L.7")
        #expect((entries[0]["sponsors"] as? [String])?.last == "Côte d’Ivoire")
        let vote = try #require(entries[0]["vote"] as? [String: Any])
        #expect(vote["outcome"] as? String == "adoptedRecordedVote" && vote["inFavour"] as? Int == 3)
        #expect(vote["against"] is NSNull && vote["abstaining"] as? Int == 1)

        // Read back from the trailers, the stored revision is the input: building again writes nothing.
        let again = lineage(["build", dir.path + "/in", "--repo", repo])
        #expect(again.status == 0)
        #expect(again.stdout.contains("Nothing to commit"))
    }

    @Test func aTextKeepsItsTrailersAndHashes() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/r.git"
        #expect(lineage(["build", Package.seeds["69/28"]!, "--repo", repo]).status == 0)
        let message = git(["--git-dir", repo, "log", "-1", "--format=%B"], in: dir.path).stdout
        #expect(!message.contains("Draft:") && !message.contains("Sponsor:") && !message.contains("Vote:"))
        let json = lineage(["log", "--repo", repo, "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries[0]["draft"] is NSNull && (entries[0]["sponsors"] as? [Any])?.isEmpty == true && entries[0]["vote"] is NSNull)
    }

    @Test func aFoldersOtherFilesAreListedAsSkipped() throws {
        let dir = ScratchDirectory()
        dir.write("in/resolution.xml", AkomaNtosoFixtures.withoutVote)
        dir.write("in/README.md", "# Gardens\n\nThe resolutions of the gardening series, as published.\n")
        dir.write("in/index.json", "[{\"symbol\": \"A/RES/85/3\"}]\n")
        dir.write("in/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        dir.write("in/figure.svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        let repo = dir.path + "/r.git"
        let result = lineage(["build", dir.path + "/in", "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("A/RES/85/3"))
        let skipped = result.stderr.split(separator: "\n").filter { $0.hasPrefix("skipped ") }
        #expect(skipped == [
            "skipped \(dir.path)/in/README.md: not a resolution: no resolution number such as '69/28.' heading was found",
            "skipped \(dir.path)/in/figure.svg: XML, not Akoma Ntoso (root element 'svg')",
            "skipped \(dir.path)/in/index.json: JSON",
            "skipped \(dir.path)/in/logo.png: image",
        ])
        // Named on its own, a file that is not a resolution is refused.
        let named = lineage(["build", dir.path + "/in/README.md", "--repo", dir.path + "/other.git"])
        #expect(named.status != 0)
        #expect(named.stderr.hasPrefix("error: \(dir.path)/in/README.md: not a resolution"))
    }

    @Test(arguments: [
        ("cut.txt", "cut off"),
        ("damaged.xml", "damaged Akoma Ntoso XML"),
        ("header-only.txt", "not a resolution"),
    ])
    func aResolutionThatCannotBeReadInAFolderStillRefusesTheBuild(name: String, reason: String) throws {
        let dir = ScratchDirectory()
        dir.write("in/README.md", "# Notes\n")
        dir.write("in/resolution.xml", AkomaNtosoFixtures.withoutVote)
        let text = String(decoding: FileManager.default.contents(atPath: Package.seeds["65/41"]!)!, as: UTF8.self)
        switch name {
        case "cut.txt": dir.write("in/" + name, String(text.prefix(text.count * 2 / 3)))
        case "damaged.xml": dir.write("in/" + name, String(AkomaNtosoFixtures.recordedVote.prefix(2500)))
        default: dir.write("in/" + name, "United Nations\nGeneral Assembly\nResolution adopted by the General Assembly on 8 December 2010\n")
        }
        let repo = dir.path + "/r.git"
        let result = lineage(["build", dir.path + "/in", "--repo", repo])
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: \(dir.path)/in/\(name): \(reason)"))
        #expect(!FileManager.default.fileExists(atPath: repo), "a refused build creates nothing")
    }

    @Test func aFolderWithNoResolutionIsRefused() throws {
        let dir = ScratchDirectory()
        dir.write("in/README.md", "# Notes\n")
        let result = lineage(["build", dir.path + "/in", "--repo", dir.path + "/r.git"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("skipped \(dir.path)/in/README.md: not a resolution"))
        #expect(result.stderr.contains("error: no resolutions in \(dir.path)/in: 1 file(s) skipped, none read"))
    }
}
