import Foundation
import FoundationXML
import ResolutionText
import TestSupport
import Testing

@testable import Lineage
@testable import LineageReport

/// The report stays readable on long series and small screens, every clause can be cited, and no
/// clause can display differently from what it says.
@Suite struct ReadableReportTests {
    /// A one-line series of `count` revisions adopted a week apart (the synthetic series' pace).
    private func weeklySeries(_ count: Int) -> RevisionGraph {
        let start = CivilDate(year: 1970, month: 1, day: 8)!.daysSinceEpoch
        var nodes: [RevisionGraph.Node] = []
        var previous: Revision?
        for i in 0..<count {
            let days = start + 7 * i
            // Days to a civil date (Hinnant's civil_from_days).
            let z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097
            let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153, day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9
            let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
            let number = "\(1 + i / 300)/\(1 + i % 300)"
            let revision = Revision(
                resolution: Resolution(symbol: "A/RES/" + number, number: number, adopted: CivilDate(year: year, month: month, day: day)),
                dateSource: .text)
            nodes.append(.init(revision: revision, parents: previous.map { [$0] } ?? [], branch: "main"))
            previous = revision
        }
        return RevisionGraph(nodes: nodes)
    }

    /// The (x, text) of the texts of the group of class `name` (or of its links' texts).
    private func texts(_ svg: String, group name: String) throws -> [(x: Double, text: String)] {
        let root = try XMLDocument(xmlString: svg).rootElement()!
        let group = try #require(descendants(root, "g").first { attribute($0, "class") == name })
        return descendants(group, "text").map { (Double(attribute($0, "x") ?? "") ?? .nan, $0.stringValue ?? "") }
    }

    /// Labels at a 12-unit font take at least 6.5 units a character: none may overlap another.
    private func overlapping(_ labels: [(x: Double, text: String)]) -> (String, String)? {
        let sorted = labels.sorted { $0.x < $1.x }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.x + Double(a.text.count) * 3.25 > b.x - Double(b.text.count) * 3.25 {
            return (a.text, b.text)
        }
        return nil
    }

    @Test(arguments: [300, 2000])
    func theTimelineOfALongSeriesShowsItsDotsAndLabelsThatFit(count: Int) throws {
        let graph = weeklySeries(count)
        let svg = TimelineChart(graph, colors: SessionColors(graph.nodes.map(\.revision.number))).svg()
        let root = try XMLDocument(xmlString: svg).rootElement()!
        let circles = descendants(root, "circle")
        #expect(circles.count == count)
        // Each dot keeps a visible size and no white outline paints over its neighbours.
        for circle in circles {
            #expect((Double(attribute(circle, "r") ?? "") ?? 0) >= TimelineChart.minimumRadius)
            #expect(attribute(circle, "stroke") == nil)
        }
        let revisionLabels = try texts(svg, group: "revisions")
        #expect(revisionLabels.count >= 5 && revisionLabels.count <= 20, "\(revisionLabels.count) labels")
        #expect(overlapping(revisionLabels) == nil, "\(overlapping(revisionLabels).map { "\($0) and \($1)" } ?? "")")
        #expect(revisionLabels.last?.text == graph.nodes.last?.revision.number)
        let years = try texts(svg, group: "years")
        #expect(years.count >= 3)
        #expect(overlapping(years) == nil)
    }

    @Test func aShortSeriesKeepsLargeOutlinedDotsAndEveryLabel() throws {
        let graph = weeklySeries(8)
        let svg = TimelineChart(graph, colors: SessionColors(graph.nodes.map(\.revision.number))).svg()
        let root = try XMLDocument(xmlString: svg).rootElement()!
        #expect(descendants(root, "circle").allSatisfy { attribute($0, "r") == "7" && attribute($0, "stroke") == "#fff" })
        #expect(try texts(svg, group: "revisions").count == 8)
    }

    @Test func chartAxisLabelsAreThinnedToWhatFits() {
        // 300 revisions along a 532-unit axis: the kept labels never overlap and the last is kept.
        let xs = (0..<300).map { 58 + 532 * Double($0) / 299 }
        let widths = xs.map { _ in SVG.labelWidth("1/300") }
        let kept = SVG.thinned(xs, widths: widths)
        #expect(kept.last == 299 && kept.first == 0)
        for (a, b) in zip(kept, kept.dropFirst()) { #expect(xs[a] + widths[a] / 2 <= xs[b] - widths[b] / 2) }
        #expect(kept.count >= 532 / 60)
    }

    /// Every clause of the latest text has a visible address and a stable id to cite it by, in its
    /// revision's changes (`r76-19-op1`) and in the text (`t76-19-op1`); ids are unique.
    @Test func everyClauseHasAVisibleLabelAndAnAnchor() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir, paths: [Package.corpus])
        let html = HTMLReport.render(try ReportData.collect(store))
        let ids = attributeValues("id", in: html)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        let merge = try store.revision(named: "76/19")
        let labels = try merge.readResolution().clauseAddresses
        #expect(labels.count == 22, "76/19: 13 preambular, 7 operative, 2 sub-paragraphs")
        for label in labels {
            let key = label.filter { $0.isLetter || $0.isNumber }
            for prefix in ["r", "t"] {
                let id = "\(prefix)76-19-\(key)"
                #expect(ids.contains(id), "\(id)")
                #expect(html.contains("href=\"#\(id)\""), "a link to \(id)")
            }
            #expect(html.contains(">\(label)</a>"), "the visible label \(label)")
        }
        #expect(HTMLReport.clauseAnchor("69/28", "op3(b)") == "r69-28-op3b")
        // Every revision's clauses are citable in its changes.
        #expect(store.history.revisions.count == 8)
        for revision in store.history.revisions {
            let first = try #require(try revision.readResolution().clauseAddresses.first)
            #expect(ids.contains(HTMLReport.clauseAnchor(revision.number, first)), "\(revision.number)")
        }
    }

    /// A clause carrying a right-to-left override displays its code, not reordered text, in the
    /// report and in the Akoma Ntoso export.
    @Test func bidiControlsAreShownNotObeyed() throws {
        let dir = ScratchDirectory()
        for (number, path) in Package.seeds {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            if number == "69/28" {
                text = text.replacingOccurrences(
                    of: "Noting the importance of respect for human rights",
                    with: "Noting \u{202E}sthgir namuh\u{202C} and\u{2066}\u{200B} the importance of respect for human rights")
            }
            dir.write("corpus/" + (path as NSString).lastPathComponent, text)
        }
        let store = try reportRepository(dir, paths: [dir.path + "/corpus"])
        let html = HTMLReport.render(try ReportData.collect(store))
        let akn = AkomaNtoso.document(try AkomaNtoso.input(try store.revision(named: "69/28"), in: store))
        for output in [html, akn] {
            // (The reader drops the zero-width space; the bidi controls reach the text.)
            #expect(!output.unicodeScalars.contains { InvisibleCharacters.contains($0) })
            #expect(output.contains("Noting &lt;U+202E&gt;sthgir namuh&lt;U+202C&gt; and&lt;U+2066&gt; the importance"))
        }
    }
}
