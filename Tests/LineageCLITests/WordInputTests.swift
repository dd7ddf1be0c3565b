import Foundation
import TestSupport
import Testing

/// Word and OpenDocument files through the `lineage` executable, as a user gives them.
@Suite struct WordInputTests {
    static let fixtures = Package.root + "/Tests/ResolutionFormatsTests/Fixtures/word"

    @Test func parseReadsADocxAsItReadsTheText() throws {
        let docx = Self.fixtures + "/A_RES_69_28.docx"
        let result = lineage(["parse", docx])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == lineage(["parse", Package.seeds["69/28"]!]).stdout)
        #expect(result.stdout.contains("Agenda item:       91"))
        let json = lineage(["parse", Self.fixtures + "/A_RES_69_28.odt", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout == lineage(["parse", Package.seeds["69/28"]!, "--format", "json"]).stdout)
    }

    @Test func buildOverAFolderHoldingADocxCommitsTheSameBlobAsTheText() throws {
        let dir = ScratchDirectory()
        let textFolder = dir.path + "/text"
        let wordFolder = dir.path + "/word"
        for folder in [textFolder, wordFolder] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: Package.seeds["69/28"]!, toPath: textFolder + "/69-28.txt")
        try FileManager.default.copyItem(atPath: Package.seeds["65/41"]!, toPath: textFolder + "/65-41.txt")
        // Named without an extension that says what it is: formats are recognised by content.
        try FileManager.default.copyItem(atPath: Self.fixtures + "/A_RES_69_28.docx", toPath: wordFolder + "/69-28")
        try FileManager.default.copyItem(atPath: Self.fixtures + "/A_RES_65_41.odt", toPath: wordFolder + "/65-41.bin")

        var blobs: [String] = []
        var commits: [String] = []
        for folder in [textFolder, wordFolder] {
            let repo = folder + ".git"
            let built = lineage(["build", folder, "--repo", repo])
            #expect(built.status == 0, "\(built.stderr)")
            #expect(built.stdout.contains("2 revision(s)"))
            blobs.append(git(["rev-parse", "A/RES/69/28:resolution.txt"], in: repo).stdout)
            commits.append(git(["rev-parse", "A/RES/69/28"], in: repo).stdout)
            #expect(git(["fsck", "--strict"], in: repo).status == 0)
        }
        #expect(!blobs[0].isEmpty && blobs[0] == blobs[1])
        #expect(commits[0] == commits[1])
    }

    @Test func aLegacyDocOrADamagedDocxIsRefusedNamingTheFile() throws {
        let dir = ScratchDirectory()
        let doc = dir.write("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512))
        let refused = lineage(["parse", doc])
        #expect(refused.status != 0 && refused.stdout.isEmpty)
        #expect(refused.stderr == "error: \(doc): a legacy Word 97–2003 document (.doc): save it as .docx, .odt or PDF and read that\n")

        let whole = Array(FileManager.default.contents(atPath: Self.fixtures + "/A_RES_69_28.docx")!)
        let cut = dir.write("cut.docx", Array(whole.prefix(whole.count / 2)))
        let damaged = lineage(["parse", cut])
        #expect(damaged.status != 0)
        #expect(damaged.stderr.hasPrefix("error: \(cut): a damaged Word (.docx) file: "))

        // A build with the damaged file refuses the whole build and stores nothing.
        let repo = dir.path + "/r.git"
        let build = lineage(["build", Package.seeds["69/28"]!, cut, "--repo", repo])
        #expect(build.status != 0)
        #expect(build.stderr.contains(cut))
        #expect(!FileManager.default.fileExists(atPath: repo + "/refs/tags/A/RES/69/28"))
    }
}
