/// The sponsors of a draft as the UN's Akoma Ntoso lists them in one attribute
/// (`by="Australia, Austria, … United States of America and Zimbabwe"`), one name per entry.
///
/// Names are separated by commas, the last two by " and "; commas and "and" inside
/// parentheses ("Indonesia (on behalf of … the Group of 77 and China)") do not separate, nor
/// does the "and" of a Member State's own name ("Trinidad and Tobago", "United Kingdom of
/// Great Britain and Northern Ireland"). A statement rather than a list ("submitted by the
/// Chair of the Committee following informal consultations", starting in lower case) is one
/// entry, as written. Names are kept as the markup spells them, white space collapsed.
enum Sponsors {
    /// Member States whose names hold " and ".
    static let namesWithAnd: Set<String> = [
        "Antigua and Barbuda", "Bosnia and Herzegovina", "Saint Kitts and Nevis",
        "Saint Vincent and the Grenadines", "Sao Tome and Principe", "Trinidad and Tobago",
        "United Kingdom of Great Britain and Northern Ireland", "Heard Island and McDonald Islands",
    ]

    /// - Complexity: O(n) in the length of `list` (times the few " and " of the last entry).
    static func split(_ list: String) -> [String] {
        let text = list.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard let first = text.first else { return [] }
        if first.isLowercase { return [text] }
        // Top-level commas.
        var parts: [String] = []
        var depth = 0
        var current = ""
        for c in text {
            switch c {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "," where depth == 0:
                parts.append(current)
                current = ""
                continue
            default: break
            }
            current.append(c)
        }
        parts.append(current)
        parts = parts.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard let last = parts.popLast() else { return [] }
        var lastParts = splitAnd(last)
        // "…, and Zimbabwe": an Oxford comma leaves "and Zimbabwe".
        if lastParts.count == 1, lastParts[0].hasPrefix("and ") { lastParts[0].removeFirst(4) }
        return parts + lastParts
    }

    /// "Peru and Trinidad and Tobago" → ["Peru", "Trinidad and Tobago"]: the split at a
    /// top-level " and " whose two sides are each a name (without " and ", or one of
    /// ``namesWithAnd``); the whole when no split fits.
    private static func splitAnd(_ s: String) -> [String] {
        if namesWithAnd.contains(s) { return [s] }
        let chars = Array(s)
        var depth = 0
        var candidates: [Int] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            if depth == 0, c == " ", i + 5 <= chars.count, String(chars[i..<(i + 5)]) == " and " { candidates.append(i) }
            i += 1
        }
        func isName(_ t: String) -> Bool { namesWithAnd.contains(t) || !hasTopLevelAnd(t) }
        for k in candidates {
            let left = String(chars[0..<k]).trimmingSpaces()
            let right = String(chars[(k + 5)...]).trimmingSpaces()
            if !left.isEmpty, !right.isEmpty, isName(left), isName(right) { return [left, right] }
        }
        return [s]
    }

    private static func hasTopLevelAnd(_ s: String) -> Bool {
        var depth = 0
        let chars = Array(s)
        for i in chars.indices {
            if chars[i] == "(" { depth += 1 } else if chars[i] == ")" { depth = max(0, depth - 1) }
            if depth == 0, chars[i] == " ", i + 5 <= chars.count, String(chars[i..<(i + 5)]) == " and " { return true }
        }
        return false
    }
}
