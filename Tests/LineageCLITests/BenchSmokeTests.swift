import Foundation
import TestSupport
import Testing

/// A seconds-long run of `lineage-bench` on tiny series: the benchmark still runs end to end and
/// writes its table. No timing is asserted (figures from a test run mean nothing).
@Suite struct BenchSmokeTests {
    /// `lineage-bench`, beside the `lineage` the other tests run.
    static var bench: String {
        URL(fileURLWithPath: Package.executable).deletingLastPathComponent().appendingPathComponent("lineage-bench").path
    }

    @Test func quickRunWritesTheTable() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.bench),
            "build the benchmark first: swift build --product lineage-bench (\(Self.bench) is missing)")
        let scratch = ScratchDirectory()
        let result = run(Self.bench, ["--quick", "--sizes", "6,12", "--runs", "1", "--out", scratch.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
        let markdown = try String(contentsOfFile: scratch.path + "/results.md", encoding: .utf8)
        #expect(markdown.contains("| figure | lineage | git | ratio | target |"))
        for figure in [
            "build: lineage build vs git init + fast-import", "blame --words of the tip", "diff tip vs parent",
            "history of pp1", "changelog vs git log -p", "peak memory: build", "clause-link F1",
            "word-origin accuracy", "aligned revision pairs per second", "50 splits in one revision", "cost growth",
        ] {
            #expect(markdown.contains(figure), "results.md lacks \(figure)")
        }
        #expect(markdown.contains("cores:") && markdown.contains("libgit2:"))
    }
}

/// A seconds-long run of `lineage-bench --record` on a tiny record: the record mode runs end to
/// end and writes its table, and says what it could not measure rather than inventing it.
@Suite struct RecordBenchSmokeTests {
    @Test func recordModeWritesItsTable() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: BenchSmokeTests.bench),
            "build the benchmark first: swift build --product lineage-bench (\(BenchSmokeTests.bench) is missing)")
        let scratch = ScratchDirectory()
        let result = run(
            BenchSmokeTests.bench,
            ["--record", "--record-resolutions", "60", "--record-sessions", "12", "--origins", "3", "--blames", "1", "--timeout", "300",
             "--out", scratch.path])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOfFile: scratch.path + "/record-results.md", encoding: .utf8)
        #expect(markdown.contains("| figure | lineage | git | ratio | target |"))
        for figure in [
            "**record of 60 resolutions**", "build sessions 1–11", "peak memory: build", "add session 12", "adoption dates right",
            "parents right (all revisions)", "revisions whose series is exactly the true one", "pairwise precision / recall",
            "git fsck --strict", "blame REV --format json",
        ] {
            #expect(markdown.contains(figure), "record-results.md lacks \(figure)")
        }
        // origin is measured when the command exists, and said to be missing otherwise.
        #expect(markdown.contains("origin: median / p90 time") || markdown.contains("not measured: `lineage origin` is not available"))
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/record-60-s1/truth.tsv"))
    }

    @Test func aBuildPastTheTimeLimitIsStoppedAndSaidSo() throws {
        try #require(FileManager.default.isExecutableFile(atPath: BenchSmokeTests.bench))
        let scratch = ScratchDirectory()
        let result = run(
            BenchSmokeTests.bench,
            ["--record", "--record-resolutions", "400", "--record-sessions", "20", "--timeout", "0.2", "--out", scratch.path])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOfFile: scratch.path + "/record-results.md", encoding: .utf8)
        #expect(markdown.contains("not finished in 0.200 s (stopped)"))
        #expect(markdown.contains("not measured: the build of sessions 1–19 did not finish"))
    }
}
