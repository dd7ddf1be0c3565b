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
            The phrase is matched ignoring case, spacing, hyphens and dashes ("open ended" finds \
            "Open-ended", "2021-2025" finds "2021–2025"), with curly and straight quotes alike, in the \
            paragraphs of every revision of every series (and footnotes with --footnotes; a phrase found only in \
            footnotes says so); in a repository of several series, each line names the series \
            (`series` in JSON and CSV). Text output lists \
            the revisions where the phrase is present or disappears, oldest first, with the \
            addresses of the paragraphs that contain it; --format json and csv list every revision.
            """)

    @Argument(help: "The words to look for (quote them).") var phrase: String
    @Flag(help: "Search the footnotes too.") var footnotes = false
    @OptionGroup var repository: RepositoryOptions
    @Option(help: OutputFormat.help) var format: OutputFormat = .text
    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if PhrasePattern(phrase).isEmpty { throw ValidationError("the phrase to search for is empty") }
    }

    /// Text and JSON are written revision by revision as the search goes (the JSON array one
    /// element at a time, the same text as rendering it whole), so memory does not grow with what
    /// is found; Markdown states the summary first, so it collects the search.
    func run() throws {
        let store = try LineageRepository.open(repository.repo)
        switch format {
        case .json:
            let head = "{\n  \"phrase\": " + JSONValue.string(phrase).rendered(nestedAt: 1) + ",\n  \"revisions\": "
            guard !store.history.revisions.isEmpty else { return print(head + "[]\n}") }
            print(head + "[\n    ", terminator: "")
            var first = true
            try store.search(phrase, footnotes: footnotes) { occurrence in
                if !first { print(",\n    ", terminator: "") }
                first = false
                print(PhraseSearch.json(occurrence, searchedFootnotes: footnotes).rendered(nestedAt: 2), terminator: "")
            }
            print("\n  ]\n}")
        case .csv:
            print(CSV.row(["revision", "adopted", "present", "event", "labels", "clauses", "footnotes", "series"]), terminator: "")
            try store.search(phrase, footnotes: footnotes) { o in
                print(CSV.row([
                    o.revision.number, o.revision.adopted?.iso ?? "", o.present ? "true" : "false", o.event?.rawValue ?? "",
                    o.paragraphs.map(\.label).joined(separator: " "), o.paragraphs.map(\.clause).joined(separator: " "),
                    o.footnotes.map(\.mark).joined(separator: " "), o.series ?? "",
                ]), terminator: "")
            }
        case .markdown: print(SearchView.markdown(try store.search(phrase, footnotes: footnotes)), terminator: "")
        case .text:
            var view = SearchView.Text(
                phrase: phrase, style: Style(enabled: colors.enabled),
                width: max(5, store.history.revisions.map(\.number.count).max() ?? 5), namesSeries: store.history.series.count > 1)
            try store.search(phrase, footnotes: footnotes) { print(view.line($0), terminator: "") }
            print(view.last, terminator: "")
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
        summary(
            present: search.presentIn.count, total: search.revisions.count,
            events: search.revisions.compactMap { o in o.event.map { "\($0.rawValue) in \(o.revision.number)" } },
            unsearchedFootnotes: search.unsearchedFootnotes, unsearchedCount: search.unsearchedFootnotes.count)
    }

    /// How many footnotes a "found only in footnotes" hint names.
    static let footnotesShown = 5

    /// "present in 3 of 5 revisions: appears in 59/61, …", or "not found in any of the 5
    /// revisions", with where it is in footnotes that were not searched, if anywhere.
    /// `unsearchedFootnotes`: the first of them (`76/19 [^2]`); `unsearchedCount`: how many in all.
    static func summary(
        present: Int, total: Int, events: [String], unsearchedFootnotes: [String] = [], unsearchedCount: Int = 0
    ) -> String {
        guard present > 0 else {
            var out = "not found in any of the \(total) revision\(total == 1 ? "" : "s")"
            if !unsearchedFootnotes.isEmpty {
                let shown = unsearchedFootnotes.prefix(footnotesShown).joined(separator: ", ")
                let count = max(unsearchedCount, unsearchedFootnotes.count)
                let more = count > footnotesShown ? " and \(count - footnotesShown) more" : ""
                out += "; found only in footnotes: \(shown)\(more) (search them with --footnotes)"
            }
            return out
        }
        let shown = events.count > eventsShown
            ? events.prefix(eventsShown).joined(separator: ", ") + " and \(events.count - eventsShown) more events"
            : events.joined(separator: ", ")
        return "present in \(present) of \(total) revision\(total == 1 ? "" : "s"): " + shown
    }

    /// How many events the summary names (a phrase common to a record of many series has
    /// hundreds; the lines above list them all).
    static let eventsShown = 12

    static func text(_ search: PhraseSearch, style: Style) -> String {
        var view = Text(phrase: search.phrase, style: style, width: max(5, search.revisions.map(\.revision.number.count).max() ?? 5))
        return search.revisions.map { view.line($0) }.joined() + view.last
    }

    /// The text view, one occurrence at a time: a line for each revision where the phrase is
    /// present or that has an event, then (``last``) the phrase and its summary. Keeps only the
    /// counts and the events.
    struct Text {
        let phrase: String
        let style: Style
        /// The width of the revision column: the longest revision number (at least 5).
        let width: Int
        /// Whether each line names its revision's series (a repository of several).
        let namesSeries: Bool
        private let eventWidth = PhraseSearch.Event.allCases.map(\.rawValue.count).max() ?? 10
        private var present = 0, total = 0
        private var events: [String] = []
        private var unsearchedFootnotes: [String] = []
        private var unsearchedCount = 0

        init(phrase: String, style: Style, width: Int, namesSeries: Bool = false) {
            self.phrase = phrase
            self.style = style
            self.width = width
            self.namesSeries = namesSeries
        }

        /// The line of one occurrence ("" for a revision without the phrase nor an event).
        mutating func line(_ occurrence: PhraseSearch.Occurrence) -> String {
            total += 1
            if occurrence.present { present += 1 }
            if let event = occurrence.event { events.append("\(event.rawValue) in \(occurrence.revision.number)") }
            for mark in occurrence.unsearchedFootnotes {
                unsearchedCount += 1
                if unsearchedFootnotes.count < SearchView.footnotesShown {
                    unsearchedFootnotes.append("\(occurrence.revision.number) [^\(mark)]")
                }
            }
            guard occurrence.present || occurrence.event != nil else { return "" }
            let where_ = places(occurrence)
            let raw = occurrence.event?.rawValue ?? "present"
            let word = where_.isEmpty ? raw : raw.padded(eventWidth)
            let painted: String
            switch occurrence.event {
            case .appears?, .returns?: painted = style.green(word)
            case .disappears?: painted = style.red(word)
            case nil: painted = style.dim(word)
            }
            let series = namesSeries ? occurrence.series.map { "  " + style.dim("[\(Terminal.sanitize($0))]") } ?? "" : ""
            return style.yellow(occurrence.revision.number.padded(width)) + "  " + painted
                + (where_.isEmpty ? "" : "  " + Terminal.sanitize(where_)) + series + "\n"
        }

        /// The closing line: the phrase and the summary of everything seen.
        var last: String {
            style.bold("\"\(Terminal.sanitize(phrase))\"") + ": "
                + Terminal.sanitize(summary(
                    present: present, total: total, events: events, unsearchedFootnotes: unsearchedFootnotes,
                    unsearchedCount: unsearchedCount)) + "\n"
        }
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
