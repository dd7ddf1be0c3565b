import ResolutionText

/// The documented JSON shapes of revisions.
extension Revision {
    /// `{"number","symbol","session","adopted","commit"}`: how every command names a revision.
    public var json: JSONValue {
        .object([
            ("number", .string(number)), ("symbol", .string(symbol)), ("session", .int(session)),
            ("adopted", .string(adopted?.iso)), ("commit", .string(commit?.hex)),
        ])
    }

    /// ``json`` with who proposed the revision and how it was adopted, as ``logJSON`` has them:
    /// `{"number","symbol","session","adopted","commit","draft","sponsors":[…],"vote"}`
    /// (`null`, `[]`, `null` when the source did not say). How `blame` and `history` name the
    /// revision that introduced (or last changed) a clause.
    public var jsonWithAdoption: JSONValue {
        guard case .object(var members) = json else { return json }
        members += adoptionMembers
        return .object(members)
    }

    /// `draft`, `sponsors` and `vote` (`{"outcome","inFavour","against","abstaining"}`).
    var adoptionMembers: [(String, JSONValue)] {
        [
            ("draft", .string(draft)), ("sponsors", .array(sponsors.map { .string($0) })),
            ("vote", vote.map { v in
                .object([
                    ("outcome", .string(v.outcome)), ("inFavour", .int(v.inFavour)),
                    ("against", .int(v.against)), ("abstaining", .int(v.abstaining)),
                ])
            } ?? .null),
        ]
    }

    /// ``logJSON`` with `series`, the name of the series it belongs to, after `branch`:
    /// what `lineage log --format json` prints.
    public func logJSON(series: String?) -> JSONValue {
        guard case .object(var members) = logJSON else { return logJSON }
        let at = (members.firstIndex { $0.0 == "branch" } ?? members.count - 1) + 1
        members.insert(("series", .string(series)), at: at)
        return .object(members)
    }

    /// `lineage log --format json`: `{"number","symbol","session","adopted","title","commit",
    /// "parents":[numbers],"branch","reasons":[…],"draft","sponsors":[…],"vote"}`: `parents` in
    /// commit order (first parent first; empty for the start of the series), `branch` the line
    /// it belongs to, `reasons` why each parent was chosen (one for the start of a series);
    /// `draft`, `sponsors` and `vote` (`{"outcome","inFavour","against","abstaining"}`) as the
    /// commit's trailers give them (`null`, `[]`, `null` when the source did not say).
    public var logJSON: JSONValue {
        .object([
            ("number", .string(number)), ("symbol", .string(symbol)), ("session", .int(session)),
            ("adopted", .string(adopted?.iso)), ("title", .string(title)), ("commit", .string(commit?.hex)),
            ("parents", .array(continues.compactMap(\.number).map { .string($0) })), ("branch", .string(line)),
            ("reasons", .array(continues.map { .string($0.reason) })),
        ] + adoptionMembers)
    }

    /// Paragraph counts by kind, and footnotes (the body read, see ``readResolution()``).
    public func readCounts() throws(LineageError) -> (preambular: Int, operative: Int, subparagraphs: Int, footnotes: Int) {
        let resolution = try readResolution()
        var p = 0, o = 0, s = 0
        for paragraph in resolution.paragraphs {
            switch paragraph.kind {
            case .preambular: p += 1
            case .operative: o += 1
            case .subparagraph: s += 1
            }
        }
        return (p, o, s, resolution.footnotes.count)
    }
}

/// How a resolution was adopted, read from its vote (the UN's Akoma Ntoso `voting`, stored in the
/// `Vote:` trailer): without a vote, by a recorded vote with its counts, or as the source words
/// an outcome it does not name so.
public enum Adoption: Sendable, Equatable, CustomStringConvertible {
    case withoutVote
    /// A recorded vote; a count the source does not give is `nil` (none recorded).
    case recordedVote(inFavour: Int?, against: Int?, abstaining: Int?)
    /// Any other outcome, as written (`Adopted 133-3-0, 88th plenary meeting`).
    case other(String)

    /// The outcomes the UN's markup writes for the two usual cases.
    static let withoutVoteOutcome = "adoptedWithoutVote"
    static let recordedVoteOutcome = "adoptedRecordedVote"

    public init(_ vote: Vote) {
        let counted = vote.inFavour != nil || vote.against != nil || vote.abstaining != nil
        if vote.outcome == Self.withoutVoteOutcome && !counted {
            self = .withoutVote
        } else if vote.outcome == Self.recordedVoteOutcome || (counted && vote.outcome.isEmpty) {
            self = .recordedVote(inFavour: vote.inFavour, against: vote.against, abstaining: vote.abstaining)
        } else {
            self = .other(vote.outcome)
        }
    }

    /// "without a vote", "recorded vote 170–2–3" (in favour, against, abstaining; a count the
    /// source does not give is 0), or the outcome as written.
    public var description: String {
        switch self {
        case .withoutVote: return "without a vote"
        case .recordedVote(nil, nil, nil): return "recorded vote"
        case .recordedVote(let yes, let no, let abstaining):
            return "recorded vote " + [yes, no, abstaining].map { String($0 ?? 0) }.joined(separator: "\u{2013}")
        case .other(let outcome): return outcome
        }
    }
}

extension Revision {
    /// How it was adopted, from its commit's `Vote:` trailer; `nil` when the source did not say
    /// (a text, a PDF: the bundled corpus).
    public var adoption: Adoption? { vote.map(Adoption.init) }

    /// Whether the source said who proposed it or how it was adopted.
    public var hasAdoptionRecord: Bool { vote != nil || !sponsors.isEmpty || draft != nil }
}
