import ResolutionText

/// A seeded synthetic record of the General Assembly with known truth: many series, one
/// repository, the shape of the whole Assembly (about 18,000 resolutions and 400 recurring
/// series over sessions 1 to 80, 1946 to 2025, dates before 1970 included), to measure how a
/// build of the whole record scales and how well it finds series, parents and the origin of
/// wordings.
///
/// The record is made session by session. Each session adopts a quota of resolutions (growing
/// from about a third of the last sessions' to all of it), numbered `S/K` in adoption order and
/// dated from 20 September to 22 December of its year (session 1 is 1946):
///
/// - **Recurring series** are re-adopted every session or every second session, until they end
///   (``Configuration/endRate`` per adoption); new series start to fill each session's quota.
///   Each continuing resolution copies its predecessor's text with edits (light rewording of a
///   few paragraphs, paragraphs inserted and deleted), and most cite it in their first
///   preambular paragraph ("Recalling its resolution 75/12 of 7 December 2020,"); the others
///   only repeat the title (``Configuration/citeShare``). A title sometimes changes (then the
///   resolution cites its predecessor, but for ``Configuration/textOnlyShare`` of them, whose
///   only evidence is the text).
/// - **Forks**: two resolutions of one session continue the same predecessor, one keeping the
///   title, one starting a line with a new title (both cite it). **Merges**: a resolution
///   continues two lines of its series (or, rarely, of two series, which then become one), citing
///   both and taking text from both.
/// - **One-off resolutions** (``Configuration/oneOffShare``): a series of their own.
/// - **Text reused across series**: a paragraph of another series' latest text copied word for
///   word (or with one word changed, ``Configuration/nearReuseShare``) into a resolution.
/// - **Misleading evidence**: boilerplate paragraphs shared by unrelated series ("Reaffirming the
///   purposes and principles of the Charter of the United Nations", the closing "Decides to
///   include in the provisional agenda of its … session the item entitled …", a report requested
///   of the Secretary-General) and, in some resolutions, a citation of an unrelated resolution
///   ("Recalling also its resolution 12/40 of …").
///
/// The truth (``Truth``) gives every resolution's parents, its series (the connected parts of
/// the graph of true parents, as ``Series`` defines a series) and every reuse with the first
/// resolution that held the copied wording.
///
/// Generation streams: only each line's latest text is kept, so memory is O(lines × text)
/// plus O(resolutions) of truth; time is O(total text).
public enum SyntheticRecord {
    /// Rates and sizes of the record.
    public struct Configuration: Sendable {
        /// Resolutions in the whole record.
        public var resolutions = 18_000
        /// Sessions, the first adopted in ``firstYear``.
        public var sessions = 80
        /// The year of session 1.
        public var firstYear = 1946
        /// Share of each session's resolutions that are one-offs.
        public var oneOffShare = 0.1
        /// Per adoption of a recurring line: probability that it is not adopted again.
        public var endRate = 0.012
        /// Share of recurring lines re-adopted every second session (the others every session).
        public var biennialShare = 0.35
        /// Per adoption of a recurring line: probability of a fork (two resolutions continuing it).
        public var forkRate = 0.008
        /// Per adoption of a line whose series has another line not adopted this session:
        /// probability that the two merge.
        public var lineMergeRate = 0.3
        /// Per adoption of a recurring line: probability that it merges with a line of another series.
        public var seriesMergeRate = 0.002
        /// Per continuing resolution: probability that the title changes.
        public var titleChangeRate = 0.03
        /// Share of continuing resolutions with an unchanged title that cite their predecessor.
        public var citeShare = 0.85
        /// Share of resolutions with a changed title that cite nothing (the text is the evidence).
        public var textOnlyShare = 0.05
        /// Per resolution: probability of recalling an unrelated resolution.
        public var crossCiteRate = 0.08
        /// Per resolution: probability of reusing a paragraph of another series.
        public var reuseRate = 0.15
        /// At most this share of a resolution's text (in bytes) is reused from other series: a
        /// resolution takes a paragraph or two of agreed language, not a text of its own.
        public var reuseShareLimit = 0.12
        /// Share of reuses with one word changed.
        public var nearReuseShare = 0.3
        /// Per paragraph and continuing resolution: probability of light rewording.
        public var rewordRate = 0.08
        /// Expected paragraphs inserted per continuing resolution.
        public var insertions = 0.8
        /// Expected paragraphs deleted per continuing resolution.
        public var deletions = 0.6

        public init() {}

        /// The configuration for `resolutions` resolutions.
        public init(resolutions: Int) {
            self.resolutions = resolutions
        }
    }

    /// One generated resolution.
    public struct Resolution: Sendable {
        /// Position in adoption order (0-based): the order of history.
        public var index: Int
        public var session: Int
        /// `S/K`.
        public var number: String
        public var adopted: CivilDate
        public var meeting: Int
        public var title: String
        /// Preambular paragraphs, without their closing comma.
        public var preamble: [String]
        /// Operative paragraphs, without their closing semicolon or full stop.
        public var operative: [String]

        /// The resolution as plain text in the shape `lineage build` reads: heading, title,
        /// paragraphs (operative ones numbered), the plenary meeting and the date.
        public var text: String {
            let date = adopted.longForm
            var out = "General Assembly\n\nResolution adopted by the General Assembly on \(date)\n\n"
            out += "\(number). \(title)\n\nThe General Assembly,\n\n"
            for p in preamble { out += p + ",\n\n" }
            for (i, p) in operative.enumerated() {
                out += "\(i + 1). " + p + (i == operative.count - 1 ? ".\n\n" : ";\n\n")
            }
            out += "\(Ordinal.english(meeting)) plenary meeting\n\(date)\n"
            return out
        }

        /// Whether a paragraph's text (as in ``preamble`` or ``operative``) is in this resolution.
        public func holds(_ paragraph: String) -> Bool { preamble.contains(paragraph) || operative.contains(paragraph) }
    }

    /// A paragraph copied from another series.
    public struct Reuse: Sendable {
        /// The resolution that reuses it (index).
        public var resolution: Int
        /// Its address there (`pp4`, `op2`).
        public var address: String
        /// Its text there.
        public var text: String
        /// The text copied.
        public var sourceText: String
        /// The resolution it was copied from (the latest of another line).
        public var source: Int
        /// The first resolution of the record that held ``sourceText``: the origin of the wording.
        public var firstHolder: Int
        /// Copied word for word (else one word changed).
        public var exact: Bool
    }

    /// What is true of the record.
    public struct Truth: Sendable {
        public var numbers: [String] = []
        public var adopted: [CivilDate] = []
        /// Parents of each resolution (indexes, each lower than its child's; first parent first).
        public var parents: [[Int]] = []
        /// Each resolution's series: the index of the first resolution of its connected part of
        /// the graph of ``parents``.
        public var series: [Int] = []
        public var reuses: [Reuse] = []
        /// Counts of what was generated.
        public var forks = 0, lineMerges = 0, seriesMerges = 0, titleChanges = 0
        public var citing = 0, titleOnly = 0, textOnly = 0, crossCites = 0, oneOffs = 0

        /// The number of series (one-offs included).
        public var seriesCount: Int { Set(series).count }
        /// The number of series of more than one resolution.
        public var recurringSeriesCount: Int {
            var size: [Int: Int] = [:]
            for s in series { size[s, default: 0] += 1 }
            return size.values.filter { $0 > 1 }.count
        }
        /// Resolutions adopted before 1970.
        public var before1970: Int { adopted.filter { $0.year < 1970 }.count }
        /// Sessions of the record, by resolution index.
        public func session(_ index: Int) -> Int { Int(numbers[index].prefix { $0 != "/" }) ?? 0 }
    }

    /// Generates the record, handing each resolution to `emit` in adoption order, and returns
    /// the truth.
    /// - Complexity: O(total text) time; O(lines × text + resolutions) memory.
    public static func generate(
        seed: UInt64, configuration: Configuration = Configuration(), emit: (Resolution) throws -> Void
    ) rethrows -> Truth {
        var g = Generator(seed: seed, configuration: configuration)
        try g.run(emit)
        g.truth.series = seriesOf(parents: g.truth.parents)
        return g.truth
    }

    /// The whole record in memory (for small records: tests).
    public static func collect(seed: UInt64, configuration: Configuration) -> (resolutions: [Resolution], truth: Truth) {
        var all: [Resolution] = []
        let truth = generate(seed: seed, configuration: configuration) { all.append($0) }
        return (all, truth)
    }

    /// Each resolution's series as the index of the first member of its connected part.
    /// - Complexity: O(n·α(n) + e) (union–find).
    public static func seriesOf(parents: [[Int]]) -> [Int] {
        var root = Array(parents.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while root[x] != x {
                root[x] = root[root[x]]
                x = root[x]
            }
            return x
        }
        for (i, ps) in parents.enumerated() {
            for p in ps {
                let a = find(i), b = find(p)
                if a != b { root[max(a, b)] = min(a, b) }  // the lower index stays the root
            }
        }
        return parents.indices.map { find($0) }
    }

    /// A session's ordinal in words, as resolutions print it ("eighty-first").
    /// - Complexity: O(1).
    public static func ordinalWords(_ n: Int) -> String {
        let units = [
            "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth",
        ]
        let cardinalUnits = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        let tensOrdinal = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]
        let m = n % 100
        var out = n >= 100 ? cardinalUnits[n / 100] + " hundred" + (m == 0 ? "th" : " and ") : ""
        if m == 0 { return out.isEmpty ? "zeroth" : out }
        if m < 20 {
            out += units[m]
        } else if m % 10 == 0 {
            out += tensOrdinal[m / 10]
        } else {
            out += tens[m / 10] + "-" + units[m % 10]
        }
        return out
    }
}

/// FNV-1a, 64 bits, of a paragraph's text: the key of the first-holder table.
private func fnv1a(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
        h ^= UInt64(b)
        h = h &* 0x100_0000_01b3
    }
    return h
}

/// The state of the generation.
private struct Generator {
    typealias Configuration = SyntheticRecord.Configuration

    struct Line {
        var series: Int
        var title: String
        var topic: [String]
        /// Preambular paragraphs after the citing one.
        var preamble: [String]
        /// Operative paragraphs before the closing boilerplate.
        var operative: [String]
        var reportsBack: Bool
        var recurring: Bool
        /// The latest resolution of the line, and the line's earlier ones (for citations).
        var tip = -1
        var cited: [Int] = []
        var due = 0
        var lastSession = 0
        var alive = true
        var interval = 1
    }

    enum Adoption {
        case continuation(Int)
        case fork(Int)
        case newSeries
        case oneOff
    }

    var rng: SplitMix64
    let config: Configuration
    var truth = SyntheticRecord.Truth()
    var lines: [Line] = []
    var titles: Set<String> = []
    var firstHolder: [UInt64: Int32] = [:]
    /// The series each resolution was generated in (a merge of two series keeps both ids here).
    var seriesAt: [Int] = []
    let boilerplate: Set<String>
    let content: [String]
    let phrases: [String]
    let connectors: [String]

    static let preambularBoilerplate = [
        "Reaffirming the purposes and principles of the Charter of the United Nations",
        "Guided by the purposes and principles of the Charter of the United Nations",
        "Recognizing that peace and security, development and human rights are the pillars of the United Nations system and are interlinked and mutually reinforcing",
        "Bearing in mind the importance of international cooperation in this regard",
        "Reaffirming the need for the full and effective implementation of all relevant resolutions of the General Assembly",
        "Noting with appreciation the contributions of Member States, the relevant organizations of the United Nations system and civil society",
        "Reaffirming the principle of the sovereign equality of all States",
        "Stressing the importance of a comprehensive and integrated approach",
    ]

    init(seed: UInt64, configuration: Configuration) {
        rng = SplitMix64(seed: seed)
        config = configuration
        boilerplate = Set(Self.preambularBoilerplate)
        content = Vocabulary.content.split(separator: " ").map(String.init).filter { $0.first?.isLowercase == true }
        phrases = Vocabulary.phrases
        connectors = Vocabulary.connectors.split(separator: " ").map(String.init)
    }

    // MARK: - Text

    mutating func contentWord() -> String {
        let u = rng.unit()
        return content[min(Int(Double(content.count) * u * u), content.count - 1)]
    }

    mutating func body(topic: [String], length: Int) -> String {
        var words: [String] = []
        while words.count < length {
            if !words.isEmpty && rng.chance(0.5) { words.append(rng.pick(connectors)) }
            let r = rng.unit()
            if r < 0.45 {
                words.append(rng.pick(topic))
            } else if r < 0.7 {
                words += rng.pick(phrases).split(separator: " ").map(String.init)
            } else {
                words.append(contentWord())
            }
        }
        return words.joined(separator: " ")
    }

    mutating func paragraph(_ preambular: Bool, topic: [String]) -> String {
        let opener = preambular ? rng.pick(Vocabulary.preambularOpeners) : rng.pick(Vocabulary.operativeOpeners)
        // Only the citing paragraphs recall resolutions: a paragraph opening so would be read as a citation.
        let safeOpener = opener.hasPrefix("Recall") || opener.hasPrefix("Reaffirm") ? "Noting further" : opener
        return safeOpener + " " + body(topic: topic, length: rng.int(in: 18...55))
    }

    /// One to three words replaced, inserted or deleted after the opener.
    mutating func reword(_ text: String, topic: [String]) -> String {
        var words = text.split(separator: " ").map(String.init)
        for _ in 0..<rng.int(in: 1...3) where words.count > 6 {
            let i = rng.int(in: 3...(words.count - 1))
            switch rng.below(3) {
            case 0: words[i] = rng.pick(topic)
            case 1: words.insert(contentWord(), at: i)
            default: words.remove(at: i)
            }
        }
        return words.joined(separator: " ")
    }

    mutating func newTitle(topic: [String]) -> String {
        func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
        while true {
            let a = rng.pick(topic), b = rng.pick(topic), c = contentWord(), d = rng.pick(topic)
            let title: String
            switch rng.below(8) {
            case 0: title = "\(cap(a)) of \(b) \(c) in the context of \(d)"
            case 1: title = "Cooperation between the United Nations and the \(cap(a)) \(b) \(c)"
            case 2: title = "Implementation of the Declaration on \(a) \(b) and \(d)"
            case 3: title = "\(cap(a)) \(b) and \(c) \(d)"
            case 4: title = "Strengthening of the \(a) of \(b) \(c)"
            case 5: title = "Situation of \(a) and \(b) in the \(c) \(d)"
            case 6: title = "Report of the \(cap(a)) \(b) on \(c) \(d)"
            default: title = "Promotion of \(a) \(b) for \(c) \(d)"
            }
            let key = title.lowercased()
            if titles.insert(key).inserted { return title }
        }
    }

    mutating func newTopic() -> [String] { (0..<30).map { _ in contentWord() } }

    mutating func newLine(recurring: Bool, series: Int) -> Line {
        let topic = newTopic()
        var preamble = (0..<rng.int(in: 3...9)).map { _ in paragraph(true, topic: topic) }
        for _ in 0..<rng.int(in: 0...2) {
            let b = rng.pick(Self.preambularBoilerplate)
            if !preamble.contains(b) { preamble.insert(b, at: rng.below(preamble.count + 1)) }
        }
        let operative = (0..<rng.int(in: 3...10)).map { _ in paragraph(false, topic: topic) }
        let interval = rng.chance(config.biennialShare) ? 2 : 1
        return Line(
            series: series, title: newTitle(topic: topic), topic: topic, preamble: preamble, operative: operative,
            reportsBack: rng.chance(0.5), recurring: recurring, interval: interval)
    }

    /// Events of a Poisson-like count with mean `rate` (at most 4).
    mutating func events(_ rate: Double) -> Int {
        var n = 0
        var r = rate
        while n < 4 && rng.chance(min(r, 1)) {
            n += 1
            r -= 1
            if r <= 0 { break }
        }
        return n
    }

    /// Edits a line's text for its next resolution.
    mutating func evolve(_ line: inout Line) {
        let topic = line.topic
        for i in line.preamble.indices where !boilerplate.contains(line.preamble[i]) && rng.chance(config.rewordRate) {
            line.preamble[i] = reword(line.preamble[i], topic: topic)
        }
        for i in line.operative.indices where rng.chance(config.rewordRate) {
            line.operative[i] = reword(line.operative[i], topic: topic)
        }
        for _ in 0..<events(config.insertions) {
            if rng.chance(0.45) {
                if line.preamble.count < 14 { line.preamble.insert(paragraph(true, topic: topic), at: rng.below(line.preamble.count + 1)) }
            } else if line.operative.count < 16 {
                line.operative.insert(paragraph(false, topic: topic), at: rng.below(line.operative.count + 1))
            }
        }
        for _ in 0..<events(config.deletions) {
            if rng.chance(0.45) {
                if line.preamble.count > 3 { line.preamble.remove(at: rng.below(line.preamble.count)) }
            } else if line.operative.count > 3 {
                line.operative.remove(at: rng.below(line.operative.count))
            }
        }
    }

    // MARK: - Sessions

    mutating func run(_ emit: (SyntheticRecord.Resolution) throws -> Void) rethrows {
        let sessions = max(1, config.sessions)
        // Quotas: weight grows linearly from 1 (session 1) to 3 (the last), summing to the total.
        let weights = (1...sessions).map { s in 1 + 2 * Double(s - 1) / Double(max(1, sessions - 1)) }
        let total = weights.reduce(0, +)
        var quotas: [Int] = []
        var cumulative = 0.0, assigned = 0
        for w in weights {
            cumulative += w
            let upTo = Int((Double(config.resolutions) * cumulative / total).rounded())
            quotas.append(upTo - assigned)
            assigned = upTo
        }
        for (k, quota) in quotas.enumerated() {
            try session(k + 1, quota: quota, emit)
        }
    }

    mutating func session(_ s: Int, quota: Int, _ emit: (SyntheticRecord.Resolution) throws -> Void) rethrows {
        guard quota > 0 else { return }
        var oneOffs = 0
        for _ in 0..<quota where rng.chance(config.oneOffShare) { oneOffs += 1 }
        var slots = quota - oneOffs
        var due = lines.indices.filter { lines[$0].alive && lines[$0].due <= s }
        // A random order: the lines that do not fit are put off to the next session.
        for i in due.indices.reversed() where i > 0 { due.swapAt(i, rng.below(i + 1)) }
        var plan: [Adoption] = []
        for l in due {
            if slots >= 2 && rng.chance(config.forkRate) {
                plan.append(.fork(l))
                slots -= 2
            } else if slots >= 1 {
                plan.append(.continuation(l))
                slots -= 1
            } else {
                lines[l].due = s + 1
            }
        }
        plan += Array(repeating: .newSeries, count: slots)
        plan += Array(repeating: .oneOff, count: oneOffs)
        for i in plan.indices.reversed() where i > 0 { plan.swapAt(i, rng.below(i + 1)) }
        let scheduled = Set(plan.compactMap { a -> Int? in
            switch a {
            case .continuation(let l), .fork(let l): return l
            default: return nil
            }
        })
        var position = 0
        let count = plan.reduce(0) { n, a in if case .fork = a { return n + 2 } else { return n + 1 } }
        let start = CivilDate(year: config.firstYear + s - 1, month: 9, day: 20)!.daysSinceEpoch
        let span = 93  // to 22 December
        func place() -> (number: String, date: CivilDate, meeting: Int) {
            let day = position * span / max(1, count)
            position += 1
            return ("\(s)/\(position)", CivilDate(daysSinceEpoch: start + day), 20 + day)
        }
        for adoption in plan {
            switch adoption {
            case .oneOff, .newSeries:
                let index = truth.numbers.count
                var line = newLine(recurring: adoption.isNewSeries, series: index)
                let p = place()
                try adopt(&line, session: s, place: p, parents: [], cites: [], emit)
                if case .oneOff = adoption {
                    truth.oneOffs += 1
                    line.alive = false
                }
                lines.append(line)
            case .continuation(let l):
                // A merge with another line of the series, or (rarely) of another series.
                var other: Int?
                let candidates = lines.indices.filter { o in
                    o != l && lines[o].alive && lines[o].recurring && lines[o].lastSession < s && !scheduled.contains(o)
                }
                let sameSeries = candidates.filter { lines[$0].series == lines[l].series }
                if !sameSeries.isEmpty && rng.chance(config.lineMergeRate) {
                    other = rng.pick(sameSeries)
                    truth.lineMerges += 1
                } else if !candidates.isEmpty && rng.chance(config.seriesMergeRate) {
                    other = rng.pick(candidates)
                    truth.seriesMerges += 1
                }
                var line = lines[l]
                var parents = [line.tip]
                var cites = Array(line.cited.suffix(rng.int(in: 1...3)))
                evolve(&line)
                if let o = other {
                    let m = lines[o]
                    let own = Set(line.preamble)
                    line.preamble += m.preamble.filter { !own.contains($0) && !boilerplate.contains($0) }.prefix(6)
                    line.operative += m.operative.prefix(4)
                    parents.append(m.tip)
                    cites = Array(Set(cites + m.cited.suffix(1))).sorted()
                    lines[o].alive = false
                }
                var titleChanged = false
                if rng.chance(config.titleChangeRate) {
                    line.title = changedTitle(line.title, topic: line.topic)
                    titleChanged = true
                    truth.titleChanges += 1
                }
                let citesHere: Bool
                if other != nil {
                    citesHere = true
                } else if titleChanged {
                    citesHere = !rng.chance(config.textOnlyShare)
                    if !citesHere { truth.textOnly += 1 }
                } else {
                    citesHere = rng.chance(config.citeShare)
                    if !citesHere { truth.titleOnly += 1 }
                }
                if citesHere { truth.citing += 1 }
                try adopt(&line, session: s, place: place(), parents: parents, cites: citesHere ? cites : [], emit)
                lines[l] = line
                if rng.chance(config.endRate) { lines[l].alive = false }
            case .fork(let l):
                truth.forks += 1
                var kept = lines[l]
                var branch = lines[l]
                let parents = [kept.tip]
                let cites = Array(kept.cited.suffix(rng.int(in: 1...3)))
                evolve(&kept)
                evolve(&branch)
                evolve(&branch)
                branch.title = newTitle(topic: branch.topic)
                let keptCites = rng.chance(config.citeShare)
                if keptCites { truth.citing += 1 } else { truth.titleOnly += 1 }
                try adopt(&kept, session: s, place: place(), parents: parents, cites: keptCites ? cites : [], emit)
                truth.citing += 1
                try adopt(&branch, session: s, place: place(), parents: parents, cites: cites, emit)
                lines[l] = kept
                lines.append(branch)
            }
        }
    }

    mutating func changedTitle(_ title: String, topic: [String]) -> String {
        while true {
            var words = title.split(separator: " ").map(String.init)
            if rng.chance(0.5) {
                words.append("and")
                words.append(rng.pick(topic))
                words.append(contentWord())
            } else {
                words[words.count - 1] = contentWord()
            }
            let t = words.joined(separator: " ")
            if titles.insert(t.lowercased()).inserted { return t }
        }
    }

    /// Reuses, cites, renders and emits one resolution of `line`, and records its truth.
    mutating func adopt(
        _ line: inout Line, session s: Int, place: (number: String, date: CivilDate, meeting: Int), parents: [Int],
        cites: [Int], _ emit: (SyntheticRecord.Resolution) throws -> Void
    ) rethrows {
        let index = truth.numbers.count
        // Reuse: a paragraph of another series' latest text (enough text of its own around it
        // that the copy stays a small share of the resolution).
        var reused: [(text: String, source: String, from: Int, exact: Bool)] = []
        if rng.chance(config.reuseRate) && lines.count > 1 && line.preamble.count + line.operative.count >= 8 {
            let copies = line.preamble.count + line.operative.count >= 16 ? rng.int(in: 1...2) : 1
            func bytes(_ p: [String]) -> Int { p.reduce(0) { $0 + $1.utf8.count } }
            var budget = Int(Double(bytes(line.preamble) + bytes(line.operative)) * config.reuseShareLimit)
            for _ in 0..<copies {
                let o = rng.below(lines.count)
                let source = lines[o]
                guard source.series != line.series, source.tip >= 0 else { continue }
                let preambular = rng.chance(0.5)
                let pool = (preambular ? source.preamble : source.operative).filter { !boilerplate.contains($0) }
                guard !pool.isEmpty else { continue }
                let sourceText = rng.pick(pool)
                guard !line.preamble.contains(sourceText) && !line.operative.contains(sourceText), sourceText.utf8.count <= budget else {
                    continue
                }
                budget -= sourceText.utf8.count
                var text = sourceText
                var exact = true
                if rng.chance(config.nearReuseShare) {
                    var words = text.split(separator: " ").map(String.init)
                    let i = rng.int(in: 3...(words.count - 1))
                    let replacement = contentWord()
                    if replacement != words[i] {
                        words[i] = replacement
                        text = words.joined(separator: " ")
                        exact = false
                    }
                }
                if preambular {
                    line.preamble.insert(text, at: rng.below(line.preamble.count + 1))
                } else {
                    line.operative.insert(text, at: rng.below(line.operative.count + 1))
                }
                reused.append((text, sourceText, source.tip, exact))
            }
        }
        var preamble: [String] = []
        if !cites.isEmpty {
            let list = cites.map { "\(truth.numbers[$0]) of \(truth.adopted[$0].longForm)" }
            let verb = rng.chance(0.85) ? "Recalling" : "Reaffirming"
            let joined = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " and " + list.last!
            preamble.append("\(verb) its resolution\(list.count == 1 ? "" : "s") \(joined)")
        }
        var unrelated: Int?
        if index > 0 && rng.chance(config.crossCiteRate) {
            for _ in 0..<5 where unrelated == nil {
                let other = rng.below(index)
                if seriesAt[other] != line.series { unrelated = other }
            }
        }
        if let other = unrelated {
            preamble.append("Recalling also its resolution \(truth.numbers[other]) of \(truth.adopted[other].longForm)")
            truth.crossCites += 1
        }
        preamble += line.preamble
        var operative = line.operative
        if line.reportsBack {
            operative.append(
                "Requests the Secretary-General to submit to the General Assembly at its \(SyntheticRecord.ordinalWords(s + line.interval)) session a report on the implementation of the present resolution")
        }
        if line.recurring {
            operative.append(
                "Decides to include in the provisional agenda of its \(SyntheticRecord.ordinalWords(s + line.interval)) session the item entitled “\(line.title)”")
        }
        let resolution = SyntheticRecord.Resolution(
            index: index, session: s, number: place.number, adopted: place.date, meeting: place.meeting, title: line.title,
            preamble: preamble, operative: operative)
        for r in reused {
            let address: String
            if let i = preamble.firstIndex(of: r.text) {
                address = "pp\(i + 1)"
            } else {
                address = "op\(operative.firstIndex(of: r.text)! + 1)"
            }
            let first = firstHolder[fnv1a(r.source)].map(Int.init) ?? r.from
            truth.reuses.append(SyntheticRecord.Reuse(
                resolution: index, address: address, text: r.text, sourceText: r.source, source: r.from, firstHolder: first,
                exact: r.exact))
        }
        for p in preamble + operative {
            let h = fnv1a(p)
            if firstHolder[h] == nil { firstHolder[h] = Int32(index) }
        }
        truth.numbers.append(place.number)
        truth.adopted.append(place.date)
        truth.parents.append(parents)
        seriesAt.append(line.series)
        try emit(resolution)
        line.tip = index
        line.cited.append(index)
        if line.cited.count > 3 { line.cited.removeFirst(line.cited.count - 3) }
        line.lastSession = s
        line.due = s + line.interval
    }
}

extension Generator.Adoption {
    var isNewSeries: Bool {
        if case .newSeries = self { return true }
        return false
    }
}
