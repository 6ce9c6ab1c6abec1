import CaseStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JianyiServer
import Testing

/// The access log (and every other line the server logs) never holds what signs anybody in.
@Suite("No secrets in the log", .timeLimit(.minutes(1)))
struct SecretsInLogTests {
    @Test func signInBodiesCookiesAndAuthorizationValuesAreNeverLogged() async throws {
        let served = try await offThePool { try ServedCongress.make() }
        let pool = StorePool(.init(databaseURL: served.webURL, size: 2))
        let site = try Site(pool: pool, congress: served.congress, throttle: SignInThrottle(.init(failuresPerLogin: 2)))
        try await RunningServer.with(pool: pool, site: site) { server async throws in
            var secrets = [ServedCongress.password, RunningServer.formPassword, "wrong-Pa55word"]
            let token = try await server.token("sjj1")
            let session = try await server.browserSession("d1")
            secrets += [token, session.token, session.csrf]
            // Wrong passwords, up to and past the throttle, both ways of signing in.
            for _ in 1...3 {
                _ = try await server.call(.post, "/api/v1/tokens", json: #"{"login":"sec","password":"wrong-Pa55word"}"#)
                _ = try await server.call(.post, "/session", form: "login=sec&password=wrong-Pa55word")
            }
            // A malformed body that holds a password, and tokens sent in every place.
            _ = try await server.call(.post, "/api/v1/tokens", json: #"{"login":"sec","password":"wrong-Pa55word""#)
            _ = try await server.call(.delete, "/api/v1/tokens/current", headers: [.authorization: "Bearer made-up-t0ken", .cookie: session.cookie])
            _ = try await server.call(.post, "/session/end", form: "csrf=\(session.csrf)", headers: session.headers([.authorization: "Bearer \(token)"]))
            _ = try await server.call(.delete, "/api/v1/tokens/current", token: token)
            secrets.append("made-up-t0ken")

            let lines = server.log.messages
            #expect(lines.count >= 12)
            #expect(lines.contains { $0.hasPrefix("POST /session 429 ") })
            for line in lines {
                for secret in secrets { #expect(!line.contains(secret), "\(line)") }
                #expect(!line.contains("jianyi_session") && !line.contains("Bearer") && !line.contains("password"))
            }
        }
    }
}
