import Foundation
import ResolutionText
import ZIPFoundation

/// A zip package (a Word or OpenDocument file) opened in memory, read part by part.
struct WordArchive {
    /// The largest part read, uncompressed: a resolution's XML is a few hundred kilobytes; a
    /// bigger part is refused rather than inflated (a zip bomb).
    static let partSizeLimit = 64 * 1024 * 1024

    let format: InputFormat
    private let archive: Archive

    /// Opens `bytes` as a zip archive (ZIPFoundation's `Archive(data:accessMode:)`); a file
    /// whose central directory cannot be read is refused as damaged.
    /// - Complexity: O(e) in the number of entries.
    init(_ bytes: [UInt8], format: InputFormat) throws(ParseError) {
        self.format = format
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw ParseError(
                .unsupportedFormat,
                "a damaged \(format.displayName) file: its zip archive cannot be opened (no readable central directory)")
        }
    }

    /// The bytes of the part at `path`, or `nil` when there is none; a part that cannot be
    /// inflated or fails its checksum is refused, naming it.
    /// - Complexity: O(n) in the size of the part.
    func part(_ path: String) throws(ParseError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(Self.partSizeLimit) else {
            throw ParseError(
                .unsupportedFormat,
                "\(path) in this \(format.displayName) file is \(entry.uncompressedSize) bytes uncompressed, more than the \(Self.partSizeLimit) read")
        }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            let checksum = try archive.extract(entry) { chunk in
                // A header may understate the size: the limit holds for what is inflated.
                guard data.count + chunk.count <= Self.partSizeLimit else {
                    throw ParseError(
                        .unsupportedFormat, "\(path) in this \(format.displayName) file inflates to more than the \(Self.partSizeLimit) bytes read")
                }
                data.append(chunk)
            }
            guard checksum == entry.checksum else {
                throw ParseError(.unsupportedFormat, "a damaged \(format.displayName) file: \(path) fails its checksum")
            }
        } catch let error as ParseError {
            throw error
        } catch {
            throw ParseError(.unsupportedFormat, "a damaged \(format.displayName) file: \(path) cannot be inflated")
        }
        return data
    }

    /// The part at `path`, which the format requires: missing, the file is refused naming it.
    func requiredPart(_ path: String, _ what: String) throws(ParseError) -> Data {
        guard let data = try part(path) else {
            throw ParseError(.unsupportedFormat, "a damaged \(format.displayName) file: \(path) (\(what)) is missing from the archive")
        }
        return data
    }
}

/// The relationships of one part of a Word package (`word/_rels/document.xml.rels`): which
/// part holds the styles, the numbering, the footnotes, each header.
struct WordRelationships {
    /// Target paths inside the package, by relationship id.
    private(set) var targets: [String: String] = [:]
    /// Target paths by the last component of the relationship type (`styles`, `numbering`,
    /// `footnotes`, `endnotes`, `settings`): the first of each.
    private(set) var byType: [String: String] = [:]

    /// Reads the relationships of the part at `source` (e.g. `word/document.xml`).
    /// - Complexity: O(n) in the size of the relationships part.
    static func read(for source: String, in archive: WordArchive) throws(ParseError) -> WordRelationships {
        let folder = source.split(separator: "/").dropLast().joined(separator: "/")
        let name = source.split(separator: "/").last.map(String.init) ?? source
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let data = try archive.part(relsPath) else { return WordRelationships() }
        let handler = RelationshipsHandler(folder: folder)
        try handler.parse(data, part: relsPath, of: archive.format)
        return handler.relationships
    }

    /// `target` resolved against `folder` (`../x` and absolute `/word/x` handled).
    static func resolve(_ target: String, in folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            if component == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if component != "." {
                parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    private final class RelationshipsHandler: WordXMLHandler {
        let folder: String
        var relationships = WordRelationships()
        init(folder: String) { self.folder = folder }

        override func start(_ name: WordXMLName, _ attributes: WordXMLAttributes) -> Bool {
            guard name.local == "Relationship", let id = attributes.value("", "Id"), let target = attributes.value("", "Target"),
                attributes.value("", "TargetMode") != "External"
            else { return true }
            let path = WordRelationships.resolve(target, in: folder)
            relationships.targets[id] = path
            if let type = attributes.value("", "Type"), let kind = type.split(separator: "/").last.map(String.init),
                relationships.byType[kind] == nil
            {
                relationships.byType[kind] = path
            }
            return true
        }
    }
}
