import Foundation
import TestSupport
import Testing

@testable import Lineage

/// The wording index as the build stores it: a segment per build, merged past
/// ``WordingStore/maxSegments``.
@Suite struct WordingStoreTests {
    /// Resolution `k` of a made-up record: a paragraph of its own and one every resolution shares.
    static func resolution(_ k: Int) -> String {
        let session = 60 + k
        let date = "\(10 + k % 15) December \(2005 + k)"
        return """
            Agenda item \(k)

            Resolution adopted by the General Assembly on \(date)

            \(session)/\(100 + k). Topic number \(k) of a made-up record

            The General Assembly,

            Recalling the particular circumstances of topic number \(k) and the work done on it by its committee number \(k),

            Stressing that the protection of the environment is a shared responsibility of all States, in accordance with their national capacities,

            1. Decides to consider topic number \(k) again at a later session under an item of the same name.

            50th plenary meeting
            \(date)

            """
    }

    @Test func segmentsPastTheLimitAreMergedIntoOneThatAnswersTheSame() throws {
        let dir = ScratchDirectory()
        let repo = dir.path + "/record.git"
        let count = WordingStore.maxSegments + 1
        for k in 1...count {
            dir.write("corpus/r\(k).txt", Self.resolution(k))
            _ = try build([dir.path + "/corpus"], repo: repo)
            let segments = git(["ls-tree", "--name-only", WordingStore.reference], in: repo).stdout.split(separator: "\n")
            #expect(segments.count == (k <= WordingStore.maxSegments ? k : 1), "after build \(k)")
        }
        #expect(git(["ls-tree", "--name-only", WordingStore.reference], in: repo).stdout == "segment-0017\n")
        #expect(git(["fsck", "--strict"], in: repo).status == 0)
        let store = try LineageRepository.open(repo)
        let shared = try store.origin(of: "Stressing that the protection of the environment is a shared responsibility of all States, in accordance with their national capacities,")
        #expect(shared.computedNow == 0)
        #expect(shared.occurrences.map(\.revision.number) == (1...count).map { "\(60 + $0)/\(100 + $0)" })
        #expect(shared.first?.revision.number == "61/101" && shared.first?.label == "pp2")
        let own = try store.origin(of: "Decides to consider topic number 9 again at a later session under an item of the same name.")
        // Its own words only in 69/109; the others differ by one word of 18 (17 of 18 in common).
        #expect(own.occurrences.filter(\.exact).map(\.address) == ["69/109:op1"])
        #expect(own.occurrences.count == count && own.first?.address == "61/101:op1")
        #expect(own.occurrences.filter { !$0.exact }.allSatisfy { $0.similarity == 17.0 / 18.0 })
    }
}
