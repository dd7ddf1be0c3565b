import ArgumentParser
import Lineage
import ResolutionText

/// `lineage search PHRASE`: the revisions in which a phrase appears, disappears and returns,
/// like `git log -S`.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Show the revisions in which a phrase appears, disappears and returns.",
        discussion: """
            The phrase is matched ignoring case and spacing, with curly and straight quotes alike, \
            in the paragraphs of every revision (and footnotes with --footnotes). Text output lists \
            the revisions where the phrase is present or disappears, oldest first, with the \
            addresses of the paragraphs that contain it; --format json lists every revision.
            """)

    @Argument(help: "The words to look for (quote them).") var phrase: String
    @Flag(help: "Search the footnotes too.") var footnotes = false
    @OptionGroup var repository: RepositoryOptions
    @Option(help: "Output format: text, markdown or json.") var format: OutputFormat = .text
    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if PhrasePattern(phrase).isEmpty { throw ValidationError("the phrase to search for is empty") }
    }

    func run() throws {
        let store = try LineageRepository.open(repository.repo)
        let search = try store.search(phrase, footnotes: footnotes)
        switch format {
        case .json: print(search.json.rendered())
        case .markdown: print(SearchView.markdown(search), terminator: "")
        case .text: print(SearchView.text(search, style: Style(enabled: colors.enabled)), terminator: "")
        }
    }
}

/// How `lineage search` prints where a phrase occurs.
enum SearchView {
    /// `op4, op5, [^1]`: the paragraphs, then the footnotes, that contain the phrase.
    static func places(_ occurrence: PhraseSearch.Occurrence) -> String {
        (occurrence.paragraphs.map(\.label) + occurrence.footnotes.map { "[^\($0.mark)]" }).joined(separator: ", ")
    }

    /// "present in 2 of 5 revisions: appears in 59/61, disappears in 61/54".
    static func summary(_ search: PhraseSearch) -> String {
        let present = search.presentIn.count, total = search.revisions.count
        guard present > 0 else { return "not found in any of the \(total) revision\(total == 1 ? "" : "s")" }
        let events = search.revisions.compactMap { o in o.event.map { "\($0.rawValue) in \(o.revision.number)" } }
        return "present in \(present) of \(total) revision\(total == 1 ? "" : "s"): " + events.joined(separator: ", ")
    }

    static func text(_ search: PhraseSearch, style: Style) -> String {
        let width = max(5, search.revisions.map(\.revision.number.count).max() ?? 5)
        let eventWidth = PhraseSearch.Event.allCases.map(\.rawValue.count).max() ?? 10
        var out = ""
        for occurrence in search.revisions where occurrence.present || occurrence.event != nil {
            let where_ = places(occurrence)
            let raw = occurrence.event?.rawValue ?? "present"
            let word = where_.isEmpty ? raw : raw.padded(eventWidth)
            let painted: String
            switch occurrence.event {
            case .appears?, .returns?: painted = style.green(word)
            case .disappears?: painted = style.red(word)
            case nil: painted = style.dim(word)
            }
            out += style.yellow(occurrence.revision.number.padded(width)) + "  " + painted
            out += (where_.isEmpty ? "" : "  " + Terminal.sanitize(where_)) + "\n"
        }
        out += style.bold("\"\(Terminal.sanitize(search.phrase))\"") + ": " + summary(search) + "\n"
        return out
    }

    static func markdown(_ search: PhraseSearch) -> String {
        var out = "## \u{201C}\(Redline.escapeMarkdown(Terminal.sanitize(search.phrase)))\u{201D}\n\n"
        out += summary(search).prefix(1).uppercased() + summary(search).dropFirst() + ".\n\n"
        out += "| revision | present | event | where |\n|---|---|---|---|\n"
        for o in search.revisions {
            out += "| \(o.revision.number) | \(o.present ? "yes" : "no") | \(o.event?.rawValue ?? "") | \(Redline.escapeMarkdown(Terminal.sanitize(places(o)))) |\n"
        }
        return out
    }
}
