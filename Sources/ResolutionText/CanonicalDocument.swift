/// The canonical document: the single text file committed to git for every revision.
///
/// **Format version 1. Frozen:** commit hashes depend on these bytes, so nothing below may
/// change without a new version. Version 1 was extended once, compatibly, for items nested
/// inside a paragraph (see *Nested items*) and for an operative paragraph without a number:
/// every document lineage wrote before reads the same, and every resolution the first version
/// could write is written byte for byte as before, but for a preambular text starting with
/// `. ` (a full stop and a space, which no resolution's paragraph does), now escaped.
///
/// - UTF-8, LF line endings, one item per line, a final LF after the last line, no blank lines
///   (except that line 1 is empty when there is no title).
/// - **Line 1** is the title, or an empty line if the title is `nil`. (An empty title is
///   therefore read back as `nil`.)
/// - **Then one line per paragraph**, in order:
///   - operative: `<label>. <text>` — `4. Requests the Secretary-General …`; an operative
///     paragraph without a number (the only operative paragraph of a resolution adopting a
///     declaration) has an empty label: `. Adopts the political declaration …`;
///   - sub-paragraph: `<label> <text>` — `(b) Efforts taken …`;
///   - preambular: `<text>`, escaped with a leading backslash `\` when the line would
///     otherwise be read as something else (see *Reading* below): when the text is empty, or
///     starts with `\`, `(`, `[^` or `. `, or when the line starts with a digit and its first
///     space follows a full stop (`2. …`, `1.1. …`).
/// - **Footnote references** of a paragraph follow its text at the end of the line, each as
///   ` [^<mark>]` (a space, then `[^`, the mark, `]`): `… that it made, [^1]`. In the rare
///   case where the text itself ends with something of that shape (` [^x]` or ` [^]`), the
///   separator ` [^]` is written between the text and the references so that the text is read
///   back whole.
/// - **Then one line per footnote**: `[^<mark>]: <text>` (`[^1]: ` when the text is empty).
///
/// *Nested items* (the extension): a sub-paragraph whose label is a dotted number under the
/// paragraph its prefix numbers (norm `1.5` of operative paragraph `1`, item `1.5.2` of norm
/// `1.5`) is written `1.5. <text>`; a sub-paragraph whose parent is itself a sub-paragraph is
/// written with the bracketed labels of its sub-paragraph ancestors, outermost first, before
/// its own: `(b)(i) <text>` (item (i) of op3(b)), `(1.5)(a) <text>` (item (a) of norm 1.5). These
/// shapes are lines the first version never wrote: its operative labels were numbers and its
/// sub-paragraph labels one bracketed group, and a preambular text of either shape was escaped.
///
/// Example:
///
/// ```text
/// Developments in the field of information and telecommunications in the context of international security
/// Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999, …,
/// Bearing in mind … and the recommendations that it made, [^1]
/// 1. Welcomes the following set of international rules, norms and principles …:
/// 1.1. Consistent with the purposes of the United Nations, …
/// 3. Invites all Member States to continue to inform the Secretary-General of their views and assessments on the following questions:
/// (a) General appreciation of the issues of information security;
/// (b) Efforts taken to promote, including:
/// (b)(i) Cooperation at the national level;
/// [^1]: See A/51/261, annex.
/// ```
///
/// *Reading* (``parse(_:)``) tells the kinds apart by the shape of each line, in this order:
/// a leading `\` is a preambular paragraph (the backslash is dropped); a line starting with
/// `[^` is a footnote; a line starting with `. ` is an operative paragraph without a label; a
/// line starting with `(` is a sub-paragraph whose label runs to the first space and ends with
/// `)` — one bracketed group is the label and the parent is the nearest preceding paragraph
/// that is not a sub-paragraph; several groups `(b)(i)` name the item's path: its label is the
/// last group (a dotted number loses its brackets) and its parent the latest item, since that
/// paragraph, whose path is the groups before; a line starting with a digit whose first space
/// follows a full stop is an operative paragraph whose label is what precedes that full stop,
/// unless that label is a dotted number and a preceding paragraph is labelled with its prefix:
/// then it is a sub-paragraph of the nearest such paragraph; anything else is a preambular
/// paragraph. Paragraph indexes count from 0. Footnotes must come after all paragraphs.
///
/// Constraints for a lossless round trip (all met by ``ResolutionParser``'s output): texts
/// are single lines; operative labels are numbers (or absent), sub-paragraph labels are `(…)`
/// or dotted numbers, neither containing spaces or brackets inside; marks are non-empty and
/// contain no white space, `[` or `]`; parents follow the rules above (a sub-paragraph's
/// parent precedes it; a dotted item's parent is the nearest paragraph labelled with its prefix).
/// `parse(render(r))` then returns exactly `r`'s title, paragraphs and footnotes.
///
/// - Complexity: both directions are O(n) in the size of the document.
public enum CanonicalDocument {
    /// The format version described above.
    public static let version = 1

    public static func render(_ r: Resolution) -> String {
        var out = ""
        out.reserveCapacity(r.paragraphs.reduce(64) { $0 + $1.text.utf8.count + 16 } + r.footnotes.reduce(0) { $0 + $1.text.utf8.count + 8 })
        out += singleLine(r.title ?? "")
        out += "\n"
        // Positions by index, for the parent chains of nested items.
        var position: [Int: Int] = [:]
        for (k, p) in r.paragraphs.enumerated() { position[p.index] = k }
        for p in r.paragraphs {
            var text = singleLine(p.text)
            if text.hasSuffix("]") {
                let s = Scalars(scalarsOf: text)
                if splitReferences(s).textEnd != s.count { text += " [^]" }
            }
            var line: String
            switch p.kind {
            case .operative: line = (p.label ?? "") + ". " + text
            case .subparagraph: line = itemLabel(p, in: r.paragraphs, position: position) + " " + text
            case .preambular: line = text
            }
            for m in p.footnotes { line += " [^" + m + "]" }
            if p.kind == .preambular {
                let s = Scalars(scalarsOf: line)
                if s.isEmpty || s.first == "\\" || shape(of: s) != .preambular { line = "\\" + line }
            }
            out += line
            out += "\n"
        }
        for f in r.footnotes {
            out += "[^" + f.mark + "]: " + singleLine(f.text) + "\n"
        }
        return out
    }

    /// How a sub-paragraph's label is written: `(b)` (version 1), `1.5.` (a dotted item under
    /// the paragraph its prefix numbers), or the bracketed path `(b)(i)` of a nested item.
    private static func itemLabel(_ p: Paragraph, in paragraphs: [Paragraph], position: [Int: Int]) -> String {
        let label = p.label ?? ""
        let parent = p.parent.flatMap { position[$0] }.map { paragraphs[$0] }
        if Numbering.isDotted(label), let q = parent, q.label == Numbering.dottedParent(label) { return label + "." }
        guard let q = parent, q.kind == .subparagraph else { return label }
        // The groups of the sub-paragraph ancestors, outermost first.
        var groups = [group(label)]
        var current: Paragraph? = q
        var steps = 0
        while let c = current, c.kind == .subparagraph, steps < paragraphs.count {
            groups.append(group(c.label ?? ""))
            current = c.parent.flatMap { position[$0] }.map { paragraphs[$0] }
            steps += 1
        }
        return groups.reversed().joined()
    }

    /// A label as one bracketed group of a path: `(b)` as is, `1.5` as `(1.5)`.
    private static func group(_ label: String) -> String {
        Numbering.inner(label) != nil ? label : "(" + label + ")"
    }

    public static func parse(_ text: String) throws(ParseError) -> (title: String?, paragraphs: [Paragraph], footnotes: [Footnote]) {
        guard !text.isEmpty else { throw .malformed(line: 1, "empty document (no title line)") }
        // Split on LF scalars (not Characters: "\r\n" is one Character and must be refused).
        let all = Scalars(scalarsOf: text)
        var lines: [Scalars] = []
        var start = 0
        for (i, c) in all.enumerated() where c == "\n" {
            lines.append(Scalars(all[start..<i]))
            start = i + 1
        }
        if start < all.count { lines.append(Scalars(all[start...])) }
        guard let first = lines.first else { throw .malformed(line: 1, "empty document (no title line)") }
        if first.contains("\r") { throw .malformed(line: 1, "carriage return (the format uses LF line endings)") }
        let title: String? = first.isEmpty ? nil : first.string

        var paragraphs: [Paragraph] = []
        var footnotes: [Footnote] = []
        var parent: Int?
        // Since the last paragraph that is not a sub-paragraph: the path of each sub-paragraph
        // (`(b)`, `(b)(i)`, `(1.5)`) and the latest paragraph of each label.
        var paths: [String: Int] = [:]
        var pathOf: [Int: String] = [:]
        var byLabel: [String: Int] = [:]
        for (offset, s) in lines.enumerated().dropFirst() {
            let number = offset + 1
            if s.isEmpty { throw .malformed(line: number, "blank line") }
            if s.contains("\r") { throw .malformed(line: number, "carriage return (the format uses LF line endings)") }
            var kind = shape(of: s)
            if kind == .footnote {
                guard let close = s.firstIndex(of: "]:", from: 2), close > 2 else {
                    throw .malformed(line: number, "a line starting with '[^' must be a footnote '[^mark]: text'")
                }
                let mark = s.string(2..<close)
                var start = close + 2
                if start < s.count {
                    guard s[start] == " " else { throw .malformed(line: number, "expected a space after '[^\(mark)]:'") }
                    start += 1
                }
                footnotes.append(Footnote(mark: mark, text: s.string(start..<s.count)))
                continue
            }
            if !footnotes.isEmpty { throw .malformed(line: number, "a paragraph after the footnotes") }
            var label: String?
            var start = 0
            var itemParent: Int?
            var path: String?
            switch kind {
            case .escapedPreambular:
                start = 1
            case .subparagraph(let sp):
                label = s.string(0..<sp)
                start = sp + 1
                let groups = pathGroups(s, end: sp)
                if groups.count >= 2 {
                    // A nested item: its parent is the latest item whose path is the groups before.
                    let parentPath = groups.dropLast().joined()
                    guard let q = paths[parentPath] else {
                        throw .malformed(line: number, "no item \(parentPath) precedes the nested item \(s.string(0..<sp))")
                    }
                    itemParent = q
                    let own = groups.last!
                    label = Numbering.inner(own).map(String.init).flatMap { Numbering.isDotted($0) ? $0 : nil } ?? own
                    path = groups.joined()
                } else {
                    itemParent = parent
                    path = label
                }
            case .operative(let sp):
                label = s.string(0..<(sp - 1))
                start = sp + 1
                // A dotted label (`1.5.`) under the paragraph its prefix numbers is an item of it.
                if let l = label, let prefix = Numbering.dottedParent(l), let q = byLabel[prefix] {
                    kind = .subparagraph(sp)
                    itemParent = q
                    path = (pathOf[q] ?? "") + "(" + l + ")"
                }
            case .unlabelledOperative:
                start = 2
            case .malformedSubparagraph:
                throw .malformed(line: number, "a line starting with '(' must be a sub-paragraph '(label) text'")
            default:
                break
            }
            let body = Scalars(s[start...])
            let (textEnd, marks, _) = splitReferences(body)
            let paragraphText = body.string(0..<textEnd)
            let index = paragraphs.count
            switch kind {
            case .operative, .unlabelledOperative:
                paragraphs.append(Paragraph(index: index, kind: .operative, label: label, text: paragraphText, footnotes: marks))
                parent = index
                paths = [:]
                pathOf = [:]
            case .subparagraph:
                paragraphs.append(Paragraph(index: index, kind: .subparagraph, label: label, parent: itemParent, text: paragraphText, footnotes: marks))
                if let path {
                    paths[path] = index
                    pathOf[index] = path
                }
            default:
                paragraphs.append(Paragraph(index: index, kind: .preambular, text: paragraphText, footnotes: marks))
                parent = index
                paths = [:]
                pathOf = [:]
            }
            if let label { byLabel[label] = index }
        }
        return (title, paragraphs, footnotes)
    }

    /// The kind of a line, read from its first characters.
    private enum Shape: Equatable {
        case preambular, escapedPreambular, footnote, unlabelledOperative
        /// The offset of the first space.
        case operative(Int), subparagraph(Int)
        case malformedSubparagraph
    }

    /// How a paragraph or footnote line is read (see the format above). O(length).
    private static func shape(of s: Scalars) -> Shape {
        guard let first = s.first else { return .preambular }
        if first == "\\" { return .escapedPreambular }
        if s.hasPrefix("[^") { return .footnote }
        if first == ".", s.count >= 2, s[1] == " " { return .unlabelledOperative }
        let space = s.firstIndex(of: " ")
        if first == "(" {
            guard let sp = space, sp >= 2, s[sp - 1] == ")" else { return .malformedSubparagraph }
            return .subparagraph(sp)
        }
        if first.isASCIIDigit, let sp = space, sp >= 2, s[sp - 1] == "." { return .operative(sp) }
        return .preambular
    }

    /// The bracketed groups of a sub-paragraph's label `(b)(i)` → `["(b)", "(i)"]`; a label
    /// that is not a run of groups (`(b)x)`) is one group, as version 1 reads it.
    ///
    /// - Complexity: O(length of the label).
    private static func pathGroups(_ s: Scalars, end: Int) -> [String] {
        var groups: [String] = []
        var i = 0
        while i < end {
            guard s[i] == "(" else { return [s.string(0..<end)] }
            var j = i + 1
            while j < end, s[j] != ")", s[j] != "(" { j += 1 }
            guard j < end, s[j] == ")", j > i + 1 else { return [s.string(0..<end)] }
            groups.append(s.string(i..<(j + 1)))
            i = j + 1
        }
        return groups
    }

    /// Splits trailing references ` [^a] [^b]` off a paragraph's text: where the text ends, the
    /// marks in order, and whether the ` [^]` separator was met (it is dropped). O(length).
    static func splitReferences(_ s: Scalars) -> (textEnd: Int, marks: [String], terminated: Bool) {
        var end = s.count
        var marks: [String] = []
        while end >= 4, s[end - 1] == "]" {
            // Find the " [^" that opens this reference; the mark between has no space or "]".
            var k = end - 2
            while k >= 0, s[k] != "[", s[k] != "]", !s[k].isSpaceLike { k -= 1 }
            guard k >= 1, s[k] == "[", k + 1 < end - 1, s[k + 1] == "^", s[k - 1] == " " else { break }
            let mark = s.string((k + 2)..<(end - 1))
            end = k - 1
            if mark.isEmpty { return (end, marks, true) }
            marks.insert(mark, at: 0)
        }
        return (end, marks, false)
    }

    /// False when `s` has none of the newline scalars' UTF-8 sequences (0A–0D, C2 85, E2 80 A8/A9).
    private static func mayHoldNewline(_ s: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in s.utf8 {
            switch byte {
            case 0x0A...0x0D: return true
            case 0x85 where previous.1 == 0xC2: return true
            case 0xA8, 0xA9: if previous == (0xE2, 0x80) { return true }
            default: break
            }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Line breaks inside a field would break the one-item-per-line format.
    private static func singleLine(_ s: String) -> String {
        // A newline Character holds a newline scalar (LF, VT, FF, CR, NEL, U+2028, U+2029); look
        // for their UTF-8 bytes first, as walking Characters is slow and they are rare.
        guard mayHoldNewline(s), s.contains(where: { $0.isNewline }) else { return s }
        return String(s.map { $0.isNewline ? " " : $0 })
    }
}
