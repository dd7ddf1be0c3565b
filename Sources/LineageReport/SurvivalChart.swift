import Lineage

/// The clause survival chart: for the clauses each revision introduced, the share still in the
/// text of every later revision (solid line) and the share still word for word as introduced
/// (dashed). Every line carries its counts in `data-present`, `data-unchanged` (one per revision,
/// in order) and `data-introduced`.
public struct SurvivalChart: Sendable {
    public var data: ClauseSurvival
    public var colors: SessionColors

    public init(_ data: ClauseSurvival, colors: SessionColors) {
        self.data = data
        self.colors = colors
    }

    public func svg(id: String = "survival-chart") -> String {
        let revisions = data.revisions
        let bands = ChartBand.bands(data.cohorts, colors: colors)
        var frame = ChartFrame(columns: revisions.count, maximum: 100)
        frame.right = 200
        let description = "For the clauses each session introduced, the share still in the text of each later revision"
            + " (solid) and the share still worded as introduced (dashed)."
        return SVG.document(
            width: frame.width, height: frame.height, title: "Clause survival: how long clauses last, by the session that introduced them",
            description: description, id: id
        ) { m in
            frame.axes(&m, ticks: [0, 25, 50, 75, 100], format: { "\(Int($0))%" }, revisions: revisions, yTitle: "clauses still present")
            m.element("g", ["class": "lines", "fill": "none", "stroke-width": "2.25", "stroke-linejoin": "round"]) { m in
                for band in bands {
                    // The clauses of the band introduced by revision r or earlier: the denominator.
                    var base: [Int] = []
                    var appeared = Set<Int>()
                    for r in revisions.indices {
                        for c in band.members where data.present[r][c] > 0 { appeared.insert(c) }
                        base.append(appeared.reduce(0) { $0 + data.introduced($1) })
                    }
                    let present = revisions.indices.map { r in band.members.reduce(0) { $0 + data.present[r][$1] } }
                    let unchanged = revisions.indices.map { r in band.members.reduce(0) { $0 + data.unchanged[r][$1] } }
                    let start = base.firstIndex { $0 > 0 } ?? revisions.count
                    func path(_ values: [Int]) -> String {
                        let points = (start..<revisions.count).map { r in
                            (frame.x(r), frame.y(100 * Double(values[r]) / Double(max(base[r], 1))))
                        }
                        let drawn = points.count == 1 ? [(points[0].0 - 8, points[0].1), points[0]] : points
                        return "M" + drawn.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: "L")
                    }
                    guard start < revisions.count else { continue }
                    let summary = (start..<revisions.count).map { r in "\(revisions[r].number): \(present[r]) of \(base[r])" }
                    m.element("g", [
                        "class": "cohort", "data-cohort": band.members.map { data.cohorts[$0].number }.joined(separator: " "),
                        "data-introduced": String(band.members.reduce(0) { $0 + data.introduced($1) }),
                        "data-present": present.map(String.init).joined(separator: " "),
                        "data-unchanged": unchanged.map(String.init).joined(separator: " "),
                    ]) { m in
                        m.element("title", text: "Clauses introduced in \(band.label) still present: " + summary.joined(separator: ", "))
                        m.empty("path", ["d": path(unchanged), "stroke": band.color, "stroke-dasharray": "5 4", "stroke-opacity": "0.8"])
                        m.empty("path", ["d": path(present), "stroke": band.color])
                        if revisions.count <= 60 {
                            for r in start..<revisions.count {
                                let y = frame.y(100 * Double(present[r]) / Double(max(base[r], 1)))
                                m.element("circle", ["cx": SVG.number(frame.x(r)), "cy": SVG.number(y), "r": "3.5", "fill": band.color]) { m in
                                    m.element("title", text: "\(band.label) in \(revisions[r].number): \(present[r]) of \(base[r]) clauses, \(unchanged[r]) word for word")
                                }
                            }
                        }
                    }
                }
            }
            frame.legend(&m, title: "introduced in", entries: bands.map { ($0.label, $0.color) })
            let keyY = frame.top + 20 + Double(bands.count) * 18 + 14
            let x = frame.left + frame.plotWidth + 22
            m.element("g", ["class": "key", "fill": "#444", "stroke": "#444", "stroke-width": "2"]) { m in
                m.empty("line", ["x1": SVG.number(x), "x2": SVG.number(x + 22), "y1": SVG.number(keyY), "y2": SVG.number(keyY)])
                m.element("text", ["x": SVG.number(x + 28), "y": SVG.number(keyY + 4), "stroke": "none"], text: "still present")
                m.empty("line", ["x1": SVG.number(x), "x2": SVG.number(x + 22), "y1": SVG.number(keyY + 18), "y2": SVG.number(keyY + 18),
                                 "stroke-dasharray": "5 4"])
                m.element("text", ["x": SVG.number(x + 28), "y": SVG.number(keyY + 22), "stroke": "none"], text: "word for word")
            }
        }
    }
}
