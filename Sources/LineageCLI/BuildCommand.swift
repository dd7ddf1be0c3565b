import ArgumentParser
import Foundation
import Lineage
import ResolutionText

/// `lineage build [PATH...]`: commit resolutions as the revisions of a git history.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Commit resolution files as revisions of one evolving document, in adoption order.",
        discussion: """
            PATHs are files or folders (the bundled corpus is the lineage/ folder of this package: \
            `lineage build lineage/`). Building again with the same inputs writes nothing; a newer \
            resolution is appended; an older one re-commits the later revisions, and the build says \
            so. With no PATH, the repository is re-read as it is: the lineage of the revisions it \
            holds is recomputed where it is missing or stale (a git clone has none: clones do not \
            copy notes), and nothing else changes.
            """)

    @Argument(help: "Resolution files or folders (none: re-read the repository and recompute its lineage).")
    var paths: [String] = []

    @OptionGroup var repository: RepositoryOptions

    @Option(
        name: .customLong("adopted"),
        help: ArgumentHelp("The adoption date of a resolution whose text gives none.", valueName: "number=YYYY-MM-DD"))
    var adopted: [String] = []

    @Option(help: OutputFormat.help)
    var format: OutputFormat = .text

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        _ = try suppliedDates()
        if paths.isEmpty, !adopted.isEmpty {
            throw ValidationError("--adopted dates the resolutions named as inputs; name them")
        }
    }

    func suppliedDates() throws -> [String: CivilDate] {
        var out: [String: CivilDate] = [:]
        for item in adopted {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let date = CivilDate(iso: parts[1]) else {
                throw ValidationError("--adopted expects NUMBER=YYYY-MM-DD, e.g. 61/54=2006-12-06; got '\(item)'")
            }
            out[parts[0]] = date
        }
        return out
    }

    func run() throws {
        var builder = HistoryBuilder(repositoryPath: repository.repo)
        builder.suppliedDates = try suppliedDates()
        builder.progress = { Terminal.standardError.writeMessage($0 + "\n") }
        // Files of a folder that are not resolutions: listed, never left out silently.
        builder.onSkip = { file in
            Terminal.standardError.writeMessage("skipped \(file.path): \(file.reason)\n")
        }
        // One bar per phase; the first appears once the build has lasted a second.
        let started = DispatchTime.now().uptimeNanoseconds
        var bar: (phase: HistoryBuilder.Phase, bar: ProgressBar)?
        builder.onProgress = { phase, done, total in
            if bar?.phase != phase {
                bar?.bar.finish()
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                bar = (phase, ProgressBar(phase.rawValue, delay: max(0, 1 - elapsed)))
            }
            bar!.bar.update(done, of: total)
        }
        let report: BuildReport
        do {
            defer { bar?.bar.finish() }
            do {
                // No paths: the repository's own revisions are read again, never the bundled corpus.
                report = try paths.isEmpty
                    ? builder.recomputeLineage(suggesting: try? BundledCorpus.path())
                    : builder.build(paths: paths)
            } catch {
                throw LineageError.storage(error, repository: repository.repo)
            }
        }
        switch format {
        case .json: print(BuildSummary.json(report).rendered())
        case .csv: print(BuildSummary.csv(report), terminator: "")
        case .markdown: print(BuildSummary.markdown(report), terminator: "")
        case .text: print(BuildSummary.text(report, style: Style(enabled: colors.enabled)), terminator: "")
        }
    }
}

/// Finds the bundled corpus: `lineage/` beside the package the executable was built from, or
/// in the current folder. Only named in messages: a build never reads it unless given its path.
enum BundledCorpus {
    static func path() throws -> String {
        var candidates = [FileManager.default.currentDirectoryPath + "/lineage"]
        // .build/<config>/lineage → the package root is three levels up.
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<4 {
            url.deleteLastPathComponent()
            candidates.append(url.appendingPathComponent("lineage").path)
        }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue,
                FileManager.default.fileExists(atPath: candidate + "/../Package.swift")
            {
                return (candidate as NSString).standardizingPath
            }
        }
        throw LineageError(
            "cannot find the bundled corpus (the lineage/ folder of the package)", hint: "give the files or folders to build")
    }
}
