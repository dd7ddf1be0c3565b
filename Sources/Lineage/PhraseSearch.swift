import LineageCore
import ResolutionText

/// The revisions in which a phrase appears, first appears, disappears and returns: what
/// `git log -S` does for a string, for `lineage search`.
///
/// Matching is by ``PhrasePattern``: case-insensitive, with runs of white space, hyphens and
/// dashes counted as one space and curly quotes as straight ones. Every revision is listed, oldest first, whether or
/// not the phrase is in it, so a reader can see the gaps.
public struct PhraseSearch: Sendable {
    /// The phrase as the user gave it.
    public var phrase: String
    /// Whether footnote texts were searched as well as paragraphs.
    public var searchedFootnotes: Bool
    /// One entry per revision, in history order (oldest first).
    public var revisions: [Occurrence]

    /// What happens to the phrase in a revision, compared with the revision before it.
    public enum Event: String, Sendable, CaseIterable {
        /// Present for the first time in the history.
        case appears
        /// Absent, after being present in the previous revision.
        case disappears
        /// Present again after having disappeared.
        case returns
    }

    /// The phrase in one revision: where it occurs (possibly nowhere).
    public struct Occurrence: Sendable {
        public var revision: Revision
        /// `nil` when nothing happens (still present, or still absent).
        public var event: Event?
        public var paragraphs: [ParagraphMatch]
        /// Matching footnotes (only searched when asked).
        public var footnotes: [FootnoteMatch]
        /// When footnotes were not searched and no paragraph has the phrase: the marks of the
        /// footnotes that have it, so that a phrase found only there can say so.
        public var unsearchedFootnotes: [String] = []
        /// The name of the series the revision belongs to (``Series``).
        public var series: String? = nil

        /// Whether the phrase occurs anywhere in this revision.
        public var present: Bool { !paragraphs.isEmpty || !footnotes.isEmpty }
    }

    /// A paragraph that contains the phrase.
    public struct ParagraphMatch: Sendable {
        /// Position in the revision's body, from 0.
        public var index: Int
        /// `pp11`, `op4`, `op3(b)`.
        public var label: String
        /// The clause's stable id.
        public var clause: String
    }

    /// A footnote that contains the phrase.
    public struct FootnoteMatch: Sendable {
        /// The footnote's mark as printed, `"1"`.
        public var mark: String
        /// The footnote's stable id, when the lineage records one.
        public var clause: String?
    }

    /// The revisions where the phrase occurs.
    public var presentIn: [Revision] { revisions.filter(\.present).map(\.revision) }

    /// Where the phrase is in footnotes that were not searched (`76/19 [^2]`), for revisions
    /// whose paragraphs lack it.
    public var unsearchedFootnotes: [String] {
        revisions.flatMap { o in o.unsearchedFootnotes.map { "\(o.revision.number) [^\($0)]" } }
    }

    /// `{"phrase","revisions":[{"revision":rev,"series","present","event":"appears"|"disappears"|"returns"|null,
    /// "paragraphs":[{"index","label","clause"}]}]}` (`series`: the name of the revision's series); with footnotes searched, each revision also
    /// has `"footnotes":[{"mark","clause"}]` after `paragraphs`.
    public var json: JSONValue {
        .object([("phrase", .string(phrase)), ("revisions", .array(revisions.map { Self.json($0, searchedFootnotes: searchedFootnotes) }))])
    }

    /// One element of ``json``'s `revisions`; `footnotes` only when they were searched.
    public static func json(_ occurrence: Occurrence, searchedFootnotes: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("revision", occurrence.revision.json), ("series", .string(occurrence.series)),
            ("present", .bool(occurrence.present)),
            ("event", .string(occurrence.event?.rawValue)),
            ("paragraphs", .array(occurrence.paragraphs.map {
                .object([("index", .int($0.index)), ("label", .string($0.label)), ("clause", .string($0.clause))])
            })),
        ]
        if searchedFootnotes {
            members.append(("footnotes", .array(occurrence.footnotes.map {
                .object([("mark", .string($0.mark)), ("clause", .string($0.clause))])
            })))
        }
        return .object(members)
    }
}

/// A phrase prepared for matching document text: lower-cased, curly quotes straightened,
/// hyphens and dashes (U+2010–U+2015, U+2212, `-`) counted as spaces, soft hyphens dropped, runs
/// of white space collapsed to one space and trimmed. Texts are normalised the same way before a
/// substring test, so "Member  States" finds "member States", `“first”` finds `"first"`, and
/// "open ended working group" finds "Open-ended Working Group" (and "2021-2025" finds
/// "2021–2025").
public struct PhrasePattern: Sendable, Hashable {
    /// The normalised phrase.
    public let key: String

    public init(_ phrase: String) { key = PhrasePattern.normalize(phrase) }

    /// True when the phrase has no words to look for.
    public var isEmpty: Bool { key.isEmpty }

    /// Whether `text` contains the phrase. O(length of text).
    public func matches(_ text: String) -> Bool {
        !key.isEmpty && PhrasePattern.normalize(text).contains(key)
    }

    /// The part of `text` around the first match, about `width` characters, its white space
    /// collapsed and `…` where it is cut; `nil` when the phrase is not in `text`.
    ///
    /// Complexity: O(length of text).
    public func excerpt(of text: String, width: Int = PhrasePattern.excerptWidth) -> String? {
        let characters = Array(text)
        var folded: [Character] = []
        var origin: [Int] = []  // for each folded character, the position of its source
        PhrasePattern.fold(characters, lowercasing: true) { c, at in
            folded.append(c)
            origin.append(at)
        }
        let key = Array(self.key)
        guard !key.isEmpty, folded.count >= key.count,
            let start = (0...(folded.count - key.count)).first(where: { folded[$0..<($0 + key.count)].elementsEqual(key) })
        else { return nil }
        let matchStart = origin[start], matchEnd = origin[start + key.count - 1] + 1
        let margin = max(0, (width - (matchEnd - matchStart)) / 2)
        // The margin one side does not use goes to the other.
        let left = min(matchStart, margin + max(0, matchEnd + margin - characters.count))
        let right = min(characters.count - matchEnd, margin + (margin - min(matchStart, margin)))
        var from = matchStart - left, to = matchEnd + right
        // Whole words at the edges: a cut word is completed if it ends soon, dropped otherwise.
        func wordStart(_ at: Int) -> Int {
            var i = at
            while i > 0, at - i < Self.wordReach, !characters[i - 1].isWhitespace { i -= 1 }
            if i == 0 || characters[i - 1].isWhitespace { return i }
            i = at
            while i < matchStart, !characters[i - 1].isWhitespace { i += 1 }
            return i
        }
        func wordEnd(_ at: Int) -> Int {
            var i = at
            while i < characters.count, i - at < Self.wordReach, !characters[i].isWhitespace { i += 1 }
            if i == characters.count || characters[i].isWhitespace { return i }
            i = at
            while i > matchEnd, !characters[i].isWhitespace { i -= 1 }
            return i
        }
        from = wordStart(from)
        to = wordEnd(to)
        let body = String(characters[from..<to]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // No control or format character (bidi overrides, escapes) reaches a message.
        let clean = String(String.UnicodeScalarView(body.unicodeScalars.filter {
            $0.properties.generalCategory != .control && $0.properties.generalCategory != .format
        }))
        return (from > 0 ? "…" : "") + clean + (to < characters.count ? "…" : "")
    }

    /// How wide an ``excerpt(of:width:)`` is by default, in characters.
    public static let excerptWidth = 72
    /// How far an excerpt reaches past its width to end on a whole word, in characters.
    static let wordReach = 16

    /// Lower case, straight quotes, hyphens and dashes as spaces, single spaces, no leading or
    /// trailing white space.
    static func normalize(_ text: String) -> String {
        // ASCII text (most of it): the same, byte by byte. In ASCII, lowercasing is A–Z only, the
        // whitespace characters are space, \t, \n, \v, \f and \r (and \r\n, one character, is
        // two whitespace bytes), the one hyphen is `-`, and there is no curly quote.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) || byte == 0x2D {
                    pendingSpace = true
                    continue
                }
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return normalizeCharacters(text)
    }

    /// ``normalize(_:)`` character by character, for any text.
    static func normalizeCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        fold(text.lowercased(), lowercasing: false) { c, _ in out.append(c) }
        return out
    }

    /// Hyphens and dashes, read as spaces: `-`, U+2010 hyphen … U+2015 horizontal bar, U+2212
    /// minus, and the small and full-width hyphen-minus.
    static func isDash(_ c: Character) -> Bool {
        switch c {
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE58}", "\u{FE63}",
            "\u{FF0D}":
            return true
        default: return false
        }
    }

    /// The folding of ``normalize(_:)``, handing each output character to `emit` with the
    /// position of the character it comes from. `lowercasing`: lowercase each character
    /// (``excerpt(of:width:)``, which needs the positions); ``normalizeCharacters(_:)`` lowercases
    /// the whole text first, which is faster.
    ///
    /// Complexity: O(length of text).
    static func fold<C: Collection>(_ text: C, lowercasing: Bool, emit: (Character, Int) -> Void) where C.Element == Character {
        var pendingSpace = false
        var emitted = false
        for (at, original) in text.enumerated() {
            var c = original
            if lowercasing, original.isUppercase {
                let lower = original.lowercased()
                if lower.count == 1 { c = lower.first! }
            }
            if c.isWhitespace || isDash(c) {
                pendingSpace = true
                continue
            }
            if c == "\u{00AD}" { continue }  // soft hyphen: invisible, not a break
            if pendingSpace && emitted { emit(" ", at) }
            pendingSpace = false
            emitted = true
            switch c {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}": emit("'", at)
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": emit("\"", at)
            default: emit(c, at)
            }
        }
    }
}

extension LineageRepository {
    /// Where `phrase` occurs in every revision, with the revisions where it appears, disappears
    /// and returns, each judged against its own parent(s): it appears where no ancestor had it,
    /// returns where an ancestor had it but no parent, disappears where a parent had it.
    /// O(total text of the history). An error if the phrase is empty.
    public func search(_ phrase: String, footnotes: Bool = false) throws(LineageError) -> PhraseSearch {
        var occurrences: [PhraseSearch.Occurrence] = []
        occurrences.reserveCapacity(history.revisions.count)
        try search(phrase, footnotes: footnotes) { occurrences.append($0) }
        return PhraseSearch(phrase: phrase, searchedFootnotes: footnotes, revisions: occurrences)
    }

    /// ``search(_:footnotes:)`` handing each revision's occurrence to `each`, in history order,
    /// without keeping them: memory O(number of revisions) for two flags each, not for the
    /// occurrences (for a long history, the paragraphs found add up).
    public func search(
        _ phrase: String, footnotes: Bool = false, each: (PhraseSearch.Occurrence) -> Void
    ) throws(LineageError) {
        let pattern = PhrasePattern(phrase)
        guard !pattern.isEmpty else {
            throw LineageError("the phrase to search for is empty", hint: "give some words, e.g. `lineage search \"human rights\"`")
        }
        // Per revision: whether the phrase is there, and whether it was there or in an ancestor.
        var presentIn: [String: Bool] = [:], seenBy: [String: Bool] = [:]
        for revision in history.revisions {
            let parents = history.parents(of: revision)
            let wasPresent = parents.contains { presentIn[$0.number] == true }
            let seen = parents.contains { seenBy[$0.number] == true }
            let state = try lineage(of: revision).state
            let resolution = try revision.readResolution()
            let addresses = resolution.clauseAddresses
            // Kept for every revision: sized exactly (map), not grown by appending.
            let texts = resolution.paragraphs
            let matching = texts.indices.filter { pattern.matches(texts[$0].text) }
            let paragraphs = matching.map { i in
                PhraseSearch.ParagraphMatch(index: i, label: addresses[i], clause: i < state.clauses.count ? state.clauses[i].id : "?")
            }
            var notes: [PhraseSearch.FootnoteMatch] = []
            var unsearched: [String] = []
            if footnotes {
                for (i, note) in resolution.footnotes.enumerated() where pattern.matches(note.text) {
                    notes.append(PhraseSearch.FootnoteMatch(mark: note.mark, clause: i < state.footnotes.count ? state.footnotes[i].id : nil))
                }
            } else if paragraphs.isEmpty {
                unsearched = resolution.footnotes.filter { pattern.matches($0.text) }.map(\.mark)
            }
            var occurrence = PhraseSearch.Occurrence(revision: revision, event: nil, paragraphs: paragraphs, footnotes: notes)
            occurrence.unsearchedFootnotes = unsearched
            occurrence.series = history.series(of: revision)?.name
            switch (occurrence.present, wasPresent) {
            case (true, false): occurrence.event = seen ? .returns : .appears
            case (false, true): occurrence.event = .disappears
            default: break
            }
            presentIn[revision.number] = occurrence.present
            seenBy[revision.number] = seen || occurrence.present
            each(occurrence)
        }
    }
}
