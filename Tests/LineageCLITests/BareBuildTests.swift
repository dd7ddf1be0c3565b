import Foundation
import TestSupport
import Testing

/// `lineage build` with no inputs re-reads the repository: it never writes the bundled corpus
/// into a user's repository, and it restores the lineage notes a `git clone` leaves behind.
@Suite struct BareBuildTests {
    /// Every reference, what `HEAD` names and what it points to: what a build must not move.
    func references(_ repo: String) -> String {
        git(["for-each-ref", "--format=%(objectname) %(refname)"], in: repo).stdout
            + git(["symbolic-ref", "HEAD"], in: repo).stdout + git(["rev-parse", "HEAD"], in: repo).stdout
    }

    /// The references but the notes and the wording index, which a clone does not copy and a
    /// bare build restores.
    func withoutNotes(_ references: String) -> String {
        references.split(separator: "\n").filter { !$0.hasSuffix(" refs/notes/lineage") && !$0.hasSuffix(" refs/lineage/wordings") }
            .joined(separator: "\n")
    }

    @Test func aBareBuildLeavesAUsersRepositoryAsItWasAndNeverBuildsTheBundledCorpus() throws {
        // A folder like the package's own (Package.swift and a lineage/ folder beside the user's
        // repository): the old bare build found the bundled corpus there and committed it.
        let dir = ScratchDirectory()
        dir.write("Package.swift", "// swift-tools-version:6.0\n")
        try FileManager.default.createDirectory(atPath: dir.path + "/lineage", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Package.corpus) {
            try FileManager.default.copyItem(atPath: Package.corpus + "/" + name, toPath: dir.path + "/lineage/" + name)
        }
        for number in ["59/61", "63/37"] {
            dir.write("mine/" + number.replacingOccurrences(of: "/", with: "-"), Array(FileManager.default.contents(atPath: Package.seeds[number]!)!))
        }
        #expect(lineage(["build", "mine"], in: dir.path).status == 0)
        let repo = dir.path + "/lineage.git"
        let before = references(repo)
        let objects = snapshot(repo)

        let bare = lineage(["build"], in: dir.path)
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.stdout.hasPrefix("Re-read 2 revision(s): the lineage is up to date; nothing written.\n"))
        #expect(bare.stdout.contains("2 revision(s) in \(repo), head A/RES/63/37"))
        #expect(references(repo) == before)
        #expect(snapshot(repo) == objects)
        #expect(git(["rev-parse", "--verify", "-q", "A/RES/76/19"], in: repo).status != 0)

        // Its lineage gone (as in a clone), a bare build recomputes it, the same as before, and
        // moves nothing else; a second one writes nothing.
        let notes = git(["rev-parse", "refs/notes/lineage"], in: repo).stdout
        #expect(git(["update-ref", "-d", "refs/notes/lineage"], in: repo).status == 0)
        let restored = lineage(["build", "--format", "json"], in: dir.path)
        #expect(restored.status == 0, "\(restored.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(restored.stdout.utf8)) as! [String: Any]
        #expect(json["reread"] as? Bool == true && json["lineageComputed"] as? Int == 2)
        #expect((json["committed"] as? [Any])?.isEmpty == true)
        #expect(git(["rev-parse", "refs/notes/lineage"], in: repo).stdout == notes)
        #expect(references(repo) == before)
        #expect(lineage(["build"], in: dir.path).stdout.hasPrefix("Re-read 2 revision(s): the lineage is up to date"))
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
    }

    @Test func aBareBuildWithNoRepositorySaysWhatToBuildAndCreatesNothing() throws {
        let dir = ScratchDirectory()
        let result = lineage(["build"], in: dir.path)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("lineage.git: no lineage repository here to re-read"))
        #expect(result.stderr.contains("hint: name the resolutions to build it from: `lineage build FILE|FOLDER... --repo lineage.git`"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        // --adopted dates named inputs: with none it is refused.
        let adopted = lineage(["build", "--adopted", "61/54=2006-12-06"], in: dir.path)
        #expect(adopted.status != 0 && adopted.stderr.contains("name them"))
    }

    @Test func aBareCloneAnswersBlameOnceABuildRestoresItsNotes() throws {
        let dir = ScratchDirectory()
        let original = dir.path + "/original.git", clone = dir.path + "/clone.git", work = dir.path + "/work"
        #expect(lineage(["build", Package.corpus, "--repo", original]).status == 0)
        #expect(git(["clone", "-q", "--bare", original, clone], in: dir.path).status == 0)
        #expect(git(["clone", "-q", original, work], in: dir.path).status == 0)
        let cloned = references(clone)
        #expect(!cloned.contains("refs/notes/lineage"))  // git does not copy notes

        // Without notes, the clone says why and what restores them.
        let refused = lineage(["blame", "--repo", clone])
        #expect(refused.status != 0 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("\(clone): no stored lineage: refs/notes/lineage is missing (a git clone does not copy notes)"))
        #expect(refused.stderr.contains("hint: `lineage build --repo \(clone)` restores it from the revisions the repository holds"))

        for repo in [clone, work] {
            let before = references(repo)
            let built = lineage(["build", "--repo", repo])
            #expect(built.status == 0, "\(built.stderr)")
            #expect(built.stdout.hasPrefix("Re-read 8 revision(s): computed the lineage of 8 (refs/notes/lineage) and indexed the wordings of 8 (refs/lineage/wordings)"))
            #expect(git(["rev-parse", "refs/lineage/wordings^{tree}"], in: repo).stdout == git(["rev-parse", "refs/lineage/wordings^{tree}"], in: original).stdout)
            #expect(withoutNotes(references(repo)) == withoutNotes(before))
            #expect(git(["rev-parse", "refs/notes/lineage"], in: repo).stdout == git(["rev-parse", "refs/notes/lineage"], in: original).stdout)
            for arguments in [["blame"], ["blame", "--words", "73/266"], ["history", "69/28:op4"], ["log"]] {
                let here = lineage(arguments + ["--repo", repo]), there = lineage(arguments + ["--repo", original])
                #expect(here.status == 0 && !here.stdout.isEmpty, "\(arguments): \(here.stderr)")
                #expect(here.stdout == there.stdout, "\(arguments)")
            }
        }
    }
}
