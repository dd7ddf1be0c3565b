import ResolutionText

/// Streams the revisions of a ``SyntheticSeries`` one at a time.
public struct SyntheticGenerator: Sendable {
    private struct Clause: Sendable {
        var id: Int
        var introduced: Int
        /// The revision that last changed its words (see ``RevisionTruth/lastChanged``).
        var lastChanged: Int
        var tokens: [Int32]
        var origins: [Int32]
        var note: Int?
        var from: [Int]
        var subs: [Clause] = []
    }

    private enum Section: Sendable { case preamble, operative }

    private struct Archived: Sendable {
        var clause: Clause
        var section: Section
        var isSub: Bool
        var deletedAt: Int
    }

    private var rng: SplitMix64
    private let config: SyntheticSeries.Configuration
    private var words: [String] = []
    private var wordIndex: [String: Int32] = [:]
    private var noSpaceBefore: [Bool] = []
    private var preamble: [Clause] = []
    private var operative: [Clause] = []
    private var archive: [Archived] = []
    private var notes: [[Int32]] = []  // footnote id -> tokens
    private var nextID = 0
    private var revision = 0
    private var citations: [[Int32]] = []

    public init(seed: UInt64, configuration: SyntheticSeries.Configuration = SyntheticSeries.Configuration()) {
        rng = SplitMix64(seed: seed)
        config = configuration
        for w in [",", ";", ":", ".", "Recalling", "its", "resolutions", "and", "of", "See", "resolution"] { _ = word(w) }
        contentIDs = Vocabulary.content.split(separator: " ").map { word(String($0)) }
        phraseIDs = Vocabulary.phrases.map { $0.split(separator: " ").map { word(String($0)) } }
        preOpenerIDs = Vocabulary.preambularOpeners.map { $0.split(separator: " ").map { word(String($0)) } }
        opOpenerIDs = Vocabulary.operativeOpeners.map { $0.split(separator: " ").map { word(String($0)) } }
        connectorIDs = Vocabulary.connectors.split(separator: " ").map { word(String($0)) }
    }

    private var contentIDs: [Int32] = []
    private var phraseIDs: [[Int32]] = []
    private var preOpenerIDs: [[Int32]] = []
    private var opOpenerIDs: [[Int32]] = []
    private var connectorIDs: [Int32] = []

    private mutating func word(_ w: String) -> Int32 {
        if let i = wordIndex[w] { return i }
        let i = Int32(words.count)
        words.append(w)
        wordIndex[w] = i
        noSpaceBefore.append(w == "," || w == ";" || w == ":" || w == ".")
        return i
    }

    private var comma: Int32 { 0 }
    private var semicolon: Int32 { 1 }
    private var colon: Int32 { 2 }
    private var period: Int32 { 3 }

    // MARK: - Text generation

    private mutating func contentWord() -> Int32 {
        let u = rng.unit()
        let i = Int(Double(contentIDs.count) * u * u)
        return contentIDs[min(i, contentIDs.count - 1)]
    }

    private mutating func symbol() -> Int32 {
        switch rng.below(3) {
        case 0: return word("\(rng.int(in: 50...79))/\(rng.int(in: 1...250))")
        case 1: return word("A/\(rng.int(in: 50...79))/\(rng.int(in: 100...700))")
        default: return word("\(rng.int(in: 1995...2030))")
        }
    }

    /// A clause body of about `length` tokens, without opener or final punctuation.
    private mutating func body(_ length: Int) -> [Int32] {
        var t: [Int32] = []
        while t.count < length {
            let r = rng.unit()
            if !t.isEmpty && rng.chance(0.6) { t.append(rng.pick(connectorIDs)) }
            if r < 0.38 {
                t += rng.pick(phraseIDs)
            } else if r < 0.88 {
                for _ in 0..<rng.int(in: 1...3) { t.append(contentWord()) }
            } else if r < 0.95 {
                if rng.chance(0.5) { t.append(word("resolution")) }
                t.append(symbol())
            } else if !t.isEmpty && t.last != comma {
                t.append(comma)
            }
        }
        if t.last == comma { t.removeLast() }
        return t
    }

    private mutating func newClause(_ section: Section, isSub: Bool) -> Clause {
        var t: [Int32] = []
        if isSub {
            t = body(rng.int(in: 8...22))
            t.append(semicolon)
        } else if section == .preamble {
            t = rng.pick(preOpenerIDs) + body(rng.int(in: 28...62))
            t.append(comma)
        } else {
            t = rng.pick(opOpenerIDs) + body(rng.int(in: 28...70))
            t.append(semicolon)
        }
        nextID += 1
        var c = Clause(
            id: nextID, introduced: revision, lastChanged: revision, tokens: t,
            origins: Array(repeating: Int32(revision), count: t.count),
            note: nil, from: [])
        if !isSub && rng.chance(0.08) {
            notes.append(noteText())
            c.note = notes.count - 1
        }
        return c
    }

    private mutating func noteText() -> [Int32] {
        var t: [Int32] = [word("See")]
        for k in 0..<rng.int(in: 1...3) {
            if k > 0 { t.append(comma) }
            t.append(word("A/\(rng.int(in: 50...79))/\(rng.int(in: 100...700))"))
        }
        t.append(period)
        return t
    }

    private mutating func citation() -> [Int32] {
        let months = ["November", "December"]
        return [
            word("\(50 + revision)/\(rng.int(in: 10...250))"), word("of"), word("\(rng.int(in: 1...28))"),
            word(rng.pick(months)), word("\(1995 + revision)"),
        ]
    }

    // MARK: - Rendering

    private func render(_ tokens: [Int32]) -> String {
        var s = ""
        s.reserveCapacity(tokens.count * 8)
        for (i, t) in tokens.enumerated() {
            if i > 0 && !noSpaceBefore[Int(t)] { s += " " }
            s += words[Int(t)]
        }
        return s
    }

    private var keys: [String] = []

    private mutating func key(_ r: Int) -> String {
        while keys.count <= r { keys.append(SyntheticSeries.key(keys.count)) }
        return keys[r]
    }

    private mutating func runs(_ origins: [Int32]) -> [OriginRun] {
        var out: [OriginRun] = []
        var i = 0
        while i < origins.count {
            var j = i + 1
            while j < origins.count && origins[j] == origins[i] { j += 1 }
            out.append(OriginRun(count: j - i, revision: key(Int(origins[i]))))
            i = j
        }
        return out
    }

    // MARK: - Steps

    /// The next revision and its truth.
    /// Restarts the random choices from `seed`, keeping the document: a copy of a generator
    /// reseeded this way continues the same text along another line (a fork).
    public mutating func reseed(_ seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    public mutating func next() -> (RevisionText, RevisionTruth) {
        let previous = flattenIDs()
        if revision == 0 {
            start()
        } else {
            step()
        }
        let result = emit(previous: previous)
        revision += 1
        return result
    }

    private func flattenIDs() -> [Int: Int] {
        var m: [Int: Int] = [:]
        var k = 0
        for c in preamble {
            m[c.id] = k
            k += 1
        }
        for c in operative {
            m[c.id] = k
            k += 1
            for s in c.subs {
                m[s.id] = k
                k += 1
            }
        }
        return m
    }

    private mutating func start() {
        // The citing clause.
        for _ in 0..<4 { citations.append(citation()) }
        nextID += 1
        let t = citingTokens()
        preamble.append(
            Clause(
                id: nextID, introduced: 0, lastChanged: 0, tokens: t, origins: Array(repeating: 0, count: t.count), note: nil,
                from: []))
        let total = config.paragraphs
        let pre = total * 2 / 5
        for _ in 1..<pre { preamble.append(newClause(.preamble, isSub: false)) }
        while count() < total {
            var c = newClause(.operative, isSub: false)
            if rng.chance(0.15) {
                c.tokens[c.tokens.count - 1] = colon
                for _ in 0..<rng.int(in: 2...4) { c.subs.append(newClause(.operative, isSub: true)) }
            }
            operative.append(c)
        }
    }

    private func citingTokens() -> [Int32] {
        var t: [Int32] = [wordIndex["Recalling"]!, wordIndex["its"]!, wordIndex["resolutions"]!]
        for (i, c) in citations.enumerated() {
            if i > 0 { t.append(i == citations.count - 1 ? wordIndex["and"]! : comma) }
            t += c
        }
        t.append(comma)
        return t
    }

    private func count() -> Int { preamble.count + operative.reduce(0) { $0 + 1 + $1.subs.count } }

    private enum Address { case pre(Int), op(Int), sub(Int, Int) }

    private func addresses(includeCiting: Bool = false) -> [Address] {
        var a: [Address] = []
        for i in preamble.indices where includeCiting || i > 0 { a.append(.pre(i)) }
        for i in operative.indices {
            a.append(.op(i))
            for j in operative[i].subs.indices { a.append(.sub(i, j)) }
        }
        return a
    }

    private func clause(_ a: Address) -> Clause {
        switch a {
        case .pre(let i): return preamble[i]
        case .op(let i): return operative[i]
        case .sub(let i, let j): return operative[i].subs[j]
        }
    }

    private mutating func set(_ a: Address, _ c: Clause) {
        switch a {
        case .pre(let i): preamble[i] = c
        case .op(let i): operative[i] = c
        case .sub(let i, let j): operative[i].subs[j] = c
        }
    }

    /// Number of events for an expected rate.
    private mutating func events(_ rate: Double) -> Int {
        var n = Int(rate)
        if rng.chance(rate - Double(n)) { n += 1 }
        return n
    }

    private mutating func step() {
        // Everyone derives from itself unless told otherwise.
        for i in preamble.indices { preamble[i].from = [preamble[i].id] }
        for i in operative.indices {
            operative[i].from = [operative[i].id]
            for j in operative[i].subs.indices { operative[i].subs[j].from = [operative[i].subs[j].id] }
        }
        updateCitations()
        // Deletions first, so that every deleted clause is archived as it last appeared.
        let inserts = events(config.insertions)
        var deletes = events(config.insertions)
        let n = count()
        if n > config.paragraphs + 4 { deletes += 1 }
        if n < config.paragraphs - 4 && deletes > 0 { deletes -= 1 }
        for _ in 0..<deletes { delete() }
        let r = Int32(revision)
        for a in addresses() {
            if rng.chance(config.heavyRewording) && clause(a).tokens.count >= 24 {
                var c = clause(a)
                heavyReword(&c, r)
                set(a, c)
            } else if rng.chance(config.lightRewording) {
                var c = clause(a)
                lightReword(&c, r)
                set(a, c)
            }
        }
        for _ in 0..<events(config.splits) { split() }
        for _ in 0..<events(config.merges) { merge() }
        for _ in 0..<events(config.moves) { move() }
        for _ in 0..<inserts { insert() }
        for _ in 0..<events(config.restorations) { restore() }
        for k in notes.indices where rng.chance(config.footnoteGrowth) {
            var t = notes[k]
            t.removeLast()
            t += [comma, word("A/\(rng.int(in: 50...79))/\(rng.int(in: 100...700))"), period]
            notes[k] = t
        }
    }

    private mutating func updateCitations() {
        guard !preamble.isEmpty, preamble[0].introduced == 0, preamble[0].id == 1 else { return }
        let r = Int32(revision)
        var c = preamble[0]
        var origins = c.origins
        var tokens = c.tokens
        // Drop the oldest citation when there are more than 8.
        if citations.count >= 8 {
            let len = citations[0].count + 1  // citation and the comma after it
            tokens.removeSubrange(3..<(3 + len))
            origins.removeSubrange(3..<(3 + len))
            citations.removeFirst()
        }
        // Replace the final "and" by a comma and append ", and <new citation>" before the final comma.
        let new = citation()
        let andID = wordIndex["and"]!
        if let lastAnd = tokens.lastIndex(of: andID) {
            tokens[lastAnd] = comma
            origins[lastAnd] = r
        }
        let insertAt = tokens.count - 1
        let added = [andID] + new
        tokens.insert(contentsOf: added, at: insertAt)
        origins.insert(contentsOf: repeatElement(r, count: added.count), at: insertAt)
        citations.append(new)
        c.tokens = tokens
        c.origins = origins
        c.lastChanged = revision
        preamble[0] = c
    }

    private mutating func lightReword(_ c: inout Clause, _ r: Int32) {
        for _ in 0..<rng.int(in: 1...3) {
            let n = c.tokens.count
            guard n > 6 else { return }
            c.lastChanged = Int(r)
            let p = rng.int(in: 1...(n - 2))
            switch rng.below(5) {
            case 0, 1, 2:
                var w = contentWord()
                while w == c.tokens[p] { w = contentWord() }
                c.tokens[p] = w
                c.origins[p] = r
            case 3:
                c.tokens.insert(contentWord(), at: p)
                c.origins.insert(r, at: p)
            default:
                c.tokens.remove(at: p)
                c.origins.remove(at: p)
            }
        }
    }

    private mutating func heavyReword(_ c: inout Clause, _ r: Int32) {
        // Chunks of 3–6 tokens, alternately rewritten and kept (starting at random), so that about
        // half of the words change.
        var t: [Int32] = []
        var o: [Int32] = []
        let n = c.tokens.count
        var i = 0
        var rewrite = rng.chance(0.5)
        while i < n - 1 {
            let len = min(rng.int(in: 3...6), n - 1 - i)
            defer { rewrite.toggle() }
            if rewrite {
                var repl = body(len)
                if repl.count > len + 1 { repl.removeLast(repl.count - len - 1) }
                t += repl
                o += repeatElement(r, count: repl.count)
            } else {
                t += c.tokens[i..<(i + len)]
                o += c.origins[i..<(i + len)]
            }
            i += len
        }
        t.append(c.tokens[n - 1])
        o.append(c.origins[n - 1])
        c.tokens = t
        c.origins = o
        c.lastChanged = Int(r)
    }

    private mutating func split() {
        let cands = addresses().filter { a in
            if case .sub = a { return false }
            let c = clause(a)
            return c.subs.isEmpty && c.tokens.count >= 20
        }
        guard !cands.isEmpty else { return }
        let a = rng.pick(cands)
        let c = clause(a)
        let n = c.tokens.count
        var s = 0
        for _ in 0..<8 {
            s = Int(Double(n) * (0.3 + 0.4 * rng.unit()))
            if abs(s - (n - s)) >= 4 { break }
        }
        guard abs(s - (n - s)) >= 4 else { return }
        let r = Int32(revision)
        let isPre: Bool
        if case .pre = a { isPre = true } else { isPre = false }
        let end = isPre ? comma : semicolon
        let opener = rng.pick(isPre ? preOpenerIDs : opOpenerIDs)
        var first = c
        first.tokens = Array(c.tokens[0..<s]) + [end]
        first.origins = Array(c.origins[0..<s]) + [r]
        var second = c
        second.tokens = opener + Array(c.tokens[s...])
        second.origins = Array(repeating: r, count: opener.count) + Array(c.origins[s...])
        second.note = nil
        nextID += 1
        if s >= n - s {
            second.id = nextID
            second.introduced = revision
        } else {
            first.id = nextID
            first.introduced = revision
        }
        first.from = [c.id]
        second.from = [c.id]
        first.lastChanged = revision
        second.lastChanged = revision
        switch a {
        case .pre(let i):
            preamble[i] = first
            preamble.insert(second, at: i + 1)
        case .op(let i):
            operative[i] = first
            operative.insert(second, at: i + 1)
        case .sub: break
        }
    }

    private mutating func merge() {
        var cands: [Address] = []
        for i in preamble.indices.dropFirst() where i + 1 < preamble.count { cands.append(.pre(i)) }
        for i in operative.indices where i + 1 < operative.count && operative[i].subs.isEmpty && operative[i + 1].subs.isEmpty {
            cands.append(.op(i))
        }
        guard !cands.isEmpty else { return }
        let a = rng.pick(cands)
        let (x, y): (Clause, Clause)
        switch a {
        case .pre(let i): (x, y) = (preamble[i], preamble[i + 1])
        case .op(let i): (x, y) = (operative[i], operative[i + 1])
        case .sub: return
        }
        let la = x.tokens.count - 1, lb = y.tokens.count
        guard abs(la - lb) >= 4 else { return }
        let r = Int32(revision)
        var m = la >= lb ? x : y
        m.tokens = Array(x.tokens[0..<la]) + [comma, word("and")] + y.tokens
        m.origins = Array(x.origins[0..<la]) + [r, r] + y.origins
        m.note = x.note ?? y.note
        m.from = [x.id, y.id]
        m.lastChanged = revision
        switch a {
        case .pre(let i):
            preamble[i] = m
            preamble.remove(at: i + 1)
        case .op(let i):
            operative[i] = m
            operative.remove(at: i + 1)
        case .sub: break
        }
    }

    private mutating func move() {
        if rng.chance(0.5) && preamble.count > 3 {
            let i = rng.int(in: 1...(preamble.count - 1))
            let c = preamble.remove(at: i)
            var j = rng.int(in: 1...preamble.count)
            if j == i { j = j == 1 ? preamble.count : 1 }
            preamble.insert(c, at: j)
        } else if operative.count > 2 {
            let i = rng.below(operative.count)
            let c = operative.remove(at: i)
            var j = rng.below(operative.count + 1)
            if j == i { j = j == 0 ? operative.count : 0 }
            operative.insert(c, at: j)
        }
    }

    private mutating func delete() {
        let a = addresses()
        guard a.count > 4 else { return }
        let pick = rng.pick(a)
        switch pick {
        case .pre(let i):
            archive.append(Archived(clause: preamble[i], section: .preamble, isSub: false, deletedAt: revision))
            preamble.remove(at: i)
        case .op(let i):
            var c = operative[i]
            for s in c.subs {
                archive.append(Archived(clause: s, section: .operative, isSub: true, deletedAt: revision))
            }
            c.subs = []
            if c.tokens.last == colon {
                c.tokens[c.tokens.count - 1] = semicolon
                c.origins[c.origins.count - 1] = Int32(revision)
                c.lastChanged = revision
            }
            archive.append(Archived(clause: c, section: .operative, isSub: false, deletedAt: revision))
            operative.remove(at: i)
        case .sub(let i, let j):
            archive.append(Archived(clause: operative[i].subs[j], section: .operative, isSub: true, deletedAt: revision))
            operative[i].subs.remove(at: j)
        }
    }

    private mutating func place(_ c: Clause, section: Section, isSub: Bool) {
        var c = c
        c.from = []
        if isSub {
            guard !operative.isEmpty else { return }
            let withSubs = operative.indices.filter { !operative[$0].subs.isEmpty }
            let i = withSubs.isEmpty ? rng.below(operative.count) : rng.pick(withSubs)
            if operative[i].subs.isEmpty {
                operative[i].tokens[operative[i].tokens.count - 1] = colon
                operative[i].origins[operative[i].origins.count - 1] = Int32(revision)
                operative[i].lastChanged = revision
            }
            operative[i].subs.insert(c, at: rng.int(in: 0...operative[i].subs.count))
        } else if section == .preamble {
            preamble.insert(c, at: rng.int(in: 1...preamble.count))
        } else {
            operative.insert(c, at: rng.int(in: 0...operative.count))
        }
    }

    private mutating func insert() {
        let u = rng.unit()
        if u < 0.4 {
            place(newClause(.preamble, isSub: false), section: .preamble, isSub: false)
        } else if u < 0.85 {
            place(newClause(.operative, isSub: false), section: .operative, isSub: false)
        } else {
            place(newClause(.operative, isSub: true), section: .operative, isSub: true)
        }
    }

    private mutating func restore() {
        let eligible = archive.indices.filter { archive[$0].deletedAt <= revision - 3 }
        guard !eligible.isEmpty else { return }
        let k = rng.pick(eligible)
        let entry = archive.remove(at: k)
        var c = entry.clause
        if rng.chance(0.4) { lightReword(&c, Int32(revision)) }
        c.lastChanged = revision
        place(c, section: entry.section, isSub: entry.isSub)
    }

    private mutating func emit(previous: [Int: Int]) -> (RevisionText, RevisionTruth) {
        var paragraphs: [Paragraph] = []
        var truth = RevisionTruth(clauses: [], introduced: [], lastChanged: [], origins: [], links: [])
        var marks: [Int: Int] = [:]
        var noteOrder: [Int] = []
        func noteMark(_ n: Int?) -> [String] {
            guard let n else { return [] }
            if let m = marks[n] { return [String(m)] }
            noteOrder.append(n)
            marks[n] = noteOrder.count
            return [String(noteOrder.count)]
        }
        func add(_ c: Clause, kind: Paragraph.Kind, label: String?, parent: Int?) {
            let idx = paragraphs.count
            paragraphs.append(
                Paragraph(
                    index: idx, kind: kind, label: label, parent: parent, text: render(c.tokens),
                    footnotes: noteMark(c.note)))
            truth.clauses.append(c.id)
            truth.introduced.append(key(c.introduced))
            truth.lastChanged.append(key(c.lastChanged))
            truth.origins.append(runs(c.origins))
            for f in c.from {
                if let o = previous[f] { truth.links.append((o, idx)) }
            }
        }
        for c in preamble { add(c, kind: .preambular, label: nil, parent: nil) }
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for (i, c) in operative.enumerated() {
            let p = paragraphs.count
            add(c, kind: .operative, label: String(i + 1), parent: nil)
            for (j, s) in c.subs.enumerated() {
                add(s, kind: .subparagraph, label: "(\(letters[j % 26]))", parent: p)
            }
        }
        // The closing mark follows position: the last paragraph ends with a full stop, like the
        // last operative paragraph of a resolution (a clause moving to or from the end changes
        // its mark, which is layout: its words and their origins are the clause's own).
        if let last = paragraphs.indices.last, paragraphs[last].kind != .preambular, paragraphs[last].text.hasSuffix(";") {
            paragraphs[last].text = String(paragraphs[last].text.dropLast()) + "."
        }
        let footnotes = noteOrder.enumerated().map { Footnote(mark: String($0.offset + 1), text: render(notes[$0.element])) }
        let text = RevisionText(key: key(revision), paragraphs: paragraphs, footnotes: footnotes)
        return (text, truth)
    }
}

/// The generator's formulaic vocabulary.
enum Vocabulary {
    static let preambularOpeners = [
        "Recalling", "Recalling also", "Noting", "Noting also", "Noting with concern", "Welcoming",
        "Welcoming also", "Bearing in mind", "Bearing in mind also", "Reaffirming", "Emphasizing",
        "Expressing concern", "Expressing its appreciation", "Taking note of", "Considering", "Acknowledging",
        "Stressing", "Recognizing", "Convinced", "Mindful", "Underlining", "Affirming", "Deeply concerned",
        "Aware",
    ]
    static let operativeOpeners = [
        "Calls upon", "Requests", "Invites", "Decides", "Urges", "Encourages", "Welcomes", "Notes",
        "Reaffirms", "Emphasizes", "Stresses", "Underlines", "Also requests", "Further invites",
        "Takes note of", "Expresses its appreciation", "Appeals to", "Recommends", "Acknowledges",
        "Requests also",
    ]
    static let connectors = "and of to the that for in on with by as and of the to which including"
    static let phrases = [
        "Member States", "the Secretary-General", "information security", "the United Nations",
        "international cooperation", "in the context of international security", "the General Assembly",
        "relevant international concepts", "the international community", "in accordance with its mandate",
        "the Group of Governmental Experts", "information and telecommunications systems",
        "on the basis of equitable geographical distribution", "existing and potential threats",
        "in the field of information security", "possible cooperative measures", "the free flow of information",
        "at the national level", "the report of the Secretary-General",
        "taking into account the assessments and recommendations", "as well as", "to continue to",
        "with a view to", "in this regard", "confidence-building measures", "all relevant stakeholders",
        "developing countries", "the use of information and communications technologies", "at its next session",
        "regional and subregional organizations", "within existing resources", "the relevant United Nations entities",
        "in the sphere of information security", "to strengthen", "in cooperation with", "to submit a report",
        "on the implementation of the present resolution", "the importance of", "human rights and fundamental freedoms",
        "the Charter of the United Nations", "international law", "sustainable development", "the rule of law",
        "the private sector and civil society", "scientific and technological developments",
        "civilian and military applications", "the integrity of the infrastructure of States",
    ]
    static let content = """
        information security international cooperation States measures development technologies threats \
        report assessments views concepts systems community efforts level resources use purposes \
        security-related stability infrastructure integrity progress opportunities framework capacity \
        dialogue norms principles behaviour transparency confidence assistance experts group study session \
        agenda item mandate outcome work results recommendations implementation strategies challenges \
        responses approaches initiatives contributions activities programmes mechanisms institutions \
        organizations stakeholders partnerships networks platforms standards guidelines practices policies \
        legislation regulations obligations commitments rights freedoms privacy protection prevention \
        detection mitigation recovery resilience awareness education training research innovation \
        investment expansion circulation civilization humankind potential enhancement improvements \
        applications scientific technological civilian military criminal terrorist malicious hostile \
        unauthorized interference misuse vulnerabilities incidents attacks risks consequences effects \
        impact damage losses costs benefits advantages gains interests needs priorities concerns \
        questions issues matters aspects elements components features properties characteristics \
        definitions notions terms understanding knowledge expertise skills competence experience \
        lessons examples cases situations circumstances conditions environment context space domain \
        sphere field area sector region country nation territory jurisdiction authority sovereignty \
        independence equality justice peace order rule law treaty convention agreement arrangement \
        protocol declaration statement resolution decision recommendation proposal suggestion request \
        invitation appeal call measure step action response reaction initiative proposal plan \
        programme project campaign effort endeavour undertaking task function role responsibility \
        duty obligation accountability oversight monitoring evaluation review analysis examination \
        consideration deliberation discussion negotiation consultation coordination collaboration \
        engagement participation involvement inclusion representation membership composition \
        distribution allocation provision delivery supply access availability affordability quality \
        reliability safety trust confidence-building predictability consistency coherence complementarity \
        synergy effectiveness efficiency sustainability continuity stability flexibility adaptability \
        interoperability compatibility connectivity digital electronic cyber online virtual global \
        regional subregional bilateral multilateral national local public private governmental \
        non-governmental intergovernmental academic technical legal political economic social cultural \
        humanitarian developmental environmental financial commercial industrial operational strategic \
        tactical practical theoretical conceptual normative institutional procedural substantive \
        comprehensive inclusive transparent equitable balanced fair open secure peaceful stable \
        responsible appropriate relevant effective concrete specific general common shared mutual \
        collective individual voluntary binding non-binding existing potential emerging new additional \
        further future current recent previous former initial final annual biennial periodic regular \
        Midrand Geneva Tunis Paris Nairobi Vienna Montevideo Bangkok Addis Ababa Santiago Doha Oslo \
        Summit Conference Forum Meeting Symposium Workshop Seminar Commission Council Committee Office \
        Institute Secretariat Bureau Board Panel Network Centre Agency Programme Fund Bank Union
        """
}
