import Foundation
import Lineage
import LineageCore
import LineageReport
import TestSupport
import Testing

/// The HTML report on the real corpus: structure, redlines, blame, escaping of hostile text.
@Suite struct ReportTests {
    @Test func theReportHasEverySectionAndIsSelfContained() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        var steps: [(Int, Int)] = []
        let data = try ReportData.collect(store) { steps.append(($0, $1)) }
        let html = HTMLReport.render(data)

        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(tagBalanceProblem(html) == nil, "\(tagBalanceProblem(html) ?? "")")
        for id in ["timeline", "charts", "changes", "text-69-28", "words-69-28"] {
            #expect(html.contains("id=\"\(id)\""), "section \(id)")
        }
        // One article per revision, newest first, and one timeline dot linking to each.
        let articles = attributeValues("id", in: html).filter { $0.hasPrefix("rev-") && $0.split(separator: "-").count == 3 }
        #expect(articles == ["rev-69-28", "rev-65-41", "rev-63-37", "rev-61-54", "rev-59-61"])
        for id in articles { #expect(html.contains("href=\"#\(id)\"")) }
        // Self-contained: no script, no external style sheet, image or font; folding without JavaScript.
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(html.contains("<details class=\"unchanged\">"))
        #expect(html.contains("@media print"))
        // Progress was reported up to the end.
        #expect(steps.last.map { $0.0 == $0.1 } == true)
    }

    @Test func eachRevisionIsRedlinedAgainstItsParent() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        let html = HTMLReport.render(try ReportData.collect(store))
        let latest = try #require(slice(html, from: "id=\"rev-69-28\"", to: "id=\"rev-65-41\""))
        #expect(latest.contains("Against <a href=\"#rev-65-41\">65/41</a>: 1 inserted, 8 reworded, 18 unchanged"))
        // op4: the old opening struck, the new one underlined, words only (spaces outside).
        #expect(latest.contains("<del>Requests the Secretary-General, with the assistance of a group of governmental experts"))
        #expect(latest.contains("<ins>Welcomes the commencement of the work of the Group of Governmental Experts, and authorizes the Group</ins>"))
        #expect(latest.contains("<del>sixty-eighth</del> <ins>seventieth</ins>"))
        // The inserted clause, whole; a renumbered one says from where.
        #expect(latest.contains("<ins>Noting the importance of respect for human rights"))
        #expect(latest.contains("pp11 → pp12"))
        // 18 unchanged clauses, folded in runs.
        let folded = latest.components(separatedBy: "<details class=\"unchanged\"><summary>").dropFirst()
            .map { Int($0.prefix { $0.isNumber })! }
        #expect(folded.reduce(0, +) == 18)
        // 61/54 deleted two clauses: struck through whole.
        let second = try #require(slice(html, from: "id=\"rev-61-54\"", to: "id=\"rev-59-61\""))
        #expect(second.components(separatedBy: "class=\"clause k-deleted\"").count - 1 == 2)
        #expect(second.contains("<del>Definition of basic notions related to information security"))
        // The first revision has no parent: its text, folded.
        #expect(html.contains("<summary>The first text: 22 clauses</summary>"))
    }

    @Test func theLatestTextTagsEveryClauseAndColoursEveryWord() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir)
        let html = HTMLReport.render(try ReportData.collect(store))
        let blame = try store.blame(try store.revision(named: "69/28"))
        let text = try #require(slice(html, from: "id=\"text-69-28\"", to: "id=\"words-69-28\""))
        #expect(text.components(separatedBy: "<div class=\"para ").count - 1 == blame.paragraphs.count)
        #expect(text.components(separatedBy: ">introduced ").count - 1 == blame.paragraphs.count)
        let changed = blame.paragraphs.filter { $0.lastChanged.number != $0.introduced.number }.count
        #expect(text.components(separatedBy: ">changed ").count - 1 == changed)
        #expect(text.contains("title=\"introduced in A/RES/59/61\">introduced 59/61</span><span class=\"tag s4\" title=\"last changed in A/RES/69/28\">changed 69/28</span>"))
        // Footnotes at the end, linked from their marks.
        #expect(text.contains("<ol class=\"footnotes\">"))
        #expect(text.contains("href=\"#fn-69-28-1\""))

        let words = try #require(slice(html, from: "id=\"words-69-28\"", to: "<footer>"))
        let runs = blame.paragraphs.reduce(0) { $0 + $1.words.count }
        #expect(words.components(separatedBy: "title=\"written in ").count - 1 == runs)
        // The legend names every session that wrote words, in its colour.
        for number in ["59/61", "61/54", "63/37", "65/41", "69/28"] {
            #expect(words.contains("class=\"key s\(["59/61", "61/54", "63/37", "65/41", "69/28"].firstIndex(of: number)!)\">\(number)</span>"))
        }
    }

    @Test func hostileTextRendersAsText() throws {
        let dir = ScratchDirectory()
        let store = try reportRepository(dir, paths: [HostileCorpus.write(into: dir)])
        let html = HTMLReport.render(try ReportData.collect(store))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("\u{1B}"))
        #expect(!html.contains("\u{7}"))
        #expect(tagBalanceProblem(html) == nil, "\(tagBalanceProblem(html) ?? "")")
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
        // In the redline, the latest text and the word-level blame.
        #expect(html.components(separatedBy: escaped).count - 1 >= 3)
        #expect(html.contains("&amp; &#39;quoted&#39;"))
        #expect(html.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"))
    }

    @Test func escapingCoversMarkupQuotesAndControls() {
        #expect(Escape.markup("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        #expect(Escape.markup("x\u{1B}[31my\u{7}\u{0}z\u{9B}\u{FFFF}") == "x[31myz")
        #expect(Escape.markup("line\nbreak\ttab") == "line\nbreak tab")
        #expect(Escape.identifier("A/RES/69/28") == "A-RES-69-28")
    }
}
