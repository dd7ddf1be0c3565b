import Foundation
import Lineage
import ResolutionText

/// How `lineage build` reports what it did.
enum BuildSummary {
    static func json(_ report: BuildReport) -> JSONValue {
        .object([
            ("repository", .string(absolute(report.repositoryPath))),
            ("created", .bool(report.created)),
            ("committed", .array(report.committed.map(\.json))),
            ("recommitted", .array(report.recommitted.map { .string($0) })),
            ("unchanged", .int(report.unchanged)),
            ("reread", .bool(report.reread)),
            ("lineageComputed", .int(report.lineageComputed)),
            ("wordingsIndexed", .int(report.wordingsIndexed)),
            ("head", report.head?.json ?? .null),
        ])
    }

    /// One row per revision committed: `committed` (new) or `recommitted` (its parents changed).
    static func csv(_ report: BuildReport) -> String {
        var out = CSV.row(["action", "commit", "adopted", "symbol", "number", "date_source"])
        for r in report.committed {
            out += CSV.row([
                report.recommitted.contains(r.number) ? "recommitted" : "committed", r.commit?.hex ?? "", r.adopted?.iso ?? "",
                r.symbol, r.number, dateSource(r),
            ])
        }
        return out
    }

    /// The revisions committed as a table, then the state of the repository.
    static func markdown(_ report: BuildReport) -> String {
        var out = ""
        if report.committed.isEmpty {
            out += "Nothing to commit: all \(report.unchanged) input(s) already stored.\n"
        } else {
            out += "| | commit | adopted | symbol | date |\n|---|---|---|---|---|\n"
            for r in report.committed {
                let marker = report.recommitted.contains(r.number) ? "re-committed" : "committed"
                let cells = [marker, String(r.commit?.hex.prefix(12) ?? "?"), r.adopted?.iso ?? "?", r.symbol, dateSource(r)]
                out += "| " + cells.map { Redline.escapeMarkdown(Terminal.sanitize($0)) }.joined(separator: " | ") + " |\n"
            }
        }
        let head = report.history.last
        out += "\n\(report.history.count) revision(s) in `\(Terminal.sanitize(absolute(report.repositoryPath)))`"
        if let head { out += ", head \(head.symbol) (`\(head.commit.map { String($0.hex.prefix(12)) } ?? "?")`)" }
        return out + ".\n"
    }

    /// Where the adoption date came from: `text`, `cited by A/RES/63/37`, `supplied`.
    static func dateSource(_ r: Revision) -> String {
        switch r.dateSource {
        case .text: return "text"
        case .citedBy(let symbol): return "cited by \(symbol)"
        case .supplied: return "supplied"
        }
    }

    static func text(_ report: BuildReport, style: Style) -> String {
        var out = ""
        let repo = absolute(report.repositoryPath)
        if report.reread {
            var done: [String] = []
            if report.lineageComputed > 0 { done.append("computed the lineage of \(report.lineageComputed) (\(LineageNotes.reference))") }
            if report.wordingsIndexed > 0 { done.append("indexed the wordings of \(report.wordingsIndexed) (\(WordingOrigin.reference))") }
            out += done.isEmpty
                ? "Re-read \(report.unchanged) revision(s): the lineage is up to date; nothing written.\n"
                : "Re-read \(report.unchanged) revision(s): \(done.joined(separator: " and ")); no commit, branch or tag moved.\n"
        } else if report.committed.isEmpty {
            out += "Nothing to commit: all \(report.unchanged) input(s) already stored.\n"
            // Lines decided anew (a correction, or a newer lineage's rule) move only branches.
            for (line, to) in report.branchesMoved {
                out += to.map { "branch \(line) -> \($0)\n" } ?? "branch \(line) deleted (its revisions are on other lines)\n"
            }
        } else {
            if !report.recommitted.isEmpty {
                out += "An older resolution was added: re-committing \(report.recommitted.joined(separator: ", ")) after it.\n"
            }
            for revision in report.committed {
                let marker = report.recommitted.contains(revision.number) ? style.yellow("~") : style.green("+")
                out += "\(marker) \(revision.commit.map { String($0.hex.prefix(12)) } ?? "?")  \(revision.adopted?.iso ?? "?")  \(revision.symbol)"
                switch revision.dateSource {
                case .text: break
                case .citedBy(let symbol): out += style.dim("  (date cited by \(symbol))")
                case .supplied: out += style.dim("  (date supplied)")
                }
                out += "\n"
            }
        }
        let head = report.head
        out += "\(report.history.count) revision(s) in \(Terminal.sanitize(repo))"
        if let head { out += ", head \(head.symbol) (\(head.commit.map { String($0.hex.prefix(12)) } ?? "?"))" }
        out += "\n"
        return out
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
