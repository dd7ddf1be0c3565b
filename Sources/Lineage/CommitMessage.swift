import Foundation
import ResolutionText

/// The commit message of a revision: a summary line, one sentence, and the metadata as git
/// trailers (read them with `git log --format='%(trailers)'`). Frozen, like the document format.
///
/// ```
/// A/RES/69/28: Developments in the field of information and telecommunications in …
///
/// Resolution 69/28, adopted by the General Assembly on 2 December 2014.
///
/// Lineage-Format: 1
/// Symbol: A/RES/69/28
/// Number: 69/28
/// Session: 69
/// Adopted: 2014-12-02
/// Meeting: 62
/// Agenda-Item: 91
/// Committee-Report: A/69/435
/// Parent: 65/41 (cited; 83% of its text is there)
/// ```
///
/// A resolution read from a format that carries them (the UN's Akoma Ntoso) also has, after
/// `Committee-Report:`, `Draft: A/C.1/76/L.13`, one `Sponsor:` per sponsor (sponsors, then
/// additional sponsors, as `Signed-off-by:` repeats), and
/// `Vote: adoptedRecordedVote (92 in favour, 65 against, 13 abstaining)` (the outcome as the
/// source writes it; the counts it gives, in parentheses; each Member State's ballot is not
/// stored). A field the text does not give is left out, so the messages of resolutions read from
/// text are unchanged. When the date was not printed in the text,
/// `Adopted-Source:` says where it came from (`cited by A/RES/63/37`, `supplied`).
/// `Parent:` says which revision it continues and why (``Ancestry``), one trailer per parent of
/// the commit, in order; `Parent: none (…)` for the start of a series.
enum CommitMessage {
    static func render(_ revision: Revision) throws(LineageError) -> String {
        let r = try revision.readMetadata()
        var out = "\(revision.symbol): \(r.title ?? "(untitled)")\n\n"
        out += "Resolution \(revision.number)"
        if let date = r.adopted { out += ", adopted by the General Assembly on \(date.longForm)" }
        out += ".\n\n"
        var trailers: [(String, String?)] = [
            ("Lineage-Format", String(HistoryLayout.formatVersion)),
            ("Symbol", r.symbol), ("Number", r.number), ("Session", r.session.map(String.init)),
            ("Adopted", r.adopted?.iso),
        ]
        switch revision.dateSource {
        case .text: break
        case .citedBy(let symbol): trailers.append(("Adopted-Source", "cited by \(symbol)"))
        case .supplied: trailers.append(("Adopted-Source", "supplied"))
        }
        trailers += [
            ("Meeting", r.meeting.map(String.init)), ("Agenda-Item", r.agendaItem.map(String.init)),
            ("Committee-Report", r.committeeReport), ("Draft", r.draft),
        ]
        for sponsor in r.sponsors { trailers.append(("Sponsor", singleLine(sponsor))) }
        trailers.append(("Vote", r.vote.map(voteTrailer)))
        for link in revision.continues {
            trailers.append(("Parent", "\(link.number ?? "none") (\(link.reason))"))
        }
        for case let (key, value?) in trailers { out += "\(key): \(value)\n" }
        return out
    }

    /// Reads the title (from the summary line, `SYMBOL: title`) and the trailers back into
    /// `resolution` (whose body comes from the document).
    ///
    /// One pass over the message's UTF-8, without Foundation's string searching (opening a
    /// history parses every commit's message: this is most of the time `blame` takes).
    static func parse(
        _ message: String, into resolution: inout Resolution
    ) -> (source: Revision.DateSource, continues: [Revision.Continuation]) {
        var source = Revision.DateSource.text
        var continues: [Revision.Continuation] = []
        let utf8 = message.utf8
        let newline = UInt8(ascii: "\n")
        let summaryEnd = utf8.firstIndex(of: newline) ?? utf8.endIndex
        if let colon = firstIndex(of: [UInt8(ascii: ":"), UInt8(ascii: " ")], in: utf8[..<summaryEnd]) {
            let title = Substring(utf8[utf8.index(colon, offsetBy: 2)..<summaryEnd])
            resolution.title = title == "(untitled)" ? nil : String(title)
        }
        // Trailers are the last paragraph of the message: the last piece between blank lines
        // (split from the start, as `components(separatedBy: "\n\n")` splits) with a line in it.
        var trailers = utf8[utf8.endIndex...]
        var start = utf8.startIndex
        while true {
            let separator = firstIndex(of: [newline, newline], in: utf8[start...])
            let piece = utf8[start..<(separator ?? utf8.endIndex)]
            if piece.contains(where: { $0 != newline }) { trailers = piece }
            guard let separator else { break }
            start = utf8.index(separator, offsetBy: 2)
        }
        for line in Substring(trailers).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon]
            let value = trimmed(line[line.index(after: colon)...])
            switch key {
            case "Symbol": resolution.symbol = String(value)
            case "Number": resolution.number = String(value)
            case "Session": resolution.session = Int(value)
            case "Adopted": resolution.adopted = CivilDate(iso: String(value))
            case "Meeting": resolution.meeting = Int(value)
            case "Agenda-Item": resolution.agendaItem = Int(value)
            case "Committee-Report": resolution.committeeReport = String(value)
            case "Draft": resolution.draft = String(value)
            case "Sponsor": resolution.sponsors.append(String(value))
            case "Vote": resolution.vote = vote(String(value))
            case "Adopted-Source":
                source = value.hasPrefix("cited by ") ? .citedBy(String(value.dropFirst(9))) : .supplied
            case "Parent":
                // The number ends where its reason opens: a part's number has a space (`74/261 C`).
                var end = value.startIndex
                while end < value.endIndex, !(value[end] == " " && value[value.index(after: end)...].first == "(") {
                    end = value.index(after: end)
                }
                let number = value[..<end]
                var reason = trimmed(value[end...])
                if reason.hasPrefix("("), reason.hasSuffix(")") { reason = reason.dropFirst().dropLast() }
                continues.append(Revision.Continuation(number: number == "none" ? nil : String(number), reason: String(reason)))
            default: continue
            }
        }
        return (source, continues)
    }

    nonisolated(unsafe) static let voteCounts: [(String, WritableKeyPath<Vote, Int?>)] = [
        ("in favour", \.inFavour), ("against", \.against), ("abstaining", \.abstaining),  // immutable key paths
    ]

    /// `adoptedRecordedVote (92 in favour, 65 against, 13 abstaining)`, or the outcome alone.
    static func voteTrailer(_ v: Vote) -> String {
        let counts = voteCounts.compactMap { name, key in v[keyPath: key].map { "\($0) \(name)" } }
        let outcome = singleLine(v.outcome)
        return counts.isEmpty ? outcome : outcome + " (" + counts.joined(separator: ", ") + ")"
    }

    /// Reads ``voteTrailer(_:)`` back: the counts from a final parenthesis that holds only
    /// counts; the rest is the outcome.
    static func vote(_ value: String) -> Vote {
        guard value.hasSuffix(")"), let open = value.range(of: " (", options: .backwards) else { return Vote(outcome: value) }
        var vote = Vote(outcome: String(value[..<open.lowerBound]))
        for part in value[open.upperBound..<value.index(before: value.endIndex)].split(separator: ",") {
            let words = part.split(separator: " ", maxSplits: 1)
            guard words.count == 2, let n = Int(words[0]),
                let key = voteCounts.first(where: { $0.0 == words[1] })?.1
            else { return Vote(outcome: value) }
            vote[keyPath: key] = n
        }
        return vote
    }

    /// A trailer value is one line.
    private static func singleLine(_ s: String) -> String {
        s.contains(where: \.isNewline) ? s.split(whereSeparator: \.isNewline).joined(separator: " ") : s
    }

    /// Where `pattern` first starts in `bytes`.
    private static func firstIndex(of pattern: [UInt8], in bytes: Substring.UTF8View) -> String.Index? {
        var i = bytes.startIndex
        while let at = bytes[i...].firstIndex(of: pattern[0]) {
            var j = at, k = 0
            while k < pattern.count, j < bytes.endIndex, bytes[j] == pattern[k] {
                j = bytes.index(after: j)
                k += 1
            }
            if k == pattern.count { return at }
            i = bytes.index(after: at)
        }
        return nil
    }

    /// Without the white space (spaces, tabs and other Unicode spaces, not line breaks) at
    /// either end, as `trimmingCharacters(in: .whitespaces)`.
    private static func trimmed(_ s: Substring) -> Substring {
        func space(_ c: Character) -> Bool { c == " " || c == "\t" || (c.isWhitespace && !c.isNewline) }
        guard let first = s.firstIndex(where: { !space($0) }) else { return s[s.endIndex...] }
        let last = s.lastIndex(where: { !space($0) })!
        return s[first...last]
    }
}
