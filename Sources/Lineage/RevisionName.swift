import GitStore
import ResolutionText

/// Finding a revision by the name a user types: the one resolver behind every command that takes
/// a revision (blame, diff, history, show, export, changelog's `--from`/`--to`, …).
///
/// A name is a base, then any number of steps back, as git writes them:
///
/// - the base: `HEAD` (or `@`): the tip of the line `HEAD` names; a line (branch) name, also as
///   `heads/NAME` or `refs/heads/NAME`: its tip; a number (`69/28`), a symbol (`A/RES/69/28`)
///   or a tag (`tags/A/RES/69/28`, `refs/tags/…`); a session (`69`), when it has one revision; a
///   year (`2014`): the revision adopted that year, when there is one; a commit, in full or
///   abbreviated to at least ``minimumHexPrefix`` hex digits;
/// - a step: `~N` (`N` first parents back; `~` is `~1`), `^N` (the `N`th parent; `^` is `^1`,
///   `^0` the revision itself).
///
/// Numbers and symbols are read tolerantly, as they are quoted in text: spaces around the name
/// or its slashes, any case, a trailing full stop, comma or semicolon, and quotes or brackets
/// around it are ignored (` A/RES/69/28 `, `a/res/69/28`, `A/RES/69/28.` all name 69/28).
///
/// A name that matches nothing is refused with a reason: several revisions of a session or a
/// year, or several commits with a prefix, are listed; a number cited by a stored revision but
/// absent from the history says so ("68/243 is cited by 69/28 but is not in the corpus").
struct RevisionName {
    /// The fewest hex digits accepted as an abbreviated commit (as `git rev-parse` does).
    static let minimumHexPrefix = 4
    /// A four-digit number in this range is read as a year of adoption (the General Assembly
    /// first met in 1946); a smaller number is a session.
    static let years = 1946...2999
    /// The sessions a bare number can name (the General Assembly holds one a year).
    static let sessions = 1...999
    /// The most digits a step back may have (`~999999`): more is not a name but a mistake.
    static let maximumStepDigits = 6
    /// How many hex digits of a commit messages show (as `lineage log --oneline` does).
    static let shownHexDigits = 12

    /// One step back: `~N` or `^N`.
    enum Step: Equatable {
        /// `N` first parents back.
        case ancestor(Int)
        /// The `N`th parent (`0`: the revision itself).
        case parent(Int)
    }

    /// The name as typed, for messages.
    let text: String
    /// The base, trimmed of surrounding spaces.
    let base: String
    let steps: [Step]

    /// Splits `text` into its base and its steps; `nil` when the steps are malformed (`HEAD~x`).
    /// - Complexity: O(length of the name).
    init?(_ text: String) {
        self.text = text
        let trimmed = RevisionName.trimmed(Substring(text))
        guard let first = trimmed.firstIndex(where: { $0 == "~" || $0 == "^" }) else {
            base = String(trimmed)
            steps = []
            return
        }
        base = String(RevisionName.trimmed(trimmed[..<first]))
        var steps: [Step] = []
        var rest = trimmed[first...]
        while let op = rest.first {
            rest = rest.dropFirst()
            let digits = rest.prefix(while: \.isASCIIDigitCharacter)
            rest = rest.dropFirst(digits.count)
            guard digits.count <= RevisionName.maximumStepDigits else { return nil }
            let n = digits.isEmpty ? 1 : Int(digits)!
            switch op {
            case "~": steps.append(.ancestor(n))
            case "^": steps.append(.parent(n))
            default: return nil
            }
        }
        self.steps = steps
    }

    /// Without spaces (any Unicode space) at either end.
    static func trimmed(_ s: Substring) -> Substring {
        var s = s
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }

    /// A number or symbol as compared tolerantly: upper case, without spaces, without the
    /// `A/RES/` prefix, without surrounding quotes and brackets and a trailing `.`, `,` or `;`
    /// (`" a/res/69/28. "` → `69/28`).
    /// - Complexity: O(length).
    static func folded(_ s: String) -> String {
        var out = String(s.uppercased().filter { !$0.isWhitespace })
        let wrappers: Set<Character> = ["\"", "'", "(", ")", "[", "]", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}"]
        while let c = out.last, wrappers.contains(c) || c == "." || c == "," || c == ";" { out.removeLast() }
        while let c = out.first, wrappers.contains(c) { out.removeFirst() }
        for prefix in ["A/RES/", "RES/"] where out.hasPrefix(prefix) {
            out.removeFirst(prefix.count)
            break
        }
        return out
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}

extension History {
    /// The revision `name` names (see ``RevisionName``): `HEAD`, `HEAD~2`, `76/19^2`, a line
    /// name, `69/28`, `A/RES/69/28`, ` a/res/69/28. `, `69`, `2014`, `7e2a15d`, …; an error
    /// naming the problem otherwise.
    /// - Complexity: O(number of revisions · (1 + steps back)); for a number the history does not
    ///   hold, also one read of every document, to say which revision cites it.
    public func revision(named name: String) throws(LineageError) -> Revision {
        guard let parsed = RevisionName(name) else {
            throw LineageError(
                "\(name): not a revision name: a step back is ~N or ^N",
                hint: "e.g. HEAD~2 (two revisions back on its line) or 76/19^2 (the second parent of a merge)")
        }
        guard !parsed.base.isEmpty else {
            throw LineageError("\"\(name)\": no revision named", hint: Self.namingHint)
        }
        var revision = try base(parsed)
        var walked = parsed.base
        for step in parsed.steps {
            switch step {
            case .parent(0), .ancestor(0): break
            case .parent(let n):
                let parents = self.parents(of: revision)
                guard n <= parents.count else {
                    let has = parents.isEmpty ? "no parent: it starts the series" : "\(parents.count) parent\(parents.count == 1 ? "" : "s")"
                    let which = walked == revision.number ? walked : "\(walked) (\(revision.number))"
                    throw LineageError(
                        "\(name): \(which) has \(has)",
                        hint: parents.count > 1 ? "name a parent from ^1 to ^\(parents.count)" : "`lineage log --graph` shows the parents")
                }
                revision = parents[n - 1]
                walked += "^\(n)"
            case .ancestor(let n):
                for k in 0..<n {
                    guard let first = self.parents(of: revision).first else {
                        throw LineageError(
                            "\(name): \(revision.number) has no parent: it starts the series, \(k) revision\(k == 1 ? "" : "s") before \(parsed.base)",
                            hint: "`lineage log --graph` shows the lines and their parents")
                    }
                    revision = first
                }
                walked += "~\(n)"
            }
        }
        return revision
    }

    /// How many revisions a refusal lists before "and N more" (a session of the whole record
    /// has about 300).
    static let revisionsListed = 12

    /// `names` joined by commas, the first ``revisionsListed`` of them and how many more.
    static func listed(_ names: [String]) -> String {
        guard names.count > revisionsListed else { return names.joined(separator: ", ") }
        return names.prefix(revisionsListed).joined(separator: ", ") + " and \(names.count - revisionsListed) more"
    }

    /// How revisions can be named, for hints.
    static let namingHint =
        "name a revision by number (69/28), symbol (A/RES/69/28), session (69), year (2014), line, tag, commit, HEAD, HEAD~N or REV^N; `lineage log` lists them"

    /// The revision the base of `name` names, before any step back.
    private func base(_ name: RevisionName) throws(LineageError) -> Revision {
        let base = name.base
        // HEAD, then lines, then tags, numbers and symbols as stored.
        if base == "HEAD" || base == "@" {
            guard let line = head, let tip = tip(of: line) else {
                throw LineageError("\(path): HEAD names no revision (the history is empty)", hint: "run `lineage build --repo \(path)` with the resolutions")
            }
            return tip
        }
        for prefix in ["refs/heads/", "heads/", ""] where base.hasPrefix(prefix) {
            if let tip = tip(of: String(base.dropFirst(prefix.count))) { return tip }
        }
        for prefix in ["refs/tags/", "tags/"] where base.hasPrefix(prefix) {
            let tag = "refs/tags/" + base.dropFirst(prefix.count)
            if let r = revisions.last(where: { HistoryLayout.tag(for: $0.symbol) == tag }) { return r }
        }
        if let r = revisions.last(where: { $0.number == base || $0.symbol == base }) { return r }
        if let r = revisions.last(where: { HistoryLayout.tag(for: $0.symbol) == "refs/tags/" + base }) { return r }
        // A session or a year.
        if base.count <= 4, base.allSatisfy(\.isASCIIDigitCharacter), let n = Int(base) {
            if RevisionName.sessions.contains(n) {
                let matches = revisions.filter { $0.session == n }
                if matches.count == 1 { return matches[0] }
                if matches.count > 1 {
                    throw LineageError(
                        "\(name.text): session \(n) has \(matches.count) revisions: \(Self.listed(matches.map(\.number)))",
                        hint: "name one by its number")
                }
            }
            if RevisionName.years.contains(n) {
                let matches = revisions.filter { $0.adopted?.year == n }
                if matches.count == 1 { return matches[0] }
                if matches.count > 1 {
                    throw LineageError(
                        "\(name.text): \(matches.count) revisions were adopted in \(n): "
                            + Self.listed(matches.map { "\($0.number) (\($0.adopted?.iso ?? "?"))" }),
                        hint: "name one by its number")
                }
            }
        }
        // A commit.
        let hex = base.lowercased()
        if hex.count >= RevisionName.minimumHexPrefix, hex.count <= 40, hex.allSatisfy(\.isHexDigit) {
            let matches = revisions.filter { $0.commit?.hex.hasPrefix(hex) == true }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                throw LineageError(
                    "\(name.text): \(matches.count) commits begin with \(hex): "
                        + matches.map { "\(String($0.commit!.hex.prefix(RevisionName.shownHexDigits))) (\($0.number))" }.joined(separator: ", "),
                    hint: "give more digits of the commit, or its number")
            }
        }
        // A number or symbol as quoted in text.
        let folded = RevisionName.folded(base)
        if !folded.isEmpty, let r = revisions.last(where: { RevisionName.folded($0.number) == folded || RevisionName.folded($0.symbol) == folded }) {
            return r
        }
        if let n = Int(base), RevisionName.years.contains(n) {
            let adopted = revisions.compactMap { $0.adopted?.year }
            let span = adopted.min().map { "the history runs from \($0) to \(adopted.max()!)" } ?? "the history is empty"
            throw LineageError("\(name.text): no revision was adopted in \(n) (\(span))", hint: Self.namingHint)
        }
        if ResolutionNumber.looksLikeNumber(folded) {
            let citing = try citing(folded)
            if !citing.isEmpty {
                let others = citing.dropFirst().map(\.number)
                let listed = others.count > 3 ? Array(others.prefix(3)) + ["\(others.count - 3) more"] : others
                let also = listed.isEmpty ? "" : "; also cited by " + (listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " and " + listed.last!)
                throw LineageError(
                    "\(folded) is cited by \(citing[0].number) but is not in the corpus (\(path)\(also))",
                    hint: "add the text of \(folded) to the resolution files and run `lineage build --repo \(path)` with them")
            }
        }
        throw LineageError("\(name.text): no such revision in \(path)", hint: Self.namingHint)
    }

    /// The tip of the line `line`, if there is such a line.
    func tip(of line: String) -> Revision? {
        if let commit = branchTips[line] { return revision(commit: commit) }
        guard lines.contains(line) else { return nil }
        return revisions.last { $0.line == line }
    }

    /// The revisions whose text cites resolution `number`, oldest first: read from their
    /// documents (recalled or reaffirmed in the preamble, or cited with a date anywhere).
    /// Only used to explain a name that is not found.
    /// - Complexity: O(size of every document).
    private func citing(_ number: String) throws(LineageError) -> [Revision] {
        var out: [Revision] = []
        for revision in revisions {
            let resolution = try revision.readResolution()
            if resolution.citedResolutions().contains(number) || resolution.citedDates()[number] != nil { out.append(revision) }
        }
        return out
    }
}

/// The shape of a resolution number: `68/243`, `43/78H`.
enum ResolutionNumber {
    static func looksLikeNumber(_ s: String) -> Bool {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let session = parts.first, !session.isEmpty, session.allSatisfy(\.isNumber) else { return false }
        let serial = parts[1]
        return serial.first?.isNumber == true && serial.allSatisfy { $0.isNumber || $0.isLetter }
    }
}

extension LineageRepository {
    /// The paragraph `reference` names as `REV:ADDRESS` (`69/28:op4`, `HEAD~1:pp11`) or
    /// `REV:CLAUSE-ID` (`76/19:59/61#1`), split at the last colon, with its blame: `nil` when
    /// `reference` is not of that shape. An error when
    /// the revision or the paragraph does not exist.
    /// - Complexity: O(size of the revision + number of revisions).
    public func blameLine(named reference: String) throws(LineageError) -> (revision: Revision, line: Blame.Line)? {
        guard let colon = reference.lastIndex(of: ":") else { return nil }
        let address = String(reference[reference.index(after: colon)...]).trimmingSpaces
        if ClauseReference.looksLikeID(address) {
            // REV:CLAUSE-ID (`69/28:59/61#20`): the paragraph of that clause in REV.
            let revision = try revision(named: String(reference[..<colon]))
            guard let line = try blame(revision).paragraphs.first(where: { $0.clause == address }) else {
                throw LineageError(
                    "\(reference): no paragraph of \(revision.number) belongs to clause \(address)",
                    hint: "`lineage history \(address)` shows where the clause is")
            }
            return (revision, line)
        }
        guard ClauseReference.looksLikeAddress(address) else { return nil }
        let revision = try revision(named: String(reference[..<colon]))
        guard let paragraph = try revision.readResolution().paragraph(at: address) else {
            _ = try clause(at: address, in: revision, reference: reference)  // throws the refusal
            return nil
        }
        guard let line = try blame(revision).paragraphs.first(where: { $0.paragraph.index == paragraph.index }) else {
            throw LineageError(
                "\(reference): the stored lineage of \(revision.symbol) has no clause for \(address)",
                hint: "run `lineage build --repo \(history.path)` to compute it again")
        }
        return (revision, line)
    }
}

extension String {
    /// Without spaces at either end.
    fileprivate var trimmingSpaces: String { String(RevisionName.trimmed(Substring(self))) }
}

extension History {
    /// `tip` and every revision it continues, through all parents (what `git log TIP` lists),
    /// in history order.
    /// - Complexity: O(number of revisions).
    public func reachable(from tip: Revision) -> [Revision] {
        var seen = Set<ObjectID>()
        var pending = [tip]
        while let next = pending.popLast() {
            guard let commit = next.commit, seen.insert(commit).inserted else { continue }
            pending += parents(of: next)
        }
        return revisions.filter { $0.commit.map(seen.contains) ?? false }
    }
}
