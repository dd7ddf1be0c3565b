/// The characters that change how text displays without being seen, kept out of every output
/// raw, so that no clause displays differently from what it says: the invisible format
/// characters (Unicode's category Cf: the bidirectional embeddings, overrides, isolates and marks
/// U+202A…202E, U+2066…2069, U+200E/F, U+061C; zero-width space, word joiner, byte-order mark,
/// interlinear annotations, tag characters …) but the joiners U+200C/D that some scripts need,
/// and the line and paragraph separators U+2028/9.
///
/// One definition for every output: the terminal (`Terminal.sanitize` in the CLI, which also
/// escapes control characters), JSON (``JSONValue``, as `\u202e`), and HTML, SVG and XML (the
/// report's `Escape.markup`). Where text is shown, each is written as ``shown(_:)``: `<U+202E>`.
public enum InvisibleCharacters {
    /// Whether `s` is one of these characters.
    /// - Complexity: O(1).
    public static func contains(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2028, 0x2029: return true
        case 0..<0xAD, 0x200C, 0x200D: return false
        default: return s.properties.generalCategory == .format
        }
    }

    /// How such a character is shown in text: `<U+202E>` (at least four hex digits).
    public static func shown(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
