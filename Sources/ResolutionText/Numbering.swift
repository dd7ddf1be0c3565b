/// The numbering schemes of items inside a paragraph, as resolutions print them: dotted
/// numbers (`1.1.`, `1.13.`, the norms of 73/27 op1), letters (`(a)`, `(aa)`), roman numerals
/// (`(i)`, `(iv)`) and bracketed numbers (`(1)`), possibly nested (`(b)` then `(i)`).
///
/// ``BodyParser`` uses it to tell which list an item continues, ``ClauseAddress`` to address a
/// dotted item (`op1.5`) and ``CanonicalDocument`` to write and read nested items.
///
/// - Complexity: every function is O(length of the label).
enum Numbering {
    /// A list style: how the labels of one list count.
    enum Style: Equatable {
        /// `1.1`, `1.2` (a dotted number under the paragraph numbered by its prefix).
        case dotted
        /// `(a)`, `(b)` … `(z)`, `(aa)`, `(bb)`.
        case letter
        /// `(i)`, `(ii)`, `(iii)`, `(iv)` …
        case roman
        /// `(1)`, `(2)` …
        case number
    }

    /// A dotted number label: digits, then one or more `.digits` (`1.5`, `1.5.2`), no leading
    /// zero in any part.
    static func isDotted(_ label: String) -> Bool {
        let parts = label.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.unicodeScalars.allSatisfy(\.isASCIIDigit) && p.first != "0"
        }
    }

    /// The label a dotted label belongs under: `1.5.2` → `1.5`, `1.5` → `1`; `nil` if not dotted.
    static func dottedParent(_ label: String) -> String? {
        guard isDotted(label), let dot = label.lastIndex(of: ".") else { return nil }
        return String(label[..<dot])
    }

    /// The inside of a bracketed label: `(iv)` → `iv`; `nil` when not bracketed.
    static func inner(_ label: String) -> Substring? {
        guard label.count >= 3, label.first == "(", label.last == ")" else { return nil }
        return label.dropFirst().dropLast()
    }

    /// The value of a lower-case roman numeral up to 39 (`i` … `xxxix`), or `nil`.
    static func romanValue(_ s: Substring) -> Int? {
        let table: [Character: Int] = ["i": 1, "v": 5, "x": 10]
        var total = 0
        var previous = 0
        for c in s.reversed() {
            guard let v = table[c] else { return nil }
            if v < previous { total -= v } else { total += v; previous = v }
        }
        guard total > 0, total < 40, roman(total) == s else { return nil }
        return total
    }

    /// The lower-case roman numeral of `n` (1 … 39).
    static func roman(_ n: Int) -> String {
        let tens = ["", "x", "xx", "xxx"]
        let units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
        return tens[n / 10] + units[n % 10]
    }

    /// The position of a letter label in the sequence a … z, aa, bb … zz (1-based), or `nil`.
    static func letterValue(_ s: Substring) -> Int? {
        guard let first = s.first, first.isASCII, first.isLowercase, s.allSatisfy({ $0 == first }), s.count <= 2 else {
            return nil
        }
        let offset = Int(first.asciiValue! - Character("a").asciiValue!)
        return (s.count - 1) * 26 + offset + 1
    }

    /// Whether `label` is the item that follows `previous` in `style` (`(b)` after `(a)`,
    /// `(iv)` after `(iii)`, `1.6` after `1.5`).
    static func follows(_ label: String, _ previous: String, in style: Style) -> Bool {
        switch style {
        case .dotted:
            guard let p = dottedParent(label), let q = dottedParent(previous), p == q,
                let a = Int(label.split(separator: ".").last!), let b = Int(previous.split(separator: ".").last!)
            else { return false }
            return a == b + 1
        case .letter:
            guard let a = inner(label).flatMap(letterValue), let b = inner(previous).flatMap(letterValue) else { return false }
            return a == b + 1
        case .roman:
            guard let a = inner(label).flatMap(romanValue), let b = inner(previous).flatMap(romanValue) else { return false }
            return a == b + 1
        case .number:
            guard let a = inner(label).flatMap({ Int($0) }), let b = inner(previous).flatMap({ Int($0) }) else { return false }
            return a == b + 1
        }
    }

    /// The style a list that starts with `label` has: `(a)` letters, `(i)` roman numerals, `(1)`
    /// numbers, `1.1` dotted; `nil` when `label` cannot start a list.
    static func startingStyle(_ label: String) -> Style? {
        if isDotted(label) { return label.hasSuffix(".1") ? .dotted : nil }
        guard let s = inner(label) else { return nil }
        switch s {
        case "a", "aa": return .letter
        case "i": return .roman
        case "1": return .number
        default: return nil
        }
    }

    /// The styles `label` may belong to (`(i)` is a letter or a roman numeral).
    static func styles(_ label: String) -> [Style] {
        if isDotted(label) { return [.dotted] }
        guard let s = inner(label) else { return [] }
        var out: [Style] = []
        if letterValue(s) != nil { out.append(.letter) }
        if romanValue(s) != nil { out.append(.roman) }
        if Int(s) != nil { out.append(.number) }
        return out
    }
}
