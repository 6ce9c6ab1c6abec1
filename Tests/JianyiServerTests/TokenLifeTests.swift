import CaseStore
import Casework
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JianyiServer
import Testing

/// When a bearer token or a browser session stops working: at `expires_at`, at once when its
/// account is disabled, and when its password changes (done by the owner, as the CLI does).
@Suite("Tokens end", .serialized, .timeLimit(.minutes(1)))
struct TokenLifeTests {
    static func serve(tokenLifetime: Duration = .seconds(3600),
                      _ body: @Sendable (RunningServer, ServedCongress) async throws -> Void) async throws {
        let served = try await offThePool { try ServedCongress.make() }
        let pool = StorePool(.init(databaseURL: served.webURL, size: 2))
        let site = try Site(pool: pool, congress: served.congress, tokenLifetime: tokenLifetime)
        try await RunningServer.with(pool: pool, site: site) { server in try await body(server, served) }
    }

    /// Whether the bearer token still signs in: a sign-out that works ends it, so each token is asked once.
    static func live(_ token: String, on server: RunningServer) async throws -> Bool {
        let status = try await server.call(.delete, "/api/v1/tokens/current", token: token).status
        try #require(status == .noContent || status == .unauthorized)
        return status == .noContent
    }

    static func live(_ session: BrowserSession, on server: RunningServer) async throws -> Bool {
        let status = try await server.get("/session", headers: session.headers()).status
        try #require(status == .ok || status == .unauthorized)
        return status == .ok
    }

    @Test func aTokenAndASessionPastTheirLifetimeAre401() async throws {
        try await Self.serve(tokenLifetime: .seconds(5)) { server, _ async throws in
            let signedIn = try await server.call(.post, "/api/v1/tokens", json: #"{"login":"sjj1","password":"\#(ServedCongress.password)"}"#)
            let token = try #require(signedIn.object?["token"] as? String)
            let expires = try #require(signedIn.object?["expires_at"] as? String)
            let session = try await server.browserSession("sjj1")
            let sessionEnds = Date().addingTimeInterval(5)  // it was made before now, so it ends before this
            // expires_at is given to the second; wait until it is surely past.
            let deadline = try #require(ISO8601DateFormatter().date(from: expires))
            try #require(deadline.timeIntervalSinceNow < 7, "the token lives \(expires), not five seconds")
            // Live before its time: asserted when the answer came back a second before the
            // deadline (the server checked earlier still), so a loaded machine cannot make it lie.
            let liveBefore = try await Self.live(session, on: server)
            if deadline.timeIntervalSinceNow > 1 { #expect(liveBefore) }
            let bothEnded = max(deadline, sessionEnds)
            try await Task.sleep(for: .milliseconds(Int(max(0, bothEnded.timeIntervalSinceNow) * 1000) + 1200))
            #expect(try await !Self.live(token, on: server))
            #expect(try await !Self.live(session, on: server))
        }
    }

    @Test func disablingAnAccountEndsItsTokensAtOnce() async throws {
        try await Self.serve { server, served async throws in
            let (token, session) = (try await server.token("d1"), try await server.browserSession("d1"))
            let other = try await server.token("d2")
            try await offThePool { try Store(url: served.url, actor: "owner").disableAccount(served.congress, login: "d1") }
            #expect(try await !Self.live(token, on: server))
            #expect(try await !Self.live(session, on: server))
            #expect(try await Self.live(other, on: server))
            // And it cannot sign in again.
            let again = try await server.call(.post, "/api/v1/tokens", json: #"{"login":"d1","password":"\#(ServedCongress.password)"}"#)
            #expect(again.status == .unauthorized)
        }
    }

    @Test func aNewPasswordEndsTheOldTokens() async throws {
        try await Self.serve { server, served async throws in
            let (token, session) = (try await server.token("jtj1"), try await server.browserSession("jtj1"))
            try await offThePool {
                try Store(url: served.url, actor: "owner").setPassword(served.congress, login: "jtj1", password: "a brand new password")
            }
            #expect(try await !Self.live(token, on: server))
            #expect(try await !Self.live(session, on: server))
            let fresh = try await server.call(.post, "/api/v1/tokens", json: #"{"login":"jtj1","password":"a brand new password"}"#)
            #expect(fresh.status == .created)
        }
    }

    /// A login no account could have takes the path of an unknown one: the same 401, never an
    /// earlier refusal that would answer faster.
    @Test(arguments: [#"sjj1\u0000"#, "", "sjj 1", "市司法局", String(repeating: "a", count: 65), "sjj1%"])
    func aMalformedLoginIsTheSame401AsAnUnknownOne(login: String) async throws {
        try await Self.serve { server, _ async throws in
            let body = #"{"login":"\#(login)","password":"\#(ServedCongress.password)"}"#
            let response = try await server.call(.post, "/api/v1/tokens", json: body, headers: [.acceptLanguage: "en"])
            #expect(response.status == .unauthorized)
            #expect(response.text == #"{"error":{"code":"unauthorized","message":"the login or the password is wrong, or the account is disabled"}}"#)
        }
    }
}
