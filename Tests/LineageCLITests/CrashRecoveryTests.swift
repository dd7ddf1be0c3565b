import Foundation
import TestSupport
import Testing

/// What a build killed at any moment leaves, the next build repairs, and builds started together
/// take turns: each case here is one state a kill -9 leaves (scripts/crash-test.sh kills real
/// builds at random moments).
@Suite struct CrashRecoveryTests {
    /// Branches and tags, as git lists them (the notes commit depends on how many builds wrote
    /// the notes; their tree does not).
    static func references(_ repo: String) -> String {
        git(["for-each-ref", "--format=%(objectname) %(refname)", "refs/heads", "refs/tags"], in: repo).stdout
    }

    static func notesTree(_ repo: String) -> String {
        git(["rev-parse", "refs/notes/lineage^{tree}"], in: repo).stdout
    }

    /// Lock and temporary files anywhere under `folder`.
    static func leftovers(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
            $0.hasSuffix(".lock") || ($0 as NSString).lastPathComponent.hasPrefix("tmp_") || $0.contains(".lineage-new")
        }
    }

    /// The bundled corpus built once, uninterrupted.
    static func reference() -> (dir: ScratchDirectory, repo: String) {
        let dir = ScratchDirectory()
        let repo = dir.path + "/lineage.git"
        let result = lineage(["build", Package.corpus, "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        return (dir, repo)
    }

    @Test func whatAKilledBuildLeftIsRemovedAndTheBuildGivesTheUninterruptedResult() throws {
        let (refDir, expected) = Self.reference()
        let dir = ScratchDirectory()
        let repo = dir.path + "/lineage.git"
        #expect(lineage(["build", Package.seedFiles[0], Package.seedFiles[1], "--repo", repo]).status == 0)
        // A pack being written, a pack renamed without its index, a reference transaction
        // before its commit, HEAD being written, and the build lock file of the dead build.
        dir.write("lineage.git/objects/pack/tmp_pack_q1W2e3", "PACK\0\0\0\u{2}")
        dir.write("lineage.git/objects/pack/pack-00112233445566778899aabbccddeeff00112233.pack", "PACK")
        dir.write("lineage.git/packed-refs.lock", "0123 refs/heads/x\n")
        let branch = git(["symbolic-ref", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        dir.write("lineage.git/" + branch + ".lock", String(repeating: "0", count: 40) + "\n")
        dir.write("lineage.git/HEAD.lock", "ref: refs/heads/x\n")
        dir.write("lineage.git.lock", "")
        #expect(Self.leftovers(dir.path).count == 5)

        let result = lineage(["build", Package.corpus, "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("an interrupted build left"), "the build says what it repaired: \(result.stderr)")
        #expect(Self.references(repo) == Self.references(expected))
        #expect(Self.notesTree(repo) == Self.notesTree(expected))
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
        #expect(Self.leftovers(dir.path).isEmpty, "left: \(Self.leftovers(dir.path))")
        #expect(!FileManager.default.fileExists(atPath: repo + "/objects/pack/pack-00112233445566778899aabbccddeeff00112233.pack"))
        withExtendedLifetime(refDir) {}
    }

    @Test func aDeletedAndAGarbledNoteAreRecomputedByTheNextBuild() throws {
        let (dir, repo) = Self.reference()
        let tree = Self.notesTree(repo)
        let gitEnv = ["-c", "user.name=someone", "-c", "user.email=someone@example.org"]
        #expect(git(gitEnv + ["notes", "--ref=lineage", "remove", "A/RES/65/41"], in: repo).status == 0)
        #expect(git(gitEnv + ["notes", "--ref=lineage", "add", "-f", "-m", "{not a note", "A/RES/69/28"], in: repo).status == 0)
        #expect(Self.notesTree(repo) != tree)
        let blame = lineage(["blame", "69/28", "--repo", repo])
        #expect(blame.status != 0)
        #expect(blame.stderr.contains("refs/notes/lineage:") && blame.stderr.contains("lineage build"), "\(blame.stderr)")

        let result = lineage(["build", Package.corpus, "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("refs/notes/lineage:"), "the build names the note it found damaged: \(result.stderr)")
        #expect(Self.notesTree(repo) == tree)
        #expect(lineage(["blame", "69/28", "--repo", repo]).status == 0)
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
        withExtendedLifetime(dir) {}
    }

    @Test func buildsStartedTogetherIntoANewPathTakeTurns() async throws {
        let (refDir, expected) = Self.reference()
        let dir = ScratchDirectory()
        let repo = dir.path + "/new/lineage.git"
        let results = await withTaskGroup(of: RunResult.self) { group in
            for _ in 0..<3 {
                group.addTask { lineage(["build", Package.corpus, "--repo", repo]) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        #expect(results.filter { $0.stdout.contains("+ 3df704c26d1e") }.count == 1, "one build commits, the others find it done")
        #expect(Self.references(repo) == Self.references(expected))
        #expect(Self.notesTree(repo) == Self.notesTree(expected))
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/new") == ["lineage.git"], "no lock left beside it")
        #expect(Self.leftovers(dir.path).isEmpty)
        withExtendedLifetime(refDir) {}
    }
}
