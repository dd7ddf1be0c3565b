/// The text parser's normalisation and metadata phrases, for readers of other formats
/// (``ResolutionFormats``' Akoma Ntoso, Word, PDF readers): whatever the format, a clause's
/// text is cleaned by the same rules (``TextNormalizer``), so the same resolution gives the
/// same canonical document.
public enum PublishedText {
    /// Clause text as the text parser makes it from one run of text: emphasis markers and
    /// presentation tags removed, quotes and apostrophes straightened, ligatures expanded,
    /// invisible and control characters dropped, white space collapsed and trimmed; explicit
    /// footnote marks (superscript digits, `[^1]`, `<sup>1</sup>`) dropped (a structured format
    /// gives its footnote references apart from the text).
    ///
    /// - Complexity: O(n) in the length of `raw`.
    public static func clause(_ raw: String) -> String {
        TextNormalizer.droppingMarks(TextNormalizer.clean(Scalars(scalarsOf: raw))).string
    }

    /// The agenda item in "Agenda item 95" (the first of "Agenda items 14 and 117"). O(n).
    public static func agendaItem(in s: String) -> Int? {
        Metadata.agendaItem(in: Scalars(scalarsOf: s))
    }

    /// The session in "Seventy-sixth session". O(n).
    public static func session(in s: String) -> Int? {
        Metadata.session(in: Scalars(scalarsOf: s).undecorated())
    }

    /// The report in "[on the report of the First Committee (A/76/439, para. 7)]". O(n).
    public static func committeeReport(in s: String) -> String? {
        Metadata.committeeReport(in: Scalars(scalarsOf: s))
    }

    /// The date in "Resolution adopted by the General Assembly on 6 December 2021". O(n).
    public static func adoptionDate(in s: String) -> CivilDate? {
        Metadata.adoptionDate(in: Scalars(scalarsOf: s))
    }

    /// The meeting (and date, when on the same line) of "45th plenary meeting",
    /// "65th (resumed) plenary meeting, 6 December 2021". O(n).
    public static func plenaryMeeting(_ line: String) -> (meeting: Int, date: CivilDate?)? {
        let s = Scalars(scalarsOf: line).trimmed()
        return Metadata.plenaryMeeting(s)
    }

    /// The resolution number of a heading "76/19." or "43/78 H.", without the full stop. O(n).
    public static func resolutionNumber(_ heading: String) -> String? {
        Metadata.heading(Scalars(scalarsOf: heading).trimmed())?.number
    }
}
