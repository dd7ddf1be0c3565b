import Foundation
import ResolutionText

/// The user's corrections to what lineage would infer, read from `.lineage-corrections` files in
/// the corpus folder (like `.git-blame-ignore-revs`: plain text, one directive per line).
///
/// ```
/// # Lines starting with # are comments.
/// adopted 61/54 2006-12-06          # the adoption date a text does not give
/// ```
public struct Corrections: Sendable, Equatable {
    /// Adoption dates by resolution number.
    public var adopted: [String: CivilDate] = [:]

    public init() {}

    /// Reads and merges the given files; a malformed line is an error naming file and line.
    public static func load(_ paths: [String]) throws(LineageError) -> Corrections {
        var out = Corrections()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(data: data, encoding: .utf8)
            else { throw LineageError("\(path): cannot read the corrections file") }
            try out.parse(text, file: path)
        }
        return out
    }

    /// Parses one file's text into `self`.
    public mutating func parse(_ text: String, file: String) throws(LineageError) {
        for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let directive = words.first else { continue }
            let place = "\(file):\(n + 1)"
            switch directive {
            case "adopted":
                guard words.count == 3, let date = CivilDate(iso: words[2]) else {
                    throw LineageError("\(place): expected 'adopted NUMBER YYYY-MM-DD', got '\(line)'")
                }
                adopted[words[1]] = date
            default:
                throw LineageError("\(place): unknown directive '\(directive)'")
            }
        }
    }
}
