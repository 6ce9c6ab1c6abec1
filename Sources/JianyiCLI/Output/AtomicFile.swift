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

    /// Creates the temporary file, exclusively: never an existing file, never through a link.
    /// `like` is a file whose permissions (and, for root, owner) the new file keeps: the file
    /// it replaces.
    init(target: String, temporary: String, like existing: stat? = nil) throws(SystemError) {
        self.target = target
        self.temporary = temporary
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemError("open", temporary) }
        if let existing {
            // Best effort: a file that is replaced keeps its mode; only root may give it back
            // its owner, and a failure there leaves the new file the caller's own.
            _ = fchmod(descriptor, existing.st_mode & 0o777)
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
        }
    }

    mutating func write(_ bytes: [UInt8]) throws(SystemError) {
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

    /// Renames the sealed file over the target.
    func publish() throws(SystemError) {
        if rename(temporary, target) != 0 { throw SystemError("rename", target) }
    }

    /// Seals, publishes, and syncs the target's folder so the new name survives a crash.
    mutating func commit() throws(SystemError) {
        try seal()
        try publish()
        try Self.syncFolder(splitPath(target).folder)
    }

    /// Closes and removes the temporary file: every path that does not publish it ends here.
    mutating func remove() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporary)
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
