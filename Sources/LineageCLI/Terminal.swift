import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writing to the terminal: standard output and error, colour, and safe text.
struct Terminal {
    let descriptor: Int32

    static let standardOutput = Terminal(descriptor: 1)
    static let standardError = Terminal(descriptor: 2)

    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// `NO_COLOR` set to anything non-empty turns colour off (https://no-color.org).
    static var noColorRequested: Bool {
        !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Removes control characters (escape sequences included) from text that came from a
    /// document, so a hostile file cannot drive the terminal. Line breaks stay; tabs become spaces.
    static func sanitize(_ text: String) -> String {
        // Fast path: nothing to replace or drop. (C1 controls, U+0080…U+009F, are C2 80…C2 9F in
        // UTF-8: any C2 byte takes the slow path.)
        if !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }) { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.compactMap { s -> Unicode.Scalar? in
                    if s == "\t" { return " " }
                    if s == "\n" { return s }
                    if s.value < 0x20 || (0x7F...0x9F).contains(s.value) { return nil }
                    return s
                }))
    }
}

/// SGR colours, applied only when enabled.
struct Style {
    let enabled: Bool

    func paint(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[m" : text }
    func yellow(_ t: String) -> String { paint(t, "33") }
    func green(_ t: String) -> String { paint(t, "32") }
    func red(_ t: String) -> String { paint(t, "31") }
    func cyan(_ t: String) -> String { paint(t, "36") }
    func bold(_ t: String) -> String { paint(t, "1") }
    func dim(_ t: String) -> String { paint(t, "2") }
}
