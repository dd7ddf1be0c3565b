import Foundation

/// The bundled corpus with 69/28 turned hostile: a paragraph that carries markup (`<script>`),
/// an ampersand, both kinds of quotes and terminal escape sequences, as a resolution text could.
public enum HostileCorpus {
    /// The hostile text: markup, quotes, and control characters (an SGR escape and a bell) that must
    /// never reach a terminal or an XML document.
    public static let raw = "<script>alert(\"x\")</script> \u{1B}[31m& 'quoted'\u{7} <img src=x onerror=\"alert(1)\">"

    /// Writes the corpus into `dir` (under `corpus/`) and returns the folder.
    public static func write(into dir: ScratchDirectory) -> String {
        for (number, path) in Package.seeds {
            var text = try! String(contentsOfFile: path, encoding: .utf8)
            if number == "69/28" {
                text = text.replacingOccurrences(
                    of: "Noting the importance of respect for human rights",
                    with: "Noting \(raw) the importance of respect for human rights")
            }
            dir.write("corpus/" + (path as NSString).lastPathComponent, text)
        }
        return dir.path + "/corpus"
    }
}
