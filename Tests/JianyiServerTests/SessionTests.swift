import CaseStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JianyiServer
import Testing

/// Browsers' sessions: the cookie's attributes, CSRF on unsafe requests, signing out, and the
/// wall between session cookies and bearer tokens.
@Suite("Browser sessions", .serialized, .timeLimit(.minutes(1)))
struct SessionTests {
    nonisolated(unsafe) static let cookiePattern = /jianyi_session=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}/

    static func serve(trustProxy: Bool = false, tokenLifetime: Duration = .seconds(3600),
                      _ body: @Sendable (RunningServer, ServedCongress) async throws -> Void) async throws {
        let served = try await offThePool { try ServedCongress.make() }
        let pool = StorePool(.init(databaseURL: served.webURL, size: 2))
        let site = try Site(pool: pool, congress: served.congress, tokenLifetime: tokenLifetime, trustProxy: trustProxy)
        try await RunningServer.with(pool: pool, site: site) { server in try await body(server, served) }
    }

    @Test func signingInSetsAnHttpOnlyLaxCookieAndTellsWhoAndTheCSRFToken() async throws {
        try await Self.serve { server, _ async throws in
            let response = try await server.call(.post, "/session", form: "login=sjj1&password=\(RunningServer.formPassword)",
                                                 headers: [.forwardedProto: "https"])
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "no-store")
            let setCookie = try #require(response.headers[.setCookie])
            // Without --trust-proxy, a client saying https is not believed: no Secure.
            let value = try #require(setCookie.prefixMatch(of: Self.cookiePattern)).output
            #expect(setCookie == "\(value); Path=/; HttpOnly; SameSite=Lax")
            let object = try #require(response.object)
            #expect(object["login"] as? String == "sjj1")
            #expect(object["role"] as? String == "unit")
            let csrf = try #require(object["csrf"] as? String)
            #expect(value.hasSuffix(".\(csrf)"))

            let shown = try await server.get("/session", headers: [.cookie: String(value)])
            #expect(shown.status == .ok)
            #expect(shown.text == #"{"login":"sjj1","role":"unit","csrf":"\#(csrf)"}"#)
            #expect(server.log.messages.contains { $0.hasPrefix("GET /session 200 ") && $0.hasSuffix(" sjj1") })
        }
    }

    @Test func behindATrustedProxyThatSaysHTTPSTheCookieIsSecure() async throws {
        try await Self.serve(trustProxy: true) { server, _ async throws in
            let https = try await server.browserSession("d1", headers: [.forwardedProto: "https"])
            #expect(https.setCookie == "\(https.cookie); Path=/; HttpOnly; SameSite=Lax; Secure")
            let http = try await server.browserSession("d1", headers: [.forwardedProto: "http"])
            #expect(http.setCookie == "\(http.cookie); Path=/; HttpOnly; SameSite=Lax")
            let ended = try await server.send(.init("/session/end", method: .post, headers: https.headers([
                .csrfToken: https.csrf, .forwardedProto: "https",
            ])))
            #expect(ended.headers[.setCookie] == "jianyi_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax; Secure")
        }
    }

    @Test func anUnsafeRequestWithoutTheSessionsCSRFTokenIs403() async throws {
        try await Self.serve { server, _ async throws in
            let session = try await server.browserSession("sjj1")
            let other = try await server.browserSession("sjj2")
            let refusals: [HTTPFields] = [
                session.headers(),
                session.headers([.csrfToken: other.csrf]),
                session.headers([.csrfToken: session.token]),
                session.headers([.csrfToken: "x"]),
            ]
            for headers in refusals {
                let response = try await server.send(.init("/session/end", method: .post, headers: headers))
                #expect(response.status == .forbidden)
                #expect(response.text.contains(#""code":"forbidden""#))
                #expect(response.text.contains("CSRF"))
            }
            let wrongForm = try await server.call(.post, "/session/end", form: "csrf=\(other.csrf)", headers: session.headers())
            #expect(wrongForm.status == .forbidden)
            // Still signed in after all that.
            #expect(try await server.get("/session", headers: session.headers()).status == .ok)
        }
    }

    @Test(arguments: [true, false])
    func signingOutWithTheCSRFTokenEndsTheSession(asFormField: Bool) async throws {
        try await Self.serve { server, _ async throws in
            let session = try await server.browserSession("d2")
            let ended = asFormField
                ? try await server.call(.post, "/session/end", form: "other=1&csrf=\(session.csrf)", headers: session.headers())
                : try await server.send(.init("/session/end", method: .post,
                                              headers: session.headers([.csrfToken: session.csrf])))
            #expect(ended.status == .noContent)
            #expect(ended.headers[.setCookie] == "jianyi_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax")
            let after = try await server.get("/session", headers: session.headers([.acceptLanguage: "en"]))
            #expect(after.status == .unauthorized)
            #expect(after.text == #"{"error":{"code":"unauthorized","message":"not signed in: sign in with POST /session"}}"#)
        }
    }

    @Test(arguments: ["", "jianyi_session=nonsense", "jianyi_session=\(String(repeating: "A", count: 43)).\(String(repeating: "B", count: 43))"])
    func withoutALiveSessionCookieItIs401(cookie: String) async throws {
        try await Self.serve { server, _ async throws in
            let headers: HTTPFields = cookie.isEmpty ? [:] : [.cookie: cookie]
            #expect(try await server.get("/session", headers: headers).status == .unauthorized)
            #expect(try await server.send(.init("/session/end", method: .post, headers: headers)).status == .unauthorized)
        }
    }

    @Test func aBearerTokenIsNoSessionAndASessionIsNoBearerToken() async throws {
        try await Self.serve { server, _ async throws in
            let token = try await server.token("sjj1")
            let session = try await server.browserSession("sjj1")
            // The API token in the cookie, with the session's own CSRF half: still no session.
            let cookie = "jianyi_session=\(token).\(session.csrf)"
            #expect(try await server.get("/session", headers: [.cookie: cookie]).status == .unauthorized)
            // The session's token as a bearer token, or the cookie sent to the API: 401.
            #expect(try await server.call(.delete, "/api/v1/tokens/current", token: session.token).status == .unauthorized)
            #expect(try await server.call(.delete, "/api/v1/tokens/current", headers: session.headers()).status == .unauthorized)
            // Both still live.
            #expect(try await server.get("/session", headers: session.headers()).status == .ok)
            #expect(try await server.call(.delete, "/api/v1/tokens/current", token: token).status == .noContent)
        }
    }

    @Test func theAPIDocumentDescribesTheSessionRoutes() async throws {
        try await Self.serve { server, _ async throws in
            let document = try #require(try await server.get("/api/openapi.json").object)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            #expect(paths["/session"].map { Set($0.keys) } == ["get", "post"])
            #expect(paths["/session/end"].map { Set($0.keys) } == ["post"])
            let schemes = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: String]]
            #expect(schemes?["sessionCookie"]?["name"] == "jianyi_session")
        }
    }

    @Test func aWrongPasswordOrAMissingFieldIsRefusedLikeTheAPI() async throws {
        try await Self.serve { server, _ async throws in
            let wrong = try await server.call(.post, "/session", form: "login=sjj1&password=nope+nope+nope", headers: [.acceptLanguage: "en"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)
            #expect(wrong.text == #"{"error":{"code":"unauthorized","message":"the login or the password is wrong, or the account is disabled"}}"#)
            let missing = try await server.call(.post, "/session", form: "login=sjj1", headers: [.acceptLanguage: "en"])
            #expect(missing.status == .badRequest)
            #expect(missing.text == #"{"error":{"code":"invalid","message":"password: is missing"}}"#)
        }
    }
}
