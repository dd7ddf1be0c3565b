import Foundation
import GitStore
import ResolutionText

/// The stored history of a series: every revision on every line (branch), oldest first, read
/// back from their commits (document and trailers), with the lines they belong to.
public struct History: Sendable {
    /// The repository's path as given.
    public let path: String
    /// Every revision, in history order (adoption date, then number): parents before children.
    public let revisions: [Revision]
    /// The lines (branch names without `refs/heads/`), the default one (`HEAD`) first, then by name.
    public let lines: [String]
    /// The line `HEAD` names (without `refs/heads/`), when it names one.
    public let head: String?
    /// The series of the record (``Series``), in the order of their first revisions.
    public let series: [Series]
    /// The commit each line (branch) points to.
    let branchTips: [String: ObjectID]
    private let position: [ObjectID: Int]
    /// The index in ``series`` of each revision, by position in ``revisions``.
    private let seriesIndex: [Int]

    init(path: String, revisions: [Revision], lines: [String], head: String? = nil, branchTips: [String: ObjectID] = [:]) {
        self.path = path
        self.revisions = revisions
        self.lines = lines
        self.head = head
        self.branchTips = branchTips
        position = Dictionary(revisions.enumerated().compactMap { i, r in r.commit.map { ($0, i) } }) { a, _ in a }
        series = Series.group(revisions)
        var seriesIndex = Array(repeating: 0, count: revisions.count)
        for (s, one) in series.enumerated() {
            for i in one.positions { seriesIndex[i] = s }
        }
        self.seriesIndex = seriesIndex
    }

    /// The series `revision` belongs to. O(1).
    public func series(of revision: Revision) -> Series? {
        revision.commit.flatMap { position[$0] }.map { series[seriesIndex[$0]] }
    }

    /// The series with this name (the line of its first revision). O(series).
    public func series(named name: String) -> Series? {
        series.first { $0.name == name }
    }

    /// The series `HEAD`'s line belongs to (the first series when `HEAD` names no line). O(lines).
    public var defaultSeries: Series? {
        let line = head ?? lines.first
        return series.first { s in s.lines.contains { $0 == line } } ?? series.first
    }

    /// The revisions of `series`, in history order. O(its revisions).
    public func revisions(of series: Series) -> [Revision] {
        series.positions.map { revisions[$0] }
    }

    /// The series named `name` (a series is named after the line of its first revision), or an
    /// error that names the choices: every series when there are few, otherwise the closest
    /// names (those that contain the name given, or the nearest in spelling).
    /// - Complexity: O(series · length of a name²) when the name is unknown.
    public func series(matching name: String) throws(LineageError) -> Series {
        if let found = series(named: name) { return found }
        let names = series.map(\.name)
        guard !names.isEmpty else { throw LineageError.emptyHistory(path) }
        let listed: [String]
        let intro: String
        if names.count <= Self.seriesListed {
            listed = names
            intro = "the series are"
        } else {
            let wanted = name.lowercased()
            let containing = names.filter { $0.lowercased().contains(wanted) || (!$0.isEmpty && wanted.contains($0.lowercased())) }
            listed = containing.isEmpty
                ? Array(names.map { ($0, Self.editDistance($0.lowercased(), wanted)) }.sorted { $0.1 < $1.1 }.prefix(Self.seriesListed).map(\.0))
                : Array(containing.prefix(Self.seriesListed))
            intro = "the closest of the \(names.count) series are"
        }
        throw LineageError(
            "\(name): no series of this name in \(path)",
            hint: "\(intro): " + listed.joined(separator: ", ") + "; `lineage series --repo \(path)` lists them")
    }

    /// How many series names an unknown series name lists at most.
    static let seriesListed = 8

    /// Levenshtein distance between `a` and `b`, by characters.
    /// - Complexity: O(|a|·|b|) time, O(|b|) memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The history of one series alone: its revisions, its lines (the default line first when
    /// the series has it, otherwise the series' own first line, which `HEAD` then names), as
    /// if the repository held that series only. What the commands that read one series whole
    /// (`report`, `chart`, `changelog`) work on. O(revisions).
    public func restricted(to one: Series) -> History {
        let own = Set(one.lines)
        var lines = self.lines.filter { own.contains($0) }
        let head = self.head.flatMap { own.contains($0) ? $0 : nil } ?? one.name
        if let k = lines.firstIndex(of: head), k > 0 { lines.insert(lines.remove(at: k), at: 0) }
        return History(
            path: path, revisions: revisions(of: one), lines: lines, head: head,
            branchTips: branchTips.filter { own.contains($0.key) })
    }

    /// The default repository location: `$LINEAGE_REPO`, or `lineage.git` in the current folder.
    public static var defaultPath: String {
        ProcessInfo.processInfo.environment["LINEAGE_REPO"].flatMap { $0.isEmpty ? nil : $0 } ?? "lineage.git"
    }

    /// Opens the history at `path`; an error if there is no lineage repository there.
    public static func open(_ path: String) throws(LineageError) -> History {
        try openWithRepository(path).history
    }

    /// Opens the history at `path` and the libgit2 repository it was read from (for the notes).
    static func openWithRepository(_ path: String) throws(LineageError) -> (history: History, repo: Repository) {
        try prepareToOpen(path)
        let repo: Repository
        do { repo = try Repository.open(at: path) } catch { throw LineageError.cannotOpen(path, error) }
        do {
            return (try open(path, repo: repo), repo)
        } catch let error as LineageError {
            throw error
        } catch {
            throw LineageError.storage(error, repository: path)
        }
    }

    /// Before opening the repository at `path` for queries: an error if there is none, and
    /// libgit2's memory for reading bounded
    /// (``Repository/boundReadMemory(windowBytes:mappedBytes:)``), so that reading
    /// every commit does not keep the whole pack resident.
    static func prepareToOpen(_ path: String) throws(LineageError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw LineageError("\(path): no lineage repository here", hint: LineageError.buildHint(path))
        }
        Repository.boundReadMemory()
    }

    /// Opens the history in `repo`, at `path` (after ``prepareToOpen(_:)``).
    static func open(_ path: String, repo: Repository) throws -> History {
        let revisions: [Revision], lines: [String]
        do {
            (revisions, lines) = try read(repo)
        } catch let error as LineageError where error.message.hasSuffix("not a lineage history") {
            throw LineageError(
                "\(path): \(error.message)",
                hint: "this git repository was not written by `lineage build`: name a lineage repository with --repo DIR")
        }
        // HEAD and the branches, for naming revisions (``revision(named:)``).
        let head = try repo.symbolicTarget(of: "HEAD").flatMap { name in
            name.hasPrefix(HistoryLayout.branchPrefix) ? String(name.dropFirst(HistoryLayout.branchPrefix.count)) : nil
        }
        let tips = try repo.references(matching: HistoryLayout.branchPrefix + "*").map {
            (String($0.name.dropFirst(HistoryLayout.branchPrefix.count)), $0.target)
        }
        return History(path: path, revisions: revisions, lines: lines, head: head, branchTips: Dictionary(tips) { a, _ in a })
    }

    /// The revisions `revision` continues (its commit's parents, in order).
    public func parents(of revision: Revision) -> [Revision] {
        revision.parents.compactMap { self.revision(commit: $0) }
    }

    /// The revision with this commit.
    public func revision(commit: ObjectID) -> Revision? {
        position[commit].map { revisions[$0] }
    }

    /// The tip (latest revision) of each line, in ``lines`` order.
    /// - Complexity: O(revisions + lines) (a record has hundreds of lines).
    public var tips: [(line: String, revision: Revision)] {
        var last: [String: Int] = [:]
        last.reserveCapacity(lines.count)
        for (i, revision) in revisions.enumerated() {
            if let line = revision.line { last[line] = i }
        }
        return lines.compactMap { line in last[line].map { (line, revisions[$0]) } }
    }

    /// Reads every commit reachable from the branches (`refs/heads/*`, and the remote-tracking
    /// branches of a clone for lines it has no local branch of), through all parents, in
    /// history order, each with the line (branch) it belongs to, and the branch names, the
    /// default first.
    ///
    /// Memory: the revisions' metadata (no document is read, see ``DocumentBody``), held once
    /// while reading (revisions are sorted through their indexes, not copied), with the titles
    /// and reasons that repeat from commit to commit stored once.
    ///
    /// `bodyCapacity`: how many parsed document bodies the revisions keep at most.
    static func read(
        _ repo: Repository, bodyCapacity: Int = DocumentBodies.defaultCapacity
    ) throws -> (revisions: [Revision], lines: [String]) {
        let head = try repo.symbolicTarget(of: "HEAD")
        var branches = try repo.references(matching: HistoryLayout.branchPrefix + "*")
        // A clone with a working tree has one local branch; the other lines are its
        // remote-tracking branches (`refs/remotes/origin/advancing-…`), read as lines too.
        var local = Set(branches.map { $0.name.dropFirst(HistoryLayout.branchPrefix.count) })
        for remote in try repo.references(matching: remoteBranchPrefix + "*") {
            guard let slash = remote.name.dropFirst(remoteBranchPrefix.count).firstIndex(of: "/") else { continue }
            let line = remote.name[remote.name.index(after: slash)...]
            guard !local.contains(line) else { continue }
            local.insert(line)
            branches.append((HistoryLayout.branchPrefix + line, remote.target))
        }
        branches.sort { a, b in
            (a.name == head) != (b.name == head) ? a.name == head : a.name < b.name
        }
        let bodies = DocumentBodies(repo: repo, capacity: bodyCapacity)
        var strings = StringPool()
        var all: [Revision] = []
        var index: [ObjectID: Int] = [:]
        var pending = branches.map(\.target)
        while let next = pending.popLast() {
            guard index[next] == nil else { continue }
            let commit = try repo.commit(next)
            index[next] = all.count
            all.append(try revision(of: commit, bodies: bodies, strings: &strings))
            pending += commit.parents
        }
        // Lines: the default branch claims its whole first-parent chain; then, repeatedly, the
        // branch that reaches an already claimed revision in the fewest first-parent steps
        // claims the revisions on its way there (a line branched off a line branched off the
        // default one is claimed after its parent line).
        func chain(from tip: ObjectID) -> [Int] {
            var out: [Int] = []
            var at: ObjectID? = tip
            while let id = at, let i = index[id], all[i].line == nil {
                out.append(i)
                at = all[i].parents.first
            }
            return out
        }
        let names = branches.map { String($0.name.dropFirst(HistoryLayout.branchPrefix.count)) }
        var remaining = zip(names, branches).map { (line: $0, tip: $1.target) }
        if branches.first?.name == head, let first = remaining.first {
            remaining.removeFirst()
            for i in chain(from: first.tip) { all[i].line = first.line }
        }
        // Each remaining branch's chain is measured once, then again only when a claim shortens
        // it (a claim takes revisions that chains passing through them no longer reach: `through`
        // knows which). O(B² + n) for B branches and n revisions, where measuring every chain
        // at every step was O(B²·n): 13 s for the 2,400 branches of an 18,000-revision record.
        var lengths = remaining.map { chain(from: $0.tip).count }
        var through: [Int: [Int]] = [:]  // revision -> the remaining branches whose chain holds it
        for (b, branch) in remaining.enumerated() {
            for i in chain(from: branch.tip) { through[i, default: []].append(b) }
        }
        var claimed = Array(repeating: false, count: remaining.count)
        for _ in remaining.indices {
            var next = -1
            for b in remaining.indices where !claimed[b] {
                if next < 0 || lengths[b] < lengths[next] || (lengths[b] == lengths[next] && remaining[b].line < remaining[next].line) {
                    next = b
                }
            }
            claimed[next] = true
            let line = strings.intern(remaining[next].line)
            let taken = chain(from: remaining[next].tip)
            for i in taken { all[i].line = line }
            var shortened = Set<Int>()
            for i in taken {
                for b in through[i] ?? [] where !claimed[b] { shortened.insert(b) }
            }
            // A shortened chain is a prefix of the one listed in `through`: the entries it lost
            // are claimed revisions, never claimed again, so they can stay.
            for b in shortened { lengths[b] = chain(from: remaining[b].tip).count }
        }
        // Visit order so far follows a stack; history order does not depend on it (the sort
        // key ends with the number, unique in a history).
        return (Revision.inHistoryOrder(all), names)
    }

    /// Rebuilds a revision from its commit: metadata and title from the message now, the
    /// body from the document when needed (``DocumentBody``, through `bodies`). Titles and
    /// reasons are taken from `strings`, so equal ones share their storage.
    static func revision(of commit: Commit, bodies: DocumentBodies, strings: inout StringPool) throws -> Revision {
        var header = Resolution()
        var (source, continues) = CommitMessage.parse(commit.message, into: &header)
        guard let number = header.number else {
            throw LineageError("commit \(commit.id.hex) has no Number: trailer: not a lineage history")
        }
        header.title = header.title.map { strings.intern($0) }
        header.committeeReport = header.committeeReport.map { strings.intern($0) }
        for i in continues.indices { continues[i].reason = strings.intern(continues[i].reason) }
        let body = DocumentBody(cache: bodies, tree: commit.tree, commit: commit.id, number: number)
        var revision = Revision(header: header, body: body, dateSource: source, commit: commit.id, parents: commit.parents)
        revision.continues = continues
        return revision
    }
}

/// Where a clone keeps the branches of the repository it was cloned from.
let remoteBranchPrefix = "refs/remotes/"

/// Equal strings stored once: a string met again is replaced by the first copy, which shares
/// its storage (strings of more than 15 UTF-8 bytes live on the heap, one copy each otherwise).
struct StringPool {
    private var known: Set<String> = []

    mutating func intern(_ string: String) -> String {
        if let first = known.firstIndex(of: string) { return known[first] }
        known.insert(string)
        return string
    }
}
