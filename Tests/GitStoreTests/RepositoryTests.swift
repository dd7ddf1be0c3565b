import Foundation
import TestSupport
import Testing

@testable import GitStore

let signature = Signature(name: "Tester", email: "t@example.org", time: 1_417_539_600, offsetMinutes: -300)

@discardableResult
func commitFile(_ repo: Repository, _ text: String, parent: ObjectID?) throws -> ObjectID {
    try repo.writeObjects { w in
        let blob = try w.blob(Array(text.utf8))
        let tree = try w.tree(entries: [TreeEntry(name: "doc.txt", id: blob)])
        return try w.commit(tree: tree, parents: parent.map { [$0] } ?? [], author: signature, committer: signature, message: "m\n")
    }.result
}

@Suite struct RepositoryTests {
    @Test func writesOnePackPerBatchAndGitReadsIt() throws {
        let dir = ScratchDirectory()
        let repo = try Repository.createBare(at: dir.path + "/r.git", initialBranch: "main")
        let (commit, count) = try repo.writeObjects { w in
            let blob = try w.blob(Array("hello\n".utf8))
            let tree = try w.tree(entries: [TreeEntry(name: "doc.txt", id: blob)])
            return try w.commit(tree: tree, parents: [], author: signature, committer: signature, message: "first\n")
        }
        #expect(count == 3)
        try repo.updateReferences(
            [ReferenceUpdate(name: "refs/heads/main", expected: nil, target: commit)], message: "t", signature: signature)
        let gitDir = dir.path + "/r.git"
        let packs = try FileManager.default.contentsOfDirectory(atPath: gitDir + "/objects/pack")
        #expect(packs.filter { $0.hasSuffix(".pack") }.count == 1)
        let loose = try FileManager.default.contentsOfDirectory(atPath: gitDir + "/objects")
            .filter { $0.count == 2 }
        #expect(loose.isEmpty, "no loose objects: \(loose)")
        #expect(git(["fsck", "--strict"], in: gitDir).status == 0)
        #expect(git(["show", "main:doc.txt"], in: gitDir).stdout == "hello\n")
        #expect(git(["rev-parse", "main"], in: gitDir).stdout.hasPrefix(commit.hex))

        let read = try repo.commit(commit)
        #expect(read.message == "first\n")
        #expect(read.author == signature)
        #expect(try repo.blob(at: "doc.txt", inTree: read.tree) == Array("hello\n".utf8))
        #expect(try repo.blob(at: "missing.txt", inTree: read.tree) == nil)
        #expect(try repo.resolveCommit("main") == commit)
        #expect(try repo.resolveCommit("no-such-thing") == nil)
    }

    @Test func aBatchThatThrowsWritesNothing() throws {
        struct Boom: Error {}
        let dir = ScratchDirectory()
        let repo = try Repository.createBare(at: dir.path + "/r.git", initialBranch: "main")
        var blob: ObjectID?
        #expect(throws: Boom.self) {
            _ = try repo.writeObjects { w in
                blob = try w.blob(Array("lost\n".utf8))
                throw Boom()
            }
        }
        #expect(try repo.contains(blob!) == false)
        let packs = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/r.git/objects/pack")
        #expect(packs.isEmpty)
    }

    @Test func aBatchWithNothingNewWritesNoPack() throws {
        let dir = ScratchDirectory()
        let repo = try Repository.createBare(at: dir.path + "/r.git", initialBranch: "main")
        let first = try commitFile(repo, "same\n", parent: nil)
        let again = try repo.writeObjects { w in
            let blob = try w.blob(Array("same\n".utf8))
            let tree = try w.tree(entries: [TreeEntry(name: "doc.txt", id: blob)])
            return try w.commit(tree: tree, parents: [], author: signature, committer: signature, message: "m\n")
        }
        #expect(again.result == first)
        #expect(again.newObjects == 0)
        let packs = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/r.git/objects/pack")
        #expect(packs.filter { $0.hasSuffix(".pack") }.count == 1)
    }

    @Test func referenceUpdatesRefuseAStaleExpectation() throws {
        let dir = ScratchDirectory()
        let repo = try Repository.createBare(at: dir.path + "/r.git", initialBranch: "main")
        let a = try commitFile(repo, "a\n", parent: nil)
        let b = try commitFile(repo, "b\n", parent: a)
        try repo.updateReferences(
            [ReferenceUpdate(name: "refs/heads/main", expected: nil, target: a),
             ReferenceUpdate(name: "refs/tags/A/RES/1/1", expected: nil, target: a)],
            message: "t", signature: signature)
        // Someone expects main to be unset: refused, and nothing moves (not even the tag).
        #expect(throws: GitError.self) {
            try repo.updateReferences(
                [ReferenceUpdate(name: "refs/tags/A/RES/1/1", expected: a, target: b),
                 ReferenceUpdate(name: "refs/heads/main", expected: nil, target: b)],
                message: "t", signature: signature)
        }
        #expect(try repo.reference("refs/heads/main") == a)
        #expect(try repo.reference("refs/tags/A/RES/1/1") == a)
        let tags = try repo.references(matching: "refs/tags/*")
        #expect(tags.map(\.name) == ["refs/tags/A/RES/1/1"])
    }

    @Test func errorsCarryLibgit2sMessage() throws {
        let dir = ScratchDirectory()
        #expect {
            try Repository.open(at: dir.path + "/nothing-here")
        } throws: { error in
            guard let error = error as? GitError else { return false }
            return error.isNotFound && error.function == "git_repository_open_ext" && !error.message.isEmpty
        }
        #expect(Repository.isValidReferenceName("refs/tags/A/RES/69/28"))
        #expect(!Repository.isValidReferenceName("refs/tags/bad..name"))
    }

    @Test func signaturesBefore1970AreRefused() throws {
        let dir = ScratchDirectory()
        let repo = try Repository.createBare(at: dir.path + "/r.git", initialBranch: "main")
        let old = Signature(name: "x", email: "x@y", time: -1, offsetMinutes: 0)
        #expect(throws: GitError.self) {
            _ = try repo.writeObjects { w in
                let blob = try w.blob([])
                let tree = try w.tree(entries: [TreeEntry(name: "f", id: blob)])
                return try w.commit(tree: tree, parents: [], author: old, committer: old, message: "m\n")
            }
        }
    }
}
