import Foundation
import Testing

@testable import ResolutionText

/// The seed files, read from the repository and identified by their content (the number their
/// heading gives), never by file name.
enum Fixtures {
    /// The package root: the folder holding Package.swift above this file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// `lineage/`, the bundled corpus.
    static let corpus = packageRoot.appendingPathComponent("lineage")

    /// The five bundled seeds, by number.
    static let seedNumbers = ["59/61", "61/54", "63/37", "65/41", "69/28"]
    /// The later files, by number.
    static let laterNumbers = ["73/27", "73/266", "76/19"]

    struct Seed: Sendable {
        var path: String
        var text: String
        var resolution: Resolution
    }

    /// Every regular file in `folder`, decoded and parsed, keyed by resolution number.
    static func load(_ folder: URL) throws -> [String: Seed] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var out: [String: Seed] = [:]
        for name in names where !name.hasPrefix(".") {
            let path = folder.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = try SourceText.decode(Array(data))
            let r = try ResolutionParser.parse(text)
            out[r.number ?? path] = Seed(path: path, text: text, resolution: r)
        }
        return out
    }

    static let seeds: [String: Seed] = {
        do { return try load(corpus) } catch { fatalError("cannot read the seeds in \(corpus.path): \(error)") }
    }()

    /// The seed whose heading gives `number`; records an issue when there is none.
    static func seed(_ number: String, sourceLocation: SourceLocation = #_sourceLocation) -> Seed? {
        guard let s = seeds[number] else {
            Issue.record("no file in \(corpus.path) is resolution \(number)", sourceLocation: sourceLocation)
            return nil
        }
        return s
    }

    /// The later files of the bundled corpus (73/27, 73/266, 76/19: PDF extracts as published).
    static func laterResolutions(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Seed] {
        var found: [String: Seed] = [:]
        for n in laterNumbers { found[n] = seeds[n] }
        let missing = laterNumbers.filter { found[$0] == nil }
        if !missing.isEmpty {
            Issue.record(
                "the later resolutions \(missing.joined(separator: ", ")) are not in \(corpus.path)",
                sourceLocation: sourceLocation)
        }
        return found
    }

    /// A compact picture of a body's structure: `pp` for a preambular paragraph, `op<label>` for
    /// an operative one, `<label>^<parent index>` for a sub-paragraph.
    static func structure(_ paragraphs: [Paragraph]) -> [String] {
        paragraphs.map { p in
            switch p.kind {
            case .preambular: return "pp"
            case .operative: return "op" + (p.label ?? "?")
            case .subparagraph: return (p.label ?? "?") + "^" + (p.parent.map(String.init) ?? "nil")
            }
        }
    }

    static func count(_ r: Resolution, _ kind: Paragraph.Kind) -> Int { r.paragraphs.filter { $0.kind == kind }.count }
}
