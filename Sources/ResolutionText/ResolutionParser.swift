/// Reads a General Assembly resolution from text in any of the formats lineage meets: plain
/// text, PDF extracts (hard wraps, page heads, footnote blocks in mid-text), Markdown,
/// word-processor exports (tabs, trailing job furniture).
///
/// The text is split into lines once; then:
/// 1. the **heading** `69/28. Title` is found (required: without it the text is not a
///    resolution); the title runs on until a blank line or "The General Assembly,";
/// 2. the **header** above the heading gives the session, agenda item, committee report and
///    the adoption date ("Resolution adopted by the General Assembly on …"); the Distr. date
///    is never used;
/// 3. the **body** runs from "The General Assembly," to the plenary meeting line
///    ("62nd plenary meeting", date on the same or the next line), which gives the meeting and,
///    failing the header, the adoption date; the lines after it hold only footnotes and
///    furniture (from which the session and agenda item of exports are read);
/// 4. ``BodyParser`` reads paragraphs and footnotes;
/// 5. the result is checked for truncation.
///
/// A field the text does not print is `nil`. The symbol is `A/RES/` + the number, and the
/// session, when not printed ("Sixty-ninth session"), is the number's first part: UN
/// conventions, not guesses.
///
/// Every step is linear in the size of the text (the running-head search is bounded per
/// anchor line), so a 15 KB resolution parses in well under a millisecond in a release build.
public enum ResolutionParser {
    /// Reads a resolution from decoded text (see ``SourceText/decode(_:)``).
    public static func parse(_ text: String) throws(ParseError) -> Resolution {
        let lines = SourceLines.split(text)
        guard lines.contains(where: { !$0.isBlank }) else {
            throw text.isEmpty ? .emptyFile : .whitespaceOnly
        }

        // 1. The heading and the title.
        var found: (line: Int, number: String, titleStart: Int)?
        for (i, line) in lines.enumerated() where !line.isBlank {
            if let (number, start) = Metadata.heading(line.text) {
                found = (i, number, start)
                break
            }
        }
        guard let (headingLine, number, titleStart) = found else {
            let header = lines.prefix(40).map { $0.text.undecorated() }
            let looksLikeHeader = header.contains { $0.hasPrefix("Resolution adopted by the General Assembly") }
            throw .notAResolution(
                "no resolution number such as '69/28.' heading was found"
                    + (looksLikeHeader ? " (the text has a resolution header: is it cut off before the heading?)" : ""))
        }
        let hyphenation = Hyphenation(source: { lines[headingLine...].compactMap { $0.isBlank ? nil : $0.text } })

        var titleLines: [Scalars] = []
        let firstTitleLine = Scalars(lines[headingLine].text[titleStart...])
        var k = headingLine + 1
        if firstTitleLine.isEmpty {
            while k < lines.count, lines[k].isBlank { k += 1 }
        } else {
            titleLines.append(firstTitleLine)
        }
        while k < lines.count, !lines[k].isBlank, !Metadata.isAssemblyLine(lines[k].text),
            !Furniture.isFurniture(lines[k].text), Metadata.plenaryMeeting(lines[k].text) == nil
        {
            titleLines.append(lines[k].text)
            k += 1
        }
        let titleText = TextNormalizer.droppingMarks(TextNormalizer.clean(TextNormalizer.join(titleLines, hyphenation: hyphenation))).string
        let title: String? = titleText.isEmpty ? nil : titleText

        // 3. "The General Assembly," (looked for until the first numbered paragraph).
        var assemblyLine: Int?
        for i in k..<lines.count where !lines[i].isBlank {
            if Metadata.isAssemblyLine(lines[i].text) {
                assemblyLine = i
                break
            }
            let t = lines[i].text
            if let (_, e) = t.digits(at: 0, maxDigits: 3), e < t.count, t[e] == ".", e + 1 == t.count || t[e + 1].isSpaceLike {
                break  // the operative part has begun
            }
        }
        let bodyStart = assemblyLine.map { $0 + 1 } ?? k

        // The plenary meeting line ends the body.
        var bodyEnd = lines.count
        var tailStart = lines.count
        var meeting: Int?
        var meetingDate: CivilDate?
        for i in bodyStart..<lines.count where !lines[i].isBlank {
            guard let (m, date) = Metadata.plenaryMeeting(lines[i].text) else { continue }
            bodyEnd = i
            tailStart = i + 1
            meeting = m
            meetingDate = date
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

        // 4. The body.
        let out = BodyParser(
            lines: lines, body: bodyStart..<bodyEnd, tail: tailStart..<lines.count, title: title,
            hyphenation: hyphenation
        ).parse()

        // 2. Metadata from the header and the furniture after the meeting line.
        let header = joinedPlain(lines[0..<headingLine].map(\.text))
        let furniture = joinedPlain(out.tailFurniture.map { lines[$0].text })
        let sessionFromNumber = Int(number.prefix { $0 != "/" })
        var resolution = Resolution(
            symbol: "A/RES/" + number,
            number: number,
            session: Metadata.session(in: header) ?? Metadata.session(in: furniture) ?? sessionFromNumber,
            title: title,
            adopted: Metadata.adoptionDate(in: header) ?? meetingDate,
            meeting: meeting,
            agendaItem: Metadata.agendaItem(in: header) ?? Metadata.agendaItem(in: furniture),
            committeeReport: Metadata.committeeReport(in: header),
            paragraphs: out.paragraphs,
            footnotes: out.footnotes
        )

        // 5. Completeness.
        let addresses = ClauseAddress.addresses(for: out.paragraphs)
        if out.paragraphs.isEmpty, assemblyLine == nil {
            throw .notAResolution("the heading '\(number).' is followed neither by \"The General Assembly,\" nor by any paragraph")
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
        resolution.footnotes = out.footnotes
        return resolution
    }

    /// Reads a resolution from the bytes of a file: ``SourceText/decode(_:)`` then
    /// ``parse(_:)``.
    public static func parse(bytes: [UInt8]) throws(ParseError) -> Resolution {
        try parse(SourceText.decode(bytes))
    }

    /// The final paragraph ends with a full stop (possibly inside closing quotes or brackets).
    static func endsWithFullStop(_ text: String) -> Bool {
        var s = Scalars(scalarsOf: text.suffix(8))
        while let last = s.last, last == "\"" || last == "'" || last == ")" || last == "]" { s.removeLast() }
        return s.last == "." || s.last == "!"
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
