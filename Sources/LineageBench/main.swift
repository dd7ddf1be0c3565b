import Foundation

// lineage-bench: lineage against git on seeded synthetic series with known truth.
//
//   scripts/bench.sh [--sizes 1000,3000,10000] [--seed 1] [--runs 5] [--out benchmarks/out] [--quick]
//
// For each series size, in one run on one machine:
// 1. generates the series (LineageCore's synthetic generator), renders every revision as a
//    plain-text resolution (the corpus) and as the document lineage stores (one paragraph per
//    line), and writes a `git fast-import` stream of those documents;
// 2. times `lineage build` of the corpus against `git init --bare` + `git fast-import` of the stream;
// 3. on the built repository, times `lineage blame --words`, `diff`, `history` and `changelog`
//    against `git blame`, `git diff`, `git log -L` and `git log -p` (whole processes, median of
//    --runs, peak memory from wait4's ru_maxrss, see spawn());
// 4. measures in process the engine's accuracy against the truth and its alignment throughput.
// Then it times the adversarial pairs and computes how each command's cost grows across sizes.
// Prints one table and writes it, with the machine, to OUT/results.md.
//
//   lineage-bench --record [--record-resolutions 18000] [--timeout S]: the synthetic whole-Assembly
//   record instead (RecordBench.swift): OUT/record-results.md.

let options = Options(CommandLine.arguments)
if !options.tipAccuracySeeds.isEmpty {
    TipAccuracy.run(seeds: options.tipAccuracySeeds, revisions: options.sizes[0], paragraphs: options.paragraphs)
}
let fm = FileManager.default
let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
let lineageBinary = binDir + "/lineage"
guard fm.isExecutableFile(atPath: lineageBinary) else {
    log("lineage-bench: build the lineage product first (\(lineageBinary) is missing)")
    exit(1)
}
try! fm.createDirectory(atPath: options.out, withIntermediateDirectories: true)
let machine = Machine.current(lineage: lineageBinary, scratch: options.out)
if options.record {
    RecordBench(options: options, lineage: lineageBinary, machine: machine).run()
}
let loadBefore = Machine.loadAverage()
let started = now()

var rows: [Row] = []
/// Per command: (size, lineage seconds, git seconds), for the cost growth.
var growth: [(command: String, points: [(size: Int, lineage: Double, git: Double?)])] = []
@MainActor func record(_ command: String, _ size: Int, _ l: Double, _ g: Double?) {
    if let i = growth.firstIndex(where: { $0.command == command }) {
        growth[i].points.append((size, l, g))
    } else {
        growth.append((command, [(size, l, g)]))
    }
}

/// Writes the table so far, with the machine, to OUT/results.md (after every size, so a long run
/// that is stopped still leaves its figures).
@MainActor func writeResults(partial: Bool) {
    let loadNow = Machine.loadAverage()
    let elapsed = now() - started
    let markdown = """
        # lineage-bench results\(partial ? " (partial: the run is still going or was stopped)" : "")

        `lineage-bench --sizes \(options.sizes.map(String.init).joined(separator: ",")) --paragraphs \(options.paragraphs) --seed \(options.seed) --runs \(options.runs)\(options.quick ? " --quick" : "")` \
        (release build), \(ISO8601DateFormatter().string(from: Date())), \(String(format: "%.0f", elapsed)) s in all.

        \(machine.markdown)
        - load average (1, 5, 15 min) before: \(loadBefore); now: \(loadNow) (on \(machine.cores) cores; the benchmark itself accounts for about 1)

        Times are wall-clock medians of whole processes (lineage and git run alternately on the same
        repository); peak memory is the command's maximum resident set, \(reaper == nil
            ? "from wait4 ru_maxrss on the directly spawned child: an upper bound that includes the benchmark's own resident set (install GNU time for exact figures)"
            : "its wait4 ru_maxrss as reported by GNU time, which starts it (a child spawned directly by the benchmark would inherit the benchmark's resident set in ru_maxrss)").
        Accuracy, throughput and adversarial pairs are measured in process.

        \(Table.markdown(rows))
        """
    try! markdown.write(toFile: options.out + "/results.md", atomically: true, encoding: .utf8)
}

for size in options.sizes {
    let n = Format.count(size)
    let work = options.out + "/series-\(size)-s\(options.seed)-p\(options.paragraphs)"
    try? fm.removeItem(atPath: work)
    try! fm.createDirectory(atPath: work + "/corpus", withIntermediateDirectories: true)

    // 1. The corpus, the stored documents and the fast-import stream.
    log("[\(n)] generating and rendering \(n) revisions (seed \(options.seed), \(options.paragraphs) paragraphs)…")
    // Also: the corpus without its last revision (links) and the fast-import streams of the
    // revisions before the last and of the last alone, for adding one revision to a history.
    var stream = FastImportStream(path: work + "/fast-import.stream")
    var before = FastImportStream(path: work + "/fast-import-before.stream")
    var last = FastImportStream(path: work + "/fast-import-last.stream", continuing: true)
    try! fm.createDirectory(atPath: work + "/corpus-before", withIntermediateDirectories: true)
    var documentBytes = 0, paragraphCount = 0
    do {
        try Engine.series(seed: options.seed, paragraphs: options.paragraphs, count: size) { i, doc in
            let text = Render.resolution(doc, index: i)
            let name = String(format: "%06d.txt", i)
            _ = fm.createFile(atPath: work + "/corpus/" + name, contents: Data(text.utf8))
            let document = try Render.storedDocument(text)
            stream.commit(document: document, number: Render.number(i), adopted: Render.adopted(i))
            if i < size - 1 {
                try fm.createSymbolicLink(atPath: work + "/corpus-before/" + name, withDestinationPath: "../corpus/" + name)
                before.commit(document: document, number: Render.number(i), adopted: Render.adopted(i))
            } else {
                last.commit(document: document, number: Render.number(i), adopted: Render.adopted(i))
            }
            documentBytes += document.utf8.count
            paragraphCount += doc.paragraphs.count
        }
    } catch {
        log("lineage-bench: a rendered revision does not parse: \(error)")
        exit(1)
    }
    stream.close()
    before.close()
    last.close()
    if options.corpusOnly {
        log("[\(n)] wrote \(work)/corpus")
        continue
    }
    rows.append(Row(
        figure: "**\(n) revisions** (seed \(options.seed))",
        lineage: "\(paragraphCount / size) paragraphs, \(String(format: "%.1f", Double(documentBytes) / Double(size) / 1000)) KB a revision"))

    let repo = work + "/lineage.git", gitRepo = work + "/fast-import.git"
    let tip = Render.number(size - 1), parent = Render.number(size - 2), first = Render.number(0)
    func tag(_ number: String) -> String { "refs/tags/A/RES/" + number }
    func lineage(_ name: String, _ args: [String]) -> ProcessStats {
        spawn(lineageBinary, args + ["--repo", repo], stdout: "\(work)/\(name).lineage.out")
    }
    func git(_ name: String, _ args: [String]) -> ProcessStats {
        spawn(Git.executable, ["-C", repo] + args, stdout: "\(work)/\(name).git.out")
    }
    func timeRow(_ figure: String, _ s: (lineage: Sample, git: Sample?), target: Double? = nil) {
        var row = Row(figure: figure + " (median of \(s.lineage.runs.count))", lineage: Format.seconds(s.lineage.seconds))
        if let g = s.git {
            row.git = Format.seconds(g.seconds)
            row.ratio = Format.ratio(s.lineage.seconds, g.seconds)
            if let target {
                row.target = String(format: "≤ %.1f×", target)
                row.met = s.lineage.seconds <= target * g.seconds
            }
        }
        rows.append(row)
        record(figure, size, s.lineage.seconds, s.git?.seconds)
    }
    var memoryRows: [Row] = []
    func memoryRow(_ figure: String, _ s: (lineage: Sample, git: Sample?)) {
        var row = Row(figure: "peak memory: " + figure, lineage: Format.mb(s.lineage.maxRSSMB), target: "≤ 60 MB")
        row.met = s.lineage.maxRSSMB <= 60
        if let g = s.git {
            row.git = Format.mb(g.maxRSSMB)
            row.ratio = Format.ratio(s.lineage.maxRSSMB, g.maxRSSMB)
        }
        memoryRows.append(row)
    }
    func pair(_ figure: String, name: String, target: Double? = nil, lineage l: [String], git g: [String]?) {
        log("[\(n)] \(figure)…")
        let s = measurePair(
            figure, runs: options.runs, budget: options.budget, lineage: { lineage(name, l) },
            git: g.map { args in { git(name, args) } })
        timeRow(figure, s, target: target)
        memoryRow(figure, s)
    }

    // 2. Build against fast-import.
    log("[\(n)] lineage build against git fast-import…")
    let build = measurePair(
        "build", runs: options.runs, budget: options.budget, warmUp: false,
        prepare: {
            try? fm.removeItem(atPath: repo)
            try? fm.removeItem(atPath: gitRepo)
        },
        lineage: { spawn(lineageBinary, ["build", work + "/corpus", "--repo", repo], stdout: work + "/build.lineage.out") },
        git: {
            spawn(Git.executable, ["init", "--bare", "-q", "-b", "main", gitRepo], stdout: work + "/init.git.out")
                + spawn(
                    Git.executable, ["-C", gitRepo, "fast-import", "--quiet"], stdin: work + "/fast-import.stream",
                    stdout: work + "/build.git.out")
        })
    timeRow("build: lineage build vs git init + fast-import", build, target: 1.5)
    memoryRow("build", build)
    // The baseline must hold the very documents lineage stored.
    let blobs = [repo, gitRepo].map { r -> String in
        let file = work + "/tip-blob.out"
        _ = spawn(Git.executable, ["-C", r, "rev-parse", "HEAD:" + Git.documentPath], stdout: file)
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? "?"
    }
    if blobs[0] != blobs[1] {
        log("lineage-bench: warning: the tip documents differ between lineage's repository and fast-import's (\(blobs))")
    }

    // 2b. Adding this year's revision to a stored history: `lineage build` of the whole corpus
    // folder (it reads every file and recognises the stored ones) on a history of all but the
    // last revision, against fast-import of one more commit on a repository of the same.
    log("[\(n)] adding one revision to a history of \(Format.count(size - 1))…")
    let incBase = work + "/before.lineage.git", incRepo = work + "/add.lineage.git"
    let gitBase = work + "/before.fast-import.git", gitInc = work + "/add.fast-import.git"
    _ = spawn(lineageBinary, ["build", work + "/corpus-before", "--repo", incBase], stdout: work + "/before.lineage.out")
    _ = spawn(Git.executable, ["init", "--bare", "-q", "-b", "main", gitBase], stdout: work + "/init.git.out")
    _ = spawn(
        Git.executable, ["-C", gitBase, "fast-import", "--quiet"], stdin: work + "/fast-import-before.stream",
        stdout: work + "/before.git.out")
    let add = measurePair(
        "add", runs: options.runs, budget: options.budget, warmUp: false,
        prepare: {
            for (from, to) in [(incBase, incRepo), (gitBase, gitInc)] {
                try? fm.removeItem(atPath: to)
                try! fm.copyItem(atPath: from, toPath: to)
            }
        },
        lineage: { spawn(lineageBinary, ["build", work + "/corpus", "--repo", incRepo], stdout: work + "/add.lineage.out") },
        git: {
            spawn(
                Git.executable, ["-C", gitInc, "fast-import", "--quiet"], stdin: work + "/fast-import-last.stream",
                stdout: work + "/add.git.out")
        })
    timeRow("add 1 revision: lineage build of the corpus folder vs fast-import of 1 commit", add)
    memoryRow("add 1 revision", add)
    for (r, name) in [(incRepo, "lineage"), (gitInc, "fast-import")] {
        let file = work + "/add-tip.out"
        _ = spawn(Git.executable, ["-C", r, "rev-parse", "HEAD:" + Git.documentPath], stdout: file)
        if (try? String(contentsOfFile: file, encoding: .utf8)) != blobs[0] {
            log("lineage-bench: warning: after adding one revision, \(name)'s tip document differs from the full build's")
        }
    }

    // 3. Queries on the built repository, against git on the same repository.
    pair(
        "blame --words of the tip (json) vs git blame --line-porcelain", name: "blame", target: 1.0,
        lineage: ["blame", "--words", "--format", "json"],
        git: ["blame", "--line-porcelain", "HEAD", "--", Git.documentPath])
    pair("diff tip vs parent vs git diff", name: "diff-parent", lineage: ["diff", parent, tip], git: ["diff", tag(parent), tag(tip)])
    pair("diff first vs tip vs git diff", name: "diff-first", lineage: ["diff", first, tip], git: ["diff", tag(first), tag(tip)])
    pair(
        "history of pp1 (changed every revision) vs git log -L", name: "history",
        lineage: ["history", "\(tip):pp1"], git: ["log", "-L", "2,2:" + Git.documentPath, "HEAD"])
    pair("changelog vs git log -p", name: "changelog", lineage: ["changelog"], git: ["log", "-p", "HEAD"])
    rows += memoryRows

    // 4. In process: accuracy and alignment throughput.
    log("[\(n)] accuracy and alignment throughput (in process)…")
    let acc = Engine.accuracy(seed: options.seed, paragraphs: options.paragraphs, count: size)
    rows.append(Row(figure: "clause-link F1 (precision / recall)", lineage: "\(Format.share(acc.f1)) (\(Format.share(acc.precision)) / \(Format.share(acc.recall)))"))
    rows.append(Row(figure: "word-origin accuracy", lineage: Format.share(acc.wordOrigin)))
    rows.append(Row(figure: "introduced-revision accuracy", lineage: Format.share(acc.introduced)))
    rows.append(Row(figure: "tip's clauses (\(acc.tipParagraphs)): introduced right", lineage: Format.share(acc.tipIntroduced)))
    rows.append(Row(figure: "tip's clauses (\(acc.tipParagraphs)): last changed right", lineage: Format.share(acc.tipLastChanged)))
    rows.append(Row(figure: "revisions advanced per second (align + provenance)", lineage: String(format: "%.0f /s", Double(size) / acc.engineSeconds)))
    let throughput = Engine.alignmentThroughput(seed: options.seed, paragraphs: options.paragraphs, count: size)
    let pairsPerSecond = Double(throughput.pairs) / throughput.seconds
    rows.append(Row(
        figure: "aligned revision pairs per second", lineage: String(format: "%.0f /s", pairsPerSecond),
        target: "≥ 10,000 /s", met: pairsPerSecond >= 10_000))
    writeResults(partial: true)
}
if options.corpusOnly { exit(0) }

// Adversarial pairs, in process.
log("adversarial pairs…")
rows.append(Row(figure: "**adversarial pairs** (one alignment, median of \(max(options.runs, 3)))", lineage: ""))
for p in Adversarial.pairs(seed: options.seed, paragraphs: options.paragraphs) {
    let s = Adversarial.time(p, runs: max(options.runs, 3))
    rows.append(Row(figure: p.name, lineage: Format.seconds(s), target: "≤ 50 ms", met: s <= 0.050))
}

// Cost growth across sizes: the time at each size, and the exponent k in t ∝ revisions^k between
// each pair of consecutive sizes (k = 1 is linear growth).
if options.sizes.count > 1 {
    let sizes = options.sizes
    rows.append(Row(
        figure: "**cost growth** over \(sizes.map(Format.count).joined(separator: " → ")) revisions: time at each size; exponent k in t ∝ n^k between consecutive sizes",
        lineage: ""))
    func describe(_ points: [(size: Int, seconds: Double)]) -> String {
        var parts = points.map { Format.seconds($0.seconds) }.joined(separator: " → ")
        let ks = zip(points, points.dropFirst()).map { a, b in
            String(format: "%.2f", log(b.seconds / a.seconds) / log(Double(b.size) / Double(a.size)))
        }
        parts += "; k = " + ks.joined(separator: ", ")
        return parts
    }
    for (command, points) in growth {
        let measured = sizes.compactMap { size in points.first { $0.size == size } }
        guard measured.count > 1 else { continue }
        var row = Row(figure: command, lineage: describe(measured.map { ($0.size, $0.lineage) }))
        let git = measured.compactMap { p in p.git.map { (p.size, $0) } }
        if git.count == measured.count { row.git = describe(git) }
        rows.append(row)
    }
}

FileHandle.standardOutput.write(Data(Table.text(rows).utf8))
writeResults(partial: false)
log("wrote \(options.out)/results.md")
