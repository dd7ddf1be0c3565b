import ResolutionText

/// One revision of the evolving document, as given to ``Provenance/advance(parents:to:overrides:)``.
public struct RevisionText: Sendable, Hashable {
    /// The revision's key, e.g. `"69/28"`. Keys must be unique within a history.
    public var key: String
    public var paragraphs: [Paragraph]
    public var footnotes: [Footnote]

    public init(key: String, paragraphs: [Paragraph], footnotes: [Footnote] = []) {
        self.key = key
        self.paragraphs = paragraphs
        self.footnotes = footnotes
    }
}
