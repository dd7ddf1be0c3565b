import LineageCore

/// Writes a ``RevisionLineage`` as the bytes Foundation's `JSONEncoder` gives it with
/// `[.sortedKeys, .withoutEscapingSlashes]` (the stored note format), several times faster:
/// keys in byte order, optional fields left out when `nil`, strings escaped as JSONEncoder does
/// (`\"` `\\` `\n` `\r` `\t` `\b` `\f`, other controls as `\u00xx`, everything else as UTF-8),
/// doubles as their shortest form without a trailing `.0`.
///
/// The key lists below follow the types' `CodingKeys`; a test compares the output with
/// JSONEncoder's on whole histories, so a field added to those types must be added here too.
struct NoteJSON {
    private(set) var bytes: [UInt8] = []

    static func encode(_ note: RevisionLineage) -> [UInt8] {
        var out = NoteJSON()
        out.bytes.reserveCapacity(64 << 10)
        out.note(note)
        return out.bytes
    }

    private mutating func note(_ n: RevisionLineage) {
        raw("{\"archived\":")
        array(n.archived) { $0.clause($1) }
        raw(",\"changes\":")
        array(n.changes) { $0.change($1) }
        raw(",\"footnoteChanges\":")
        array(n.footnoteChanges) { $0.change($1) }
        raw(",\"format\":")
        int(n.format)
        raw(",\"parents\":")
        array(n.parents) { $0.string($1) }
        raw(",\"restored\":")
        array(n.restored) { $0.string($1) }
        raw(",\"revision\":")
        string(n.revision)
        raw(",\"state\":")
        state(n.state)
        raw("}")
    }

    private mutating func state(_ s: LineageState) {
        raw("{\"archive\":")
        array(s.archive) { $0.clause($1) }
        raw(",\"clauses\":")
        array(s.clauses) { $0.clause($1) }
        raw(",\"footnotes\":")
        array(s.footnotes) { $0.clause($1) }
        raw(",\"format\":")
        int(LineageState.format)
        raw(",\"revision\":")
        string(s.revision)
        raw("}")
    }

    private mutating func clause(_ c: ClauseRecord) {
        raw("{\"id\":")
        string(c.id)
        raw(",\"introduced\":")
        string(c.introduced)
        raw(",\"kind\":")
        string(c.kind.rawValue)
        if let label = c.label {
            raw(",\"label\":")
            string(label)
        }
        raw(",\"lastChanged\":")
        string(c.lastChanged)
        raw(",\"origins\":")
        array(c.origins) { out, run in
            out.raw("[")
            out.int(run.count)
            out.raw(",")
            out.string(run.revision)
            out.raw("]")
        }
        if let parent = c.parent {
            raw(",\"parent\":")
            int(parent)
        }
        if let removedIn = c.removedIn {
            raw(",\"removedIn\":")
            string(removedIn)
        }
        raw(",\"text\":")
        string(c.text)
        raw("}")
    }

    private mutating func change(_ c: Change) {
        raw("{\"kind\":")
        string(c.kind.rawValue)
        raw(",\"new\":")
        array(c.new) { $0.int($1) }
        raw(",\"old\":")
        array(c.old) { $0.int($1) }
        if let from = c.restoredFrom {
            raw(",\"restoredFrom\":")
            string(from)
        }
        raw(",\"similarity\":")
        double(c.similarity)
        raw(",\"words\":")
        array(c.words) { out, run in
            out.raw("{\"op\":")
            out.string(run.op.rawValue)
            out.raw(",\"text\":")
            out.string(run.text)
            out.raw("}")
        }
        raw("}")
    }

    // MARK: - Values

    private mutating func array<T>(_ items: [T], _ element: (inout NoteJSON, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func int(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }

    private mutating func double(_ d: Double) {
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Copy runs that need no escape at once.
            var run = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                escape(byte)
                run = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            raw("\\u00")
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
    }
}
