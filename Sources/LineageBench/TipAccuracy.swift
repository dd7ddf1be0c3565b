import Foundation
import LineageCore

/// `lineage-bench --tip-accuracy SEEDS`: the share of the tip's clauses whose introducing and
/// last-changing revision the engine gets right (what `blame` of the tip answers), on one
/// synthetic series per seed, scored in process against the generator's truth
/// (``Engine/accuracy(seed:paragraphs:count:)``, the bench's "tip's clauses" rows).
enum TipAccuracy {
    /// The share the bar of issue 14 asks for, over all the series together.
    static let target = 0.99

    /// Prints one line per seed and the totals; exits 0 when both shares reach ``target``, 1 otherwise.
    /// - Complexity: O(seeds × revisions × the engine's cost of one revision).
    static func run(seeds: [UInt64], revisions: Int, paragraphs: Int) -> Never {
        var clauses = 0, introduced = 0, lastChanged = 0
        print("seed  revisions  tip clauses  introduced right  last changed right")
        for seed in seeds {
            let a = Engine.accuracy(seed: seed, paragraphs: paragraphs, count: revisions)
            let i = Int((a.tipIntroduced * Double(a.tipParagraphs)).rounded())
            let l = Int((a.tipLastChanged * Double(a.tipParagraphs)).rounded())
            clauses += a.tipParagraphs
            introduced += i
            lastChanged += l
            print(String(format: "%4llu  %9d  %11d  %16d  %18d", seed, revisions, a.tipParagraphs, i, l))
        }
        let shareIntroduced = clauses == 0 ? 1 : Double(introduced) / Double(clauses)
        let shareLastChanged = clauses == 0 ? 1 : Double(lastChanged) / Double(clauses)
        print(String(
            format: "all: introduced right for %d of %d tip clauses (%.1f%%), last changed right for %d of %d (%.1f%%); target %.0f%%",
            introduced, clauses, 100 * shareIntroduced, lastChanged, clauses, 100 * shareLastChanged, 100 * target))
        exit(shareIntroduced >= target && shareLastChanged >= target ? 0 : 1)
    }
}
