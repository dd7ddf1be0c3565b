import Foundation
import LineageCore
import ResolutionText

// lineage-bench: measures lineage against git on seeded synthetic series with known truth.
//
//   swift run -c release lineage-bench [--revisions 1000] [--seed 1] [--out DIR]
//
// 1. Generates a series (SyntheticSeries), measures the engine's accuracy against the truth
//    (clause-link precision/recall/F1, word-origin and introduced-revision accuracy) and its
//    alignment throughput.
// 2. Renders every revision as a plain-text resolution file, runs `lineage build` on them (the
//    release binary beside this one), then times, in the same run on the same repository,
//    `lineage blame --words` of the tip (whole process, from the stored lineage) against
//    `git blame` of the tip's document (one paragraph per line). Both are run several times;
//    the median wall time is reported.
// Prints one Markdown table and writes it to DIR/results.md.

struct Options {
    var revisions = 1000
    var seed: UInt64 = 1
    var out = "benchmarks/out"
    var runs = 7

    init(_ args: [String]) {
        var i = 1
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--revisions": revisions = Int(value) ?? revisions
            case "--seed": seed = UInt64(value) ?? seed
            case "--out": out = value
            case "--runs": runs = Int(value) ?? runs
            default:
                FileHandle.standardError.write("usage: lineage-bench [--revisions N] [--seed S] [--out DIR] [--runs K]\n".data(using: .utf8)!)
                exit(64)
            }
            i += 2
        }
    }
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Runs a program; returns wall seconds, exit status and stdout size.
@discardableResult
func timed(_ executable: String, _ arguments: [String], cwd: String? = nil) -> (seconds: Double, status: Int32, bytes: Int) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    let start = now()
    try! p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (now() - start, p.terminationStatus, data.count)
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

let superscripts: [Character: Character] = [
    "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
]

/// A synthetic revision as a plain-text resolution, the shape of the 65/41 seed: heading,
/// paragraphs with Unicode superscript footnote marks, notes, and the plenary meeting line.
func render(_ revision: RevisionText, index: Int) -> (text: String, date: CivilDate) {
    let date = CivilDate(year: 1970, month: 1, day: 1)!
    let days = date.daysSinceEpoch + 7 * (index + 1)
    // Days back to a civil date (Hinnant's civil_from_days).
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let adopted = CivilDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    // About 300 resolutions a session, as in the General Assembly.
    let number = "\(1 + index / 300)/\(1 + index % 300)"
    var out = "General Assembly\n\nResolution adopted by the General Assembly on \(adopted.longForm)\n\n"
    out += "\(number). Developments in the field of information and telecommunications in the context of international security\n\n"
    out += "The General Assembly,\n\n"
    for (i, paragraph) in revision.paragraphs.enumerated() {
        var p = paragraph
        // A resolution ends with a full stop (the parser refuses a text that stops mid-clause).
        if i == revision.paragraphs.count - 1, !p.text.hasSuffix(".") {
            if p.text.hasSuffix(";") || p.text.hasSuffix(",") { p.text.removeLast() }
            p.text += "."
        }
        let marks = String(p.footnotes.joined(separator: ",").map { superscripts[$0] ?? $0 })
        switch p.kind {
        case .preambular: out += p.text + marks + "\n\n"
        case .operative: out += "\(p.label ?? "?"). " + p.text + marks + "\n\n"
        case .subparagraph: out += "\(p.label ?? "(?)") " + p.text + marks + "\n\n"
        }
    }
    for f in revision.footnotes {
        out += String(f.mark.map { superscripts[$0] ?? $0 }) + " " + f.text + "\n\n"
    }
    out += "\(index + 1)th plenary meeting\n\(adopted.longForm)\n"
    return (out, adopted)
}

let options = Options(CommandLine.arguments)
let fm = FileManager.default
let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
let lineageBinary = binDir + "/lineage"
guard fm.isExecutableFile(atPath: lineageBinary) else {
    FileHandle.standardError.write("lineage-bench: build the lineage product first (\(lineageBinary) is missing)\n".data(using: .utf8)!)
    exit(1)
}
let work = options.out + "/series-\(options.revisions)-\(options.seed)"
try? fm.removeItem(atPath: work)
try! fm.createDirectory(atPath: work + "/corpus", withIntermediateDirectories: true)

var rows: [(String, String, String, String)] = []
func log(_ s: String) { FileHandle.standardError.write((s + "\n").data(using: .utf8)!) }

// 1. Accuracy and alignment throughput, in process.
log("generating \(options.revisions) revisions (seed \(options.seed))…")
let series = SyntheticSeries(seed: options.seed, revisions: options.revisions)
let accStart = now()
let accuracy = Accuracy.evaluate(series)
let accSeconds = now() - accStart
func f3(_ x: Double) -> String { String(format: "%.4f", x) }
rows.append(("clause-link F1 (P / R)", "\(f3(accuracy.f1)) (\(f3(accuracy.precision)) / \(f3(accuracy.recall)))", "n/a", ""))
rows.append(("word-origin accuracy", f3(accuracy.wordOrigin), "n/a", ""))
rows.append(("introduced-revision accuracy", f3(accuracy.introduced), "n/a", ""))
rows.append(("revisions advanced per second (align + provenance)", String(format: "%.0f", Double(options.revisions) / accSeconds), "n/a", ""))

// 2. Build and blame against git.
log("rendering and writing the corpus…")
for (i, revision) in series.revisions.enumerated() {
    let (text, _) = render(revision, index: i)
    _ = fm.createFile(atPath: work + "/corpus/" + String(format: "%06d.txt", i), contents: text.data(using: .utf8))
}
let repo = work + "/h.git"
log("lineage build…")
let build = timed(lineageBinary, ["build", work + "/corpus", "--repo", repo])
guard build.status == 0 else {
    log("lineage build failed (status \(build.status)); run it by hand: \(lineageBinary) build \(work)/corpus --repo \(repo)")
    exit(1)
}
rows.append(("lineage build (whole process)", String(format: "%.2f s", build.seconds), "n/a", ""))

log("blame, \(options.runs) runs each…")
var lineageTimes: [Double] = [], gitTimes: [Double] = []
for _ in 0..<options.runs {
    lineageTimes.append(timed(lineageBinary, ["blame", "--words", "--repo", repo, "--format", "json"]).seconds)
    gitTimes.append(timed("/usr/bin/git", ["-C", repo, "blame", "--line-porcelain", "main", "--", "resolution.txt"]).seconds)
}
let l = median(lineageTimes), g = median(gitTimes)
rows.append(("blame of the tip (median of \(options.runs))", String(format: "%.3f s", l), String(format: "%.3f s", g), String(format: "%.2f×", l / g)))

var table = "| figure (\(options.revisions) revisions, seed \(options.seed)) | lineage | git | ratio |\n|---|---|---|---|\n"
for r in rows { table += "| \(r.0) | \(r.1) | \(r.2) | \(r.3) |\n" }
print(table, terminator: "")
try! table.write(toFile: options.out + "/results-\(options.revisions).md", atomically: true, encoding: .utf8)
log("wrote \(options.out)/results-\(options.revisions).md; repository: \(repo)")
