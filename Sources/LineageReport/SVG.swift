import Lineage

/// What every chart shares: the SVG document, the plot area, axes, legends and number formatting.
/// Charts are drawn by lineage itself, as SVG 1.1 that renders inline in HTML and on its own.
enum SVG {
    /// `<svg>` with a title and description (for screen readers and as tooltips), sized by its
    /// view box so that it scales to the page.
    static func document(
        width: Double, height: Double, title: String, description: String, id: String, _ body: (inout Markup) -> Void
    ) -> String {
        var m = Markup()
        m.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(number(width)) \(number(height))",
            "width": number(width), "height": number(height), "role": "img", "aria-labelledby": "\(id)-title \(id)-desc",
            "class": "chart", "id": id, "font-family": "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif",
            "font-size": "12",
        ])
        m.element("title", ["id": "\(id)-title"], text: title)
        m.element("desc", ["id": "\(id)-desc"], text: description)
        m.empty("rect", ["width": number(width), "height": number(height), "fill": "#ffffff"])
        body(&m)
        m.close("svg")
        return m.output
    }

    /// The width a label of `text` takes at the charts' 12-unit font (about 7 units a character,
    /// digits and capitals being wider than the average), with `gap` units of space after it.
    static func labelWidth(_ text: String, gap: Double = 10) -> Double { Double(text.count) * 7 + gap }

    /// Which of the labels at `xs` (in increasing order) to draw so that none overlaps another:
    /// the last always, then greedily from the left every one that clears the previous one kept
    /// and the last (labels centred on their x, `widths` wide). O(n).
    static func thinned(_ xs: [Double], widths: [Double]) -> [Int] {
        guard let lastIndex = xs.indices.last else { return [] }
        var kept: [Int] = []
        var edge = -Double.infinity
        let lastLeft = xs[lastIndex] - widths[lastIndex] / 2
        for i in xs.indices.dropLast() {
            let left = xs[i] - widths[i] / 2, right = xs[i] + widths[i] / 2
            if left >= edge && right <= lastLeft {
                kept.append(i)
                edge = right
            }
        }
        kept.append(lastIndex)
        return kept
    }

    /// Compact decimal: no trailing zeros, at most two decimals.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// Tick values from 0 to at least `maximum`, about `count` of them, on round steps (1, 2, 5 × 10ⁿ).
    static func ticks(upTo maximum: Double, count: Int = 5) -> [Double] {
        guard maximum > 0 else { return [0, 1] }
        let rough = maximum / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        var out: [Double] = []
        var v = 0.0
        while v < maximum + step * 0.999 {
            out.append(v)
            v += step
        }
        return out
    }
}

/// The plot area of a chart with revisions along the x axis and a legend on the right.
struct ChartFrame {
    var width = 780.0
    var height = 340.0
    var left = 58.0
    var right = 190.0
    var top = 20.0
    var bottom = 48.0
    /// How many revisions along x, and the largest y value.
    var columns: Int
    var maximum: Double

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    /// The x of column `i` (a single column sits in the middle).
    func x(_ i: Int) -> Double {
        columns <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(i) / Double(columns - 1)
    }

    func y(_ value: Double) -> Double { top + plotHeight * (1 - value / max(maximum, 1e-9)) }

    /// Grid lines and labels of the y axis (`format` writes a tick), the x axis with one label per
    /// revision (only as many as fit: see ``SVG/thinned(_:widths:)``), and the axis title.
    func axes(_ m: inout Markup, ticks: [Double], format: (Double) -> String, revisions: [Revision], yTitle: String) {
        m.element("g", ["class": "axis", "fill": "#555", "stroke": "none"]) { m in
            for tick in ticks {
                let y = SVG.number(self.y(tick))
                m.empty("line", ["x1": SVG.number(left), "x2": SVG.number(left + plotWidth), "y1": y, "y2": y,
                                 "stroke": tick == 0 ? "#888" : "#e3e3e3", "stroke-width": "1"])
                m.element("text", ["x": SVG.number(left - 6), "y": SVG.number(self.y(tick) + 4), "text-anchor": "end"],
                          text: format(tick))
            }
            let widths = revisions.map { SVG.labelWidth($0.number.count >= 4 ? $0.number : "0000") }
            for i in SVG.thinned(revisions.indices.map { self.x($0) }, widths: widths) {
                let revision = revisions[i]
                let x = SVG.number(self.x(i))
                m.element("text", ["x": x, "y": SVG.number(top + plotHeight + 17), "text-anchor": "middle", "fill": "#222"],
                          text: revision.number)
                m.element("text", ["x": x, "y": SVG.number(top + plotHeight + 31), "text-anchor": "middle"],
                          text: revision.adopted.map { String($0.year) } ?? "")
            }
            m.element("text", ["x": "14", "y": SVG.number(top + plotHeight / 2), "text-anchor": "middle",
                               "transform": "rotate(-90 14 \(SVG.number(top + plotHeight / 2)))"], text: yTitle)
        }
    }

    /// The legend: a swatch and a label per entry, top to bottom, on the right of the plot.
    func legend(_ m: inout Markup, title: String, entries: [(label: String, color: String)]) {
        let x = left + plotWidth + 22
        m.element("g", ["class": "legend"]) { m in
            m.element("text", ["x": SVG.number(x), "y": SVG.number(top + 4), "font-weight": "600", "fill": "#222"], text: title)
            for (i, entry) in entries.enumerated() {
                let y = top + 20 + Double(i) * 18
                m.empty("rect", ["x": SVG.number(x), "y": SVG.number(y - 4), "width": "12", "height": "12", "rx": "2",
                                 "fill": entry.color])
                m.element("text", ["x": SVG.number(x + 18), "y": SVG.number(y + 6), "fill": "#222"], text: entry.label)
            }
        }
    }
}

/// Cohorts drawn together: one band (or line) per revision, or per run of consecutive revisions
/// when there are too many to tell apart.
struct ChartBand {
    var label: String
    var color: String
    /// Indexes into the cohorts.
    var members: [Int]

    static let limit = 12

    static func bands(_ cohorts: [Revision], colors: SessionColors) -> [ChartBand] {
        let size = max(1, Int((Double(cohorts.count) / Double(limit)).rounded(.up)))
        return stride(from: 0, to: cohorts.count, by: size).map { start in
            let members = Array(start..<min(start + size, cohorts.count))
            let first = cohorts[members.first!], last = cohorts[members.last!]
            let label = members.count == 1
                ? first.number + (first.adopted.map { " (\($0.year))" } ?? "")
                : "\(first.number) – \(last.number)"
            return ChartBand(label: label, color: colors.strong(first.number), members: members)
        }
    }
}
