/// Making document text safe for HTML, SVG and XML: every character that could start markup is
/// escaped, and characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF) are dropped, so a
/// resolution containing `<script>`, `&` or quotes renders as text and the output stays well-formed.
/// Bidirectional controls and other invisible format characters (``isInvisibleControl(_:)``) are
/// shown as their code, `[U+202E]`, so that no clause displays differently from what it says.
public enum Escape {
    /// `text` escaped for element content and attribute values alike (`&`, `<`, `>`, `"`, `'`).
    public static func markup(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if isInvisibleControl(scalar) {
                    out += shown(scalar)
                } else if let kept = allowed(scalar) {
                    out.unicodeScalars.append(kept)
                }
            }
        }
        return out
    }

    /// Whether `s` changes how text displays without being seen: the bidirectional embeddings,
    /// overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which
    /// can make a clause read in another order than it is written, and the invisible format
    /// characters (zero-width space U+200B, word joiner and invisible operators U+2060–U+2064,
    /// U+FEFF, interlinear annotation U+FFF9–U+FFFB, tag characters U+E0000–U+E007F). The joiners
    /// U+200C and U+200D, which some scripts need, are kept.
    public static func isInvisibleControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0xFFF9...0xFFFB,
            0xE0000...0xE007F:
            return true
        default: return false
        }
    }

    /// How an invisible control is shown: `[U+202E]`.
    public static func shown(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
    }

    /// The character kept for `s`: none for what XML cannot carry, a space for a tab.
    private static func allowed(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        if s == "\n" { return s }
        if s == "\t" { return " " }
        if s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0xFFFE || s.value == 0xFFFF { return nil }
        return s
    }

    /// A string usable as an HTML id or XML name part: letters and digits kept, anything else `-`
    /// (`69/28` gives `69-28`).
    public static func identifier(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }
}
