import Foundation
import Testing

@testable import ResolutionText

/// The JSON shape, the text summary, clause addresses and cited dates.
@Suite struct OutputTests {
    @Test func jsonShapeKeysOrderAndNulls() throws {
        let r = try #require(Fixtures.seed("61/54")).resolution
        guard case .object(let top) = ResolutionJSON.value(r) else {
            Issue.record("not an object")
            return
        }
        #expect(
            top.map(\.0) == [
                "symbol", "number", "session", "title", "adopted", "meeting", "agendaItem", "committeeReport", "draft",
                "sponsors", "vote", "paragraphs", "footnotes", "annexes",
            ])
        let compact = ResolutionJSON.value(r).rendered(pretty: false)
        #expect(
            compact.hasPrefix(
                #"{"symbol":"A/RES/61/54","number":"61/54","session":61,"title":"Developments in the field of information and telecommunications in the context of international security","adopted":null,"meeting":null,"agendaItem":null,"committeeReport":null,"draft":null,"sponsors":[],"vote":null,"paragraphs":[{"index":0,"address":"pp1","kind":"preambular","label":null,"parent":null,"text":"Recalling its resolutions 53/70 of 4 December 1998,"#
            ))
        #expect(compact.contains(#"{"index":5,"address":"pp6","kind":"preambular","label":null,"parent":null,"text":"Bearing in mind the results of the Ministerial Conference on Terrorism, held in Paris on 30 July 1996, and the recommendations that it made,","footnotes":["1"]}"#))
        #expect(compact.contains(#"{"index":19,"address":"op3(a)","kind":"subparagraph","label":"(a)","parent":18,"text":"General appreciation of the issues of information security;","footnotes":[]}"#))
        #expect(compact.contains(#"{"index":18,"address":"op3","kind":"operative","label":"3","parent":null,"text":"Invites all Member States to continue to inform the Secretary-General of their views and assessments on the following questions:","footnotes":[]}"#))
        #expect(compact.hasSuffix(#""footnotes":[{"mark":"1","text":"See A/51/261, annex."},{"mark":"2","text":"See A/C.2/59/3 and A/60/687."},{"mark":"3","text":"A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1, A/57/166 and Add.1, A/58/373, A/59/116 and Add.1, A/60/95 and Add.1 and A/61/161."},{"mark":"4","text":"A/60/202."}],"annexes":[]}"#))

        let dated = try #require(Fixtures.seed("69/28")).resolution
        let json = ResolutionJSON.value(dated).rendered(pretty: false)
        #expect(json.contains(#""adopted":"2014-12-02","meeting":62,"agendaItem":91,"committeeReport":"A/69/435","draft":null,"sponsors":[],"vote":null,"paragraphs":"#))
    }

    @Test func summaryForTheParseCommand() throws {
        let r = try #require(Fixtures.seed("59/61")).resolution
        let text = ResolutionSummary.text(r)
        #expect(textSummary(r) == text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Symbol:            A/RES/59/61")
        #expect(lines[4] == "Adopted:           2004-12-03")
        #expect(lines[8...11] == ["Draft:             -", "Sponsors:          -", "Vote:              -", "Annexes:           -"])
        #expect(lines[12] == "Paragraphs:        13 preambular, 6 operative, 3 sub-paragraphs")
        #expect(lines[13] == "Footnotes:         2")
        #expect(lines.contains("pp6     Bearing in mind the results of the Ministerial Conference on Terrorism, held in Paris on 30 July 1996, and the recommendations that it made, [1]"))
        #expect(lines.contains("op3(c)  The content of the concepts mentioned in paragraph 2 above;"))
        #expect(lines.contains("[2] A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1, A/57/166 and Add.1, A/58/373 and A/59/116 and Add.1."))
        #expect(!text.contains("\u{1B}"))
        let bare = ResolutionSummary.text(try #require(Fixtures.seed("61/54")).resolution)
        #expect(bare.contains("Adopted:           -\nMeeting:           -\n"))
    }

    @Test func clauseAddresses() throws {
        let r = try #require(Fixtures.seed("65/41")).resolution
        let addresses = r.clauseAddresses
        #expect(addresses.prefix(3) == ["pp1", "pp2", "pp3"])
        #expect(Array(addresses[16...]) == ["pp17", "op1", "op2", "op3", "op3(a)", "op3(b)", "op3(c)", "op3(d)", "op4", "op5"])
        for (p, address) in zip(r.paragraphs, addresses) {
            #expect(r.paragraph(at: address) == p)
            #expect(r.address(of: p) == address)
            #expect(p.address(in: r.paragraphs) == address)
        }
        #expect(r.paragraph(at: "OP3(b)")?.text.hasPrefix("Efforts taken") == true)
        #expect(r.paragraph(at: " pp2 ")?.text.hasPrefix("Recalling also") == true)
        #expect(r.paragraph(at: "pp18") == nil)
        #expect(r.paragraph(at: "op3(e)") == nil)
        #expect(r.paragraph(at: "") == nil)
        // A sub-paragraph of a preambular paragraph, and one without a parent.
        let synthetic = [
            Paragraph(index: 0, kind: .subparagraph, label: "(a)", text: "x"),
            Paragraph(index: 1, kind: .preambular, text: "y"),
            Paragraph(index: 2, kind: .subparagraph, label: "(i)", parent: 1, text: "z"),
        ]
        #expect(ClauseAddress.addresses(for: synthetic) == ["(a)", "pp1", "pp1(i)"])
    }

    @Test func citedDates() throws {
        let r6928 = try #require(Fixtures.seed("69/28")).resolution
        let cited = r6928.citedDates()
        #expect(cited["61/54"] == CivilDate(year: 2006, month: 12, day: 6))
        #expect(cited["53/70"] == CivilDate(year: 1998, month: 12, day: 4))
        #expect(cited["68/243"] == CivilDate(year: 2013, month: 12, day: 27))
        #expect(cited.count == 16)
        #expect(cited["69/28"] == nil)

        let later = try Fixtures.laterResolutions()
        let r7619 = try #require(later["76/19"]).resolution.citedDates()
        #expect(r7619["74/28"] == CivilDate(year: 2019, month: 12, day: 12))
        #expect(r7619["74/29"] == CivilDate(year: 2019, month: 12, day: 12))
        #expect(r7619["43/78 H"] == CivilDate(year: 1988, month: 12, day: 7))
        #expect(r7619["43/78"] == nil)
        #expect(r7619["75/240"] == CivilDate(year: 2020, month: 12, day: 31))
        // Decisions are not resolutions.
        #expect(r7619["72/512"] == nil)
        #expect(r7619["75/564"] == nil)

        let r7327 = try #require(later["73/27"]).resolution.citedDates()
        #expect(r7327["36/103"] == CivilDate(year: 1981, month: 12, day: 9))
        #expect(r7327["70/237"] == CivilDate(year: 2015, month: 12, day: 23))  // date wrapped onto the next line
        #expect(r7327["68/167"] == CivilDate(year: 2013, month: 12, day: 18))  // "General Assembly resolutions"
        #expect(r7327["58/199"] == CivilDate(year: 2003, month: 12, day: 23))
        #expect(r7327["20/8"] == nil)  // a Human Rights Council resolution
        #expect(r7327["26/13"] == nil)
    }

    @Test func citedDatesOfSyntheticText() {
        let r = Resolution(paragraphs: [
            Paragraph(index: 0, kind: .preambular, text: "Recalling its resolutions 1/2 of 3 May 2001, 4/5 and 6/7 of 8 June 2002 and 9/10 A of 1 July 2003, its decision 11/512 of 2 July 2004, and Security Council resolution 12/13 of 3 July 2005,"),
            Paragraph(index: 1, kind: .operative, label: "1", text: "Recalls resolution 1/2 of 4 May 2001 (a second, different date: the first wins) and resolution 14/15."),
        ])
        let cited = r.citedDates()
        #expect(cited == [
            "1/2": CivilDate(year: 2001, month: 5, day: 3)!,
            "4/5": CivilDate(year: 2002, month: 6, day: 8)!,
            "6/7": CivilDate(year: 2002, month: 6, day: 8)!,
            "9/10 A": CivilDate(year: 2003, month: 7, day: 1)!,
        ])
    }
}

/// Draft, sponsors, vote and annexes in the JSON shape and the summary (formats that carry
/// them fill them: the UN's Akoma Ntoso).
@Suite struct PublishedMetadataOutputTests {
    @Test func theyAppearInTheJSONAndTheSummary() throws {
        var r = try #require(Fixtures.seed("59/61")).resolution
        r.draft = "A/C.1/59/L.20"
        r.sponsors = ["Russian Federation", "Belarus"]
        r.vote = Vote(outcome: "adoptedRecordedVote", inFavour: 170, abstaining: 1, ballots: [.init(state: "ALGERIA", choice: .inFavour)])
        r.annexes = [Annex(heading: "Annex", title: "Terms", paragraphs: ["1. First."])]
        let json = ResolutionJSON.value(r).rendered(pretty: false)
        #expect(json.contains(#""committeeReport":"A/59/454","draft":"A/C.1/59/L.20","sponsors":["Russian Federation","Belarus"],"vote":{"outcome":"adoptedRecordedVote","inFavour":170,"against":null,"abstaining":1,"ballots":[{"state":"ALGERIA","vote":"inFavour"}]},"paragraphs":"#))
        #expect(json.hasSuffix(#""annexes":[{"heading":"Annex","title":"Terms","paragraphs":["1. First."]}]}"#))
        let text = ResolutionSummary.text(r)
        #expect(text.contains("Draft:             A/C.1/59/L.20\nSponsors:          2: Russian Federation; Belarus\nVote:              adoptedRecordedVote: 170 in favour, 1 abstaining\nAnnexes:           Annex: Terms\n"))
    }
}

/// Days since 1970-01-01 and back, before the epoch too (the General Assembly met from 1946).
@Suite struct CivilDateDaysTests {
    @Test func everyDayFrom1900To2100RoundTrips() throws {
        let first = try #require(CivilDate(year: 1900, month: 1, day: 1)).daysSinceEpoch
        let last = try #require(CivilDate(year: 2100, month: 12, day: 31)).daysSinceEpoch
        var previous: CivilDate?
        for days in first...last {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            if let previous { #expect(previous < date) }
            previous = date
        }
        #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(daysSinceEpoch: -1) == CivilDate(year: 1969, month: 12, day: 31))
        #expect(CivilDate(daysSinceEpoch: first) == CivilDate(year: 1900, month: 1, day: 1))
    }
}
