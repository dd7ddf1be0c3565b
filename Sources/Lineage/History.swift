import Foundation
import GitStore
import ResolutionText

/// The stored history of a series: the revisions on the branch, oldest first, read back from
/// their commits (document and trailers).
public struct History: Sendable {
    /// The repository's path as given.
    public let path: String
    /// The revisions in commit order (oldest first).
    public internal(set) var revisions: [Revision]

    /// The default repository location: `$LINEAGE_REPO`, or `lineage.git` in the current folder.
    public static var defaultPath: String {
        ProcessInfo.processInfo.environment["LINEAGE_REPO"].flatMap { $0.isEmpty ? nil : $0 } ?? "lineage.git"
    }

    /// Opens the history at `path`; an error if there is no lineage repository there.
    public static func open(_ path: String) throws(LineageError) -> History {
        guard FileManager.default.fileExists(atPath: path) else {
            throw LineageError("\(path): no lineage repository here", hint: "build one with `lineage build --repo \(path)`")
        }
        do {
            let repo = try Repository.open(at: path)
            return History(path: path, revisions: try read(repo))
        } catch let error as LineageError {
            throw error
        } catch {
            throw LineageError("\(path): cannot read the repository: \(error)")
        }
    }

    /// Reads the chain behind the branch, following first parents, oldest first.
    static func read(_ repo: Repository) throws -> [Revision] {
        guard var next = try repo.reference(HistoryLayout.branch) else { return [] }
        var out: [Revision] = []
        while true {
            let commit = try repo.commit(next)
            out.append(try revision(of: commit, in: repo))
            guard let parent = commit.parents.first else { break }
            next = parent
        }
        return out.reversed()
    }

    /// Rebuilds a revision from its commit.
    static func revision(of commit: Commit, in repo: Repository) throws -> Revision {
        guard let bytes = try repo.blob(at: HistoryLayout.documentPath, inTree: commit.tree) else {
            throw LineageError("commit \(commit.id.hex) has no \(HistoryLayout.documentPath): not a lineage history")
        }
        let body = try CanonicalDocument.parse(String(decoding: bytes, as: UTF8.self))
        var resolution = Resolution(title: body.title, paragraphs: body.paragraphs, footnotes: body.footnotes)
        let source = CommitMessage.parse(commit.message, into: &resolution)
        guard resolution.number != nil else {
            throw LineageError("commit \(commit.id.hex) has no Number: trailer: not a lineage history")
        }
        return Revision(resolution: resolution, dateSource: source, commit: commit.id, parents: commit.parents)
    }

    /// Finds a revision by number (`69/28`), symbol (`A/RES/69/28`), session (`69`), tag, or
    /// commit (full or abbreviated hex).
    public func revision(named name: String) throws(LineageError) -> Revision {
        let trimmed = name.hasPrefix("refs/tags/") ? String(name.dropFirst(10)) : name
        if let r = revisions.last(where: { $0.number == trimmed || $0.symbol.uppercased() == trimmed.uppercased() }) {
            return r
        }
        if let tag = revisions.last(where: { HistoryLayout.tag(for: $0.symbol) == "refs/tags/" + trimmed }) { return tag }
        if let session = Int(trimmed) {
            let matches = revisions.filter { $0.resolution.session == session }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                throw LineageError(
                    "\(name): session \(session) has \(matches.count) revisions: \(matches.map(\.number).joined(separator: ", "))",
                    hint: "name one by its number")
            }
        }
        let hex = trimmed.lowercased()
        if hex.count >= 4, hex.allSatisfy(\.isHexDigit) {
            let matches = revisions.filter { $0.commit?.hex.hasPrefix(hex) == true }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 { throw LineageError("\(name): ambiguous commit prefix") }
        }
        throw LineageError(
            "\(name): no such revision",
            hint: "name a revision by number (69/28), symbol (A/RES/69/28), session (69), tag or commit; `lineage log` lists them")
    }
}
