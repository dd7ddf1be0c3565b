import ArgumentParser
import Foundation
import Lineage

/// `lineage blame [REV]`: for every paragraph, the revision that introduced its clause and the
/// one that last changed it; with `--words`, which revision wrote each run of words.
struct BlameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blame",
        abstract: "Show which revision introduced each clause, and last changed it.",
        discussion: """
            Unlike git blame, a reworded, moved or renumbered clause keeps its origin. For \
            revisions read from the UN's Akoma Ntoso, a legend under the lines says, for each \
            revision that introduced a clause, how it was adopted and who sponsored it (in JSON, \
            `introduced` and `lastChanged` carry `draft`, `sponsors` and `vote`).
            """)

    @Argument(help: "The revision (default: the latest of HEAD's series).") var revision: String?
    @Flag(help: "Show which revision wrote each run of words.") var words = false
    @OptionGroup var repository: RepositoryOptions
    @Option(help: OutputFormat.help) var format: OutputFormat = .text
    @OptionGroup var colors: ColorOptions

    func run() throws {
        let store = try LineageRepository.open(repository.repo)
        guard let latest = store.history.latestOfDefaultSeries else { throw LineageError.emptyHistory(repository.repo) }
        let target = try revision.map { name throws(LineageError) in try store.revision(named: name) } ?? latest
        var blame = try store.blame(target)
        blame.firstSeen = try store.firstSeenElsewhere(blame)
        if store.wordingsComputedNow > 0 {
            Terminal.standardError.writeMessage(
                "note: the wording index does not cover \(store.wordingsComputedNow) revision(s), read now; "
                    + "`lineage build --repo \(repository.repo)` makes this fast\n")
        }
        let style = Style(enabled: colors.enabled)
        let palette = SessionPalette(store.history.revisions.map(\.number))
        switch format {
        case .json: print(blame.json(words: words).rendered())
        case .csv:
            // One row per paragraph; with --words, one per run of words.
            if words {
                print(CSV.row(["label", "clause", "introduced", "text"]), terminator: "")
                for line in blame.paragraphs {
                    for run in line.words { print(CSV.row([line.label, line.clause, run.introduced, run.text]), terminator: "") }
                }
            } else {
                print(CSV.row(["index", "label", "kind", "clause", "introduced", "introduced_adopted", "last_changed", "last_changed_adopted", "text"]), terminator: "")
                for line in blame.paragraphs {
                    print(CSV.row([
                        String(line.paragraph.index), line.label, line.paragraph.kind.rawValue, line.clause,
                        line.introduced.number, line.introduced.adopted?.iso ?? "",
                        line.lastChanged.number, line.lastChanged.adopted?.iso ?? "", line.paragraph.text,
                    ]), terminator: "")
                }
            }
        case .markdown:
            print("## Blame of \(target.symbol)\n")
            print("| clause | introduced | last changed | text |\n|---|---|---|---|")
            for line in blame.paragraphs {
                let text = words
                    ? line.words.map { "\(Redline.escapeMarkdown(Terminal.sanitize($0.text))) <sub>\($0.introduced)</sub>" }.joined()
                    : Redline.escapeMarkdown(Terminal.sanitize(line.paragraph.text))
                        + (blame.firstSeen[line.paragraph.index].map { " <sub>first seen in \(Redline.escapeMarkdown(Terminal.sanitize($0.address)))</sub>" } ?? "")
                print("| \(Redline.escapeMarkdown(Terminal.sanitize(line.label))) | \(line.introduced.number) | \(line.lastChanged.number) | \(text) |")
            }
        case .text:
            let width = max(6, store.history.revisions.map(\.number.count).max() ?? 6)
            for line in blame.paragraphs {
                let intro = palette.paint(line.introduced.number.padded(width), line.introduced.number, style)
                let last = palette.paint(line.lastChanged.number.padded(width), line.lastChanged.number, style)
                print("\(intro) \(last) \(Terminal.sanitize(line.label).padded(7)) \(Terminal.sanitize(line.paragraph.text))")
                if let seen = blame.firstSeen[line.paragraph.index] {
                    print(String(repeating: " ", count: 2 * width + 10) + style.dim(BlameView.firstSeen(seen)))
                }
                if words {
                    for run in line.words {
                        let text = Terminal.sanitize(run.text).trimming(" ")
                        print("    " + palette.paint(run.introduced.padded(width), run.introduced, style) + "  " + text)
                    }
                }
            }
            // Who proposed each introducing revision and how it was adopted, when the source says.
            let introducing = blame.paragraphs.map(\.introduced)
            if introducing.contains(where: \.hasAdoptionRecord) {
                let order = Dictionary(store.history.revisions.enumerated().map { ($1.number, $0) }) { a, _ in a }
                let legend = WhoAndHow.legend(introducing.sorted { (order[$0.number] ?? 0) < (order[$1.number] ?? 0) }, width: width)
                print(legend, terminator: "")
            }
        }
    }
}

/// How `blame` says where a clause's wording was first seen, outside its series.
enum BlameView {
    /// `first seen in 74/12:op4 (2019-12-18, series human-rights, 100%)`.
    static func firstSeen(_ o: WordingOrigin.Occurrence) -> String {
        "first seen in \(Terminal.sanitize(o.address)) (\(o.revision.adopted?.iso ?? "-"), series \(Terminal.sanitize(o.series)), "
            + "\(OriginView.percent(o.similarity)))"
    }
}

/// One colour per revision, cycling through six, so runs of one session read alike.
struct SessionPalette {
    let codes: [String: String]

    init(_ numbers: [String]) {
        let cycle = ["36", "33", "35", "32", "34", "31"]
        codes = Dictionary(numbers.enumerated().map { ($1, cycle[$0 % cycle.count]) }) { a, _ in a }
    }

    func paint(_ text: String, _ number: String, _ style: Style) -> String {
        style.paint(text, codes[number] ?? "0")
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
