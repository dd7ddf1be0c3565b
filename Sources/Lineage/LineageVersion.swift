import GitStore
import LineageCore
import PDFText
import ResolutionText

/// What `lineage --version` reports: lineage's release, the versions of what it stores (the
/// document format commit hashes depend on, the engine and note format of the stored lineage),
/// and the C libraries it runs with.
public enum LineageVersion {
    /// lineage's release (raised with each release of the package).
    public static let release = "0.2.0"

    /// The lines of `lineage --version`:
    ///
    /// ```
    /// lineage 0.2.0
    /// document format 1, lineage engine 1, note format 1
    /// libgit2 1.5.1, poppler 22.12.0
    /// ```
    public static var description: String {
        """
        lineage \(release)
        document format \(CanonicalDocument.version), lineage engine \(LineageNotes.engineVersion), note format \(RevisionLineage.format)
        libgit2 \(LibGit2.version), poppler \(Poppler.version)
        """
    }
}
