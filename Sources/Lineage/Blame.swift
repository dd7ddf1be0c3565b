import LineageCore
import ResolutionText

/// Which revision introduced each clause of a revision, which last changed it, and (with words)
/// which revision wrote each run of words. Read from the stored lineage: O(size of the revision).
public struct Blame: Sendable {
    public var revision: Revision
    public var paragraphs: [Line]
    /// The revision's footnotes, as its document has them.
    public var footnotes: [Footnote] = []
    /// By paragraph index: where the wording of a clause first seen outside its own series was
    /// (``LineageRepository/firstSeenElsewhere(_:)``); empty unless filled in.
    public var firstSeen: [Int: WordingOrigin.Occurrence] = [:]

    public struct Line: Sendable {
        public var paragraph: Paragraph
        /// `pp11`, `op4`, `op3(b)`.
        public var label: String
        public var clause: String
        public var introduced: Revision
        public var lastChanged: Revision
        /// Runs of words with the revision (number) that wrote them.
        public var words: [(text: String, introduced: String)]
    }

    /// `{"revision":rev,"paragraphs":[{"index","kind","label","clause","text","introduced":rev,
    /// "lastChanged":rev,"words":[{"text","introduced":"69/28"}]}]}`; `words` only when asked;
    /// `introduced` and `lastChanged` also say who proposed that revision and how it was adopted
    /// (``Revision/jsonWithAdoption``).
    /// `firstSeen` (`{"number","symbol","adopted","series","label","address","similarity","exact"}`)
    /// only on a paragraph whose wording was first seen in another series.
    public func json(words: Bool) -> JSONValue {
        .object([
            ("revision", revision.json),
            ("paragraphs", .array(paragraphs.map { line in
                var members: [(String, JSONValue)] = [
                    ("index", .int(line.paragraph.index)), ("kind", .string(line.paragraph.kind.rawValue)),
                    ("label", .string(line.label)), ("clause", .string(line.clause)),
                    ("text", .string(line.paragraph.text)), ("introduced", line.introduced.jsonWithAdoption),
                    ("lastChanged", line.lastChanged.jsonWithAdoption),
                ]
                if let seen = firstSeen[line.paragraph.index] { members.append(("firstSeen", seen.json)) }
                if words {
                    members.append(("words", .array(line.words.map {
                        .object([("text", .string($0.text)), ("introduced", .string($0.introduced))])
                    })))
                }
                return .object(members)
            })),
        ])
    }
}

extension LineageRepository {
    /// The blame of `revision`: its note and its document are read, and the revisions its
    /// clauses name are found in one pass over the history. O(size of the revision + number
    /// of revisions) time; memory O(size of the revision).
    public func blame(_ revision: Revision) throws(LineageError) -> Blame {
        let state = try lineage(of: revision).state
        // The revisions named, each the first in history order with its number.
        var named = Set(state.clauses.flatMap { [$0.introduced, $0.lastChanged] })
        var byNumber: [String: Revision] = [:]
        for r in history.revisions where named.remove(r.number) != nil {
            byNumber[r.number] = r
            if named.isEmpty { break }
        }
        let text = try revision.readResolution()
        let addresses = text.clauseAddresses
        var lines: [Blame.Line] = []
        for (i, paragraph) in text.paragraphs.enumerated() {
            guard i < state.clauses.count else { break }
            let record = state.clauses[i]
            lines.append(
                Blame.Line(
                    paragraph: paragraph, label: addresses[i], clause: record.id,
                    introduced: byNumber[record.introduced] ?? revision,
                    lastChanged: byNumber[record.lastChanged] ?? revision,
                    words: record.blame().map { ($0.text, $0.revision) }))
        }
        return Blame(revision: revision, paragraphs: lines, footnotes: text.footnotes)
    }
}
