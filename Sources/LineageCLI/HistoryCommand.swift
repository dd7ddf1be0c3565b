import ArgumentParser
import Lineage
import LineageCore
import ResolutionText

/// `lineage history CLAUSE`: every version of one clause, oldest first, with the word changes
/// between consecutive versions, like `git log -L` for a function.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every version of one clause, oldest first, with the word changes between versions.",
        discussion: """
            CLAUSE is a revision and an address (69/28:op4, 69/28:pp11, 69/28:op3(b)), a clause id \
            (59/61#20), or a quoted phrase of the clause's text ("Definition of basic notions"): the \
            latest revision of each line is searched first, then all of them, ignoring case, spacing, \
            hyphens and dashes; the output starts by saying which paragraph the phrase matched. A \
            phrase found in several clauses is refused with the candidates and an excerpt of each. Versions are listed oldest \
            first, so the history reads as a story: where the clause was introduced, each rewording \
            as a redline, its deletion and any restoration. Each version says what it is compared \
            with: the clause in the parent the build aligned it with (at a merge, the parent whose \
            text it took, as the changelog says), and, when its source says (the UN's Akoma \
            Ntoso), how that revision was adopted and who sponsored it. A clause is followed \
            within its series. Runs of unchanged versions are folded into one \
            line; --all-versions lists each.
            """)

    @Argument(help: ArgumentHelp("REV:ADDRESS, a clause id, or a phrase of the clause.", valueName: "clause"))
    var clause: String
    @Flag(help: "List every unchanged version instead of folding runs of them (text and Markdown).")
    var allVersions = false
    @OptionGroup var repository: RepositoryOptions
    @Option(help: OutputFormat.help) var format: OutputFormat = .text
    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if clause.allSatisfy(\.isWhitespace) { throw ValidationError("name a clause: REV:ADDRESS or a phrase of its text") }
    }

    func run() throws {
        let store = try LineageRepository.open(repository.repo)
        let history = try store.clauseHistory(named: clause)
        let style = Style(enabled: colors.enabled)
        // A phrase says which clause it matched, first.
        switch format {
        case .json:
            var json = history.json
            if let match = history.phraseMatch, case .object(var members) = json {
                members.insert(("phraseMatch", match.json), at: 1)
                json = .object(members)
            }
            print(json.rendered())
        case .csv: print(ClauseHistoryView.csv(history), terminator: "")
        case .markdown:
            if let match = history.phraseMatch { print("_\(Redline.escapeMarkdown(Terminal.sanitize(match.description)))._\n") }
            print(ClauseHistoryView.markdown(history, fold: !allVersions), terminator: "")
        case .text:
            if let match = history.phraseMatch { print(style.dim(Terminal.sanitize(match.description))) }
            print(ClauseHistoryView.text(history, style: style, fold: !allVersions), terminator: "")
        }
    }
}

/// How `lineage history` prints a clause's versions.
enum ClauseHistoryView {
    /// Where the clause stands at the end of the history: "69/28:op4", "deleted in 61/54" or
    /// "merged into 65/41:op2".
    static func now(_ history: ClauseHistory) -> String {
        guard let last = history.versions.last else { return "nowhere" }
        let place = "\(last.revision.number):\(last.label ?? "?")"
        if last.present { return place }
        return last.status == "merged" ? "merged into \(place)" : "deleted in \(last.revision.number)"
    }

    /// "5 versions, introduced in 59/61, last changed in 69/28": the introducing and last-changing
    /// revisions are the ones `blame` gives (moves and editorial revisions do not change a clause).
    static func summary(_ history: ClauseHistory) -> String {
        var parts = ["\(history.versions.count) version\(history.versions.count == 1 ? "" : "s")"]
        if let first = history.versions.first { parts.append("\(first.status) in \(first.revision.number)") }
        if let last = history.versions.last, !last.present {
            parts.append("\(last.status) in \(last.revision.number)")
        } else if let changed = history.lastChanged, history.versions.count > 1 {
            parts.append("last changed in \(Terminal.sanitize(changed))")
        }
        return parts.joined(separator: ", ")
    }

    /// `op4`, or `op6 → op5` when the address changed.
    static func address(_ version: ClauseHistory.Version) -> String {
        let label = Terminal.sanitize(version.label ?? "?")
        guard let previous = version.previousLabel.map(Terminal.sanitize), previous != label else { return label }
        return "\(previous) → \(label)"
    }

    /// "compared with 73/266:pp12", and "(editorial)" for a change the corrections mark editorial.
    static func comparison(_ version: ClauseHistory.Version) -> String {
        var parts: [String] = []
        if let place = version.comparedWith { parts.append("compared with " + Terminal.sanitize(place.description)) }
        if version.editorial { parts.append("editorial: not counted as a change") }
        return parts.joined(separator: "; ")
    }

    /// The versions as printed: each one alone, or a run of unchanged ones folded (when `fold`).
    enum Entry {
        case version(ClauseHistory.Version)
        case unchanged([ClauseHistory.Version])
    }

    static func entries(_ history: ClauseHistory, fold: Bool) -> [Entry] {
        guard fold else { return history.versions.map(Entry.version) }
        var out: [Entry] = []
        for version in history.versions {
            if version.status == "unchanged" {
                if case .unchanged(let run)? = out.last {
                    out[out.count - 1] = .unchanged(run + [version])
                } else {
                    out.append(.unchanged([version]))
                }
            } else {
                out.append(.version(version))
            }
        }
        return out
    }

    /// "unchanged in 61/54 … 65/41 (3 versions)", "unchanged in 63/37", with the renumbering if any.
    static func folded(_ run: [ClauseHistory.Version]) -> String {
        guard let first = run.first, let last = run.last else { return "" }
        var out = "unchanged in " + first.revision.number
        if run.count > 1 { out += " … \(last.revision.number) (\(run.count) versions)" }
        let labels = run.compactMap { Terminal.sanitize($0.label ?? "?") }
        var distinct: [String] = []
        for label in labels where distinct.last != label { distinct.append(label) }
        if let previous = first.previousLabel { distinct.insert(Terminal.sanitize(previous), at: 0) }
        out += distinct.count > 1 ? ", renumbered " + distinct.joined(separator: " → ") : ", " + (distinct.first ?? "?")
        return out
    }

    static func text(_ history: ClauseHistory, style: Style, fold: Bool = true) -> String {
        var out = style.bold("history of clause \(Terminal.sanitize(history.clause))") + " (\(now(history))): \(summary(history)), oldest first\n"
        for entry in entries(history, fold: fold) {
            guard case .version(let version) = entry else {
                if case .unchanged(let run) = entry, run.count > 1 || fold {
                    out += "\n" + style.dim(folded(run)) + "\n"
                }
                continue
            }
            var header = style.yellow(version.revision.number) + " " + address(version) + "  " + paint(version.status, style)
            let comparison = comparison(version)
            if !comparison.isEmpty { header += style.dim("  " + comparison) }
            // Who proposed the revision and how it was adopted, when its source says (Akoma Ntoso).
            if version.status != "unchanged", let who = WhoAndHow.summary(version.revision) { header += style.dim("  " + who) }
            out += "\n" + header + "\n"
            let body: String
            if version.status == "unchanged" {
                body = style.dim(version.previousLabel == nil ? "(unchanged)" : "(unchanged, renumbered)")
            } else if version.words.isEmpty {
                body = Terminal.sanitize(version.text ?? "")
            } else {
                body = Redline.render(version.words, mode: style.enabled ? .color : .plain)
            }
            out += body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// One row per version, oldest first.
    static func csv(_ history: ClauseHistory) -> String {
        var out = CSV.row(["clause", "revision", "adopted", "status", "label", "previous_label", "compared_with", "editorial", "text"])
        for v in history.versions {
            let comparedWith = v.comparedWith?.description ?? ""
            out += CSV.row([
                history.clause, v.revision.number, v.revision.adopted?.iso ?? "", v.status, v.label ?? "",
                v.previousLabel ?? "", comparedWith, v.editorial ? "true" : "false", v.text ?? "",
            ])
        }
        return out
    }

    static func markdown(_ history: ClauseHistory, fold: Bool = true) -> String {
        var out = "## History of clause \(Terminal.sanitize(history.clause))\n\n"
        let place = Redline.escapeMarkdown(now(history))
        let lead = history.versions.last?.present == true ? "Now at " + place : place.prefix(1).uppercased() + place.dropFirst()
        out += "\(lead); \(summary(history)), oldest first.\n"
        for entry in entries(history, fold: fold) {
            guard case .version(let version) = entry else {
                if case .unchanged(let run) = entry {
                    let text = folded(run)
                    out += "\n_" + Redline.escapeMarkdown(text.prefix(1).uppercased() + text.dropFirst()) + "._\n"
                }
                continue
            }
            let r = version.revision
            out += "\n### \(r.number) (\(r.symbol)): \(Redline.escapeMarkdown(address(version))), \(version.status)\n\n"
            let comparison = comparison(version)
            if !comparison.isEmpty { out += "_" + Redline.escapeMarkdown(comparison.prefix(1).uppercased() + comparison.dropFirst()) + "._\n\n" }
            if version.status != "unchanged", let who = WhoAndHow.summary(version.revision) {
                out += "_" + Redline.escapeMarkdown(who.prefix(1).uppercased() + who.dropFirst()) + "._\n\n"
            }
            if version.status == "unchanged" {
                out += version.previousLabel == nil ? "_Unchanged._\n" : "_Unchanged, renumbered._\n"
            } else if version.words.isEmpty {
                out += "> " + Redline.escapeMarkdown(Terminal.sanitize(version.text ?? "")) + "\n"
            } else {
                out += "> " + Redline.render(version.words, mode: .markdown).replacingOccurrences(of: "\n", with: " / ") + "\n"
            }
        }
        return out
    }

    /// Insertions and restorations green, deletions red, changes cyan, no change dim.
    static func paint(_ status: String, _ style: Style) -> String {
        switch status {
        case "introduced", "restored": return style.green(status)
        case "deleted": return style.red(status)
        case "unchanged": return style.dim(status)
        default: return style.cyan(status)
        }
    }
}
