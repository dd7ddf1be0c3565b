import LineageCore
import TestSupport
import Testing

@testable import Lineage
@testable import LineageReport

/// The redline of changes the corpus does not have: a moved clause, marked at both ends.
@Suite struct RedlineTests {
    private func side(_ index: Int, _ label: String, _ text: String) -> ClauseChange.Side {
        ClauseChange.Side(index: index, label: label, text: text)
    }

    @Test func aMovedClauseIsMarkedWhereItLeftAndWhereItLanded() {
        // Old: pp1 A, pp2 B, pp3 C; new: pp1 A, pp2 C (moved up, reworded), pp3 B.
        let changes = [
            ClauseChange(kind: .unchanged, clause: "1#1", similarity: 1, old: [side(0, "pp1", "A a")], new: [side(0, "pp1", "A a")], words: []),
            ClauseChange(
                kind: .moved, clause: "1#3", similarity: 0.8, old: [side(2, "pp3", "C <c>")], new: [side(1, "pp2", "C & d")],
                words: [WordRun(op: .equal, text: "C"), WordRun(op: .delete, text: " <c>"), WordRun(op: .insert, text: " & d")]),
            ClauseChange(kind: .unchanged, clause: "1#2", similarity: 1, old: [side(1, "pp2", "B b")], new: [side(2, "pp3", "B b")], words: []),
        ]
        var m = Markup()
        RedlineHTML.render(&m, changes: changes, anchor: "r", revision: "2/1")
        let html = m.output
        #expect(tagBalanceProblem(html) == nil)
        let landed = html.range(of: "id=\"r2-1-pp2\"")!.lowerBound
        let left = html.range(of: "id=\"r-1-3-from\"")!.lowerBound
        let b = html.range(of: "B b")!.lowerBound
        // Where it landed comes before B; where it left, after B (as in the old text).
        #expect(landed < b && b < left)
        #expect(html.contains(
            "<a class=\"addr\" href=\"#r2-1-pp2\" title=\"link to 2/1 pp2\">pp3 → pp2</a><span class=\"kind\">moved and reworded</span> from <a href=\"#r-1-3-from\">pp3 ↑</a>"))
        #expect(html.contains("<span class=\"kind\">moved away</span> to <a href=\"#r2-1-pp2\">pp2 ↓</a>"))
        #expect(html.contains("<p class=\"text\">C <del>&lt;c&gt;</del> <ins>&amp; d</ins></p>"))
        #expect(html.contains("<p class=\"text moved-text\">C &lt;c&gt;</p>"))
        // The unchanged clauses are folded, each run on its own, B said to be renumbered.
        #expect(html.components(separatedBy: "<details class=\"unchanged\">").count - 1 == 2)
        #expect(html.contains("<summary>1 unchanged clause: pp3</summary>"))
        #expect(html.contains("<a class=\"addr\" href=\"#r2-1-pp3\" title=\"link to 2/1 pp3\">pp2 → pp3</a><span class=\"kind\">renumbered</span>"))
    }
}
