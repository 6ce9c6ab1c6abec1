import CaseStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JianyiServer
import NIOConcurrencyHelpers
import Testing

/// Failed sign-ins over HTTP: past the limit the answer is 429 with Retry-After, even for the
/// right password, until the window has passed; per login and per client address.
@Suite("Sign-in throttling", .serialized, .timeLimit(.minutes(1)))
struct SignInThrottleTests {
    static let wrong = #"{"login":"sjj1","password":"wrong password!"}"#
    static let right = #"{"login":"sjj1","password":"\#(ServedCongress.password)"}"#

    /// A server whose throttle runs on `clock`, with `settings`.
    static func serve(_ settings: SignInThrottle.Settings = .init(), clock: ManualClock = ManualClock(), trustProxy: Bool = false,
                      _ body: @Sendable (RunningServer) async throws -> Void) async throws {
        let served = try await offThePool { try ServedCongress.make() }
        let pool = StorePool(.init(databaseURL: served.webURL, size: 2))
        let throttle = SignInThrottle(settings, now: { clock.now })
        let site = try Site(pool: pool, congress: served.congress, throttle: throttle, trustProxy: trustProxy)
        try await RunningServer.with(pool: pool, site: site, body)
    }

    @Test func theSixthWrongTryIs429AndEvenTheRightPasswordWaitsForTheWindow() async throws {
        let clock = ManualClock()
        try await Self.serve(clock: clock) { server async throws in
            for _ in 1...5 {
                #expect(try await server.call(.post, "/api/v1/tokens", json: Self.wrong).status == .unauthorized)
                clock.advance(by: .seconds(10))
            }
            let sixth = try await server.call(.post, "/api/v1/tokens", json: Self.wrong, headers: [.acceptLanguage: "en"])
            #expect(sixth.status == .tooManyRequests)
            // The first failure, 50 s ago, leaves the 15-minute window in 850 s.
            #expect(sixth.headers[.retryAfter] == "850")
            #expect(sixth.text == #"{"error":{"code":"too_many_requests","message":"too many failed sign-ins; try again in 850 seconds"}}"#)
            let right = try await server.call(.post, "/api/v1/tokens", json: Self.right)
            #expect(right.status == .tooManyRequests)
            #expect(right.text.contains("登录失败次数过多"))
            // A browser's sign-in counts against the same login.
            let form = try await server.call(.post, "/session", form: "login=sjj1&password=\(RunningServer.formPassword)")
            #expect(form.status == .tooManyRequests)
            // Another login is not held up.
            #expect(try await server.call(.post, "/api/v1/tokens", json: #"{"login":"sjj2","password":"\#(ServedCongress.password)"}"#).status == .created)

            clock.advance(by: .seconds(849))
            #expect(try await server.call(.post, "/api/v1/tokens", json: Self.right).status == .tooManyRequests)
            clock.advance(by: .seconds(1))
            #expect(try await server.call(.post, "/api/v1/tokens", json: Self.right).status == .created)
        }
    }

    @Test func aSuccessStartsTheLoginAfresh() async throws {
        try await Self.serve { server async throws in
            for _ in 1...4 { #expect(try await server.call(.post, "/api/v1/tokens", json: Self.wrong).status == .unauthorized) }
            #expect(try await server.call(.post, "/api/v1/tokens", json: Self.right).status == .created)
            for _ in 1...5 { #expect(try await server.call(.post, "/api/v1/tokens", json: Self.wrong).status == .unauthorized) }
            #expect(try await server.call(.post, "/api/v1/tokens", json: Self.wrong).status == .tooManyRequests)
        }
    }

    @Test func unknownAndMalformedLoginsAreCountedToo() async throws {
        try await Self.serve(.init(failuresPerLogin: 2)) { server async throws in
            let nul = #"{"login":"sjj1\u0000x","password":"wrong password!"}"#
            let long = #"{"login":"\#(String(repeating: "x", count: 5000))","password":"wrong password!"}"#
            #expect(try await server.call(.post, "/api/v1/tokens", json: nul).status == .unauthorized)
            #expect(try await server.call(.post, "/api/v1/tokens", json: long).status == .unauthorized)
            #expect(try await server.call(.post, "/api/v1/tokens", json: nul).status == .tooManyRequests)
            // … without holding up the account such a login resembles.
            #expect(try await server.call(.post, "/api/v1/tokens", json: Self.right).status == .created)
        }
    }

    @Test func anAddressIsHeldUpAcrossLogins() async throws {
        try await Self.serve(.init(failuresPerLogin: 100, failuresPerAddress: 3)) { server async throws in
            for login in ["sjj1", "sjj2", "nobody"] {
                let body = #"{"login":"\#(login)","password":"wrong password!"}"#
                #expect(try await server.call(.post, "/api/v1/tokens", json: body).status == .unauthorized)
            }
            // Without --trust-proxy a client's X-Forwarded-For changes nothing.
            let forwarded: HTTPFields = [.forwardedFor: "198.51.100.7"]
            #expect(try await server.call(.post, "/api/v1/tokens", json: #"{"login":"d1","password":"\#(ServedCongress.password)"}"#,
                                          headers: forwarded).status == .tooManyRequests)
        }
    }

    @Test func behindATrustedProxyTheProxysLastHopIsTheAddress() async throws {
        try await Self.serve(.init(failuresPerLogin: 100, failuresPerAddress: 2), trustProxy: true) { server async throws in
            func attempt(_ forwardedFor: String) async throws -> HTTPResponse.Status {
                try await server.call(.post, "/api/v1/tokens", json: Self.wrong,
                                      headers: [.forwardedFor: forwardedFor]).status
            }
            #expect(try await attempt("203.0.113.1") == .unauthorized)
            // The hops before the proxy's own are the client's to invent: ignored.
            #expect(try await attempt("10.9.9.9, 203.0.113.1") == .unauthorized)
            #expect(try await attempt("10.8.8.8, 203.0.113.1") == .tooManyRequests)
            #expect(try await attempt("203.0.113.2") == .unauthorized)
        }
    }
}

/// A clock a test moves by hand.
final class ManualClock: Sendable {
    private let instant = NIOLockedValueBox(ContinuousClock.now)

    var now: ContinuousClock.Instant { instant.withLockedValue { $0 } }

    func advance(by duration: Duration) { instant.withLockedValue { $0 += duration } }
}
