import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a repository for the length of a build, so that two builds at once
/// cannot interleave their writes: `flock(2)` on `<repository>/lineage.lock`.
///
/// The kernel releases the lock when the process ends, however it ends, so a crashed build
/// never leaves a stale lock behind.
final class BuildLock {
    private let descriptor: Int32
    let path: String

    /// Takes the lock, waiting for another build to finish if one holds it (`onWait` is called
    /// once, before waiting, so the user knows why nothing happens).
    init(directory: String, onWait: () -> Void) throws(LineageError) {
        path = (directory as NSString).appendingPathComponent("lineage.lock")
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LineageError("\(path): cannot create the build lock (\(String(cString: strerror(errno))))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(descriptor)
                throw LineageError("\(path): cannot lock (\(String(cString: strerror(errno))))")
            }
            onWait()
            guard flock(descriptor, LOCK_EX) == 0 else {
                close(descriptor)
                throw LineageError("\(path): cannot lock (\(String(cString: strerror(errno))))")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
