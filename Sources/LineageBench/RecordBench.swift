import Foundation
import LineageCore
import ResolutionText

/// `lineage-bench --record`: the synthetic whole-Assembly record (``SyntheticRecord``), measured
/// whole-process on the release build, for each size of `--record-resolutions`:
///
/// 1. generates the record as plain-text resolutions, one folder per session (`sessions/001` …);
/// 2. builds sessions 1…S−1 into one repository (`lineage build` of their folders): wall, user
///    and system time, peak memory;
/// 3. adds session S (`lineage build sessions/S` on that repository): wall, peak memory;
/// 4. scores the repository against the truth from `lineage log --all --format json` (each
///    revision's `number`, `parents`, `series`, `branch`; without `--all`, `lineage log --format
///    json` and series read as the connected parts of the parents): adoption dates, parents,
///    and the partition into series (exact share, pairwise precision and recall);
/// 5. `git fsck --strict` on the repository;
/// 6. `lineage origin TEXT --format json` on a seeded sample of paragraphs reused from another
///    series (median and p90 time, peak memory, share answered with the first holder or an
///    earlier near-identical paragraph), when the command exists;
/// 7. `lineage blame REV --format json` on a seeded sample of revisions.
///
/// A command past `--timeout` is stopped and the table says so; what depends on it is "not
/// measured". Prints one table and writes it, with the machine, to OUT/record-results.md.
struct RecordBench {
    let options: Options
    let lineage: String
    let machine: Machine
    private var rows: [Row] = []
    private var builds: [(size: Int, seconds: Double)] = []
    private let fm = FileManager.default

    /// The bar of issue 13 for the whole record: built in 10 minutes, in 2 GB, series and origin 99% right.
    static let buildSecondsTarget = 600.0
    static let buildMemoryTargetMB = 2048.0
    static let accuracyTarget = 0.99
    /// The size from which the whole-record targets are shown (the whole Assembly).
    static let wholeAssembly = 18_000
    /// Word-sequence similarity from which an earlier paragraph counts as near-identical.
    static let nearIdentical = 0.9

    init(options: Options, lineage: String, machine: Machine) {
        self.options = options
        self.lineage = lineage
        self.machine = machine
    }

    func run() -> Never {
        var bench = self
        let started = now()
        for size in options.recordResolutions {
            bench.measure(size)
            bench.write(partial: true, seconds: now() - started)
        }
        bench.growth()
        FileHandle.standardOutput.write(Data(Table.text(bench.rows).utf8))
        bench.write(partial: false, seconds: now() - started)
        log("wrote \(options.out)/record-results.md")
        exit(0)
    }

    private func write(partial: Bool, seconds: Double) {
        let markdown = """
            # lineage-bench: the synthetic whole-Assembly record\(partial ? " (partial: the run is still going or was stopped)" : "")

            `lineage-bench --record --record-resolutions \(options.recordResolutions.map(String.init).joined(separator: ",")) \
            --record-sessions \(options.recordSessions) --seed \(options.seed)\(options.timeout.map { " --timeout \(Int($0))" } ?? "") \
            --origins \(options.origins) --blames \(options.blames)` (release build), \(ISO8601DateFormatter().string(from: Date())), \
            \(String(format: "%.0f", seconds)) s in all.

            \(machine.markdown)
            - load average (1, 5, 15 min) now: \(Machine.loadAverage()) (on \(machine.cores) cores)

            Each figure is one whole process (wall clock; CPU time and peak resident set as GNU time
            reports them\(reaper == nil ? ", here from wait4: GNU time is missing, so peak memory is an upper bound" : "")).
            A command stopped at --timeout shows the peak memory polled from /proc until then.

            \(Table.markdown(rows))
            """
        try? markdown.write(toFile: options.out + "/record-results.md", atomically: true, encoding: .utf8)
    }

    // MARK: - One size

    private mutating func measure(_ size: Int) {
        let n = Format.count(size)
        let work = options.out + "/record-\(size)-s\(options.seed)"
        try? fm.removeItem(atPath: work)
        try! fm.createDirectory(atPath: work + "/sessions", withIntermediateDirectories: true)

        // 1. The record.
        log("[record \(n)] generating (seed \(options.seed), \(options.recordSessions) sessions)…")
        var configuration = SyntheticRecord.Configuration(resolutions: size)
        configuration.sessions = options.recordSessions
        let generationStart = now()
        var bytes = 0
        var folders: [Int: String] = [:]
        let truth = SyntheticRecord.generate(seed: options.seed, configuration: configuration) { r in
            let folder = folders[r.session] ?? {
                let f = work + "/sessions/" + String(format: "%03d", r.session)
                try! fm.createDirectory(atPath: f, withIntermediateDirectories: true)
                folders[r.session] = f
                return f
            }()
            let text = Data(r.text.utf8)
            bytes += text.count
            _ = fm.createFile(atPath: folder + "/A_RES_\(r.session)_\(r.number.split(separator: "/")[1]).txt", contents: text)
        }
        let generationSeconds = now() - generationStart
        writeTruth(truth, to: work)
        let sessions = folders.keys.sorted()
        let last = sessions.last!
        let lastYear = truth.adopted.last!.year
        let merges = truth.parents.filter { $0.count > 1 }.count
        rows.append(Row(
            figure: "**record of \(n) resolutions** (seed \(options.seed))",
            lineage: "\(sessions.count) sessions (\(truth.adopted[0].year)–\(lastYear)); \(Format.count(truth.seriesCount)) series "
                + "(\(truth.recurringSeriesCount) of several resolutions, \(Format.count(truth.oneOffs)) one-offs); "
                + "\(truth.forks) forks, \(merges) merges (\(truth.seriesMerges) of two series); "
                + "\(Format.count(truth.reuses.count)) reused paragraphs (\(truth.reuses.filter(\.exact).count) word for word); "
                + "\(Format.count(truth.before1970)) adopted before 1970; \(String(format: "%.1f", Double(bytes) / Double(size) / 1000)) KB a resolution"))
        rows.append(Row(
            figure: "evidence: continuing resolutions citing their parent / only repeating its title / text only",
            lineage: "\(Format.count(truth.citing)) / \(Format.count(truth.titleOnly)) / \(truth.textOnly); \(truth.crossCites) citations of an unrelated resolution"))
        rows.append(Row(figure: "generate and write the record (in process)", lineage: Format.seconds(generationSeconds)))

        let repo = work + "/record.git"
        func run(_ name: String, _ args: [String], timeout: Double? = options.timeout) -> ProcessStats {
            spawn(lineage, args, stdout: "\(work)/\(name).out", timeout: timeout)
        }
        let beforeCount = truth.numbers.indices.filter { truth.session($0) != last }.count
        let lastCount = size - beforeCount

        // 2. Build sessions 1…S−1.
        log("[record \(n)] lineage build of sessions 1–\(last - 1) (\(Format.count(beforeCount)) resolutions)…")
        let sessionFolders = sessions.map { work + "/sessions/" + String(format: "%03d", $0) }
        let build = run("build", ["build"] + sessionFolders.dropLast() + ["--repo", repo])
        let whole = size >= Self.wholeAssembly
        guard report(
            build, figure: "build sessions 1–\(last - 1) (\(Format.count(beforeCount)) resolutions)", name: "build", work: work,
            secondsTarget: whole ? Self.buildSecondsTarget : nil, memoryTarget: whole ? Self.buildMemoryTargetMB : nil)
        else {
            notMeasured(because: "the build of sessions 1–\(last - 1) did not finish")
            return
        }
        builds.append((beforeCount, build.seconds))

        // 3. Add session S.
        log("[record \(n)] adding session \(last) (\(lastCount) resolutions)…")
        let add = run("add", ["build", sessionFolders.last!, "--repo", repo])
        guard report(add, figure: "add session \(last) (\(lastCount) resolutions) to it", name: "add", work: work, secondsTarget: nil, memoryTarget: nil) else {
            notMeasured(because: "adding session \(last) did not finish")
            return
        }

        // 4. Series, parents and dates against the truth.
        score(truth: truth, last: last, repo: repo, work: work)

        // 5. git fsck --strict.
        let fsck = spawn(Git.executable, ["-C", repo, "fsck", "--strict"], stdout: work + "/fsck.out", stderr: work + "/fsck.err")
        let complaints = [work + "/fsck.out", work + "/fsck.err"].flatMap { file in
            ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").filter { !$0.hasPrefix("Checking") }
        }
        rows.append(Row(
            figure: "git fsck --strict", lineage: "", git: fsck.status == 0 && complaints.isEmpty ? "clean" : "status \(fsck.status): \(complaints.first ?? "")",
            target: "clean", met: fsck.status == 0 && complaints.isEmpty))

        // 6. origin.
        origin(truth: truth, repo: repo, work: work)

        // 7. blame.
        blame(truth: truth, repo: repo, work: work)
    }

    /// The truth beside the record, for whoever looks into a figure: `truth.tsv` (number,
    /// adopted, parents, series named by its first resolution) and `reuses.tsv` (number, address,
    /// first holder, copied from, word for word, text).
    private func writeTruth(_ truth: SyntheticRecord.Truth, to work: String) {
        var out = "number\tadopted\tparents\tseries\n"
        for i in truth.numbers.indices {
            out += "\(truth.numbers[i])\t\(truth.adopted[i].iso)\t\(truth.parents[i].map { truth.numbers[$0] }.joined(separator: " "))\t\(truth.numbers[truth.series[i]])\n"
        }
        try? out.write(toFile: work + "/truth.tsv", atomically: true, encoding: .utf8)
        out = "number\taddress\tfirst holder\tcopied from\tword for word\ttext\n"
        for r in truth.reuses {
            out += "\(truth.numbers[r.resolution])\t\(r.address)\t\(truth.numbers[r.firstHolder])\t\(truth.numbers[r.source])\t\(r.exact)\t\(r.text)\n"
        }
        try? out.write(toFile: work + "/reuses.tsv", atomically: true, encoding: .utf8)
    }

    /// Adds the time and memory rows of a build; false when it did not finish.
    private mutating func report(
        _ s: ProcessStats, figure: String, name: String, work: String, secondsTarget: Double?, memoryTarget: Double?
    ) -> Bool {
        let mb = Double(s.maxRSSKB) / 1024
        if s.timedOut {
            rows.append(Row(
                figure: figure, lineage: "not finished in \(Format.seconds(options.timeout ?? 0)) (stopped); peak memory until then \(Format.mb(mb))",
                target: secondsTarget.map { "≤ \(Int($0)) s" } ?? "", met: secondsTarget == nil ? nil : false))
            return false
        }
        if s.status != 0 {
            let err = (try? String(contentsOfFile: "\(work)/\(name).out.err", encoding: .utf8)) ?? ""
            let lastLine = err.split(separator: "\n").last.map(String.init) ?? ""
            rows.append(Row(figure: figure, lineage: "failed with status \(s.status): \(lastLine)"))
            return false
        }
        var row = Row(
            figure: figure, lineage: "\(Format.seconds(s.seconds)) wall (user \(Format.seconds(s.userSeconds)), system \(Format.seconds(s.systemSeconds)))")
        if let t = secondsTarget {
            row.target = "≤ \(Int(t)) s"
            row.met = s.seconds <= t
        }
        rows.append(row)
        var memory = Row(figure: "peak memory: " + figure, lineage: Format.mb(mb))
        if let t = memoryTarget {
            memory.target = "≤ \(Int(t)) MB"
            memory.met = mb <= t
        }
        rows.append(memory)
        return true
    }

    private mutating func notMeasured(because reason: String) {
        for what in ["adding the last session", "series and parents against the truth", "git fsck --strict", "lineage origin", "lineage blame"] {
            rows.append(Row(figure: what, lineage: "not measured: \(reason)"))
        }
    }

    // MARK: - Series and parents

    private mutating func score(truth: SyntheticRecord.Truth, last: Int, repo: String, work: String) {
        var listing = spawn(lineage, ["log", "--all", "--format", "json", "--repo", repo], stdout: work + "/log.json")
        var note = ""
        if listing.status != 0 {
            note = " (`log --all` is not available: `lineage log --format json`, series read as the connected parts of the parents)"
            listing = spawn(lineage, ["log", "--format", "json", "--repo", repo], stdout: work + "/log.json")
        }
        guard listing.status == 0, let data = fm.contents(atPath: work + "/log.json"),
            let entries = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]]
        else {
            rows.append(Row(figure: "series and parents against the truth", lineage: "not measured: `lineage log --format json` failed (see log.json.err)"))
            return
        }
        var indexOf: [String: Int] = [:]
        for (i, number) in truth.numbers.enumerated() { indexOf[number] = i }
        var found = Array(repeating: false, count: truth.numbers.count)
        var parentsFound = Array(repeating: Set<Int>(), count: truth.numbers.count)
        var seriesName = Array(repeating: "", count: truth.numbers.count)
        var datesRight = 0, datesBefore1970 = 0, datesBefore1970Right = 0
        var hasSeries = true
        for entry in entries {
            guard let number = entry["number"] as? String, let i = indexOf[number] else { continue }
            found[i] = true
            parentsFound[i] = Set(((entry["parents"] as? [String]) ?? []).compactMap { indexOf[$0] })
            if let s = entry["series"], !(s is NSNull) { seriesName[i] = "\(s)" } else { hasSeries = false }
            let right = (entry["adopted"] as? String) == truth.adopted[i].iso
            if right { datesRight += 1 }
            if truth.adopted[i].year < 1970 {
                datesBefore1970 += 1
                if right { datesBefore1970Right += 1 }
            }
        }
        let total = truth.numbers.count
        let present = found.filter { $0 }.count
        rows.append(Row(
            figure: "revisions listed by `lineage log`\(note)", lineage: "\(Format.count(present)) of \(Format.count(total))",
            target: "all", met: present == total))
        rows.append(Row(
            figure: "adoption dates right (before 1970: \(Format.count(datesBefore1970)))",
            lineage: "\(Format.share(Double(datesRight) / Double(total))) (before 1970: \(Format.share(datesBefore1970 == 0 ? 1 : Double(datesBefore1970Right) / Double(datesBefore1970))))",
            target: "1.0000", met: datesRight == total))

        // Parents: the same set as the truth's.
        var right = 0, continuing = 0, continuingRight = 0, lastTotal = 0, lastRight = 0
        for i in 0..<total {
            let ok = found[i] && parentsFound[i] == Set(truth.parents[i])
            if ok { right += 1 }
            if !truth.parents[i].isEmpty {
                continuing += 1
                if ok { continuingRight += 1 }
            }
            if truth.session(i) == last {
                lastTotal += 1
                if ok { lastRight += 1 }
            }
        }
        rows.append(Row(figure: "parents right (all revisions)", lineage: Format.share(Double(right) / Double(total))))
        rows.append(Row(figure: "parents right (the \(Format.count(continuing)) continuing revisions)", lineage: Format.share(Double(continuingRight) / Double(max(1, continuing)))))
        rows.append(Row(figure: "parents right (the \(lastTotal) revisions of the added session \(last))", lineage: Format.share(Double(lastRight) / Double(max(1, lastTotal)))))

        // Series: the repository's partition against the truth's.
        let foundSeries: [Int]
        if note.isEmpty && hasSeries && seriesName.allSatisfy({ !$0.isEmpty }) {
            var ids: [String: Int] = [:]
            foundSeries = seriesName.map { name in
                if let id = ids[name] { return id }
                ids[name] = ids.count
                return ids[name]!
            }
        } else {
            foundSeries = SyntheticRecord.seriesOf(parents: parentsFound.map { Array($0) })
        }
        let s = Partition.compare(found: foundSeries, truth: truth.series)
        rows.append(Row(
            figure: "series found / true", lineage: "\(Format.count(Set(foundSeries).count)) / \(Format.count(truth.seriesCount))"))
        rows.append(Row(
            figure: "revisions whose series is exactly the true one", lineage: Format.share(s.exact),
            target: "≥ \(Format.share(Self.accuracyTarget))", met: s.exact >= Self.accuracyTarget))
        rows.append(Row(
            figure: "series, pairwise precision / recall (pairs of revisions in one series)",
            lineage: "\(Format.share(s.precision)) / \(Format.share(s.recall))"))
    }

    // MARK: - origin

    private mutating func origin(truth: SyntheticRecord.Truth, repo: String, work: String) {
        // Without the subcommand, `lineage origin --help` prints the tool's overview instead.
        let help = spawn(lineage, ["origin", "--help"], stdout: work + "/origin-help.out")
        let usage = (try? String(contentsOfFile: work + "/origin-help.out", encoding: .utf8)) ?? ""
        guard help.status == 0, usage.contains("lineage origin") else {
            rows.append(Row(figure: "lineage origin on reused paragraphs", lineage: "not measured: `lineage origin` is not available"))
            return
        }
        // Paragraphs first adopted in another series, a seeded sample.
        var candidates = truth.reuses.filter { truth.series[$0.firstHolder] != truth.series[$0.resolution] }
        var rng = SplitMix64(seed: options.seed &+ 13)
        for i in candidates.indices.reversed() where i > 0 { candidates.swapAt(i, rng.below(i + 1)) }
        let sample = Array(candidates.prefix(options.origins))
        guard !sample.isEmpty else {
            rows.append(Row(figure: "lineage origin on reused paragraphs", lineage: "not measured: no paragraph of the record is reused from another series"))
            return
        }
        log("[record] lineage origin on \(sample.count) reused paragraphs…")
        var indexOf: [String: Int] = [:]
        for (i, number) in truth.numbers.enumerated() { indexOf[number] = i }
        var times: [Double] = [], peak = 0, exact = 0, accepted = 0, unanswered = 0, stopped = 0
        for (k, reuse) in sample.enumerated() {
            let out = "\(work)/origin-\(k).json"
            let s = spawn(lineage, ["origin", reuse.text, "--repo", repo, "--format", "json"], stdout: out, timeout: options.timeout)
            if s.timedOut {
                stopped += 1
                continue
            }
            times.append(s.seconds)
            peak = max(peak, s.maxRSSKB)
            guard s.status == 0, let data = fm.contents(atPath: out),
                let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                let first = json["first"] as? [String: Any], let number = first["number"] as? String
            else {
                unanswered += 1
                continue
            }
            if number == truth.numbers[reuse.firstHolder] {
                exact += 1
                accepted += 1
            } else if let i = indexOf[number], i < reuse.firstHolder, let text = first["text"] as? String,
                WordSimilarity.words(text, reuse.text) >= Self.nearIdentical
            {
                accepted += 1
            }
        }
        // A paragraph whose answer was stopped at the time limit counts as not found.
        let answered = sample.count
        rows.append(Row(
            figure: "lineage origin on \(sample.count) paragraphs reused from another series (\(sample.filter(\.exact).count) word for word)",
            lineage: stopped > 0 ? "\(stopped) stopped at the time limit" : ""))
        if !times.isEmpty {
            let sorted = times.sorted()
            let p90 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.9).rounded(.up)) - 1)]
            rows.append(Row(figure: "origin: median / p90 time", lineage: "\(Format.seconds(median(times))) / \(Format.seconds(p90))", target: "median ≤ 1 s", met: median(times) <= 1))
            rows.append(Row(figure: "peak memory: origin", lineage: Format.mb(Double(peak) / 1024)))
        }
        rows.append(Row(
            figure: "origin: the first holder (or an earlier near-identical paragraph, word similarity ≥ \(Self.nearIdentical))",
            lineage: "\(Format.share(Double(accepted) / Double(max(1, answered)))) (the first holder itself: \(Format.share(Double(exact) / Double(max(1, answered)))); no answer: \(unanswered))",
            target: "≥ \(Format.share(Self.accuracyTarget))", met: Double(accepted) / Double(max(1, answered)) >= Self.accuracyTarget))
    }

    // MARK: - blame

    private mutating func blame(truth: SyntheticRecord.Truth, repo: String, work: String) {
        var candidates = truth.parents.indices.filter { !truth.parents[$0].isEmpty }
        var rng = SplitMix64(seed: options.seed &+ 29)
        for i in candidates.indices.reversed() where i > 0 { candidates.swapAt(i, rng.below(i + 1)) }
        let sample = candidates.prefix(options.blames)
        guard !sample.isEmpty else { return }
        log("[record] lineage blame on \(sample.count) revisions…")
        var times: [Double] = [], peak = 0, failed = 0
        for i in sample {
            let s = spawn(
                lineage, ["blame", truth.numbers[i], "--format", "json", "--repo", repo], stdout: "\(work)/blame-\(i).json",
                timeout: options.timeout)
            if s.status != 0 || s.timedOut {
                failed += 1
                continue
            }
            times.append(s.seconds)
            peak = max(peak, s.maxRSSKB)
        }
        let numbers = sample.map { truth.numbers[$0] }.joined(separator: ", ")
        if times.isEmpty {
            rows.append(Row(figure: "blame REV --format json (\(numbers))", lineage: "not measured: every run failed or was stopped"))
            return
        }
        rows.append(Row(
            figure: "blame REV --format json on \(sample.count) revisions (\(numbers)): median / slowest",
            lineage: "\(Format.seconds(median(times))) / \(Format.seconds(times.max()!))\(failed > 0 ? "; \(failed) failed" : "")"))
        rows.append(Row(figure: "peak memory: blame", lineage: Format.mb(Double(peak) / 1024)))
    }

    // MARK: - Growth

    private mutating func growth() {
        guard builds.count > 1 else { return }
        var parts = builds.map { "\(Format.count($0.size)): \(Format.seconds($0.seconds))" }.joined(separator: " → ")
        let ks = zip(builds, builds.dropFirst()).map { a, b in
            String(format: "%.2f", log(b.seconds / a.seconds) / log(Double(b.size) / Double(a.size)))
        }
        parts += "; k = " + ks.joined(separator: ", ")
        rows.append(Row(figure: "**cost growth** of the build (resolutions: time; exponent k in t ∝ n^k)", lineage: parts))
    }
}

/// Comparing two partitions of the same revisions (series found against true series).
enum Partition {
    /// The share of items whose found part is exactly their true part, and pairwise precision
    /// and recall (pairs of items in one part).
    /// - Complexity: O(n) with hashing.
    static func compare(found: [Int], truth: [Int]) -> (exact: Double, precision: Double, recall: Double) {
        precondition(found.count == truth.count)
        var cell: [[Int]: Int] = [:], foundSize: [Int: Int] = [:], trueSize: [Int: Int] = [:]
        for (f, t) in zip(found, truth) {
            cell[[f, t], default: 0] += 1
            foundSize[f, default: 0] += 1
            trueSize[t, default: 0] += 1
        }
        func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
        let together = cell.values.reduce(0) { $0 + pairs($1) }
        let foundPairs = foundSize.values.reduce(0) { $0 + pairs($1) }
        let truePairs = trueSize.values.reduce(0) { $0 + pairs($1) }
        var exact = 0
        for (f, t) in zip(found, truth) where cell[[f, t]] == foundSize[f] && cell[[f, t]] == trueSize[t] { exact += 1 }
        return (
            Double(exact) / Double(max(1, found.count)), foundPairs == 0 ? 1 : together / foundPairs,
            truePairs == 0 ? 1 : together / truePairs
        )
    }
}

/// Word-sequence similarity of two paragraphs.
enum WordSimilarity {
    /// 2·LCS / (|a| + |b|) over lowercased words, punctuation aside: 1 for the same words.
    /// - Complexity: O(|a|·|b|).
    static func words(_ a: String, _ b: String) -> Double {
        func split(_ s: String) -> [Substring] {
            s.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "/" }
        }
        let x = split(a), y = split(b)
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        var row = Array(repeating: 0, count: y.count + 1)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var diagonal = 0
            for j in 1...max(1, y.count) where !y.isEmpty {
                let up = row[j]
                row[j] = x[i - 1] == y[j - 1] ? diagonal + 1 : max(row[j], row[j - 1])
                diagonal = up
            }
        }
        return 2 * Double(row[y.count]) / Double(x.count + y.count)
    }
}
