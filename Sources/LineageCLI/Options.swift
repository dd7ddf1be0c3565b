import ArgumentParser
import Lineage

/// `--repo DIR`, shared by every subcommand that reads or writes a history.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The lineage repository.", valueName: "dir"))
    var repo: String = History.defaultPath
}

extension History {
    /// The latest revision of the series of `HEAD` (of the whole history when it holds one
    /// series): what a command that takes one revision works on by default.
    var latestOfDefaultSeries: Revision? {
        guard series.count > 1, let series = defaultSeries else { return revisions.last }
        return series.positions.last.map { revisions[$0] }
    }
}

/// `--series NAME`, for the commands that show one series whole (`report`, `chart`).
struct SeriesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The series to show (default: the series of HEAD; `lineage series` lists them).", valueName: "name"))
    var series: String?

    /// `store` as if it held the series named (or HEAD's) alone.
    func scope(_ store: LineageRepository) throws(LineageError) -> LineageRepository {
        let history = store.history
        guard history.series.count > 1 || series != nil else { return store }
        guard let chosen = try series.map({ n throws(LineageError) in try history.series(matching: n) }) ?? history.defaultSeries else {
            return store
        }
        return store.restricted(to: chosen)
    }
}

/// Output formats: every command with `--format` prints each of them. `csv` (RFC 4180, a
/// header row, see ``CSV``) has one row per record of the command's table.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, csv

    /// The help of `--format`, the same for every command.
    static let help = ArgumentHelp("Output format.")
}

/// `--color auto|always|never`; `auto` colours only a terminal, and never when `NO_COLOR` is set.
struct ColorOptions: ParsableArguments {
    enum Mode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Option(name: .long, help: "Colour the text output: auto, always or never.")
    var color: Mode = .auto

    var enabled: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto: return Terminal.standardOutput.isTerminal && !Terminal.noColorRequested
        }
    }
}
