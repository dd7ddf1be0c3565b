/// How well the engine recovers the truth of a ``SyntheticSeries``.
///
/// - **Clause links**: over every pair of consecutive revisions, the set of (old paragraph, new
///   paragraph) pairs that are the same clause, split and merge parts included. Precision, recall
///   and F1 of the engine's links (from its ``Change``s) against the true ones.
/// - **Word origin**: the share of tokens, over all paragraphs of all revisions, whose computed
///   origin revision (``ClauseRecord/origins``) equals the true one.
/// - **Introduced**: the share of paragraphs, over all revisions, whose computed introducing
///   revision equals the true one.
/// - **At the tip**: over the paragraphs of the last revision added, the share whose introducing
///   revision, and the share whose last-changing revision, equals the true one (what `blame`
///   of the tip answers).
public struct Accuracy: Sendable, CustomStringConvertible {
    public var revisions = 0
    public var trueLinks = 0
    public var foundLinks = 0
    public var correctLinks = 0
    public var tokens = 0
    public var correctTokens = 0
    public var paragraphs = 0
    public var correctIntroduced = 0
    /// The paragraphs of the last revision added, and how many of them have the true introducing
    /// and last-changing revision.
    public var tipParagraphs = 0
    public var tipCorrectIntroduced = 0
    public var tipCorrectLastChanged = 0

    public init() {}

    public var precision: Double { foundLinks == 0 ? 1 : Double(correctLinks) / Double(foundLinks) }
    public var recall: Double { trueLinks == 0 ? 1 : Double(correctLinks) / Double(trueLinks) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    public var wordOrigin: Double { tokens == 0 ? 1 : Double(correctTokens) / Double(tokens) }
    public var introduced: Double { paragraphs == 0 ? 1 : Double(correctIntroduced) / Double(paragraphs) }
    public var tipIntroduced: Double { tipParagraphs == 0 ? 1 : Double(tipCorrectIntroduced) / Double(tipParagraphs) }
    public var tipLastChanged: Double { tipParagraphs == 0 ? 1 : Double(tipCorrectLastChanged) / Double(tipParagraphs) }

    public var description: String {
        func f(_ x: Double) -> String { String(Double(Int((x * 10000).rounded())) / 10000) }
        return "revisions \(revisions): links P \(f(precision)) R \(f(recall)) F1 \(f(f1)); "
            + "word origin \(f(wordOrigin)) (\(tokens) tokens); introduced \(f(introduced)) (\(paragraphs) paragraphs); "
            + "at the tip: introduced \(f(tipIntroduced)), last changed \(f(tipLastChanged)) (\(tipParagraphs) paragraphs)"
    }

    /// Adds one revision: its truth, the engine's state for it and the engine's changes from the
    /// previous revision.
    public mutating func add(truth: RevisionTruth, state: LineageState, changes: [Change], first: Bool) {
        revisions += 1
        if !first {
            var truthSet = Set<Int>()
            for l in truth.links { truthSet.insert(l.old << 32 | l.new) }
            var found = Set<Int>()
            for c in changes where c.kind != .inserted && c.kind != .deleted && c.kind != .restored {
                for o in c.old { for n in c.new { found.insert(o << 32 | n) } }
            }
            trueLinks += truthSet.count
            foundLinks += found.count
            correctLinks += found.intersection(truthSet).count
        }
        tipParagraphs = 0
        tipCorrectIntroduced = 0
        tipCorrectLastChanged = 0
        for (p, record) in state.clauses.enumerated() where p < truth.origins.count {
            paragraphs += 1
            tipParagraphs += 1
            if record.introduced == truth.introduced[p] {
                correctIntroduced += 1
                tipCorrectIntroduced += 1
            }
            if p < truth.lastChanged.count, record.lastChanged == truth.lastChanged[p] { tipCorrectLastChanged += 1 }
            var a = record.origins.makeIterator()
            var b = truth.origins[p].makeIterator()
            var ra = a.next(), rb = b.next()
            var total = 0, good = 0
            while var x = ra, var y = rb {
                let n = min(x.count, y.count)
                total += n
                if x.revision == y.revision { good += n }
                x.count -= n
                y.count -= n
                ra = x.count == 0 ? a.next() : x
                rb = y.count == 0 ? b.next() : y
            }
            let trueCount = truth.origins[p].reduce(0) { $0 + $1.count }
            tokens += trueCount
            correctTokens += min(good, trueCount)
            _ = total
        }
    }

    /// Runs ``Provenance`` over a series and measures it.
    public static func evaluate(_ series: SyntheticSeries, overrides: AlignmentOverrides = .none) -> Accuracy {
        var acc = Accuracy()
        var state: LineageState? = nil
        for (r, text) in series.revisions.enumerated() {
            let first = state == nil
            let (s, changes) = Provenance.advance(parents: state.take().map { [$0] } ?? [], to: text, overrides: overrides)
            acc.add(truth: series.truth[r], state: s, changes: changes, first: first)
            state = s
        }
        return acc
    }

    /// Generates and measures a series of `revisions` revisions without keeping it in memory.
    public static func evaluate(
        seed: UInt64, revisions: Int, configuration: SyntheticSeries.Configuration = SyntheticSeries.Configuration()
    ) -> Accuracy {
        var g = SyntheticGenerator(seed: seed, configuration: configuration)
        var acc = Accuracy()
        var state: LineageState? = nil
        for _ in 0..<revisions {
            let (text, truth) = g.next()
            let first = state == nil
            let (s, changes) = Provenance.advance(parents: state.take().map { [$0] } ?? [], to: text)
            acc.add(truth: truth, state: s, changes: changes, first: first)
            state = s
        }
        return acc
    }
}
