import ArgumentParser
import Foundation
import Lineage
import LineageReport

/// `lineage export [REV] --akn [-o FILE]`: a revision in a document standard.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a revision as Akoma Ntoso 3.0 XML (AKN4UN).",
        discussion: """
            eIds follow the revision's numbering, wIds lineage's stable clause ids; the changes against
            the parent are listed as passiveModifications. Without -o the XML goes to standard output.
            """)

    @Argument(help: "The revision (default: the latest of HEAD's series).") var revision: String?
    @Flag(help: "Akoma Ntoso 3.0 XML, the only format so far.") var akn = false
    @OptionGroup var repository: RepositoryOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the XML.", valueName: "file")) var output: String?

    func validate() throws {
        guard akn else { throw ValidationError("say which format to export: --akn (Akoma Ntoso 3.0 XML)") }
    }

    func run() throws {
        let store = try LineageRepository.open(repository.repo)
        guard let latest = store.history.latestOfDefaultSeries else { throw LineageError.emptyHistory(repository.repo) }
        let target = try revision.map { name throws(LineageError) in try store.revision(named: name) } ?? latest
        try OutputFile.write(AkomaNtoso.document(try AkomaNtoso.input(target, in: store)), to: output)
    }
}
