#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files and folders jianyi makes beside what it writes, `<prefix><pid>.tmp`,
/// and the removal of those a killed run left (kill -9 gives it no chance to clean up).
///
/// Whether one is abandoned is decided by a lock, never by its name: the process that makes
/// one holds an exclusive flock(2) on it until it is renamed into place or removed, and the
/// kernel drops the lock when the process dies, however it dies. A run removes only what it
/// can lock itself, and keeps the lock while it removes it. The pid in the name is for people:
/// jobs in separate containers get the same small pids, and hosts sharing an NFS folder cannot
/// see each other's processes; a name that is taken gets a counter, `<prefix><pid>-<n>.tmp`.
///
/// A folder is locked through a file in it, `lockName`, not through a descriptor of the folder:
/// over NFS, Linux emulates flock with byte-range locks held on the server, and those are
/// exclusive only on a descriptor open for writing, which a folder cannot have.
enum Leftovers {
    /// The lock file of a staging folder: hidden, so no digest name (`DigestName`) can take it.
    static let lockName = ".lock"

    /// Creates a file of this process's own in `folder`, exclusively and never through a link.
    /// Returns its path and a descriptor open for writing that holds the lock: the file stays
    /// this process's while that descriptor (or a dup of it) is open.
    static func createFile(in folder: String, prefix: String) throws(SystemError) -> (path: String, descriptor: Int32) {
        try claimNew(in: folder, prefix: prefix) { path throws(SystemError) in
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                if errno == EEXIST { return nil }
                throw SystemError("open", path)
            }
            return lockNew(descriptor, at: path)
        }
    }

    /// Creates a folder of this process's own in `folder` (mode 0700), with its lock file.
    /// Returns its path and the descriptor that holds the lock.
    static func createFolder(in folder: String, prefix: String) throws(SystemError) -> (path: String, lock: Int32) {
        try claimNew(in: folder, prefix: prefix) { path throws(SystemError) in
            guard mkdir(path, 0o700) == 0 else {
                if errno == EEXIST { return nil }
                throw SystemError("mkdir", path)
            }
            let lockPath = path + "/" + lockName
            let descriptor = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                // A run cleaning up found the folder before its lock file, made one and took
                // the folder for a leftover: the folder is that run's to remove.
                if errno == EEXIST || errno == ENOENT { return nil }
                let failure = SystemError("open", lockPath)
                rmdir(path)
                throw failure
            }
            return lockNew(descriptor, at: lockPath)
        }
    }

    /// Tries `<prefix><pid>.tmp`, then `<prefix><pid>-1.tmp` and on, until `make` gets one.
    private static func claimNew(in folder: String, prefix: String,
                                 _ make: (String) throws(SystemError) -> Int32?) throws(SystemError) -> (String, Int32) {
        let pid = getpid()
        for attempt in 0..<100 {
            let path = folder + "/" + prefix + (attempt == 0 ? "\(pid)" : "\(pid)-\(attempt)") + ".tmp"
            if let descriptor = try make(path) { return (path, descriptor) }
        }
        throw SystemError("open", folder + "/" + prefix + "\(pid).tmp", code: EEXIST)
    }

    /// Locks a file this process has just created. Between the creation and the lock, a run
    /// cleaning up may have taken it for a leftover: it is then that run's to remove, and nil
    /// tells the caller to take another name. Waits for the lock, which a run cleaning up holds
    /// only while it removes the file (and someone who merely looks, only for a moment). A file
    /// system that cannot lock at all leaves the file unlocked, which no run can then take for
    /// a leftover.
    private static func lockNew(_ descriptor: Int32, at path: String) -> Int32? {
        _ = lock(descriptor, wait: true)
        if isStill(descriptor, at: path) { return descriptor }
        close(descriptor)
        return nil
    }

    /// Removes every `<prefix>[<anything>-]<digits>.tmp` in `folder` that no process holds,
    /// each while holding its lock. Best effort: what cannot be locked or removed stays.
    static func removeAbandoned(in folder: String, prefix: String) {
        for name in entries(of: folder) where isTemporary(name, prefix: prefix) {
            let path = folder + "/" + name
            guard let lock = lockAbandoned(path) else { continue }
            removeTree(path)
            close(lock)
        }
    }

    /// The names this enum makes with `prefix`, and those earlier versions made.
    private static func isTemporary(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix) && name.hasSuffix(".tmp") && name.count > prefix.count + 4 else { return false }
        let middle = name.dropFirst(prefix.count).dropLast(4)
        let digits = middle.split(separator: "-", omittingEmptySubsequences: false).last ?? middle
        return !digits.isEmpty && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Locks a leftover: a file itself, or a folder's lock file (made when a killed run left
    /// none, or an earlier version made the folder). Nil when it is in use, or is not a file or
    /// folder of ours, or cannot be opened.
    private static func lockAbandoned(_ path: String) -> Int32? {
        guard let found = try? linkStatus(path) else { return nil }
        let lockPath: String
        var flags = O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC  // non-blocking: a pipe put in its place
        if found.isDirectory {
            lockPath = path + "/" + lockName
            flags |= O_CREAT
        } else if found.isRegularFile {
            lockPath = path
        } else {
            return nil
        }
        var descriptor = open(lockPath, flags, 0o600)
        if descriptor < 0 && errno == EACCES && !found.isDirectory {
            // Another user's file: a local flock needs no write access (over NFS it does, and
            // the file stays).
            descriptor = open(lockPath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return nil }
        // The name may have been renamed into place, or removed, since it was listed.
        guard lock(descriptor, wait: false), isStill(descriptor, at: lockPath) else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// An exclusive flock(2); without `wait`, false at once when another open file holds one.
    private static func lock(_ descriptor: Int32, wait: Bool) -> Bool {
        while flock(descriptor, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            if errno != EINTR { return false }
        }
        return true
    }

    /// Whether `descriptor` is the file named `path` now.
    private static func isStill(_ descriptor: Int32, at path: String) -> Bool {
        var open = stat(), named = stat()
        return fstat(descriptor, &open) == 0 && lstat(path, &named) == 0 && open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Removes a file, or a folder and what is in it (a staging folder holds plain files);
    /// links are removed, never followed.
    static func removeTree(_ path: String) {
        guard let status = (try? linkStatus(path)) ?? nil else { return }
        guard status.isDirectory else {
            unlink(path)
            return
        }
        for name in entries(of: path) { removeTree(path + "/" + name) }
        rmdir(path)
    }

    /// The names in a folder, without `.` and `..`; none when it cannot be read.
    static func entries(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
