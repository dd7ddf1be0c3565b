import Foundation
import GitStore
import ResolutionText
import TestSupport
import Testing

@testable import Lineage

/// Builds into a scratch repository.
func build(_ paths: [String], repo: String, dates: [String: CivilDate] = [:]) throws -> BuildReport {
    var builder = HistoryBuilder(repositoryPath: repo)
    builder.suppliedDates = dates
    return try builder.build(paths: paths)
}

func head(_ repo: String) -> String {
    git(["rev-parse", "HEAD"], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}

@Suite struct BuildTests {
    @Test func theCorpusBecomesAHistoryInAdoptionOrder() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        let report = try build(Package.seedFiles, repo: repo)
        #expect(report.created)
        #expect(report.committed.map(\.number) == ["59/61", "61/54", "63/37", "65/41", "69/28"])
        #expect(report.history.map { $0.adopted?.iso } == ["2004-12-03", "2006-12-06", "2008-12-02", "2010-12-08", "2014-12-02"])
        // 61/54 prints no date: it comes from the resolutions that cite it.
        let dated = report.history[1]
        guard case .citedBy(let citer) = dated.dateSource else {
            Issue.record("61/54 should be dated by citation, got \(dated.dateSource)")
            return
        }
        #expect(["A/RES/63/37", "A/RES/65/41", "A/RES/69/28"].contains(citer))

        // git reads it: fsck is clean, log shows the adoption dates, tags name revisions.
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
        let log = git(["log", "--format=%ad %s", "--date=format:%Y-%m-%d"], in: repo).stdout
        #expect(log.split(separator: "\n").map { String($0.prefix(22)) } == [
            "2014-12-02 A/RES/69/28", "2010-12-08 A/RES/65/41", "2008-12-02 A/RES/63/37",
            "2006-12-06 A/RES/61/54", "2004-12-03 A/RES/59/61",
        ])
        let author = git(["log", "-1", "--format=%an <%ae> %ai", "A/RES/69/28"], in: repo).stdout
        #expect(author == "United Nations General Assembly <general-assembly@un.org> 2014-12-02 12:00:00 -0500\n")
        let shown = git(["show", "A/RES/65/41:resolution.txt"], in: repo)
        #expect(shown.status == 0)
        #expect(try shown.stdout == report.history[3].readDocument())
        #expect(shown.stdout.hasPrefix("Developments in the field of information and telecommunications in the context of international security\nRecalling its resolutions 53/70"))
        let trailers = git(["log", "-1", "--format=%(trailers:key=Adopted-Source,valueonly)", "A/RES/61/54"], in: repo).stdout
        #expect(trailers.hasPrefix("cited by A/RES/"))
        let blame = git(["blame", "--line-porcelain", "HEAD", "--", "resolution.txt"], in: repo)
        #expect(blame.status == 0)
        #expect(blame.stdout.contains("summary A/RES/59/61:"))

        // Reading the history back gives the same revisions.
        let history = try History.open(repo)
        #expect(history.revisions.map(\.number) == report.history.map(\.number))
        #expect(try history.revisions.map { try $0.readDocument() } == report.history.map { try $0.readDocument() })
        #expect(history.revisions.map(\.meeting) == [66, nil, 61, 60, 62])
    }

    @Test func buildsAreReproducibleAndIdempotent() throws {
        let a = ScratchDirectory(), b = ScratchDirectory()
        _ = try build(Package.seedFiles, repo: a.path + "/h.git")
        // Files in another order, from another folder, with other names: same hashes.
        let names = ["one.txt", "two", "three.md", "four.text", "five"]
        let copies = Package.seeds.values.sorted().reversed().enumerated().map { i, path in
            b.write("in/" + names[i], Array(FileManager.default.contents(atPath: path)!))
        }
        _ = try build(copies, repo: b.path + "/h.git")
        #expect(head(a.path + "/h.git") == head(b.path + "/h.git"))
        #expect(!head(a.path + "/h.git").isEmpty)

        // Building again writes nothing.
        let before = snapshot(a.path + "/h.git")
        let again = try build(Package.seedFiles, repo: a.path + "/h.git")
        #expect(again.committed.isEmpty)
        #expect(again.unchanged == 5)
        #expect(again.newObjects == 0)
        #expect(snapshot(a.path + "/h.git") == before)
    }

    @Test func anOlderResolutionIsInsertedAndTheChainRecommitted() throws {
        let full = ScratchDirectory(), step = ScratchDirectory()
        _ = try build(Package.seedFiles, repo: full.path + "/h.git")
        let repo = step.path + "/h.git"
        let first = try build([Package.seeds["63/37"]!, Package.seeds["69/28"]!], repo: repo)
        #expect(first.committed.map(\.number) == ["63/37", "69/28"])
        // Newer than nothing stored: 65/41 goes between them, 69/28 is re-committed.
        let second = try build([Package.seeds["65/41"]!], repo: repo)
        #expect(second.committed.map(\.number) == ["65/41", "69/28"])
        #expect(second.recommitted == ["69/28"])
        // 59/61 and 61/54 are older than everything: the whole chain is re-committed.
        let third = try build([Package.seeds["59/61"]!, Package.seeds["61/54"]!], repo: repo)
        #expect(third.recommitted == ["63/37", "65/41", "69/28"])
        #expect(head(repo) == head(full.path + "/h.git"))
        #expect(git(["rev-parse", "A/RES/69/28"], in: repo).stdout == git(["rev-parse", "A/RES/69/28"], in: full.path + "/h.git").stdout)
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
    }

    @Test func anUndatedResolutionIsRefusedUnlessADateIsSupplied() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        #expect {
            try build([Package.seeds["61/54"]!], repo: repo)
        } throws: { error in
            let e = error as! LineageError
            return e.message.contains("pdf-extract.txt") && e.message.contains("no adoption date")
                && e.hint?.contains("--adopted 61/54=YYYY-MM-DD") == true
        }
        #expect(!FileManager.default.fileExists(atPath: repo), "a refused build creates nothing")

        let supplied = try build([Package.seeds["61/54"]!], repo: repo, dates: ["61/54": CivilDate(iso: "2006-12-06")!])
        #expect(supplied.history.first?.dateSource == .supplied)

        let other = ScratchDirectory()
        let folder = other.path + "/corpus"
        other.write("corpus/res.txt", Array(FileManager.default.contents(atPath: Package.seeds["61/54"]!)!))
        other.write("corpus/.lineage-corrections", "# dates the texts do not give\nadopted 61/54 2006-12-06\n")
        let corrected = try build([folder], repo: other.path + "/h.git")
        #expect(corrected.history.first?.adopted?.iso == "2006-12-06")
        #expect(head(repo) == head(other.path + "/h.git"))
    }

    @Test(arguments: [
        ("empty.txt", [UInt8]()),
        ("blank.txt", Array("  \n\n \t\n".utf8)),
        ("binary.bin", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]),
        ("latin1.txt", Array("Recalling its resolutions ".utf8) + [0xE9, 0xE8, 0xFF] + Array(" 53/70 of 4 December 1998,\n".utf8)),
        ("readme.md", Array("# lineage\n\nA version-control-style text lineage tracker written in Swift.\n".utf8)),
    ])
    func badInputIsRefusedAndNothingChanges(name: String, bytes: [UInt8]) throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        _ = try build([Package.seeds["63/37"]!], repo: repo)
        let before = snapshot(repo)
        let bad = dir.write("in/" + name, bytes)
        #expect {
            try build([Package.seeds["65/41"]!, bad], repo: repo)
        } throws: { error in
            (error as? LineageError)?.message.hasPrefix(bad + ": ") == true
        }
        #expect(snapshot(repo) == before)
    }

    @Test func aCutOffFileIsRefused() throws {
        let dir = ScratchDirectory()
        let text = String(decoding: FileManager.default.contents(atPath: Package.seeds["65/41"]!)!, as: UTF8.self)
        let cut = dir.write("cut.txt", String(text.prefix(text.count * 2 / 3)))
        #expect(throws: LineageError.self) { try build([cut], repo: dir.path + "/h.git") }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/h.git"))
    }

    @Test func twoTextsClaimingOneSymbolAreRefused() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        _ = try build([Package.seeds["65/41"]!], repo: repo)
        let before = snapshot(repo)
        let original = String(decoding: FileManager.default.contents(atPath: Package.seeds["65/41"]!)!, as: UTF8.self)
        let altered = dir.write("altered.txt", original.replacingOccurrences(of: "free flow of information", with: "free flow of data"))
        #expect {
            try build([altered], repo: repo)
        } throws: { error in
            let message = (error as? LineageError)?.message ?? ""
            return message.contains("altered.txt") && message.contains("A/RES/65/41 is already stored")
        }
        #expect(snapshot(repo) == before)
        // Two such files in one build: refused too, naming both.
        let twin = dir.write("twin.txt", original)
        #expect {
            try build([twin, altered], repo: dir.path + "/other.git")
        } throws: { error in
            let message = (error as? LineageError)?.message ?? ""
            return message.contains("altered.txt") && message.contains("twin.txt")
        }
    }

    @Test func datesBefore1970AreKeptInTheTrailer() throws {
        let dir = ScratchDirectory()
        let text = String(decoding: FileManager.default.contents(atPath: Package.seeds["63/37"]!)!, as: UTF8.self)
        let old = dir.write("old.md", text
            .replacingOccurrences(of: "63/37", with: "1/11")
            .replacingOccurrences(of: "2 December 2008", with: "24 January 1946"))
        let repo = dir.path + "/h.git"
        let report = try build([old], repo: repo)
        #expect(report.history.first?.adopted?.iso == "1946-01-24")
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
        #expect(git(["log", "-1", "--format=%at"], in: repo).stdout == "0\n")
        #expect(git(["log", "-1", "--format=%(trailers:key=Adopted,valueonly)"], in: repo).stdout.hasPrefix("1946-01-24"))
        #expect(try History.open(repo).revisions.first?.adopted?.iso == "1946-01-24")
    }

    @Test func concurrentBuildsTakeTurns() async throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        _ = try build([Package.seeds["59/61"]!], repo: repo)
        let inputs = [[Package.seeds["65/41"]!], [Package.seeds["63/37"]!], Package.seedFiles, [Package.seeds["69/28"]!]]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for paths in inputs {
                group.addTask { _ = try build(paths, repo: repo) }
            }
            try await group.waitForAll()
        }
        let history = try History.open(repo)
        #expect(history.revisions.map(\.number) == ["59/61", "61/54", "63/37", "65/41", "69/28"])
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
    }

    @Test func aBareBuildRecomputesOnlyTheMissingNotesAndMovesNothingElse() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/h.git"
        _ = try build([Package.corpus], repo: repo)
        let tree = git(["rev-parse", "refs/notes/lineage^{tree}"], in: repo).stdout
        let branches = git(["for-each-ref", "refs/heads", "refs/tags"], in: repo).stdout

        let upToDate = try HistoryBuilder(repositoryPath: repo).recomputeLineage()
        #expect(upToDate.reread && upToDate.lineageComputed == 0 && upToDate.newObjects == 0 && !upToDate.lineageUpdated)
        #expect(upToDate.head?.number == "76/19" && upToDate.history.count == 8)

        // One note removed by hand: that one is computed again, to the same note.
        let removed = git(["-c", "user.name=someone", "-c", "user.email=someone@example.org", "notes", "--ref=lineage", "remove", "A/RES/73/266"], in: repo)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(git(["rev-parse", "refs/notes/lineage^{tree}"], in: repo).stdout != tree)
        let report = try HistoryBuilder(repositoryPath: repo).recomputeLineage()
        #expect(report.lineageComputed == 1 && report.committed.isEmpty)
        #expect(git(["rev-parse", "refs/notes/lineage^{tree}"], in: repo).stdout == tree)
        #expect(git(["for-each-ref", "refs/heads", "refs/tags"], in: repo).stdout == branches)
    }
}

@Suite struct InputReadTests {
    /// A file changed between the build's first reading and a later one is an error that names
    /// the file, thrown to the caller (the library never exits).
    @Test func aFileChangedDuringTheBuildIsAnErrorNamingIt() throws {
        let dir = ScratchDirectory()
        let path = dir.write("r.txt", try String(contentsOfFile: Package.seeds["69/28"]!, encoding: .utf8))
        let summary = try InputSummary(try Corpus.read(path))
        let texts = InputTexts([summary])
        let body = InputBody(path: path, texts: texts)
        #expect(try body.contents().paragraphs.count > 10)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        dir.write("r.txt", original.replacingOccurrences(of: "Welcomes", with: "Notes"))
        #expect {
            try body.contents()
        } throws: { error in
            let message = "\(error)"
            return message.contains(path) && message.contains("changed during the build")
        }
    }
}
