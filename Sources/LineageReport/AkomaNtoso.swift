import Lineage
import LineageCore
import ResolutionText

/// A revision as Akoma Ntoso 3.0 XML (OASIS LegalDocML), following the UN's AKN4UN profile: a
/// `statement` named `resolution` with FRBR identification from the parsed metadata, a `preface`,
/// a `preamble` whose paragraphs are `recital`s, a `mainBody` of numbered `paragraph`s and
/// `subparagraph`s, footnotes as `authorialNote`s where they are referred to, and `conclusions`
/// with the plenary meeting.
///
/// `eId`s follow the current numbering and the AKN naming convention (`para_4`,
/// `para_3__subpara_b`, `preamble__recs__rec_3`, `…__list_1__item_a` for lettered items of a
/// preambular paragraph); `wId`s come from lineage's stable clause ids (`clause_59-61_20` for
/// clause `59/61#20`), so a clause keeps its `wId` however it is renumbered, moved or reworded.
/// The changes against the parent(s) are `analysis/passiveModifications`: `insertion`, `repeal`,
/// `substitution`, `renumbering`, `split` and `join`.
///
/// The output depends only on the revision and its lineage (the manifestation is dated to the
/// adoption), so exporting twice gives the same bytes.
public enum AkomaNtoso {
    public static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

    /// What an export needs: the revision, its clause ids, its parents and its changes against
    /// them.
    public struct Input: Sendable {
        public var revision: Revision
        /// The revision's text (read from the repository by ``AkomaNtoso/input(_:in:)``).
        public var resolution: Resolution
        /// The parents' paragraphs, first parent first.
        public var parentParagraphs: [[Paragraph]]
        /// The stable id of each paragraph, in order.
        public var clauses: [String]
        /// The stable id of each footnote, in order.
        public var footnotes: [String]
        /// None for the first revision, two or more for a merge (first parent first).
        public var parents: [Revision]
        /// The changes against the parent, or a merge's against the union of its parents (each old
        /// side naming its parent), as ``LineageRepository/storedChanges(of:)`` gives them.
        public var changes: [ClauseChange]

        public init(
            revision: Revision, resolution: Resolution, clauses: [String], footnotes: [String], parents: [Revision],
            parentParagraphs: [[Paragraph]], changes: [ClauseChange]
        ) {
            self.revision = revision
            self.resolution = resolution
            self.parentParagraphs = parentParagraphs
            self.clauses = clauses
            self.footnotes = footnotes
            self.parents = parents
            self.changes = changes
        }
    }

    /// Reads what the export of `revision` needs from the repository.
    public static func input(_ revision: Revision, in store: LineageRepository) throws(LineageError) -> Input {
        let state = try store.lineage(of: revision).state
        let parents = store.parents(of: revision)
        return Input(
            revision: revision, resolution: try revision.readResolution(), clauses: state.clauses.map(\.id),
            footnotes: state.footnotes.map(\.id), parents: parents,
            parentParagraphs: try parents.map { (p) throws(LineageError) in try p.readResolution().paragraphs },
            changes: parents.isEmpty ? [] : try store.storedChanges(of: revision))
    }

    /// `/akn/un/statement/deliberation/unga/2014-12-02/69-28`: the work's FRBR URI.
    public static func workURI(_ revision: Revision) -> String {
        "/akn/un/statement/deliberation/unga/\(revision.adopted?.iso ?? "0000-00-00")/\(Escape.identifier(revision.number))"
    }

    /// The English expression's FRBR URI.
    public static func expressionURI(_ revision: Revision) -> String { workURI(revision) + "/eng@" }

    /// `clause_59-61_20` for clause `59/61#20`.
    public static func wId(_ clause: String) -> String {
        "clause_" + String(clause.map { $0 == "#" ? "_" : $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    /// The eId of every paragraph, in order.
    public static func eIds(_ paragraphs: [Paragraph]) -> [String] {
        var out: [String] = []
        var used = Set<String>()
        var byIndex: [Int: (eId: String, inPreamble: Bool)] = [:]
        var recital = 0
        for p in paragraphs {
            let letter = simple(p.label) ?? String(p.index + 1)
            var eId: String
            var inPreamble = false
            switch p.kind {
            case .preambular:
                recital += 1
                eId = "preamble__recs__rec_\(recital)"
                inPreamble = true
            case .operative:
                eId = "para_" + letter
            case .subparagraph:
                if let parent = p.parent.flatMap({ byIndex[$0] }) {
                    inPreamble = parent.inPreamble
                    eId = parent.eId + (inPreamble ? "__list_1__item_" : "__subpara_") + letter
                } else {
                    eId = "para_" + letter
                }
            }
            let base = eId
            var n = 2
            while !used.insert(eId).inserted {
                eId = base + "_\(n)"
                n += 1
            }
            byIndex[p.index] = (eId, inPreamble)
            out.append(eId)
        }
        return out
    }

    /// Letters and digits of a label: `(b)` gives `b`.
    private static func simple(_ label: String?) -> String? {
        guard let label else { return nil }
        let kept = String(label.filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        return kept.isEmpty ? nil : kept
    }

    public static func document(_ input: Input) -> String {
        let revision = input.revision
        let resolution = input.resolution
        let paragraphs = resolution.paragraphs
        let ids = eIds(paragraphs)
        let work = workURI(revision), expression = expressionURI(revision)
        let date = revision.adopted?.iso ?? "0000-00-00"
        var children: [Int: [Int]] = [:]
        for (i, p) in paragraphs.enumerated() {
            if p.kind == .subparagraph, let parent = p.parent, let k = paragraphs.firstIndex(where: { $0.index == parent }) {
                children[k, default: []].append(i)
            }
        }
        let isChild = Set(children.values.joined())
        var notesSeen = Set<String>()

        var m = Markup()
        m.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        m.newline()
        m.block("akomaNtoso", ["xmlns": namespace]) { m in
            m.newline()
            m.block("statement", ["name": "resolution", "contains": "originalVersion"]) { m in
                m.newline()
                m.block("meta") { m in
                    meta(&m, input, work: work, expression: expression, date: date, ids: ids)
                }
                m.newline()
                m.block("preface") { m in
                    m.newline()
                    m.element("p", ["class": "symbol"]) { m in m.element("docNumber", text: revision.symbol) }
                    m.newline()
                    m.element("p", ["class": "authority"]) { m in m.element("docAuthority", text: "General Assembly") }
                    if let session = resolution.session {
                        m.newline()
                        m.element("p", ["class": "session"]) { m in m.element("session", ["value": String(session)], text: "Session \(session)") }
                    }
                    if let item = resolution.agendaItem {
                        m.newline()
                        m.element("p", ["class": "agendaItem"], text: "Agenda item \(item)")
                    }
                    if let adopted = revision.adopted {
                        m.newline()
                        m.element("p", ["class": "adoption"]) { m in
                            m.text("Resolution adopted by the General Assembly on ")
                            m.element("docDate", ["date": adopted.iso], text: adopted.longForm)
                        }
                    }
                    if let report = resolution.committeeReport {
                        m.newline()
                        m.element("p", ["class": "committeeReport"], text: "[on the report of the Main Committee (\(report))]")
                    }
                    m.newline()
                    m.element("longTitle") { m in
                        m.element("p") { m in
                            m.element("docNumber", text: revision.number)
                            m.text(". ")
                            m.element("docTitle", text: resolution.title ?? "")
                        }
                    }
                }
                m.newline()
                m.block("preamble") { m in
                    m.newline()
                    m.element("formula", ["name": "enactingFormula"]) { m in m.element("p", text: "The General Assembly,") }
                    let recitals = paragraphs.indices.filter { paragraphs[$0].kind == .preambular }
                    if !recitals.isEmpty {
                        m.newline()
                        m.block("recitals", ["eId": "preamble__recs"]) { m in
                            for i in recitals {
                                m.newline()
                                unit(&m, "recital", i, input: input, ids: ids, children: children, notesSeen: &notesSeen)
                            }
                        }
                    }
                }
                m.newline()
                m.block("mainBody") { m in
                    for i in paragraphs.indices where paragraphs[i].kind != .preambular && !isChild.contains(i) {
                        m.newline()
                        unit(&m, "paragraph", i, input: input, ids: ids, children: children, notesSeen: &notesSeen)
                    }
                }
                if resolution.meeting != nil || revision.adopted != nil {
                    m.newline()
                    m.block("conclusions") { m in
                        if let meeting = resolution.meeting {
                            m.newline()
                            m.element("p", ["class": "meeting"], text: "\(ordinal(meeting)) plenary meeting")
                        }
                        if let adopted = revision.adopted {
                            m.newline()
                            m.element("p") { m in m.element("date", ["date": adopted.iso, "refersTo": "#adoption"], text: adopted.longForm) }
                        }
                    }
                }
            }
        }
        m.raw("\n")
        return m.output
    }

    /// One paragraph: a `recital`, a `paragraph`, a `subparagraph` or a list `item`, with its
    /// children (sub-paragraphs) inside.
    private static func unit(
        _ m: inout Markup, _ element: String, _ i: Int, input: Input, ids: [String], children: [Int: [Int]],
        notesSeen: inout Set<String>
    ) {
        let p = input.resolution.paragraphs[i]
        let wId = i < input.clauses.count ? wId(input.clauses[i]) : nil
        let kids = children[i] ?? []
        let num: String? = p.kind == .operative ? "\(p.label ?? "")." : p.label
        func text(_ m: inout Markup) {
            m.element("p") { m in
                m.text(p.text)
                for mark in p.footnotes { note(&m, mark, eId: ids[i], input: input, seen: &notesSeen) }
            }
        }
        m.block(element, ["eId": ids[i], "wId": wId]) { m in
            if let num {
                m.newline()
                m.element("num", text: num)
            }
            if element == "recital" || element == "item" {
                m.newline()
                text(&m)
                if !kids.isEmpty {
                    m.newline()
                    m.block("blockList", ["eId": ids[i] + "__list_1"]) { m in
                        for k in kids {
                            m.newline()
                            unit(&m, "item", k, input: input, ids: ids, children: children, notesSeen: &notesSeen)
                        }
                    }
                }
            } else if kids.isEmpty {
                m.newline()
                m.element("content") { m in text(&m) }
            } else {
                m.newline()
                m.element("intro") { m in text(&m) }
                for k in kids {
                    m.newline()
                    unit(&m, "subparagraph", k, input: input, ids: ids, children: children, notesSeen: &notesSeen)
                }
            }
        }
    }

    /// A footnote as an `authorialNote` at its mark; its `wId` (the footnote's clause id) is
    /// given to its first occurrence only, since a note referred to twice appears twice.
    private static func note(_ m: inout Markup, _ mark: String, eId: String, input: Input, seen: inout Set<String>) {
        let notes = input.resolution.footnotes
        guard let k = notes.firstIndex(where: { $0.mark == mark }) else { return }
        let wId = k < input.footnotes.count && seen.insert(mark).inserted ? wId(input.footnotes[k]) : nil
        m.element("authorialNote", [
            "marker": mark, "placement": "bottom", "eId": eId + "__note_" + (simple(mark) ?? String(k + 1)), "wId": wId,
        ]) { m in m.element("p", text: notes[k].text) }
    }

    private static func meta(_ m: inout Markup, _ input: Input, work: String, expression: String, date: String, ids: [String]) {
        let revision = input.revision
        m.newline()
        m.block("identification", ["source": "#lineage"]) { m in
            m.newline()
            m.block("FRBRWork") { m in
                leaf(&m, "FRBRthis", ["value": work + "/!main"])
                leaf(&m, "FRBRuri", ["value": work])
                leaf(&m, "FRBRalias", ["value": revision.symbol, "name": "symbol"])
                leaf(&m, "FRBRdate", ["date": date, "name": "adoption"])
                leaf(&m, "FRBRauthor", ["href": "#generalAssembly", "as": "#author"])
                leaf(&m, "FRBRcountry", ["value": "un"])
                leaf(&m, "FRBRsubtype", ["value": "deliberation"])
                leaf(&m, "FRBRnumber", ["value": revision.number, "showAs": revision.number])
                leaf(&m, "FRBRname", ["value": "resolution"])
                leaf(&m, "FRBRprescriptive", ["value": "false"])
                leaf(&m, "FRBRauthoritative", ["value": "true"])
            }
            m.newline()
            m.block("FRBRExpression") { m in
                leaf(&m, "FRBRthis", ["value": expression + "/!main"])
                leaf(&m, "FRBRuri", ["value": expression])
                leaf(&m, "FRBRdate", ["date": date, "name": "adoption"])
                leaf(&m, "FRBRauthor", ["href": "#generalAssembly", "as": "#author"])
                leaf(&m, "FRBRlanguage", ["language": "eng"])
            }
            m.newline()
            m.block("FRBRManifestation") { m in
                leaf(&m, "FRBRthis", ["value": expression + "/!main.xml"])
                leaf(&m, "FRBRuri", ["value": expression + ".akn"])
                leaf(&m, "FRBRdate", ["date": date, "name": "transformation"])
                leaf(&m, "FRBRauthor", ["href": "#lineage", "as": "#editor"])
                leaf(&m, "FRBRformat", ["value": "application/akn+xml"])
            }
        }
        m.newline()
        m.block("lifecycle", ["source": "#lineage"]) { m in
            leaf(&m, "eventRef", ["eId": "adoption", "date": date, "source": "#original", "type": "generation"])
        }
        // The draft and its sponsors, as the UN's own markup gives them (a `draftResolution`
        // step: `as` the draft's symbol, `by` the sponsors, "A, B and C").
        if revision.draft != nil || !revision.sponsors.isEmpty {
            m.newline()
            m.block("workflow", ["source": "#lineage"]) { m in
                leaf(&m, "step", [
                    "date": "0001-01-01", "outcome": "draftResolution", "as": revision.draft,
                    "by": sponsorList(revision.sponsors),
                ])
            }
        }
        let mods = modifications(input, ids: ids, expression: expression)
        if !mods.isEmpty || revision.vote != nil {
            m.newline()
            m.block("analysis", ["source": "#lineage"]) { m in
                if !mods.isEmpty { passive(&m, mods, expression: expression) }
                if let vote = revision.vote {
                    m.newline()
                    m.block("parliamentary") { m in
                        m.newline()
                        m.block("voting", ["outcome": vote.outcome]) { m in
                            for (count, refersTo) in [(vote.inFavour, "inFavour"), (vote.against, "against"), (vote.abstaining, "abstaining")] {
                                if let count { leaf(&m, "count", ["value": String(count), "refersTo": refersTo]) }
                            }
                        }
                    }
                }
            }
        }
        m.newline()
        m.block("references", ["source": "#lineage"]) { m in
            leaf(&m, "original", ["eId": "original", "href": expression, "showAs": revision.symbol])
            for parent in input.parents {
                leaf(&m, "passiveRef", ["eId": "parent_" + Escape.identifier(parent.number).replacingOccurrences(of: "-", with: "_"),
                                        "href": expressionURI(parent), "showAs": parent.symbol])
            }
            leaf(&m, "TLCOrganization", ["eId": "generalAssembly", "href": "/ontology/organization/un/generalAssembly", "showAs": "General Assembly"])
            leaf(&m, "TLCOrganization", ["eId": "lineage", "href": "/ontology/organization/lineage", "showAs": "lineage"])
            leaf(&m, "TLCRole", ["eId": "author", "href": "/ontology/role/author", "showAs": "Author"])
            leaf(&m, "TLCRole", ["eId": "editor", "href": "/ontology/role/editor", "showAs": "Editor"])
        }
    }

    /// The changes against the parent(s) as `passiveModifications`.
    private static func passive(_ m: inout Markup, _ mods: [Modification], expression: String) {
        m.newline()
        m.block("passiveModifications") { m in
            for (n, mod) in mods.enumerated() {
                m.newline()
                m.block("textualMod", ["type": mod.type, "eId": "pmod_\(n + 1)"]) { m in
                    leaf(&m, "source", ["href": expression + "/!main"])
                    for d in mod.destinations { leaf(&m, "destination", ["href": d]) }
                    if let previous = mod.previous { leaf(&m, "previous", ["href": previous]) }
                    for o in mod.old { leaf(&m, "old", ["href": o]) }
                    for n in mod.new { leaf(&m, "new", ["href": n]) }
                }
            }
        }
    }

    /// Sponsors as the UN's markup lists them in one attribute: "A, B and C"; `nil` for none.
    static func sponsorList(_ sponsors: [String]) -> String? {
        guard let last = sponsors.last else { return nil }
        return sponsors.count == 1 ? last : sponsors.dropLast().joined(separator: ", ") + " and " + last
    }

    private static func leaf(_ m: inout Markup, _ name: String, _ attributes: Markup.Attributes) {
        m.newline()
        m.empty(name, attributes)
    }

    /// One `textualMod`.
    struct Modification: Equatable {
        var type: String
        var destinations: [String]
        var previous: String?
        var old: [String]
        var new: [String]
    }

    /// The changes against the parent(s) as textual modifications. Hrefs into this revision are
    /// `#eId`; into a parent (for a merge, the one each old paragraph names), its expression's
    /// `/!main#eId`.
    static func modifications(_ input: Input, ids: [String], expression: String) -> [Modification] {
        guard let first = input.parents.first else { return [] }
        let parentIds = Dictionary(zip(input.parents, input.parentParagraphs).map { ($0.number, eIds($1)) }) { a, _ in a }
        let parentURI = Dictionary(input.parents.map { ($0.number, expressionURI($0) + "/!main#") }) { a, _ in a }
        func oldId(_ side: ClauseChange.Side) -> String {
            let known = parentIds[side.revision ?? first.number] ?? []
            return side.index < known.count ? known[side.index] : "p_\(side.index + 1)"
        }
        func oldHref(_ side: ClauseChange.Side) -> String { (parentURI[side.revision ?? first.number] ?? "#") + oldId(side) }
        var out: [Modification] = []
        for change in input.changes {
            let new = change.new.map { "#" + ids[$0.index] }
            let old = change.old.map(oldHref)
            let renumbered = change.old.map(oldId) != change.new.map { ids[$0.index] }
            let reworded = change.words.contains { $0.op != .equal }
            switch change.kind {
            case .inserted, .restored:
                out.append(Modification(type: "insertion", destinations: new, previous: nil, old: [], new: new))
            case .deleted:
                out.append(Modification(type: "repeal", destinations: old, previous: nil, old: old, new: []))
            case .split:
                out.append(Modification(type: "split", destinations: new, previous: nil, old: old, new: new))
            case .merged:
                out.append(Modification(type: "join", destinations: new, previous: nil, old: old, new: new))
            case .modified, .moved, .unchanged:
                if renumbered {
                    out.append(Modification(type: "renumbering", destinations: new, previous: old.first, old: [], new: []))
                }
                if reworded {
                    out.append(Modification(type: "substitution", destinations: new, previous: nil, old: old, new: new))
                }
            }
        }
        return out
    }

    private static func ordinal(_ n: Int) -> String { Ordinal.english(n) }
}
