/// Identity and provenance of one clause (a paragraph or a footnote) of a revision, or of a clause
/// that was deleted (in the archive).
public struct ClauseRecord: Sendable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case preambular, operative, subparagraph, footnote
    }

    /// Stable, readable identity: `"<revision that minted it>#<n>"` for paragraphs,
    /// `"<revision>#f<n>"` for footnotes. Never reused.
    public var id: String
    /// The revision that introduced the clause (minted its id; a restored clause keeps it).
    public var introduced: String
    /// The last revision that changed its wording. Moves, renumbering and changed footnote marks are
    /// not changes; editorial revisions (``AlignmentOverrides/editorial``) do not count; a
    /// restoration does (the clause came back).
    public var lastChanged: String
    public var kind: Kind
    /// Number, letter or footnote mark, as printed (informational).
    public var label: String?
    /// For a sub-paragraph, the index of its parent paragraph in the same revision.
    public var parent: Int?
    /// The text, exactly as in the revision.
    public var text: String
    /// The origin of every token of ``text`` (``Tokenizer``), run-length encoded, in order; the
    /// counts add up to the number of tokens.
    public var origins: [OriginRun]
    /// In the archive: the revision from which the clause is absent (where it was deleted or merged
    /// into another).
    public var removedIn: String?

    /// Cached fingerprint for restoration lookups; derived from ``text``, never encoded or compared.
    var sketch: ClauseSketch?

    public init(
        id: String, introduced: String, lastChanged: String, kind: Kind, label: String? = nil,
        parent: Int? = nil, text: String, origins: [OriginRun], removedIn: String? = nil
    ) {
        self.id = id
        self.introduced = introduced
        self.lastChanged = lastChanged
        self.kind = kind
        self.label = label
        self.parent = parent
        self.text = text
        self.origins = origins
        self.removedIn = removedIn
    }

    enum CodingKeys: String, CodingKey {
        case id, introduced, lastChanged, kind, label, parent, text, origins, removedIn
    }

    /// The origin revision of every token, one entry per token.
    public var tokenOrigins: [String] {
        var out: [String] = []
        for r in origins { out += repeatElement(r.revision, count: r.count) }
        return out
    }

    /// The text cut into runs of consecutive tokens with the same origin: `(text, revision)`, where
    /// each text carries its leading whitespace, so the texts concatenate to ``text`` (minus trailing
    /// whitespace). This is word-level blame.
    public func blame() -> [(text: String, revision: String)] {
        let t = Tokenizer.tokenize(text)
        return runs(t).map { (t.joined($0.tokens), $0.revision) }
    }

    /// How many words (tokens that are not punctuation) of ``text`` each origin run gave, in
    /// order: the word counts of ``blame()``'s runs, without building their texts. O(text).
    public func wordsByOrigin() -> [(words: Int, revision: String)] {
        let t = Tokenizer.tokenize(text)
        return runs(t).map { run in (run.tokens.reduce(0) { $0 + (t.kind($1) == .punctuation ? 0 : 1) }, run.revision) }
    }

    /// The token ranges of the origin runs (runs beyond the text's tokens are cut).
    private func runs(_ t: TokenizedText) -> [(tokens: Range<Int>, revision: String)] {
        var out: [(tokens: Range<Int>, revision: String)] = []
        var i = 0
        for r in origins where r.count > 0 {
            let end = min(i + r.count, t.count)
            if i < end { out.append((i..<end, r.revision)) }
            i = end
        }
        return out
    }
}

extension ClauseRecord: Equatable {
    public static func == (a: ClauseRecord, b: ClauseRecord) -> Bool {
        a.id == b.id && a.introduced == b.introduced && a.lastChanged == b.lastChanged && a.kind == b.kind
            && a.label == b.label && a.parent == b.parent && a.text == b.text && a.origins == b.origins
            && a.removedIn == b.removedIn
    }
}
