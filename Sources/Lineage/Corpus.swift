import Foundation
import ResolutionFormats
import ResolutionText

/// One input file and the resolution read from it.
public struct SourceDocument: Sendable {
    /// The path as the user gave it (or as found in a folder), for messages.
    public var path: String
    public var resolution: Resolution
}

/// A file of an input folder that is not a resolution, and why it was left out.
public struct SkippedFile: Sendable, Equatable {
    public var path: String
    /// `image`, `JSON`, `not a resolution: no resolution number such as '69/28.' heading was found` …
    public var reason: String
}

/// The input side of a build: which files to read, and reading them.
///
/// A folder may hold other files than resolutions (a README, JSON, images). A file found in a
/// folder is skipped, and listed with the reason (``SkippedFile``), when it is plainly not a
/// resolution: a format lineage does not read as one (an image, XML other than Akoma Ntoso, an
/// archive other than Word or OpenDocument), JSON, an empty or binary file, or text that is not
/// a resolution and shows none of a resolution's signs (a line "The General Assembly,", a
/// heading such as "69/28. Title", "Resolution adopted by the General Assembly", a symbol
/// "A/RES/…"). Anything else that cannot be read (a cut-off or damaged resolution, text in
/// another encoding, a legacy Word file, a damaged PDF or XML file) refuses the whole build, as
/// does any file named on its own.
public enum Corpus {
    /// The name of the corrections file looked up in each corpus folder (see ``Corrections``).
    public static let correctionsFileName = ".lineage-corrections"

    /// Expands `paths` (files or folders) into the files to read, in a stable order.
    ///
    /// A folder contributes its regular files (not recursively), skipping hidden files such as
    /// ``correctionsFileName``. Returns the files and the corrections files found beside them.
    public static func files(in paths: [String]) throws(LineageError) -> (files: [String], corrections: [String]) {
        let (files, corrections, _) = try listing(in: paths)
        return (files, corrections)
    }

    /// ``files(in:)``, and which of the files were found in a folder (rather than named).
    public static func listing(in paths: [String]) throws(LineageError) -> (files: [String], corrections: [String], inFolders: Set<String>) {
        let fm = FileManager.default
        var inFolders: Set<String> = []
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
                    if fm.fileExists(atPath: file, isDirectory: &sub), !sub.boolValue {
                        files.append(file)
                        inFolders.insert(file)
                    }
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
        return (files, corrections, inFolders)
    }

    /// Reads and parses one file; the error names the file and the reason.
    public static func read(_ path: String) throws(LineageError) -> SourceDocument {
        switch try read(path, skippable: false) {
        case .document(let document): return document
        case .skipped(let skipped): throw LineageError("\(path): \(skipped.reason)")
        }
    }

    /// A file read: a resolution, or (for a file found in a folder) a file left out.
    public enum Reading: Sendable {
        case document(SourceDocument)
        case skipped(SkippedFile)
    }

    /// Reads and parses one file; when `skippable` (it was found in a folder), a file that is
    /// plainly not a resolution is skipped rather than refused (see the type's documentation).
    public static func read(_ path: String, skippable: Bool) throws(LineageError) -> Reading {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw LineageError(
                "\(path): cannot read this file" + (!exists ? ": no such file" : isDirectory.boolValue ? ": it is a folder" : ""),
                hint: !exists ? "check the path" : isDirectory.boolValue ? "name a file (`lineage build` reads folders)" : "check that you may read it")
        }
        let bytes = Array(data)
        if skippable, let reason = skipReason(before: bytes) {
            return .skipped(SkippedFile(path: path, reason: reason))
        }
        do throws(ParseError) {
            return .document(SourceDocument(path: path, resolution: try ResolutionReader.read(bytes)))
        } catch {
            if skippable, let reason = skipReason(after: error, bytes) {
                return .skipped(SkippedFile(path: path, reason: reason))
            }
            throw LineageError("\(path): \(error.reason)")
        }
    }

    /// Why a file is left out without trying to read it: its format. O(1) but for JSON's
    /// first and last bytes.
    static func skipReason(before bytes: [UInt8]) -> String? {
        switch InputFormat.recognise(bytes) {
        case .other:
            return InputFormat.describeOther(bytes)
        case .text:
            let content = bytes.filter { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
            if let first = content.first, let last = content.last,
                (first == UInt8(ascii: "{") && last == UInt8(ascii: "}")) || (first == UInt8(ascii: "[") && last == UInt8(ascii: "]"))
            {
                return "JSON"
            }
            return nil
        default:
            return nil
        }
    }

    /// Why a file whose reading failed is left out rather than refusing the build: it is
    /// empty, binary, or text that is not a resolution and has none of a resolution's signs.
    /// O(n).
    static func skipReason(after error: ParseError, _ bytes: [UInt8]) -> String? {
        switch error.category {
        case .empty, .binary:
            return error.reason
        case .notAResolution:
            let text = String(decoding: bytes, as: UTF8.self)
            return looksLikeResolution(text) ? nil : error.reason
        default:
            return nil
        }
    }

    /// A resolution's signs (see the type's documentation). O(n).
    static func looksLikeResolution(_ text: String) -> Bool {
        if text.contains("A/RES/") || text.contains("Resolution adopted by the General Assembly") { return true }
        for line in text.split(whereSeparator: \.isNewline) {
            let plain = line.filter { $0 != "*" && $0 != "_" && $0 != "#" }.trimmingCharacters(in: .whitespaces)
            if plain.hasPrefix("The General Assembly") && plain.count <= 22 { return true }
            if let first = plain.first, first.isNumber, PublishedText.resolutionNumber(plain) != nil { return true }
        }
        return false
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
    ///
    /// Files in `skippable` (found in a folder) that are plainly not resolutions are left out
    /// and handed to `skipped`, in order.
    static func scan<T: Sendable>(
        files: [String], skippable: Set<String> = [], skipped: (SkippedFile) -> Void = { _ in },
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        _ summarize: @escaping @Sendable (SourceDocument) throws(LineageError) -> T
    ) throws(LineageError) -> [T] {
        var out: [T] = []
        out.reserveCapacity(files.count)
        let chunk = 64
        var done = 0
        for start in stride(from: 0, to: files.count, by: chunk) {
            progress(start, files.count)
            let slice = Array(files[start..<min(start + chunk, files.count)])
            let results = Results<T?>(count: slice.count)
            let skips = Results<SkippedFile?>(count: slice.count)
            DispatchQueue.concurrentPerform(iterations: slice.count) { i in
                let canSkip = skippable.contains(slice[i])
                results.set(i, Result { () throws(LineageError) -> T? in
                    switch try read(slice[i], skippable: canSkip) {
                    case .document(let document): return try summarize(document)
                    case .skipped(let file):
                        skips.set(i, .success(file))
                        return nil
                    }
                })
            }
            for (i, result) in results.values.enumerated() {
                if let value = try result!.get() { out.append(value) } else if let file = try? skips.values[i]?.get() { skipped(file) }
            }
            done += slice.count
        }
        progress(done, files.count)
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
