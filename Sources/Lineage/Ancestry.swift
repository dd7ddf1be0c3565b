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
    /// Share of its own word 4-grams a second parent must see kept in the revision.
    public static let minimumMergeKept = 0.1
    /// Share of a revision's word 4-grams the closest earlier text must hold for a revision with a
    /// new title and no usable citation to continue it (its agenda item another's).
    public static let minimumTextShare = 0.5
    /// ``minimumTextShare`` when the two revisions have the same agenda item.
    public static let minimumRelatedTextShare = 0.3
    /// A word 4-gram held by earlier revisions of more than this many series is boilerplate
    /// ("Decides to include in the provisional agenda of its … session", the preamble of an
    /// International Day, of an observer status): it is left out of the shares that decide parents.
    public static let boilerplateSeries: UInt32 = 4
    /// How much less of the text a cited descendant without the revision's title may give than
    /// a cited ancestor with it, and still be taken for it.
    static let passOverMargin = 0.05
    /// How close (the share of words in common) the title of a cited revision must be to the
    /// revision's for the citation to stand without text ("… programme budget for 2024" and
    /// "… for 2025").
    public static let closeTitle = 0.75
    /// The share a cited revision whose text is mostly kept must still give of this text.
    public static let minimumKeptShare = 0.1
    /// Fewer grams than this left once boilerplate is out: the text gives no evidence.
    public static let minimumDistinctiveGrams = 8
    /// How many earlier texts, those holding the most of a revision's sampled grams, step 4
    /// weighs exactly.
    static let textCandidates = 8
    /// Whether a gram is one of the sample that finds a revision's closest texts (one in four).
    static func isSampled(_ g: UInt64) -> Bool { g % 4 == 0 }

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
        try self.init(revisions, corrections: corrections, reusingStoredParents: false)
    }

    /// ``init(_:corrections:)``; with `reusingStoredParents`, the stored revisions before the
    /// first new one keep the parents and reasons of their commits (decided by these rules, on
    /// the same revisions before them) unless the corrections file names them: adding a session
    /// decides only the new revisions. Their text still weighs in the later decisions.
    init(_ revisions: [Revision], corrections: Corrections, reusingStoredParents: Bool) throws(LineageError) {
        decisions = []
        lines = []
        var inference = Inference(revisions: revisions)
        var parentsOf: [[String]] = []
        var reasonsOf: [[String]] = []
        let firstNew = reusingStoredParents ? (revisions.firstIndex { $0.commit == nil } ?? revisions.count) : 0
        let numberOfCommit = Dictionary(revisions[..<firstNew].compactMap { r in r.commit.map { ($0, r.number) } }) { a, _ in a }
        let setByCorrections = "set by \(Corpus.correctionsFileName)"
        for k in revisions.indices {
            let revision = revisions[k]
            let stored = k < firstNew && corrections.parents[revision.number] == nil
                && !revision.continues.isEmpty && !revision.continues.contains { $0.reason == setByCorrections }
                && revision.parents.allSatisfy { numberOfCommit[$0] != nil }
                && revision.continues.map(\.number) == (revision.parents.isEmpty ? [nil] : revision.parents.map { numberOfCommit[$0] })
            let (parents, reasons) =
                stored
                ? (revision.parents.map { numberOfCommit[$0]! }, revision.continues.map(\.reason))
                : try inference.parents(of: k, corrections: corrections)
            try inference.record(parents: parents)
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
    /// Each revision's text evidence (its citations and word 4-grams), computed once, when first needed.
    private var evidence: [TextEvidence?]
    /// How many of the series decided so far hold each word 4-gram: a gram held by more than
    /// ``Ancestry/boilerplateSeries`` of them is boilerplate, and says nothing of descent.
    private var holders = GramCounts()
    /// Each decided revision's series, as a union-find forest over positions (a merge joins two).
    private var seriesParent: [Int] = []
    /// Positions by the numbers a preamble cites them by: a part's own number (`77/256 A-B`),
    /// and the number without its parts (`77/256`) when no revision has that number.
    private var citable: [String: Int] = [:]
    /// The revisions decided so far that hold each sampled gram (``Ancestry/isSampled(_:)``),
    /// until it turns boilerplate: where a revision's closest text is looked for.
    private var postings: [UInt64: [Int32]] = [:]
    /// Scratch for ``isAncestor(_:of:)``: the walk that last visited each revision.
    private var visited: [Int] = []
    private var walk = 0

    init(revisions: [Revision]) {
        self.revisions = revisions
        titles = revisions.map { Self.normalisedTitle($0.title) }
        visited = Array(repeating: 0, count: revisions.count)
        evidence = revisions.map(\.evidence)
        for (k, r) in revisions.enumerated() where position[r.number] == nil { position[r.number] = k }
        citable = position
        for (k, r) in revisions.enumerated() {
            let whole = String(r.number.prefix { $0 != " " })
            if citable[whole] == nil { citable[whole] = k }
        }
    }

    /// The series of a decided revision: the root of its set.
    private mutating func series(_ k: Int) -> Int {
        var root = k
        while seriesParent[root] != root { root = seriesParent[root] }
        var at = k
        while seriesParent[at] != root { (at, seriesParent[at]) = (seriesParent[at], root) }
        return root
    }

    /// Records the parents of the revision just decided, and adds its grams to the counts the
    /// next decisions weigh text with.
    ///
    /// Complexity: O(g) for its g grams.
    mutating func record(parents: [String]) throws(LineageError) {
        let k = parentPositions.count
        let parentsAt = parents.map { position[$0]! }
        parentPositions.append(parentsAt)
        distinctiveGrams = [:]
        // A revision joins its first parent's series under that series' id, so that a series keeps
        // one id as it grows (the grams it holds are counted for it once); a merge's other
        // parents bring their series into it.
        seriesParent.append(parentsAt.first.map { series($0) } ?? k)
        for p in parentsAt.dropFirst() {
            let (other, own) = (series(p), series(k))
            if other != own { seriesParent[other] = own }
        }
        let own = Int32(series(k))
        for g in try text(k).grams {
            let count = holders.increment(g, from: own)
            guard Ancestry.isSampled(g) else { continue }
            if count <= Ancestry.boilerplateSeries {
                postings[g, default: []].append(Int32(k))
            } else if postings[g] != nil {
                postings[g] = nil
            }
        }
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
        let cited = try text(k).citations.compactMap { citable[$0] ?? citable[String($0.prefix { $0 != " " })] }.filter { $0 < k }
        if !cited.isEmpty {
            let citedSet = Set(cited)
            // (A revision with this one's title is passed over for a descendant without it only
            // when the descendant gives about as much of the text.)
            let title = titles[k]
            var latest: [Int] = []
            for c in cited {
                var passedOver = false
                for d in citedSet where d != c && isAncestor(c, of: d) {
                    guard titles[c] == title && titles[d] != title else {
                        passedOver = true
                        break
                    }
                    let (dShare, cShare) = (try evidenceShare(of: k, in: [d]), try evidenceShare(of: k, in: [c]))
                    if dShare + Ancestry.passOverMargin >= cShare {
                        passedOver = true
                        break
                    }
                }
                if !passedOver { latest.append(c) }
            }
            // A text that copies its predecessor's preamble may not cite that predecessor: a
            // later revision with the same title that descends from the cited one and gives more
            // of the text takes its place.
            var replaced: [Int: Int] = [:]
            for (n, c) in latest.enumerated() {
                guard let d = (c + 1..<k).last(where: { titles[$0] == title && isAncestor(c, of: $0) }),
                    try evidenceShare(of: k, in: [d]) > evidenceShare(of: k, in: [c]) + 0.05
                else { continue }
                latest[n] = d
                replaced[d] = c
            }
            var scored = try latest.map { (c) throws(LineageError) in
                (at: c, share: try evidenceShare(of: k, in: [c]), kept: try evidenceShare(of: c, in: [k]))
            }
            // The text must confirm a citation: it gives this text, or much of the cited text is
            // kept in this one and it gives some of it (a short resolution quoted is no parent).
            // Or its title is this one's but for a word or two (a year, a session): citation and
            // title agree.
            scored = scored.filter {
                $0.share >= Ancestry.minimumShare || ($0.kept >= Ancestry.minimumShare && $0.share >= Ancestry.minimumKeptShare)
                    || Self.closeness(titles[$0.at], title) >= Ancestry.closeTitle
            }
            scored.sort { $0.share != $1.share ? $0.share > $1.share : $0.at > $1.at }
            var chosen: [Int] = []
            for candidate in scored {
                if chosen.isEmpty {
                    chosen.append(candidate.at)
                    continue
                }
                // A further parent must give text the others do not, and much of its own text:
                // a paragraph of agreed language taken from another series is no merge.
                let only = try evidenceShare(of: k, in: chosen + [candidate.at]) - evidenceShare(of: k, in: chosen)
                if only >= Ancestry.minimumMergeShare && candidate.kept >= Ancestry.minimumMergeKept {
                    chosen.append(candidate.at)
                }
            }
            if !chosen.isEmpty {
                let merge = chosen.count > 1
                if merge {
                    // The line a merge lands on: the parent whose title is closest to its own.
                    let first = chosen.indices.max { a, b in
                        let (x, y) = (Self.closeness(titles[k], titles[chosen[a]]), Self.closeness(titles[k], titles[chosen[b]]))
                        return x != y ? x < y : a > b
                    }!
                    chosen.insert(chosen.remove(at: first), at: 0)
                }
                var reasons: [String] = []
                for (i, c) in chosen.enumerated() {
                    var reason = replaced[c].map { "continues the cited \(revisions[$0].number) with this title" } ?? "cited"
                    reason += "; \(percent(try share(of: k, in: [c]))) of this text comes from it"
                    if merge && i > 0 {
                        let before = Array(chosen[..<i])
                        reason += " (\(percent(try share(of: k, in: before + [c]) - share(of: k, in: before))) from it alone)"
                    }
                    reasons.append(reason + ", \(percent(try share(of: c, in: [k]))) of it is kept")
                }
                return (chosen.map { revisions[$0].number }, reasons)
            }
        }
        // 3. The title: the latest earlier revision with the same title.
        let title = titles[k]
        if !title.isEmpty, let same = (0..<k).last(where: { titles[$0] == title }) {
            return ([revisions[same].number], ["same title, latest before it"])
        }
        // 4. The text: the earlier revision it draws most from, among those that share the
        // most of its sampled grams that are not boilerplate.
        var best: (at: Int, share: Double)?
        for j in try closestTexts(to: k) {
            let s = try evidenceShare(of: k, in: [j])
            if s > (best?.share ?? 0) || (s == best?.share && j > best!.at) { best = (j, s) }
        }
        if let best {
            let related = revisions[k].agendaItem != nil && revisions[k].agendaItem == revisions[best.at].agendaItem
            let needed = related ? Ancestry.minimumRelatedTextShare : Ancestry.minimumTextShare
            if best.share >= needed {
                let shown = percent(try share(of: k, in: [best.at]))
                let how = related ? "; same agenda item" : ""
                return ([revisions[best.at].number], ["new title; \(shown) of this text comes from it, the most\(how)"])
            }
        }
        return ([], ["new title, and no earlier revision shares \(percent(Ancestry.minimumTextShare)) of its text"])
    }

    /// The earlier revisions (decided before `k`) that hold the most of `k`'s sampled grams
    /// that are not boilerplate, at most ``Ancestry/textCandidates``, nearest first at a tie.
    ///
    /// Complexity: O(g·b) for k's g grams and b = ``Ancestry/boilerplateSeries``.
    mutating func closestTexts(to k: Int) throws(LineageError) -> [Int] {
        var hits: [Int32: Int] = [:]
        for g in try text(k).grams where Ancestry.isSampled(g) {
            for j in postings[g] ?? [] { hits[j, default: 0] += 1 }
        }
        return hits.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
            .prefix(Ancestry.textCandidates).map { Int($0.key) }
    }

    /// The share of revision `k`'s distinct word 4-grams that occur in any of `sources`.
    ///
    /// Complexity: O(g + h) for k's g grams and the sources' h.
    mutating func share(of k: Int, in sources: [Int]) throws(LineageError) -> Double {
        let own = try text(k).grams
        guard !own.isEmpty else { return 0 }
        return Double(try Self.found(own, in: sources.map { (j) throws(LineageError) in try text(j).grams })) / Double(own.count)
    }

    /// ``share(of:in:)`` weighed as the decision under way weighs text: boilerplate (a gram held
    /// by more than ``Ancestry/boilerplateSeries`` of the series decided so far) left out
    /// of both counts. 0 when fewer than ``Ancestry/minimumDistinctiveGrams`` remain: such a
    /// text is boilerplate and proves nothing.
    ///
    /// Complexity: that of ``share(of:in:)``, plus O(g) once per decision to leave boilerplate out.
    mutating func evidenceShare(of k: Int, in sources: [Int]) throws(LineageError) -> Double {
        let own = try distinctive(k)
        guard own.count >= Ancestry.minimumDistinctiveGrams else { return 0 }
        return Double(try Self.found(own, in: sources.map { (j) throws(LineageError) in try text(j).grams })) / Double(own.count)
    }

    /// The grams of `k` that are not boilerplate for the decision under way (sorted), kept
    /// until the next ``record(parents:)``.
    private var distinctiveGrams: [Int: [UInt64]] = [:]

    private mutating func distinctive(_ k: Int) throws(LineageError) -> [UInt64] {
        if let known = distinctiveGrams[k] { return known }
        let grams = try text(k).grams
        // While no gram can be boilerplate yet, every gram counts.
        let out = parentPositions.count <= Ancestry.boilerplateSeries
            ? grams : grams.filter { holders.count($0) <= Ancestry.boilerplateSeries }
        distinctiveGrams[k] = out
        return out
    }

    /// How many of the sorted grams `own` occur in any of the sorted `sources`: one merge walk
    /// per source.
    ///
    /// Complexity: O(s·(g + h)) for s sources of h grams and g grams.
    static func found(_ own: [UInt64], in sources: [[UInt64]]) -> Int {
        guard sources.count > 1 else {
            guard let other = sources.first else { return 0 }
            var i = 0, j = 0, count = 0
            while i < own.count && j < other.count {
                if own[i] < other[j] { i += 1 } else if own[i] > other[j] { j += 1 } else { count += 1; i += 1; j += 1 }
            }
            return count
        }
        var hit = [Bool](repeating: false, count: own.count)
        for other in sources {
            var i = 0, j = 0
            while i < own.count && j < other.count {
                if own[i] < other[j] { i += 1 } else if own[i] > other[j] { j += 1 } else { hit[i] = true; i += 1; j += 1 }
            }
        }
        return hit.lazy.filter { $0 }.count
    }

    /// A revision's evidence: given with it (a build's input, or the repository's cache), or
    /// computed from its text once.
    mutating func text(_ k: Int) throws(LineageError) -> TextEvidence {
        if let known = evidence[k] { return known }
        let computed = TextEvidence(try revisions[k].readResolution())
        evidence[k] = computed
        return computed
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
