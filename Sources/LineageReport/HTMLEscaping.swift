import ResolutionText

/// Making document text safe for HTML, SVG and XML: every character that could start markup is
/// escaped, and characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF) are dropped, so a
/// resolution containing `<script>`, `&` or quotes renders as text and the output stays well-formed.
/// Bidirectional controls and other invisible format characters (``ResolutionText/InvisibleCharacters``)
/// are shown as their code, `<U+202E>` as in every output, so that no clause displays differently
/// from what it says.
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
                if InvisibleCharacters.contains(scalar) {
                    out += "&lt;" + InvisibleCharacters.shown(scalar).dropFirst().dropLast() + "&gt;"
                } else if let kept = allowed(scalar) {
                    out.unicodeScalars.append(kept)
                }
            }
        }
        return out
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
