import Foundation
import TestSupport
import Testing

/// Runs the built `jianyi` like a user would, with its own environment.
struct Jianyi {
    struct Result {
        let code: Int32
        let stdout: String
        let stderr: String
    }

    let database: String
    var environment: [String: String] = [:]
    /// A program that runs the binary, given its path and arguments after its own: a shell
    /// that lowers a limit or redirects a stream first, e.g.
    /// `["/bin/sh", "-c", "ulimit -f 0; exec \"$0\" \"$@\""]`. Empty: the binary itself.
    var launcher: [String] = []

    /// A fresh migrated database (or an empty one) to run commands against.
    init(migrated: Bool = true) throws {
        database = migrated ? try TestDatabase.migrated() : try TestDatabase.empty()
    }

    /// A child that exits without reading its input must not kill the tests with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static var binary: URL {
        // The test bundle sits beside the products it was built with.
        let beside = Bundle.main.bundleURL.appendingPathComponent("jianyi")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../.build/debug/jianyi").standardized
    }

    @discardableResult
    func callAsFunction(_ arguments: String..., input: String? = nil) throws -> Result {
        try run(arguments, input: input)
    }

    /// Runs a step a test builds on: anything but exit 0 stops the test there, with the
    /// command and its stderr, so a broken setup cannot pass for the behaviour under test.
    @discardableResult
    func ok(_ arguments: String..., input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        try ok(arguments, input: input, sourceLocation: sourceLocation)
    }

    @discardableResult
    func ok(_ arguments: [String], input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let result = try run(arguments, input: input)
        try #require(result.code == 0, "jianyi \(arguments.joined(separator: " ")) exited \(result.code): \(result.stderr)",
                     sourceLocation: sourceLocation)
        return result
    }

    /// Runs the binary; `input` (when given) is its standard input, else it reads an empty one.
    func run(_ arguments: [String], databaseURL: String? = nil, input: String? = nil, directory: String? = nil) throws -> Result {
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = launcher.dropFirst() + [Self.binary.path] + arguments
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = databaseURL ?? database
        env["JIANYI_USER"] = "秘书处"
        env.removeValue(forKey: "JIANYI_CONGRESS")
        env.removeValue(forKey: "JIANYI_TODAY")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        _ = Self.ignoreBrokenPipes
        try process.run()
        // Written from another thread: a large input must not wait on a child blocked on a full stdout.
        let writer = Thread { [input] in
            // The throwing write: the legacy write(_:) traps on EPIPE when the child exits
            // without reading, which killed the whole test process.
            if let input { try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        // Read before waiting so a large output cannot fill the pipe and stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(code: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A congress LL with session 5-4, deputies D001–D003 and one unit.
    func setUp() throws {
        for arguments in [
            ["congress", "add", "LL", "--name", "吕梁市人民代表大会", "--level", "city"],
            ["session", "add", "5-4", "--opened", "2024-01-20", "--closed", "2024-01-23"],
            ["deputy", "add", "D001", "--name", "史芷彤", "--delegation", "离石区代表团"],
            ["deputy", "add", "D002", "--name", "王建国", "--delegation", "孝义市代表团"],
            ["deputy", "add", "D003", "--name", "李梅", "--delegation", "汾阳市代表团"],
            ["unit", "add", "SJJ", "--name", "市市场监督管理局"],
        ] {
            let result = try run(arguments)
            guard result.code == 0 else { throw SetupError(message: "\(arguments): \(result.stderr)") }
        }
    }

    struct SetupError: Error { let message: String }
}

func temporaryFile(_ name: String, _ contents: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jianyi-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
