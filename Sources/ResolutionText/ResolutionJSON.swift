/// The JSON shape of a parsed resolution, a documented interface that other tools depend on.
///
/// Keys always appear, in this order, with `null` for absent values:
///
/// ```json
/// {
///   "symbol": "A/RES/69/28", "number": "69/28", "session": 69, "title": "…",
///   "adopted": "2014-12-02", "meeting": 62, "agendaItem": 91, "committeeReport": "A/69/435",
///   "draft": "A/C.1/69/L.26", "sponsors": ["Russian Federation", "…"],
///   "vote": {"outcome": "adoptedRecordedVote", "inFavour": 92, "against": 65, "abstaining": 13,
///            "ballots": [{"state": "AFGHANISTAN", "vote": "inFavour"}]},
///   "paragraphs": [
///     {"index": 0, "address": "pp1", "kind": "preambular", "label": null, "parent": null, "text": "…", "footnotes": []},
///     {"index": 22, "address": "op1.1", "kind": "subparagraph", "label": "1.1", "parent": 21, "text": "…", "footnotes": []}
///   ],
///   "footnotes": [{"mark": "1", "text": "See A/51/261, annex."}],
///   "annexes": [{"heading": "Annex", "title": "…", "paragraphs": ["…"]}]
/// }
/// ```
///
/// `kind` is `preambular`, `operative` or `subparagraph` (an item inside a paragraph: `(a)`,
/// `(i)` under `(b)`, a dotted `1.1`); `address` is the paragraph's address (``ClauseAddress``);
/// `parent` the `index` of the paragraph or item it belongs to; `adopted` is `YYYY-MM-DD`.
/// `draft`, `sponsors`, `vote` and `annexes` come from formats that carry them (the UN's Akoma
/// Ntoso): `null`, `[]`, `null`, `[]` otherwise. `sponsors` are the draft's sponsors, then its
/// additional sponsors, one name per entry. `vote.outcome` is as the source writes it
/// (`adoptedWithoutVote`, `adoptedRecordedVote`); a count the source does not give is `null`;
/// `ballots` lists each Member State's `vote` (`inFavour`, `against`, `abstaining`) in the
/// source's order.
public enum ResolutionJSON {
    public static func value(_ r: Resolution) -> JSONValue {
        .object([
            ("symbol", .string(r.symbol)),
            ("number", .string(r.number)),
            ("session", .int(r.session)),
            ("title", .string(r.title)),
            ("adopted", .string(r.adopted?.iso)),
            ("meeting", .int(r.meeting)),
            ("agendaItem", .int(r.agendaItem)),
            ("committeeReport", .string(r.committeeReport)),
            ("draft", .string(r.draft)),
            ("sponsors", .array(r.sponsors.map { .string($0) })),
            ("vote", r.vote.map(value) ?? .null),
            ("paragraphs", .array(zip(r.paragraphs, r.clauseAddresses).map { value($0, address: $1) })),
            ("footnotes", .array(r.footnotes.map(value))),
            ("annexes", .array(r.annexes.map(value))),
        ])
    }

    public static func value(_ v: Vote) -> JSONValue {
        .object([
            ("outcome", .string(v.outcome)),
            ("inFavour", .int(v.inFavour)),
            ("against", .int(v.against)),
            ("abstaining", .int(v.abstaining)),
            ("ballots", .array(v.ballots.map { .object([("state", .string($0.state)), ("vote", .string($0.choice.rawValue))]) })),
        ])
    }

    public static func value(_ a: Annex) -> JSONValue {
        .object([
            ("heading", .string(a.heading)),
            ("title", .string(a.title)),
            ("paragraphs", .array(a.paragraphs.map { .string($0) })),
        ])
    }

    public static func value(_ p: Paragraph, address: String? = nil) -> JSONValue {
        .object([
            ("index", .int(p.index)),
            ("address", .string(address)),
            ("kind", .string(p.kind.rawValue)),
            ("label", .string(p.label)),
            ("parent", .int(p.parent)),
            ("text", .string(p.text)),
            ("footnotes", .array(p.footnotes.map { .string($0) })),
        ])
    }

    public static func value(_ f: Footnote) -> JSONValue {
        .object([("mark", .string(f.mark)), ("text", .string(f.text))])
    }
}

/// The plain-text report printed by `lineage parse FILE`: metadata lines, then every paragraph
/// under its address (`pp1`, `op3(a)`) with its footnote references, then the footnotes. No
/// colour or terminal control; absent fields are shown as `-`.
///
/// ```text
/// Symbol:            A/RES/69/28
/// Number:            69/28
/// …
/// Paragraphs:        18 preambular, 5 operative, 4 sub-paragraphs
/// Footnotes:         4
///
/// pp1     Recalling its resolutions 53/70 of 4 December 1998, …
/// pp6     Bearing in mind the results … that were made, [1]
/// op3(a)  General appreciation of the issues of information security;
///
/// [1] See A/51/261, annex.
/// ```
public enum ResolutionSummary {
    public static func text(_ r: Resolution) -> String {
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(1, width - s.count)) }
        func field(_ name: String, _ value: String?) -> String {
            pad(name + ":", 19) + (value ?? "-") + "\n"
        }
        let kinds = Paragraph.Kind.allCases.map { kind in r.paragraphs.filter { $0.kind == kind }.count }
        var out = ""
        out += field("Symbol", r.symbol)
        out += field("Number", r.number)
        out += field("Session", r.session.map(String.init))
        out += field("Title", r.title)
        out += field("Adopted", r.adopted?.iso)
        out += field("Meeting", r.meeting.map(String.init))
        out += field("Agenda item", r.agendaItem.map(String.init))
        out += field("Committee report", r.committeeReport)
        out += field("Draft", r.draft)
        out += field("Sponsors", r.sponsors.isEmpty ? nil : "\(r.sponsors.count): " + r.sponsors.joined(separator: "; "))
        out += field("Vote", r.vote.map(Self.vote))
        out += field("Annexes", r.annexes.isEmpty ? nil : r.annexes.map { a in a.title.map { "\(a.heading): \($0)" } ?? a.heading }.joined(separator: "; "))
        out += field("Paragraphs", "\(kinds[0]) preambular, \(kinds[1]) operative, \(kinds[2]) sub-paragraphs")
        out += field("Footnotes", String(r.footnotes.count))
        let addresses = r.clauseAddresses
        let width = max(8, (addresses.map(\.count).max() ?? 0) + 2)
        if !r.paragraphs.isEmpty { out += "\n" }
        for (p, address) in zip(r.paragraphs, addresses) {
            out += pad(address, width) + p.text
            for m in p.footnotes { out += " [\(m)]" }
            out += "\n"
        }
        if !r.footnotes.isEmpty { out += "\n" }
        for f in r.footnotes { out += "[\(f.mark)] \(f.text)\n" }
        return out
    }

    /// "adoptedRecordedVote: 92 in favour, 65 against, 13 abstaining", or the outcome alone.
    public static func vote(_ v: Vote) -> String {
        let counts = [(v.inFavour, "in favour"), (v.against, "against"), (v.abstaining, "abstaining")]
            .compactMap { n, what in n.map { "\($0) \(what)" } }
        return counts.isEmpty ? v.outcome : v.outcome + ": " + counts.joined(separator: ", ")
    }
}

/// The plain-text report of `r` (``ResolutionSummary/text(_:)``).
public func textSummary(_ r: Resolution) -> String { ResolutionSummary.text(r) }
