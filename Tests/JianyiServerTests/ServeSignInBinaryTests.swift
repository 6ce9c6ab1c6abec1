import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// `serve`'s sign-in settings reach the server: the token lifetime and the throttle's limits.
@Suite("jianyi serve, sign-in settings", .timeLimit(.minutes(1)))
struct ServeSignInBinaryTests {
    @Test func theTokenLifetimeAndTheThrottleAreTheFlagsOnes() async throws {
        let database = try await offThePool { try ServedCongress.make().webURL }
        let serve = try ServeProcess(["serve", "--listen", "127.0.0.1:0", "--token-lifetime", "120", "--sign-in-window", "60"],
                                     database: database, environment: ["JIANYI_SIGN_IN_FAILURES_PER_LOGIN": "1"])
        // The process is used by one thread at a time: this test's, then the one reading for it.
        let process = UncheckedSendable(serve)
        let line = try await offThePool { try process.value.firstLine() }
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0) }, "no port in: \(line)")
        func signIn(_ password: String) async throws -> TestClient.Response {
            try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                try await client.execute(.init("/api/v1/tokens", method: .post, headers: [.contentType: "application/json"],
                                                body: ByteBuffer(string: #"{"login":"d1","password":"\#(password)"}"#)))
            }
        }
        let signedIn = try await signIn(ServedCongress.password)
        #expect(signedIn.status == .created)
        let expires = try #require(signedIn.object?["expires_at"] as? String)
        let lifetime = try #require(ISO8601DateFormatter().date(from: expires)).timeIntervalSinceNow
        #expect((110...121).contains(lifetime), "expires_at \(expires)")

        #expect(try await signIn("wrong password!").status == .unauthorized)
        let held = try await signIn(ServedCongress.password)
        #expect(held.status == .tooManyRequests)
        #expect((1...60).contains(Int(held.headers[.retryAfter] ?? "") ?? 0))
        #expect(try await offThePool { try process.value.stop(SIGTERM).code } == 0)
    }
}

struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
