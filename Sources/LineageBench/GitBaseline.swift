import Foundation
import ResolutionText

/// The git side of every comparison: the same documents imported with `git fast-import`, and the
/// git commands that do the work comparable to each lineage command.
enum Git {
    static let executable = which("git") ?? "/usr/bin/git"

    /// The file each revision's document is stored as (lineage's `HistoryLayout.documentPath`).
    static let documentPath = "resolution.txt"
}

/// Writes a `git fast-import` stream, one commit per revision on `refs/heads/main`, the document
/// as one file, author and committer dated like lineage's commits (adoption day, 12:00 at UTC−5).
struct FastImportStream {
    private let handle: FileHandle
    private var mark = 0

    /// Continues the branch already in the repository instead of starting it (for a stream
    /// imported into a repository that holds the earlier revisions).
    private let continuing: Bool

    init(path: String, continuing: Bool = false) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        handle = FileHandle(forWritingAtPath: path)!
        self.continuing = continuing
    }

    mutating func commit(document: String, number: String, adopted: CivilDate) {
        let doc = Array(document.utf8)
        let blobMark = mark + 1, commitMark = mark + 2
        let seconds = adopted.daysSinceEpoch * 86_400 + 17 * 3_600
        let who = "United Nations General Assembly <general-assembly@un.org> \(seconds) -0500"
        let message = Array("A/RES/\(number)\n".utf8)
        var out = Array("blob\nmark :\(blobMark)\ndata \(doc.count)\n".utf8) + doc + [10]
        out += Array("commit refs/heads/main\nmark :\(commitMark)\nauthor \(who)\ncommitter \(who)\n".utf8)
        out += Array("data \(message.count)\n".utf8) + message
        if mark > 0 {
            out += Array("from :\(mark)\n".utf8)
        } else if continuing {
            out += Array("from refs/heads/main^0\n".utf8)
        }
        out += Array("M 100644 :\(blobMark) \(Git.documentPath)\n\n".utf8)
        handle.write(Data(out))
        mark = commitMark
    }

    func close() { try? handle.close() }
}
