import LineageCore
import ResolutionText
import Testing

@testable import Lineage

/// Forks and merges with known truth: the synthetic generator's series, forked by copying and
/// reseeding the generator, merged by joining two lines' texts; ``Ancestry`` must recover the
/// graph from the texts alone, as it would from published resolutions (titles, and a preamble
/// that recalls the earlier resolutions of the series).
@Suite struct SyntheticGraphTests {
    static let titleA = "Developments in the field of information and telecommunications in the context of international security"
    static let titleB = "Advancing responsible State behaviour in cyberspace in the context of international security"

    /// A series with a known graph: a trunk, two lines forking from its tip, each going on, and a
    /// merge of the two tips. Returns the revisions in history order and the true parents.
    static func series(seed: UInt64, trunk: Int, branch: Int, cite: Bool) -> (revisions: [Revision], parents: [String: [String]]) {
        var revisions: [Revision] = []
        var parents: [String: [String]] = [:]
        var ancestry: [String: [String]] = [:]  // number -> every ancestor, oldest first
        var day = 0
        func add(_ text: RevisionText, title: String, session: Int, index: Int, parents p: [String]) -> String {
            let number = "\(session)/\(index)"
            day += 7
            var paragraphs = text.paragraphs
            let cited = Array(Set(p.flatMap { (ancestry[$0] ?? []) + [$0] })).sorted { a, b in
                revisions.firstIndex { $0.number == a }! < revisions.firstIndex { $0.number == b }!
            }
            if cite, !cited.isEmpty {
                let recalling = Paragraph(index: 0, kind: .preambular, text: "Recalling its resolutions " + cited.joined(separator: ", ") + ",")
                paragraphs.insert(recalling, at: 0)
            }
            for i in paragraphs.indices {
                if let parent = paragraphs[i].parent, cite, !cited.isEmpty { paragraphs[i].parent = parent + 1 }
                paragraphs[i].index = i
            }
            let date = CivilDate(year: 1990 + day / 364, month: 1 + (day / 28) % 12, day: 1 + day % 28)!
            let resolution = Resolution(
                symbol: "A/RES/" + number, number: number, session: session, title: title, adopted: date,
                paragraphs: paragraphs, footnotes: text.footnotes)
            revisions.append(Revision(resolution: resolution, dateSource: .text))
            parents[number] = p
            ancestry[number] = Array(Set(p.flatMap { (ancestry[$0] ?? []) + [$0] }))
            return number
        }
        var a = SyntheticGenerator(seed: seed)
        var tip = ""
        for i in 0..<trunk {
            tip = add(a.next().0, title: titleA, session: 50 + i, index: 10, parents: tip.isEmpty ? [] : [tip])
        }
        var b = a
        b.reseed(seed &+ 1000)
        var tipA = tip, tipB = tip
        var lastA = RevisionText(key: "", paragraphs: []), lastB = lastA
        for i in 0..<branch {
            lastA = a.next().0
            tipA = add(lastA, title: titleA, session: 50 + trunk + i, index: 10, parents: [tipA])
            lastB = b.next().0
            tipB = add(lastB, title: titleB, session: 50 + trunk + i, index: 200, parents: [tipB])
        }
        // The merge: line A's preamble, line B's preambular paragraphs A does not have, then
        // line A's operative part.
        let own = Set(lastA.paragraphs.map(\.text))
        let preamble = lastA.paragraphs.filter { $0.kind == .preambular }
        let taken = lastB.paragraphs.filter { !own.contains($0.text) && $0.kind == .preambular }
        let merged = RevisionText(
            key: "", paragraphs: preamble + taken + lastA.paragraphs.filter { $0.kind != .preambular }.map { p in
                var p = p
                p.parent = p.parent.map { $0 + taken.count }
                return p
            })
        _ = add(merged, title: titleA + ", and advancing responsible State behaviour", session: 50 + trunk + branch, index: 19, parents: [tipA, tipB])
        return (revisions, parents)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func ancestryRecoversForksAndMergesFromCitationsAndTitles(seed: UInt64) throws {
        let (revisions, truth) = Self.series(seed: seed, trunk: 4, branch: 3, cite: true)
        let ancestry = try Ancestry(revisions)
        #expect(ancestry.decisions.count == revisions.count)
        for decision in ancestry.decisions {
            #expect(decision.parents == truth[decision.revision], "\(decision.revision): \(decision.reasons)")
        }
        // Two lines: the trunk's (default, which the merge lands on) and the "Advancing" one.
        #expect(ancestry.lines == ["developments-in-the-field-of-information", "advancing-responsible-state-behaviour-in-cyberspace"])
        #expect(ancestry.decisions.last?.line == "developments-in-the-field-of-information")
    }

    @Test(arguments: [1, 2] as [UInt64])
    func withoutCitationsTitlesAndTextStillGiveTheForks(seed: UInt64) throws {
        // No preamble citations: each line follows its title; the "Advancing" line's first text
        // branches from the revision it draws most from, the trunk's tip. Without citations the
        // merge is read as a new line from its closest text: merges need the evidence of a
        // citation (or a `parents` correction).
        let (revisions, truth) = Self.series(seed: seed, trunk: 4, branch: 3, cite: false)
        let ancestry = try Ancestry(revisions)
        #expect(ancestry.decisions.count == revisions.count)
        for decision in ancestry.decisions.dropLast() {
            #expect(decision.parents == truth[decision.revision], "\(decision.revision): \(decision.reasons)")
        }
        var corrections = Corrections()
        let merge = revisions.last!.number
        corrections.parents[merge] = truth[merge]
        #expect(try Ancestry(revisions, corrections: corrections).decision(for: merge)?.parents == truth[merge])
    }
}
