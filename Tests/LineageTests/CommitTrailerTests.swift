import ResolutionText
import Testing

@testable import Lineage

/// The `Draft:`, `Sponsor:` and `Vote:` trailers read back to what was written.
@Suite struct CommitTrailerTests {
    private func roundTrip(_ r: Resolution) throws -> Resolution {
        let revision = Revision(resolution: r, dateSource: .text)
        var back = Resolution()
        _ = CommitMessage.parse(try CommitMessage.render(revision), into: &back)
        return back
    }

    @Test(arguments: [
        Vote(outcome: "adoptedWithoutVote"),
        Vote(outcome: "adoptedRecordedVote", inFavour: 129, against: 6, abstaining: 45),
        Vote(outcome: "adoptedRecordedVote", inFavour: 176, abstaining: 2),
        Vote(outcome: "Adopted 90-0-47, 87th plenary meeting", inFavour: 90, abstaining: 47),
        Vote(outcome: "adopted (as orally revised)"),
    ])
    func aVoteReadsBack(vote: Vote) throws {
        var r = Resolution(symbol: "A/RES/85/12", number: "85/12", session: 85, title: "Gardens")
        r.vote = vote
        #expect(try roundTrip(r).vote == vote)
    }

    @Test func draftAndSponsorsReadBackInOrder() throws {
        let r = Resolution(
            symbol: "A/RES/85/12", number: "85/12", title: "Gardens", draft: "A/C.1/85/L.7",
            sponsors: ["Antigua and Barbuda", "Uganda (on behalf of the Group of 77 and China)", "Côte d’Ivoire"])
        let message = try CommitMessage.render(Revision(resolution: r, dateSource: .text))
        #expect(message.hasSuffix("Draft: A/C.1/85/L.7\nSponsor: Antigua and Barbuda\nSponsor: Uganda (on behalf of the Group of 77 and China)\nSponsor: Côte d’Ivoire\n"))
        let back = try roundTrip(r)
        #expect(back.draft == r.draft && back.sponsors == r.sponsors && back.vote == nil)
    }
}
