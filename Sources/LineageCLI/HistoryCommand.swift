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
            as a redline, its deletion and any restoration.
            """)

    @Argument(help: ArgumentHelp("REV:ADDRESS, a clause id, or a phrase of the clause.", valueName: "clause"))
    var clause: String
    @OptionGroup var repository: RepositoryOptions
    @Option(help: "Output format: text, markdown or json.") var format: OutputFormat = .text
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
        case .markdown:
            if let match = history.phraseMatch { print("_\(Redline.escapeMarkdown(Terminal.sanitize(match.description)))._\n") }
            print(ClauseHistoryView.markdown(history), terminator: "")
        case .text:
            if let match = history.phraseMatch { print(style.dim(Terminal.sanitize(match.description))) }
            print(ClauseHistoryView.text(history, style: style), terminator: "")
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

    /// "5 versions, introduced in 59/61, last changed in 69/28".
    static func summary(_ history: ClauseHistory) -> String {
        var parts = ["\(history.versions.count) version\(history.versions.count == 1 ? "" : "s")"]
        if let first = history.versions.first { parts.append("\(first.status) in \(first.revision.number)") }
        if let changed = history.versions.dropFirst().last(where: { $0.status != "unchanged" }) {
            parts.append("\(changed.present ? "last changed" : changed.status) in \(changed.revision.number)")
        }
        return parts.joined(separator: ", ")
    }

    /// `op4`, or `op6 → op5` when the address changed.
    static func address(_ version: ClauseHistory.Version) -> String {
        let label = Terminal.sanitize(version.label ?? "?")
        guard let previous = version.previousLabel.map(Terminal.sanitize), previous != label else { return label }
        return "\(previous) → \(label)"
    }

    static func text(_ history: ClauseHistory, style: Style) -> String {
        var out = style.bold("history of clause \(history.clause)") + " (\(now(history))): \(summary(history)), oldest first\n"
        for version in history.versions {
            out += "\n" + style.yellow(version.revision.number) + " " + address(version) + "  " + paint(version.status, style) + "\n"
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

    static func markdown(_ history: ClauseHistory) -> String {
        var out = "## History of clause \(history.clause)\n\n"
        let place = Redline.escapeMarkdown(now(history))
        let lead = history.versions.last?.present == true ? "Now at " + place : place.prefix(1).uppercased() + place.dropFirst()
        out += "\(lead); \(summary(history)), oldest first.\n"
        for version in history.versions {
            let r = version.revision
            out += "\n### \(r.number) (\(r.symbol)): \(Redline.escapeMarkdown(address(version))), \(version.status)\n\n"
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
