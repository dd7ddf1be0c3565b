import ResolutionText
import Testing

@testable import LineageCore

/// The synthetic whole-Assembly record: deterministic per seed, and a truth that is consistent
/// with the texts it describes.
@Suite struct SyntheticRecordTests {
    static func record(_ resolutions: Int, seed: UInt64 = 1, sessions: Int = 30) -> ([SyntheticRecord.Resolution], SyntheticRecord.Truth) {
        var configuration = SyntheticRecord.Configuration(resolutions: resolutions)
        configuration.sessions = sessions
        return SyntheticRecord.collect(seed: seed, configuration: configuration)
    }

    @Test func sameSeedSameRecordOtherSeedAnother() {
        let (a, ta) = Self.record(300, seed: 7)
        let (b, tb) = Self.record(300, seed: 7)
        let (c, _) = Self.record(300, seed: 8)
        #expect(a.map(\.text) == b.map(\.text))
        #expect(ta.parents == tb.parents && ta.series == tb.series)
        #expect(ta.reuses.map(\.text) == tb.reuses.map(\.text))
        #expect(a.map(\.text) != c.map(\.text))
    }

    @Test func sizeSessionsNumbersAndDatesAreAsAsked() throws {
        let (all, truth) = Self.record(600, sessions: 40)
        #expect(all.count == 600 && truth.numbers.count == 600)
        #expect(Set(all.map(\.session)) == Set(1...40))
        #expect(Set(all.map(\.number)).count == 600)
        // Numbered S/K in adoption order; dates never go back; session S is adopted in 1945 + S.
        for (i, r) in all.enumerated() {
            #expect(r.index == i)
            #expect(r.adopted.year == 1945 + r.session)
            if i > 0 {
                let p = all[i - 1]
                #expect(!(r.adopted < p.adopted))
                if p.session == r.session {
                    #expect(Int(r.number.split(separator: "/")[1])! == Int(p.number.split(separator: "/")[1])! + 1)
                } else {
                    #expect(r.number.hasSuffix("/1"))
                }
            }
        }
        #expect(truth.before1970 > 0 && truth.before1970 < 600)
        #expect(all.first!.adopted.year == 1946)
    }

    @Test func parentsAreEarlierAndSeriesAreTheConnectedPartsOfTheGraph() {
        let (all, truth) = Self.record(1_500, sessions: 60)
        var members: [Int: [Int]] = [:]
        for (i, parents) in truth.parents.enumerated() {
            for p in parents { #expect(p < i, "\(all[i].number) has a later parent") }
            #expect(Set(parents).count == parents.count)
            for p in parents { #expect(truth.series[p] == truth.series[i]) }
            members[truth.series[i], default: []].append(i)
        }
        // Every series is connected: from its first member, the parent links (both ways) reach all.
        var children: [Int: [Int]] = [:]
        for (i, parents) in truth.parents.enumerated() { for p in parents { children[p, default: []].append(i) } }
        for (first, list) in members {
            #expect(list.min() == first)
            var seen: Set<Int> = [first]
            var stack = [first]
            while let x = stack.popLast() {
                for y in truth.parents[x] + (children[x] ?? []) where seen.insert(y).inserted { stack.append(y) }
            }
            #expect(seen == Set(list))
        }
        // The record has what it is meant to have.
        #expect(truth.forks > 0 && truth.lineMerges > 0)
        #expect(truth.oneOffs > 0 && truth.titleOnly > 0 && truth.citing > 0 && truth.crossCites > 0)
        #expect(truth.recurringSeriesCount > 10)
        #expect(truth.parents.contains { $0.count == 2 })
    }

    @Test func continuingResolutionsCiteTheirParentOrKeepItsTitle() {
        let (all, truth) = Self.record(1_000, sessions: 40)
        var cited = 0, titled = 0, continuing = 0
        for (i, parents) in truth.parents.enumerated() where !parents.isEmpty {
            continuing += 1
            let recalls = all[i].preamble.first { $0.hasPrefix("Recalling its") || $0.hasPrefix("Reaffirming its") } ?? ""
            if parents.allSatisfy({ recalls.contains(" " + all[$0].number + " of " + all[$0].adopted.longForm) }) {
                cited += 1
            } else if parents.count == 1 && all[parents[0]].title == all[i].title {
                titled += 1
            }
        }
        #expect(continuing > 500)
        #expect(cited > continuing * 3 / 4)
        #expect(titled > 0)
        // The few others changed their title without citing: the text is their only evidence.
        #expect(continuing - cited - titled == truth.textOnly)
    }

    @Test func reusedParagraphsAreInBothResolutionsAndTheFirstHolderIsTheEarliest() {
        let (all, truth) = Self.record(1_500, sessions: 60)
        #expect(truth.reuses.count > 50)
        #expect(truth.reuses.contains { !$0.exact } && truth.reuses.contains { $0.exact })
        for reuse in truth.reuses {
            let target = all[reuse.resolution]
            #expect(target.holds(reuse.text))
            #expect(all[reuse.source].holds(reuse.sourceText))
            #expect(truth.series[reuse.source] != truth.series[reuse.resolution] || truth.seriesMerges > 0)
            #expect(reuse.exact == (reuse.text == reuse.sourceText))
            // The first holder holds the wording and nothing before it does.
            #expect(all[reuse.firstHolder].holds(reuse.sourceText))
            #expect(reuse.firstHolder <= reuse.source)
            #expect(!all[..<reuse.firstHolder].contains { $0.holds(reuse.sourceText) })
            // The address names the paragraph.
            let n = Int(reuse.address.dropFirst(2))! - 1
            #expect((reuse.address.hasPrefix("pp") ? target.preamble : target.operative)[n] == reuse.text)
        }
    }

    @Test func everyResolutionParsesAsLineageReadsIt() throws {
        let (all, _) = Self.record(200, sessions: 30)
        for r in all {
            let parsed = try ResolutionParser.parse(r.text)
            #expect(parsed.number == r.number)
            #expect(parsed.title == r.title)
            #expect(parsed.adopted == r.adopted)
            #expect(parsed.paragraphs.count == r.preamble.count + r.operative.count)
        }
    }

    @Test func ordinalWords() {
        #expect(SyntheticRecord.ordinalWords(1) == "first")
        #expect(SyntheticRecord.ordinalWords(12) == "twelfth")
        #expect(SyntheticRecord.ordinalWords(20) == "twentieth")
        #expect(SyntheticRecord.ordinalWords(81) == "eighty-first")
        #expect(SyntheticRecord.ordinalWords(100) == "one hundredth")
    }
}
