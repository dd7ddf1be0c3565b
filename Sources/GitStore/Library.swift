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
        // Flush packs, indexes and references to stable storage before they are renamed into place.
        _ = lineage_git_enable_fsync(1)
        // Reads trust the object database, as git's own commands do (`git fsck` verifies it);
        // re-hashing every object read cost ~15% of opening a history.
        _ = lineage_git_enable_strict_hash_verification(0)
        // At most 8 MiB of pack files mapped at once (default: 8 GiB): every page read stays
        // resident while mapped, and a build reads back from every pack it writes, so the default
        // let resident memory grow with the size of the history. libgit2 unmaps the least
        // recently used pack windows (a whole pack each, for packs under 1 GiB) beyond it.
        _ = lineage_git_set_mapped_limit(8 << 20)
    }()
}
