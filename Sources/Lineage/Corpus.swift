import Foundation
import ResolutionFormats
import ResolutionText

/// One input file and the resolution read from it.
public struct SourceDocument: Sendable {
    /// The path as the user gave it (or as found in a folder), for messages.
    public var path: String
    public var resolution: Resolution
}

/// The input side of a build: which files to read, and reading them.
public enum Corpus {
    /// The name of the corrections file looked up in each corpus folder (see ``Corrections``).
    public static let correctionsFileName = ".lineage-corrections"

    /// Expands `paths` (files or folders) into the files to read, in a stable order.
    ///
    /// A folder contributes its regular files (not recursively), skipping hidden files such as
    /// ``correctionsFileName``. Returns the files and the corrections files found beside them.
    public static func files(in paths: [String]) throws(LineageError) -> (files: [String], corrections: [String]) {
        let fm = FileManager.default
        var files: [String] = []
        var corrections: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LineageError("\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                guard let names = try? fm.contentsOfDirectory(atPath: path) else {
                    throw LineageError("\(path): cannot list this folder")
                }
                for name in names.sorted() where !name.hasPrefix(".") {
                    let file = (path as NSString).appendingPathComponent(name)
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: file, isDirectory: &sub), !sub.boolValue { files.append(file) }
                }
                let correctionFile = (path as NSString).appendingPathComponent(correctionsFileName)
                if fm.fileExists(atPath: correctionFile) { corrections.append(correctionFile) }
            } else {
                files.append(path)
                let sibling = ((path as NSString).deletingLastPathComponent as NSString)
                    .appendingPathComponent(correctionsFileName)
                if fm.fileExists(atPath: sibling), !corrections.contains(sibling) { corrections.append(sibling) }
            }
        }
        return (files, corrections)
    }

    /// Reads and parses one file; the error names the file and the reason.
    public static func read(_ path: String) throws(LineageError) -> SourceDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw LineageError(
                "\(path): cannot read this file" + (!exists ? ": no such file" : isDirectory.boolValue ? ": it is a folder" : ""),
                hint: !exists ? "check the path" : isDirectory.boolValue ? "name a file (`lineage build` reads folders)" : "check that you may read it")
        }
        do throws(ParseError) {
            return SourceDocument(path: path, resolution: try ResolutionReader.read(Array(data)))
        } catch {
            throw LineageError("\(path): \(error.reason)")
        }
    }

    /// Reads every file, on every core, a chunk of files at a time; fails with the error of the
    /// first file (in order) that cannot be read. `progress` is told how many files are read,
    /// of how many, between chunks. Holds every text: see ``scan(files:progress:_:)`` to keep
    /// only what is needed of each.
    public static func read(
        files: [String], progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(LineageError) -> [SourceDocument] {
        try scan(files: files, progress: progress) { $0 }
    }

    /// Reads every file as ``read(files:progress:)`` does, but keeps only what `summarize` makes
    /// of each (on the thread that read it): memory is that of the summaries plus one chunk of
    /// texts (a few per core), whatever the number of files.
    static func scan<T: Sendable>(
        files: [String], progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        _ summarize: @escaping @Sendable (SourceDocument) throws(LineageError) -> T
    ) throws(LineageError) -> [T] {
        var out: [T] = []
        out.reserveCapacity(files.count)
        let chunk = 64
        for start in stride(from: 0, to: files.count, by: chunk) {
            progress(start, files.count)
            let slice = Array(files[start..<min(start + chunk, files.count)])
            let results = Results<T>(count: slice.count)
            DispatchQueue.concurrentPerform(iterations: slice.count) { i in
                results.set(i, Result { () throws(LineageError) in try summarize(try read(slice[i])) })
            }
            for result in results.values { out.append(try result!.get()) }
        }
        progress(out.count, files.count)
        return out
    }

    /// One slot per file, each written by one thread of `concurrentPerform` (also used by
    /// ``InputTexts``).
    final class Results<T>: @unchecked Sendable {
        var values: [Result<T, LineageError>?]
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Result<T, LineageError>) {
            lock.lock()
            values[i] = value
            lock.unlock()
        }
    }
}
