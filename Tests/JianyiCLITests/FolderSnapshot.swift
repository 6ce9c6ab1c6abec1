import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything in a folder, hidden entries and subfolders included: each path (relative) with
/// what it is, its mode, its content (a file) or its target (a link), and its inode, so that
/// comparing two snapshots shows a file rewritten in place too. Compare before and after a
/// command that must leave the folder untouched.
func folderSnapshot(_ folder: String) -> [String: String] {
    var entries: [String: String] = [:]
    func visit(_ relative: String) {
        let path = relative.isEmpty ? folder : folder + "/" + relative
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        let mode = String(status.st_mode & 0o7777, radix: 8)
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            entries[relative] = "folder \(mode) inode \(status.st_ino)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names { visit(relative.isEmpty ? name : relative + "/" + name) }
        case S_IFLNK:
            entries[relative] = "link -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
        case S_IFREG:
            let content = FileManager.default.contents(atPath: path).map { $0.base64EncodedString() } ?? "unreadable"
            entries[relative] = "file \(mode) inode \(status.st_ino) \(content)"
        default:  // a pipe, a socket, a device: never opened (a pipe would block)
            entries[relative] = "special \(String(status.st_mode & S_IFMT, radix: 8)) \(mode) inode \(status.st_ino)"
        }
    }
    visit("")
    return entries
}

/// The names in a folder, hidden ones included, sorted.
func entries(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
}

/// The id of a process that has just ended: what a run killed with kill -9 leaves in the
/// names of its temporary files.
func deadProcessID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}

/// A launcher (see `Jianyi.launcher`) that runs the binary through a shell command first:
/// `ulimit -f 0` makes every write to a file fail with EFBIG, as a full disk would, for root
/// too; the shell ignores SIGXFSZ so that the binary sees the error instead of the signal.
func shell(_ command: String) -> [String] {
    ["/bin/sh", "-c", "trap '' XFSZ; \(command); exec \"$0\" \"$@\""]
}

/// Bytes of a file, as read (a String would drop the BOM).
func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}
