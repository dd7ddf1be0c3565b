import Lineage
import LineageCore
import LineageReport
import ResolutionText

/// How changes print in text and Markdown (`diff`, `changelog`).
enum ChangeView {
    /// "3 modified, 1 inserted, 22 unchanged".
    static func summary(_ counts: [(kind: ChangeKind, count: Int)]) -> String {
        counts.isEmpty ? "no paragraphs" : counts.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ")
    }

    static func where_(_ change: ClauseChange) -> String {
        // A merge's old sides name the parent they come from: `73/266:op2`.
        let old = Terminal.sanitize(change.old.map { ($0.revision.map { $0 + ":" } ?? "") + $0.label }.joined(separator: " + "))
        let new = Terminal.sanitize(change.new.map(\.label).joined(separator: " + "))
        switch change.kind {
        case .inserted, .restored: return new
        case .deleted: return old
        default: return old == new ? new : "\(old) → \(new)"
        }
    }

    /// One change in text: a header line, then the redline (or text) indented.
    static func text(_ change: ClauseChange, style: Style) -> String {
        var header = "\(change.kind.rawValue) \(where_(change))"
        if change.kind != .inserted && change.kind != .deleted {
            header += style.dim(" (similarity \(percent(change)))")
        }
        if let clause = change.clause { header += style.dim("  clause \(clause)") }
        let color: (String) -> String
        switch change.kind {
        case .inserted, .restored: color = style.green
        case .deleted: color = style.red
        default: color = style.cyan
        }
        let runs: [WordRun]
        switch change.kind {
        case .inserted: runs = [WordRun(op: .insert, text: change.new.map(\.text).joined(separator: "\n"))]
        case .deleted: runs = [WordRun(op: .delete, text: change.old.map(\.text).joined(separator: "\n"))]
        default: runs = change.words
        }
        var body = Redline.render(runs, mode: style.enabled ? .color : .plain)
        if body.isEmpty { body = Terminal.sanitize(change.new.map(\.text).joined(separator: "\n")) }
        // Split at line feeds byte-wise: the body is sanitized (no carriage return), so each
        // line feed is a character of its own, as a split by characters would find.
        let indented = body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { "    " + String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        return color(header) + "\n" + indented + "\n"
    }

    /// One change as a Markdown list item.
    static func markdown(_ change: ClauseChange) -> String {
        let verb: String
        switch change.kind {
        case .modified: verb = "Reworded"
        case .moved: verb = change.words.contains { $0.op != .equal } ? "Moved and reworded" : "Moved"
        case .inserted: verb = "Inserted"
        case .deleted: verb = "Deleted"
        case .split: verb = "Split"
        case .merged: verb = "Merged"
        case .restored: verb = "Restored"
        case .unchanged: verb = "Unchanged"
        }
        var line = "- **\(verb)** \(where_(change))"
        if change.kind != .inserted && change.kind != .deleted && change.kind != .unchanged {
            line += " _(similarity \(percent(change)))_"
        }
        line += ":\n"
        let body: String
        switch change.kind {
        case .inserted: body = Redline.escapeMarkdown(Terminal.sanitize(change.new.map(\.text).joined(separator: " / ")))
        case .deleted: body = "~~" + Redline.escapeMarkdown(Terminal.sanitize(change.old.map(\.text).joined(separator: " / "))) + "~~"
        default: body = Redline.render(change.words, mode: .markdown).replacingOccurrences(of: "\n", with: " / ")
        }
        return line + "  > " + body + "\n"
    }

    /// The similarity as "85%"; a clause whose words changed never shows as 100% (a change of
    /// stop-words alone, "it" to "were", scores 1).
    static func percent(_ change: ClauseChange) -> String {
        let p = Int((change.similarity * 100).rounded())
        let changed = change.words.contains { $0.op != .equal }
        return "\(changed ? min(p, 99) : p)%"
    }
}
