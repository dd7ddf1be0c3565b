import Foundation
import ResolutionText

/// The user's corrections to what lineage would infer, read from `.lineage-corrections` files in
/// the corpus folder (like `.git-blame-ignore-revs`: plain text, one directive per line).
///
/// ```
/// # Lines starting with # are comments.
/// adopted 61/54 2006-12-06          # the adoption date a text does not give
/// pair 59/61:op6 61/54:op5          # these two paragraphs are the same clause
/// unpair 59/61:pp3 61/54:pp3        # these two are not, whatever their similarity
/// editorial 63/37                   # this revision's changes are editorial only
/// parents 73/266 69/28               # 73/266 continues 69/28 (several: a merge; none: a new series)
/// branch 73/266 advancing            # the line 73/266 starts is the branch `advancing`
/// ```
///
/// A paragraph is named `REVISION:ADDRESS`, the revision by its number and the address as
/// delegates cite it (`pp3`, `op4`, `op3(b)`). `pair` and `unpair` apply where the second revision
/// follows the first; `editorial` revisions do not count as changing a clause, and the words they
/// insert keep the provenance of the words they replaced (like `.git-blame-ignore-revs`).
/// The build stores the alignment directives in the repository with the lineage, so every
/// command honours them without the corpus folder.
public struct Corrections: Sendable, Equatable {
    /// Adoption dates by resolution number.
    public var adopted: [String: CivilDate] = [:]
    /// Pairs of paragraphs that are the same clause.
    public var pairs: [ClausePair] = []
    /// Pairs of paragraphs that are not the same clause.
    public var unpairs: [ClausePair] = []
    /// Revisions whose changes are editorial only.
    public var editorial: Set<String> = []
    /// Parents set by hand, by revision number (an empty list: the start of a new series).
    public var parents: [String: [String]] = [:]
    /// Branch names set by hand for the line a revision starts, by revision number.
    public var branches: [String: String] = [:]

    /// A paragraph of one revision and one of a later revision.
    public struct ClausePair: Sendable, Hashable {
        public var old: ClauseName
        public var new: ClauseName
    }

    /// `69/28:op4`: a revision number and a paragraph address.
    public struct ClauseName: Sendable, Hashable, CustomStringConvertible {
        public var revision: String
        public var address: String

        /// Parses `REVISION:ADDRESS`; the revision is everything before the last colon.
        public init?(_ text: String) {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            revision = String(text[..<colon])
            address = String(text[text.index(after: colon)...])
            if revision.isEmpty || address.isEmpty { return nil }
        }

        public var description: String { "\(revision):\(address)" }
    }

    /// The directives that shape the lineage (not the dates), one per line in a canonical order:
    /// stored with the lineage so that changing them recomputes it.
    public var alignmentDirectives: String {
        var lines = pairs.map { "pair \($0.old) \($0.new)" } + unpairs.map { "unpair \($0.old) \($0.new)" }
        lines += editorial.sorted().map { "editorial \($0)" }
        return lines.sorted().map { $0 + "\n" }.joined()
    }

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
            case "pair", "unpair":
                guard words.count == 3, let old = ClauseName(words[1]), let new = ClauseName(words[2]) else {
                    throw LineageError("\(place): expected '\(directive) REVISION:ADDRESS REVISION:ADDRESS' (e.g. 59/61:op6 61/54:op5), got '\(line)'")
                }
                if directive == "pair" {
                    pairs.append(ClausePair(old: old, new: new))
                } else {
                    unpairs.append(ClausePair(old: old, new: new))
                }
            case "editorial":
                guard words.count == 2 else {
                    throw LineageError("\(place): expected 'editorial REVISION', got '\(line)'")
                }
                editorial.insert(words[1])
            case "parents":
                guard words.count >= 3 else {
                    throw LineageError("\(place): expected 'parents REVISION PARENT…' (or 'parents REVISION none'), got '\(line)'")
                }
                let list = Array(words[2...])
                guard !(list.contains("none") && list.count > 1), !list.contains(words[1]), Set(list).count == list.count else {
                    throw LineageError("\(place): the parents must be distinct earlier revisions, or 'none' alone, got '\(line)'")
                }
                parents[words[1]] = list == ["none"] ? [] : list
            case "branch":
                guard words.count == 3, LineName.isValid(words[2]) else {
                    throw LineageError("\(place): expected 'branch REVISION NAME' with a valid git branch name, got '\(line)'")
                }
                branches[words[1]] = words[2]
            default:
                throw LineageError("\(place): unknown directive '\(directive)'")
            }
        }
    }
}
