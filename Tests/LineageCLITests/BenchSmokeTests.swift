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
