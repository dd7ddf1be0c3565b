import Foundation
import LineageCore
import TestSupport
import Testing

/// A small synthetic record (``SyntheticRecord``: many series with forks, merges, reused text and
/// dates before 1970) built with `lineage build`, one session folder at a time as a user adds
/// each session: the repository's dates, parents and series against the record's truth.
@Suite struct SyntheticRecordBuildTests {
    /// The share of revisions whose series must be exactly the true one, and whose parents must
    /// be the true ones: the bar of issue 13 for the benchmark's record.
    static let target = 0.99

    /// Writes a record of `resolutions` over `sessions` sessions, one folder per session
    /// (`001`, `002`, …); returns the truth and the folders in order.
    static func write(_ resolutions: Int, sessions: Int, seed: UInt64, into scratch: ScratchDirectory) -> (SyntheticRecord.Truth, [String]) {
        var configuration = SyntheticRecord.Configuration(resolutions: resolutions)
        configuration.sessions = sessions
        var folders: [String] = []
        let truth = SyntheticRecord.generate(seed: seed, configuration: configuration) { r in
            let folder = String(format: "%03d", r.session)
            let name = folder + "/A_RES_\(r.session)_\(r.number.split(separator: "/")[1]).txt"
            scratch.write(name, r.text)
            if folders.last != folder { folders.append(folder) }
        }
        return (truth, folders.map { scratch.path + "/" + $0 })
    }

    /// Every revision as `lineage log --all --format json` lists it (`log --format json` when
    /// `--all` is not there: every revision of every line too).
    static func listing(_ repo: String) throws -> [[String: Any]] {
        var result = lineage(["log", "--all", "--format", "json", "--repo", repo])
        if result.status != 0 { result = lineage(["log", "--format", "json", "--repo", repo]) }
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func aRecordBuiltSessionBySessionHasTheTrueDatesParentsAndSeries() throws {
        let scratch = ScratchDirectory()
        let (truth, folders) = Self.write(150, sessions: 30, seed: 3, into: scratch)
        let repo = scratch.path + "/record.git"
        #expect(truth.before1970 > 0 && truth.before1970 < 150)
        #expect(truth.recurringSeriesCount >= 5)

        // Sessions 1–29, then session 30 added.
        let build = lineage(["build"] + folders.dropLast() + ["--repo", repo])
        #expect(build.status == 0, "\(build.stderr)")
        let add = lineage(["build", folders.last!, "--repo", repo])
        #expect(add.status == 0, "\(add.stderr)")

        let entries = try Self.listing(repo)
        var index: [String: Int] = [:]
        for (i, n) in truth.numbers.enumerated() { index[n] = i }
        #expect(entries.count == truth.numbers.count)
        var parents = Array(repeating: [Int](), count: truth.numbers.count)
        for entry in entries {
            let number = try #require(entry["number"] as? String)
            let i = try #require(index[number], "\(number) is not in the record")
            // Dates round-trip, those before 1970 (stored at the epoch, the true date in a trailer) too.
            #expect(entry["adopted"] as? String == truth.adopted[i].iso, "\(number)")
            parents[i] = ((entry["parents"] as? [String]) ?? []).compactMap { index[$0] }
        }
        // Before 1970, git holds the epoch; the trailer holds the date.
        let first = git(["log", "-1", "--format=%at%n%B", "A/RES/1/1"], in: repo)
        #expect(first.stdout.hasPrefix("0\n"))
        #expect(first.stdout.contains("Adopted: \(truth.adopted[0].iso)"))

        let parentsRight = parents.indices.filter { Set(parents[$0]) == Set(truth.parents[$0]) }.count
        let found = SyntheticRecord.seriesOf(parents: parents)
        var exact = 0
        for i in found.indices {
            let mine = Set(found.indices.filter { found[$0] == found[i] })
            let theirs = Set(found.indices.filter { truth.series[$0] == truth.series[i] })
            if mine == theirs { exact += 1 }
        }
        let parentsShare = Double(parentsRight) / Double(truth.numbers.count)
        let seriesShare = Double(exact) / Double(truth.numbers.count)
        #expect(parentsShare >= Self.target, "parents right for \(parentsRight) of \(truth.numbers.count)")
        #expect(seriesShare >= Self.target, "series exactly right for \(exact) of \(truth.numbers.count)")

        let fsck = git(["fsck", "--strict"], in: repo)
        #expect(fsck.status == 0, "\(fsck.stderr)")
    }
}
