import GitStore
import ResolutionText

/// How a series of resolutions is laid out in git. This layout is frozen (version 1): commit
/// hashes depend on every detail, and they must reproduce on any machine.
///
/// - A bare repository; each line of the series is a branch (``branchPrefix`` + ``LineName``),
///   and `HEAD` points to the line the series began with. Commits have the parents ``Ancestry``
///   infers: two children of one commit are a fork, a commit with two parents a merge.
/// - Each revision is one commit whose tree holds one file, ``documentPath``, in the
///   ``CanonicalDocument`` format (one paragraph per line).
/// - Author and committer are ``author``; the time is the adoption date at 12:00 in New York
///   standard time (UTC−05:00), whatever the season. git cannot store times before
///   1970-01-01 (its timestamps are unsigned), so an earlier revision is committed at
///   1970-01-01T00:00:00Z and its true date is kept in the `Adopted:` trailer, which lineage reads.
/// - Each revision is tagged with its symbol (`refs/tags/A/RES/69/28`).
public enum HistoryLayout {
    public static let documentPath = "resolution.txt"
    /// Each line of the series is a branch under this prefix, named by ``LineName``.
    public static let branchPrefix = "refs/heads/"
    public static let formatVersion = 1

    /// The General Assembly, author of every revision.
    public static let authorName = "United Nations General Assembly"
    public static let authorEmail = "general-assembly@un.org"
    /// UTC−05:00: New York standard time, fixed all year.
    public static let zoneOffsetMinutes = -300
    /// 12:00 in New York standard time is 17:00 UTC.
    static let noonUTCSeconds: Int64 = 17 * 3600

    /// The signature for a revision adopted on `date`.
    public static func author(adopted date: CivilDate) -> Signature {
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + noonUTCSeconds
        if seconds < 0 {
            return Signature(name: authorName, email: authorEmail, time: 0, offsetMinutes: 0)
        }
        return Signature(name: authorName, email: authorEmail, time: seconds, offsetMinutes: zoneOffsetMinutes)
    }

    /// The tag for a symbol: `refs/tags/A/RES/69/28`. Characters git forbids in reference names
    /// (spaces, `~^:?*[\`, `..`) become `-`.
    public static func tag(for symbol: String) -> String {
        var name = ""
        var previous: Character = " "
        for c in symbol {
            let bad = c == " " || c == "~" || c == "^" || c == ":" || c == "?" || c == "*" || c == "["
                || c == "\\" || c.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true
                || (c == "." && previous == ".")
            name.append(bad ? "-" : c)
            previous = c
        }
        while name.hasSuffix(".") || name.hasSuffix("/") || name.hasSuffix(".lock") {
            name = name.hasSuffix(".lock") ? String(name.dropLast(5)) : String(name.dropLast())
        }
        return "refs/tags/" + name
    }
}
