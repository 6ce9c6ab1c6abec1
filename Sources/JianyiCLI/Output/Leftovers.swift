#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files and folders carry the id of the process that made them, `<prefix><pid>.tmp`,
/// so that what a killed process left (kill -9 gives it no chance to clean up) is recognised
/// and removed by the next one, while those of a process still working are left to it.
enum Leftovers {
    static func name(_ prefix: String, pid: pid_t = getpid()) -> String { "\(prefix)\(pid).tmp" }

    /// Removes every `<prefix>[<anything>-]<pid>.tmp` in `folder` whose process is gone (or is
    /// this one, which has not made its own yet). Best effort: what cannot be removed stays.
    static func removeStale(in folder: String, prefix: String) {
        for name in entries(of: folder) where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(4)
            let digits = middle.split(separator: "-", omittingEmptySubsequences: false).last ?? middle
            guard digits.allSatisfy({ ("0"..."9").contains($0) }), let pid = pid_t(digits), pid > 0, !isRunning(pid) else { continue }
            removeTree(folder + "/" + name)
        }
    }

    /// Whether a process with this id exists (EPERM: it does, under another user).
    static func isRunning(_ pid: pid_t) -> Bool {
        if pid == getpid() { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Removes a file, or a folder and what is in it (a staging folder holds plain files);
    /// links are removed, never followed.
    static func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
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
