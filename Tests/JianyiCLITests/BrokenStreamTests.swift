import Foundation
import Testing

/// Standard output or error that cannot be written: a reader that stopped early, a full disk.
/// jianyi ends with a code of the contract, never a signal or a trap.
@Suite struct BrokenStreamTests {
    /// `jianyi list | head` where head has already gone: the write fails, and jianyi says so
    /// with 74 instead of dying of SIGPIPE (the test runs it with SIGPIPE at its default,
    /// as a shell would, since the test process itself ignores it).
    @Test func aReaderThatHasGoneGives74NotASignal() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal=PIPE", Jianyi.binary.path, "deputy", "list"]
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = jianyi.database
        process.environment = environment
        let out = Pipe(), err = Pipe()
        try out.fileHandleForReading.close()  // nobody will ever read what jianyi writes
        process.standardOutput = out
        process.standardError = err
        try process.run()
        try out.fileHandleForWriting.close()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus)")
        #expect(process.terminationStatus == 74, "\(stderr)")
        #expect(stderr == "jianyi: writing to standard output failed (Broken pipe); what the command did before it is done\n")
    }

    /// An error to say and a standard error that cannot take it: the exit code still says it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "Linux's always-full device"))
    func aFullStandardErrorStillGivesTheCode() throws {
        var jianyi = try Jianyi()
        try jianyi.setUp()
        jianyi.launcher = shell("exec 2>/dev/full")
        let result = try jianyi.run(["show", "5-4-0099"])
        #expect(result.code == 65)
        let warned = try jianyi.run(["list", "--lang", "fr"])
        #expect(warned.code == 64)
    }
}
