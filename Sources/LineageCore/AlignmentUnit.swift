import ResolutionText

/// What the aligner knows about one paragraph or footnote: its text, its kind and its parent.
struct AlignmentUnit: Sendable {
    enum Kind: UInt8, Sendable {
        case preambular, operative, subparagraph, footnote
    }

    var text: String
    var kind: Kind
    /// Index of the parent unit in the same list (sub-paragraphs only).
    var parent: Int?

    init(text: String, kind: Kind, parent: Int? = nil) {
        self.text = text
        self.kind = kind
        self.parent = parent
    }

    init(_ p: Paragraph) {
        self.text = p.text
        self.parent = p.kind == .subparagraph ? p.parent : nil
        switch p.kind {
        case .preambular: kind = .preambular
        case .operative: kind = .operative
        case .subparagraph: kind = .subparagraph
        }
    }

    init(_ f: Footnote) {
        self.text = f.text
        self.kind = .footnote
        self.parent = nil
    }

    var isSub: Bool { kind == .subparagraph }
}
