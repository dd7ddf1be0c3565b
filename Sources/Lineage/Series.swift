import GitStore

/// One series of the record: the revisions joined to one another through parents (a fork keeps
/// both children in their parent's series; a merge joins the series of its parents into one).
/// A resolution that continues nothing and that nothing continues is a series of its own.
///
/// A repository holds the **record**: every series of the corpus it was built from, each with
/// its own lines. The series are not stored; they are read from the graph of the commits (the
/// parents ``Ancestry`` chose), so they are always what `git log --graph` shows.
public struct Series: Sendable, Equatable, Identifiable {
    /// The series' name: the line of its first revision (a git branch name, unique in the
    /// repository).
    public var name: String
    /// Its revisions' positions in ``History/revisions``, in history order (oldest first).
    public var positions: [Int]
    /// Its lines (branch names), in the order they start.
    public var lines: [String]

    public var id: String { name }
}

extension Series {
    /// Groups `revisions` (in history order, each with its commit, parents and line) into
    /// series: the connected parts of the graph whose edges are the parent links. Series come in
    /// the order of their first revisions.
    ///
    /// - Complexity: O(n·α(n) + e) for n revisions and e parent links (union–find with path
    ///   halving and union by size).
    static func group(_ revisions: [Revision]) -> [Series] {
        var position: [ObjectID: Int] = [:]
        position.reserveCapacity(revisions.count)
        for (i, revision) in revisions.enumerated() {
            if let commit = revision.commit { position[commit] = i }
        }
        var sets = DisjointSets(count: revisions.count)
        for (i, revision) in revisions.enumerated() {
            for parent in revision.parents {
                if let p = position[parent] { sets.union(i, p) }
            }
        }
        var seriesOfRoot: [Int: Int] = [:]
        var out: [Series] = []
        for (i, revision) in revisions.enumerated() {
            let root = sets.find(i)
            let line = revision.line ?? ""
            if let s = seriesOfRoot[root] {
                out[s].positions.append(i)
                if !out[s].lines.contains(line) { out[s].lines.append(line) }
            } else {
                seriesOfRoot[root] = out.count
                out.append(Series(name: line, positions: [i], lines: [line]))
            }
        }
        return out
    }
}

/// Disjoint sets over `0..<count` (union–find).
///
/// - Complexity: `find` and `union` in O(α(n)) amortised (path halving, union by size).
struct DisjointSets {
    private var parent: [Int]
    private var size: [Int]

    init(count: Int) {
        parent = Array(0..<count)
        size = Array(repeating: 1, count: count)
    }

    /// The representative of `x`'s set.
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the sets of `a` and `b`.
    mutating func union(_ a: Int, _ b: Int) {
        var (ra, rb) = (find(a), find(b))
        guard ra != rb else { return }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = ra
        size[ra] += size[rb]
    }
}
