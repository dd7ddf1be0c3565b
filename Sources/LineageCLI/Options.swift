import ArgumentParser
import Lineage

/// `--repo DIR`, shared by every subcommand that reads or writes a history.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The lineage repository.", valueName: "dir"))
    var repo: String = History.defaultPath
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
