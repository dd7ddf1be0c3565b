import GitStore
import ResolutionText
import Testing

@testable import Lineage

/// ``History/series(matching:)`` and ``History/restricted(to:)`` on stand-in revisions (no
/// repository): a record of many series, where an unknown name is answered with the closest.
@Suite struct SeriesTests {
    /// `names.count` series of two revisions each (session 1 then 2), each on its own line.
    private func record(_ names: [String], head: String) -> History {
        func id(_ n: Int) -> ObjectID { ObjectID(hex: String(format: "%040x", n))! }
        var revisions: [Revision] = []
        for (k, name) in names.enumerated() {
            for session in 1...2 {
                var header = Resolution()
                header.number = "\(session)/\(k + 1)"
                header.adopted = CivilDate(year: 1950 + session, month: 1, day: 1 + k)
                var r = Revision(
                    resolution: header, dateSource: .text, commit: id(session * 100 + k),
                    parents: session == 1 ? [] : [id(100 + k)])
                r.line = name
                revisions.append(r)
            }
        }
        let ordered = Revision.inHistoryOrder(revisions)
        return History(
            path: "record.git", revisions: ordered, lines: names, head: head,
            branchTips: Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, id(200 + $0)) }))
    }

    static let names = [
        "oceans-and-the-law-of-the-sea", "sustainable-fisheries", "the-situation-in-afghanistan", "question-of-palestine",
        "rights-of-the-child", "assistance-in-mine-action", "nuclear-disarmament", "women-in-development",
        "agricultural-technology-for-sustainable-development",
    ]

    @Test func anUnknownSeriesNameIsAnsweredWithTheClosestNames() throws {
        let history = record(Self.names, head: Self.names[0])
        #expect(history.series.count == 9)
        #expect(try history.series(matching: "nuclear-disarmament").positions.count == 2)
        // More than eight series: those whose names contain the name given …
        #expect(throws: LineageError.self) { try history.series(matching: "sustainable") }
        do {
            _ = try history.series(matching: "sustainable")
        } catch {
            #expect(error.message == "sustainable: no series of this name in record.git")
            #expect(error.hint == "the closest of the 9 series are: sustainable-fisheries, agricultural-technology-for-sustainable-development; `lineage series --repo record.git` lists them")
        }
        // … or else the nearest in spelling, nearest first.
        do {
            _ = try history.series(matching: "nuclear-disarmement")
        } catch {
            #expect(error.hint?.hasPrefix("the closest of the 9 series are: nuclear-disarmament, ") == true)
        }
    }

    @Test func aSeriesAloneIsAHistoryOfItsOwn() throws {
        let history = record(Self.names, head: Self.names[0])
        let fisheries = try history.series(matching: "sustainable-fisheries")
        let alone = history.restricted(to: fisheries)
        #expect(alone.revisions.map(\.number) == ["1/2", "2/2"])
        #expect(alone.series.map(\.name) == ["sustainable-fisheries"])
        // HEAD names the series' own line when the series is not HEAD's.
        #expect(alone.head == "sustainable-fisheries" && alone.lines == ["sustainable-fisheries"])
        #expect(try alone.revision(named: "HEAD").number == "2/2")
        #expect(alone.defaultSeries?.name == "sustainable-fisheries")
        // HEAD's series: the same as the whole history's default.
        #expect(history.defaultSeries?.name == Self.names[0])
        #expect(history.restricted(to: try #require(history.defaultSeries)).head == Self.names[0])
    }
}
