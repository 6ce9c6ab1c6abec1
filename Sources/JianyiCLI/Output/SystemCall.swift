#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call that failed: which one, on what path, and errno. Files are written with
/// POSIX calls so that every failure has an errno to map to exit 73 or 74 (Foundation's
/// FileHandle traps on a failed write, and its errors would leave the CLI with exit 1).
struct SystemError: Error, Equatable {
    let call: String
    let path: String
    let code: Int32

    init(_ call: String, _ path: String, code: Int32 = errno) {
        self.call = call
        self.path = path
        self.code = code
    }

    /// errno in words, e.g. "No space left on device".
    var reason: String { String(cString: strerror(code)) }
}

/// Writes every byte to `descriptor`, through short writes and interrupted calls.
func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(SystemError) {
    var failure: SystemError?
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = SystemError("write", path)
                return
            }
            offset += written
        }
    }
    if let failure { throw failure }
}

/// fsync(2), retried when interrupted.
func sync(_ descriptor: Int32, path: String) throws(SystemError) {
    while fsync(descriptor) != 0 {
        if errno != EINTR { throw SystemError("fsync", path) }
    }
}

/// lstat(2): what is at `path` itself (a link is not followed); nil when nothing is there.
func linkStatus(_ path: String) throws(SystemError) -> stat? {
    var status = stat()
    if lstat(path, &status) == 0 { return status }
    if errno == ENOENT { return nil }
    throw SystemError("lstat", path)
}

/// stat(2): what `path` leads to (links followed); nil when nothing is there.
func fileStatus(_ path: String) throws(SystemError) -> stat? {
    var status = stat()
    if stat(path, &status) == 0 { return status }
    if errno == ENOENT { return nil }
    throw SystemError("stat", path)
}

/// Why files cannot be created in `path` (links followed), or nil when they can: the one
/// check behind `--output`'s folder and `--out-dir`, each of which words it.
enum FolderProblem: Error {
    case unreadable(SystemError)
    case missing
    case notAFolder
    case notWritable
}

func folderProblem(_ path: String) -> FolderProblem? {
    let status: stat?
    do { status = try fileStatus(path) } catch { return .unreadable(error) }
    guard let status else { return .missing }
    guard status.isDirectory else { return .notAFolder }
    guard status.hasWriteBit, access(path, W_OK | X_OK) == 0 else { return .notWritable }
    return nil
}

extension stat {
    var isDirectory: Bool { st_mode & S_IFMT == S_IFDIR }
    var isRegularFile: Bool { st_mode & S_IFMT == S_IFREG }
    var isSymbolicLink: Bool { st_mode & S_IFMT == S_IFLNK }
    /// Someone may write it: the rule that holds for root too, for whom access(2) says yes
    /// to everything. A file or folder whose mode has no write bit is left alone.
    var hasWriteBit: Bool { st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) != 0 }
}

/// The folder a path is in ("." for a bare name), and its last component.
func splitPath(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = String(path[..<slash])
    return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
}

/// A path as it is shown in a message: as it is when it is plain, else in single quotes as a
/// shell reads it, with control characters (a newline, an escape) shown as `?` so the
/// message stays one line and cannot drive a terminal.
func shownPath(_ path: String) -> String {
    let plain = !path.isEmpty && path.unicodeScalars.allSatisfy { scalar in
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "/._-+:@%,=".unicodeScalars.contains(scalar)
    }
    if plain { return path }
    var shown = String.UnicodeScalarView()
    shown.append("'")
    for scalar in path.unicodeScalars {
        switch scalar.value {
        case 0x27: shown.append(contentsOf: "'\\''".unicodeScalars)
        case 0x00..<0x20, 0x7F...0x9F: shown.append("?")
        default: shown.append(scalar)
        }
    }
    shown.append("'")
    return String(shown)
}
