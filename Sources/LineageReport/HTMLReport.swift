import Lineage
import LineageCore
import ResolutionText

/// The report: one self-contained HTML page (inline CSS and SVG, no script, no network) with the
/// timeline, the charts, a redline of every revision against its parent(s), and the text at the
/// head of each line with its clause and word-level blame. Readable without JavaScript (folding
/// is `<details>`) and printable. Every piece of document text is escaped.
public enum HTMLReport {
    /// The id of a revision's section: `rev-69-28`.
    public static func anchor(_ revision: Revision) -> String { "rev-" + Escape.identifier(revision.number) }

    /// The id of a clause of a revision, by the address delegates cite: `r76-19-op1`, `r69-28-pp11`,
    /// `r69-28-op3b` for op3(b). Stable: it depends only on the revision and the address. It marks
    /// the clause in the revision's changes (every revision the report details); the texts at the
    /// heads of the lines have `t76-19-op1` and, word by word, `w76-19-op1`.
    public static func clauseAnchor(_ revision: String, _ label: String, prefix: String = "r") -> String {
        prefix + Escape.identifier(revision) + "-" + String(label.filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    public static func render(_ data: ReportData) -> String {
        var m = Markup()
        let latest = data.entries.last!.revision
        let title = latest.title ?? latest.symbol
        m.raw("<!DOCTYPE html>\n")
        m.open("html", ["lang": "en"])
        m.newline()
        m.block("head") { m in
            m.newline()
            m.empty("meta", ["charset": "utf-8"], void: true)
            m.newline()
            m.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"], void: true)
            m.newline()
            m.empty("meta", ["name": "generator", "content": "lineage"], void: true)
            m.newline()
            m.element("title", text: "Lineage of \(title)")
            m.newline()
            m.element("style") { m in m.raw(ReportStyle.css + "\n" + data.colors.css) }
        }
        m.newline()
        m.block("body") { m in
            header(&m, data, title: title)
            timeline(&m, data)
            charts(&m, data)
            redlines(&m, data)
            for tip in data.tips {
                latestText(&m, tip, data)
                wordBlame(&m, tip, data)
            }
            m.newline()
            m.element("footer") { m in
                m.text("Written by lineage from the repository \(data.path). Every revision is a commit of an ordinary git "
                    + "repository; the clause lineage is stored as git notes under refs/notes/lineage.")
            }
        }
        m.newline()
        m.close("html")
        m.raw("\n")
        return m.output
    }

    // MARK: - Sections

    private static func header(_ m: inout Markup, _ data: ReportData, title: String) {
        let first = data.graph.nodes.first!.revision, last = data.entries.last!.revision
        let count = data.revisionCount
        m.newline()
        m.block("header") { m in
            m.newline()
            m.element(
                "p", ["class": "kicker"],
                text: "Lineage report · \(count) revision\(count == 1 ? "" : "s")"
                    + (data.omitted > 0 ? ", the latest \(data.entries.count) in detail" : ""))
            m.newline()
            m.element("h1", text: title)
            m.newline()
            m.element("p", ["class": "lede"]) { m in
                m.text("From \(first.symbol) (\(first.adopted?.longForm ?? "undated")) to \(last.symbol) (\(last.adopted?.longForm ?? "undated")). ")
                if let r = data.cohorts.revisions.indices.last, data.cohorts.total(r) > 0, let oldest = data.cohorts.cohorts.first {
                    let share = 100 * data.cohorts.words[r][0] / data.cohorts.total(r)
                    m.text("\(data.cohorts.revisions[r].number) has \(data.cohorts.total(r)) words; \(share)% of them were written in \(oldest.number).")
                }
            }
            m.newline()
            m.element("nav", ["aria-label": "Contents"]) { m in
                m.element("a", ["href": "#timeline"], text: "Timeline")
                m.element("a", ["href": "#charts"], text: "Charts")
                m.element("a", ["href": "#changes"], text: "Changes")
                for (k, tip) in data.tips.enumerated() {
                    let number = tip.revision.number
                    m.element("a", ["href": "#text-" + Escape.identifier(number)], text: "Text of \(number)")
                    m.element("a", ["href": "#words-" + Escape.identifier(number)], text: k == 0 && data.tips.count == 1 ? "Who wrote each word" : "Who wrote each word of \(number)")
                }
            }
        }
    }

    private static func timeline(_ m: inout Markup, _ data: ReportData) {
        let multiline = data.graph.branches.count > 1
        section(&m, id: "timeline", heading: "Timeline") { m in
            m.newline()
            m.element("figure", ["class": "wide"]) { m in m.raw(TimelineChart(data.graph, colors: data.colors).svg()) }
            m.newline()
            m.element("div", ["class": "scroll"]) { m in
                m.element("table", ["class": "revisions"]) { m in
                    m.element("thead") { m in
                        m.element("tr") { m in
                            let headings = ["Revision", "Adopted", "Session"] + (multiline ? ["Line"] : [])
                                + ["Continues", "Paragraphs", "Words", "Changes against the parent(s)", "Unchanged"]
                            for heading in headings {
                                let numeric = ["Session", "Paragraphs", "Words", "Unchanged"].contains(heading)
                                m.element("th", ["scope": "col", "class": numeric ? "n" : heading.hasPrefix("Changes") ? "wrap" : nil], text: heading)
                            }
                        }
                    }
                    m.element("tbody") { m in
                        for entry in data.entries {
                            let r = entry.revision, c = entry.comparison
                            m.newline()
                            m.element("tr") { m in
                                m.element("th", ["scope": "row"]) { m in
                                    m.element("span", ["class": "swatch " + data.colors.cssClass(r.number), "aria-hidden": "true"], text: "")
                                    m.element("a", ["href": "#" + anchor(r)], text: r.number)
                                }
                                m.element("td", ["data-label": "Adopted"], text: r.adopted?.iso ?? "")
                                m.element("td", ["class": "n", "data-label": "Session"], text: r.session.map(String.init) ?? "")
                                if multiline { m.element("td", ["class": "line", "data-label": "Line"], text: entry.node.branch) }
                                m.element("td", ["data-label": "Continues"], text: entry.node.parents.isEmpty ? "—" : entry.node.parents.map(\.number).joined(separator: ", "))
                                m.element("td", ["class": "n", "data-label": "Paragraphs"], text: String(entry.paragraphs))
                                m.element("td", ["class": "n", "data-label": "Words"], text: String(entry.words))
                                m.element("td", ["class": "changes", "data-label": "Changes"], text: c.parents.isEmpty ? "first text" : summary(c, unchanged: false))
                                m.element("td", ["class": "n", "data-label": "Unchanged"], text: c.parents.isEmpty ? "" : String(c.count(.unchanged)))
                            }
                        }
                    }
                }
            }
        }
    }

    /// A `<section>` with its `<h2>` heading.
    private static func section(
        _ m: inout Markup, id: String, class cls: String? = nil, heading: String, _ body: (inout Markup) -> Void
    ) {
        m.newline()
        m.block("section", ["id": id, "class": cls]) { m in
            m.newline()
            m.element("h2", text: heading)
            body(&m)
        }
    }

    private static func charts(_ m: inout Markup, _ data: ReportData) {
        section(&m, id: "charts", heading: "How the text grew") { m in
            let cohorts = data.cohorts, survival = data.survival
            // With several lines, which one the charts follow, and where the others come in.
            var along = ""
            if data.graph.branches.count > 1, let latest = cohorts.revisions.last {
                let charted = Set(cohorts.revisions.map(\.number))
                let others = (cohorts.cohorts + survival.cohorts).map(\.number).filter { !charted.contains($0) }
                along = " Along the line to \(latest.number) (\(cohorts.revisions.map(\.number).joined(separator: ", ")), each revision's first parent)"
                    + (others.isEmpty ? "." : "; \(Array(Set(others)).sorted().joined(separator: ", ")), on another line, comes in where a merge takes its text.")
            }
            let cohortRows = tableRows(cohorts.cohorts, data.colors)
            figure(
                &m, svg: CohortChart(cohorts, colors: data.colors).svg(),
                caption: "Words of each revision, by the session that wrote them (from word-level blame), oldest at the bottom." + along,
                numbers: "Words by the session that wrote them", rows: cohortRows.map(\.label),
                columns: cohorts.revisions.map(\.number)
            ) { c, r in String(cohortRows[c].members.reduce(0) { $0 + cohorts.words[r][$1] }) }
            let survivalRows = tableRows(survival.cohorts, data.colors)
            figure(
                &m, svg: SurvivalChart(survival, colors: data.colors, introduced: data.introduced).svg(),
                caption: "Of the clauses each session introduced (counted in its own text), the share still in each later text (solid) and still worded as introduced (dashed); each line is named at its end with its last share." + along,
                numbers: "Clauses still present (of them word for word)", rows: survivalRows.map(\.label),
                columns: survival.revisions.map(\.number)
            ) { c, r in
                let members = survivalRows[c].members
                let present = members.reduce(0) { $0 + survival.present[r][$1] }
                return present == 0 ? "" : "\(present) (\(members.reduce(0) { $0 + survival.unchanged[r][$1] }))"
            }
        }
    }

    /// The rows of a chart's table: one per cohort, or, with more cohorts than the chart draws
    /// bands (``ChartBand/limit``), one per band, so the table stays as readable as the chart.
    private static func tableRows(_ cohorts: [Revision], _ colors: SessionColors) -> [(label: String, members: [Int])] {
        guard cohorts.count > ChartBand.limit else { return cohorts.indices.map { (cohorts[$0].number, [$0]) } }
        return ChartBand.bands(cohorts, colors: colors).map { ($0.label, $0.members) }
    }

    /// A chart with its caption, then its numbers as a table, folded.
    private static func figure(
        _ m: inout Markup, svg: String, caption: String, numbers title: String, rows: [String], columns: [String],
        cell: (Int, Int) -> String
    ) {
        m.newline()
        m.element("figure", ["class": "wide"]) { m in
            m.raw(svg)
            m.element("figcaption", text: caption)
        }
        m.newline()
        numbers(&m, caption: title, rows: rows, columns: columns, cell: cell)
    }

    /// A chart's numbers as a table, folded.
    private static func numbers(
        _ m: inout Markup, caption: String, rows: [String], columns: [String], cell: (Int, Int) -> String
    ) {
        m.element("details", ["class": "numbers"]) { m in
            m.element("summary", text: "The numbers: \(caption.lowercased())")
            m.element("div", ["class": "scroll"]) { m in
                m.element("table") { m in
                    m.element("caption", text: caption)
                    m.element("tr") { m in
                        m.element("th", ["scope": "col"], text: "written in \\ revision")
                        for column in columns { m.element("th", ["scope": "col", "class": "n"], text: column) }
                    }
                    for (c, row) in rows.enumerated() {
                        m.element("tr") { m in
                            m.element("th", ["scope": "row"], text: row)
                            for r in columns.indices { m.element("td", ["class": "n"], text: cell(c, r)) }
                        }
                    }
                }
            }
        }
    }

    private static func redlines(_ m: inout Markup, _ data: ReportData) {
        section(&m, id: "changes", heading: "Changes, revision by revision") { m in
            m.newline()
            m.element("p", ["class": "legend"]) { m in
                m.text("Newest first. ")
            if data.omitted > 0 {
                m.text("The \(data.omitted) older revisions are left out here: ")
                m.element("code", text: "lineage changelog")
                m.text(" lists them all. ")
            }
                m.element("ins", text: "Inserted words")
                m.text(", ")
                m.element("del", text: "deleted words")
                m.text(", ")
                m.element("span", ["class": "moved-sample"], text: "moved clauses")
                m.text(" (marked where they left and where they landed). Unchanged clauses are folded: open them to read them.")
            }
            for entry in data.entries.reversed() {
                let r = entry.revision
                m.newline()
                m.block("article", ["class": "revision", "id": anchor(r)]) { m in
                    m.newline()
                    m.element("h3") { m in
                        m.element("span", ["class": "swatch " + data.colors.cssClass(r.number), "aria-hidden": "true"], text: "")
                        m.text(r.symbol)
                        m.element("small", text: " adopted \(r.adopted?.longForm ?? "on an unknown date")"
                            + (r.session.map { ", session \($0)" } ?? "") + (data.graph.branches.count > 1 ? ", line \(entry.node.branch)" : ""))
                    }
                    let comparison = entry.comparison
                    m.newline()
                    if comparison.parents.isEmpty {
                        m.element("details", ["class": "unchanged initial"]) { m in
                            m.element("summary", text: "The first text: \(comparison.changes.count) clauses")
                            for change in comparison.changes {
                                let id = change.new.first.map { clauseAnchor(r.number, $0.label) }
                                m.element("div", ["class": "clause", "id": id]) { m in
                                    m.element("div", ["class": "meta"]) { m in
                                        m.element("a", ["class": "addr", "href": id.map { "#" + $0 }], text: RedlineHTML.address(change))
                                    }
                                    m.element("p", ["class": "text"]) { m in RedlineHTML.writeText(&m, change.new.map(\.text).joined(separator: "\n")) }
                                }
                            }
                        }
                    } else {
                        against(&m, comparison)
                        if comparison.editorial {
                            m.element("p", ["class": "against editorial"],
                                      text: "Editorial (.lineage-corrections): these changes do not count as changes of the clauses; the texts keep each clause's earlier “last changed”.")
                        }
                        RedlineHTML.render(
                            &m, changes: comparison.changes, parents: comparison.parents.map(\.number), anchor: anchor(r), revision: r.number)
                    }
                }
            }
        }
    }

    /// "Against 69/28: 1 inserted, …"; for a merge, "Against 73/27 and 73/266, merged: 12
    /// paragraphs from 73/27, 3 from 73/266, 7 new; …" (each old paragraph names its parent).
    private static func against(_ m: inout Markup, _ comparison: ReportData.Comparison) {
        m.element("p", ["class": "against"]) { m in
            m.text("Against ")
            for (k, parent) in comparison.parents.enumerated() {
                if k > 0 { m.text(k == comparison.parents.count - 1 ? " and " : ", ") }
                m.element("a", ["href": "#" + anchor(parent)], text: parent.number)
            }
            if comparison.parents.count > 1 {
                let taken = comparison.taken.map { "\($0.paragraphs) paragraph\($0.paragraphs == 1 ? "" : "s") from \($0.parent.number)" }
                let new = comparison.count(.inserted)
                m.text(" together (a merge: compared with both parents' clauses at once, each old paragraph named with its parent): "
                    + (taken + ["\(new) new"]).joined(separator: ", ") + ". " + summary(comparison))
            } else {
                m.text(": " + summary(comparison))
            }
        }
    }

    /// "1 inserted, 8 reworded, 18 unchanged".
    static func summary(_ comparison: ReportData.Comparison, unchanged: Bool = true) -> String {
        let parts: [(Int, String)] = [
            (comparison.count(.inserted), "inserted"), (comparison.count(.restored), "restored"),
            (comparison.count(.modified), "reworded"), (comparison.count(.moved), "moved"),
            (comparison.count(.split), "split"), (comparison.count(.merged), "merged"),
            (comparison.count(.deleted), "deleted"), (unchanged ? comparison.count(.unchanged) : 0, "unchanged"),
        ]
        let listed = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return listed.isEmpty ? (unchanged ? "no paragraphs" : "none") : listed.joined(separator: ", ")
    }

    /// Which line `revision` heads, and what became of it: "The latest text, at the head of the
    /// line …" or "The head of the line …, merged into 76/19."
    private static func headNote(_ revision: Revision, _ data: ReportData) -> String? {
        guard data.graph.branches.count > 1, let node = data.graph.node(of: revision) else { return nil }
        if revision.number == data.entries.last?.revision.number {
            return "The latest text, at the head of the line \(node.branch)."
        }
        let children = data.graph.nodes.filter { $0.parents.contains { $0.number == revision.number } }.map(\.revision.number)
        return "The latest text of the line \(node.branch)" + (children.isEmpty ? "." : ", merged into \(children.joined(separator: " and ")).")
    }

    private static func latestText(_ m: inout Markup, _ blame: Blame, _ data: ReportData) {
        let r = blame.revision
        section(&m, id: "text-" + Escape.identifier(r.number), class: "document", heading: "The text of \(r.symbol)") { m in
            if let note = headNote(r, data) {
                m.newline()
                m.element("p", ["class": "head-note"], text: note)
            }
            m.newline()
            m.element("p", ["class": "legend"], text: "Each clause is tagged with the session that introduced it and the one that last changed its wording.")
            m.newline()
            m.element("p", ["class": "doc-title"], text: r.title ?? "")
            m.newline()
            m.element("p", ["class": "formula"], text: "The General Assembly,")
            for line in blame.paragraphs {
                m.newline()
                paragraph(&m, line, r, prefix: "t") { m in
                    m.element("span", ["class": "tags"]) { m in
                        m.element("span", ["class": "tag " + data.colors.cssClass(line.introduced.number), "title": "introduced in \(line.introduced.symbol)"],
                                  text: "introduced \(line.introduced.number)")
                        if line.lastChanged.number != line.introduced.number {
                            m.element("span", ["class": "tag " + data.colors.cssClass(line.lastChanged.number), "title": "last changed in \(line.lastChanged.symbol)"],
                                      text: "changed \(line.lastChanged.number)")
                        }
                    }
                } text: { m in m.text(line.paragraph.text) }
            }
            footnotes(&m, r, blame.footnotes)
        }
    }

    private static func wordBlame(_ m: inout Markup, _ blame: Blame, _ data: ReportData) {
        let r = blame.revision
        section(&m, id: "words-" + Escape.identifier(r.number), class: "document words", heading: "Who wrote each word of \(r.number)") { m in
            m.newline()
            let used = Set(blame.paragraphs.flatMap { $0.words.map(\.introduced) })
            m.element("p", ["class": "legend sessions"]) { m in
                m.text("Each run of words is coloured by the session that wrote it: ")
                for number in data.colors.numbers where used.contains(number) {
                    m.element("span", ["class": "key " + data.colors.cssClass(number)], text: number)
                }
            }
            for line in blame.paragraphs {
                m.newline()
                paragraph(&m, line, r, prefix: "w") { _ in } text: { m in
                    for run in line.words {
                        m.element("span", ["class": data.colors.cssClass(run.introduced), "title": "written in \(run.introduced)"], text: run.text)
                    }
                }
            }
        }
    }

    /// One paragraph of a text: its address (a link to itself: `pp1`, `op3(b)`, with the id
    /// ``clauseAnchor(_:_:prefix:)``), its number or letter, its text, its footnote marks.
    private static func paragraph(
        _ m: inout Markup, _ line: Blame.Line, _ revision: Revision, prefix: String, extra: (inout Markup) -> Void,
        text: (inout Markup) -> Void
    ) {
        let p = line.paragraph
        let id = clauseAnchor(revision.number, line.label, prefix: prefix)
        m.element("div", ["class": "para \(p.kind.rawValue)", "id": id]) { m in
            m.element("a", ["class": "cite", "href": "#" + id, "title": "link to \(revision.number) \(line.label)"], text: line.label)
            extra(&m)
            m.element("p") { m in
                if p.kind != .preambular {
                    m.element("span", ["class": "num"], text: p.kind == .operative ? "\(p.label ?? "")." : p.label ?? "")
                }
                text(&m)
                if !p.footnotes.isEmpty {
                    // Marks side by side are separated ("1,2,3", not "123").
                    m.element("sup") { m in
                        for (k, mark) in p.footnotes.enumerated() {
                            if k > 0 { m.text(",") }
                            m.element("a", ["href": "#fn-\(Escape.identifier(revision.number))-\(Escape.identifier(mark))"], text: mark)
                        }
                    }
                }
            }
        }
    }

    private static func footnotes(_ m: inout Markup, _ revision: Revision, _ notes: [Footnote]) {
        guard !notes.isEmpty else { return }
        m.newline()
        m.element("ol", ["class": "footnotes"]) { m in
            for note in notes {
                m.element("li", ["id": "fn-\(Escape.identifier(revision.number))-\(Escape.identifier(note.mark))"]) { m in
                    m.element("sup", text: note.mark)
                    m.text(" " + note.text)
                }
            }
        }
    }
}
