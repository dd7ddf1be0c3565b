import LineageCore
import ResolutionText

/// Every version of one clause across the history, oldest first, with the word changes between
/// each version and the one it is compared with: what `git log -L` does for a function, for
/// `lineage history`.
///
/// A clause is followed by its stable id (``ClauseRecord/id``), so renumbering, moves and
/// rewording do not lose it. Each version is compared with the version of the parent the build
/// aligned it with (``Version/comparedWith``), the one the changelog names: at a merge, the
/// parent whose copy of the clause the merge took. Read from the stored lineage: O(size of the
/// history).
public struct ClauseHistory: Sendable {
    /// The clause's stable id, `59/61#20`.
    public var clause: String
    /// The versions, in history order (oldest first, every line): every revision that has the
    /// clause, and each revision where it disappears.
    public var versions: [Version]
    /// The revisions that introduced and last changed the clause, as `blame` says (in its latest
    /// version; an editorial revision or a move does not change it).
    public var introduced: String?
    public var lastChanged: String?
    /// When the clause was named by a phrase of its text: where the phrase was matched.
    public var phraseMatch: PhraseMatch? = nil

    /// The clause in one revision.
    public struct Version: Sendable {
        public var revision: Revision
        /// What happened to the clause in this revision (see ``ClauseHistory/statuses``).
        public var status: String
        /// Its address in this revision (`op4`); for a deletion, the address it had before.
        public var label: String?
        /// Its address in the version it is compared with when that was different (renumbered or moved).
        public var previousLabel: String?
        /// Its text in this revision (`nil` once deleted). A clause merged into another has the
        /// text of the paragraph it became part of.
        public var text: String?
        /// Whether the clause (its id) is in this revision: false once deleted, or merged into a
        /// clause that kept another id.
        public var present: Bool
        /// The version it is compared with: the parent revision and the clause's address there
        /// (for a restoration, its last version before the deletion; for a part split off
        /// another clause, that clause); `nil` for the first version.
        public var comparedWith: Place?
        /// Whether the revision is marked `editorial` in the corrections: its changes do not count
        /// as changes of the clause (`blame` keeps the earlier "last changed").
        public var editorial: Bool = false
        /// The word diff from the version it is compared with (the changelog's, when the build
        /// paired the two alone); empty for the first version; one `delete` run for a deletion.
        public var words: [WordRun]

        /// Whether the clause's words changed in this version.
        public var changesWords: Bool { words.contains { $0.op != .equal } }
    }

    /// A clause's address in one revision: `73/266:pp12`.
    public struct Place: Sendable, Equatable, CustomStringConvertible {
        public var revision: String
        public var label: String
        public var description: String { "\(revision):\(label)" }
        /// `{"revision":"73/266","label":"pp12"}`.
        public var json: JSONValue { .object([("revision", .string(revision)), ("label", .string(label))]) }
    }

    /// The values of ``Version/status``: `introduced` (first version), `unchanged` (same text;
    /// possibly renumbered, then ``Version/previousLabel`` says from where), `modified`, `moved`
    /// (out of order, possibly reworded), `split`, `merged`, `deleted` (absent after having
    /// existed) and `restored` (back after a deletion, with the same id).
    public static let statuses = ["introduced", "unchanged", "modified", "moved", "split", "merged", "deleted", "restored"]

    /// `{"clause","introduced","lastChanged","versions":[{"revision":rev,"status","label","text",
    /// "comparedWith":{"revision","label"}|null,"editorial","words":[{"op","text"}]}]}`; each
    /// version's `revision` also says who proposed it and how it was adopted
    /// (``Revision/jsonWithAdoption``).
    public var json: JSONValue {
        .object([
            ("clause", .string(clause)), ("introduced", .string(introduced)), ("lastChanged", .string(lastChanged)),
            ("versions", .array(versions.map { version in
                .object([
                    ("revision", version.revision.jsonWithAdoption), ("status", .string(version.status)),
                    ("label", .string(version.label)), ("text", .string(version.text)),
                    ("comparedWith", version.comparedWith?.json ?? .null), ("editorial", .bool(version.editorial)),
                    ("words", .array(version.words.map { .object([("op", .string($0.op.rawValue)), ("text", .string($0.text))]) })),
                ])
            })),
        ])
    }
}

extension LineageRepository {
    /// The stable id of the clause `reference` names:
    ///
    /// - `REV:ADDRESS` (`69/28:op4`, `69/28:op3(b)`), split at the last colon, since revision
    ///   numbers contain slashes but never colons;
    /// - a clause id (`59/61#20`);
    /// - otherwise a phrase of its text (``clause(matchingPhrase:)``).
    public func clause(named reference: String) throws(LineageError) -> String {
        try lookUpClause(reference).id
    }

    /// ``clause(named:)``, with where a phrase was matched when `reference` is one.
    func lookUpClause(_ reference: String) throws(LineageError) -> (id: String, match: PhraseMatch?) {
        if let colon = reference.lastIndex(of: ":") {
            let address = String(reference[reference.index(after: colon)...])
            if ClauseReference.looksLikeAddress(address) {
                return (try clause(at: address, in: try revision(named: String(reference[..<colon])), reference: reference), nil)
            }
        }
        if ClauseReference.looksLikeID(reference) {
            for revision in revisions(ofSeriesMinting: reference).reversed() {
                if try lineage(of: revision).state.clauses.contains(where: { $0.id == reference }) { return (reference, nil) }
            }
            throw LineageError("\(reference): no clause has this id", hint: "`lineage blame --format json` shows the clause ids")
        }
        let match = try clause(matchingPhrase: reference)
        return (match.clause, match)
    }

    /// The clause of the paragraph at `address` in `revision`.
    func clause(at address: String, in revision: Revision, reference: String) throws(LineageError) -> String {
        let text = try revision.readResolution()
        guard let paragraph = text.paragraph(at: address) else {
            let all = text.clauseAddresses
            let range = all.isEmpty ? "none" : "\(all.first!) … \(all.last!)"
            throw LineageError(
                "\(reference): \(revision.number) has no paragraph \(address)",
                hint: "its paragraphs are \(range); `lineage blame \(revision.number)` lists them")
        }
        let clauses = try lineage(of: revision).state.clauses
        guard paragraph.index < clauses.count else {
            throw LineageError("\(reference): the stored lineage of \(revision.symbol) has no clause for \(address)")
        }
        return clauses[paragraph.index].id
    }

    /// The one clause whose text contains `phrase` (matched as ``PhrasePattern`` does: case,
    /// spacing, hyphens and dashes aside), looked for in the current texts first (the revisions
    /// nothing continues: HEAD's tip, and the tip of any line not merged), then, if none has it,
    /// in every revision. Several clauses found at the
    /// first place that has any are refused, each candidate named `REV:ADDRESS` with an excerpt;
    /// a phrase found nowhere is refused, saying when footnotes have it (history follows
    /// paragraphs). The match says where it was found.
    ///
    /// Complexity: the current texts' paragraphs; when they lack the phrase, one pass over the
    /// history's paragraphs (and the stored lineage of the revisions that have it).
    public func clause(matchingPhrase phrase: String) throws(LineageError) -> PhraseMatch {
        let pattern = PhrasePattern(phrase)
        guard !pattern.isEmpty else { throw LineageError("the clause to follow is empty", hint: ClauseReference.hint) }
        guard !history.revisions.isEmpty else { throw LineageError.emptyHistory(history.path) }
        // The current texts: the revisions nothing continues (a line merged into another is not
        // current), HEAD's tip first.
        let continued = Set(history.revisions.flatMap(\.parents))
        let head = history.tips.first?.revision.commit
        let tips = history.revisions.filter { $0.commit.map { !continued.contains($0) } ?? false }
            .sorted { a, b in (a.commit == head) != (b.commit == head) ? a.commit == head : a.number < b.number }
        // Candidates by clause id, each at the first place (REV:ADDRESS) in `revisions` the phrase
        // matches it (`latest`: at the last place).
        func candidates(in revisions: [Revision], latest: Bool) throws(LineageError) -> [Candidate] {
            var out: [Candidate] = []
            for revision in revisions {
                let text = try revision.readResolution()
                let texts = text.paragraphs
                let matching = texts.indices.filter { pattern.matches(texts[$0].text) }
                guard !matching.isEmpty else { continue }
                let clauses = try lineage(of: revision).state.clauses
                let addresses = text.clauseAddresses
                for i in matching where i < clauses.count {
                    let c = Candidate(clause: clauses[i].id, place: "\(revision.number):\(addresses[i])", text: texts[i].text)
                    if let k = out.firstIndex(where: { $0.clause == c.clause }) {
                        if latest { out[k] = c }
                    } else {
                        out.append(c)
                    }
                }
            }
            return out
        }
        var found = try candidates(in: tips, latest: false)
        let inLatest = !found.isEmpty
        if !inLatest { found = try candidates(in: history.revisions, latest: true) }
        let shownTips = tips.count > Self.candidatesShown
            ? tips.prefix(Self.candidatesShown).map(\.number).joined(separator: ", ") + " and \(tips.count - Self.candidatesShown) more"
            : tips.map(\.number).joined(separator: ", ")
        let scope =
            inLatest
            ? "the latest revision\(tips.count == 1 ? "" : "s") (\(shownTips))"
            : "earlier revisions (not in \(shownTips))"
        if found.count == 1 {
            return PhraseMatch(phrase: phrase, clause: found[0].clause, place: found[0].place, inLatest: inLatest)
        }
        if found.isEmpty {
            var notes: [String] = []
            for revision in history.revisions {
                for note in try revision.readResolution().footnotes where pattern.matches(note.text) {
                    notes.append("\(revision.number) [^\(note.mark)]")
                }
            }
            guard notes.isEmpty else {
                let shown = notes.prefix(Self.candidatesShown).joined(separator: ", ")
                let more = notes.count > Self.candidatesShown ? " and \(notes.count - Self.candidatesShown) more" : ""
                throw LineageError(
                    "\"\(phrase)\": no paragraph contains this phrase; found only in footnotes: \(shown)\(more)",
                    hint: "history follows paragraphs; `lineage search --footnotes \"\(phrase)\"` shows where the footnotes are")
            }
            throw LineageError("\"\(phrase)\": no paragraph of any revision contains this phrase", hint: ClauseReference.hint)
        }
        let width = found.prefix(Self.candidatesShown).map(\.place.count).max() ?? 0
        var lines = found.prefix(Self.candidatesShown).map { c in
            "  " + c.place.padding(toLength: width) + "  " + (pattern.excerpt(of: c.text) ?? "")
        }
        if found.count > Self.candidatesShown { lines.append("  … and \(found.count - Self.candidatesShown) more") }
        throw LineageError(
            "\"\(phrase)\" is in \(found.count) clauses of \(scope):\n" + lines.joined(separator: "\n"),
            hint: "name one of them, e.g. `lineage history \(found[0].place)`, or give a longer phrase")
    }

    /// How many candidates an ambiguous phrase lists.
    static let candidatesShown = 12

    /// A clause a phrase matched, where.
    private struct Candidate {
        var clause: String
        var place: String
        var text: String
    }

    /// Every version of the clause `id`, in history order (every line), each compared with the
    /// version in the parent the build aligned it with (see ``ClauseHistory``): across a fork
    /// both lines show their versions against the common ancestor; a merge compares with the
    /// parent whose copy of the clause it took, as ``storedChanges(of:)`` does, and takes that
    /// change's word diff. O(size of the history).
    public func clauseHistory(of id: String) throws(LineageError) -> ClauseHistory {
        /// Where the clause stands in a revision: present (its text, address and index), or
        /// gone after having existed (its last text, address and index, in the revision `at`).
        enum Standing {
            case present(text: String, label: String, index: Int)
            case gone(text: String, label: String, index: Int, at: String)
        }
        let editorial = corrections.editorial
        var standing: [String: Standing] = [:]
        var versions: [ClauseHistory.Version] = []
        var latest: ClauseRecord?
        for revision in revisions(ofSeriesMinting: id) {
            let parents = history.parents(of: revision)
            // Nothing to do in a revision none of whose parents knew the clause, unless it is
            // introduced here (looked up below).
            let known = parents.contains { standing[$0.number] != nil }
            let lineage = try lineage(of: revision)
            let found = lineage.state.clauses.firstIndex { $0.id == id }
            if found == nil && !known { continue }
            let resolution = try revision.readResolution()
            let paragraphs = resolution.paragraphs
            let addresses = resolution.clauseAddresses
            // The parent the build aligned the clause with, and the clause's union index there
            // (see ``ParentUnion``): for a merge, the one whose copy it took.
            var source: (parent: Revision, union: Int)?
            if parents.count > 1 {
                let states = try parents.map { (p) throws(LineageError) in try self.lineage(of: p).state.clauses }
                let sources = ParentUnion.sources(states, newTexts: Set(paragraphs.map(\.text)))
                if let k = sources.firstIndex(where: { states[$0.parent][$0.index].id == id }) {
                    source = (parents[sources[k].parent], k)
                }
            } else if let parent = parents.first, case .present(_, _, let index)? = standing[parent.number] {
                source = (parent, index)
            }
            var present: (text: String, label: String, index: Int, parent: String)?
            if let source, case .present(let t, let l, let x)? = standing[source.parent.number] { present = (t, l, x, source.parent.number) }
            var gone: (text: String, label: String, index: Int, at: String)?
            for parent in parents {
                if case .gone(let t, let l, let x, let at)? = standing[parent.number], gone == nil { gone = (t, l, x, at) }
            }
            let isEditorial = editorial.contains(revision.number)
            if let i = found, i < paragraphs.count {
                let text = paragraphs[i].text
                let change = lineage.changes.first { $0.new.contains(i) }
                var status: String
                var words: [WordRun] = []
                var comparedWith: ClauseHistory.Place?
                if let previous = present, let source {
                    comparedWith = ClauseHistory.Place(revision: previous.parent, label: previous.label)
                    // The changelog's word diff when the build paired the two alone.
                    if let change, change.new == [i], change.old == [source.union], change.kind != .inserted, change.kind != .restored {
                        words = change.words.isEmpty ? [WordRun(op: .equal, text: text)] : change.words
                    } else {
                        words = WordDiff.diff(previous.text, text)
                    }
                    if let kind = change?.kind, kind != .inserted, kind != .restored {
                        status = kind.rawValue
                    } else {
                        status = words.contains { $0.op != .equal } ? "modified" : "unchanged"
                    }
                } else if let previous = gone {
                    status = "restored"
                    comparedWith = ClauseHistory.Place(revision: previous.at, label: previous.label)
                    words = WordDiff.diff(previous.text, text)
                } else if let change, change.kind == .split, let parent = parents.first {
                    // A part split off another clause: its words come from that clause.
                    status = "split"
                    let parentResolution = try parent.readResolution()
                    let addresses = parentResolution.clauseAddresses
                    let parentParagraphs = parentResolution.paragraphs
                    let old = change.old.filter { $0 < parentParagraphs.count }
                    if let first = old.first { comparedWith = ClauseHistory.Place(revision: parent.number, label: addresses[first]) }
                    words = WordDiff.diff(old.map { parentParagraphs[$0].text }.joined(separator: "\n"), text)
                } else {
                    status = "introduced"
                }
                let previousLabel = present.flatMap { $0.label != addresses[i] ? $0.label : nil }
                versions.append(
                    ClauseHistory.Version(
                        revision: revision, status: status, label: addresses[i], previousLabel: previousLabel, text: text,
                        present: true, comparedWith: comparedWith, editorial: isEditorial && status != "unchanged", words: words))
                standing[revision.number] = .present(text: text, label: addresses[i], index: i)
                latest = lineage.state.clauses[i]
            } else if let previous = present, let source {
                // Gone: merged into another clause, or deleted. (A merge's changes index the
                // union of its parents, see ``ParentUnion``.)
                let comparedWith = ClauseHistory.Place(revision: previous.parent, label: previous.label)
                if let change = lineage.changes.first(where: { $0.kind == .merged && $0.old.contains(source.union) }),
                    let into = change.new.first, into < paragraphs.count
                {
                    versions.append(
                        ClauseHistory.Version(
                            revision: revision, status: "merged", label: addresses[into], previousLabel: previous.label,
                            text: paragraphs[into].text, present: false, comparedWith: comparedWith, editorial: isEditorial,
                            words: WordDiff.diff(previous.text, paragraphs[into].text)))
                } else {
                    versions.append(
                        ClauseHistory.Version(
                            revision: revision, status: "deleted", label: previous.label, previousLabel: nil, text: nil,
                            present: false, comparedWith: comparedWith, editorial: isEditorial,
                            words: [WordRun(op: .delete, text: previous.text)]))
                }
                standing[revision.number] = .gone(text: previous.text, label: previous.label, index: previous.index, at: previous.parent)
            } else if let previous = gone {
                standing[revision.number] = .gone(text: previous.text, label: previous.label, index: previous.index, at: previous.at)
            }
        }
        guard !versions.isEmpty else {
            throw LineageError("\(id): no revision has this clause", hint: "`lineage blame --format json` shows the clause ids")
        }
        return ClauseHistory(clause: id, versions: versions, introduced: latest?.introduced, lastChanged: latest?.lastChanged)
    }

    /// The revisions, in history order, of the series of the revision that minted the clause
    /// `id` (`59/61#20`: 59/61's): a clause lives in one series, since a revision belongs to one
    /// and its clauses come from its parents. The whole history when no revision has that number.
    /// O(revisions).
    func revisions(ofSeriesMinting id: String) -> [Revision] {
        guard history.series.count > 1, let hash = id.lastIndex(of: "#") else { return history.revisions }
        let number = id[..<hash]
        guard let minting = history.revisions.last(where: { $0.number == number }), let series = history.series(of: minting) else {
            return history.revisions
        }
        return history.revisions(of: series)
    }

    /// ``clause(named:)`` then ``clauseHistory(of:)``; with ``ClauseHistory/phraseMatch`` set
    /// when `reference` is a phrase.
    public func clauseHistory(named reference: String) throws(LineageError) -> ClauseHistory {
        let (id, match) = try lookUpClause(reference)
        var history = try clauseHistory(of: id)
        history.phraseMatch = match
        return history
    }
}

/// Where a phrase naming a clause (`lineage history "information security"`) was matched.
public struct PhraseMatch: Sendable, Equatable {
    /// The phrase as given.
    public var phrase: String
    /// The clause's stable id.
    public var clause: String
    /// `REV:ADDRESS` of the paragraph matched: in the latest revision of a line if one has it
    /// (``inLatest``), otherwise the latest revision where the clause has the phrase.
    public var place: String
    /// Whether ``place`` is in a current text (a revision nothing continues).
    public var inLatest: Bool

    /// `phrase matched 76/19:op6(a)`, or `phrase matched 59/61:op3(b) (not in the latest
    /// revision)`.
    public var description: String {
        "phrase matched \(place)" + (inLatest ? "" : " (not in the latest revision)")
    }

    /// `{"phrase","clause","matched":"76/19:op6(a)","inLatest":true}`.
    public var json: JSONValue {
        .object([("phrase", .string(phrase)), ("clause", .string(clause)), ("matched", .string(place)), ("inLatest", .bool(inLatest))])
    }
}

extension String {
    /// Padded with spaces to `length` characters (never cut).
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

/// How a clause reference is told apart from a phrase.
enum ClauseReference {
    static let hint = "name the clause as REV:ADDRESS (69/28:op4, 69/28:pp11, 69/28:op3(b), 73/27:op1.5) or quote a phrase of its text"

    /// `pp11`, `op4`, `op3(b)`, `op1.5`, `op3(b)(i)`, `(a)` (see ``ClauseAddress/isAddress(_:)``).
    static func looksLikeAddress(_ text: String) -> Bool { ClauseAddress.isAddress(text) }

    /// `59/61#20`: a revision key, `#` and a number; no spaces.
    static func looksLikeID(_ text: String) -> Bool {
        guard let hash = text.lastIndex(of: "#"), hash != text.startIndex else { return false }
        let number = text[text.index(after: hash)...]
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber } && !text.contains { $0.isWhitespace }
    }
}
