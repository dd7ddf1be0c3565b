#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import ResolutionText

/// Reads the UN's Akoma Ntoso (AKN4UN) XML of a General Assembly resolution: the structure
/// from the markup, the metadata from the markup's metadata.
///
/// - **Body.** The preface gives the number (`<docNumber>76/19.</docNumber>`) and the title;
///   each `container` of the preamble (not the enacting formula) is a preambular paragraph;
///   each `paragraph` of the `mainBody` is an operative paragraph (its `num` the label; an
///   unnumbered one is still operative), except that a paragraph numbered `(a)` or `1.1` is a
///   sub-paragraph of the operative paragraph before it; a `point` of a `list` (or an `item` of
///   a `blockList`) is a sub-paragraph of the paragraph or point it sits in, so a point inside a
///   point has that point as parent. Headings (`heading`, `subheading`, `crossHeading`, a
///   paragraph styled `H1`, `H23`, `HCh` …) and tables are not paragraphs. Each `authorialNote`
///   is a footnote, tied to its paragraph by its `marker`. `attachments` are the annexes, kept
///   apart. A file holding several parts of one resolution (a `documentCollection`, parts A and
///   B) reads as one document, the parts in order, with the metadata of the first part.
/// - **Text.** Every run of text is cleaned as the text parser cleans it
///   (``PublishedText/clause(_:)``): the same resolution read from text and from Akoma Ntoso
///   gives the same canonical document.
/// - **Metadata.** Symbol (the cover page's `docNumber`), session, agenda item, the
///   committee's report (`docProponent`), the adoption date (the cover page's "Resolution
///   adopted by the General Assembly on …", else the work's adoption date, else the
///   conclusions'), the meeting (conclusions), the draft's symbol and sponsors (the
///   `workflow`'s `draftResolution` and `draftResolutionAdditionalSponsors` steps), the vote
///   (`voting`: its outcome as written, each `count`, each Member State under it).
///
/// The XML is streamed (Foundation's `XMLParser`, SAX-style); nothing but the resolution
/// itself is kept.
///
/// - Complexity: O(n) in the size of the file.
public enum AkomaNtosoReader {
    /// Reads `bytes` (an `akomaNtoso` document); the error says why not.
    public static func read(_ bytes: [UInt8]) throws(ParseError) -> Resolution {
        let handler = AkomaNtosoHandler()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = handler
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        // The position is right only when the delegate hears of the error (after `parse()`
        // returns, the parser reports where its input ended), and a document that ends early is
        // reported to the delegate only.
        if let error = handler.xmlError {
            throw ParseError(
                .unsupportedFormat,
                "damaged Akoma Ntoso XML: the XML parser stops at line \(error.line), column \(error.column): \(describe(error.code))")
        }
        if !parsed {
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw ParseError(.unsupportedFormat, "damaged Akoma Ntoso XML: \(describe(code))")
        }
        return try handler.resolution()
    }

    /// The XML parser's error code (libxml2's `xmlParserErrors`, which `XMLParser` passes on) in words.
    private static func describe(_ code: Int) -> String {
        switch code {
        case 4: return "the document is empty"
        case 5, 77: return "the document ends before its elements are closed (the file is cut off)"
        case 9: return "an invalid character"
        case 26: return "an undeclared entity"
        case 39, 40, 41: return "a damaged attribute"
        case 73: return "a tag is not closed"
        case 76: return "a closing tag does not match the element it closes"
        default: return "XML error \(code)"
        }
    }
}

/// The SAX state of ``AkomaNtosoReader``: a stack of open elements, each knowing where its
/// text goes.
final class AkomaNtosoHandler: NSObject, XMLParserDelegate {
    /// Where the characters of an element go.
    enum Sink: Hashable {
        case none, ignore
        case unit(Int), label(Int), footnote(Int), sup(Int), prefaceNumber(Int)
        case title, symbol, session, agenda, proponent, originating, coverTitle, meeting, voter, annex
    }

    struct Frame {
        var name: String
        var sink: Sink
        /// The paragraph this element opened (a container, paragraph, point, item).
        var opens: Int?
    }

    /// A paragraph as read: raw text, to be cleaned at the end.
    struct Unit {
        var kind: Paragraph.Kind
        var raw = ""
        var labelRaw = ""
        var marks: [String] = []
        var inMainBody: Bool
        var structuralParent: Int?
    }

    private var frames: [Frame] = []
    private var units: [Unit] = []
    private var notes: [(mark: String, raw: String)] = []
    private var buffers: [Sink: String] = [:]
    /// The preface's `docNumber`s: the resolution number ("76/19."), and in lineage's own
    /// export the symbol before it.
    private var prefaceNumbers: [String] = []

    private var metaDepth = 0, coverDepth = 0, prefaceDepth = 0, preambleDepth = 0
    private var mainBodyDepth = 0, conclusionsDepth = 0, attachmentsDepth = 0
    private var prefaceDone = false, coverDone = false, conclusionsDone = false
    private var workflowDone = false, votingDone = false
    private var inWorkflow = false, inVoting = false

    private var frbrAdoption: CivilDate?
    /// The expression's language (`FRBRlanguage`), e.g. `eng`.
    private var language: String?
    private var conclusionsDate: CivilDate?
    private var sessionValue: Int?
    /// The meeting's ordinal as the markup's `title` gives it ("45th").
    private var meetingOrdinal: String?
    private var draft: String?
    private var sponsors: [String] = []
    private var additionalSponsors: [String] = []
    private var votingOutcome: String?
    private var counts: [Vote.Ballot.Choice: Int] = [:]
    private var countChoice: Vote.Ballot.Choice?
    private var ballots: [Vote.Ballot] = []
    private var annexes: [Annex] = []
    private var annexBlockIsHeading = false
    private var annexLabel = ""

    /// The first error the XML parser reported, where it stopped.
    private(set) var xmlError: (line: Int, column: Int, code: Int)?

    // MARK: - XMLParserDelegate

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if xmlError == nil { xmlError = (parser.lineNumber, parser.columnNumber, (parseError as NSError).code) }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        let name = Self.localName(elementName)
        let inherited = frames.last?.sink ?? .none
        var frame = Frame(name: name, sink: inherited, opens: nil)
        defer { frames.append(frame) }

        switch name {
        case "meta": metaDepth += 1
        case "coverPage": coverDepth += 1
        case "preface": prefaceDepth += 1
        case "preamble": preambleDepth += 1
        case "mainBody": mainBodyDepth += 1
        case "conclusions": conclusionsDepth += 1
        case "attachments": attachmentsDepth += 1
        default: break
        }
        if inherited == .ignore { return }
        if attachmentsDepth > 0 {
            startAnnex(name, attributes, &frame)
            return
        }
        if metaDepth > 0 {
            startMeta(name, attributes, &frame)
            return
        }
        if coverDepth > 0, !coverDone {
            switch name {
            case "docNumber" where attributes["refersTo"] == "#symbol": frame.sink = .symbol
            case "session":
                if sessionValue == nil, let v = attributes["value"].flatMap({ Int($0) }) { sessionValue = v }
                frame.sink = .session
            case "inline" where attributes["name"] == "agenda item": frame.sink = .agenda
            case "docTitle": frame.sink = .coverTitle
            case "docProponent": frame.sink = .proponent
            case "inline" where attributes["name"] == "originating document" && inherited == .proponent:
                frame.sink = .originating
            default: break
            }
            return
        }
        if prefaceDepth > 0 {
            guard !prefaceDone else {
                frame.sink = .ignore
                return
            }
            switch name {
            case "docNumber":
                prefaceNumbers.append("")
                frame.sink = .prefaceNumber(prefaceNumbers.count - 1)
            case "docTitle": frame.sink = .title
            // lineage's own export keeps the cover page's fields in its preface.
            case "session":
                if sessionValue == nil, let v = attributes["value"].flatMap({ Int($0) }) { sessionValue = v }
            case "p" where attributes["class"] == "agendaItem": frame.sink = .agenda
            case "p" where attributes["class"] == "committeeReport": frame.sink = .proponent
            case "authorialNote": openNote(attributes, &frame, in: .none)
            case "eol", "br": append(" ", to: frame.sink)
            default: break
            }
            return
        }
        if conclusionsDepth > 0 {
            guard !conclusionsDone else { return }
            switch name {
            case "p" where frames.last?.name == "conclusions" && buffers[.meeting] == nil:
                // The meeting line: its date follows ("45th plenary meeting 6 December 2021").
                frame.sink = .meeting
            case "inline" where attributes["name"] == "adoptionMeeting", "location" where attributes["refersTo"] == "#adoptionMeeting":
                frame.sink = .meeting
                if meetingOrdinal == nil { meetingOrdinal = attributes["title"] }
            case "docDate":
                if conclusionsDate == nil, let d = attributes["date"].flatMap(CivilDate.init(iso:)) { conclusionsDate = d }
            default: break
            }
            return
        }
        if preambleDepth > 0 || mainBodyDepth > 0 {
            startBody(name, attributes, &frame, inherited: inherited)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let frame = frames.popLast() else { return }
        let name = frame.name
        endElement(name, frame)
        switch name {
        case "meta": metaDepth -= 1
        case "coverPage":
            coverDepth -= 1
            coverDone = true
        case "preface":
            prefaceDepth -= 1
            prefaceDone = true
        case "preamble": preambleDepth -= 1
        case "mainBody": mainBodyDepth -= 1
        case "conclusions":
            conclusionsDepth -= 1
            conclusionsDone = true
        case "attachments": attachmentsDepth -= 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let sink = frames.last?.sink else { return }
        append(string, to: sink)
    }

    // MARK: - Parts of the document

    private func startMeta(_ name: String, _ attributes: [String: String], _ frame: inout Frame) {
        switch name {
        case "FRBRlanguage":
            if language == nil, let code = attributes["language"], !code.isEmpty { language = code.lowercased() }
        case "FRBRdate" where attributes["name"] == "adoption":
            if frbrAdoption == nil { frbrAdoption = attributes["date"].flatMap(CivilDate.init(iso:)) }
        case "workflow":
            inWorkflow = !workflowDone
        case "step" where inWorkflow:
            let by = attributes["by"] ?? ""
            switch attributes["outcome"] {
            case "draftResolution":
                if draft == nil { draft = Self.draftSymbol(attributes["as"] ?? "") }
                sponsors += Sponsors.split(by)
            case "draftResolutionAdditionalSponsors":
                additionalSponsors += Sponsors.split(by)
            default: break
            }
        case "voting":
            inVoting = !votingDone
            if inVoting { votingOutcome = attributes["outcome"].map(Self.collapse) }
        case "count" where inVoting:
            countChoice = attributes["refersTo"].flatMap { Vote.Ballot.Choice(rawValue: $0.hasPrefix("#") ? String($0.dropFirst()) : $0) }
            if let choice = countChoice, let value = attributes["value"].flatMap({ Int($0) }) { counts[choice] = value }
        case "organization" where inVoting && countChoice != nil:
            frame.sink = .voter
        default: break
        }
    }

    private func startBody(_ name: String, _ attributes: [String: String], _ frame: inout Frame, inherited: Sink) {
        let enclosing = frames.last(where: { $0.opens != nil })?.opens
        switch name {
        case "formula", "heading", "subheading", "crossHeading", "table", "decoration":
            frame.sink = .ignore
        case "container" where preambleDepth > 0 && mainBodyDepth == 0:
            if attributes["name"] == "table" {
                frame.sink = .ignore
            } else {
                frame.opens = open(Unit(kind: .preambular, inMainBody: false, structuralParent: nil))
                frame.sink = .unit(frame.opens!)
            }
        case "container":
            frame.sink = attributes["name"] == "table" ? .ignore : inherited
        case "paragraph" where mainBodyDepth > 0:
            if let style = attributes["class"], Self.isHeadingStyle(style) {
                frame.sink = .ignore
            } else {
                frame.opens = open(Unit(kind: .operative, inMainBody: true, structuralParent: nil))
                frame.sink = .unit(frame.opens!)
            }
        case "recital" where preambleDepth > 0 && mainBodyDepth == 0:
            frame.opens = open(Unit(kind: .preambular, inMainBody: false, structuralParent: nil))
            frame.sink = .unit(frame.opens!)
        case "point", "item", "subparagraph":
            frame.opens = open(Unit(kind: .subparagraph, inMainBody: mainBodyDepth > 0, structuralParent: enclosing))
            frame.sink = .unit(frame.opens!)
        case "num":
            if let owner = frames.last?.opens { frame.sink = .label(owner) } else { frame.sink = .ignore }
        case "authorialNote":
            openNote(attributes, &frame, in: inherited)
        case "eol", "br":
            append(" ", to: inherited)
        case "sup":
            if case .unit(let i) = inherited { frame.sink = .sup(i) }
        case "p":
            // A new block of the same paragraph: separated by a space.
            if case .unit(let i) = inherited, !units[i].raw.isEmpty { units[i].raw += " " }
        default: break
        }
    }

    private func openNote(_ attributes: [String: String], _ frame: inout Frame, in sink: Sink) {
        let mark = Self.collapse(attributes["marker"] ?? "")
        guard !mark.isEmpty else {
            frame.sink = .ignore
            return
        }
        notes.append((mark, ""))
        frame.sink = .footnote(notes.count - 1)
        if case .unit(let i) = sink, !units[i].marks.contains(mark) { units[i].marks.append(mark) }
    }

    private func startAnnex(_ name: String, _ attributes: [String: String], _ frame: inout Frame) {
        switch name {
        case "attachment":
            annexes.append(Annex(heading: ""))
        case "meta", "authorialNote", "table":
            frame.sink = .ignore
        case "heading", "subheading", "crossHeading":
            annexBlockIsHeading = true
            frame.sink = .annex
        case "paragraph", "point":
            annexLabel = ""
            if let style = attributes["class"], Self.isHeadingStyle(style) { annexBlockIsHeading = true }
        case "num":
            frame.sink = .label(-1)
        case "p":
            frame.sink = .annex
        case "eol", "br":
            append(" ", to: frame.sink)
        default: break
        }
    }

    private func endElement(_ name: String, _ frame: Frame) {
        if name == "sup", case .sup(let i) = frame.sink {
            // A superscript number is a footnote mark (a second reference to a note, or a
            // note the markup lost); anything else ("st" of "1st") is text.
            let content = buffers.removeValue(forKey: frame.sink) ?? ""
            let marks = content.split(whereSeparator: { $0 == "," || $0.isWhitespace })
            if !marks.isEmpty, marks.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
                for m in marks where !units[i].marks.contains(String(m)) { units[i].marks.append(String(m)) }
            } else {
                units[i].raw += content
            }
            return
        }
        if metaDepth > 0, attachmentsDepth == 0 {
            switch name {
            case "workflow" where inWorkflow:
                inWorkflow = false
                workflowDone = true
            case "voting" where inVoting:
                inVoting = false
                votingDone = true
            case "count": countChoice = nil
            case "organization" where frame.sink == .voter:
                let state = Self.collapse(buffers.removeValue(forKey: .voter) ?? "")
                if let choice = countChoice, !state.isEmpty { ballots.append(Vote.Ballot(state: state, choice: choice)) }
            default: break
            }
            return
        }
        if attachmentsDepth > 0 {
            switch name {
            case "p", "heading", "subheading", "crossHeading":
                // A block of the annex itself (not a note's paragraph inside it) ends here.
                if frame.sink == .annex { flushAnnexBlock() }
            case "num" where frame.sink == .label(-1):
                annexLabel = Self.collapse(buffers.removeValue(forKey: .label(-1)) ?? "")
            case "paragraph", "point":
                annexBlockIsHeading = false
                annexLabel = ""
            default: break
            }
        }
    }

    private func flushAnnexBlock() {
        let text = PublishedText.clause(buffers.removeValue(forKey: .annex) ?? "")
        guard !text.isEmpty, !annexes.isEmpty else { return }
        let block = annexLabel.isEmpty ? text : annexLabel + " " + text
        annexLabel = ""
        var annex = annexes[annexes.count - 1]
        if annex.heading.isEmpty, annex.paragraphs.isEmpty, text.hasPrefix("Annex") || text.hasPrefix("ANNEX") {
            annex.heading = text
        } else if annexBlockIsHeading, annex.title == nil, annex.paragraphs.isEmpty {
            annex.title = text
        } else {
            annex.paragraphs.append(block)
        }
        annexes[annexes.count - 1] = annex
    }

    private func open(_ unit: Unit) -> Int {
        units.append(unit)
        return units.count - 1
    }

    private func append(_ s: String, to sink: Sink) {
        switch sink {
        case .none, .ignore: return
        case .unit(let i): units[i].raw += s
        case .label(let i) where i >= 0: units[i].labelRaw += s
        case .footnote(let i): notes[i].raw += s
        case .prefaceNumber(let i): prefaceNumbers[i] += s
        default: buffers[sink, default: ""] += s
        }
    }

    // MARK: - The result

    func resolution() throws(ParseError) -> Resolution {
        let numbers = prefaceNumbers.map(Self.collapse)
        guard let rawNumber = numbers.first(where: { PublishedText.resolutionNumber($0 + " X") != nil }) ?? numbers.first(where: { !$0.hasPrefix("A/") && !$0.isEmpty }) else {
            throw ParseError(.notAResolution, "not a resolution: the Akoma Ntoso document has no resolution number (the preface's docNumber, such as '76/19.')")
        }
        let symbol = buffers[.symbol].map(Self.collapse).flatMap { $0.isEmpty ? nil : $0 } ?? numbers.first { $0.hasPrefix("A/RES/") }
        var number = PublishedText.resolutionNumber(rawNumber + " X") ?? String(rawNumber.trimmingSuffix("."))
        // Parts published apart ("A/RES/74/232 B"): the part letter is in the symbol.
        if let symbol, !number.contains(" "), symbol.hasPrefix("A/RES/" + number + " ") {
            let part = symbol.dropFirst(("A/RES/" + number + " ").count)
            if part.count == 1, part.first!.isUppercase { number += " " + part }
        }
        let title = PublishedText.clause(buffers[.title] ?? "")
        let cover = buffers[.coverTitle].map(Self.collapse) ?? ""
        let meetingText = Self.collapse(buffers[.meeting] ?? "")
        let meeting = PublishedText.plenaryMeeting(meetingText)

        let paragraphs = assembleParagraphs()
        var footnotes: [Footnote] = []
        var seen: Set<String> = []
        for note in notes where !seen.contains(note.mark) {
            seen.insert(note.mark)
            footnotes.append(Footnote(mark: note.mark, text: PublishedText.clause(note.raw)))
        }
        guard paragraphs.contains(where: { $0.kind == .operative }) else {
            throw ParseError(
                .cutOff,
                "cut off: the Akoma Ntoso document has no operative paragraphs (no paragraph in its mainBody) after \(paragraphs.count) preambular paragraph(s)")
        }
        var vote: Vote?
        if let outcome = votingOutcome, !outcome.isEmpty {
            vote = Vote(
                outcome: outcome, inFavour: counts[.inFavour], against: counts[.against],
                abstaining: counts[.abstaining], ballots: ballots)
        }
        let sessionText = Self.collapse(buffers[.session] ?? "")
        var resolution = Resolution(
            symbol: symbol ?? "A/RES/" + number,
            number: number,
            session: sessionValue ?? PublishedText.session(in: sessionText) ?? Int(number.prefix { $0 != "/" }),
            title: title.isEmpty ? nil : title,
            adopted: PublishedText.adoptionDate(in: cover) ?? frbrAdoption ?? conclusionsDate ?? meeting?.date,
            meeting: meeting?.meeting ?? meetingOrdinal.flatMap { Int($0.prefix(while: \.isNumber)) },
            agendaItem: PublishedText.agendaItem(in: Self.collapse(buffers[.agenda] ?? "")),
            committeeReport: committeeReport(),
            draft: draft,
            sponsors: sponsors + additionalSponsors,
            vote: vote,
            paragraphs: paragraphs,
            footnotes: footnotes,
            annexes: annexes.filter { !$0.heading.isEmpty || $0.title != nil || !$0.paragraphs.isEmpty }
                .map { var a = $0; if a.heading.isEmpty { a.heading = "Annex" }; return a }
        )
        resolution.language = language
        return resolution
    }

    /// The report in "[on the report of the Fourth Committee (<inline name="originating
    /// document">A/76/411, para. 8</inline>)]": the originating document's symbol when the
    /// proponent is a committee's report ("without reference to a Main Committee (A/74/L.7)"
    /// names the draft, not a report).
    private func committeeReport() -> String? {
        let proponent = Self.collapse((buffers[.proponent] ?? "") + " " + (buffers[.originating] ?? ""))
        guard proponent.range(of: "on the report of", options: .caseInsensitive) != nil else { return nil }
        if let originating = buffers[.originating] {
            let symbol = Self.collapse(originating).prefix { !$0.isWhitespace && $0 != "," && $0 != ")" }
            if symbol.hasPrefix("A/"), symbol.count > 3 { return String(symbol) }
        }
        return PublishedText.committeeReport(in: proponent)
    }

    /// Turns the units into paragraphs: labels read, kinds decided, empty units (headings)
    /// dropped, parents mapped to the kept paragraphs.
    ///
    /// - Complexity: O(n) in the number and length of the paragraphs.
    private func assembleParagraphs() -> [Paragraph] {
        var out: [Paragraph] = []
        var indexOf: [Int: Int] = [:]
        var lastTop: Int?  // the out-index of the latest preambular or operative paragraph
        for (u, unit) in units.enumerated() {
            var text = PublishedText.clause(Self.withoutDirectionMarks(unit.raw))
            var label = Self.label(Self.withoutDirectionMarks(unit.labelRaw))
            if label == nil, unit.kind != .preambular, let (found, rest) = Self.leadingLabel(text) {
                // The markup left the number in the text: "(a) To develop …".
                label = found
                text = rest
            }
            guard !text.isEmpty || !unit.marks.isEmpty else { continue }
            if label == nil, unit.inMainBody, unit.kind == .operative, let previous = out.indices.last {
                if let first = text.first, first.isLowercase {
                    // A paragraph that goes on after a quotation or a list: the text parser's rule.
                    out[previous].text += " " + text
                    for m in unit.marks where !out[previous].footnotes.contains(m) { out[previous].footnotes.append(m) }
                    indexOf[u] = previous
                    continue
                }
                if Self.isHeading(text) { continue }
            }
            var kind = unit.kind
            var parent: Int?
            if kind == .subparagraph {
                var p = unit.structuralParent
                while let q = p, indexOf[q] == nil { p = units[q].structuralParent }
                parent = p.flatMap { indexOf[$0] } ?? lastTop
                if parent == nil { kind = unit.inMainBody ? .operative : .preambular }
            } else if kind == .operative, let label, Self.isSubLabel(label), let top = lastTop {
                kind = .subparagraph
                parent = top
            }
            let index = out.count
            out.append(Paragraph(
                index: index, kind: kind, label: kind == .preambular ? nil : label, parent: parent,
                text: text, footnotes: unit.marks))
            indexOf[u] = index
            if kind != .subparagraph { lastTop = index }
        }
        return out
    }

    // MARK: - Helpers

    /// Without left-to-right and right-to-left marks (U+200E, U+200F), which word processors
    /// leave around numbers and a printed page does not show.
    static func withoutDirectionMarks(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value == 0x200E || $0.value == 0x200F }) else { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s.unicodeScalars.filter { $0.value != 0x200E && $0.value != 0x200F })
        return String(out)
    }

    /// The longest text an unnumbered, unpunctuated operative-part paragraph may have and be read
    /// as a heading ("Programme budget", "A. Pension Board secretariat").
    static let headingLength = 150

    /// A heading set as an ordinary paragraph: short, and not ending as a clause ends.
    static func isHeading(_ text: String) -> Bool {
        guard text.count <= headingLength else { return false }
        var last = text.last
        var rest = Substring(text)
        while let c = last, c == "\"" || c == "'" || c == ")" || c == "]" {
            rest = rest.dropLast()
            last = rest.last
        }
        guard let end = last else { return true }
        return !".;:,!?".contains(end)
    }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// White space collapsed to single spaces, trimmed.
    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The paragraph styles of headings: `H1`, `H23`, `H4`, `HCh`.
    static func isHeadingStyle(_ style: String) -> Bool {
        style.count >= 2 && style.first == "H" && (style.dropFirst().first?.isNumber == true || style == "HCh")
    }

    /// A label as the text parser writes it: `1` for "1.", `(a)` as printed, `1.1` for "1.1".
    static func label(_ raw: String) -> String? {
        var s = collapse(raw)
        while s.hasSuffix(".") { s.removeLast() }
        return s.isEmpty ? nil : s
    }

    /// A label printed at the start of the text (`(a) `, `(iv) `, `12. `) and the text after it.
    static func leadingLabel(_ text: String) -> (label: String, rest: String)? {
        let chars = Array(text.prefix(12))
        var end: Int?
        var label = ""
        if chars.first == "(" {
            var j = 1
            while j < chars.count, j <= 5, chars[j].isASCII, chars[j].isLowercase || chars[j].isNumber { j += 1 }
            if j > 1, j < chars.count, chars[j] == ")" {
                end = j + 1
                label = String(chars[0...j])
            }
        } else {
            var j = 0
            while j < chars.count, j < 3, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j > 0, j < chars.count, chars[j] == ".", chars[0] != "0" {
                end = j + 1
                label = String(chars[0..<j])
            }
        }
        guard let end, end < chars.count, chars[end] == " " else { return nil }
        return (label, String(text.dropFirst(end + 1)))
    }

    /// `(a)`, `(iv)`, `(aa)`, `1.1`: the label of a sub-paragraph, not of an operative paragraph.
    static func isSubLabel(_ label: String) -> Bool {
        if label.hasPrefix("(") { return true }
        let parts = label.split(separator: ".")
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// The draft's symbol: the first word of the step's `as` ("A/75/L.101 (as amended in …)"
    /// gives `A/75/L.101`); `nil` when empty.
    static func draftSymbol(_ raw: String) -> String? {
        let s = collapse(raw)
        guard !s.isEmpty else { return nil }
        var symbol = s.prefix { !$0.isWhitespace && $0 != "," && $0 != "(" }
        while symbol.last == "." || symbol.last == ";" { symbol.removeLast() }
        return symbol.isEmpty ? s : String(symbol)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : Substring(self)
    }
}
