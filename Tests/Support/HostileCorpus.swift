import Foundation

/// The bundled corpus with 69/28 turned hostile: a paragraph that carries markup (`<script>`),
/// an ampersand, both kinds of quotes and terminal escape sequences, as a resolution text could;
/// optionally (`bidi`), a reworded clause that carries bidirectional and invisible controls.
public enum HostileCorpus {
    /// The hostile text: markup, quotes, and control characters (an SGR escape and a bell) that must
    /// never reach a terminal or an XML document.
    public static let raw = "<script>alert(\"x\")</script> \u{1B}[31m& 'quoted'\u{7} <img src=x onerror=\"alert(1)\">"

    /// Text that displays differently from what it says ("Trojan Source"): a right-to-left
    /// override (U+202E) that reverses what follows, an isolate (U+2066 … U+2069), marks
    /// (U+200F, U+200E, U+061C), embeddings (U+202A, U+202B … U+202C) and a word joiner (U+2060).
    public static let bidi =
        "\u{202E}lanoitan\u{202C} \u{2066}security\u{2069} \u{200F}\u{200E}\u{061C} \u{202A}\u{202B}embedded\u{202C} join\u{2060}ed"

    /// Every control character ``bidi`` holds.
    public static let bidiControls: [Unicode.Scalar] = [
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}", "\u{2060}",
    ]

    /// Writes the corpus into `dir` (under `corpus/`) and returns the folder. With `bidi`, 69/28's
    /// op4 also begins with ``bidi`` (a rewording of the clause 65/41 has).
    public static func write(into dir: ScratchDirectory, bidi: Bool = false) -> String {
        for (number, path) in Package.seeds {
            var text = try! String(contentsOfFile: path, encoding: .utf8)
            if number == "69/28" {
                text = text.replacingOccurrences(
                    of: "Noting the importance of respect for human rights",
                    with: "Noting \(raw) the importance of respect for human rights")
                if bidi {
                    text = text.replacingOccurrences(
                        of: "Welcomes the commencement of the work", with: "Welcomes \(Self.bidi) the commencement of the work")
                }
            }
            dir.write("corpus/" + (path as NSString).lastPathComponent, text)
        }
        return dir.path + "/corpus"
    }
}
