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
            ("draft", .string(draft)), ("sponsors", .array(sponsors.map { .string($0) })),
            ("vote", vote.map { v in
                .object([
                    ("outcome", .string(v.outcome)), ("inFavour", .int(v.inFavour)),
                    ("against", .int(v.against)), ("abstaining", .int(v.abstaining)),
                ])
            } ?? .null),
        ])
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
