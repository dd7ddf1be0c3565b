import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a repository path for the length of a build, so that two builds at once
/// cannot interleave their writes: `flock(2)` on the file `PATH.lock` beside the repository
/// (`lineage.git` → `lineage.git.lock` in the same folder).
///
/// It lives outside the repository so that it works before the repository exists: builds
/// started together into a new path take turns, the first creates the repository, the others
/// find it. The kernel releases the lock when the process ends, however it ends, so a crashed
/// build never leaves a held lock; while it is held, no other lineage build is writing the
/// repository, which is what lets a build remove what a dead one left behind
/// (``GitStore/Repository/recoverInterruptedWrites(gitDirectory:)``).
///
/// The holder removes the file when it is done, so nothing stays beside the repository. A
/// waiter may then hold a lock on a file no longer at the path: after each `flock` it checks that
/// the path still names the file it locked (same device and inode), and otherwise starts again.
final class BuildLock {
    private let descriptor: Int32
    let path: String

    /// The lock file of the repository at `repositoryPath`.
    static func path(for repositoryPath: String) -> String {
        var standard = URL(fileURLWithPath: repositoryPath).standardizedFileURL.path
        while standard.count > 1, standard.hasSuffix("/") { standard.removeLast() }
        return standard + ".lock"
    }

    /// Takes the lock, waiting for another build to finish if one holds it (`onWait` is called
    /// once, before waiting, so the user knows why nothing happens). Creates the folder the
    /// repository goes in if it does not exist.
    init(repositoryPath: String, onWait: () -> Void) throws(LineageError) {
        path = Self.path(for: repositoryPath)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw LineageError("\(folder): cannot create the folder of the repository (\(error.localizedDescription))")
        }
        var waited = false
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw LineageError("\(path): cannot create the build lock (\(String(cString: strerror(errno))))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else {
                    let reason = String(cString: strerror(errno))  // before close() can change errno
                    close(fd)
                    throw LineageError("\(path): cannot lock (\(reason))")
                }
                if !waited { onWait() }
                waited = true
                guard flock(fd, LOCK_EX) == 0 else {
                    let reason = String(cString: strerror(errno))  // before close() can change errno
                    close(fd)
                    throw LineageError("\(path): cannot lock (\(reason))")
                }
            }
            // The previous holder may have removed the file between our open and our lock.
            var locked = stat()
            var named = stat()
            if fstat(fd, &locked) == 0, stat(path, &named) == 0, locked.st_dev == named.st_dev, locked.st_ino == named.st_ino {
                descriptor = fd
                return
            }
            close(fd)
        }
    }

    /// Removes the file, then releases the lock (closing the file releases it).
    deinit {
        unlink(path)
        close(descriptor)
    }
}
