import Lineage

/// The clause survival chart: for the clauses each revision introduced, the share still in the
/// text of every later revision (solid line) and the share still word for word as introduced
/// (dashed). Every line carries its counts in `data-present`, `data-unchanged` (one per revision,
/// in order) and `data-introduced`.
///
/// Lines at the same value (many stay at 100%, several fall to 0%) are drawn a little apart, one
/// offset per cohort, and each line is named at its end with its last share, so none hides
/// another.
public struct SurvivalChart: Sendable {
    public var data: ClauseSurvival
    public var colors: SessionColors
    /// How many clauses each cohort introduced, counted in its own text; by default
    /// ``ClauseSurvival/introduced(_:)``, its count at its first appearance on the line measured
    /// (the same for a cohort on that line, not for one merged into it from another line).
    public var introduced: [Int]?

    public init(_ data: ClauseSurvival, colors: SessionColors, introduced: [Int]? = nil) {
        self.data = data
        self.colors = colors
        self.introduced = introduced
    }

    private func introduced(_ c: Int) -> Int {
        if let introduced, c < introduced.count, introduced[c] > 0 { return introduced[c] }
        return data.introduced(c)
    }

    /// Spreads label positions so that they are at least `gap` apart, within `low...high`, moving
    /// each as little as it can; returned in the order given.
    static func spread(_ ys: [Double], gap: Double, low: Double, high: Double) -> [Double] {
        let order = ys.indices.sorted { ys[$0] < ys[$1] }
        var placed = order.map { ys[$0] }
        for k in placed.indices {
            placed[k] = max(placed[k], k == 0 ? low : placed[k - 1] + gap)
        }
        for k in placed.indices.reversed() {
            placed[k] = min(placed[k], k == placed.count - 1 ? high : placed[k + 1] - gap)
        }
        var out = ys
        for (k, i) in order.enumerated() { out[i] = placed[k] }
        return out
    }

    public func svg(id: String = "survival-chart") -> String {
        let revisions = data.revisions
        let bands = ChartBand.bands(data.cohorts, colors: colors)
        var frame = ChartFrame(columns: revisions.count, maximum: 100)
        frame.right = 150
        frame.height += 22
        frame.bottom += 22
        let description = "For the clauses each session introduced, the share still in the text of each later revision"
            + " (solid) and the share still worded as introduced (dashed)."
        // Each band's offset, in pixels, so that lines at the same value run side by side.
        let spacing = bands.count > 1 ? min(2.5, 18 / Double(bands.count - 1)) : 0
        func offset(_ k: Int) -> Double { (Double(k) - Double(bands.count - 1) / 2) * spacing }
        var ends: [(label: String, color: String, y: Double)] = []
        return SVG.document(
            width: frame.width, height: frame.height, title: "Clause survival: how long clauses last, by the session that introduced them",
            description: description, id: id
        ) { m in
            frame.axes(&m, ticks: [0, 25, 50, 75, 100], format: { "\(Int($0))%" }, revisions: revisions, yTitle: "clauses still present")
            m.element("g", ["class": "lines", "fill": "none", "stroke-width": "2.25", "stroke-linejoin": "round"]) { m in
                for (k, band) in bands.enumerated() {
                    // The clauses of the band introduced by revision r or earlier: the denominator.
                    var base: [Int] = []
                    var appeared = Set<Int>()
                    for r in revisions.indices {
                        for c in band.members where data.present[r][c] > 0 { appeared.insert(c) }
                        base.append(appeared.reduce(0) { $0 + introduced($1) })
                    }
                    let present = revisions.indices.map { r in band.members.reduce(0) { $0 + data.present[r][$1] } }
                    let unchanged = revisions.indices.map { r in band.members.reduce(0) { $0 + data.unchanged[r][$1] } }
                    let start = base.firstIndex { $0 > 0 } ?? revisions.count
                    func share(_ values: [Int], _ r: Int) -> Double { 100 * Double(values[r]) / Double(max(base[r], 1)) }
                    func y(_ values: [Int], _ r: Int) -> Double { frame.y(share(values, r)) + offset(k) }
                    func path(_ values: [Int]) -> String {
                        let points = (start..<revisions.count).map { r in (frame.x(r), y(values, r)) }
                        let drawn = points.count == 1 ? [(points[0].0 - 8, points[0].1), points[0]] : points
                        return "M" + drawn.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: "L")
                    }
                    guard start < revisions.count else { continue }
                    let summary = (start..<revisions.count).map { r in "\(revisions[r].number): \(present[r]) of \(base[r])" }
                    let last = revisions.count - 1
                    ends.append((band.label + " " + String(Int(share(present, last).rounded())) + "%", band.color, y(present, last)))
                    m.element("g", [
                        "class": "cohort", "data-cohort": band.members.map { data.cohorts[$0].number }.joined(separator: " "),
                        "data-introduced": String(band.members.reduce(0) { $0 + introduced($1) }),
                        "data-present": present.map(String.init).joined(separator: " "),
                        "data-unchanged": unchanged.map(String.init).joined(separator: " "),
                    ]) { m in
                        m.element("title", text: "Clauses introduced in \(band.label) still present: " + summary.joined(separator: ", "))
                        m.empty("path", ["d": path(unchanged), "stroke": band.color, "stroke-dasharray": "5 4", "stroke-opacity": "0.8"])
                        m.empty("path", ["d": path(present), "stroke": band.color])
                        if revisions.count <= 60 {
                            for r in start..<revisions.count {
                                m.element("circle", ["cx": SVG.number(frame.x(r)), "cy": SVG.number(y(present, r)), "r": "3.5", "fill": band.color]) { m in
                                    m.element("title", text: "\(band.label) in \(revisions[r].number): \(present[r]) of \(base[r]) clauses, \(unchanged[r]) word for word")
                                }
                            }
                        }
                    }
                }
            }
            // Each line named at its end, the names spread apart where lines end close together.
            let x = frame.left + frame.plotWidth
            let placed = Self.spread(ends.map(\.y), gap: 14, low: frame.top, high: frame.top + frame.plotHeight)
            m.element("g", ["class": "ends", "fill": "#222"]) { m in
                for (end, labelY) in zip(ends, placed) {
                    m.empty("path", ["d": "M\(SVG.number(x + 5)),\(SVG.number(end.y))L\(SVG.number(x + 14)),\(SVG.number(labelY))L\(SVG.number(x + 26)),\(SVG.number(labelY))",
                                     "stroke": end.color, "stroke-width": "2.5", "fill": "none"])
                    m.element("text", ["x": SVG.number(x + 30), "y": SVG.number(labelY + 4)], text: end.label)
                }
            }
            // The key to solid and dashed, under the x axis.
            let keyY = frame.height - 10
            m.element("g", ["class": "key", "fill": "#444", "stroke": "#444", "stroke-width": "2"]) { m in
                m.empty("line", ["x1": SVG.number(frame.left), "x2": SVG.number(frame.left + 22), "y1": SVG.number(keyY), "y2": SVG.number(keyY)])
                m.element("text", ["x": SVG.number(frame.left + 28), "y": SVG.number(keyY + 4), "stroke": "none"], text: "still present")
                m.empty("line", ["x1": SVG.number(frame.left + 130), "x2": SVG.number(frame.left + 152), "y1": SVG.number(keyY), "y2": SVG.number(keyY),
                                 "stroke-dasharray": "5 4"])
                m.element("text", ["x": SVG.number(frame.left + 158), "y": SVG.number(keyY + 4), "stroke": "none"],
                          text: "still word for word (lines at the same share are drawn slightly apart)")
            }
        }
    }
}
