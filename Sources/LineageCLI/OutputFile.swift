import Foundation
import Lineage

/// Writing a command's result to `-o FILE`, or to standard output for `-` or no file.
enum OutputFile {
    /// Writes `text` (markup: XML, HTML or SVG) to `path` (atomically: a reader never sees half a
    /// file); `nil` or `-` print it, with invisible controls as character references.
    static func write(_ text: String, to path: String?) throws(LineageError) {
        guard let path, path != "-" else {
            StandardOutput.shared.writeMarkup(text)
            return
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw LineageError("\(path): cannot write the file: \((error as NSError).localizedDescription)")
        }
    }

    /// `path` made absolute against the current folder, for telling the user where a file went.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
