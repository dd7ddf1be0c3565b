import LineageCore

/// Reads a stored note (``RevisionLineage`` as JSON) several times faster than Foundation's
/// `JSONDecoder`, which took most of the time of the commands that read every note (`history`,
/// `changelog`): one pass over the bytes, no intermediate tree, strings copied once.
///
/// It reads the shape ``NoteJSON`` writes (any key order, unknown keys skipped, optional fields
/// absent or `null`) and gives the same values as `JSONDecoder`; anything else (a missing field,
/// another format, malformed JSON) throws, and ``RevisionLineage/decode(_:commit:)`` then asks
/// `JSONDecoder`, so errors read as before. O(size of the note) time and memory.
struct NoteDecoding {
    struct Malformed: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func decode(_ bytes: [UInt8]) throws(Malformed) -> RevisionLineage {
        let result: Result<RevisionLineage, Malformed> = bytes.withUnsafeBufferPointer { buffer in
            var reader = NoteDecoding(buffer)
            do {
                let note = try reader.note()
                reader.whitespace()
                guard reader.at == buffer.count else { return .failure(Malformed()) }
                return .success(note)
            } catch {
                return .failure(Malformed())
            }
        }
        return try result.get()
    }

    // MARK: - The note's types

    private mutating func note() throws(Malformed) -> RevisionLineage {
        var format: Int?, revision: String?, parents: [String]?, state: LineageState?
        var archived: [ClauseRecord]?, restored: [String]?, changes: [Change]?, footnoteChanges: [Change]?
        try object { (r, key) throws(Malformed) in
            switch key {
            case "format": format = try r.int()
            case "revision": revision = try r.string()
            case "parents": parents = try r.array { (r) throws(Malformed) in try r.string() }
            case "state": state = try r.state()
            case "archived": archived = try r.array { (r) throws(Malformed) in try r.clause() }
            case "restored": restored = try r.array { (r) throws(Malformed) in try r.string() }
            case "changes": changes = try r.array { (r) throws(Malformed) in try r.change() }
            case "footnoteChanges": footnoteChanges = try r.array { (r) throws(Malformed) in try r.change() }
            default: try r.skipValue()
            }
        }
        guard let format, let revision, let parents, let state, let archived, let restored, let changes, let footnoteChanges
        else { throw Malformed() }
        var note = RevisionLineage(
            revision: revision, parents: parents, state: state, archived: archived, restored: restored, changes: changes,
            footnoteChanges: footnoteChanges)
        note.format = format
        return note
    }

    private mutating func state() throws(Malformed) -> LineageState {
        var format: Int?, revision: String?, clauses: [ClauseRecord]?
        var footnotes: [ClauseRecord]?, archive: [ClauseRecord]?
        try object { (r, key) throws(Malformed) in
            switch key {
            case "format": format = try r.int()
            case "revision": revision = try r.string()
            case "clauses": clauses = try r.array { (r) throws(Malformed) in try r.clause() }
            case "footnotes": footnotes = try r.optional { (r) throws(Malformed) in try r.array { (r) throws(Malformed) in try r.clause() } }
            case "archive": archive = try r.optional { (r) throws(Malformed) in try r.array { (r) throws(Malformed) in try r.clause() } }
            default: try r.skipValue()
            }
        }
        guard format == LineageState.format, let revision, let clauses else { throw Malformed() }
        return LineageState(revision: revision, clauses: clauses, footnotes: footnotes ?? [], archive: archive ?? [])
    }

    private mutating func clause() throws(Malformed) -> ClauseRecord {
        var id: String?, introduced: String?, lastChanged: String?, kind: ClauseRecord.Kind?, label: String?
        var parent: Int?, text: String?, origins: [OriginRun]?, removedIn: String?
        try object { (r, key) throws(Malformed) in
            switch key {
            case "id": id = try r.string()
            case "introduced": introduced = try r.string()
            case "lastChanged": lastChanged = try r.string()
            case "kind":
                guard let k = ClauseRecord.Kind(rawValue: try r.string()) else { throw Malformed() }
                kind = k
            case "label": label = try r.optional { (r) throws(Malformed) in try r.string() }
            case "parent": parent = try r.optional { (r) throws(Malformed) in try r.int() }
            case "text": text = try r.string()
            case "origins":
                origins = try r.array { (r) throws(Malformed) in
                    try r.expect(UInt8(ascii: "["))
                    let count = try r.int()
                    try r.expect(UInt8(ascii: ","))
                    let revision = try r.string()
                    try r.expect(UInt8(ascii: "]"))
                    return OriginRun(count: count, revision: revision)
                }
            case "removedIn": removedIn = try r.optional { (r) throws(Malformed) in try r.string() }
            default: try r.skipValue()
            }
        }
        guard let id, let introduced, let lastChanged, let kind, let text, let origins else { throw Malformed() }
        return ClauseRecord(
            id: id, introduced: introduced, lastChanged: lastChanged, kind: kind, label: label, parent: parent, text: text,
            origins: origins, removedIn: removedIn)
    }

    private mutating func change() throws(Malformed) -> Change {
        var kind: ChangeKind?, old: [Int]?, new: [Int]?, similarity: Double?, words: [WordRun]?, restoredFrom: String?
        try object { (r, key) throws(Malformed) in
            switch key {
            case "kind":
                guard let k = ChangeKind(rawValue: try r.string()) else { throw Malformed() }
                kind = k
            case "old": old = try r.array { (r) throws(Malformed) in try r.int() }
            case "new": new = try r.array { (r) throws(Malformed) in try r.int() }
            case "similarity": similarity = try r.double()
            case "restoredFrom": restoredFrom = try r.optional { (r) throws(Malformed) in try r.string() }
            case "words":
                words = try r.array { (r) throws(Malformed) in
                    var op: WordOp?, text: String?
                    try r.object { (r, key) throws(Malformed) in
                        switch key {
                        case "op":
                            guard let o = WordOp(rawValue: try r.string()) else { throw Malformed() }
                            op = o
                        case "text": text = try r.string()
                        default: try r.skipValue()
                        }
                    }
                    guard let op, let text else { throw Malformed() }
                    return WordRun(op: op, text: text)
                }
            default: try r.skipValue()
            }
        }
        guard let kind, let old, let new, let similarity, let words else { throw Malformed() }
        return Change(kind: kind, old: old, new: new, similarity: similarity, words: words, restoredFrom: restoredFrom)
    }

    // MARK: - JSON values

    private mutating func whitespace() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x0A, 0x0D, 0x09: at += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Malformed) {
        whitespace()
        guard at < bytes.count, bytes[at] == byte else { throw Malformed() }
        at += 1
    }

    /// True (and consumed) if the next byte is `byte`.
    private mutating func next(is byte: UInt8) -> Bool {
        whitespace()
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// `null` (consumed), or the value `read` reads.
    private mutating func optional<T>(_ read: (inout NoteDecoding) throws(Malformed) -> T) throws(Malformed) -> T? {
        whitespace()
        if at + 4 <= bytes.count, bytes[at] == UInt8(ascii: "n") {
            try literal("null")
            return nil
        }
        return try read(&self)
    }

    private mutating func literal(_ word: StaticString) throws(Malformed) {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count else { throw Malformed() }
        for i in 0..<n where bytes[at + i] != word.utf8Start[i] { throw Malformed() }
        at += n
    }

    private mutating func array<T>(_ element: (inout NoteDecoding) throws(Malformed) -> T) throws(Malformed) -> [T] {
        try expect(UInt8(ascii: "["))
        var out: [T] = []
        if next(is: UInt8(ascii: "]")) { return out }
        repeat {
            out.append(try element(&self))
        } while next(is: UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return out
    }

    /// Calls `member` with each key, the reader then at its value, which `member` must read.
    private mutating func object(_ member: (inout NoteDecoding, String) throws(Malformed) -> Void) throws(Malformed) {
        try expect(UInt8(ascii: "{"))
        if next(is: UInt8(ascii: "}")) { return }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while next(is: UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    private mutating func string() throws(Malformed) -> String {
        try expect(UInt8(ascii: "\""))
        let start = at
        // Fast path: no escape before the closing quote.
        while at < bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                at += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw Malformed() }
            at += 1
        }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<at]))
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard at < bytes.count else { throw Malformed() }
                let escaped = bytes[at]
                at += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        try literal("\\u")
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Malformed() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw Malformed()
                    }
                    guard let s = Unicode.Scalar(scalar) else { throw Malformed() }
                    utf8.append(contentsOf: UTF8.encode(s)!)
                default: throw Malformed()
                }
            case 0..<0x20: throw Malformed()
            default: utf8.append(byte)
            }
        }
        throw Malformed()
    }

    private mutating func hex4() throws(Malformed) -> UInt32 {
        guard at + 4 <= bytes.count else { throw Malformed() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[at]
            at += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Malformed()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The bytes of a JSON number.
    private mutating func number() throws(Malformed) -> UnsafeBufferPointer<UInt8> {
        whitespace()
        let start = at
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                at += 1
            default:
                guard at > start else { throw Malformed() }
                return UnsafeBufferPointer(rebasing: bytes[start..<at])
            }
        }
        guard at > start else { throw Malformed() }
        return UnsafeBufferPointer(rebasing: bytes[start..<at])
    }

    /// An integer: digits with an optional minus sign, nothing else (as `JSONDecoder` for `Int`).
    private mutating func int() throws(Malformed) -> Int {
        let digits = try number()
        var i = 0
        let negative = digits[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        guard i < digits.count, digits.count - i <= 18 else { throw Malformed() }
        var value = 0
        while i < digits.count {
            let d = digits[i]
            guard d >= UInt8(ascii: "0"), d <= UInt8(ascii: "9") else { throw Malformed() }
            value = value * 10 + Int(d - UInt8(ascii: "0"))
            i += 1
        }
        return negative ? -value : value
    }

    private mutating func double() throws(Malformed) -> Double {
        let text = String(decoding: try number(), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Malformed() }
        return value
    }

    /// Skips any JSON value.
    private mutating func skipValue() throws(Malformed) {
        whitespace()
        guard at < bytes.count else { throw Malformed() }
        switch bytes[at] {
        case UInt8(ascii: "{"): try object { (r, _) throws(Malformed) in try r.skipValue() }
        case UInt8(ascii: "["): _ = try array { (r) throws(Malformed) in try r.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }
}
