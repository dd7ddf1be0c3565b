import ArgumentParser
import Lineage
import ResolutionText

/// `lineage parse FILE`: what lineage reads in one resolution file.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read one resolution file and print its metadata and paragraphs.",
        discussion: "Any of the supported formats: plain text, PDF-extracted text, Markdown, Word exports.")

    @Argument(help: "The resolution file.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if format == .markdown { throw ValidationError("parse prints text or json") }
    }

    func run() throws {
        let document = try Corpus.read(file)
        switch format {
        case .json: print(ResolutionJSON.value(document.resolution).rendered())
        default: print(Terminal.sanitize(ResolutionSummary.text(document.resolution)), terminator: "")
        }
    }
}
