import LineageCore
import ResolutionText

/// Every version of one clause across the history, oldest first, with the word changes between
/// consecutive versions: what `git log -L` does for a function, for `lineage history`.
///
/// A clause is followed by its stable id (``ClauseRecord/id``), so renumbering, moves and
/// rewording do not lose it. Read from the stored lineage: O(size of the history).
public struct ClauseHistory: Sendable {
    /// The clause's stable id, `59/61#20`.
    public var clause: String
    /// The versions, in history order (oldest first, every line): every revision that has the
    /// clause, and each revision where it disappears.
    public var versions: [Version]
    /// When the clause was named by a phrase of its text: where the phrase was matched.
    public var phraseMatch: PhraseMatch? = nil

    /// The clause in one revision.
    public struct Version: Sendable {
        public var revision: Revision
        /// What happened to the clause in this revision (see ``ClauseHistory/statuses``).
        public var status: String
        /// Its address in this revision (`op4`); for a deletion, the address it had before.
        public var label: String?
        /// Its address in the previous version when that was different (renumbered or moved).
        public var previousLabel: String?
        /// Its text in this revision (`nil` once deleted). A clause merged into another has the
        /// text of the paragraph it became part of.
        public var text: String?
        /// Whether the clause (its id) is in this revision: false once deleted, or merged into a
        /// clause that kept another id.
        public var present: Bool
        /// The word diff from the previous version's text (for a restoration, from its text
        /// before the deletion; for a part split off another clause, from that clause); empty for
        /// the first version; one `delete` run for a deletion.
        public var words: [WordRun]
    }

    /// The values of ``Version/status``: `introduced` (first version), `unchanged` (same text;
    /// possibly renumbered, then ``Version/previousLabel`` says from where), `modified`, `moved`
    /// (out of order, possibly reworded), `split`, `merged`, `deleted` (absent after having
    /// existed) and `restored` (back after a deletion, with the same id).
    public static let statuses = ["introduced", "unchanged", "modified", "moved", "split", "merged", "deleted", "restored"]

    /// `{"clause","versions":[{"revision":rev,"status","label","text","words":[{"op","text"}]}]}`.
    public var json: JSONValue {
        .object([
            ("clause", .string(clause)),
            ("versions", .array(versions.map { version in
                .object([
                    ("revision", version.revision.json), ("status", .string(version.status)),
                    ("label", .string(version.label)), ("text", .string(version.text)),
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
            for revision in history.revisions.reversed() {
                if try lineage(of: revision).state.clauses.contains(where: { $0.id == reference }) { return (reference, nil) }
            }
            throw LineageError("\(reference): no clause has this id", hint: "`lineage blame --format json` shows the clause ids")
        }
        let match = try clause(matchingPhrase: reference)
        return (match.clause, match)
    }

    /// The clause of the paragraph at `address` in `revision`.
    func clause(at address: String, in revision: Revision, reference: String) throws(LineageError) -> String {
        guard let paragraph = revision.resolution.paragraph(at: address) else {
            let all = revision.resolution.clauseAddresses
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
        guard !history.revisions.isEmpty else { throw LineageError("\(history.path): the history is empty") }
        // Candidates by clause id, each at the latest place (REV:ADDRESS) the phrase matches it, in
        // the tips (every line's latest revision, HEAD's first) and in the whole history.
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
                let texts = revision.resolution.paragraphs
                let matching = texts.indices.filter { pattern.matches(texts[$0].text) }
                guard !matching.isEmpty else { continue }
                let clauses = try lineage(of: revision).state.clauses
                let addresses = revision.resolution.clauseAddresses
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
        let scope =
            inLatest
            ? "the latest revision\(tips.count == 1 ? "" : "s") (\(tips.map(\.number).joined(separator: ", ")))"
            : "earlier revisions (not in \(tips.map(\.number).joined(separator: ", ")))"
        if found.count == 1 {
            return PhraseMatch(phrase: phrase, clause: found[0].clause, place: found[0].place, inLatest: inLatest)
        }
        if found.isEmpty {
            var notes: [String] = []
            for revision in history.revisions {
                for note in revision.resolution.footnotes where pattern.matches(note.text) {
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
    /// version in its own parent: across a fork both lines show their versions against the
    /// common ancestor; a merge compares with the parent it took the clause from.
    public func clauseHistory(of id: String) throws(LineageError) -> ClauseHistory {
        /// Where the clause stands in a revision: present (its text, address and index), or
        /// gone after having existed (its last text, address and index).
        enum Standing {
            case present(text: String, label: String, index: Int)
            case gone(text: String, label: String, index: Int)
        }
        var standing: [String: Standing] = [:]
        var versions: [ClauseHistory.Version] = []
        for revision in history.revisions {
            let lineage = try lineage(of: revision)
            let paragraphs = revision.resolution.paragraphs
            let addresses = revision.resolution.clauseAddresses
            let parents = history.parents(of: revision)
            let before = parents.compactMap { standing[$0.number] }
            var present: (text: String, label: String, index: Int)?
            var gone: (text: String, label: String, index: Int)?
            for s in before {
                switch s {
                case .present(let t, let l, let i): if present == nil { present = (t, l, i) }
                case .gone(let t, let l, let i): if gone == nil { gone = (t, l, i) }
                }
            }
            if let i = lineage.state.clauses.firstIndex(where: { $0.id == id }), i < paragraphs.count {
                let text = paragraphs[i].text
                let change = lineage.changes.first { $0.new.contains(i) }
                var status: String
                var words: [WordRun] = []
                if let previous = present {
                    words = WordDiff.diff(previous.text, text)
                    if let kind = change?.kind, kind != .inserted, kind != .restored {
                        status = kind.rawValue
                    } else {
                        status = previous.text == text ? "unchanged" : "modified"
                    }
                } else if let previous = gone {
                    status = "restored"
                    words = WordDiff.diff(previous.text, text)
                } else if let change, change.kind == .split, let parent = parents.first {
                    // A part split off another clause: its words come from that clause.
                    status = "split"
                    let old = change.old.filter { $0 < parent.resolution.paragraphs.count }
                    words = WordDiff.diff(old.map { parent.resolution.paragraphs[$0].text }.joined(separator: "\n"), text)
                } else {
                    status = "introduced"
                }
                let previousLabel = present.flatMap { $0.label != addresses[i] ? $0.label : nil }
                versions.append(
                    ClauseHistory.Version(
                        revision: revision, status: status, label: addresses[i], previousLabel: previousLabel, text: text,
                        present: true, words: words))
                standing[revision.number] = .present(text: text, label: addresses[i], index: i)
            } else if let previous = present {
                // Gone: merged into another clause, or deleted. (A merge's changes index the
                // union of its parents; the first parent's clauses come first, at their own
                // indexes, so a clause of the first parent is found at its index.)
                var fromFirst = false
                if let first = parents.first, case .present? = standing[first.number] { fromFirst = true }
                if fromFirst, let change = lineage.changes.first(where: { $0.kind == .merged && $0.old.contains(previous.index) }),
                    let into = change.new.first, into < paragraphs.count
                {
                    versions.append(
                        ClauseHistory.Version(
                            revision: revision, status: "merged", label: addresses[into], previousLabel: previous.label,
                            text: paragraphs[into].text, present: false, words: WordDiff.diff(previous.text, paragraphs[into].text)))
                } else {
                    versions.append(
                        ClauseHistory.Version(
                            revision: revision, status: "deleted", label: previous.label, previousLabel: nil, text: nil,
                            present: false, words: [WordRun(op: .delete, text: previous.text)]))
                }
                standing[revision.number] = .gone(text: previous.text, label: previous.label, index: previous.index)
            } else if let previous = gone {
                standing[revision.number] = .gone(text: previous.text, label: previous.label, index: previous.index)
            }
        }
        guard !versions.isEmpty else {
            throw LineageError("\(id): no revision has this clause", hint: "`lineage blame --format json` shows the clause ids")
        }
        return ClauseHistory(clause: id, versions: versions)
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
    static let hint = "name the clause as REV:ADDRESS (69/28:op4, 69/28:pp11, 69/28:op3(b)) or quote a phrase of its text"

    /// `pp11`, `op4`, `op3(b)`, `(a)`: `pp` or `op` (any case) and digits, or neither, then
    /// letters or digits in parentheses (at least one group without the prefix); no spaces.
    static func looksLikeAddress(_ text: String) -> Bool {
        var rest = Substring(text)
        let prefix = rest.prefix(2).lowercased()
        var stem = false
        if prefix == "pp" || prefix == "op" {
            let digits = rest.dropFirst(2).prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(2 + digits.count)
            stem = true
        }
        var groups = 0
        while rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return false }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
            groups += 1
            rest = rest[rest.index(after: close)...]
        }
        return rest.isEmpty && (stem || groups > 0)
    }

    /// `59/61#20`: a revision key, `#` and a number; no spaces.
    static func looksLikeID(_ text: String) -> Bool {
        guard let hash = text.lastIndex(of: "#"), hash != text.startIndex else { return false }
        let number = text[text.index(after: hash)...]
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber } && !text.contains { $0.isWhitespace }
    }
}
