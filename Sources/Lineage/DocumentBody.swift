import Foundation
import ResolutionText

/// The body of a stored revision (title, paragraphs, footnotes), read from its commit's
/// document the first time it is needed, then kept; or, with `keep: false` (a build's inputs,
/// see ``InputTexts``), read each time it is needed and never kept, so that a long history's
/// texts are never all in memory at once.
///
/// Opening a history reads only the commits (their trailers carry the metadata); a command
/// that needs the text of a few revisions (blame, diff) reads only those documents, so opening
/// costs O(number of commits), not O(size of every document).
final class DocumentBody: @unchecked Sendable {
    struct Contents {
        var title: String?
        var paragraphs: [Paragraph]
        var footnotes: [Footnote]
    }

    private let lock = NSLock()
    private var loaded: Contents?
    private let load: () throws -> Contents
    /// Where the body comes from, for the message if it cannot be read.
    private let origin: String
    private let keep: Bool

    init(origin: String, keep: Bool = true, load: @escaping () throws -> Contents) {
        self.origin = origin
        self.keep = keep
        self.load = load
    }

    var contents: Contents {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        do {
            let contents = try load()
            if keep { loaded = contents }
            return contents
        } catch {
            // The commit was checked when the history was opened; a document that cannot be
            // read now means the repository is damaged.
            FileHandle.standardError.write(Data("error: \(origin): \(error)\n".utf8))
            exit(1)
        }
    }
}
