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

    /// Units for a list of paragraphs (reads the fields in place, without copying each paragraph).
    static func units(_ paragraphs: [Paragraph]) -> [AlignmentUnit] {
        var out: [AlignmentUnit] = []
        out.reserveCapacity(paragraphs.count)
        for i in paragraphs.indices {
            let k: Kind
            switch paragraphs[i].kind {
            case .preambular: k = .preambular
            case .operative: k = .operative
            case .subparagraph: k = .subparagraph
            }
            out.append(AlignmentUnit(text: paragraphs[i].text, kind: k, parent: k == .subparagraph ? paragraphs[i].parent : nil))
        }
        return out
    }

    init(_ f: Footnote) {
        self.text = f.text
        self.kind = .footnote
        self.parent = nil
    }

    var isSub: Bool { kind == .subparagraph }

    /// Whether two texts are the same but for their closing mark (a final `;`, `.` or `,`, set by
    /// position: see ``Tokenizer/closingKey``). O(length).
    static func sameLayoutText(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = a.utf8, y = b.utf8
        guard x.count == y.count, let p = x.last, let q = y.last, Tokenizer.isClosingMark(p), Tokenizer.isClosingMark(q)
        else { return false }
        return x.dropLast().elementsEqual(y.dropLast())
    }
}
