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
/// A field the text does not give is left out. When the date was not printed in the text,
/// `Adopted-Source:` says where it came from (`cited by A/RES/63/37`, `supplied`).
/// `Parent:` says which revision it continues and why (``Ancestry``), one trailer per parent of
/// the commit, in order; `Parent: none (…)` for the start of a series.
enum CommitMessage {
    static func render(_ revision: Revision) -> String {
        let r = revision.metadata
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
            ("Committee-Report", r.committeeReport),
        ]
        for link in revision.continues {
            trailers.append(("Parent", "\(link.number ?? "none") (\(link.reason))"))
        }
        for case let (key, value?) in trailers { out += "\(key): \(value)\n" }
        return out
    }

    /// Reads the title (from the summary line, `SYMBOL: title`) and the trailers back into
    /// `resolution` (whose body comes from the document).
    static func parse(
        _ message: String, into resolution: inout Resolution
    ) -> (source: Revision.DateSource, continues: [Revision.Continuation]) {
        var source = Revision.DateSource.text
        var continues: [Revision.Continuation] = []
        let summary = message.prefix { $0 != "\n" }
        if let colon = summary.range(of: ": ") {
            let title = summary[colon.upperBound...]
            resolution.title = title == "(untitled)" ? nil : String(title)
        }
        // Trailers are the last paragraph of the message.
        let trailers = message.components(separatedBy: "\n\n").last { !$0.isEmpty } ?? ""
        for line in trailers.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon]
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "Symbol": resolution.symbol = value
            case "Number": resolution.number = value
            case "Session": resolution.session = Int(value)
            case "Adopted": resolution.adopted = CivilDate(iso: value)
            case "Meeting": resolution.meeting = Int(value)
            case "Agenda-Item": resolution.agendaItem = Int(value)
            case "Committee-Report": resolution.committeeReport = value
            case "Adopted-Source":
                source = value.hasPrefix("cited by ") ? .citedBy(String(value.dropFirst(9))) : .supplied
            case "Parent":
                let number = value.prefix { $0 != " " }
                var reason = value.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
                if reason.hasPrefix("("), reason.hasSuffix(")") { reason = String(reason.dropFirst().dropLast()) }
                continues.append(Revision.Continuation(number: number == "none" ? nil : String(number), reason: reason))
            default: continue
            }
        }
        return (source, continues)
    }
}
