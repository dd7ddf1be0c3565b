import Foundation

/// The command line of `lineage-bench`.
struct Options {
    /// Series sizes (revisions) measured, smallest first; build and blame also run at each.
    var sizes = [1000, 3000, 10000]
    /// Target paragraphs per revision (the generator's default is 40, about 14 KB).
    var paragraphs = 40
    var seed: UInt64 = 1
    /// Runs per timed command (median reported); a command whose runs exceed ``budget`` stops early.
    var runs = 5
    /// Seconds spent at most on the repeated runs of one lineage/git pair (at least one run each).
    var budget = 20.0
    var out = "benchmarks/out"
    var quick = false
    /// Only generate and render the series (`corpus/` under the output folder), then stop: a
    /// corpus for other tools (scripts/crash-test.sh).
    var corpusOnly = false
    /// Only score the tip's clauses (introducing and last-changing revision) on one series of
    /// ``tipAccuracyRevisions`` (or `--revisions N`) revisions per seed, in process, and stop.
    var tipAccuracySeeds: [UInt64] = []
    /// Revisions of each series `--tip-accuracy` scores unless `--revisions` says otherwise
    /// (the size of the bar: 5 series of 300).
    static let tipAccuracyRevisions = 300
    /// Measure the synthetic whole-Assembly record (``RecordBench``) instead of the series sizes.
    var record = false
    /// Record sizes in resolutions (`--record-resolutions`), smallest first.
    var recordResolutions = [18_000]
    /// Sessions of the record (session 1 is 1946).
    var recordSessions = 80
    /// Seconds each lineage command of the record may run before it is stopped (nil: no limit).
    var timeout: Double?
    /// Reused paragraphs given to `lineage origin`, and revisions given to `lineage blame`.
    var origins = 100
    var blames = 5

    static let usage = """
        usage: lineage-bench [--sizes 1000,3000,10000 | --revisions N] [--paragraphs 40] [--seed 1]
                             [--runs 5] [--budget 20] [--out benchmarks/out] [--quick]
                             [--corpus-only] [--tip-accuracy SEEDS]
               lineage-bench --record [--record-resolutions 18000] [--record-sessions 80] [--seed 1]
                             [--timeout SECONDS] [--origins 100] [--blames 5] [--out benchmarks/out]
          --sizes       series sizes in revisions (cost growth is measured across them)
          --revisions   a single size (same as --sizes N)
          --paragraphs  target paragraphs per revision (40 gives about 14 KB a revision)
          --runs        runs per timed command; the median is reported
          --budget      seconds at most for the repeated runs of one command pair (at least 1 run)
          --out         output folder: results.md, the rendered series and repositories
          --quick       a seconds-long smoke run: sizes 20,60, 1 run
          --corpus-only only write each size's rendered series (OUT/series-…/corpus), measure nothing
          --tip-accuracy  only score the tip's clauses (introduced / last changed right) on one
                        series per seed (comma-separated; 300 revisions, or --revisions N), in process
          --record      the synthetic whole-Assembly record: build sessions 1…S−1, add session S,
                        then series and parents against the truth, `origin` on reused paragraphs,
                        `blame`, `git fsck --strict` (OUT/record-results.md)
          --record-resolutions  record sizes (comma-separated; 18,000 is the whole Assembly)
          --record-sessions     sessions of the record (1 is 1946; default 80, 2025)
          --timeout     seconds a lineage command of the record may run before it is stopped
          --origins     reused paragraphs given to `lineage origin` (seeded sample)
          --blames      revisions given to `lineage blame --format json`
        """

    init(_ args: [String]) {
        var i = 1
        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("lineage-bench: \(message)\n\(Options.usage)\n".utf8))
            exit(64)
        }
        while i < args.count {
            let flag = args[i]
            if flag == "--quick" {
                quick = true
                i += 1
                continue
            }
            if flag == "--record" {
                record = true
                i += 1
                continue
            }
            if flag == "--corpus-only" {
                corpusOnly = true
                i += 1
                continue
            }
            if flag == "--help" || flag == "-h" {
                print(Options.usage)
                exit(0)
            }
            guard i + 1 < args.count else { fail("\(flag) needs a value") }
            let value = args[i + 1]
            switch flag {
            case "--sizes", "--revisions":
                let parsed = value.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !parsed.isEmpty, parsed.allSatisfy({ $0 >= 2 }) else { fail("bad sizes: \(value)") }
                sizes = parsed.sorted()
            case "--paragraphs":
                guard let v = Int(value), v >= 4 else { fail("bad --paragraphs \(value)") }
                paragraphs = v
            case "--seed":
                guard let v = UInt64(value) else { fail("bad --seed \(value)") }
                seed = v
            case "--runs":
                guard let v = Int(value), v >= 1 else { fail("bad --runs \(value)") }
                runs = v
            case "--budget":
                guard let v = Double(value), v >= 0 else { fail("bad --budget \(value)") }
                budget = v
            case "--out": out = value
            case "--record-resolutions":
                let parsed = value.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !parsed.isEmpty, parsed.count == value.split(separator: ",").count, parsed.allSatisfy({ $0 >= 10 }) else {
                    fail("bad --record-resolutions \(value) (at least 10 each)")
                }
                recordResolutions = parsed.sorted()
            case "--record-sessions":
                guard let v = Int(value), (2...200).contains(v) else { fail("bad --record-sessions \(value)") }
                recordSessions = v
            case "--timeout":
                guard let v = Double(value), v > 0 else { fail("bad --timeout \(value)") }
                timeout = v
            case "--origins":
                guard let v = Int(value), v >= 0 else { fail("bad --origins \(value)") }
                origins = v
            case "--blames":
                guard let v = Int(value), v >= 0 else { fail("bad --blames \(value)") }
                blames = v
            case "--tip-accuracy":
                let parsed = value.split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
                guard !parsed.isEmpty, parsed.count == value.split(separator: ",").count else { fail("bad --tip-accuracy \(value)") }
                tipAccuracySeeds = parsed
            default: fail("unknown option \(flag)")
            }
            i += 2
        }
        if !tipAccuracySeeds.isEmpty && !args.contains("--sizes") && !args.contains("--revisions") {
            sizes = [Options.tipAccuracyRevisions]
        }
        if quick {
            if !args.contains("--sizes") && !args.contains("--revisions") { sizes = [20, 60] }
            if !args.contains("--runs") { runs = 1 }
        }
    }
}
