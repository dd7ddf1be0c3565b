/// Reads a General Assembly resolution from text in any of the formats lineage meets: plain
/// text, PDF extracts (hard wraps, page heads, footnote blocks in mid-text), Markdown,
/// word-processor exports (tabs, trailing job furniture).
///
/// The text is split into lines once; then:
/// 1. the **heading** `69/28. Title` is found (required: without it the text is not a
///    resolution); the title runs on until a blank line or "The General Assembly,";
/// 2. the **body** starts after "The General Assembly," (required unless a General Assembly
///    header precedes the heading; a part letter `B` after the title names the part) and runs
///    to the closing lines: the plenary meeting line ("62nd plenary meeting", its date on the
///    same or the next line) or, without a meeting (the silence procedure), the date alone
///    after a full stop; or to an annex heading. The lines after the closing lines hold only
///    footnotes and furniture, up to an annex heading (the annexes are read apart) or the next
///    part of the resolution;
/// 3. ``BodyParser`` reads paragraphs and footnotes;
/// 4. the **metadata** is read from the header above the heading (session, agenda item,
///    committee report, "Resolution adopted by the General Assembly on …"), from the meeting
///    line (meeting and, failing the header, the adoption date) and from the furniture after it
///    (where word-processor exports keep the session and agenda item). The "Distr.: General"
///    date is never used;
/// 5. the result is checked for truncation: no operative part (a single unnumbered operative
///    paragraph counts, see ``OperativePart``), a last paragraph that does not end with a full
///    stop, a footnote referenced but missing, and, without closing lines, the signs of missing
///    pages (``Completeness``).
///
/// A field the text does not print is `nil`. The symbol is `A/RES/` + the number, and the
/// session, when not printed ("Sixty-ninth session"), is the number's first part: UN
/// conventions, not guesses.
///
/// Every step is linear in the size of the text (the running-head search is bounded per
/// anchor line), so a 15 KB resolution parses in well under a millisecond in a release build.
public enum ResolutionParser {
    /// Reads a resolution from decoded text (see ``SourceText/decode(_:)``).
    ///
    /// `whole`: the source vouches that the text is the whole document (a PDF whose page
    /// markers are all there, a Word or OpenDocument package), so a published resolution's
    /// header without closing lines is no sign of a cut on its own (61/54 prints none); every
    /// other sign still is.
    public static func parse(_ text: String, whole: Bool = false) throws(ParseError) -> Resolution {
        var lines = SourceLines.split(text)
        guard lines.contains(where: { !$0.isBlank }) else {
            throw text.isEmpty ? .emptyFile : .whitespaceOnly
        }

        // 1. The heading and the title.
        var found: (line: Int, number: String, titleStart: Int)?
        for (i, line) in lines.enumerated() where !line.isBlank {
            if let (n, start) = Metadata.heading(line.text) {
                found = (i, n, start)
                break
            }
        }
        guard let (headingLine, headingNumber, titleStart) = found else {
            let header = lines.prefix(40).map { $0.text.undecorated() }
            let looksLikeHeader = header.contains { $0.hasPrefix("Resolution adopted by the General Assembly") }
            throw .notAResolution(
                "no resolution number such as '69/28.' heading was found"
                    + (looksLikeHeader ? " (the text has a resolution header: is it cut off before the heading?)" : ""))
        }

        var number = headingNumber
        let hyphenation = Hyphenation(source: { [lines] in lines[headingLine...].compactMap { $0.isBlank ? nil : $0.text } })
        var titleLines: [Scalars] = []
        let firstTitleLine = Scalars(lines[headingLine].text[titleStart...])
        var k = headingLine + 1
        if firstTitleLine.isEmpty {
            while k < lines.count, lines[k].isBlank { k += 1 }
        } else {
            titleLines.append(firstTitleLine)
        }
        while k < lines.count, !lines[k].isBlank, !Metadata.isAssemblyLine(lines[k].text),
            !Furniture.isFurniture(lines[k].text), Metadata.plenaryMeeting(lines[k].text) == nil,
            Metadata.partHeading(lines[k].text) == nil
        {
            titleLines.append(lines[k].text)
            k += 1
        }
        let titleText = TextNormalizer.droppingMarks(TextNormalizer.clean(TextNormalizer.join(titleLines, hyphenation: hyphenation))).string
        let title: String? = titleText.isEmpty ? nil : titleText

        // 2. The body: after "The General Assembly," (looked for until the first numbered
        // paragraph), up to the plenary meeting line.
        var assemblyLine: Int?
        var headingMarks: [String] = []
        for i in k..<lines.count where !lines[i].isBlank {
            if let (letter, mark) = Metadata.partHeading(lines[i].text), assemblyLine == nil, !number.contains(" ") {
                // "74/232. Title" then "B1": part B of resolution 74/232 (footnote 1 says so).
                number += " " + letter
                if let mark { headingMarks.append(mark) }
                continue
            }
            if Metadata.isAssemblyLine(lines[i].text) {
                assemblyLine = i
                break
            }
            if let rest = Metadata.afterAssemblyWords(lines[i].text) {
                // "The General Assembly, Recalling …" on one line: the rest is the first paragraph.
                lines[i].text = rest
                assemblyLine = i - 1
                break
            }
            let t = lines[i].text
            if let (_, e) = t.digits(at: 0, maxDigits: 3), e < t.count, t[e] == ".", e + 1 == t.count || t[e + 1].isSpaceLike {
                break  // the operative part has begun
            }
        }
        let bodyStart = assemblyLine.map { $0 + 1 } ?? k

        // The body ends at the closing lines: the plenary meeting line ("62nd plenary meeting",
        // its date on the same or the next line) or, for a resolution adopted without a meeting
        // (the silence procedure of 2020), its date alone on a line after a full stop; or at an
        // annex heading. The tail after the closing lines (footnotes, furniture) ends at an
        // annex heading or at the next part ("B", then "The General Assembly,").
        var bodyEnd = lines.count
        var tailStart = lines.count
        var tailEnd = lines.count
        var meeting: Int?
        var meetingDate: CivilDate?
        var closed = false
        var previousContent: Scalars?
        for i in bodyStart..<lines.count where !lines[i].isBlank {
            let t = lines[i].text
            if Metadata.isAnnexHeading(t) {
                bodyEnd = i
                tailStart = i
                break
            }
            if let d = Dates.whole(t), let previous = previousContent, endsWithFullStop(line: previous) {
                bodyEnd = i
                tailStart = i + 1
                meetingDate = d
                closed = true
                // The meeting line may follow its date.
                var j = i + 1
                while j < lines.count, j <= i + 2, lines[j].isBlank { j += 1 }
                if j < lines.count, let (m, _) = Metadata.plenaryMeeting(lines[j].text) {
                    meeting = m
                    tailStart = j + 1
                }
                break
            }
            if !Furniture.isFurniture(t) { previousContent = t }
            guard let (m, date) = Metadata.plenaryMeeting(t) else { continue }
            bodyEnd = i
            tailStart = i + 1
            meeting = m
            meetingDate = date
            closed = true
            if date == nil {
                var j = i + 1
                while j < lines.count, j <= i + 2, lines[j].isBlank { j += 1 }
                if j < lines.count, let d = Dates.whole(lines[j].text) {
                    meetingDate = d
                    tailStart = j + 1
                }
            }
            break
        }
        tailEnd = max(tailStart, bodyEnd)
        var annexStart: Int?
        for i in tailEnd..<lines.count where !lines[i].isBlank {
            if Metadata.isAnnexHeading(lines[i].text) {
                annexStart = i
                break
            }
            if Metadata.partHeading(lines[i].text) != nil,
                lines[(i + 1)...].prefix(12).contains(where: { Metadata.isAssemblyLine($0.text) })
            {
                break
            }
            tailEnd = i + 1
        }

        // 3. Paragraphs and footnotes.
        var out = BodyParser(
            lines: lines, body: bodyStart..<bodyEnd, tail: tailStart..<max(tailStart, tailEnd), title: title,
            hyphenation: hyphenation, headingMarks: headingMarks
        ).parse()
        OperativePart.markUnnumbered(&out.paragraphs)
        let annexes = annexStart.map { Annexes.read(lines, from: $0, title: title, hyphenation: hyphenation) } ?? []

        // 4. Metadata from the header, the meeting line and the furniture after it.
        let header = joinedPlain(lines[0..<headingLine].map(\.text))
        let furniture = joinedPlain(out.tailFurniture.map { lines[$0].text })
        let sessionFromNumber = Int(number.prefix { $0 != "/" })
        let resolution = Resolution(
            symbol: "A/RES/" + number,
            number: number,
            session: Metadata.session(in: header) ?? Metadata.session(in: furniture) ?? sessionFromNumber,
            title: title,
            adopted: Metadata.adoptionDate(in: header) ?? meetingDate,
            meeting: meeting,
            agendaItem: Metadata.agendaItem(in: header) ?? Metadata.agendaItem(in: furniture),
            committeeReport: Metadata.committeeReport(in: header),
            draft: Metadata.draft(in: header),
            paragraphs: out.paragraphs,
            footnotes: out.footnotes,
            annexes: annexes
        )

        // 5. Completeness.
        let addresses = ClauseAddress.addresses(for: out.paragraphs)
        if assemblyLine == nil {
            if lines[k...].allSatisfy({ $0.isBlank || Furniture.isFurniture($0.text) }) {
                throw .cutOff("the text ends after the heading '\(number).'")
            }
            // Without "The General Assembly," only a General Assembly header vouches for the text.
            if !header.contains("General Assembly") {
                throw .notAResolution(
                    "the heading '\(number).' is not followed by \"The General Assembly,\" and no General Assembly header precedes it")
            }
        }
        guard out.paragraphs.contains(where: { $0.kind == .operative }) else {
            throw .cutOff(
                "no operative paragraphs (numbered '1.', '2.', …) were found after the "
                    + "\(out.paragraphs.count) preambular paragraph(s): the operative part is missing")
        }
        if let last = out.paragraphs.last, !endsWithFullStop(last.text) {
            let excerpt = last.text.count > 40 ? "…" + last.text.suffix(40) : last.text
            throw .cutOff("the last paragraph (\(addresses[last.index])) ends with \"\(excerpt)\" instead of a full stop")
        }
        if let (mark, index) = out.missingFootnotes.first {
            throw .cutOff("footnote \(mark) is referenced in \(addresses[index]) but its text is missing")
        }
        if let (mark, context, index) = out.suspectedMissingFootnote {
            throw .cutOff("\(addresses[index]) refers to footnote \(mark) (\"\(context)\") but no footnote \(mark) was found")
        }
        if !closed, let last = out.paragraphs.last {
            try Completeness.checkUnclosed(
                lines: lines, header: header, paragraphs: out.paragraphs, last: addresses[last.index], whole: whole)
        }
        return resolution
    }

    /// Reads a resolution from the bytes of a file: ``SourceText/decode(_:)`` then
    /// ``parse(_:)``.
    public static func parse(bytes: [UInt8]) throws(ParseError) -> Resolution {
        try parse(SourceText.decode(bytes))
    }

    /// The final paragraph ends with a full stop (possibly inside closing quotes or brackets), or
    /// with the question mark of a quoted question (a request for an advisory opinion).
    static func endsWithFullStop(_ text: String) -> Bool {
        var s = Scalars(scalarsOf: text.suffix(8))
        while let last = s.last, last == "\"" || last == "'" || last == ")" || last == "]" { s.removeLast() }
        return s.last == "." || s.last == "!" || s.last == "?"
    }

    /// A line ends with a full stop, after any footnote mark glued to it (`matter.2`, `matter.²`)
    /// and closing quotes or brackets.
    static func endsWithFullStop(line: Scalars) -> Bool {
        var e = line.count
        while e > 0, line[e - 1].isSpaceLike || line[e - 1] == "*" || line[e - 1].superscriptDigit != nil { e -= 1 }
        var d = e
        while d > 0, line[d - 1].isASCIIDigit { d -= 1 }
        if e - d <= 3, d > 0, d < e, line[d - 1] == "." { e = d }
        while e > 0, line[e - 1] == "\u{201D}" || line[e - 1] == "\u{2019}" { e -= 1 }
        return endsWithFullStop(line.string(0..<e))
    }

    /// Non-blank lines without decoration, joined with single spaces.
    private static func joinedPlain(_ lines: [Scalars]) -> Scalars {
        var out = Scalars()
        for line in lines where !line.isEmpty {
            if !out.isEmpty { out.append(" ") }
            out += line.undecorated()
        }
        return out
    }
}
