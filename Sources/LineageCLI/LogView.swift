import Lineage
import ResolutionText

/// How `lineage log` prints the history.
enum LogView {
    static func json(_ history: History) -> JSONValue {
        .array(history.revisions.reversed().map(\.logJSON))
    }

    static func text(_ history: History, style: Style) -> String {
        var out = ""
        for (i, revision) in history.revisions.reversed().enumerated() {
            if i > 0 { out += "\n" }
            let r = revision.resolution
            var decorations = ["tag: " + revision.symbol]
            if i == 0 { decorations.insert("main", at: 0) }
            out += style.yellow("commit \(revision.commit?.hex ?? "?")")
            out += " " + style.yellow("(") + decorations.map { style.cyan($0) }.joined(separator: style.yellow(", ")) + style.yellow(")") + "\n"
            out += "Resolution: \(revision.number)  \(revision.symbol)\n"
            var adopted = "Adopted:    \(revision.adopted?.iso ?? "unknown")"
            var context: [String] = []
            if let s = r.session { context.append("session \(s)") }
            if let m = r.meeting { context.append("\(Ordinal.english(m)) plenary meeting") }
            if !context.isEmpty { adopted += " (\(context.joined(separator: ", ")))" }
            switch revision.dateSource {
            case .text: break
            case .citedBy(let symbol): adopted += ", date cited by \(symbol)"
            case .supplied: adopted += ", date supplied by the user"
            }
            out += adopted + "\n"
            let c = revision.counts
            out += "Paragraphs: \(c.preambular) preambular, \(c.operative) operative, \(c.subparagraphs) sub-paragraphs, \(c.footnotes) footnotes\n"
            out += "\n    \(Terminal.sanitize(r.title ?? "(untitled)"))\n"
        }
        return out
    }
}

/// English ordinals: 1st, 2nd, 3rd, 11th, 62nd.
enum Ordinal {
    static func english(_ n: Int) -> String {
        let suffix: String
        switch (n % 100, n % 10) {
        case (11...13, _): suffix = "th"
        case (_, 1): suffix = "st"
        case (_, 2): suffix = "nd"
        case (_, 3): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
