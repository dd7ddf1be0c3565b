#ifndef LINEAGE_CGIT2_SHIM_H
#define LINEAGE_CGIT2_SHIM_H

#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one non-variadic shim per option used. */

/** git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled) */
static inline int lineage_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

/** git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path): isolates lineage from user and system config. */
static inline int lineage_git_set_config_search_path(git_config_level_t level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

/** git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled): re-hash every object read. */
static inline int lineage_git_enable_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/** git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, bytes): the size of each window mapped from a pack. */
static inline int lineage_git_set_mwindow_size(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, bytes);
}

/** git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, bytes): at most this much of the packs mapped at once. */
static inline int lineage_git_set_mwindow_mapped_limit(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, bytes);
}

/** git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled): keep parsed objects for later lookups. */
static inline int lineage_git_enable_caching(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled);
}

#endif
