import ArgumentParser
import Foundation
import Lineage
import LineageReport

/// `lineage chart [--kind cohort|survival] [-o FILE.svg]`: the report's cohort or survival chart, as
/// SVG (the survival chart without the report's count of clauses each merged-in revision introduced).
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Write a chart of the lineage as SVG.",
        discussion: """
            cohort: the words of each revision stacked by the session that wrote them.
            survival: the share of each session's clauses still present, and still word for word.
            Without -o the SVG goes to standard output. In a repository of several series, the \
            chart shows one: that of HEAD, or --series NAME.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case cohort, survival }

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var series: SeriesOptions
    @Option(help: "The chart: cohort or survival.") var kind: Kind = .cohort
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the SVG.", valueName: "file")) var output: String?

    func run() throws {
        let store = try series.scope(try LineageRepository.open(repository.repo))
        guard !store.history.revisions.isEmpty else { throw LineageError.emptyHistory(repository.repo) }
        let colors = SessionColors(store.history.revisions.map(\.number))
        let svg: String
        switch kind {
        case .cohort: svg = CohortChart(try store.wordCohorts(), colors: colors).svg()
        case .survival: svg = SurvivalChart(try store.clauseSurvival(), colors: colors).svg()
        }
        try OutputFile.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n", to: output)
    }
}
