import Lineage
import ResolutionText

/// How `lineage log` prints the history.
enum LogView {
    static func json(_ history: History) -> JSONValue {
        .array(history.revisions.reversed().map(\.logJSON))
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
    static func graph(_ revisions: [Revision], tips: [(line: String, revision: Revision)], oneline: Bool = false, style: Style) -> String {
        let nodes = revisions.map { revision in
            if oneline {
                return LogGraph<String>.Node(
                    id: revision.commit?.hex ?? revision.number, parents: revision.parents.map(\.hex),
                    lines: [LogView.oneline(revision, tips: tips, style: style)])
            }
            var lines = [
                style.yellow(String(revision.commit?.hex.prefix(12) ?? "?")) + " " + (revision.adopted?.iso ?? "????-??-??") + " "
                    + style.bold(revision.number) + " " + decorations(revision, tips: tips, style: style),
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

    /// `lineage log --oneline`: `7e2a15da7064 69/28 (tag: A/RES/69/28) Developments in the …`.
    static func oneline(_ revision: Revision, tips: [(line: String, revision: Revision)], style: Style) -> String {
        style.yellow(String(revision.commit?.hex.prefix(12) ?? "?")) + " " + style.bold(revision.number) + " "
            + decorations(revision, tips: tips, style: style) + " " + Terminal.sanitize(revision.title ?? "(untitled)")
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
        out += "Paragraphs: \(c.preambular) preambular, \(c.operative) operative, \(c.subparagraphs) sub-paragraphs, \(c.footnotes) footnotes\n"
        // Shown when the source gave them (the UN's Akoma Ntoso).
        if let draft = revision.draft { out += "Draft:      \(Terminal.sanitize(draft))\n" }
        if !revision.sponsors.isEmpty {
            out += "Sponsors:   \(revision.sponsors.count): \(Terminal.sanitize(revision.sponsors.joined(separator: "; ")))\n"
        }
        if let vote = revision.vote { out += "Vote:       \(Terminal.sanitize(ResolutionSummary.vote(vote)))\n" }
        out += "\n    \(Terminal.sanitize(revision.title ?? "(untitled)"))\n"
        return out
    }
}
