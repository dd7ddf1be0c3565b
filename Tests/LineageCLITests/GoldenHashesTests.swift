import Foundation
import TestSupport
import Testing

/// The commit hashes of the bundled corpus, pinned. They depend on nothing but the inputs and the
/// frozen document and commit formats, so they are the same on every machine; a change to how a
/// document, a tree or a commit is serialised (or hashed) changes them and fails this test,
/// instead of silently making every existing repository a different history.
@Suite struct GoldenHashesTests {
    /// Every revision of `lineage build` of `lineage/`, oldest first: full commit id, adoption date,
    /// symbol.
    static let pinned: [(commit: String, adopted: String, symbol: String)] = [
        ("3df704c26d1e75851470c35967c60117d74c864b", "2004-12-03", "A/RES/59/61"),
        ("a1bcef8e997b3c2cc273dd01fc78aceca04530c4", "2006-12-06", "A/RES/61/54"),
        ("c358646837583632f75abe77d348e54b816a24ff", "2008-12-02", "A/RES/63/37"),
        ("6ab4d14b9437c669169e8fc311588842819f94c0", "2010-12-08", "A/RES/65/41"),
        ("7e2a15da7064bc3fa37cef7e1c681d721a07c019", "2014-12-02", "A/RES/69/28"),
        ("8a4f6e5cc13e5fb7e3b5ae55bc701ad875eaa0bf", "2018-12-05", "A/RES/73/27"),
        ("d7e8b8c87a784d317eb0538d13420a61bcc26984", "2018-12-22", "A/RES/73/266"),
        ("3c439afc5e5afe4f86237e73c4771b3f6af2aabf", "2021-12-06", "A/RES/76/19"),
    ]

    @Test func theBundledCorpusHasThePinnedCommitHashes() throws {
        let dir = ScratchDirectory()
        let result = lineage(["build", Package.corpus, "--repo", dir.path + "/lineage.git"])
        #expect(result.status == 0, "\(result.stderr)")
        // As `lineage build` prints them, hashes cut to 12 digits.
        let printed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("+ ") }.map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).prefix(4).joined(separator: " ")
        }
        #expect(printed == Self.pinned.map { "+ \($0.commit.prefix(12)) \($0.adopted) \($0.symbol)" })
        // In full, as git reads them: each tag names its pinned commit.
        let tags = git(["for-each-ref", "--format=%(objectname) %(refname)", "refs/tags"], in: dir.path + "/lineage.git")
        let byTag = Dictionary(uniqueKeysWithValues: tags.stdout.split(separator: "\n").map { line in
            (String(line.split(separator: " ")[1]), String(line.split(separator: " ")[0]))
        })
        #expect(byTag.count == Self.pinned.count)
        for revision in Self.pinned {
            #expect(byTag["refs/tags/" + revision.symbol] == revision.commit, "\(revision.symbol)")
        }
        #expect(git(["fsck", "--strict"], in: dir.path + "/lineage.git").status == 0)
    }

    @Test func theReadmePrintsThePinnedHashes() throws {
        let readme = try String(contentsOfFile: Package.root + "/README.md", encoding: .utf8)
        for revision in Self.pinned {
            let line = "+ \(revision.commit.prefix(12))  \(revision.adopted)  \(revision.symbol)"
            #expect(readme.contains(line), "the README's `lineage build` shows \(line)")
        }
    }
}
