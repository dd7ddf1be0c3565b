import Foundation
import LineageCore
import ResolutionText
import TestSupport
import Testing

@testable import Lineage

/// Builds the corpus into a scratch repository and opens its lineage.
func corpusLineage(_ dir: ScratchDirectory, extra: [String] = []) throws -> LineageRepository {
    let builder = HistoryBuilder(repositoryPath: dir.path + "/h.git")
    _ = try builder.build(paths: Package.seedFiles + extra)
    return try LineageRepository.open(dir.path + "/h.git")
}

func line(_ blame: Blame, containing text: String) -> Blame.Line? {
    blame.paragraphs.first { $0.paragraph.text.contains(text) }
}

@Suite struct StoredLineageTests {
    @Test func blameNamesTheSessionThatIntroducedEachClause() throws {
        let dir = ScratchDirectory()
        let store = try corpusLineage(dir)
        let blame = try store.blame(try store.revision(named: "69/28"))
        #expect(blame.paragraphs.count == 27)

        let rights = line(blame, containing: "Noting the importance of respect for human rights")!
        #expect(rights.introduced.number == "69/28" && rights.lastChanged.number == "69/28")

        let summit = line(blame, containing: "World Summit on the Information Society")!
        #expect(summit.introduced.number == "61/54" && summit.lastChanged.number == "61/54")

        let op4 = blame.paragraphs.first { $0.label == "op4" }!
        #expect(op4.paragraph.text.hasPrefix("Welcomes the commencement"))
        #expect(op4.introduced.number == "59/61" && op4.lastChanged.number == "69/28")

        let pp1 = blame.paragraphs.first { $0.label == "pp1" }!
        #expect(pp1.introduced.number == "59/61" && pp1.lastChanged.number == "69/28")
        // Word provenance: the old citations from 59/61, the last three from 69/28.
        let words = pp1.words
        #expect(words.first?.introduced == "59/61")
        #expect(words.first?.text.hasPrefix("Recalling its resolutions 53/70") == true)
        let from6928 = words.filter { $0.introduced == "69/28" }.map(\.text).joined()
        for citation in ["66/24 of 2 December 2011", "67/27 of 3 December 2012", "68/243 of 27 December 2013"] {
            #expect(from6928.contains(citation), "\(citation) should be attributed to 69/28: \(words)")
        }
        #expect(!from6928.contains("53/70"))
        // Words rejoin into the text.
        #expect(words.map(\.text).joined().trimmingCharacters(in: .whitespaces) == pp1.paragraph.text)

        // The same clause keeps one id through every revision: op4 of 59/61 is op4 of 69/28.
        let first = try store.blame(try store.revision(named: "59/61"))
        #expect(first.paragraphs.first { $0.label == "op4" }!.clause == op4.clause)
    }

    @Test func diffReportsTheChangesOf61_54() throws {
        let dir = ScratchDirectory()
        let store = try corpusLineage(dir)
        let diff = try store.diff(from: try store.revision(named: "59/61"), to: try store.revision(named: "61/54"))
        let deleted = diff.changes.filter { $0.kind == .deleted }
        #expect(deleted.contains { $0.old.first?.text.hasPrefix("Definition of basic notions") == true })
        #expect(deleted.contains { $0.old.first?.text.hasPrefix("Also notes with satisfaction") == true && $0.old.first?.label == "op5" })
        let inserted = diff.changes.filter { $0.kind == .inserted }
        #expect(inserted.contains { $0.new.first?.text.hasPrefix("Efforts taken at the national level") == true })
        // Operative 6 became operative 5: "sixtieth" → "sixty-second".
        let decides = diff.changes.first { $0.old.first?.label == "op6" }!
        #expect(decides.new.first?.label == "op5")
        #expect(decides.kind == .modified || decides.kind == .moved)
        #expect(decides.words.contains { $0.op == .delete && $0.text.contains("sixtieth") })
        #expect(decides.words.contains { $0.op == .insert && $0.text.contains("sixty-second") })
        #expect(decides.similarity > 0.8)
        // Every old and new paragraph is accounted for exactly once.
        #expect(diff.changes.flatMap { $0.old.map(\.index) }.sorted() == Array(0..<(try diff.from.readResolution().paragraphs.count)))
        #expect(diff.changes.flatMap { $0.new.map(\.index) }.sorted() == Array(0..<(try diff.to.readResolution().paragraphs.count)))
    }

    @Test func aDiffAcrossSeveralRevisionsAlignsTheTwoTexts() throws {
        let dir = ScratchDirectory()
        let store = try corpusLineage(dir)
        let diff = try store.diff(from: try store.revision(named: "59/61"), to: try store.revision(named: "69/28"))
        let op4 = diff.changes.first { $0.new.first?.label == "op4" }!
        #expect(op4.old.first?.label == "op4")
        #expect(op4.kind == .modified)
        #expect(diff.changes.contains { $0.kind == .inserted && $0.new.first?.text.contains("human rights") == true })
        let json = diff.json.rendered()
        #expect(json.contains("\"from\": {\n    \"number\": \"59/61\""))
    }

    @Test func theLineageIsInGitNotesAndAnIncrementalBuildMatchesAFullOne() throws {
        let full = ScratchDirectory(), step = ScratchDirectory()
        _ = try corpusLineage(full)
        let repo = step.path + "/h.git"
        let builder = HistoryBuilder(repositoryPath: repo)
        _ = try builder.build(paths: [Package.seeds["63/37"]!, Package.seeds["69/28"]!])
        _ = try builder.build(paths: [Package.seeds["59/61"]!])
        _ = try builder.build(paths: [Package.seeds["65/41"]!, Package.seeds["61/54"]!])
        let a = git(["notes", "--ref=lineage", "show", "A/RES/69/28"], in: full.path + "/h.git").stdout
        let b = git(["notes", "--ref=lineage", "show", "A/RES/69/28"], in: repo).stdout
        #expect(!a.isEmpty)
        #expect(a == b)
        #expect(git(["rev-parse", "refs/notes/lineage^{tree}"], in: repo).stdout
            == git(["rev-parse", "refs/notes/lineage^{tree}"], in: full.path + "/h.git").stdout)
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
        // Notes for replaced commits were dropped: one per revision, plus the settings.
        #expect(git(["ls-tree", "--name-only", "refs/notes/lineage"], in: repo).stdout.split(separator: "\n").count == 6)
    }

    @Test func correctionsForceForbidAndMarkEditorial() throws {
        let dir = ScratchDirectory()
        let corpus = dir.path + "/corpus"
        for (number, path) in Package.seeds {
            dir.write("corpus/" + number.replacingOccurrences(of: "/", with: "-") + ".txt",
                      Array(FileManager.default.contents(atPath: path)!))
        }
        let repo = dir.path + "/h.git"
        let builder = HistoryBuilder(repositoryPath: repo)
        _ = try builder.build(paths: [corpus])
        let before = try LineageRepository.open(repo)
        let rights = try before.blame(try before.revision(named: "69/28")).paragraphs.first { $0.label == "pp11" }!
        #expect(rights.introduced.number == "69/28")
        let pp1 = try before.blame(try before.revision(named: "69/28")).paragraphs.first { $0.label == "pp1" }!
        #expect(pp1.lastChanged.number == "69/28")

        // Force pp11 of 69/28 to continue pp12 of 65/41 ("Noting the contribution…"), and
        // declare 69/28's changes editorial: blame follows the corrections.
        dir.write("corpus/.lineage-corrections", """
            pair 65/41:pp11 69/28:pp11   # forced pairing
            editorial 69/28
            """)
        let rebuilt = try builder.build(paths: [corpus])
        #expect(rebuilt.committed.isEmpty, "the history itself is unchanged")
        #expect(rebuilt.lineageUpdated)
        let after = try LineageRepository.open(repo)
        let blame = try after.blame(try after.revision(named: "69/28"))
        #expect(blame.paragraphs.first { $0.label == "pp11" }!.introduced.number != "69/28")
        let pp1After = blame.paragraphs.first { $0.label == "pp1" }!
        #expect(pp1After.lastChanged.number != "69/28")
        #expect(after.corrections.editorial == ["69/28"])

        // Forbid a pairing the engine makes: op4 of 65/41 and op4 of 69/28.
        dir.write("corpus/.lineage-corrections", "unpair 65/41:op4 69/28:op4\n")
        _ = try builder.build(paths: [corpus])
        let forbidden = try LineageRepository.open(repo)
        let op4 = try forbidden.blame(try forbidden.revision(named: "69/28")).paragraphs.first { $0.label == "op4" }!
        #expect(op4.introduced.number == "69/28")

        // A correction naming a paragraph that does not exist is an error, not a silent no-op.
        dir.write("corpus/.lineage-corrections", "pair 65/41:op9 69/28:op4\n")
        #expect {
            try builder.build(paths: [corpus])
        } throws: { error in
            (error as? LineageError)?.message.contains("65/41 has no paragraph op9") == true
        }
        dir.write("corpus/.lineage-corrections", "pear 65/41:op4 69/28:op4\n")
        #expect {
            try builder.build(paths: [corpus])
        } throws: { error in
            (error as? LineageError)?.message.contains(":1: unknown directive 'pear'") == true
        }
    }

    @Test func blameJSONHasTheDocumentedShape() throws {
        let dir = ScratchDirectory()
        let store = try corpusLineage(dir)
        let json = try store.blame(try store.revision(named: "69/28")).json(words: true).rendered()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(Set((object["revision"] as! [String: Any]).keys) == ["number", "symbol", "session", "adopted", "commit"])
        let first = (object["paragraphs"] as! [[String: Any]])[0]
        #expect(Set(first.keys) == ["index", "kind", "label", "clause", "text", "introduced", "lastChanged", "words"])
        #expect((first["introduced"] as! [String: Any])["number"] as? String == "59/61")
        let word = (first["words"] as! [[String: Any]])[0]
        #expect(Set(word.keys) == ["text", "introduced"])
    }
}
