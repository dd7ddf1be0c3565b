import ResolutionText

/// The documented JSON shapes of revisions.
extension Revision {
    /// `{"number","symbol","session","adopted","commit"}`: how every command names a revision.
    public var json: JSONValue {
        .object([
            ("number", .string(number)), ("symbol", .string(symbol)), ("session", .int(resolution.session)),
            ("adopted", .string(adopted?.iso)), ("commit", .string(commit?.hex)),
        ])
    }

    /// `lineage log --format json`: `{"number","symbol","session","adopted","title","commit"}`.
    public var logJSON: JSONValue {
        .object([
            ("number", .string(number)), ("symbol", .string(symbol)), ("session", .int(resolution.session)),
            ("adopted", .string(adopted?.iso)), ("title", .string(resolution.title)), ("commit", .string(commit?.hex)),
        ])
    }

    /// Paragraph counts by kind, and footnotes.
    public var counts: (preambular: Int, operative: Int, subparagraphs: Int, footnotes: Int) {
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
