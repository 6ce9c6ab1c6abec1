import CaseStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JianyiServer
import NIOCore
import Testing

/// Signing in and out over HTTP, as the web role: a token is issued for the right password
/// only, works until it is revoked, and every refusal is the same 401.
@Suite("API tokens", .timeLimit(.minutes(1)))
struct TokenTests {
    @Test func signInUseAndSignOut() async throws {
        let served = try ServedCongress.make()
        let pool = StorePool(.init(databaseURL: served.webURL, size: 2))
        let site = try Site(pool: pool, congress: served.congress)
        try await RunningServer.with(pool: pool, site: site) { server in
            let response = try await server.call(.post, "/api/v1/tokens", json: #"{"login":"sjj1","password":"\#(ServedCongress.password)"}"#)
            #expect(response.status == .created)
            let object = try #require(response.object)
            #expect(object["role"] as? String == "unit")
            let token = try #require(object["token"] as? String)
            #expect(token.count == 43)
            let expires = try #require(object["expires_at"] as? String)
            #expect(expires.hasSuffix("+08:00"))

            #expect(try await server.call(.delete, "/api/v1/tokens/current", token: token).status == .noContent)
            let again = try await server.call(.delete, "/api/v1/tokens/current", token: token)
            #expect(again.status == .unauthorized)
            #expect(again.headers[.wwwAuthenticate] == "Bearer")
            #expect(again.text.contains(#""code":"unauthorized""#))
            // The access log names who signed in, never the token.
            #expect(server.log.messages.contains { $0.hasPrefix("POST /api/v1/tokens 201 ") && $0.hasSuffix(" sjj1") })
            #expect(!server.log.messages.contains { $0.contains(token) })
        }
    }

    @Test(arguments: [
        #"{"login":"sjj1","password":"wrong password!"}"#,
        #"{"login":"nobody","password":"correct horse battery"}"#,
    ])
    func aWrongPasswordAndAnUnknownLoginAreTheSame401(body: String) async throws {
        let served = try ServedCongress.make()
        let pool = StorePool(.init(databaseURL: served.webURL, size: 2))
        try await RunningServer.with(pool: pool, site: try Site(pool: pool, congress: served.congress)) { server in
            let response = try await server.call(.post, "/api/v1/tokens", json: body, headers: [.acceptLanguage: "en"])
            #expect(response.status == .unauthorized)
            #expect(response.text == #"{"error":{"code":"unauthorized","message":"the login or the password is wrong, or the account is disabled"}}"#)
        }
    }

    @Test(arguments: [nil, "Bearer", "Bearer not-a-token", "Basic c2pqMTp4"])
    func aCallWithoutALiveTokenIs401(authorization: String?) async throws {
        let served = try ServedCongress.make()
        let pool = StorePool(.init(databaseURL: served.webURL, size: 2))
        try await RunningServer.with(pool: pool, site: try Site(pool: pool, congress: served.congress)) { server in
            var headers: HTTPFields = [:]
            if let authorization { headers[.authorization] = authorization }
            let response = try await server.call(.delete, "/api/v1/tokens/current", headers: headers)
            #expect(response.status == .unauthorized)
            #expect(response.text.contains(#""code":"unauthorized""#))
        }
    }
}
