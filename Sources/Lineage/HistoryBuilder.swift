import Foundation
import GitStore
import ResolutionText

/// What a build did.
public struct BuildReport: Sendable {
    public var repositoryPath: String
    /// True when the repository did not exist before.
    public var created: Bool
    /// Revisions committed by this build, oldest first (new ones and re-committed ones).
    public var committed: [Revision]
    /// Revisions that were already stored and re-committed because their parents changed (an
    /// older revision was inserted before them, or a correction moved them; their commit ids
    /// changed, their content did not).
    public var recommitted: [String]
    /// Inputs identical to what was already stored.
    public var unchanged: Int
    /// The whole history after the build, oldest first.
    public var history: [Revision]
    /// New objects written (0 when nothing changed).
    public var newObjects: Int
    /// True when the stored lineage (clause identities, provenance) was computed anew.
    public var lineageUpdated: Bool
    /// How many revisions' lineage was computed (0 when the stored lineage was up to date).
    public var lineageComputed: Int = 0
    /// How many documents the wording index (`refs/lineage/wordings`) gained (0: it covered them all).
    public var wordingsIndexed: Int = 0
    /// True for a bare build (``HistoryBuilder/recomputeLineage(suggesting:)``): the repository was re-read,
    /// not given inputs.
    public var reread = false
    /// The revision `HEAD` names after the build (the tip of the default line).
    public var head: Revision? = nil
    /// The branches (lines) the build created, moved or deleted, by name (without
    /// `refs/heads/`), with the number of the revision each now points to (`nil`: deleted).
    public var branchesMoved: [(line: String, to: String?)] = []
}

/// Builds or extends the git history of a series from input files.
///
/// A build is safe: every input is read and checked before anything is written; objects land
/// in one pack (written to its file every ``packBytes``, so memory stays bounded), and the
/// wording index's in a second one (``WordingStore``, which reads the documents just written),
/// before any reference moves, and a failed build leaves no new object; the branch and tags move
/// together in one rewrite of `packed-refs` that fails if someone else moved them
/// (``GitStore/Repository/updateReferences(_:)``); two builds of one path take turns, even
/// before the repository exists (``BuildLock``), and a build killed at any moment is finished or
/// undone by the next one, which removes what it left (``openRepairing(_:progress:)``). It is incremental and idempotent: inputs already stored are
/// recognised; each revision's parents are inferred (``Ancestry``) and only revisions whose
/// parents changed are re-committed, with their descendants: adding a revision to one line
/// does not rewrite the others.
public struct HistoryBuilder {
    public var repositoryPath: String
    /// Adoption dates given on the command line, by resolution number.
    public var suppliedDates: [String: CivilDate] = [:]
    /// Called with a line of progress for the user (to stderr), e.g. when waiting for a lock.
    public var progress: (String) -> Void = { _ in }
    /// Called as the build advances: the phase (``Phase``), the steps of it done, and their
    /// number. For a progress bar; the steps are revisions.
    public var onProgress: (_ phase: Phase, _ done: Int, _ total: Int) -> Void = { _, _, _ in }
    /// Called, before anything is written, with each file of an input folder that was left out
    /// because it is not a resolution (``Corpus``), in order.
    public var onSkip: (SkippedFile) -> Void = { _ in }
    /// The size of the pack's buffer, written to the pack's file when full (memory is bounded
    /// by it; the pack and the history are the same whatever it is).
    var packBytes = ObjectWriter.defaultPackBytes

    /// The steps of a build that take time, in order.
    public enum Phase: String, Sendable {
        /// Reading and parsing the input files.
        case reading = "reading inputs"
        /// Writing the revisions' commits.
        case committing = "committing revisions"
        /// Computing the clause lineage and writing its notes.
        case lineage = "computing the lineage"
    }

    public init(repositoryPath: String) {
        self.repositoryPath = repositoryPath
    }

    public func build(paths: [String]) throws -> BuildReport {
        // What libgit2 keeps while the build reads the stored history and notes stays bounded,
        // as for queries: reading every commit of a long history otherwise fills its caches.
        Repository.boundReadMemory()
        let (files, correctionFiles, inFolders) = try Corpus.listing(in: paths)
        guard !files.isEmpty else { throw LineageError("no input files in \(paths.joined(separator: ", "))") }
        var corrections = try Corrections.load(correctionFiles)
        var skipped: [SkippedFile] = []
        corrections.adopted.merge(suppliedDates) { _, supplied in supplied }
        // Only a summary of each input is kept; its text is read again when used (InputTexts).
        let inputs = try Self.distinct(
            Corpus.scan(
                files: files, skippable: inFolders, skipped: { skipped.append($0) },
                progress: { onProgress(.reading, $0, $1) }
            ) { source throws(LineageError) in
                try InputSummary(source)
            }, skipped: { skipped.append($0) })
        for file in skipped { onSkip(file) }
        guard !inputs.isEmpty else {
            throw LineageError("no resolutions in \(paths.joined(separator: ", ")): \(skipped.count) file(s) skipped, none read")
        }
        let texts = InputTexts(inputs)

        // Builds of one path take turns from here on, whether the repository exists or not.
        let lock = try BuildLock(repositoryPath: repositoryPath) {
            progress("waiting for another build of \(repositoryPath) to finish…")
        }
        defer { withExtendedLifetime(lock) {} }
        let existed = FileManager.default.fileExists(atPath: repositoryPath)
        var checked: Plan?
        if !existed {
            // Check everything against an empty history before creating anything.
            checked = try Self.plan(inputs: inputs, stored: [], corrections: corrections, texts: texts)
        }
        let repo = try existed ? Self.openRepairing(repositoryPath, progress: progress) : Self.create(repositoryPath)

        // Stored texts are read when needed (Ancestry's evidence; the lineage when recomputed);
        // History keeps only the few read last (DocumentBodies).
        var (stored, _) = try History.read(repo)
        // What Ancestry weighs of each stored text, from the cache beside the repository (the
        // texts it lacks are read once and added to it).
        var evidenceCache = TextEvidenceCache.load(gitDirectory: repo.gitDirectory)
        for i in stored.indices {
            guard let tree = stored[i].documentTree else { continue }
            if let known = evidenceCache.entries[tree] {
                stored[i].evidence = known
            } else {
                let computed = TextEvidence(try stored[i].readResolution())
                stored[i].evidence = computed
                evidenceCache.entries[tree] = computed
            }
        }
        // The check's plan is the plan when the history is still empty.
        var plan =
            try stored.isEmpty && checked != nil
            ? checked!
            : Self.plan(inputs: inputs, stored: stored, corrections: corrections, texts: texts, reuseStoredParents: evidenceCache.sameRules) { revision in
                try repo.blobID(at: HistoryLayout.documentPath, inTree: try repo.commit(revision.commit!).tree)
            }
        let storedNotes = try LineageNotes.Stored(repo)
        let storedCommits = Set(stored.compactMap(\.commit))

        // Commit in history order (parents first). A stored revision keeps its commit when its
        // parents and the reasons recorded for them are unchanged; otherwise it is re-committed.
        var revisions = plan.revisions
        plan.revisions = []  // one copy of the list, not two
        checked = nil
        var changed: [Int] = []
        var treeEvidence: [ObjectID: TextEvidence] = [:]  // the evidence of each committed document's tree
        let written = try repo.writeObjects(packBytes: packBytes) { writer -> (commit: ObjectID, computed: Int)? in
            var commitOf: [String: ObjectID] = [:]
            for i in revisions.indices {
                onProgress(.committing, i + 1, revisions.count)
                let decision = plan.ancestry.decisions[i]
                let parents = decision.parents.map { commitOf[$0]! }
                let continues =
                    decision.parents.isEmpty
                    ? [Revision.Continuation(number: nil, reason: decision.reasons.first ?? "")]
                    : zip(decision.parents, decision.reasons).map { Revision.Continuation(number: $0, reason: $1) }
                revisions[i].line = decision.line
                if let commit = revisions[i].commit, revisions[i].parents == parents, revisions[i].continues == continues {
                    commitOf[revisions[i].number] = commit
                    continue
                }
                let input = revisions[i].commit == nil ? plan.inputPaths[revisions[i].number] : nil
                revisions[i].parents = parents
                revisions[i].continues = continues
                // An input's document as its text was checked (read ahead on every core).
                let document = try input.map { (path) throws(LineageError) in try texts.document(of: path) } ?? revisions[i].readDocument()
                let blob = try writer.blob(Array(document.utf8), deltaFamily: HistoryLayout.documentPath)
                let tree = try writer.tree(entries: [TreeEntry(name: HistoryLayout.documentPath, id: blob)])
                if let evidence = revisions[i].evidence { treeEvidence[tree] = evidence }
                let signature = HistoryLayout.author(adopted: revisions[i].adopted!)
                let commit = try writer.commit(
                    tree: tree, parents: parents, author: signature, committer: signature,
                    message: try CommitMessage.render(revisions[i]))
                revisions[i].commit = commit
                commitOf[revisions[i].number] = commit
                changed.append(i)
            }
            guard !revisions.isEmpty else { return nil }
            let kept = Set(revisions.compactMap(\.commit))
            return try LineageNotes.write(
                revisions: revisions, ancestry: plan.ancestry, changed: changed, stored: storedNotes,
                corrections: corrections, staleCommits: storedCommits.filter { !kept.contains($0) },
                repo: repo, writer: writer, progress: { onProgress(.lineage, $0, $1) }, notice: progress)
        }

        // References: one branch per line at its latest revision, stale lineage branches
        // deleted, the tags of re-committed revisions moved; all in one transaction.
        var updates: [ReferenceUpdate] = []
        var lineTips: [String: ObjectID] = [:]
        for (i, decision) in plan.ancestry.decisions.enumerated() { lineTips[decision.line] = revisions[i].commit }
        let storedBranches = try repo.references(matching: HistoryLayout.branchPrefix + "*")
        for (line, tip) in lineTips.sorted(by: { $0.key < $1.key }) {
            let name = HistoryLayout.branchPrefix + line
            let current = storedBranches.first { $0.name == name }?.target
            if let current, current != tip, !storedCommits.contains(current) {
                throw LineageError(
                    "\(repositoryPath): branch \(name) points to \(current.hex), which is not a revision of this series",
                    hint: "rename that branch, or name the line otherwise with `branch` in \(Corpus.correctionsFileName)")
            }
            if current != tip { updates.append(ReferenceUpdate(name: name, expected: current, target: tip)) }
        }
        for branch in storedBranches where lineTips[String(branch.name.dropFirst(HistoryLayout.branchPrefix.count))] == nil {
            // A line that no longer exists (renamed, or merged into another by a correction):
            // delete its branch if it is lineage's own; its commits stay reachable through the tags.
            if storedCommits.contains(branch.target) {
                updates.append(ReferenceUpdate(name: branch.name, expected: branch.target, target: nil))
            }
        }
        if let notes = written.result {
            updates.append(ReferenceUpdate(name: LineageNotes.reference, expected: storedNotes.commit, target: notes.commit))
        }
        let storedTags = Dictionary(stored.map { (HistoryLayout.tag(for: $0.symbol), $0.commit) }) { a, _ in a }
        for i in changed {
            let revision = revisions[i]
            let tag = HistoryLayout.tag(for: revision.symbol)
            let current = try repo.reference(tag)
            guard current != revision.commit else { continue }
            if let current, storedTags[tag] != current {
                throw LineageError(
                    "\(repositoryPath): tag \(tag) points to \(current.hex), which is not this series' revision",
                    hint: "move or delete that tag, then build again")
            }
            updates.append(ReferenceUpdate(name: tag, expected: current, target: revision.commit))
        }
        // The record's wording index (`lineage origin`), moved with the other references.
        let wordings = try WordingStore.update(revisions: revisions, repo: repo, packBytes: packBytes)
        if let wordings { updates.append(wordings.update) }
        let defaultBranch = plan.ancestry.lines.first.map { HistoryLayout.branchPrefix + $0 }
        try Self.apply(updates, head: defaultBranch, to: repo, at: repositoryPath)
        // The cache keeps the texts of this history only.
        var keptEvidence = TextEvidenceCache()
        for revision in revisions {
            if let tree = revision.documentTree, let known = evidenceCache.entries[tree] { keptEvidence.entries[tree] = known }
        }
        keptEvidence.entries.merge(treeEvidence) { a, _ in a }
        if keptEvidence.entries != evidenceCache.entries || !treeEvidence.isEmpty || !evidenceCache.sameRules { keptEvidence.save(gitDirectory: repo.gitDirectory) }

        let committed = changed.map { revisions[$0] }
        let storedNumbers = Set(stored.map(\.number))
        let numberOf = Dictionary(revisions.compactMap { r in r.commit.map { ($0, r.number) } }) { a, _ in a }
        let branchesMoved = updates.filter { $0.name.hasPrefix(HistoryLayout.branchPrefix) }.map { update in
            (line: String(update.name.dropFirst(HistoryLayout.branchPrefix.count)), to: update.target.flatMap { numberOf[$0] })
        }
        var report = BuildReport(
            repositoryPath: repositoryPath, created: !existed, committed: committed,
            recommitted: committed.map(\.number).filter(storedNumbers.contains),
            unchanged: plan.unchanged, history: revisions, newObjects: written.newObjects,
            lineageUpdated: written.result != nil, lineageComputed: written.result?.computed ?? 0,
            head: revisions.last { $0.line == plan.ancestry.lines.first })
        report.branchesMoved = branchesMoved
        report.wordingsIndexed = wordings?.indexed ?? 0
        return report
    }

    /// A bare build (`lineage build` with no inputs): re-reads the revisions the repository
    /// already holds (their documents and metadata, from the commits; their parents and lines,
    /// from the commits and branches) and computes the lineage notes of those that have none or
    /// whose notes are stale (another engine version), with the alignment directives stored with
    /// the notes. Nothing but `refs/notes/lineage` moves: no commit, branch, tag or `HEAD`. This
    /// restores the notes of a `git clone`, which does not copy notes.
    ///
    /// Throws when there is no repository at ``repositoryPath`` or it holds no lineage history,
    /// saying what to build it from (`corpus`, the bundled corpus, named as an example when given).
    ///
    /// Cost: reading every commit; one alignment per revision whose note is computed.
    public func recomputeLineage(suggesting corpus: String? = nil) throws -> BuildReport {
        Repository.boundReadMemory()
        var nameInputs = "name the resolutions to build it from: `lineage build FILE|FOLDER... --repo \(repositoryPath)`"
        if let corpus { nameInputs += " (the bundled corpus: `lineage build \(corpus) --repo \(repositoryPath)`)" }
        guard FileManager.default.fileExists(atPath: repositoryPath) else {
            throw LineageError("\(repositoryPath): no lineage repository here to re-read", hint: nameInputs)
        }
        let lock = try BuildLock(repositoryPath: repositoryPath) {
            progress("waiting for another build of \(repositoryPath) to finish…")
        }
        defer { withExtendedLifetime(lock) {} }
        let repo = try Self.openRepairing(repositoryPath, progress: progress)

        let (revisions, lines) = try History.read(repo)
        guard !revisions.isEmpty else {
            throw LineageError("\(repositoryPath): no revision to re-read (no branch holds a lineage history)", hint: nameInputs)
        }
        let ancestry = Ancestry(stored: revisions, lines: lines)
        let storedNotes = try LineageNotes.Stored(repo)
        let corrections = storedNotes.settings.map(LineageNotes.corrections(fromSettings:)) ?? Corrections()
        let annotated = try storedNotes.annotatedCommits(in: repo)
        let missing = revisions.indices.filter { !annotated.contains(revisions[$0].commit!) }
        let written = try repo.writeObjects(packBytes: packBytes) { writer in
            try LineageNotes.write(
                revisions: revisions, ancestry: ancestry, changed: missing, stored: storedNotes,
                corrections: corrections, staleCommits: [], repo: repo, writer: writer,
                progress: { onProgress(.lineage, $0, $1) }, notice: progress)
        }
        var updates: [ReferenceUpdate] = []
        if let notes = written.result {
            updates.append(ReferenceUpdate(name: LineageNotes.reference, expected: storedNotes.commit, target: notes.commit))
        }
        // The wording index, which a clone does not copy either.
        let wordings = try WordingStore.update(revisions: revisions, repo: repo, packBytes: packBytes)
        if let wordings { updates.append(wordings.update) }
        if !updates.isEmpty {
            do {
                try repo.updateReferences(updates)
            } catch {
                guard error.isConcurrentModification else { throw LineageError.storage(error, repository: repositoryPath) }
                throw LineageError(
                    "\(repositoryPath): the lineage was changed by another process during the build; nothing was changed",
                    hint: "build again")
            }
        }
        let head = try repo.symbolicTarget(of: "HEAD").flatMap { name -> Revision? in
            guard name.hasPrefix(HistoryLayout.branchPrefix) else { return nil }
            let line = String(name.dropFirst(HistoryLayout.branchPrefix.count))
            return revisions.last { $0.line == line }
        }
        var report = BuildReport(
            repositoryPath: repositoryPath, created: false, committed: [], recommitted: [], unchanged: revisions.count,
            history: revisions, newObjects: written.newObjects, lineageUpdated: written.result != nil,
            lineageComputed: written.result?.computed ?? 0, reread: true, head: head)
        report.wordingsIndexed = wordings?.indexed ?? 0
        return report
    }

    /// Opens the repository at `path` and, since the build lock proves no other build is
    /// writing it, finishes or removes what a killed build left (``GitStore/Repository/recoverInterruptedWrites(gitDirectory:)``),
    /// saying so.
    static func openRepairing(_ path: String, progress: (String) -> Void) throws -> Repository {
        let repo: Repository
        do {
            repo = try Repository.open(at: path)
        } catch {
            throw LineageError.cannotOpen(path, error)
        }
        var repaired: [String]
        do {
            repaired = try Repository.recoverInterruptedWrites(gitDirectory: repo.gitDirectory)
        } catch {
            throw LineageError("\(path): cannot clean up after an interrupted build: \(LineageError.describe(error))")
        }
        // The build lock of lineage before it moved beside the repository.
        if unlink(repo.gitDirectory + legacyLockName) == 0 { repaired.append(legacyLockName) }
        if !repaired.isEmpty {
            progress("\(path): an interrupted build left \(repaired.count) file(s); repaired: \(repaired.sorted().joined(separator: ", "))")
        }
        return repo
    }

    /// Moves the references in one transaction, then `HEAD` to the default line.
    static func apply(_ updates: [ReferenceUpdate], head: String?, to repo: Repository, at path: String) throws {
        do {
            try repo.updateReferences(updates)
            if let head, try repo.symbolicTarget(of: "HEAD") != head { try repo.setHead(to: head) }
        } catch {
            guard error.isConcurrentModification else { throw LineageError.storage(error, repository: path) }
            throw LineageError(
                "\(path): the history was changed by another process during the build (\(error.message)); nothing was changed",
                hint: "build again")
        }
    }

    static let legacyLockName = "lineage.lock"

    /// Creates the bare repository at `path` whole or not at all: in a folder beside it
    /// (`PATH.lineage-new`, left over only by a killed build, which the build lock proves), renamed
    /// into place once made, so that a killed build never leaves a half-made repository.
    static func create(_ path: String) throws -> Repository {
        let staging = String(BuildLock.path(for: path).dropLast(".lock".count)) + stagingSuffix
        do {
            if FileManager.default.fileExists(atPath: staging) { try FileManager.default.removeItem(atPath: staging) }
            _ = try Repository.createBare(at: staging, initialBranch: "main")
            guard rename(staging, path) == 0 else {
                throw LineageError("rename \(staging): \(String(cString: strerror(errno)))")
            }
            return try Repository.open(at: path)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw LineageError(
                "\(path): cannot create a repository: \(LineageError.describe(error))",
                hint: "check that the folder above it exists and that you may write to it")
        }
    }

    static let stagingSuffix = ".lineage-new"

    // MARK: - Planning (pure: no writes)

    struct Plan {
        /// The whole series in history order; stored revisions still carry their commit.
        var revisions: [Revision]
        /// Each revision's parents and line.
        var ancestry: Ancestry
        /// The input file of each new revision, by number.
        var inputPaths: [String: String]
        var unchanged: Int
    }

    /// Merges the inputs into the stored series: dates them, refuses conflicts, orders them, and
    /// infers the graph. An input with the number of a stored revision must have its content
    /// (metadata, and the document: `storedDocument` gives a stored revision's blob id); the
    /// inputs' revisions read their texts through `texts`, told the history order here.
    static func plan(
        inputs: [InputSummary], stored: [Revision], corrections: Corrections, texts: InputTexts,
        reuseStoredParents: Bool = false, storedDocument: (Revision) throws -> ObjectID? = { _ in nil }
    ) throws -> Plan {
        let storedByNumber = Dictionary(stored.map { ($0.number, $0) }) { a, _ in a }
        // Citations date only the inputs that give no date and have none supplied (the dates
        // each input cites were noted while reading it).
        let undated = inputs.contains { $0.header.adopted == nil && corrections.adopted[$0.header.number ?? ""] == nil }
        var cited: [String: (date: CivilDate, citedBy: String)] = [:]
        if undated {
            var votes = AdoptionDating.Votes()
            for input in inputs { votes.merge(input.citedDates) }
            for revision in stored { votes.add(try revision.readResolution()) }
            cited = votes.dates
        }

        var merged = stored
        var unchanged = 0
        for input in inputs {
            let (header, source) = try AdoptionDating.date(input, cited: cited, corrections: corrections)
            let path = input.path
            let body = InputBody(path: path, texts: texts)
            let revision = Revision(input: header, evidence: input.evidence, body: body, dateSource: source)
            if let existing = storedByNumber[revision.number] {
                guard existing.storedMetadata == revision.storedMetadata, try storedDocument(existing) == input.document else {
                    throw LineageError(
                        "\(input.path): \(revision.symbol) is already stored (commit \(existing.commit?.hex.prefix(12) ?? "?")) with a different text",
                        hint: "two different texts claim the same symbol; check which file is right")
                }
                unchanged += 1
                continue
            }
            merged.append(revision)
        }
        merged = Revision.inHistoryOrder(merged)
        let inputPaths = Dictionary(inputs.map { ($0.header.number ?? "", $0.path) }) { a, _ in a }
        texts.use(inOrder: merged.compactMap { $0.commit == nil ? inputPaths[$0.number] : nil })
        return Plan(
            revisions: merged, ancestry: try Ancestry(merged, corrections: corrections, reusingStoredParents: reuseStoredParents),
            inputPaths: inputPaths,
            unchanged: unchanged)
    }

    /// Refuses two input files that claim one symbol with different texts; drops exact repeats.
    /// Two texts of one symbol in different languages (as the files state it: Akoma Ntoso's
    /// `FRBRlanguage`, never the file name) are translations: the English one is kept and the
    /// other handed to `skipped`, naming the file kept.
    ///
    /// Complexity: O(n) for n inputs.
    static func distinct(_ inputs: [InputSummary], skipped: (SkippedFile) -> Void = { _ in }) throws(LineageError) -> [InputSummary] {
        var seen: [String: Int] = [:]  // number -> position in `out`
        var out: [InputSummary] = []
        for input in inputs {
            guard let number = input.header.number, input.header.symbol != nil else {
                throw LineageError("\(input.path): no resolution number or symbol")
            }
            if let at = seen[number] {
                let first = out[at]
                if first.header == input.header, first.document == input.document { continue }
                let (a, b) = (Language(first.header.language), Language(input.header.language))
                if a != b, a.isEnglish || b.isEnglish {
                    let (kept, other) = a.isEnglish ? (first, input) : (input, first)
                    let language = a.isEnglish ? b : a
                    skipped(SkippedFile(
                        path: other.path,
                        reason: "\(language.name) text of \(other.header.symbol!); the English text is \(kept.path)"))
                    out[at] = kept
                    continue
                }
                throw LineageError(
                    "\(input.path): claims \(input.header.symbol!), as does \(first.path), with a different text",
                    hint: "keep one of the two files")
            }
            seen[number] = out.count
            out.append(input)
        }
        return out
    }

    /// The language a text states (an ISO 639 code), named for messages.
    struct Language: Equatable {
        /// The code, lowercased; `nil` when the text does not say.
        var code: String?
        init(_ code: String?) { self.code = code?.lowercased() }
        /// Texts that do not state their language are taken as English, the language lineage reads.
        var isEnglish: Bool { code == nil || code == "eng" || code == "en" }
        static let names = [
            "eng": "English", "en": "English", "fra": "French", "fre": "French", "fr": "French", "spa": "Spanish",
            "es": "Spanish", "rus": "Russian", "ru": "Russian", "ara": "Arabic", "ar": "Arabic", "zho": "Chinese",
            "chi": "Chinese", "zh": "Chinese",
        ]
        var name: String { code.map { Self.names[$0] ?? "'\($0)'" } ?? "English" }
        static func == (a: Language, b: Language) -> Bool { a.isEnglish && b.isEnglish || a.code == b.code }
    }
}
