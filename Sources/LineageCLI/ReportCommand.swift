import ArgumentParser
import Foundation
import Lineage
import LineageReport

/// `lineage report [-o FILE]`: the whole lineage as one self-contained HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: timeline, redlines, blame and charts.",
        discussion: """
            One file with inline CSS and SVG; it needs no network and no JavaScript, and prints well.
            Open it in any browser. `-o -` writes it to standard output. In a repository of \
            several series, the report shows one: that of HEAD, or --series NAME.
            """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var series: SeriesOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the report.", valueName: "file"))
    var output: String = "lineage-report.html"
    @Option(help: ArgumentHelp("Detail the latest N revisions (table and redlines; 0: all). The timeline and charts cover the whole history.", valueName: "N"))
    var latest: Int = ReportData.defaultLatest

    func validate() throws {
        guard latest >= 0 else { throw ValidationError("--latest must be 0 (all) or more") }
    }

    func run() throws {
        let store = try series.scope(try LineageRepository.open(repository.repo))
        let progress = ProgressBar("report")
        let data = try ReportData.collect(store, latest: latest) { progress.update($0, of: $1) }
        let html = HTMLReport.render(data)
        progress.finish()
        try OutputFile.write(html, to: output)
        if output != "-" {
            let detail = data.omitted > 0 ? ", the latest \(data.entries.count) in detail" : ""
            print("Wrote \(Terminal.sanitize(OutputFile.absolute(output))) (\(html.utf8.count / 1024) KB, \(data.revisionCount) revisions\(detail))")
        }
    }
}
