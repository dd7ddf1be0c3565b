import Foundation
import ResolutionText

/// Word's automatic numbering (`word/numbering.xml`): the definitions, and the counters that
/// draw each numbered paragraph's number as Word displays it.
///
/// A paragraph is numbered by `w:numPr` (`w:numId`, `w:ilvl`), given directly or through its
/// paragraph style. A `w:num` points to a `w:abstractNum` whose `w:lvl`s say how each level is
/// drawn: `w:start`, `w:numFmt` (`decimal`, `lowerLetter`, `lowerRoman`, `upperLetter` …),
/// `w:lvlText` (`%1.`, `(%2)`, `%1.%2.`), `w:lvlRestart`, `w:isLgl`, `w:suff`. Counters
/// belong to the abstract numbering, so paragraphs of several `w:num`s that share one continue
/// each other, as in Word; a `w:num` with `w:lvlOverride/w:startOverride` restarts its levels
/// where it is first used (Word's "Restart numbering"). Numbering a level resets the levels
/// below it unless their `w:lvlRestart` says otherwise.
struct WordNumbering {
    /// Word's nine list levels.
    static let levelCount = 9

    struct Level {
        var start = 0
        var format = "decimal"
        var text = ""
        var restart: Int?
        var legal = false
        var suffix = "tab"
    }

    struct Abstract {
        var levels: [Int: Level] = [:]
        /// `w:numStyleLink`: the numbering is that of a numbering style.
        var styleLink: String?
    }

    struct Instance {
        var abstractId: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    var abstracts: [String: Abstract] = [:]
    var instances: [String: Instance] = [:]

    /// Reads `word/numbering.xml`.
    /// - Complexity: O(n) in the size of the part.
    static func read(_ data: Data, part: String, of format: InputFormat) throws(ParseError) -> WordNumbering {
        let handler = Handler()
        try handler.parse(data, part: part, of: format)
        return handler.numbering
    }

    /// The counters of one document, advanced paragraph by paragraph.
    struct Counters {
        let numbering: WordNumbering
        let styles: WordStyles
        private var values: [String: [Int?]] = [:]
        private var used: Set<String> = []

        init(numbering: WordNumbering, styles: WordStyles) {
            self.numbering = numbering
            self.styles = styles
        }

        /// The abstract numbering of `numId` (through a numbering style link) and its id.
        private func abstract(of numId: String) -> (id: String, abstract: Abstract, instance: Instance)? {
            guard let instance = numbering.instances[numId], var abstract = numbering.abstracts[instance.abstractId] else {
                return nil
            }
            var id = instance.abstractId
            var steps = 0
            while let link = abstract.styleLink, steps < WordStyles.maximumChain,
                let linked = styles.numbering(of: link)?.numId, let target = numbering.instances[linked],
                let next = numbering.abstracts[target.abstractId]
            {
                id = target.abstractId
                abstract = next
                steps += 1
            }
            return (id, abstract, instance)
        }

        /// The number of the next paragraph of list `numId` at level `ilvl`, with what follows
        /// it (a tab, a space or nothing); `nil` when the list or level is not defined (or is
        /// `numId` 0, "no numbering").
        /// - Complexity: O(levels).
        mutating func next(numId: String, ilvl: Int) -> (label: String, suffix: String)? {
            guard numId != "0", (0..<WordNumbering.levelCount).contains(ilvl), let (id, abstract, instance) = abstract(of: numId)
            else { return nil }
            func level(_ l: Int) -> Level? { instance.levelOverrides[l] ?? abstract.levels[l] }
            guard let current = level(ilvl) else { return nil }
            var counters = values[id] ?? Array(repeating: nil, count: WordNumbering.levelCount)
            if !used.contains(numId) {
                used.insert(numId)
                for (l, start) in instance.startOverrides where (0..<WordNumbering.levelCount).contains(l) {
                    counters[l] = start - 1
                }
            }
            counters[ilvl] = counters[ilvl].map { $0 + 1 } ?? current.start
            for deeper in (ilvl + 1)..<WordNumbering.levelCount {
                let restart = level(deeper)?.restart
                if restart == nil || (restart! > 0 && ilvl < restart!) { counters[deeper] = nil }
            }
            values[id] = counters

            if current.format == "bullet" { return (WordNumbering.bullet(current.text), WordNumbering.suffix(current.suffix)) }
            var label = ""
            var chars = current.text.makeIterator()
            while let c = chars.next() {
                guard c == "%" else {
                    label.append(c)
                    continue
                }
                guard let d = chars.next() else { break }
                guard let n = d.wholeNumberValue, n >= 1, n <= WordNumbering.levelCount else {
                    label.append(c)
                    label.append(d)
                    continue
                }
                let l = n - 1
                let value = counters[l] ?? level(l)?.start ?? 0
                let format = current.legal ? "decimal" : (level(l)?.format ?? "decimal")
                label += WordNumberFormat.word(value, format)
            }
            return (label, WordNumbering.suffix(current.suffix))
        }
    }

    /// What follows a number: a tab (Word's default) or a space; "nothing" is read as a space
    /// too, for the number to stay a label apart from the text (`1.Calls` would not read as one).
    static func suffix(_ suff: String) -> String {
        suff == "space" || suff == "nothing" ? " " : "\t"
    }

    /// A bullet's symbol: symbol fonts' private-use characters become "•".
    static func bullet(_ text: String) -> String {
        let scalars = text.unicodeScalars.filter { !(0xE000...0xF8FF).contains($0.value) }
        return scalars.isEmpty ? "\u{2022}" : String(String.UnicodeScalarView(scalars))
    }

    private final class Handler: WordXMLHandler {
        var numbering = WordNumbering()
        var abstractId: String?
        var numId: String?
        var overrideLevel: Int?
        var level: (index: Int, value: Level)?

        override func start(_ name: WordXMLName, _ attributes: WordXMLAttributes) -> Bool {
            guard WordNamespace.isWord(name.namespace) else { return true }
            let val = attributes.word("val")
            switch name.local {
            case "abstractNum":
                abstractId = attributes.word("abstractNumId")
                if let abstractId { numbering.abstracts[abstractId] = Abstract() }
            case "num":
                numId = attributes.word("numId")
            case "abstractNumId" where numId != nil:
                if let numId, let val { numbering.instances[numId] = Instance(abstractId: val) }
            case "lvlOverride":
                overrideLevel = attributes.word("ilvl").flatMap { Int($0) }
            case "startOverride":
                if let numId, let overrideLevel, let start = val.flatMap({ Int($0) }) {
                    numbering.instances[numId]?.startOverrides[overrideLevel] = start
                }
            case "numStyleLink":
                if let abstractId { numbering.abstracts[abstractId]?.styleLink = val }
            case "lvl":
                level = attributes.word("ilvl").flatMap { Int($0) }.map { ($0, Level()) }
            case "start": level?.value.start = val.flatMap { Int($0) } ?? 0
            case "numFmt": if let val { level?.value.format = val }
            case "lvlText": level?.value.text = val ?? ""
            case "lvlRestart": level?.value.restart = val.flatMap { Int($0) }
            case "isLgl": level?.value.legal = wordOnOff(val)
            case "suff": if let val { level?.value.suffix = val }
            case "pPr", "rPr": return false
            default: break
            }
            return true
        }

        override func end(_ name: WordXMLName) {
            guard WordNamespace.isWord(name.namespace) else { return }
            switch name.local {
            case "lvl":
                guard let (index, value) = level else { break }
                if let numId, let overrideLevel {
                    numbering.instances[numId]?.levelOverrides[overrideLevel] = value
                } else if let abstractId {
                    numbering.abstracts[abstractId]?.levels[index] = value
                }
                level = nil
            case "abstractNum": abstractId = nil
            case "num": numId = nil
            case "lvlOverride": overrideLevel = nil
            default: break
            }
        }
    }
}
