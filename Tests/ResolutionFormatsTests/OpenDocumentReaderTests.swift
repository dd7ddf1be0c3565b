import Foundation
import ResolutionText
import Testing

@testable import ResolutionFormats

/// An OpenDocument text made of a body (`office:text` content) and automatic styles.
private func odt(_ body: String, styles: String = "", stylesPart: String? = nil) -> [UInt8] {
    let ns = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/""#
    let listStyle =
        #"<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>"#
        + #"<text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"/>"#
        + #"<text:list-level-style-number text:level="3" style:num-format="1" style:num-suffix="." text:display-levels="3"/></text:list-style>"#
        + #"<style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="33% 58%"/></style:style>"#
        + #"<style:style style:name="Gone" style:family="text"><style:text-properties text:display="none"/></style:style>"#
    var entries = [
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", #"<office:document-content \#(ns)><office:automatic-styles>\#(listStyle)\#(styles)</office:automatic-styles><office:body><office:text>\#(body)</office:text></office:body></office:document-content>"#),
    ]
    if let stylesPart { entries.append(("styles.xml", #"<office:document-styles \#(ns)>\#(stylesPart)</office:document-styles>"#)) }
    return TestZip.archive(entries)
}

private func item(_ text: String, _ nested: String = "", start: Int? = nil) -> String {
    "<text:list-item\(start.map { #" text:start-value="\#($0)""# } ?? "")><text:p>\(text)</text:p>\(nested)</text:list-item>"
}

@Suite struct OpenDocumentReaderTests {
    @Test func listsNumberAsTheirStylesSayAndContinueOrRestart() throws {
        let body =
            #"<text:list xml:id="ops" text:style-name="L1">"#
            + item("One", "<text:list>" + item("a") + item("b", "<text:list>" + item("deep") + "</text:list>") + "</text:list>")
            + item("Two") + "</text:list>"
            + "<text:p>Between the lists</text:p>"
            + #"<text:list text:continue-numbering="true" text:style-name="L1">"# + item("Three") + "<text:list-header><text:p>A header, not numbered</text:p></text:list-header>" + "</text:list>"
            + #"<text:list text:style-name="L1">"# + item("Fresh list") + item("Set to nine", start: 9) + item("Ten") + "</text:list>"
            + #"<text:list text:continue-list="ops" text:style-name="L1">"# + item("Four, continuing the first list") + "</text:list>"
        let text = try OpenDocumentReader.text(odt(body))
        #expect(text.body == [
            "1.\tOne", "(a)\ta", "(b)\tb", "1.b.1.\tdeep", "2.\tTwo", "Between the lists", "3.\tThree", "A header, not numbered",
            "1.\tFresh list", "9.\tSet to nine", "10.\tTen", "4.\tFour, continuing the first list",
        ])
    }

    @Test func notesSpacesChangesAndCommentsAreReadAsShown() throws {
        let body =
            #"<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>"#
            + #"<text:p>Bearing in mind<text:s text:c="2"/>the recommendations it made,<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>See A/51/261, annex.</text:p></text:note-body></text:note><text:change text:change-id="c1"/></text:p>"#
            + #"<text:p>Welcoming<office:annotation><dc:creator>x</dc:creator><text:p>a comment</text:p></office:annotation> the report,<text:note-ref text:note-class="footnote" text:ref-name="n1">1</text:note-ref><text:span text:style-name="Gone">hidden</text:span> and<text:line-break/>the note,<text:note text:note-class="footnote"><text:note-citation text:label="*">*</text:note-citation><text:note-body><text:p>Reissued.</text:p></text:note-body></text:note><text:span text:style-name="Sup">2</text:span></text:p>"#
        let text = try OpenDocumentReader.text(odt(body))
        #expect(text.body == [
            "Bearing in mind  the recommendations it made,<sup>1</sup>",
            "Welcoming the report,<sup>1</sup> and\nthe note,<sup>*</sup><sup>2</sup>",
        ])
        #expect(text.notes.map(\.mark) == ["1", "*"])
        #expect(text.notes.map(\.text) == ["See A/51/261, annex.", "Reissued."])
    }

    @Test func theFirstPageHeaderIsReadAndFootersAndPageFieldsNever() throws {
        let masters =
            #"<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Running head</text:p></style:header>"#
            + #"<style:header-first><text:p>Sixty-ninth session</text:p><text:p>Agenda item <text:page-number>1</text:page-number>91</text:p></style:header-first>"#
            + #"<style:footer><text:p>14-66151 <text:page-number>2</text:page-number>/<text:page-count>3</text:page-count></text:p></style:footer></style:master-page></office:master-styles>"#
        let text = try OpenDocumentReader.text(odt("<text:p>Body</text:p>", stylesPart: masters))
        #expect(text.front == ["Sixty-ninth session", "Agenda item 91"])
        #expect(text.body == ["Body"])
        // A first paragraph that starts another master page takes that page's header.
        let other = masters.replacingOccurrences(of: "</office:master-styles>", with: #"<style:master-page style:name="Cover"><style:header><text:p>Cover header</text:p></style:header></style:master-page></office:master-styles>"#)
        let styled = #"<style:style style:name="P1" style:family="paragraph" style:master-page-name="Cover"/>"#
        let cover = try OpenDocumentReader.text(odt(#"<text:p text:style-name="P1">Body</text:p>"#, styles: styled, stylesPart: other))
        #expect(cover.front == ["Cover header"])
    }
}
