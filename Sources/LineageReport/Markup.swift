/// A small writer of HTML, SVG and XML: elements with escaped attributes and text. Every piece of
/// text goes through ``Escape/markup(_:)``; only ``raw(_:)`` writes markup as given.
struct Markup {
    private(set) var output = ""
    /// Indentation of ``newline()``, in levels of two spaces.
    var depth = 0

    typealias Attributes = KeyValuePairs<String, String?>

    mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        output += "<" + name + Markup.attributes(attributes) + ">"
    }

    mutating func close(_ name: String) { output += "</" + name + ">" }

    /// `<name …/>` (XML and SVG) or `<name …>` for HTML void elements (`void: true`).
    mutating func empty(_ name: String, _ attributes: Attributes = [:], void: Bool = false) {
        output += "<" + name + Markup.attributes(attributes) + (void ? ">" : "/>")
    }

    /// `<name …>text</name>`.
    mutating func element(_ name: String, _ attributes: Attributes = [:], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// `<name …>…</name>` around what `body` writes.
    mutating func element(_ name: String, _ attributes: Attributes = [:], _ body: (inout Markup) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    /// Like ``element(_:_:_:)``, with the content indented on lines of its own.
    mutating func block(_ name: String, _ attributes: Attributes = [:], _ body: (inout Markup) -> Void) {
        open(name, attributes)
        depth += 1
        body(&self)
        depth -= 1
        newline()
        close(name)
    }

    mutating func text(_ text: String) { output += Escape.markup(text) }

    mutating func raw(_ markup: String) { output += markup }

    mutating func newline() { output += "\n" + String(repeating: "  ", count: depth) }

    /// Attributes with a `nil` value are left out.
    static func attributes(_ attributes: Attributes) -> String {
        var out = ""
        for (name, value) in attributes {
            guard let value else { continue }
            out += " " + name + "=\"" + Escape.markup(value) + "\""
        }
        return out
    }
}
