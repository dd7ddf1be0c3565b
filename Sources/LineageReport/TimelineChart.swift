import Lineage

/// The timeline: one dot per revision, placed by adoption date, one lane per line (branch), with
/// an edge from each parent, so forks and merges show (a merge's edge from a parent on another
/// line is dashed). Each lane is named under its line, clear of the dots; each dot links to the
/// revision's redline.
///
/// Readable at any length: the dots shrink to the room each revision has on its lane (from 7
/// units down to ``minimumRadius``), and lose their white outline when they would touch, so that
/// thousands of revisions still draw as a line of their sessions' colours; only as many revision
/// and year labels are drawn as fit without overlapping (``SVG/thinned(_:widths:)``), the last
/// revision's always.
public struct TimelineChart: Sendable {
    public var graph: RevisionGraph
    public var colors: SessionColors

    public init(_ graph: RevisionGraph, colors: SessionColors) {
        self.graph = graph
        self.colors = colors
    }

    /// The largest and smallest radius of a revision's dot.
    static let maximumRadius = 7.0
    static let minimumRadius = 3.0

    /// - Complexity: O(revisions + edges).
    public func svg(id: String = "timeline-chart") -> String {
        let nodes = graph.nodes
        let lanes = graph.branches
        let width = 780.0, left = 40.0, right = 40.0
        let laneHeight = lanes.count > 1 ? 50.0 : 34.0
        let top = 26.0, height = top + Double(max(lanes.count, 1)) * laneHeight + 30
        let days = nodes.map { $0.revision.adopted?.daysSinceEpoch }
        let known = days.compactMap { $0 }
        let first = known.min() ?? 0, last = known.max() ?? 0
        func x(_ i: Int) -> Double {
            guard let d = days[i], last > first else {
                return nodes.count <= 1 ? left + (width - left - right) / 2
                    : left + (width - left - right) * Double(i) / Double(nodes.count - 1)
            }
            return left + (width - left - right) * Double(d - first) / Double(last - first)
        }
        func y(_ i: Int) -> Double { top + laneHeight * (Double(lanes.firstIndex(of: nodes[i].branch) ?? 0) + 0.5) }
        let position = Dictionary(nodes.enumerated().map { ($1.revision.number, $0) }) { a, _ in a }
        // The room of a revision: the narrowest gap to its neighbour on the same lane.
        var gap = Double.infinity
        var previousOnLane: [String: Double] = [:]
        for i in nodes.indices {
            if let p = previousOnLane[nodes[i].branch] { gap = min(gap, abs(x(i) - p)) }
            previousOnLane[nodes[i].branch] = x(i)
        }
        // Dots as large as their spacing allows (the typical spacing, not the narrowest gap alone:
        // two resolutions adopted the same week must not shrink every dot).
        let typical = (width - left - right) / Double(max(nodes.count / max(lanes.count, 1), 1))
        let radius = min(Self.maximumRadius, max(Self.minimumRadius, min(typical, gap.isFinite ? max(gap, typical / 2) : typical) / 2 - 1))
        let outlined = typical >= 2 * radius + 3
        // Revision labels: per lane, only as many as fit; year labels along the bottom likewise.
        var labelled = Set<Int>()
        for lane in lanes {
            let members = nodes.indices.filter { nodes[$0].branch == lane }
            let kept = SVG.thinned(members.map { x($0) }, widths: members.map { SVG.labelWidth(nodes[$0].revision.number) })
            for k in kept { labelled.insert(members[k]) }
        }
        let yearOf = nodes.map { $0.revision.adopted.map { String($0.year) } ?? "" }
        let firstOfYear = nodes.indices.filter { i in !yearOf[i].isEmpty && (i == 0 || yearOf[i - 1] != yearOf[i]) }
            .sorted { x($0) < x($1) }
        let yearLabels = SVG.thinned(firstOfYear.map { x($0) }, widths: firstOfYear.map { _ in SVG.labelWidth("0000", gap: 14) })
            .map { firstOfYear[$0] }
        return SVG.document(
            width: width, height: height, title: "Timeline of the revisions",
            description: "\(nodes.count) revisions on \(lanes.count) line(s), by adoption date.", id: id
        ) { m in
            m.element("g", ["class": "edges", "stroke": "#9aa", "stroke-width": "2", "fill": "none"]) { m in
                for (i, node) in nodes.enumerated() {
                    for (k, parent) in node.parents.enumerated() {
                        guard let p = position[parent.number] else { continue }
                        let (x0, y0, x1, y1) = (x(p), y(p), x(i), y(i))
                        let mid = (x0 + x1) / 2
                        let merged = k > 0 && nodes[p].branch != node.branch
                        m.element("path", [
                            "d": "M\(SVG.number(x0)),\(SVG.number(y0))C\(SVG.number(mid)),\(SVG.number(y0)) \(SVG.number(mid)),\(SVG.number(y1)) \(SVG.number(x1)),\(SVG.number(y1))",
                            "class": merged ? "merge" : nil, "stroke-dasharray": merged ? "6 4" : nil,
                        ]) { m in
                            m.element("title", text: merged ? "\(node.revision.number) merges \(parent.number)" : "\(node.revision.number) continues \(parent.number)")
                        }
                    }
                }
            }
            if lanes.count > 1 {
                // Each lane's name under it, from its first revision, or ending at its last one when
                // it would run off the right edge (about 6.6 units a character at this size).
                m.element("g", ["class": "lanes", "fill": "#666", "font-style": "italic"]) { m in
                    for (k, lane) in lanes.enumerated() {
                        let members = nodes.indices.filter { nodes[$0].branch == lane }
                        guard let firstMember = members.first, let lastMember = members.last else { continue }
                        let fits = x(firstMember) - 7 + Double(lane.count) * 6.6 <= width - 4
                        m.element("text", [
                            "x": SVG.number(fits ? max(4, x(firstMember) - 7) : x(lastMember) + 7),
                            "y": SVG.number(top + laneHeight * (Double(k) + 0.5) + 22), "text-anchor": fits ? nil : "end",
                        ], text: lane)
                    }
                }
            }
            m.element("g", ["class": "revisions"]) { m in
                for (i, node) in nodes.enumerated() {
                    let number = node.revision.number
                    m.element("a", ["href": "#" + HTMLReport.anchor(node.revision)]) { m in
                        m.element("circle", [
                            "cx": SVG.number(x(i)), "cy": SVG.number(y(i)), "r": SVG.number(radius), "fill": colors.strong(number),
                            "stroke": outlined ? "#fff" : nil, "stroke-width": outlined ? "2" : nil,
                        ]) { m in
                            m.element("title", text: "\(node.revision.symbol), adopted \(node.revision.adopted?.longForm ?? "on an unknown date")")
                        }
                        if labelled.contains(i) {
                            m.element("text", ["x": SVG.number(x(i)), "y": SVG.number(y(i) - radius - 5), "text-anchor": "middle", "fill": "#222"],
                                      text: number)
                        }
                    }
                }
            }
            m.element("g", ["class": "years", "fill": "#666", "text-anchor": "middle"]) { m in
                for i in yearLabels {
                    m.element("text", ["x": SVG.number(x(i)), "y": SVG.number(height - 8)], text: yearOf[i])
                }
            }
        }
    }
}
