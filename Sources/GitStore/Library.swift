import CGit2

/// libgit2's global state: initialised once per process, before any other call.
///
/// `git_libgit2_init` is reference-counted; lineage initialises it once and never shuts it down
/// (the process ends instead), so no object can outlive the library.
enum Library {
    /// Touching this runs the initialisation exactly once (Swift globals are lazy and thread-safe).
    static let initialized: Void = {
        git_libgit2_init()
        // Never read ~/.gitconfig or /etc/gitconfig: results must not depend on who runs lineage.
        for level in [GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_PROGRAMDATA] {
            _ = lineage_git_set_config_search_path(level, "")
        }
        // Flush what libgit2 writes (references, the reference log) to stable storage before it is
        // renamed into place; lineage's own packs and indexes are synced by PackFile.
        _ = lineage_git_enable_fsync(1)
        // Reads trust the object database, as git's own commands do (`git fsck` verifies it);
        // re-hashing every object read cost ~15% of opening a history.
        _ = lineage_git_enable_strict_hash_verification(0)
        // At most 8 MiB of pack files mapped at once (default: 8 GiB): every page read stays
        // resident while mapped. Builds and queries bound this further
        // (``Repository/boundReadMemory(windowBytes:mappedBytes:)``); this is the default for any
        // other use of the library.
        _ = lineage_git_set_mwindow_mapped_limit(8 << 20)
    }()
}

extension Repository {
    /// Bounds what libgit2 keeps in memory while reading, for the whole process: packs are mapped
    /// in windows of `windowBytes`, at most `mappedBytes` of them at once (the least recently used
    /// window is unmapped first), and parsed objects are not cached (each lookup reads its object
    /// again; lineage's readers keep what they need as Swift values).
    ///
    /// libgit2's defaults (1 GiB windows, 8 GiB mapped, a 256 MiB object cache) keep every page
    /// of a pack that was read once resident, and every commit and small tree parsed once cached:
    /// reading all the commits of a 10,000-revision history, spread over its pack between
    /// documents and notes, then costs the whole pack in resident memory plus every commit. With
    /// these bounds, that memory stays flat in the size of the history; a read outside the mapped
    /// windows costs one `mmap`. (libgit2's cache of delta bases, at most 16 MiB per pack, stays.)
    /// Call before opening repositories; it applies to every repository opened afterwards.
    public static func boundReadMemory(windowBytes: Int = 256 << 10, mappedBytes: Int = 2 << 20) {
        Library.initialized
        _ = lineage_git_set_mwindow_size(windowBytes)
        _ = lineage_git_set_mwindow_mapped_limit(mappedBytes)
        _ = lineage_git_enable_caching(0)
    }
}

/// The libgit2 lineage runs with.
public enum LibGit2 {
    /// libgit2's version, as `git_libgit2_version()` reports it (e.g. `"1.5.1"`).
    public static var version: String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        guard git_libgit2_version(&major, &minor, &revision) == 0 else { return "unknown" }
        return "\(major).\(minor).\(revision)"
    }
}
