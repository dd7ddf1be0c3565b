import Foundation
import FoundationXML
import Lineage
import TestSupport
import Testing

/// Builds `paths` (default: the five seed resolutions) into a scratch repository and opens it.
func reportRepository(_ dir: ScratchDirectory, paths: [String] = Package.seedFiles) throws -> LineageRepository {
    _ = try HistoryBuilder(repositoryPath: dir.path + "/r.git").build(paths: paths)
    return try LineageRepository.open(dir.path + "/r.git")
}

/// Checks that the tags of an HTML page (void elements and `/>` aside) open and close in order;
/// returns the first problem, or `nil`.
func tagBalanceProblem(_ html: String) -> String? {
    let void: Set<String> = ["meta", "br", "img", "input", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"]
    var stack: [String] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
        guard let close = rest[open...].firstIndex(of: ">") else { return "unclosed <" }
        let tag = rest[rest.index(after: open)..<close]
        rest = rest[rest.index(after: close)...]
        if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
        if tag.hasPrefix("/") {
            let name = tag.dropFirst().lowercased()
            guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
            stack.removeLast()
            continue
        }
        let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
        if tag.hasSuffix("/") || void.contains(name) { continue }
        stack.append(name)
    }
    return stack.isEmpty ? nil : "unclosed <\(stack.last!)>"
}

/// The text between `start` and the next `end` after it.
func slice(_ text: String, from start: String, to end: String) -> String? {
    guard let a = text.range(of: start) else { return nil }
    guard let b = text[a.upperBound...].range(of: end) else { return String(text[a.lowerBound...]) }
    return String(text[a.lowerBound..<b.lowerBound])
}

/// The values of every `name="…"` attribute in `markup`, in order.
func attributeValues(_ name: String, in markup: String) -> [String] {
    var out: [String] = []
    var rest = Substring(markup)
    while let r = rest.range(of: " \(name)=\"") {
        rest = rest[r.upperBound...]
        guard let q = rest.firstIndex(of: "\"") else { break }
        out.append(String(rest[..<q]))
        rest = rest[rest.index(after: q)...]
    }
    return out
}

/// The value of an element's attribute (looked up by name among its attributes, which works for
/// every name on every platform).
func attribute(_ e: XMLElement, _ name: String) -> String? {
    (e.attributes ?? []).first { $0.name == name }?.stringValue
}

/// `root` and the elements below it whose local name is `name`, in document order.
func descendants(_ root: XMLElement, _ name: String) -> [XMLElement] {
    var out: [XMLElement] = []
    func walk(_ e: XMLElement) {
        if e.localName == name { out.append(e) }
        for case let child as XMLElement in e.children ?? [] { walk(child) }
    }
    walk(root)
    return out
}
