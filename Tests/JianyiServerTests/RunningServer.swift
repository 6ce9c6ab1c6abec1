import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JianyiServer
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// The real server on loopback (port 0), run in this process with its own ServiceGroup, so a
/// test can hold the pool, trigger a graceful shutdown and read the log lines it wrote.
struct RunningServer {
    let port: Int
    let group: ServiceGroup
    let log: LogRecorder

    /// Starts the server with `pool`, runs `body`, then shuts it down gracefully and waits for it.
    static func with<Value: Sendable>(
        pool: StorePool, site: Site? = nil, _ body: @Sendable (RunningServer) async throws -> Value
    ) async throws -> Value {
        let log = LogRecorder()
        let bound = AsyncStream<Int>.makeStream()
        let app = WebServer.application(
            address: ListenAddress(host: "127.0.0.1", port: 0), pool: pool, site: site, logger: log.logger,
            onListening: { address in bound.continuation.yield(address.port) })
        let group = ServiceGroup(configuration: .init(services: [app], logger: log.logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var ports = bound.stream.makeAsyncIterator()
            guard let port = await ports.next() else { throw CancellationError() }
            let server = RunningServer(port: port, group: group, log: log)
            do {
                let value = try await body(server)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    /// One request on a connection of its own.
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> TestClient.Response {
        try await send(.init(path, method: .get, headers: headers))
    }

    /// Any request, on a connection of its own.
    func send(_ request: TestClient.Request) async throws -> TestClient.Response {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            try await client.execute(request)
        }
    }

    /// `method path` with a JSON `body`, as `token`'s holder when given.
    func call(_ method: HTTPRequest.Method, _ path: String, json body: String? = nil, token: String? = nil,
              headers: HTTPFields = [:]) async throws -> TestClient.Response {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        return try await send(.init(path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }))
    }

    /// Signs `login` in with the fixtures' password; its bearer token.
    func token(_ login: String) async throws -> String {
        let response = try await call(.post, "/api/v1/tokens", json: #"{"login":"\#(login)","password":"\#(ServedCongress.password)"}"#)
        guard response.status == .created,
              let object = response.object,
              let token = object["token"] as? String else {
            throw SignInFailed(login: login, status: response.status.code, body: response.text)
        }
        return token
    }

    struct SignInFailed: Error { let login: String, status: Int, body: String }
}

/// Keeps every log message, for tests that check what the log says and what it never says.
final class LogRecorder: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    var logger: Logger {
        var logger = Logger(label: "jianyi.test") { _ in Handler(recorder: self) }
        logger.logLevel = .info
        return logger
    }

    var messages: [String] { lines.withLockedValue { $0 } }

    fileprivate func record(_ line: String) { lines.withLockedValue { $0.append(line) } }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
                 file: String, function: String, line: UInt) {
            let all = self.metadata.merging(metadata ?? [:]) { $1 }
            recorder.record(all.isEmpty ? "\(message)" : "\(message) \(all)")
        }
    }
}

/// A pool whose store the test holds: `hold()` returns once a job has the store, and the job
/// gives it back when `let go()` is called.
final class Holder: Sendable {
    private let held = DispatchSemaphore(value: 0)
    private let release = DispatchSemaphore(value: 0)
    private let job: Task<Void, Error>

    init(_ pool: StorePool) {
        let held = held, release = release
        job = Task { try await pool.withStore { _ in held.signal(); release.wait() } }
    }

    /// Waits (off the cooperative pool) until the job holds its store.
    func waitUntilHeld() async {
        let held = held
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { held.wait(); continuation.resume() }
        }
    }

    func letGo() async throws {
        release.signal()
        try await job.value
    }
}

extension TestClient.Response {
    /// The body as text ("" when there is none).
    var text: String { body.map { String(buffer: $0) } ?? "" }

    /// The body as a JSON object; nil when it is not one.
    var object: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] }
    var array: [Any]? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] }
}
