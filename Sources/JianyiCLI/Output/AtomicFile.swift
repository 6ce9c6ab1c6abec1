#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that appears whole or not at all: written under a temporary name on the same file
/// system, synced, then renamed over its target with rename(2), which swaps the name in one
/// step: whatever the target held stays intact until then, and a reader never sees half a
/// file. POSIX calls only: on Linux, Foundation's replaceItemAt and moveItem onto an existing
/// path delete the target and can fail before writing the new one.
struct AtomicFile {
    /// Where the file goes.
    let target: String
    /// Where it is written until then.
    let temporary: String
    private var descriptor: Int32
    /// A duplicate of `descriptor` (the same open file, so the same flock) that keeps this
    /// process's lock on the temporary file (see `Leftovers`) after `seal` has closed
    /// `descriptor`, until the file is renamed or removed; -1 for a file in a staging folder,
    /// which the folder's lock covers.
    private var lock: Int32 = -1
    /// Renamed into place: the temporary name is no longer this file's.
    private var published = false

    /// Creates the temporary file, exclusively: never an existing file, never through a link.
    init(target: String, temporary: String) throws(SystemError) {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemError("open", temporary) }
        self.init(target: target, temporary: temporary, descriptor: descriptor, like: nil)
    }

    /// Creates a temporary file `<prefix><pid>.tmp` beside the target, locked, so that no other
    /// run takes it for a leftover while this one writes it. `like` is a file whose permissions
    /// (and, for root, owner) the new file keeps: the file it replaces.
    init(target: String, prefix: String, like existing: stat?) throws(SystemError) {
        let (temporary, descriptor) = try Leftovers.createFile(in: splitPath(target).folder, prefix: prefix)
        // Close-on-exec as the original is (dup(2) would drop it): a program this one started
        // must not keep the file locked after it is gone.
        let lock = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard lock >= 0 else {
            let failure = SystemError("fcntl", temporary)
            unlink(temporary)
            close(descriptor)
            throw failure
        }
        self.init(target: target, temporary: temporary, descriptor: descriptor, like: existing)
        self.lock = lock
    }

    private init(target: String, temporary: String, descriptor: Int32, like existing: stat?) {
        self.target = target
        self.temporary = temporary
        self.descriptor = descriptor
        if let existing {
            // Best effort: a file that is replaced keeps its mode; only root may give it back
            // its owner, and a failure there leaves the new file the caller's own.
            _ = fchmod(descriptor, existing.st_mode & 0o777)
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
        }
    }

    func write(_ bytes: [UInt8]) throws(SystemError) {
        try writeAll(descriptor, bytes, path: temporary)
    }

    /// Syncs the content to disk and closes the file: what rename(2) then publishes is whole
    /// even after a power cut.
    mutating func seal() throws(SystemError) {
        guard descriptor >= 0 else { return }
        try sync(descriptor, path: temporary)
        let closing = descriptor
        descriptor = -1
        if close(closing) != 0 && errno != EINTR { throw SystemError("close", temporary) }
    }

    /// Renames the sealed file over the target, then lets go of its lock.
    mutating func publish() throws(SystemError) {
        if rename(temporary, target) != 0 { throw SystemError("rename", target) }
        published = true
        unlock()
    }

    /// Removes and closes the temporary file: every path that does not publish it ends here.
    /// The lock is held until it is gone; once published, the name may be another run's.
    mutating func remove() {
        if !published { unlink(temporary) }
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlock()
    }

    private mutating func unlock() {
        if lock >= 0 { close(lock) }
        lock = -1
    }

    /// fsync(2) of a folder, which makes the names created or renamed in it durable. A file
    /// system that cannot sync a folder (EINVAL) has nothing to do.
    static func syncFolder(_ folder: String) throws(SystemError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError("open", folder) }
        defer { close(descriptor) }
        do {
            try sync(descriptor, path: folder)
        } catch where error.code == EINVAL {
        }
    }
}
