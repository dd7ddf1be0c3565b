import Foundation
import LineageCore
import ResolutionText

// Every call into LineageCore lives in this file (the engine's API may change when its rewrite
// merges): the synthetic series, the accuracy measurement and ONE alignment function.

/// Aligns the paragraphs of two revisions; returns the number of changes found (kept so the work
/// cannot be optimised away).
func alignParagraphs(_ old: [Paragraph], _ new: [Paragraph]) -> Int {
    ParagraphAligner.align(old: old, new: new).changes.count
}

/// The generator and the accuracy evaluation of LineageCore, in the benchmark's terms.
enum Engine {
    private static func configuration(paragraphs: Int) -> SyntheticSeries.Configuration {
        var c = SyntheticSeries.Configuration()
        c.paragraphs = paragraphs
        return c
    }

    /// Streams the `count` revisions of a seeded series, without keeping them.
    static func series(seed: UInt64, paragraphs: Int, count: Int, _ body: (Int, Document) throws -> Void) rethrows {
        var g = SyntheticGenerator(seed: seed, configuration: configuration(paragraphs: paragraphs))
        for i in 0..<count {
            let (text, _) = g.next()
            try body(i, Document(paragraphs: text.paragraphs, footnotes: text.footnotes))
        }
    }

    struct AccuracyFigures {
        var precision = 0.0, recall = 0.0, f1 = 0.0, wordOrigin = 0.0, introduced = 0.0
        /// Over the tip's paragraphs: the true introducing and last-changing revision.
        var tipIntroduced = 0.0, tipLastChanged = 0.0, tipParagraphs = 0
        /// Seconds spent in the engine (alignment and provenance), generation and scoring excluded.
        var engineSeconds = 0.0
    }

    /// Runs the provenance engine over a series and scores it against the generator's truth
    /// (clause links, word origins, introducing revisions; at the tip, introducing and
    /// last-changing revisions).
    static func accuracy(seed: UInt64, paragraphs: Int, count: Int) -> AccuracyFigures {
        var g = SyntheticGenerator(seed: seed, configuration: configuration(paragraphs: paragraphs))
        var acc = Accuracy()
        var state: LineageState? = nil
        var seconds = 0.0
        for _ in 0..<count {
            let (text, truth) = g.next()
            let first = state == nil
            let t0 = now()
            let (s, changes) = Provenance.advance(parents: state.take().map { [$0] } ?? [], to: text)
            seconds += now() - t0
            acc.add(truth: truth, state: s, changes: changes, first: first)
            state = s
        }
        return AccuracyFigures(
            precision: acc.precision, recall: acc.recall, f1: acc.f1, wordOrigin: acc.wordOrigin,
            introduced: acc.introduced, tipIntroduced: acc.tipIntroduced, tipLastChanged: acc.tipLastChanged,
            tipParagraphs: acc.tipParagraphs, engineSeconds: seconds)
    }

    /// Aligned revision pairs per second over the consecutive pairs of a series (alignment only).
    static func alignmentThroughput(seed: UInt64, paragraphs: Int, count: Int) -> (pairs: Int, seconds: Double) {
        var previous: [Paragraph]? = nil
        var seconds = 0.0, pairs = 0, sink = 0
        series(seed: seed, paragraphs: paragraphs, count: count) { _, doc in
            if let previous {
                let t0 = now()
                sink &+= alignParagraphs(previous, doc.paragraphs)
                seconds += now() - t0
                pairs += 1
            }
            previous = doc.paragraphs
        }
        precondition(sink >= 0)
        return (pairs, seconds)
    }
}

/// Pathological revision pairs, each timed as one alignment.
enum Adversarial {
    struct Pair {
        var name: String
        var old: [Paragraph]
        var new: [Paragraph]
    }

    /// Paragraphs as a flat list of operative paragraphs (no sub-paragraph structure to respect).
    private static func operatives(_ texts: [String]) -> [Paragraph] {
        texts.enumerated().map { Paragraph(index: $0.offset, kind: .operative, label: String($0.offset + 1), text: $0.element) }
    }

    private static func first(seed: UInt64, paragraphs: Int) -> [Paragraph] {
        var out: [Paragraph] = []
        Engine.series(seed: seed, paragraphs: paragraphs, count: 1) { _, doc in out = doc.paragraphs }
        return out
    }

    /// Rewords a text deterministically: every `every`-th word is replaced by the word `shift`
    /// positions further on, and every 50th word is dropped.
    private static func reword(_ text: String, every: Int, shift: Int = 17) -> String {
        let words = text.split(separator: " ")
        var out: [Substring] = []
        out.reserveCapacity(words.count)
        for (i, w) in words.enumerated() where i % 50 != 49 {
            out.append(i % every == every - 1 ? words[(i + shift) % words.count] : w)
        }
        return out.joined(separator: " ")
    }

    static func pairs(seed: UInt64, paragraphs: Int) -> [Pair] {
        let base = first(seed: seed, paragraphs: paragraphs)
        var result: [Pair] = []

        // A full rewrite: every paragraph replaced by an unrelated one (another seed, same formulaic
        // vocabulary, so unrelated clauses still share many words).
        result.append(Pair(name: "full rewrite (\(base.count) paragraphs)", old: base, new: first(seed: seed &+ 7919, paragraphs: paragraphs)))

        // One 10,000-word paragraph against a reworded copy.
        var words: [Substring] = []
        var s = seed
        while words.count < 10_000 {
            for p in first(seed: s, paragraphs: paragraphs) { words += p.text.split(separator: " ") }
            s &+= 1
        }
        let long = words.prefix(10_000).joined(separator: " ")
        result.append(Pair(name: "one 10,000-word paragraph, reworded", old: operatives([long]), new: operatives([reword(long, every: 10)])))

        // 40 identical paragraphs, each reworded the same way: exact matching pairs none, every
        // candidate ties.
        let clause = base.max { $0.text.count < $1.text.count }!.text
        result.append(Pair(
            name: "40 identical paragraphs, all reworded", old: operatives(Array(repeating: clause, count: 40)),
            new: operatives(Array(repeating: reword(clause, every: 6), count: 40))))

        // The document reversed (sub-paragraphs flattened to operative paragraphs).
        let flat = operatives(base.map(\.text))
        result.append(Pair(name: "reversed document (\(flat.count) paragraphs)", old: flat, new: operatives(flat.reversed().map(\.text))))

        // 50 splits in one revision: 50 paragraphs, each cut in two at its middle word.
        var fifty: [String] = []
        s = seed
        while fifty.count < 50 {
            fifty += first(seed: s, paragraphs: paragraphs).map(\.text).filter { $0.split(separator: " ").count >= 20 }
            s &+= 1
        }
        fifty = Array(fifty.prefix(50))
        let halves = fifty.flatMap { text -> [String] in
            let w = text.split(separator: " ")
            return [w[..<(w.count / 2)].joined(separator: " "), w[(w.count / 2)...].joined(separator: " ")]
        }
        result.append(Pair(name: "50 splits in one revision", old: operatives(fifty), new: operatives(halves)))
        return result
    }

    /// Median seconds of `runs` alignments of a pair.
    static func time(_ pair: Pair, runs: Int) -> Double {
        var times: [Double] = []
        var sink = 0
        for _ in 0..<max(runs, 1) {
            let t0 = now()
            sink &+= alignParagraphs(pair.old, pair.new)
            times.append(now() - t0)
        }
        precondition(sink >= 0)
        return median(times)
    }
}
