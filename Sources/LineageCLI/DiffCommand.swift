import ArgumentParser
import Lineage
import ResolutionText

/// `lineage diff A B`: the aligned changes between two revisions, with word-level redlines.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the clause-by-clause changes between two revisions, with word redlines.",
        discussion: "Unchanged clauses are counted but not printed (use --format json for all of them).")

    @Argument(help: "The older revision.") var from: String
    @Argument(help: "The newer revision.") var to: String
    @OptionGroup var repository: RepositoryOptions
    @Option(help: "Output format: text, markdown or json.") var format: OutputFormat = .text
    @OptionGroup var colors: ColorOptions

    func run() throws {
        let store = try LineageRepository.open(repository.repo)
        let diff = try store.diff(from: try store.revision(named: from), to: try store.revision(named: to))
        let style = Style(enabled: colors.enabled)
        switch format {
        case .json: print(diff.json.rendered())
        case .markdown:
            print("## \(diff.from.symbol) → \(diff.to.symbol)\n")
            print("\(ChangeView.summary(diff.counts)).\n")
            for change in diff.changes where change.kind != .unchanged { print(ChangeView.markdown(change), terminator: "") }
        case .text:
            print(style.bold("diff \(diff.from.number) \(diff.to.number)") + ": " + ChangeView.summary(diff.counts))
            for change in diff.changes where change.kind != .unchanged {
                print()
                print(ChangeView.text(change, style: style), terminator: "")
            }
        }
    }
}
