import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive flock(2) on `path` (made when missing), held by this test process as a run of
/// jianyi in another container or on another host holds its temporary files: whatever pid the
/// name carries, the file is in use until `close` of the returned descriptor.
func holdLock(_ path: String) throws -> Int32 {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    try #require(descriptor >= 0, "open \(path): \(String(cString: strerror(errno)))")
    try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0, "flock \(path): \(String(cString: strerror(errno)))")
    return descriptor
}

/// Whether some open file holds a flock on `path` now (an exclusive one of ours would fail).
func isLocked(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return flock(descriptor, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
}

/// A launcher (see `Jianyi.launcher`) that renames `path` to `<prefix><pid>.tmp` in `folder`
/// just before the binary starts with that very pid (the shell execs it), and writes the pid
/// to `pidFile`: a leftover named exactly as the run names its own temporary file, as a job in
/// another container with the same pid would name its.
func renaming(_ path: String, in folder: String, to prefix: String, pidFile: String) -> [String] {
    shell("mv '\(path)' '\(folder)/\(prefix)'$$.tmp && echo $$ >'\(pidFile)'")
}

/// The pid a `renaming` launcher wrote.
func launchedPID(_ pidFile: String) throws -> Int32 {
    try #require(Int32(String(decoding: try Data(contentsOf: URL(fileURLWithPath: pidFile)), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)))
}

/// The entries of a `folderSnapshot` at `names` and under them.
func snapshot(_ folder: String, of names: [String]) -> [String: String] {
    folderSnapshot(folder).filter { key, _ in names.contains { key == $0 || key.hasPrefix($0 + "/") } }
}

/// A run of the binary on another thread, for a test that acts while it works.
final class BackgroundRun: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Jianyi.Result, any Error>?

    init(_ jianyi: Jianyi, _ arguments: [String]) {
        Thread { [self] in
            outcome = Result { try jianyi.run(arguments) }
            done.signal()
        }.start()
    }

    /// Its result, once it has exited.
    func result() throws -> Jianyi.Result {
        done.wait()
        return try outcome!.get()
    }
}

/// Waits (up to a minute) until `condition` holds, e.g. until a run in the background has made
/// its temporary file.
func waitUntil(_ what: String, _ condition: () throws -> Bool) throws {
    for _ in 0..<1200 {
        if try condition() { return }
        usleep(50_000)
    }
    Issue.record("timed out waiting until \(what)")
    throw CancellationError()
}
