import Foundation

/// The git branch name of a line of the series, derived from the title of the revision that
/// started it: lowercase ASCII words joined by `-`, the first ``words`` words of the title
/// (without trailing "in", "of", "the", "and"…):
///
/// - "Developments in the field of information and telecommunications in the context of
///   international security" → `developments-in-the-field-of-information`
/// - "Advancing responsible State behaviour in cyberspace in the context of international
///   security" → `advancing-responsible-state-behaviour-in-cyberspace`
///
/// When that name is taken by a line with another title, the name joins the title's first
/// words with the first words where it departs from that line's title: 76/19 ("Developments
/// in the field … international security, and advancing responsible State behaviour in the use
/// of …") → `developments-in-the-field-and-advancing-responsible-state-behaviour`. Should that
/// be taken too, or the title be the other line's (a fork into two lines with one title), the
/// revision number follows (`developments-in-the-field-of-information-77-36`). Names are valid git
/// reference names.
enum LineName {
    static let words = 6
    static let joinWords = 4
    static let stopWords: Set<String> = ["a", "an", "and", "by", "for", "in", "of", "on", "the", "to", "with"]

    /// A name for the line `title` starts; `taken` maps the names in use to their lines'
    /// normalised titles. `requested` (from the corrections file) wins if given.
    static func make(title: String?, requested: String?, number: String, taken: [String: String]) -> String {
        if let requested { return requested }
        let all = slugWords(title)
        guard !all.isEmpty else { return unique("line-" + slug(number), taken: taken) }
        let name = trimmed(Array(all.prefix(words))).joined(separator: "-")
        guard let other = taken[name] else { return name }
        let otherWords = other.split(separator: " ").map(String.init)
        var common = 0
        while common < all.count, common < otherWords.count, all[common] == otherWords[common] { common += 1 }
        let rest = Array(all[common...].prefix(joinWords + 1))
        // The same title (or the start of the other's): no words of its own tell the two apart.
        guard !rest.isEmpty else { return unique(name + "-" + slug(number), taken: taken) }
        let joined = trimmed(Array(all.prefix(joinWords))) + trimmed(rest, keepingLeading: true)
        let candidate = joined.joined(separator: "-")
        if taken[candidate] == nil, candidate != name { return candidate }
        return unique(name + "-" + slug(number), taken: taken)
    }

    /// Whether `name` is usable as a line name (`branch` in the corrections file): lowercase or
    /// uppercase ASCII letters, digits, `-`, `_`, `.` and `/` between parts, as git allows.
    static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("-"), !name.hasPrefix("/"), !name.hasSuffix("/"), !name.hasSuffix("."),
            !name.hasSuffix(".lock"), !name.contains(".."), !name.contains("//")
        else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }
    }

    private static func unique(_ base: String, taken: [String: String]) -> String {
        var name = base
        var n = 2
        while taken[name] != nil {
            name = "\(base)-\(n)"
            n += 1
        }
        return name
    }

    /// The title's words, lowercased and folded to ASCII letters and digits.
    static func slugWords(_ title: String?) -> [String] {
        let folded = (title ?? "").folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        return folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init)
    }

    private static func slug(_ text: String) -> String {
        slugWords(text).joined(separator: "-")
    }

    /// Drops stop words at the end (and at the start, unless `keepingLeading`).
    private static func trimmed(_ words: [String], keepingLeading: Bool = false) -> [String] {
        var w = words[...]
        while let last = w.last, stopWords.contains(last), w.count > 1 { w = w.dropLast() }
        if !keepingLeading {
            while let first = w.first, stopWords.contains(first), w.count > 1 { w = w.dropFirst() }
        }
        return Array(w)
    }
}
