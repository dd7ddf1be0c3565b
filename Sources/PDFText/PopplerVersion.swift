import CPoppler

/// The poppler library lineage reads PDFs with.
public enum Poppler {
    /// poppler's version, as `poppler_get_version()` reports it (e.g. `"22.12.0"`).
    public static var version: String {
        guard let v = poppler_get_version() else { return "unknown" }
        return String(cString: v)
    }
}
