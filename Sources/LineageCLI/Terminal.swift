import Foundation
import ResolutionText

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

    /// Writes `text` as it is, all of it (`write(2)` until done or failed).
    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Writes a message (an error, a hint, a progress line) with every control and invisible
    /// format character of `text` shown escaped (``sanitize(_:)``): a file name or an argument
    /// carrying `\033[…` never drives the terminal.
    func writeMessage(_ text: String) {
        write(Terminal.sanitize(text))
    }

    /// Text that came from a document, a file name or an argument, made safe for a terminal:
    /// control characters (escape sequences included, C1 too), bidirectional controls (U+202A…202E,
    /// U+2066…2069, U+200E/F, U+061C) and the other invisible format characters (zero-width
    /// space, word joiner, byte-order mark, tag characters, …; Unicode's category Cf, but the
    /// joiners U+200C/D that some scripts need) and the line and paragraph separators are shown
    /// escaped, as `<U+202E>`, so a text cannot display differently from what it says. Line
    /// breaks stay; tabs become spaces.
    /// - Complexity: O(length); text with nothing to escape is returned without a copy.
    static func sanitize(_ text: String) -> String {
        escape(text, table: sanitizeTable, keeping: { $0 == "\n" }, tabsAsSpaces: true)
    }

    /// The last guard on everything written to standard output: like ``sanitize(_:)``, but the
    /// escape character (which starts lineage's own colours) and carriage returns pass. The text
    /// of documents is sanitized before it is styled; this catches whatever was not.
    /// - Complexity: O(length).
    static func neutralise(_ text: String) -> String {
        escape(text, table: neutraliseTable, keeping: { $0 == "\n" || $0 == "\u{1B}" || $0 == "\r" || $0 == "\t" }, tabsAsSpaces: false)
    }

    /// Markup (XML, HTML, SVG) on its way to standard output: the characters ``sanitize(_:)``
    /// escapes, but line breaks, tabs and carriage returns, become character references
    /// (`&#x202E;`), which keeps the markup well formed and means the same.
    /// - Complexity: O(length).
    static func neutraliseMarkup(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" && $0 != "\t" && $0 != "\r" }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isUnsafe(s) && s != "\n" && s != "\t" && s != "\r" {
                out.append(contentsOf: "&#x\(String(s.value, radix: 16, uppercase: true));".unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// How an unsafe character is shown: `<U+202E>` (``InvisibleCharacters/shown(_:)``).
    static func shown(_ scalar: Unicode.Scalar) -> String { InvisibleCharacters.shown(scalar) }

    /// True for the characters ``sanitize(_:)`` escapes: C0 and C1 controls, DEL, and
    /// ``InvisibleCharacters`` (format characters but the joiners, the line and paragraph separators).
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || InvisibleCharacters.contains(s)
    }

    /// For each byte, whether it can begin a character ``isUnsafe(_:)`` holds: ASCII controls and
    /// DEL, and the UTF-8 lead bytes of the unsafe characters above ASCII (C1 and U+00AD are
    /// C2 …; U+0600…070F D8…DC; U+0890…08E2 E0; U+180E E1; U+200B…206F, U+2028 E2; U+FEFF,
    /// U+FFF9… EF; U+110BD…1D17A F0; tags U+E0001… F3): text without them is safe as it is.
    /// The tables of ``sanitize(_:)`` (line feeds kept) and ``neutralise(_:)`` (line feeds, escapes,
    /// carriage returns and tabs kept).
    private static func mayBeginUnsafe(keeping kept: Set<UInt8>) -> [Bool] {
        (0...255).map { b in
            !kept.contains(UInt8(b)) && (b < 0x20 || b == 0x7F || [0xC2, 0xD8, 0xD9, 0xDB, 0xDC, 0xE0, 0xE1, 0xE2, 0xEF, 0xF0, 0xF3].contains(b))
        }
    }
    private static let sanitizeTable = mayBeginUnsafe(keeping: [0x0A])
    private static let neutraliseTable = mayBeginUnsafe(keeping: [0x0A, 0x1B, 0x0D, 0x09])

    private static func escape(_ text: String, table: [Bool], keeping kept: (Unicode.Scalar) -> Bool, tabsAsSpaces: Bool) -> String {
        // Fast path: no byte that could begin an unsafe character (one table look-up a byte);
        // then, no character that is (curly quotes and dashes begin as bidi controls do).
        var text = text
        let plain = text.withUTF8 { bytes in table.withUnsafeBufferPointer { t in !bytes.contains { t[Int($0)] } } }
        if plain || !text.unicodeScalars.contains(where: { !kept($0) && isUnsafe($0) }) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if kept(s) || !isUnsafe(s) {
                out.append(s)
            } else if s == "\t" && tabsAsSpaces {
                out.append(" ")
            } else {
                out.append(contentsOf: shown(s).unicodeScalars)
            }
        }
        return String(out)
    }
}

/// Standard output, buffered: what the commands print collects here and is written in blocks of
/// ``blockSize`` (and at exit, ``flush()``), each through ``Terminal/neutralise(_:)``.
final class StandardOutput: @unchecked Sendable {
    static let shared = StandardOutput()
    /// Bytes collected before a write.
    static let blockSize = 64 << 10
    private var buffer = ""
    private let lock = NSLock()

    func write(_ text: String) { append(Terminal.neutralise(text)) }

    /// Writes markup (``Terminal/neutraliseMarkup(_:)``).
    func writeMarkup(_ text: String) { append(Terminal.neutraliseMarkup(text)) }

    private func append(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        buffer += text
        if buffer.utf8.count >= StandardOutput.blockSize {
            Terminal.standardOutput.write(buffer)
            buffer = ""
        }
    }

    func flush() {
        lock.lock()
        defer { lock.unlock() }
        Terminal.standardOutput.write(buffer)
        buffer = ""
    }
}

/// Every command prints through this, not the standard library's `print` (which it shades in
/// this module): the text is buffered (``StandardOutput``) and passes ``Terminal/neutralise(_:)``
/// on its way out, so no bidirectional or invisible control reaches the terminal whatever a
/// command forgot to sanitize.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    StandardOutput.shared.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
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
