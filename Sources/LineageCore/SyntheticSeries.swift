import ResolutionText

/// What really happened in one revision of a ``SyntheticSeries``.
public struct RevisionTruth: Sendable {
    /// The true clause identity of each paragraph (generator ids; only equality matters).
    public var clauses: [Int]
    /// The key of the revision that introduced each paragraph's clause (under the conventions of
    /// ``Provenance``: a split-off part is introduced by the splitting revision, a merge result keeps
    /// the identity of the source contributing most tokens, a restored clause keeps its own).
    public var introduced: [String]
    /// The key of the revision that last changed each paragraph's clause, under the conventions
    /// of ``Provenance``: a change of wording, a split, a merge or a restoration; not a move,
    /// renumbering, a footnote, or the closing mark that follows position (the last paragraph
    /// ends with a full stop, see ``Tokenizer/closingKey``).
    public var lastChanged: [String]
    /// The true origin of every token of each paragraph.
    public var origins: [[OriginRun]]
    /// Pairs (paragraph in the previous revision, paragraph here) that are the same clause, split
    /// and merge parts included; empty for the first revision.
    public var links: [(old: Int, new: Int)]
}

/// A seeded, deterministic series of synthetic resolutions with known truth, to calibrate and
/// measure the alignment and provenance engine.
///
/// Each revision has about ``Configuration/paragraphs`` paragraphs (about 14 KB): preambular
/// clauses ("Recalling…", "Noting…", "Welcoming…") and numbered operative clauses ("Requests…",
/// "Invites…", "Decides…"), some with lettered sub-paragraphs, written from a small formulaic
/// vocabulary so that unrelated clauses share many words ("Member States", "information
/// security", "the Secretary-General"…), plus footnotes. The first preambular paragraph cites the
/// earlier resolutions and grows every revision, as in the real series.
///
/// Every step from one revision to the next applies, at random but with recorded truth: light
/// rewording (1–3 words replaced, inserted or deleted), heavy rewording (alternate spans of 3–6
/// words rewritten, so about half the words change; only clauses of 24 tokens or more: a short
/// sub-paragraph rewritten by half is a new clause), insertions, deletions, moves, splits, merges, restorations of a clause
/// deleted at least three revisions earlier, and footnote changes; operative paragraphs and
/// footnote marks are renumbered as a consequence. The last paragraph ends with a full stop where
/// the others end with a semicolon, so a clause moved to or from the end changes its closing mark,
/// which is layout, not a change.
///
/// Generation is O(size of each revision) per revision (``SyntheticGenerator`` streams revisions
/// for long benchmarks without keeping them all).
public struct SyntheticSeries: Sendable {
    /// Rates of the edits applied at each step.
    public struct Configuration: Sendable {
        /// Target number of paragraphs per revision.
        public var paragraphs = 40
        /// Per clause and step: probability of light rewording.
        public var lightRewording = 0.04
        /// Per clause and step: probability of heavy rewording.
        public var heavyRewording = 0.008
        /// Expected insertions (and, to keep the size stable, deletions) per step.
        public var insertions = 0.8
        /// Expected moves per step.
        public var moves = 0.3
        /// Expected splits per step.
        public var splits = 0.1
        /// Expected merges per step.
        public var merges = 0.1
        /// Expected restorations per step.
        public var restorations = 0.15
        /// Per footnote and step: probability that a document is added to it.
        public var footnoteGrowth = 0.2

        public init() {}
    }

    public let seed: UInt64
    public var revisions: [RevisionText]
    public var truth: [RevisionTruth]

    public init(seed: UInt64, revisions count: Int, configuration: Configuration = Configuration()) {
        self.seed = seed
        var g = SyntheticGenerator(seed: seed, configuration: configuration)
        revisions = []
        truth = []
        revisions.reserveCapacity(count)
        truth.reserveCapacity(count)
        for _ in 0..<count {
            let (r, t) = g.next()
            revisions.append(r)
            truth.append(t)
        }
    }

    /// The key of revision `index` (0-based): `"r1"`, `"r2"`, ….
    public static func key(_ index: Int) -> String { "r\(index + 1)" }
}

