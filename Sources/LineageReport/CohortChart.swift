import Lineage

/// The cohort chart: for each revision along x, its words stacked by the revision that wrote them,
/// oldest at the bottom (git-of-theseus's stacked area for code, here for a resolution's text).
/// Every band carries its numbers in `data-words` (one per revision, in order) for tools and tests.
public struct CohortChart: Sendable {
    public var data: WordCohorts
    public var colors: SessionColors

    public init(_ data: WordCohorts, colors: SessionColors) {
        self.data = data
        self.colors = colors
    }

    /// The words of `revisions[r]` in band `members`.
    private func words(_ r: Int, _ members: [Int]) -> Int { members.reduce(0) { $0 + data.words[r][$1] } }

    public func svg(id: String = "cohort-chart") -> String {
        let revisions = data.revisions
        let bands = ChartBand.bands(data.cohorts, colors: colors)
        let maximum = Double(revisions.indices.map(data.total).max() ?? 0)
        let ticks = SVG.ticks(upTo: maximum)
        var frame = ChartFrame(columns: revisions.count, maximum: ticks.last ?? maximum)
        frame.right = 200
        let latest = revisions.indices.last
        let description = latest.map { r in
            let oldest = data.cohorts.isEmpty || data.total(r) == 0 ? 0 : 100 * data.words[r][0] / data.total(r)
            return "Words of each revision by the session that wrote them. \(revisions[r].number) has \(data.total(r)) words; "
                + "\(oldest)% of them date from \(data.cohorts.first?.number ?? "its first revision")."
        } ?? "No revisions."
        return SVG.document(
            width: frame.width, height: frame.height, title: "Who wrote the text: words by the session that wrote them",
            description: description, id: id
        ) { m in
            frame.axes(&m, ticks: ticks, format: { SVG.number($0) }, revisions: revisions, yTitle: "words")
            var below = Array(repeating: 0, count: revisions.count)
            m.element("g", ["class": "bands"]) { m in
                for band in bands {
                    let values = revisions.indices.map { words($0, band.members) }
                    let above = zip(below, values).map { $0 + $1 }
                    m.element("path", [
                        "d": area(frame, lower: below, upper: above), "fill": band.color, "fill-opacity": "0.9",
                        "stroke": "#ffffff", "stroke-width": "0.75", "class": "band",
                        "data-cohort": band.members.map { data.cohorts[$0].number }.joined(separator: " "),
                        "data-words": values.map(String.init).joined(separator: " "),
                    ]) { m in
                        let last = values.last ?? 0
                        m.element("title", text: "\(band.label): \(last) words in \(revisions.last?.number ?? "")"
                            + " (" + zip(revisions, values).map { "\($0.number): \($1)" }.joined(separator: ", ") + ")")
                    }
                    below = above
                }
            }
            if revisions.count <= 40 {
                m.element("g", ["class": "totals", "fill": "#222", "text-anchor": "middle", "font-size": "11"]) { m in
                    for r in revisions.indices {
                        m.element("text", ["x": SVG.number(frame.x(r)), "y": SVG.number(frame.y(Double(below[r])) - 5)],
                                  text: String(below[r]))
                    }
                }
            }
            frame.legend(&m, title: "written in", entries: bands.reversed().map { ($0.label, $0.color) })
        }
    }

    /// The closed path between two lines of values.
    private func area(_ frame: ChartFrame, lower: [Int], upper: [Int]) -> String {
        func points(_ values: [Int]) -> [(Double, Double)] {
            if values.count == 1 {
                let y = frame.y(Double(values[0]))
                return [(frame.x(0) - 30, y), (frame.x(0) + 30, y)]
            }
            return values.enumerated().map { (frame.x($0), frame.y(Double($1))) }
        }
        let top = points(upper), bottom = points(lower).reversed()
        let all = top + bottom
        return "M" + all.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: "L") + "Z"
    }
}
