import Foundation
import ResolutionText
import TestSupport
import Testing

@testable import Lineage

/// A record of several series in one build: resolutions written here in the published text's
/// shape, each series with texts of its own, the International Days sharing a long preamble.
@Suite struct RecordBuildTests {
    /// A sentence of made-up words, the same for the same topic and index, different otherwise.
    static func sentence(_ topic: String, _ index: Int, words: Int = 14) -> String {
        var state = UInt64(truncatingIfNeeded: topic.utf8.reduce(UInt64(index) &* 0x9E37_79B9) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 })
        let consonants = Array("bdfgklmnprstvz"), vowels = Array("aeiou")
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<words).map { _ in
            String((0..<(2 + next() % 3)).flatMap { _ in [consonants[next() % consonants.count], vowels[next() % vowels.count]] })
        }.joined(separator: " ")
    }

    /// The shared preamble of every International Day, boilerplate once enough series hold it.
    static let dayPreamble = (0..<6).map { "Recognizing that " + sentence("international-day", $0, words: 18) + "," }

    /// One resolution in the published text's shape.
    static func text(
        _ number: String, _ title: String, adopted: String, agenda: Int, cites: [String] = [], preamble: [String], operative: [String]
    ) -> String {
        var lines = ["Resolution adopted by the General Assembly on \(adopted)", "", "Agenda item \(agenda)", "", "\(number). \(title)", "", "The General Assembly,", ""]
        if !cites.isEmpty { lines += ["Recalling its resolutions " + cites.joined(separator: " and ") + ",", ""] }
        for p in preamble { lines += [p, ""] }
        for (i, p) in operative.enumerated() { lines += ["\(i + 1). \(p)" + (i == operative.count - 1 ? "." : ";"), ""] }
        lines += ["44th plenary meeting", adopted]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A revision of the series `topic`: the paragraphs of the `revision` before it, and one more.
    static func seriesText(_ number: String, _ title: String, topic: String, revision: Int, adopted: String, agenda: Int, cites: [String] = []) -> String {
        text(
            number, title, adopted: adopted, agenda: agenda, cites: cites,
            preamble: (0...revision + 2).map { "Noting " + sentence(topic, $0) + "," },
            operative: (0...revision + 3).map { "Requests " + sentence(topic, 100 + $0) })
    }

    /// An International Day: the shared preamble (under half of its text), and text of its own.
    static func dayText(_ number: String, _ name: String, adopted: String) -> String {
        text(
            number, "International Day of \(name)", adopted: adopted, agenda: 10 + name.count, preamble: dayPreamble,
            operative: ["Decides to proclaim the International Day of \(name), " + sentence(name, 1)]
                + (2...10).map { "Invites " + sentence(name, $0) })
    }

    /// Three sessions (2029, 2030, 2031) of a small record, by session, file name -> text.
    static let sessions: [[String: String]] = [
        [
            "84_1.txt": seriesText("84/1", "Oceans and seas", topic: "oceans", revision: 0, adopted: "3 December 2029", agenda: 70),
            "84_2.txt": seriesText("84/2", "Desert gardens", topic: "gardens", revision: 0, adopted: "3 December 2029", agenda: 20),
        ].merging(
            zip(["Lanterns", "Bridges", "Rivers", "Bees", "Wells", "Drums"], 3...8).map { ("84_\($1).txt", dayText("84/\($1)", $0, adopted: "10 December 2029")) }
        ) { a, _ in a },
        [
            // Cites its predecessor; keeps its title.
            "85_1.txt": seriesText("85/1", "Oceans and seas", topic: "oceans", revision: 1, adopted: "4 December 2030", agenda: 71, cites: ["84/1"]),
            // No citation: the same title.
            "85_2.txt": seriesText("85/2", "Desert gardens", topic: "gardens", revision: 1, adopted: "4 December 2030", agenda: 21),
            // A new International Day: its text is mostly the shared preamble.
            "85_3.txt": dayText("85/3", "Kites", adopted: "11 December 2030"),
            // A one-off with nothing in common.
            "85_4.txt": seriesText("85/4", "Mountain observatories", topic: "observatories", revision: 0, adopted: "11 December 2030", agenda: 40),
        ],
        [
            // A changed title, citing its predecessor.
            "86_1.txt": seriesText("86/1", "Oceans, seas and coasts", topic: "oceans", revision: 2, adopted: "5 December 2031", agenda: 69, cites: ["85/1"]),
            "86_2.txt": dayText("86/2", "Clouds", adopted: "12 December 2031"),
        ],
    ]

    /// Writes the sessions as folders `84`, `85`, `86` under `root`; returns their paths.
    static func write(_ sessions: [[String: String]], under root: String) throws -> [String] {
        try sessions.enumerated().map { i, files in
            let folder = root + "/\(84 + i)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
            return folder
        }
    }

    func parents(_ repo: String) throws -> [String: [String]] {
        let history = try History.open(repo)
        let numbers = Dictionary(uniqueKeysWithValues: history.revisions.map { ($0.commit!, $0.number) })
        return Dictionary(uniqueKeysWithValues: history.revisions.map { ($0.number, $0.parents.map { numbers[$0]! }) })
    }

    func tags(_ repo: String) -> [String: String] {
        let lines = git(["for-each-ref", "--format=%(refname) %(objectname)", "refs/tags"], in: repo).stdout.split(separator: "\n")
        return Dictionary(uniqueKeysWithValues: lines.map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0]), String(parts[1]))
        })
    }

    @Test func aMixedRecordGroupsIntoItsSeriesAndOneOffsStayAlone() throws {
        let dir = ScratchDirectory()
        let folders = try Self.write(Self.sessions, under: dir.path)
        let repo = dir.path + "/record.git"
        _ = try build(folders, repo: repo)
        let got = try parents(repo)
        #expect(got["85/1"] == ["84/1"], "a cited predecessor")
        #expect(got["86/1"] == ["85/1"], "a changed title that cites its predecessor")
        #expect(got["85/2"] == ["84/2"], "the same title")
        #expect(got["85/4"] == [], "a one-off")
        // The International Days share a long preamble; once it is held by more series than
        // ``Ancestry/boilerplateSeries`` it is boilerplate, and a new Day joins none of them.
        #expect(got["85/3"] == [], "a boilerplate-sharing one-off")
        #expect(got["86/2"] == [], "a boilerplate-sharing one-off")
        let history = try History.open(repo)
        let numbers = history.series.map { $0.positions.map { history.revisions[$0].number } }
        #expect(numbers.first { $0.contains("86/1") } == ["84/1", "85/1", "86/1"])
        #expect(numbers.count == 11, "\(numbers)")  // oceans, gardens, and nine resolutions alone
        // The decisions are explained in the commits.
        let reason = git(["log", "-1", "--format=%(trailers:key=Parent,valueonly)", "A/RES/86/1"], in: repo).stdout
        #expect(reason.hasPrefix("85/1 (cited;"), "\(reason)")
        #expect(git(["log", "-1", "--format=%B", "A/RES/85/3"], in: repo).stdout.contains("new title"))
    }

    @Test func addingASessionAttachesItsResolutionsAndRewritesNoOtherSeries() throws {
        let dir = ScratchDirectory()
        let folders = try Self.write(Self.sessions, under: dir.path)
        let step = dir.path + "/step.git", whole = dir.path + "/whole.git"
        _ = try build(Array(folders.prefix(2)), repo: step)
        let before = tags(step)
        let report = try build([folders[2]], repo: step)
        #expect(Set(report.committed.map(\.number)) == ["86/1", "86/2"])
        #expect(report.recommitted.isEmpty)
        let after = tags(step)
        for (tag, commit) in before { #expect(after[tag] == commit, "\(tag) was rewritten") }
        #expect(try parents(step)["86/1"] == ["85/1"])
        // Session by session or all at once: the same graph, commit for commit.
        _ = try build(folders, repo: whole)
        #expect(tags(whole) == after)
        let branches = { (repo: String) in git(["for-each-ref", "--format=%(refname) %(objectname)", "refs/heads"], in: repo).stdout }
        #expect(branches(whole) == branches(step))
        // A third build of the same inputs reads no document again: the evidence is cached.
        #expect(FileManager.default.fileExists(atPath: TextEvidenceCache.path(gitDirectory: step)))
        #expect(try build([folders[2]], repo: step).committed.isEmpty)
    }

    @Test func aParentsCorrectionOverridesTheInference() throws {
        let dir = ScratchDirectory()
        // 85/4 is a one-off; the corrections file says it continues 84/2.
        let folders = try Self.write(Self.sessions, under: dir.path)
        try "parents 85/4 84/2\n".write(toFile: folders[1] + "/" + Corpus.correctionsFileName, atomically: true, encoding: .utf8)
        let repo = dir.path + "/r.git"
        _ = try build(folders, repo: repo)
        #expect(try parents(repo)["85/4"] == ["84/2"])
        #expect(git(["log", "-1", "--format=%(trailers:key=Parent,valueonly)", "A/RES/85/4"], in: repo).stdout.contains("set by .lineage-corrections"))
    }

    /// An Akoma Ntoso text of the fixture resolution in `language`, its title as given.
    static func akomaNtoso(language: String, title: String) -> String {
        AkomaNtosoFixtures.recordedVote
            .replacingOccurrences(of: "<FRBRlanguage language=\"eng\">", with: "<FRBRlanguage language=\"\(language)\">")
            .replacingOccurrences(of: "Tending the “common” gardens", with: title)
    }

    @Test func aTranslationOfAResolutionIsSkippedForItsEnglishText() throws {
        let dir = ScratchDirectory()
        let folder = dir.path + "/85"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The French file sorts first: the file names do not decide, the language does.
        try Self.akomaNtoso(language: "fra", title: "Entretenir les jardins « communs »").write(toFile: folder + "/a.xml", atomically: true, encoding: .utf8)
        try Self.akomaNtoso(language: "eng", title: "Tending the “common” gardens").write(toFile: folder + "/b.xml", atomically: true, encoding: .utf8)
        var builder = HistoryBuilder(repositoryPath: dir.path + "/r.git")
        var skipped: [SkippedFile] = []
        builder.onSkip = { skipped.append($0) }
        let report = try builder.build(paths: [folder])
        #expect(report.history.map(\.title) == ["Tending the \"common\" gardens"])
        #expect(skipped == [SkippedFile(path: folder + "/a.xml", reason: "French text of A/RES/85/12; the English text is \(folder)/b.xml")])
    }

    @Test func twoEnglishTextsOfOneSymbolStillRefuseAndTheSameTextTwiceIsOne() throws {
        let dir = ScratchDirectory()
        let folder = dir.path + "/85"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let english = Self.akomaNtoso(language: "eng", title: "Tending the “common” gardens")
        try english.write(toFile: folder + "/a.xml", atomically: true, encoding: .utf8)
        try english.write(toFile: folder + "/b.xml", atomically: true, encoding: .utf8)
        #expect(try build([folder], repo: dir.path + "/same.git").history.count == 1)
        try Self.akomaNtoso(language: "eng", title: "Tending the gardens").write(toFile: folder + "/b.xml", atomically: true, encoding: .utf8)
        #expect {
            try build([folder], repo: dir.path + "/different.git")
        } throws: { error in
            (error as? LineageError)?.message.contains("claims A/RES/85/12, as does \(folder)/a.xml, with a different text") == true
        }
    }
}

@Suite struct PartParentTrailerTests {
    @Test func aParentThatIsAPartIsReadBackWithItsWholeNumberAndReason() {
        var resolution = Resolution()
        let message = "A/RES/74/283: Financing\n\nNumber: 74/283\nParent: 74/261 C (new title; 81% of this text comes from it, the most)\nParent: 74/262 (cited; 5% of this text comes from it (2% from it alone), 30% of it is kept)\n"
        let (_, continues) = CommitMessage.parse(message, into: &resolution)
        #expect(continues == [
            Revision.Continuation(number: "74/261 C", reason: "new title; 81% of this text comes from it, the most"),
            Revision.Continuation(number: "74/262", reason: "cited; 5% of this text comes from it (2% from it alone), 30% of it is kept"),
        ])
    }
}
