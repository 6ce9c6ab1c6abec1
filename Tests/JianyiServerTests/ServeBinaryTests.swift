import Foundation
import HummingbirdTesting
import Testing
import TestSupport

/// `jianyi serve` as an operator runs it: the built binary, a real database, real signals.
@Suite("jianyi serve, the built binary", .timeLimit(.minutes(1)))
struct ServeBinaryTests {
    @Test func printsItsAddressServesAndStopsCleanlyOnSIGTERM() async throws {
        let serve = try ServeProcess(["serve", "--listen", "127.0.0.1:0"], database: try ServedCongress.make().webURL)
        let line = try serve.firstLine()
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0) }, "no port in: \(line)")
        #expect(line == "listening on http://127.0.0.1:\(port)")
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            try await client.get("/healthz?token=s3cr3t")
        }
        #expect(response.status == .ok)
        let ended = try serve.stop(SIGTERM)
        #expect(ended.code == 0, "stderr: \(ended.stderr)")
        let access = ended.stderr.split(separator: "\n").filter { $0.contains("GET /healthz") }
        #expect(access.count == 1, "stderr: \(ended.stderr)")
        #expect(access.first?.contains("GET /healthz 200 ") == true)
        #expect(!ended.stderr.contains("s3cr3t"))
    }

    @Test func stopsCleanlyOnSIGINT() throws {
        let serve = try ServeProcess(["serve", "--listen", "127.0.0.1:0"], database: try ServedCongress.make().webURL)
        _ = try serve.firstLine()
        #expect(try serve.stop(SIGINT).code == 0)
    }

    /// Row security is the boundary between the parties; a role it does not hold (here the
    /// cluster's superuser, which owns the tables) must not serve.
    @Test func refusesARoleRowSecurityDoesNotHoldWith78() throws {
        let serve = try ServeProcess(["serve", "--listen", "127.0.0.1:0"], database: try ServedCongress.make().url)
        let ended = try serve.waitForExit()
        #expect(ended.code == 78)
        #expect(ended.stderr.contains("serve refuses to start: role "), "stderr: \(ended.stderr)")
        #expect(ended.stderr.contains("is a superuser, so row-level security would not hold for it; connect as jianyi_web"), "stderr: \(ended.stderr)")
        #expect(ended.stdout.isEmpty)
    }

    @Test func refusesAnUnmigratedDatabaseWith78() throws {
        let serve = try ServeProcess(["serve", "--listen", "127.0.0.1:0"], database: try TestDatabase.empty())
        let ended = try serve.waitForExit()
        #expect(ended.code == 78)
        #expect(ended.stderr.contains("jianyi db migrate"), "stderr: \(ended.stderr)")
        #expect(ended.stdout.isEmpty)
    }

    @Test func anAddressInUseIsRefusedWith69() throws {
        let database = try ServedCongress.make().webURL
        let first = try ServeProcess(["serve", "--listen", "127.0.0.1:0"], database: database)
        let port = try #require(try first.firstLine().split(separator: ":").last.flatMap { Int($0) })
        let second = try ServeProcess(["serve", "--listen", "127.0.0.1:\(port)"], database: database)
        let ended = try second.waitForExit()
        #expect(ended.code == 69)
        #expect(ended.stderr.contains("cannot serve on http://127.0.0.1:\(port): Address already in use"), "stderr: \(ended.stderr)")
        #expect(try first.stop(SIGTERM).code == 0)
    }

    @Test(arguments: [
        (["--listen", "8080"], "--listen"),
        (["--listen", "127.0.0.1:70000"], "--listen"),
        (["--pool-size", "0"], "--pool-size"),
        (["--pool-wait", "-1"], "--pool-wait"),
        (["--token-lifetime", "0"], "--token-lifetime"),
        (["--sign-in-failures-per-login", "0"], "--sign-in-failures-per-login"),
        (["--sign-in-failures-per-address", "0"], "--sign-in-failures-per-address"),
        (["--sign-in-window", "0"], "--sign-in-window"),
    ])
    func refusesBadSettingsWith64(arguments: [String], naming flag: String) throws {
        let serve = try ServeProcess(["serve"] + arguments, database: try TestDatabase.migrated())
        let ended = try serve.waitForExit()
        #expect(ended.code == 64)
        #expect(ended.stderr.contains(flag), "stderr: \(ended.stderr)")
    }

    @Test func refusesABadEnvironmentValueNamingTheVariable() throws {
        let serve = try ServeProcess(["serve"], database: try TestDatabase.migrated(), environment: ["JIANYI_POOL_SIZE": "many"])
        let ended = try serve.waitForExit()
        #expect(ended.code == 64)
        #expect(ended.stderr.contains("JIANYI_POOL_SIZE: 'many'"), "stderr: \(ended.stderr)")
    }

    @Test(arguments: [("JIANYI_TOKEN_LIFETIME", "12h"), ("JIANYI_SIGN_IN_WINDOW", "-5"), ("JIANYI_TRUST_PROXY", "maybe")])
    func refusesABadSignInSettingNamingTheVariable(variable: String, value: String) throws {
        let serve = try ServeProcess(["serve"], database: try TestDatabase.migrated(), environment: [variable: value])
        let ended = try serve.waitForExit()
        #expect(ended.code == 64)
        #expect(ended.stderr.contains("\(variable): '\(value)'"), "stderr: \(ended.stderr)")
    }
}

/// The binary running in the background, its output collected in files.
final class ServeProcess {
    struct Ended {
        let code: Int32
        let stdout: String
        let stderr: String
    }

    let process = Process()
    let stdout: URL
    let stderr: URL

    init(_ arguments: [String], database: String, environment: [String: String] = [:]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jianyi-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        stdout = folder.appendingPathComponent("stdout")
        stderr = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["DATABASE_URL": database].merging(environment) { $1 }) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    static var binary: URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("jianyi")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../.build/debug/jianyi").standardized
    }

    /// The first line on stdout, waiting up to 20 s for it.
    func firstLine() throws -> String {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let text = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
            if let end = text.firstIndex(of: "\n") { return String(text[..<end]) }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ServeError.noLine((try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
    }

    func stop(_ signal: Int32) throws -> Ended {
        kill(process.processIdentifier, signal)
        return try waitForExit()
    }

    /// Waits up to 20 s for the process to end; a process that does not is killed and fails the test.
    func waitForExit() throws -> Ended {
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.interrupt()
            kill(process.processIdentifier, SIGKILL)
            throw ServeError.hung
        }
        return Ended(code: process.terminationStatus,
                     stdout: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
                     stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
    }

    enum ServeError: Error {
        case noLine(String)
        case hung
    }
}
