import Foundation
import Lineage
import LineageReport
import ResolutionFormats
import ResolutionText
import TestSupport
import Testing

/// lineage's own Akoma Ntoso export reads back, through the reader of the UN's Akoma Ntoso, to
/// the document it was exported from.
@Suite struct AkomaNtosoRoundTripTests {
    @Test func everyExportedRevisionOfTheBundledCorpusReadsBackToTheSameDocument() throws {
        let dir = ScratchDirectory()
        let paths = Package.seedFiles + Package.later.values.sorted()
        let store = try reportRepository(dir, paths: paths)
        let history = store.history.revisions
        #expect(history.count == 8)
        for revision in history {
            let xml = AkomaNtoso.document(try AkomaNtoso.input(revision, in: store))
            #expect(InputFormat.recognise(Array(xml.utf8)) == .akomaNtoso)
            let back = try ResolutionReader.read(Array(xml.utf8))
            let stored = try revision.readResolution()
            #expect(CanonicalDocument.render(back) == CanonicalDocument.render(stored), "\(revision.number)")
            #expect(back.symbol == revision.symbol)
            #expect(back.number == revision.number)
            #expect(back.adopted == revision.adopted)
            #expect(back.session == revision.session)
            #expect(back.meeting == revision.meeting)
            #expect(back.agendaItem == stored.agendaItem)
            #expect(back.committeeReport == stored.committeeReport)
        }
    }

    @Test func theDraftSponsorsAndVoteTravelThroughTheExport() throws {
        let dir = ScratchDirectory()
        dir.write("in/A_RES_85_12.xml", AkomaNtosoFixtures.recordedVote)
        let store = try reportRepository(dir, paths: [dir.path + "/in"])
        let revision = try store.revision(named: "85/12")
        let original = try ResolutionReader.read(Array(AkomaNtosoFixtures.recordedVote.utf8))
        let xml = AkomaNtoso.document(try AkomaNtoso.input(revision, in: store))
        let back = try ResolutionReader.read(Array(xml.utf8))
        #expect(CanonicalDocument.render(back) == CanonicalDocument.render(original))
        #expect(back.draft == original.draft)
        #expect(back.sponsors == original.sponsors)
        var vote = try #require(original.vote)
        vote.ballots = []  // the commit keeps the outcome and the counts, not each Member State's ballot
        #expect(back.vote == vote)
    }
}
