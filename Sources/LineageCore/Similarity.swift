import Foundation

/// How much two clauses have in common, as a score in `0...1`.
///
/// The score is a **weighted Dice coefficient over the multisets of content tokens**:
///
///     score(A, B) = 2 · Σₜ w(t) · min(countA(t), countB(t)) / (Σₜ w(t) · countA(t) + Σₜ w(t) · countB(t))
///
/// - Content tokens are words and numbers that are not stop words (`the`, `of`, `and`, `that` …);
///   punctuation never counts. Footnote marks and numbering labels are not part of a
///   ``ResolutionText/Paragraph``'s text, so they never count either.
/// - The weight `w(t)` is an inverse document frequency over a corpus (in the aligner: all
///   paragraphs of the two revisions being compared): `w(t) = ln((N + 1) / df(t))`, where N is the
///   number of texts in the corpus and df(t) the number of them containing t (tokens absent from
///   the corpus get the largest weight, `ln(N + 1)`). In formulaic UN prose, words that occur in
///   almost every clause ("information", "security", "Member States") thus weigh little, and the
///   rare words a clause does not share with its neighbours decide.
/// - Without a corpus (``uniform``) every content token weighs 1: the plain share of content words
///   kept.
///
/// ``containment(of:in:)`` is the weighted share of one text's content found in the other, used to
/// recognise the parts of a split and the sources of a merge.
///
/// Complexity: building a model is O(total corpus length); a score is O(length of both texts).
public struct Similarity: Sendable {
    private var interner: KeyInterner
    private var weights: [Double]
    private let defaultWeight: Double

    /// Every content token weighs 1.
    public static let uniform = Similarity(interner: KeyInterner(capacity: 8), weights: [], defaultWeight: 1)

    private init(interner: KeyInterner, weights: [Double], defaultWeight: Double) {
        self.interner = interner
        self.weights = weights
        self.defaultWeight = defaultWeight
    }

    /// Inverse-document-frequency weights from `corpus` (each element one document, e.g. one
    /// paragraph).
    public init<C: Collection>(corpus: C) where C.Element == String {
        var interner = KeyInterner(capacity: 1024)
        var df: [Int] = []
        var stamp: [Int] = []
        for (d, text) in corpus.enumerated() {
            Tokenizer.scan(text) { _, _, key, _ in
                let id = Int(interner.intern(key))
                if id == df.count {
                    df.append(0)
                    stamp.append(-1)
                }
                if stamp[id] != d {
                    stamp[id] = d
                    df[id] += 1
                }
            }
        }
        let n = Double(corpus.count)
        self.interner = interner
        self.weights = df.map { log((n + 1) / Double(max($0, 1))) }
        self.defaultWeight = log(n + 1)
    }

    /// The weight of a token (0 for stop words and punctuation).
    public func weight(of key: UInt64) -> Double {
        if StopWords.isWeak(key) { return 0 }
        let id = interner.lookup(key)
        return id >= 0 && Int(id) < weights.count ? weights[Int(id)] : defaultWeight
    }

    private func bag(_ text: String) -> [UInt64: Int] {
        var bag: [UInt64: Int] = [:]
        Tokenizer.scan(text) { _, _, key, _ in
            if !StopWords.isWeak(key) { bag[key, default: 0] += 1 }
        }
        return bag
    }

    private func mass(_ bag: [UInt64: Int]) -> Double {
        bag.reduce(0) { $0 + weight(of: $1.key) * Double($1.value) }
    }

    private func overlap(_ a: [UInt64: Int], _ b: [UInt64: Int]) -> Double {
        var s = 0.0
        for (k, c) in a {
            if let d = b[k] { s += weight(of: k) * Double(min(c, d)) }
        }
        return s
    }

    /// The weighted Dice score of two texts (see the type's documentation). 1 for two texts with
    /// the same content tokens (in any order), 0 when they share none; two texts without any content
    /// token score 1 if their tokens are equal and 0 otherwise.
    public func score(_ a: String, _ b: String) -> Double {
        let ba = bag(a), bb = bag(b)
        let total = mass(ba) + mass(bb)
        if total == 0 { return Tokenizer.keys(a) == Tokenizer.keys(b) ? 1 : 0 }
        return 2 * overlap(ba, bb) / total
    }

    /// The weighted share of `part`'s content tokens that also occur in `whole`.
    public func containment(of part: String, in whole: String) -> Double {
        let bp = bag(part), bw = bag(whole)
        let m = mass(bp)
        return m == 0 ? 0 : overlap(bp, bw) / m
    }

    /// ``score(_:_:)`` with ``uniform`` weights.
    public static func score(_ a: String, _ b: String) -> Double { uniform.score(a, b) }
}

