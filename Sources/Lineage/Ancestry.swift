import ResolutionText

/// Which earlier revision(s) each revision continues, and which line (git branch) it belongs
/// to: the series as a graph, as a careful analyst would draw it.
///
/// Revisions are taken in history order (adoption date, then number); each one's parents are
/// chosen among the revisions before it, on this evidence, first that applies:
///
/// 1. **The corrections file** (`parents 73/266 69/28`) decides.
/// 2. **Citations.** The resolutions its preamble recalls or reaffirms
///    (``ResolutionText/Resolution/citedResolutions()``) that are in the history, keeping only
///    the latest of each line: a cited revision that is an ancestor of another cited one is
///    dropped. Resolutions missing from the corpus are thereby skipped over (73/27 cites
///    70/237 and 71/28; when they are absent its latest cited revision is 69/28). Each remaining
///    candidate must also have given text: at least ``minimumShare`` of the revision's word
///    4-grams occur in it, or of its 4-grams occur in the revision (a long rewrite keeps most of
///    a short parent). A cited revision gives way to a later revision with the new one's title
///    that descends from it and gives clearly more of the text (a preamble copied from the
///    predecessor may not cite the predecessor itself). A second or later parent must give at least ``minimumMergeShare``
///    that the parents before it do not. One candidate left is the parent; several are a
///    **merge**, ordered by how much text each gave.
/// 3. **The title.** With no usable citation, a revision continues the latest earlier revision
///    with the same title (normalised: case, punctuation and spacing aside).
/// 4. **The text.** A revision with a new title and no citation branches from the earlier
///    revision that shares the most of its word 4-grams (if any shares ``minimumShare``);
///    otherwise it starts a new series.
///
/// Two revisions that continue one parent are a **fork** (73/27 and 73/266 both continue 69/28).
///
/// Lines, decided once every parent is known: the first revision starts the default line, and
/// a line is a chain of first parents. A revision continues its first parent's line unless a
/// sibling does: of the revisions whose first parent is one revision, the one that keeps a title
/// the line has carried goes on with it (else the one whose title is closest; the earliest at a
/// tie), whatever its own title when it is the only one. A merge is no exception: it lands on
/// its first parent's line, as in git (its first parent is the one whose title is closest to its
/// own, by word overlap). So 77/36, which returns to the "Developments" title after the merge 76/19,
/// continues the default line, and 77/37 ("Programme of action…"), its sibling, starts one.
/// The others start new lines, named after their titles by ``LineName`` (or as the
/// corrections file says with `branch`, which always starts a line).
///
/// Complexity: O(n·c) for n revisions citing c revisions each, plus the ancestor checks (a walk
/// up through parents, each revision at most once per check). Word 4-gram sets, O(length) each,
/// are built for the revisions the text must confirm or decide: the cited ones, and, for a
/// revision with a new title and no citation, every earlier revision (its closest text); the last
/// 256 are cached.
public struct Ancestry: Sendable {
    /// Share of a revision's word 4-grams a cited candidate must hold to be a parent.
    public static let minimumShare = 0.2
    /// Share of a revision's word 4-grams a second parent must give that earlier parents do not.
    public static let minimumMergeShare = 0.02

    /// The decision for one revision.
    public struct Decision: Sendable, Equatable {
        /// The revision's number.
        public var revision: String
        /// Parent numbers, first parent first; empty for the start of a series.
        public var parents: [String]
        /// Why, for each parent (same order), or why there is none: one short phrase each.
        public var reasons: [String]
        /// The line (branch name) the revision belongs to.
        public var line: String
    }

    /// Decisions in history order.
    public private(set) var decisions: [Decision]
    /// Line names in the order the lines started; the first is the default line.
    public private(set) var lines: [String]

    /// The decision for a revision number.
    public func decision(for number: String) -> Decision? {
        index[number].map { decisions[$0] }
    }

    private var index: [String: Int] = [:]

    /// Infers the graph of `revisions` (in history order) with the user's `corrections`.
    /// Throws when a correction names a revision that is not in the history or not earlier.
    public init(_ revisions: [Revision], corrections: Corrections = Corrections()) throws(LineageError) {
        decisions = []
        lines = []
        var inference = Inference(revisions: revisions)
        var parentsOf: [[String]] = []
        var reasonsOf: [[String]] = []
        for k in revisions.indices {
            let (parents, reasons) = try inference.parents(of: k, corrections: corrections)
            inference.record(parents: parents)
            parentsOf.append(parents)
            reasonsOf.append(reasons)
        }
        // Lines, once every parent is known: a line is a chain of first parents; each revision's
        // line goes on with its successor (``successor(among:lineTitles:titles:)``), decided once per
        // revision, when its first follower is met (the line's titles are those up to it).
        var followers: [Int: [Int]] = [:]  // position -> the revisions whose first parent it is, in history order
        for k in revisions.indices {
            if let first = parentsOf[k].first, corrections.branches[revisions[k].number] == nil {
                followers[inference.position[first]!, default: []].append(k)
            }
        }
        var lineTitles: [String: Set<String>] = [:]  // line name -> the normalised titles its revisions carry
        var named: [String: String] = [:]  // line name -> the normalised title that named it
        var successors: [Int: Int] = [:]  // position -> the follower that continues its line (-1: none)
        for (k, revision) in revisions.enumerated() {
            let number = revision.number
            var line: String
            let first = parentsOf[k].first.map { inference.position[$0]! }
            if let first, successors[first] == nil {
                successors[first] =
                    Self.successor(among: followers[first] ?? [], lineTitles: lineTitles[decisions[first].line]!, titles: inference.titles)
                    ?? -1
            }
            if let first, successors[first] == k {
                line = decisions[first].line
            } else {
                line = LineName.make(
                    title: revision.title, requested: corrections.branches[number], number: number,
                    taken: named)
                named[line] = LineName.slugWords(revision.title).joined(separator: " ")
                lines.append(line)
            }
            lineTitles[line, default: []].insert(inference.titles[k])
            index[number] = decisions.count
            decisions.append(Decision(revision: number, parents: parentsOf[k], reasons: reasonsOf[k], line: line))
        }
    }

    /// The graph as stored: each revision's parents are its commit's, its line the branch
    /// ``History`` found it on (`revisions` in history order, read from a repository). What a
    /// bare build recomputes the lineage along, without inferring anything anew.
    ///
    /// Complexity: O(n) for n revisions and their parents.
    init(stored revisions: [Revision], lines: [String]) {
        let number = Dictionary(revisions.compactMap { r in r.commit.map { ($0, r.number) } }) { a, _ in a }
        decisions = revisions.map { r in
            Decision(
                revision: r.number, parents: r.parents.compactMap { number[$0] }, reasons: r.continues.map(\.reason),
                line: r.line ?? lines.first ?? "")
        }
        self.lines = lines
        for (k, d) in decisions.enumerated() { index[d.revision] = k }
    }

    /// The revision that continues the line of a revision, among `followers` (the revisions
    /// whose first parent it is, in history order, without those the corrections file puts on a
    /// `branch` of their own): the one that keeps a title the line has carried (`lineTitles`),
    /// else the one whose title is closest to one of them (the share of words in common);
    /// the earliest at a tie. A revision that is its parent's only follower continues the line,
    /// whatever its title; the others of a fork start lines of their own.
    ///
    /// Complexity: O(f·t·w) for f followers, t titles on the line and w words a title.
    static func successor(among followers: [Int], lineTitles: Set<String>, titles: [String]) -> Int? {
        guard followers.count > 1 else { return followers.first }
        func rank(_ c: Int) -> (keeps: Bool, closeness: Double) {
            if lineTitles.contains(titles[c]) { return (true, 1) }
            return (false, lineTitles.map { Inference.closeness(titles[c], $0) }.max() ?? 0)
        }
        var best = followers[0]
        var bestRank = rank(best)
        for c in followers.dropFirst() {
            let r = rank(c)
            if (r.keeps && !bestRank.keeps) || (r.keeps == bestRank.keeps && r.closeness > bestRank.closeness) {
                best = c
                bestRank = r
            }
        }
        return best
    }
}

/// The evidence and its bookkeeping, revision by revision.
private struct Inference {
    let revisions: [Revision]
    /// Each revision's normalised title.
    let titles: [String]
    var position: [String: Int] = [:]
    /// Parents of each revision (positions, always lower than its own), filled as revisions are decided.
    var parentPositions: [[Int]] = []
    /// Word 4-grams of recent revisions (a cache, trimmed to the revisions near the one decided,
    /// so memory does not grow with the history).
    var grams: [Int: Set<UInt64>] = [:]
    static let gramsKept = 256
    /// Scratch for ``isAncestor(_:of:)``: the walk that last visited each revision.
    private var visited: [Int] = []
    private var walk = 0

    init(revisions: [Revision]) {
        self.revisions = revisions
        titles = revisions.map { Self.normalisedTitle($0.title) }
        visited = Array(repeating: 0, count: revisions.count)
        for (k, r) in revisions.enumerated() where position[r.number] == nil { position[r.number] = k }
    }

    mutating func record(parents: [String]) {
        parentPositions.append(parents.map { position[$0]! })
    }

    /// Whether `c` is an ancestor of the decided revision `d`: a walk up from `d` through
    /// parents, never below `c` (parents come earlier in the history), each revision once.
    mutating func isAncestor(_ c: Int, of d: Int) -> Bool {
        walk += 1
        var stack = [d]
        while let at = stack.popLast() {
            for p in parentPositions[at] where p >= c && visited[p] != walk {
                if p == c { return true }
                visited[p] = walk
                stack.append(p)
            }
        }
        return false
    }

    mutating func parents(of k: Int, corrections: Corrections) throws(LineageError) -> ([String], [String]) {
        let revision = revisions[k]
        if let forced = corrections.parents[revision.number] {
            for p in forced {
                guard let i = position[p], i < k else {
                    throw LineageError(
                        "\(Corpus.correctionsFileName): parents \(revision.number): \(p) is not a revision before \(revision.number) in the history")
                }
            }
            return (forced, forced.isEmpty ? ["set by \(Corpus.correctionsFileName)"] : forced.map { _ in "set by \(Corpus.correctionsFileName)" })
        }
        guard k > 0 else { return ([], ["the first revision"]) }

        // 2. Citations: the latest cited revision of each line, confirmed by the text.
        let citations: [String]
        if let known = revision.citations {
            citations = known
        } else {
            citations = try revision.readResolution().citedResolutions()
        }
        let cited = citations.compactMap { position[$0] }.filter { $0 < k }
        if !cited.isEmpty {
            let citedSet = Set(cited)
            var latest = cited.filter { c in !citedSet.contains { $0 != c && isAncestor(c, of: $0) } }
            // A text that copies its predecessor's preamble may not cite that predecessor: a
            // later revision with the same title that descends from the cited one and gives more
            // of the text takes its place.
            let title = titles[k]
            var replaced: [Int: Int] = [:]
            for (n, c) in latest.enumerated() {
                guard let d = (c + 1..<k).last(where: { titles[$0] == title && isAncestor(c, of: $0) }),
                    try share(of: k, in: [d]) > share(of: k, in: [c]) + 0.05
                else { continue }
                latest[n] = d
                replaced[d] = c
            }
            var scored = try latest.map { (c) throws(LineageError) in (at: c, share: try share(of: k, in: [c]), kept: try share(of: c, in: [k])) }
                .filter { max($0.share, $0.kept) >= Ancestry.minimumShare }
            scored.sort { $0.share != $1.share ? $0.share > $1.share : $0.at > $1.at }
            var chosen: [(at: Int, share: Double, kept: Double, only: Double)] = []
            for candidate in scored {
                let before = chosen.map(\.at)
                let only = try before.isEmpty ? candidate.share : share(of: k, in: before + [candidate.at]) - share(of: k, in: before)
                if before.isEmpty || only >= Ancestry.minimumMergeShare {
                    chosen.append((candidate.at, candidate.share, candidate.kept, only))
                }
            }
            if !chosen.isEmpty {
                let merge = chosen.count > 1
                if merge {
                    // The line a merge lands on: the parent whose title is closest to its own.
                    let first = chosen.indices.max { a, b in
                        let (x, y) = (Self.closeness(titles[k], titles[chosen[a].at]), Self.closeness(titles[k], titles[chosen[b].at]))
                        return x != y ? x < y : a > b
                    }!
                    if first != 0 {
                        let head = chosen.remove(at: first)
                        chosen.insert(head, at: 0)
                        // What each gives beyond the ones before it, in the new order.
                        for i in chosen.indices {
                            let before = chosen[..<i].map(\.at)
                            chosen[i].only = try before.isEmpty ? chosen[i].share : share(of: k, in: before + [chosen[i].at]) - share(of: k, in: before)
                        }
                    }
                }
                return (
                    chosen.map { revisions[$0.at].number },
                    chosen.enumerated().map { i, c in
                        var reason = replaced[c.at].map { "continues the cited \(revisions[$0].number) with this title" } ?? "cited"
                        reason += "; \(percent(c.share)) of this text comes from it"
                        if merge && i > 0 { reason += " (\(percent(c.only)) from it alone)" }
                        return reason + ", \(percent(c.kept)) of it is kept"
                    }
                )
            }
        }
        // 3. The title: the latest earlier revision with the same title.
        let title = titles[k]
        if !title.isEmpty, let same = (0..<k).last(where: { titles[$0] == title }) {
            return ([revisions[same].number], ["same title, latest before it"])
        }
        // 4. The text: the earlier revision it draws most from.
        var best: (at: Int, share: Double)?
        for j in (0..<k).reversed() {
            let s = try share(of: k, in: [j])
            if s > (best?.share ?? 0) { best = (j, s) }
        }
        if let best, best.share >= Ancestry.minimumShare {
            return ([revisions[best.at].number], ["new title; \(percent(best.share)) of this text comes from it, the most"])
        }
        return ([], ["new title, and no earlier revision shares \(percent(Ancestry.minimumShare)) of its text"])
    }

    /// The share of revision `k`'s distinct word 4-grams that occur in any of `sources`.
    mutating func share(of k: Int, in sources: [Int]) throws(LineageError) -> Double {
        let own = try fourGrams(k)
        guard !own.isEmpty else { return 0 }
        let others = try sources.map { (k) throws(LineageError) in try fourGrams(k) }
        let found = own.filter { g in others.contains { $0.contains(g) } }.count
        return Double(found) / Double(own.count)
    }

    mutating func fourGrams(_ k: Int) throws(LineageError) -> Set<UInt64> {
        if let cached = grams[k] { return cached }
        if grams.count >= Self.gramsKept {
            // Keep the latest revisions' (the next decisions' likely candidates).
            let newest = grams.keys.max()!
            grams = grams.filter { $0.key > newest - Self.gramsKept / 2 }
        }
        var words: [UInt64] = []
        for p in try revisions[k].readResolution().paragraphs {
            for w in p.text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                words.append(Self.fnv(w.lowercased().utf8, seed: 0xcbf2_9ce4_8422_2325))
            }
        }
        var out = Set<UInt64>()
        if words.count >= 4 {
            for i in 0...(words.count - 4) {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for w in words[i..<(i + 4)] { h = (h ^ w) &* 0x100_0000_01b3 }
                out.insert(h)
            }
        }
        grams[k] = out
        return out
    }

    /// FNV-1a: a hash that is the same in every process (Swift's `Hasher` is seeded per run).
    static func fnv<S: Sequence>(_ bytes: S, seed: UInt64) -> UInt64 where S.Element == UInt8 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// How close two normalised titles are: the words they share, of all the words of both
    /// (Jaccard), from 0 to 1.
    ///
    /// Complexity: O(w) for w words.
    static func closeness(_ a: String, _ b: String) -> Double {
        let x = Set(a.split(separator: " ")), y = Set(b.split(separator: " "))
        let union = x.union(y).count
        return union == 0 ? 0 : Double(x.intersection(y).count) / Double(union)
    }

    /// The title without case, punctuation or spacing differences.
    static func normalisedTitle(_ title: String?) -> String {
        (title ?? "").lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
