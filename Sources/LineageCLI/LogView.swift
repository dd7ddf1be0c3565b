import Lineage
import ResolutionText

/// How `lineage log` prints the history.
enum LogView {
    static func json(_ history: History) -> JSONValue {
        .array(history.revisions.reversed().map { $0.logJSON(series: history.series(of: $0)?.name) })
    }

    /// `git log`'s decorations: the branches whose tip it is (`HEAD -> ` on the default one), its tag.
    static func decorations(_ revision: Revision, tips: [(line: String, revision: Revision)], style: Style) -> String {
        var names: [String] = []
        for (i, tip) in tips.enumerated() where tip.revision.commit == revision.commit {
            names.append(i == 0 ? "HEAD -> " + Terminal.sanitize(tip.line) : Terminal.sanitize(tip.line))
        }
        names.append("tag: " + Terminal.sanitize(revision.symbol))
        return style.yellow("(") + names.map { style.cyan($0) }.joined(separator: style.yellow(", ")) + style.yellow(")")
    }

    /// The graph of `revisions` (newest first), one line each with `oneline`.
    /// `series`: the history, when each revision's series is to be named (several listed together).
    static func graph(
        _ revisions: [Revision], tips: [(line: String, revision: Revision)], oneline: Bool = false, style: Style, series: History? = nil
    ) -> String {
        let nodes = revisions.map { revision in
            let seriesName = series?.series(of: revision)?.name
            if oneline {
                return LogGraph<String>.Node(
                    id: revision.commit?.hex ?? revision.number, parents: revision.parents.map(\.hex),
                    lines: [LogView.oneline(revision, tips: tips, style: style, series: seriesName)])
            }
            var lines = [
                style.yellow(String(revision.commit?.hex.prefix(12) ?? "?")) + " " + (revision.adopted?.iso ?? "????-??-??") + " "
                    + style.bold(revision.number) + " " + decorations(revision, tips: tips, style: style)
                    + (seriesName.map { " " + style.dim("[\(Terminal.sanitize($0))]") } ?? ""),
                Terminal.sanitize(revision.title ?? "(untitled)"),
            ]
            for link in revision.continues {
                let reason = Terminal.sanitize(link.reason)
                lines.append(style.dim(link.number.map { "parent \($0): \(reason)" } ?? "no parent: \(reason)"))
            }
            return LogGraph<String>.Node(
                id: revision.commit?.hex ?? revision.number, parents: revision.parents.map(\.hex), lines: lines)
        }
        return LogGraph.draw(nodes).map { $0 + "\n" }.joined()
    }

    /// `lineage log --oneline`: `7e2a15da7064 69/28 (tag: A/RES/69/28) Developments in the …`;
    /// with `series`, its name in brackets before the title (`[developments-in-the-field-of-information]`).
    static func oneline(_ revision: Revision, tips: [(line: String, revision: Revision)], style: Style, series: String? = nil) -> String {
        style.yellow(String(revision.commit?.hex.prefix(12) ?? "?")) + " " + style.bold(revision.number) + " "
            + decorations(revision, tips: tips, style: style) + " "
            + (series.map { style.dim("[\(Terminal.sanitize($0))]") + " " } ?? "")
            + Terminal.sanitize(revision.title ?? "(untitled)")
    }

    static func text(_ history: History, style: Style) throws(LineageError) -> String {
        var out = ""
        try text(history, style: style) { out += $0 }
        return out
    }

    /// `lineage log`, newest first, handed to `write` one revision at a time.
    static func text(_ history: History, style: Style, write: (String) -> Void) throws(LineageError) {
        let tips = history.tips
        for (i, revision) in history.revisions.reversed().enumerated() {
            write((i > 0 ? "\n" : "") + (try entry(revision, in: history, tips: tips, style: style)))
        }
    }

    /// One revision as `lineage log` prints it (and `lineage show` begins): its commit and
    /// decorations, parents of a merge, metadata, line, paragraph counts and title.
    static func entry(_ revision: Revision, in history: History, tips: [(line: String, revision: Revision)], style: Style) throws(LineageError) -> String {
        var out = style.yellow("commit \(revision.commit?.hex ?? "?")") + " " + decorations(revision, tips: tips, style: style) + "\n"
        if revision.parents.count > 1 {
            out += "Merge:      " + history.parents(of: revision).map(\.number).joined(separator: " ") + "\n"
        }
        out += "Resolution: \(revision.number)  \(revision.symbol)\n"
        var adopted = "Adopted:    \(revision.adopted?.iso ?? "unknown")"
        var context: [String] = []
        if let s = revision.session { context.append("session \(s)") }
        if let m = revision.meeting { context.append("\(Ordinal.english(m)) plenary meeting") }
        if !context.isEmpty { adopted += " (\(context.joined(separator: ", ")))" }
        switch revision.dateSource {
        case .text: break
        case .citedBy(let symbol): adopted += ", date cited by \(symbol)"
        case .supplied: adopted += ", date supplied by the user"
        }
        out += adopted + "\n"
        let c = try revision.readCounts()
        if let line = revision.line { out += "Line:       \(Terminal.sanitize(line))\n" }
        // The series, when the repository holds several.
        if history.series.count > 1, let series = history.series(of: revision) {
            out += "Series:     \(Terminal.sanitize(series.name))\n"
        }
        out += "Paragraphs: \(c.preambular) preambular, \(c.operative) operative, \(c.subparagraphs) sub-paragraphs, \(c.footnotes) footnotes\n"
        // Shown when the source gave them (the UN's Akoma Ntoso).
        if let draft = revision.draft { out += "Draft:      \(Terminal.sanitize(draft))\n" }
        if !revision.sponsors.isEmpty { out += "Sponsors:   \(WhoAndHow.sponsors(revision.sponsors))\n" }
        if let adoption = revision.adoption { out += "Adoption:   \(Terminal.sanitize(adoption.description))\n" }
        out += "\n    \(Terminal.sanitize(revision.title ?? "(untitled)"))\n"
        return out
    }
}
