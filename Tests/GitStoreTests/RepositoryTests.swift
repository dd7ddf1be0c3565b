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
            [ReferenceUpdate(name: "refs/heads/main", expected: nil, target: commit)])
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
             ReferenceUpdate(name: "refs/tags/A/RES/1/1", expected: nil, target: a)])
        // Someone expects main to be unset: refused, and nothing moves (not even the tag).
        #expect(throws: GitError.self) {
            try repo.updateReferences(
                [ReferenceUpdate(name: "refs/tags/A/RES/1/1", expected: a, target: b),
                 ReferenceUpdate(name: "refs/heads/main", expected: nil, target: b)])
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

@Suite struct PackWritingTests {
    /// A document edited a little at a time, as revisions are.
    static func revisions(_ n: Int) -> [String] {
        var lines = (0..<40).map { "Paragraph \($0): the General Assembly recalls its resolution \($0 * 7) of the session." }
        var out: [String] = []
        for i in 0..<n {
            lines[(i * 7) % lines.count] += " Amended in revision \(i)."
            if i % 5 == 0 { lines.insert("Inserted paragraph \(i), new text.", at: i % lines.count) }
            out.append(lines.joined(separator: "\n") + "\n")
        }
        return out
    }

    /// Writes the revisions as a chain of commits; returns the commits.
    static func chain(_ repo: Repository, _ texts: [String], packBytes: Int) throws -> (commits: [ObjectID], newObjects: Int) {
        let (commits, count) = try repo.writeObjects(packBytes: packBytes) { w in
            var parent: ObjectID?
            var out: [ObjectID] = []
            for text in texts {
                let blob = try w.blob(Array(text.utf8), deltaFamily: "doc")
                let tree = try w.tree(entries: [TreeEntry(name: "doc.txt", id: blob)])
                parent = try w.commit(tree: tree, parents: parent.map { [$0] } ?? [], author: signature, committer: signature, message: "m\n")
                out.append(parent!)
            }
            return out
        }
        return (commits, count)
    }

    @Test func deltasAndBatchesGiveTheSameObjectsAndGitReadsThem() throws {
        let texts = Self.revisions(120)
        var tips: [ObjectID] = []
        for packBytes in [ObjectWriter.defaultPackBytes, 4096] {
            let dir = ScratchDirectory()
            let gitDir = dir.path + "/r.git"
            let repo = try Repository.createBare(at: gitDir, initialBranch: "main")
            let (commits, count) = try Self.chain(repo, texts, packBytes: packBytes)
            #expect(count == 3 * texts.count)
            tips.append(commits.last!)
            try repo.updateReferences(
                [ReferenceUpdate(name: "refs/heads/main", expected: nil, target: commits.last!)])
            #expect(git(["fsck", "--strict", "--no-dangling"], in: gitDir).status == 0)
            #expect(git(["show", "main~7:doc.txt"], in: gitDir).stdout == texts[texts.count - 8])
            let packs = try FileManager.default.contentsOfDirectory(atPath: gitDir + "/objects/pack").filter { $0.hasSuffix(".pack") }
            #expect(packs.count == 1, "one pack per batch, however small its buffer")
            for pack in packs {
                let verify = git(["verify-pack", "-v", "objects/pack/" + pack], in: gitDir)
                #expect(verify.status == 0)
                // Documents are stored as deltas, chains no deeper than git's default.
                #expect(packBytes == 4096 || verify.stdout.contains("chain length = 1:"))
                #expect(!verify.stdout.contains("chain length = \(ObjectWriter.maxDeltaDepth + 1):"))
                // The index lineage writes is the one git's indexer computes from the pack, byte
                // for byte; both files are read-only, as git leaves them.
                let name = "objects/pack/" + pack.dropLast(".pack".count)
                #expect(git(["index-pack", "-o", dir.path + "/git.idx", name + ".pack"], in: gitDir).status == 0)
                let theirs = FileManager.default.contents(atPath: dir.path + "/git.idx")
                #expect(theirs != nil && FileManager.default.contents(atPath: gitDir + "/" + name + ".idx") == theirs)
                try? FileManager.default.removeItem(atPath: dir.path + "/git.idx")
                for file in [name + ".pack", name + ".idx"] {
                    let mode = try FileManager.default.attributesOfItem(atPath: gitDir + "/" + file)[.posixPermissions] as? Int
                    #expect(mode == 0o444)
                }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: gitDir + "/objects/pack").allSatisfy { !$0.hasPrefix("tmp_") })
            // libgit2 reads what it wrote back, deltas included.
            #expect(try repo.blob(at: "doc.txt", inTree: try repo.commit(commits[90]).tree) == Array(texts[90].utf8))
        }
        #expect(tips[0] == tips[1])
        // git names the objects the same way.
        let dir = ScratchDirectory()
        try texts[0].write(toFile: dir.path + "/doc.txt", atomically: false, encoding: .utf8)
        let blob = git(["hash-object", "doc.txt"], in: dir.path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let repo = try Repository.createBare(at: dir.path + "/r.git", initialBranch: "main")
        #expect(try repo.writeObjects { try $0.blob(Array(texts[0].utf8)) }.result.hex == blob)
    }

    @Test func deltasRoundTrip() throws {
        let texts = Self.revisions(30).map { Array($0.utf8) }
        for (a, b) in zip(texts, texts.dropFirst()) {
            let delta = try #require(Delta.encode(base: a, target: b))
            #expect(delta.count < b.count / 4)
            #expect(Delta.apply(delta, to: a) == b)
        }
        let noise = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        #expect(Delta.encode(base: Array(texts[0]), target: noise) == nil)
    }

    @Test func objectIdsAreGitsForEveryTypeAndSize() throws {
        let dir = ScratchDirectory()
        for text in ["", "abc", String(repeating: "a", count: 1000), Self.revisions(1)[0]] {
            dir.write("doc.txt", text)
            let theirs = git(["hash-object", "doc.txt"], in: dir.path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(ObjectID.blob(hashing: Array(text.utf8)).hex == theirs)
        }
        // Trees and commits: git names what the writer wrote, and finds it under that name.
        let gitDir = dir.path + "/r.git"
        let repo = try Repository.createBare(at: gitDir, initialBranch: "main")
        let commit = try commitFile(repo, "hello\n", parent: nil)
        let tree = try repo.commit(commit).tree
        #expect(git(["cat-file", "-t", commit.hex], in: gitDir).stdout == "commit\n")
        #expect(git(["cat-file", "-t", tree.hex], in: gitDir).stdout == "tree\n")
        #expect(git(["fsck", "--strict", "--no-dangling"], in: gitDir).status == 0, "every object's name is the hash of its bytes")
    }

    @Test func referencesMoveInOnePackedRefsRewrite() throws {
        let dir = ScratchDirectory()
        let gitDir = dir.path + "/r.git"
        let repo = try Repository.createBare(at: gitDir, initialBranch: "main")
        let (commits, _) = try Self.chain(repo, Self.revisions(6), packBytes: ObjectWriter.defaultPackBytes)
        let tags = commits.enumerated().map { ReferenceUpdate(name: "refs/tags/A/RES/1/\($0.offset)", expected: nil, target: $0.element) }
        try repo.updateReferences([ReferenceUpdate(name: "refs/heads/main", expected: nil, target: commits[2])] + tags.prefix(3))
        // A second update keeps the first's entries; a loose reference git wrote is folded in.
        #expect(git(["update-ref", "refs/tags/A/RES/1/0", commits[1].hex], in: gitDir).status == 0)
        #expect(FileManager.default.fileExists(atPath: gitDir + "/refs/tags/A/RES/1/0"))
        try repo.updateReferences(
            Array(tags.dropFirst(3)) + [ReferenceUpdate(name: "refs/tags/A/RES/1/0", expected: commits[1], target: commits[5])])
        let packedRefs = try String(contentsOfFile: gitDir + "/packed-refs", encoding: .utf8)
        #expect(packedRefs.split(separator: "\n").count == 1 + 7)  // header, main, six tags
        #expect(!FileManager.default.fileExists(atPath: gitDir + "/refs/tags/A/RES/1/0"), "the loose file is gone")
        #expect(try Self.locks(gitDir).isEmpty)
        #expect(try repo.reference("refs/tags/A/RES/1/0") == commits[5])
        #expect(try repo.reference("refs/tags/A/RES/1/4") == commits[4])
        #expect(try repo.references(matching: "refs/tags/*").count == 6)
        #expect(git(["rev-parse", "A/RES/1/0"], in: gitDir).stdout.hasPrefix(commits[5].hex))
        #expect(git(["fsck", "--strict"], in: gitDir).status == 0)
        // Deleting removes the entry.
        try repo.updateReferences([ReferenceUpdate(name: "refs/tags/A/RES/1/5", expected: commits[5], target: nil)])
        #expect(try repo.reference("refs/tags/A/RES/1/5") == nil)
        // Creating an existing reference is refused, and a held lock is a concurrent modification
        // that names the lock.
        #expect(throws: GitError.self) { try repo.updateReferences([tags[1], tags[2]]) }
        _ = FileManager.default.createFile(atPath: gitDir + "/packed-refs.lock", contents: nil)
        #expect {
            try repo.updateReferences([ReferenceUpdate(name: "refs/tags/x", expected: nil, target: commits[0])])
        } throws: { ($0 as? GitError)?.isConcurrentModification == true && "\($0)".contains("packed-refs.lock") }
        #expect(try repo.reference("refs/tags/x") == nil)
        try FileManager.default.removeItem(atPath: gitDir + "/packed-refs.lock")
        // A name that would be a folder of another is refused, as git refuses it.
        #expect(throws: GitError.self) {
            try repo.updateReferences(
                [ReferenceUpdate(name: "refs/tags/A/RES/1/0/x", expected: nil, target: commits[0]),
                 ReferenceUpdate(name: "refs/tags/z", expected: nil, target: commits[0])])
        }
        #expect(try repo.reference("refs/tags/z") == nil)
    }

    /// The state a transaction killed at each of its steps leaves is repaired to the old state
    /// (before the rename of `packed-refs.lock`) or to the new one (after it), never a mix.
    @Test func recoveryFinishesOrUndoesAKilledReferenceUpdate() throws {
        let dir = ScratchDirectory()
        let gitDir = dir.path + "/r.git"
        let repo = try Repository.createBare(at: gitDir, initialBranch: "main")
        let (commits, _) = try Self.chain(repo, Self.revisions(3), packBytes: ObjectWriter.defaultPackBytes)
        try repo.updateReferences([ReferenceUpdate(name: "refs/heads/main", expected: nil, target: commits[0])])
        // Loose, as git writes them: they shadow packed entries.
        #expect(git(["update-ref", "refs/heads/main", commits[1].hex], in: gitDir).status == 0)
        #expect(git(["update-ref", "refs/tags/t", commits[1].hex], in: gitDir).status == 0)
        let packed = try String(contentsOfFile: gitDir + "/packed-refs", encoding: .utf8)

        // Killed before the commit: packed-refs.lock and the journal are left; undone.
        try "\(commits[2].hex)\n".write(toFile: gitDir + "/refs/heads/main.lock", atomically: false, encoding: .utf8)
        try "garbage".write(toFile: gitDir + "/packed-refs.lock", atomically: false, encoding: .utf8)
        var repaired = try Repository.recoverInterruptedWrites(gitDirectory: gitDir)
        #expect(Set(repaired) == ["refs/heads/main.lock", "packed-refs.lock"])
        #expect(git(["rev-parse", "main"], in: gitDir).stdout.hasPrefix(commits[1].hex))
        #expect(try String(contentsOfFile: gitDir + "/packed-refs", encoding: .utf8) == packed)

        // Killed after the commit, before the loose files went: finished.
        let newPacked = packed.replacingOccurrences(of: commits[0].hex, with: commits[2].hex)
        try newPacked.write(toFile: gitDir + "/packed-refs", atomically: false, encoding: .utf8)
        try "\(commits[2].hex)\n".write(toFile: gitDir + "/refs/heads/main.lock", atomically: false, encoding: .utf8)
        // A lock holding another value than packed-refs (a killed `git update-ref`) goes alone.
        try "\(commits[0].hex)\n".write(toFile: gitDir + "/refs/tags/t.lock", atomically: false, encoding: .utf8)
        repaired = try Repository.recoverInterruptedWrites(gitDirectory: gitDir)
        #expect(Set(repaired) == ["refs/heads/main", "refs/heads/main.lock", "refs/tags/t.lock"])
        #expect(git(["rev-parse", "main"], in: gitDir).stdout.hasPrefix(commits[2].hex))
        #expect(git(["rev-parse", "t"], in: gitDir).stdout.hasPrefix(commits[1].hex))
        #expect(try Self.locks(gitDir).isEmpty)
        #expect(git(["fsck", "--strict"], in: gitDir).status == 0)
    }

    @Test func recoveryRemovesTemporaryPacksAndPacksWithoutIndex() throws {
        let dir = ScratchDirectory()
        let gitDir = dir.path + "/r.git"
        let repo = try Repository.createBare(at: gitDir, initialBranch: "main")
        let (commits, _) = try Self.chain(repo, Self.revisions(3), packBytes: ObjectWriter.defaultPackBytes)
        try repo.updateReferences([ReferenceUpdate(name: "refs/heads/main", expected: nil, target: commits[2])])
        let pack = gitDir + "/objects/pack/"
        _ = FileManager.default.createFile(atPath: pack + "tmp_pack_AbC123", contents: Data("PACK".utf8))
        _ = FileManager.default.createFile(atPath: pack + "pack-0123456789012345678901234567890123456789.pack", contents: Data("PACK".utf8))
        _ = FileManager.default.createFile(atPath: gitDir + "/HEAD.lock", contents: nil)
        let repaired = try Repository.recoverInterruptedWrites(gitDirectory: gitDir)
        #expect(Set(repaired) == [
            "objects/pack/tmp_pack_AbC123", "objects/pack/pack-0123456789012345678901234567890123456789.pack", "HEAD.lock",
        ])
        let left = try FileManager.default.contentsOfDirectory(atPath: pack)
        #expect(left.count == 2 && left.allSatisfy { $0.hasPrefix("pack-") }, "the real pack and its index stay: \(left)")
        #expect(git(["fsck", "--strict"], in: gitDir).status == 0)
        #expect(try Repository.recoverInterruptedWrites(gitDirectory: gitDir).isEmpty)
    }

    /// The lock files under a git directory.
    static func locks(_ gitDir: String) throws -> [String] {
        (FileManager.default.enumerator(atPath: gitDir)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".lock") }
    }
}
