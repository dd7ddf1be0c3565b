import Lineage
import LineageCore

/// A revision's changes against its parent (a merge's against the union of its parents, each old
/// paragraph named with its parent: `73/266 pp6`) as a legal-style redline, in the new revision's
/// reading order: inserted words underlined, deleted words struck through, a moved clause shown
/// where it landed (double underline) and marked where it left (with links between the two), runs
/// of unchanged clauses folded into `<details>`.
enum RedlineHTML {
    /// One row of the redline.
    private enum Row {
        case change(ClauseChange)
        /// Where a moved clause stood in the parent.
        case movedFrom(ClauseChange)
    }

    /// Writes the redline; `anchor` prefixes the ids of the rows (unique per revision); `parents`
    /// orders the old paragraphs of a merge (first parent's first). Each clause of the revision
    /// is citable at ``HTMLReport/clauseAnchor(_:_:)`` of `revision` and its address (`#r76-19-op1`).
    static func render(_ m: inout Markup, changes: [ClauseChange], parents: [String] = [], anchor: String, revision: String) {
        var pending: [Row] = []
        func flushUnchanged() {
            guard !pending.isEmpty else { return }
            let labels = pending.compactMap { row -> String? in
                if case .change(let c) = row { return c.new.first?.label }
                return nil
            }
            let range = labels.count == 1 ? labels[0] : "\(labels.first ?? "") – \(labels.last ?? "")"
            m.newline()
            m.element("details", ["class": "unchanged"]) { m in
                m.element("summary", text: "\(pending.count) unchanged clause\(pending.count == 1 ? "" : "s"): \(range)")
                for row in pending { self.row(&m, row, anchor: anchor, revision: revision) }
            }
            pending = []
        }
        for row in rows(changes, parents: parents) {
            if case .change(let c) = row, c.kind == .unchanged {
                pending.append(row)
            } else {
                flushUnchanged()
                m.newline()
                self.row(&m, row, anchor: anchor, revision: revision)
            }
        }
        flushUnchanged()
    }

    /// The changes with a marker inserted where each moved clause stood: before the first change
    /// (not itself moved) of an old paragraph that came after it (in the parent's order, the first
    /// parent's paragraphs before the next's for a merge).
    private static func rows(_ changes: [ClauseChange], parents: [String]) -> [Row] {
        func position(_ side: ClauseChange.Side) -> Int {
            (side.revision.flatMap { parents.firstIndex(of: $0) } ?? 0) * 1_000_000 + side.index
        }
        var moved = changes.filter { $0.kind == .moved && !$0.old.isEmpty }.sorted { position($0.old[0]) < position($1.old[0]) }
        var out: [Row] = []
        for change in changes {
            if change.kind != .moved, let first = change.old.map(position).min() {
                while let next = moved.first, position(next.old[0]) < first { out.append(.movedFrom(moved.removeFirst())) }
            }
            out.append(.change(change))
        }
        out += moved.map { .movedFrom($0) }
        return out
    }

    private static func id(_ anchor: String, _ change: ClauseChange, _ suffix: String) -> String {
        "\(anchor)-\(Escape.identifier(change.clause ?? change.new.first?.label ?? change.old.first?.label ?? "x"))-\(suffix)"
    }

    /// The id of a change's row: the citable address of its (first) new paragraph in `revision`
    /// (`r76-19-op1`), or, for a deletion, the revision's anchor, the clause and `deleted`.
    private static func rowID(_ anchor: String, _ change: ClauseChange, revision: String) -> String {
        guard let first = change.new.first else { return id(anchor, change, "deleted") }
        return HTMLReport.clauseAnchor(revision, first.label)
    }

    private static func row(_ m: inout Markup, _ row: Row, anchor: String, revision: String) {
        switch row {
        case .movedFrom(let change):
            m.element("div", ["class": "clause k-moved-away", "id": id(anchor, change, "from")]) { m in
                m.element("div", ["class": "meta"]) { m in
                    m.element("span", ["class": "addr"], text: change.old.map(label).joined(separator: " + "))
                    m.element("span", ["class": "kind"], text: "moved away")
                    m.text(" to ")
                    m.element("a", ["href": "#" + rowID(anchor, change, revision: revision)], text: (change.new.first?.label ?? "") + " ↓")
                }
                m.element("p", ["class": "text moved-text"]) { m in writeText(&m, change.old.map(\.text).joined(separator: "\n")) }
            }
        case .change(let change):
            let kind = change.kind
            m.element("div", ["class": "clause k-\(kind.rawValue)", "id": rowID(anchor, change, revision: revision)]) { m in
                m.element("div", ["class": "meta"]) { m in
                    if change.new.isEmpty {
                        m.element("span", ["class": "addr"], text: address(change))
                    } else {
                        m.element("a", ["class": "addr", "href": "#" + rowID(anchor, change, revision: revision), "title": "link to \(revision) \(change.new[0].label)"],
                                  text: address(change))
                    }
                    m.element("span", ["class": "kind"], text: verb(change))
                    if kind == .moved, let from = change.old.first {
                        m.text(" from ")
                        m.element("a", ["href": "#" + id(anchor, change, "from")], text: label(from) + " ↑")
                    }
                    if ![.inserted, .deleted, .unchanged].contains(kind) {
                        m.element("span", ["class": "sim"], text: "\(percent(change)) similar")
                    }
                    if let clause = change.clause { m.element("span", ["class": "cid"], text: "clause \(clause)") }
                }
                m.element("p", ["class": "text"]) { m in
                    switch kind {
                    case .inserted: m.element("ins") { m in writeText(&m, change.new.map(\.text).joined(separator: "\n")) }
                    case .deleted: m.element("del") { m in writeText(&m, change.old.map(\.text).joined(separator: "\n")) }
                    default:
                        if change.words.isEmpty {
                            writeText(&m, change.new.map(\.text).joined(separator: "\n"))
                        } else {
                            for run in change.words {
                                switch run.op {
                                case .equal: writeText(&m, run.text)
                                case .insert: marked(&m, "ins", run.text)
                                case .delete: marked(&m, "del", run.text)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `<ins>` or `<del>` around the words of `text`, its leading and trailing spaces left outside,
    /// so that only words are underlined or struck through.
    private static func marked(_ m: inout Markup, _ element: String, _ text: String) {
        let lead = text.prefix { $0 == " " || $0 == "\n" }
        let rest = text.dropFirst(lead.count)
        let trail = String(rest.reversed().prefix { $0 == " " || $0 == "\n" }.reversed())
        let core = rest.dropLast(trail.count)
        writeText(&m, String(lead))
        if !core.isEmpty { m.element(element) { m in writeText(&m, String(core)) } }
        writeText(&m, trail)
    }

    /// Text with its line breaks (between the parts of a split or merge) as `<br>`.
    static func writeText(_ m: inout Markup, _ text: String) {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { m.empty("br", void: true) }
            m.text(String(line))
        }
    }

    /// An old paragraph's address, with the parent it comes from for a merge: `73/266 pp6`.
    static func label(_ side: ClauseChange.Side) -> String {
        side.revision.map { "\($0) \(side.label)" } ?? side.label
    }

    /// `op4`, `pp11 → pp12` (renumbered or moved), `op3 → op3 + op4` (split); for a merge, the old
    /// side names its parent: `73/266 pp6 → pp2`.
    static func address(_ change: ClauseChange) -> String {
        let old = change.old.map(label).joined(separator: " + ")
        let new = change.new.map(\.label).joined(separator: " + ")
        switch change.kind {
        case .inserted, .restored: return new
        case .deleted: return old
        default: return old == new || old.isEmpty ? new : "\(old) → \(new)"
        }
    }

    static func verb(_ change: ClauseChange) -> String {
        switch change.kind {
        case .unchanged: return change.old.map(\.label) == change.new.map(\.label) ? "unchanged" : "renumbered"
        case .modified: return "reworded"
        case .moved: return change.words.contains { $0.op != .equal } ? "moved and reworded" : "moved"
        case .inserted: return "inserted"
        case .deleted: return "deleted"
        case .split: return "split"
        case .merged: return "merged"
        case .restored: return "restored"
        }
    }

    /// The similarity as "85%"; a clause whose words changed never shows as 100%.
    static func percent(_ change: ClauseChange) -> String {
        let p = Int((change.similarity * 100).rounded())
        return "\(change.words.contains { $0.op != .equal } ? min(p, 99) : p)%"
    }
}
