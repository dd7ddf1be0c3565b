import GitStore
import LineageCore
import ResolutionText

/// Where a wording first appeared in the record, and every paragraph that carries it, in any
/// series: `lineage origin`.
///
/// A paragraph carries the wording when its own wording (``LineageCore/Wording``: its words,
/// case and punctuation aside) is the same, or nearly: a similarity of at least ``minimum``.
/// ``first`` is the earliest such paragraph in history order (adoption date, then number); on
/// the same revision an exact one before a near one.
public struct WordingOrigin: Sendable {
    /// How many consecutive words make a shingle (``LineageCore/Wording/shingleLength``).
    public static let shingleLength = Wording.shingleLength
    /// The default minimum similarity (``LineageCore/Wording/nearThreshold``).
    public static let nearThreshold = Wording.nearThreshold
    /// Where the build stores the wording index (``WordingStore``).
    public static let reference = WordingStore.reference

    /// The wording asked about, as given (or the text of the paragraph an address names).
    public var text: String
    /// `80/16:pp3` when the wording was named by its paragraph.
    public var address: String?
    /// How many words the wording has.
    public var words: Int
    /// The similarity a paragraph needs to count.
    public var minimum: Double
    /// True when the wording has fewer words than a shingle: only the same words count.
    public var exactOnly: Bool { words < Wording.shingleLength }
    /// The earliest paragraph that carries it, with its text.
    public var first: Occurrence?
    public var firstText: String?
    /// Every paragraph that carries it, oldest first (``first`` included).
    public var occurrences: [Occurrence]
    /// How many revisions the stored index did not cover, read now (0 when it covers them all).
    public var computedNow: Int

    /// One paragraph that carries the wording.
    public struct Occurrence: Sendable {
        public var revision: Revision
        /// The name of its series (``Series``).
        public var series: String
        /// `pp3`, `op4(b)`: where it stands in its revision.
        public var label: String
        /// Its position in its revision, from 0.
        public var paragraph: Int
        /// 1 for the same words; see ``LineageCore/Wording``.
        public var similarity: Double
        public var exact: Bool
        /// `74/12:op4`.
        public var address: String { "\(revision.number):\(label)" }

        /// `{"number","symbol","adopted","series","label","address","similarity","exact"}`.
        public var json: JSONValue {
            .object(members)
        }

        var members: [(String, JSONValue)] {
            [
                ("number", .string(revision.number)), ("symbol", .string(revision.symbol)),
                ("adopted", .string(revision.adopted?.iso)), ("series", .string(series)), ("label", .string(label)),
                ("address", .string(address)), ("similarity", .double(WordingOrigin.rounded(similarity))),
                ("exact", .bool(exact)),
            ]
        }
    }

    /// A similarity to three decimals, as printed in JSON.
    static func rounded(_ x: Double) -> Double { (x * 1000).rounded(.down) / 1000 }

    /// `{"text","address","words","minSimilarity","exactOnly","first":{…,"text"}|null,
    /// "occurrences":[{"number","symbol","adopted","series","label","address","similarity","exact"}]}`.
    public var json: JSONValue {
        .object([
            ("text", .string(text)), ("address", .string(address)), ("words", .int(words)),
            ("minSimilarity", .double(minimum)), ("exactOnly", .bool(exactOnly)),
            ("first", first.map { .object($0.members + [("text", .string(firstText))]) } ?? .null),
            ("occurrences", .array(occurrences.map(\.json))),
        ])
    }
}

/// The wordings of every revision of a history: the stored segments (``WordingStore``), plus one
/// computed now for the revisions they do not cover. Loaded once per ``LineageRepository``.
final class RecordWordings {
    let segments: [WordingSegment]
    /// Per segment, per document: the positions in ``History/revisions`` of the revisions with
    /// that document (none for a document no longer in the history).
    let positions: [[[Int]]]
    /// How many revisions were indexed now.
    let computedNow: Int

    /// - Complexity: O(size of the stored index + revisions), plus reading the documents of the
    ///   revisions it does not cover.
    init(history: History, repo: Repository) throws {
        var stored = try WordingStore.Stored(repo)
        let trees = try WordingStore.trees(of: history.revisions, in: repo)
        var positionsOf: [DocumentKey: [Int]] = [:]
        for (i, tree) in trees.enumerated() { positionsOf[WordingStore.key(tree), default: []].append(i) }
        let covered = stored.covered
        var seen = Set<ObjectID>()
        let missing = trees.filter { !covered.contains(WordingStore.key($0)) && seen.insert($0).inserted }
        var segments = stored.segments.map(\.segment)
        stored.segments = []
        if !missing.isEmpty { segments.append(try WordingStore.segment(trees: missing, repo: repo)) }
        // A document in two segments (merged, then indexed again) counts in the first.
        var claimed = Set<DocumentKey>()
        positions = segments.map { segment in
            segment.documents.map { key in claimed.insert(key).inserted ? positionsOf[key] ?? [] : [] }
        }
        self.segments = segments
        computedNow = trees.filter { !covered.contains(WordingStore.key($0)) }.count
    }

    /// The paragraphs whose wording matches `wording` with at least `minimum`, as (position in
    /// the history, paragraph, address, similarity, exact), in history order, exact before near
    /// in one revision, then by paragraph.
    /// - Complexity: see ``LineageCore/WordingSegment/matches(_:minimum:)``, per segment; plus
    ///   sorting the matches.
    func matches(_ wording: Wording, minimum: Double) -> [(position: Int, match: WordingMatch)] {
        var out: [(position: Int, match: WordingMatch)] = []
        for (s, segment) in segments.enumerated() {
            for match in segment.matches(wording, minimum: minimum) {
                for position in positions[s][match.document] { out.append((position, match)) }
            }
        }
        out.sort { a, b in
            if a.position != b.position { return a.position < b.position }
            if a.match.exact != b.match.exact { return a.match.exact }
            return a.match.paragraph < b.match.paragraph
        }
        return out
    }
}

extension LineageRepository {
    /// The record's wordings, loaded on first use.
    func recordWordings() throws(LineageError) -> RecordWordings {
        if let wordings { return wordings }
        do {
            let loaded = try RecordWordings(history: history, repo: repo)
            wordings = loaded
            return loaded
        } catch let error as LineageError {
            throw error
        } catch {
            throw LineageError.storage(error, repository: history.path)
        }
    }

    /// How many revisions the stored wording index did not cover, once it was loaded (read
    /// now, see ``WordingOrigin/computedNow``); 0 when it covers them all or was not needed.
    public var wordingsComputedNow: Int { wordings?.computedNow ?? 0 }

    /// Where `text`'s wording first appeared and where it recurs (``WordingOrigin``), with a
    /// similarity of at least `minimum` (0 < minimum ≤ 1). An error when it has no word.
    ///
    /// - Complexity: loading the index once (O(its size)); then ``nearMatches(_:minimum:)``,
    ///   and one document read for the first's text.
    public func origin(of text: String, minimum: Double = Wording.nearThreshold) throws(LineageError) -> WordingOrigin {
        try origin(of: text, address: nil, minimum: minimum)
    }

    /// ``origin(of:minimum:)`` of the paragraph `reference` names (`80/16:pp3`): its own
    /// revision counts like any other. An error when the revision or the paragraph does not exist.
    public func origin(ofParagraph reference: String, minimum: Double = Wording.nearThreshold) throws(LineageError) -> WordingOrigin {
        guard let colon = reference.lastIndex(of: ":") else {
            throw LineageError("\(reference): not a paragraph (REV:ADDRESS, e.g. 69/28:op4)")
        }
        let address = String(reference[reference.index(after: colon)...]).trimmingCharacters(in: " ")
        let revision = try revision(named: String(reference[..<colon]))
        guard let paragraph = try revision.readResolution().paragraph(at: address) else {
            throw LineageError(
                "\(reference): \(revision.number) has no paragraph \(address)",
                hint: "`lineage blame \(revision.number)` lists its paragraphs")
        }
        let label = try revision.readResolution().clauseAddresses[paragraph.index]
        return try origin(of: paragraph.text, address: "\(revision.number):\(label)", minimum: minimum)
    }

    /// The paragraphs of the record whose wording is `wording`'s exactly, or at least `minimum`
    /// alike (``LineageCore/Wording/similarity(_:_:)``), in history order (an exact match first
    /// within a revision), each with that similarity. The shingle index finds the candidates (at
    /// least ``LineageCore/Wording/candidateShare`` of their shingles in common, or `minimum` if
    /// lower); the words of each are read from its document and compared.
    ///
    /// - Complexity: the index lookup, plus O(w·v) per near candidate of v words, and one
    ///   document read per revision holding one (the bodies read last are kept).
    func nearMatches(_ wording: Wording, minimum: Double) throws(LineageError) -> [(position: Int, match: WordingMatch)] {
        let index = try recordWordings()
        var out: [(position: Int, match: WordingMatch)] = []
        for (position, candidate) in index.matches(wording, minimum: min(minimum, Wording.candidateShare)) {
            var match = candidate
            if !match.exact {
                let paragraphs = try history.revisions[position].readResolution().paragraphs
                guard match.paragraph < paragraphs.count else { continue }
                match.similarity = Wording.similarity(wording, Wording(paragraphs[match.paragraph].text))
                guard match.similarity >= minimum else { continue }
            }
            out.append((position, match))
        }
        return out
    }

    /// Whether `text` names a paragraph (`REV:ADDRESS`, no space in it) rather than giving a wording.
    public static func namesParagraph(_ text: String) -> Bool {
        guard !text.contains(" "), let colon = text.lastIndex(of: ":"), colon != text.startIndex else { return false }
        return ClauseAddress.isAddress(String(text[text.index(after: colon)...]))
    }

    private func origin(of text: String, address: String?, minimum: Double) throws(LineageError) -> WordingOrigin {
        guard minimum > 0, minimum <= 1 else {
            throw LineageError("the minimum similarity must be above 0 and at most 1 (got \(minimum))")
        }
        let wording = Wording(text)
        guard !wording.isEmpty else {
            throw LineageError("the wording to look for has no words", hint: "quote a paragraph, or name one: `lineage origin 69/28:op4`")
        }
        let index = try recordWordings()
        let occurrences = try nearMatches(wording, minimum: minimum).map { position, match in
            let revision = history.revisions[position]
            return WordingOrigin.Occurrence(
                revision: revision, series: history.series(of: revision)?.name ?? "", label: match.address,
                paragraph: match.paragraph, similarity: match.similarity, exact: match.exact)
        }
        var result = WordingOrigin(
            text: text, address: address, words: wording.words.count, minimum: minimum, first: occurrences.first,
            firstText: nil, occurrences: occurrences, computedNow: index.computedNow)
        if let first = occurrences.first {
            let paragraphs = try first.revision.readResolution().paragraphs
            result.firstText = first.paragraph < paragraphs.count ? paragraphs[first.paragraph].text : nil
        }
        return result
    }

    /// For each paragraph of `blame` whose wording was first seen outside its own series (the
    /// earliest paragraph of the record that carries it, at ``LineageCore/Wording/nearThreshold``,
    /// is in another series and earlier than the revision that introduced the clause): where,
    /// by paragraph index. Empty for a record of one series (nothing to look up).
    ///
    /// - Complexity: one ``origin(of:minimum:)`` lookup per paragraph (the index loaded once).
    public func firstSeenElsewhere(_ blame: Blame) throws(LineageError) -> [Int: WordingOrigin.Occurrence] {
        guard history.series.count > 1, let own = history.series(of: blame.revision) else { return [:] }
        var positionOf: [String: Int] = [:]
        for (i, r) in history.revisions.enumerated() where positionOf[r.number] == nil { positionOf[r.number] = i }
        var out: [Int: WordingOrigin.Occurrence] = [:]
        for line in blame.paragraphs {
            let wording = Wording(line.paragraph.text)
            guard !wording.isEmpty, let introduced = positionOf[line.introduced.number],
                let (position, match) = try nearMatches(wording, minimum: Wording.nearThreshold).first, position < introduced
            else { continue }
            let revision = history.revisions[position]
            guard let series = history.series(of: revision), series.name != own.name else { continue }
            out[line.paragraph.index] = WordingOrigin.Occurrence(
                revision: revision, series: series.name, label: match.address, paragraph: match.paragraph,
                similarity: match.similarity, exact: match.exact)
        }
        return out
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
