import Lineage

/// Who proposed a revision and how it was adopted, as the text outputs print it (from the UN's
/// Akoma Ntoso, stored in the commit's `Sponsor:` and `Vote:` trailers). A revision read from
/// text has neither, and prints nothing of it.
enum WhoAndHow {
    /// How many sponsors a compact list names before "…".
    static let sponsorsShown = 3

    /// "Austria, Brazil, Chile, … (23)"; every name when there are at most one more than
    /// ``sponsorsShown``; a statement ("submitted by the Chair …") as written.
    static func sponsors(_ names: [String]) -> String {
        // One statement in place of names ("submitted by the Chair of the Committee …"; a
        // Member State's name starts with a capital) is printed as written.
        if names.count == 1, let first = names[0].first, first.isLowercase { return Terminal.sanitize(names[0]) }
        let shown = names.count <= sponsorsShown + 1 ? names : Array(names.prefix(sponsorsShown)) + ["\u{2026}"]
        return Terminal.sanitize(shown.joined(separator: ", ")) + " (\(names.count))"
    }

    /// "adopted without a vote", "adopted by recorded vote 170–2–3", "adopted: OUTCOME".
    static func adopted(_ adoption: Adoption) -> String {
        switch adoption {
        case .withoutVote: return "adopted " + adoption.description
        case .recordedVote: return "adopted by " + adoption.description
        case .other(let outcome): return "adopted: " + Terminal.sanitize(outcome)
        }
    }

    /// "adopted by recorded vote 3–0–1; sponsors: Antigua and Barbuda, Peru, … (6)", or `nil`
    /// when the source said neither.
    static func summary(_ revision: Revision) -> String? {
        var parts: [String] = []
        if let adoption = revision.adoption { parts.append(adopted(adoption)) }
        if !revision.sponsors.isEmpty {
            let statement = revision.sponsors.count == 1 && revision.sponsors[0].first?.isLowercase == true
            parts.append((statement ? "" : "sponsors: ") + sponsors(revision.sponsors))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The legend `blame` prints under its lines: one line per revision that introduced a clause
    /// and whose source says who proposed it or how it was adopted, in history order; "" when
    /// none does (a history read from text).
    static func legend(_ revisions: [Revision], width: Int) -> String {
        var seen = Set<String>()
        var lines: [String] = []
        for revision in revisions where seen.insert(revision.number).inserted {
            guard let summary = summary(revision) else { continue }
            lines.append(revision.number.padded(width) + " " + summary)
        }
        return lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n") + "\n"
    }
}
