/// One adopted resolution, read from a published text: its metadata and its body.
///
/// Every metadata field is optional: a field the text does not state is `nil`, never guessed.
/// Derivations that follow from the UN's own conventions are not guesses: the symbol of
/// resolution `69/28` of the General Assembly is `A/RES/69/28`, and its session is 69.
///
/// The JSON encoding (``ResolutionJSON``) is a documented, stable shape that other tools depend on.
public struct Resolution: Sendable, Hashable {
    /// The document symbol, e.g. `A/RES/69/28`.
    public var symbol: String?
    /// The resolution number, e.g. `69/28`.
    public var number: String?
    /// The session of the General Assembly that adopted it, e.g. 69.
    public var session: Int?
    /// The title, without the number that precedes it in the heading.
    public var title: String?
    /// The adoption date.
    public var adopted: CivilDate?
    /// The plenary meeting at which it was adopted, e.g. 62 for "62nd plenary meeting".
    public var meeting: Int?
    /// The agenda item, e.g. 91 for "Agenda item 91".
    public var agendaItem: Int?
    /// The symbol of the Main Committee report it was adopted on, e.g. `A/69/435`.
    public var committeeReport: String?
    /// The symbol of the draft resolution it was adopted on, e.g. `A/C.1/74/L.50` or
    /// `A/74/L.20` (Akoma Ntoso's workflow carries it; printed texts rarely do).
    public var draft: String?
    /// The sponsors of the draft, then its additional sponsors, one Member State (or group)
    /// per entry, as the source names them; empty when the source does not say.
    public var sponsors: [String]
    /// How it was adopted (without a vote, or a recorded vote with its counts), when the source says.
    public var vote: Vote?
    /// Preambular paragraphs, operative paragraphs and their sub-paragraphs, in document order.
    public var paragraphs: [Paragraph]
    /// The footnotes, in order of their marks.
    public var footnotes: [Footnote]
    /// The annexes (a declaration, a programme of action …), kept apart from the resolution's
    /// own paragraphs: they are not operative paragraphs and are not part of the canonical
    /// document (format version 1).
    public var annexes: [Annex]
    /// The language of the text, as an ISO 639-2 code (`eng`, `fra`), when the source states it
    /// (Akoma Ntoso's `FRBRlanguage`); not part of the JSON shape, the commit or the document.
    public var language: String? = nil

    public init(
        symbol: String? = nil, number: String? = nil, session: Int? = nil, title: String? = nil,
        adopted: CivilDate? = nil, meeting: Int? = nil, agendaItem: Int? = nil,
        committeeReport: String? = nil, draft: String? = nil, sponsors: [String] = [], vote: Vote? = nil,
        paragraphs: [Paragraph] = [], footnotes: [Footnote] = [], annexes: [Annex] = []
    ) {
        self.symbol = symbol
        self.number = number
        self.session = session
        self.title = title
        self.adopted = adopted
        self.meeting = meeting
        self.agendaItem = agendaItem
        self.committeeReport = committeeReport
        self.draft = draft
        self.sponsors = sponsors
        self.vote = vote
        self.paragraphs = paragraphs
        self.footnotes = footnotes
        self.annexes = annexes
    }
}

/// How a resolution was adopted, as the source records it.
public struct Vote: Sendable, Hashable {
    /// The outcome as the source writes it, e.g. `"adopted without a vote"` or
    /// `"recorded vote"` (Akoma Ntoso: the text of the voting outcome).
    public var outcome: String
    /// The counts of a recorded vote; `nil` when not counted (adopted without a vote).
    public var inFavour: Int?
    public var against: Int?
    public var abstaining: Int?
    /// Each Member State's vote in a recorded vote, in the source's order.
    public var ballots: [Ballot]

    public init(outcome: String, inFavour: Int? = nil, against: Int? = nil, abstaining: Int? = nil, ballots: [Ballot] = []) {
        self.outcome = outcome
        self.inFavour = inFavour
        self.against = against
        self.abstaining = abstaining
        self.ballots = ballots
    }

    /// One Member State's vote.
    public struct Ballot: Sendable, Hashable {
        public enum Choice: String, Sendable, Hashable, CaseIterable {
            case inFavour, against, abstaining, absent
        }
        public var state: String
        public var choice: Choice
        public init(state: String, choice: Choice) {
            self.state = state
            self.choice = choice
        }
    }
}

/// An annex of a resolution: its heading (`"Annex"`, `"Annex I"`), its title and its
/// paragraphs as text, in order.
public struct Annex: Sendable, Hashable {
    public var heading: String
    public var title: String?
    public var paragraphs: [String]

    public init(heading: String, title: String? = nil, paragraphs: [String] = []) {
        self.heading = heading
        self.title = title
        self.paragraphs = paragraphs
    }
}

/// One paragraph of a resolution's body.
public struct Paragraph: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A preambular paragraph ("Recalling its resolutions …,").
        case preambular
        /// A numbered operative paragraph ("1. Calls upon …;").
        case operative
        /// An item inside a paragraph: lettered ("(a) General …;"), a roman item under a lettered
        /// one ("(i)" under "(b)"), a dotted norm ("1.5" under operative paragraph 1).
        case subparagraph
    }

    /// Position in the body, counted from 0 in document order.
    public var index: Int
    public var kind: Kind
    /// The number or letter as printed, without punctuation around numbers: `"1"`, `"(a)"`,
    /// `"1.5"`; `nil` for preambular paragraphs and an unnumbered operative paragraph.
    public var label: String?
    /// For a sub-paragraph, the ``index`` of the paragraph or item it belongs to.
    public var parent: Int?
    /// The clause text: wording and punctuation as published, without its number label,
    /// emphasis markers or footnote marks; quotes and apostrophes straightened.
    public var text: String
    /// The marks of the footnotes this paragraph refers to, in order of appearance.
    public var footnotes: [String]

    public init(
        index: Int, kind: Kind, label: String? = nil, parent: Int? = nil, text: String,
        footnotes: [String] = []
    ) {
        self.index = index
        self.kind = kind
        self.label = label
        self.parent = parent
        self.text = text
        self.footnotes = footnotes
    }
}

/// A footnote: its mark (`"1"`) and its text.
public struct Footnote: Sendable, Hashable, Codable {
    public var mark: String
    public var text: String

    public init(mark: String, text: String) {
        self.mark = mark
        self.text = text
    }
}
