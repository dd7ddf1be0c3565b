import Foundation
import FoundationXML
import LineageCore
import LineageReport
import ResolutionText
import TestSupport
import Testing

@testable import Lineage

/// The charts' numbers against blame's own figures, and the charts as SVG.
@Suite struct ChartTests {
    /// The words of `revision` by the revision that wrote them, counted independently of the
    /// report: each clause's token origins, keeping word and number tokens.
    private func blameWords(_ store: LineageRepository, _ revision: Revision) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for clause in try store.lineage(of: revision).state.clauses {
            let tokens = Tokenizer.tokenize(clause.text).tokens
            for (token, origin) in zip(tokens, clause.tokenOrigins) where token.kind != .punctuation {
                out[origin, default: 0] += 1
            }
        }
        return out
    }

    private func svgElement(_ svg: String) throws -> XMLElement {
        let document = try XMLDocument(xmlString: svg)
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        #expect(root.uri == "http://www.w3.org/2000/svg")
        return root
    }


    @Test func cohortBandsEqualBlameWordCounts() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        let revisions = store.history.revisions
        let colors = SessionColors(revisions.map(\.number))
        let svg = CohortChart(try store.wordCohorts(), colors: colors).svg()
        let root = try svgElement(svg)
        let bands = descendants(root, "path").filter { attribute($0, "data-words") != nil }
        #expect(bands.map { attribute($0, "data-cohort") } == ["59/61", "61/54", "63/37", "65/41", "69/28"])
        for band in bands {
            let cohort = attribute(band, "data-cohort")!
            let words = attribute(band, "data-words")!.split(separator: " ").map { Int($0)! }
            #expect(words.count == revisions.count)
            for (r, revision) in revisions.enumerated() {
                #expect(words[r] == (try blameWords(store, revision))[cohort] ?? 0, "\(cohort) in \(revision.number)")
            }
        }
        // Every word is counted once: the bands of a revision add up to the words of its text.
        for (r, revision) in revisions.enumerated() {
            let total = bands.reduce(0) { $0 + Int(attribute($1, "data-words")!.split(separator: " ")[r])! }
            let text = try revision.readResolution().paragraphs.reduce(0) { sum, p in
                sum + Tokenizer.tokenize(p.text).tokens.filter { $0.kind != .punctuation }.count
            }
            #expect(total == text, "\(revision.number)")
        }
        // Seed facts: 59/61 wrote all of its own 716 words, and 69/28 wrote none of 59/61's.
        #expect(attribute(bands[0], "data-words")?.hasPrefix("716 ") == true)
        #expect(attribute(bands[4], "data-words")?.hasPrefix("0 0 0 0 ") == true)
        // The totals printed on top of the columns.
        for total in ["716", "834", "851", "923", "1023"] { #expect(svg.contains(">\(total)</text>")) }
    }

    @Test func survivalLinesEqualBlameClauseCounts() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        let revisions = store.history.revisions
        let svg = SurvivalChart(try store.clauseSurvival(), colors: SessionColors(revisions.map(\.number))).svg()
        let root = try svgElement(svg)
        let lines = descendants(root, "g").filter { attribute($0, "data-present") != nil }
        // 63/37 introduced no clause, so it has no line.
        #expect(lines.map { attribute($0, "data-cohort") } == ["59/61", "61/54", "65/41", "69/28"])
        for line in lines {
            let cohort = attribute(line, "data-cohort")!
            let present = attribute(line, "data-present")!.split(separator: " ").map { Int($0)! }
            let unchanged = attribute(line, "data-unchanged")!.split(separator: " ").map { Int($0)! }
            for (r, revision) in revisions.enumerated() {
                let blame = try store.blame(revision).paragraphs.filter { $0.introduced.number == cohort }
                #expect(present[r] == blame.count, "\(cohort) in \(revision.number)")
                #expect(unchanged[r] == blame.filter { $0.lastChanged.number == cohort }.count)
            }
        }
        #expect(attribute(lines[0], "data-introduced") == "22")
        // 59/61's 22 clauses: 20 left after 61/54 deleted two.
        #expect(attribute(lines[0], "data-present") == "22 20 20 20 20")
    }

    @Test func timelineFollowsTheGraphForksAndMergesIncluded() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        let r = store.history.revisions
        // A fork after 61/54 (63/37 on a line of its own) merged back by 69/28.
        let graph = RevisionGraph(nodes: [
            .init(revision: r[0], parents: [], branch: "main"),
            .init(revision: r[1], parents: [r[0]], branch: "main"),
            .init(revision: r[2], parents: [r[1]], branch: "fork"),
            .init(revision: r[3], parents: [r[1]], branch: "main"),
            .init(revision: r[4], parents: [r[3], r[2]], branch: "main"),
        ])
        #expect(graph.tips.map(\.revision.number) == ["69/28"])
        #expect(graph.line(to: r[4]).map(\.number) == ["59/61", "61/54", "65/41", "69/28"])
        let root = try svgElement(TimelineChart(graph, colors: SessionColors(r.map(\.number))).svg())
        #expect(descendants(root, "circle").count == 5)
        let edges = descendants(root, "g").first { attribute($0, "class") == "edges" }
        #expect(edges.map { descendants($0, "path").count } == 5)
        let lanes = descendants(root, "g").first { attribute($0, "class") == "lanes" }
        #expect(lanes.map { descendants($0, "text").compactMap(\.stringValue) } == ["main", "fork"])
        #expect(descendants(root, "a").compactMap { attribute($0, "href") }.first == "#rev-59-61")

        // The seeds are one line; the whole bundled corpus forks in 2018 and merges in 2021.
        #expect(store.graph.nodes.map { $0.parents.map(\.number) } == [[], ["59/61"], ["61/54"], ["63/37"], ["65/41"]])
        let whole = try reportRepository(ScratchDirectory(), paths: [Package.corpus]).graph
        #expect(whole.nodes.suffix(3).map { $0.parents.map(\.number) } == [["69/28"], ["69/28"], ["73/27", "73/266"]])
        #expect(whole.branches == ["developments-in-the-field-of-information", "advancing-responsible-state-behaviour-in-cyberspace"])
        #expect(whole.tips.map(\.revision.number) == ["76/19"])
    }

    @Test func manyRevisionsAreGroupedIntoAtMostTwelveBands() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        var data = try store.wordCohorts()
        // Pretend 30 cohorts by repeating the corpus's: the chart must stay legible.
        let n = data.cohorts.count
        let repeated = Array(repeating: data.cohorts, count: 6).flatMap { $0 }
        data.cohorts = repeated
        data.words = data.words.map { row in CohortRow(Dictionary(uniqueKeysWithValues: repeated.indices.map { ($0, row[$0 % n]) })) }
        let svg = CohortChart(data, colors: SessionColors(store.history.revisions.map(\.number))).svg()
        let root = try svgElement(svg)
        #expect((1...12).contains(descendants(root, "path").filter { attribute($0, "data-words") != nil }.count))
    }
}
