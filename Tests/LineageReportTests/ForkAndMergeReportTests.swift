import Foundation
import FoundationXML
import Lineage
import LineageReport
import TestSupport
import Testing

/// The report and the export of the whole bundled corpus, which forks in 2018 (73/27 and 73/266
/// from 69/28) and merges in 2021 (76/19): both lines, the merge, each line's head.
@Suite struct ForkAndMergeReportTests {
    private static let developments = "developments-in-the-field-of-information"
    private static let advancing = "advancing-responsible-state-behaviour-in-cyberspace"

    private func wholeCorpus(_ dir: ScratchDirectory) throws -> LineageRepository {
        try reportRepository(dir, paths: [Package.corpus])
    }

    private func svg(_ html: String, id: String) throws -> XMLElement {
        let start = try #require(html.range(of: "<svg "), "no svg")
        var rest = html[start.lowerBound...]
        while !rest.hasPrefix("<svg ") || !rest.prefix(400).contains("id=\"\(id)\"") {
            let next = try #require(rest.dropFirst().range(of: "<svg "), "no svg \(id)")
            rest = rest[next.lowerBound...]
        }
        let end = try #require(rest.range(of: "</svg>"))
        return try #require(try XMLDocument(xmlString: String(rest[..<end.upperBound])).rootElement())
    }

    @Test func theTimelineHasTwoLanesAndTheMergeEdge() throws {
        let dir = ScratchDirectory()
        let html = HTMLReport.render(try ReportData.collect(try wholeCorpus(dir)))
        #expect(tagBalanceProblem(html) == nil, "\(tagBalanceProblem(html) ?? "")")
        let timeline = try svg(html, id: "timeline-chart")
        #expect(descendants(timeline, "circle").count == 8)
        let lanes = descendants(timeline, "g").first { attribute($0, "class") == "lanes" }
        #expect(lanes.map { descendants($0, "text").compactMap(\.stringValue) } == [Self.developments, Self.advancing])
        // Eight edges: one per parent; the one 76/19 takes from the other line is the merge.
        let edges = descendants(timeline, "path")
        #expect(edges.count == 8)
        let merges = edges.filter { attribute($0, "class") == "merge" }
        #expect(merges.compactMap(\.stringValue) == ["76/19 merges 73/266"])
        // The table names each revision's line and parents.
        let row = try #require(slice(html, from: "href=\"#rev-73-266\">73/266</a>", to: "</tr>"))
        #expect(row.contains(">\(Self.advancing)<") && row.contains(">69/28<"))
        #expect(html.contains(">73/27, 73/266</td>"))
        // Year labels are not drawn twice where 73/27 and 73/266 sit 17 days apart.
        #expect(descendants(timeline, "text").filter { $0.stringValue == "2018" }.count == 1)
    }

    @Test func theMergeIsRedlinedAgainstBothParents() throws {
        let dir = ScratchDirectory()
        let store = try wholeCorpus(dir)
        let html = HTMLReport.render(try ReportData.collect(store))
        let merge = try #require(slice(html, from: "id=\"rev-76-19\"", to: "id=\"rev-73-266\""))
        #expect(merge.contains("Against <a href=\"#rev-73-27\">73/27</a> and <a href=\"#rev-73-266\">73/266</a> together"))
        #expect(merge.contains("12 paragraphs from 73/27, 3 paragraphs from 73/266, 7 new."))
        // The changes are the changelog's (against the union of the parents), each old paragraph
        // named with its parent.
        let changes = try store.storedChanges(of: try store.revision(named: "76/19"))
        #expect(merge.components(separatedBy: "class=\"clause k-").count - 1
            >= changes.filter { $0.kind != .unchanged }.count)
        #expect(merge.contains(">73/27 pp1 → pp1<"))
        #expect(merge.contains(">73/266 pp6 → pp2<"))
        #expect(merge.contains(">73/27 pp3<"))  // deleted from the first parent
        #expect(merge.components(separatedBy: "class=\"clause k-inserted\"").count - 1 == changes.filter { $0.kind == .inserted }.count)
        // A fork's first revision is redlined against the common ancestor.
        let fork = try #require(slice(html, from: "id=\"rev-73-266\"", to: "id=\"rev-73-27\""))
        #expect(fork.contains("Against <a href=\"#rev-69-28\">69/28</a>: "))
        #expect(fork.contains("line \(Self.advancing)"))
    }

    @Test func eachLineHeadHasItsTextAndWords() throws {
        let dir = ScratchDirectory()
        let store = try wholeCorpus(dir)
        let data = try ReportData.collect(store)
        #expect(data.tips.map(\.revision.number) == ["76/19", "73/266"])
        let html = HTMLReport.render(data)
        for number in ["76-19", "73-266"] {
            #expect(html.contains("href=\"#text-\(number)\"") && html.contains("href=\"#words-\(number)\""))
        }
        let latest = try #require(slice(html, from: "id=\"text-76-19\"", to: "id=\"words-76-19\""))
        #expect(latest.contains("The latest text, at the head of the line \(Self.developments)."))
        let head = try #require(slice(html, from: "id=\"text-73-266\"", to: "id=\"words-73-266\""))
        #expect(head.contains("The latest text of the line \(Self.advancing), merged into 76/19."))
        let blame = try store.blame(try store.revision(named: "73/266"))
        #expect(head.components(separatedBy: "<div class=\"para ").count - 1 == blame.paragraphs.count)
        #expect(head.contains("Advancing responsible State behaviour in cyberspace in the context of international security"))
        let words = try #require(slice(html, from: "id=\"words-73-266\"", to: "<footer>"))
        #expect(words.components(separatedBy: "title=\"written in ").count - 1 == blame.paragraphs.reduce(0) { $0 + $1.words.count })
        // Footnote marks side by side stay apart.
        #expect(!html.contains("</a></sup><sup>"))
    }

    @Test func theChartsFollowTheLatestLineAndNameEachSurvivalLine() throws {
        let dir = ScratchDirectory()
        let store = try wholeCorpus(dir)
        let data = try ReportData.collect(store)
        let html = HTMLReport.render(data)
        #expect(html.contains("Along the line to 76/19 (59/61, 61/54, 63/37, 65/41, 69/28, 73/27, 76/19, each revision&#39;s first parent); 73/266, on another line"))
        let survival = try svg(html, id: "survival-chart")
        let lines = descendants(survival, "g").filter { attribute($0, "data-present") != nil }
        // 73/266's clauses are counted against what it introduced in its own text.
        let own = try store.lineage(of: try store.revision(named: "73/266")).state.clauses.filter { $0.introduced == "73/266" }.count
        let merged = try #require(lines.first { attribute($0, "data-cohort") == "73/266" })
        #expect(attribute(merged, "data-introduced") == String(own))
        // Every line is named at its end, the names at least 14 units apart.
        let ends = try #require(descendants(survival, "g").first { attribute($0, "class") == "ends" })
        let labels = descendants(ends, "text")
        #expect(labels.count == lines.count)
        let ys = labels.compactMap { attribute($0, "y").flatMap(Double.init) }.sorted()
        #expect(zip(ys, ys.dropFirst()).allSatisfy { $1 - $0 >= 13.99 })
        #expect(labels.contains { $0.stringValue == "76/19 (2021) 100%" })
    }

    @Test func theMergeExportsModificationsAgainstBothParents() throws {
        let dir = ScratchDirectory()
        let store = try wholeCorpus(dir)
        let xml = AkomaNtoso.document(try AkomaNtoso.input(try store.revision(named: "76/19"), in: store))
        let root = try #require(try XMLDocument(xmlString: xml).rootElement())
        let refs = descendants(root, "passiveRef").compactMap { attribute($0, "showAs") }
        #expect(refs == ["A/RES/73/27", "A/RES/73/266"])
        let parents = ["73/27": "/akn/un/statement/deliberation/unga/2018-12-05/73-27/eng@/!main#",
                       "73/266": "/akn/un/statement/deliberation/unga/2018-12-22/73-266/eng@/!main#"]
        let mods = descendants(root, "textualMod")
        let olds = mods.flatMap { descendants($0, "old") + descendants($0, "previous") }.compactMap { attribute($0, "href") }
        for (number, prefix) in parents {
            // Every href into a parent names an element of that parent's own export.
            let exported = AkomaNtoso.document(try AkomaNtoso.input(try store.revision(named: number), in: store))
            let into = olds.filter { $0.hasPrefix(prefix) }
            #expect(!into.isEmpty, "no modification points into \(number)")
            for href in into { #expect(exported.contains("eId=\"\(href.dropFirst(prefix.count))\""), "\(href)") }
        }
        #expect(olds.allSatisfy { href in parents.values.contains { href.hasPrefix($0) } })
        let changes = try store.storedChanges(of: try store.revision(named: "76/19"))
        #expect(mods.filter { attribute($0, "type") == "insertion" }.count == changes.filter { $0.kind == .inserted }.count)
        #expect(mods.filter { attribute($0, "type") == "repeal" }.count == changes.filter { $0.kind == .deleted }.count)
        // And it validates against the official schema when it is at hand (see AkomaNtosoTests).
        if let xsd = ProcessInfo.processInfo.environment["AKN_XSD"], FileManager.default.fileExists(atPath: xsd),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") {
            let result = run("/usr/bin/xmllint", ["--noout", "--schema", xsd, dir.write("76-19.xml", xml)])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }
}
