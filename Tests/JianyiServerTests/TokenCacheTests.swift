import CaseStore
import Casework
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import JianyiServer
import Postgres
import Testing

/// A bearer token seen lately skips its own lookup (`Site.tokens`), and nothing else changes:
/// a token ended since is 401 before any other answer, whichever way the request would fail.
@Suite("Bearer tokens seen lately", .serialized, .timeLimit(.minutes(1)))
struct TokenCacheTests {
    static func serve(_ body: @Sendable (RunningServer, ServedCongress, StorePool) async throws -> Void) async throws {
        let served = try await offThePool { try ServedCongress.make() }
        let pool = StorePool(.init(databaseURL: served.webURL, size: 2))
        let site = try Site(pool: pool, congress: served.congress)
        try await RunningServer.with(pool: pool, site: site) { server in try await body(server, served, pool) }
    }

    @Test func aTokenSeenLatelyCostsOneTripThroughThePoolNotTwo() async throws {
        try await Self.serve { server, _, pool async throws in
            let token = try await server.token("d1")
            var before = pool.jobsStarted
            #expect(try await server.call(.get, "/api/v1/cases", token: token).status == .ok)
            #expect(pool.jobsStarted - before == 2, "the first request looks the token up, then acts")
            before = pool.jobsStarted
            #expect(try await server.call(.get, "/api/v1/cases", token: token).status == .ok)
            #expect(pool.jobsStarted - before == 1, "the next acts at once: its transaction checks the token")
        }
    }

    /// The requests that fail before acting (a bad query, a bad body, a party refused the
    /// endpoint), one that acts, and a sign-out: each answers as it should while its token
    /// lives, and 401 once the token has ended elsewhere, though the server saw it live a moment
    /// ago. Each request has a token of its own, seen just before, so each meets the cache.
    @Test(arguments: ["disabled", "new password", "revoked"])
    func aTokenEndedSinceItWasSeenIs401WhateverElseIsWrong(ending: String) async throws {
        try await Self.serve { server, served, _ async throws in
            let tooLarge = #"{"title":""# + String(repeating: "长", count: 400_000) + #""}"#
            let requests: [(HTTPRequest.Method, String, String?, HTTPResponse.Status)] = [
                (.get, "/api/v1/cases", nil, .ok),
                (.get, "/api/v1/cases/5-4-9999", nil, .notFound),
                (.get, "/api/v1/cases?no_such_filter=1", nil, .badRequest),
                (.post, "/api/v1/cases", "{not json", .badRequest),
                (.post, "/api/v1/cases", tooLarge, .contentTooLarge),
                (.get, "/api/v1/overdue/runs", nil, .forbidden),
                (.post, "/api/v1/cases", #"{"title":"关于缓存的令牌的建议","session":"5-4"}"#, .created),
                (.delete, "/api/v1/tokens/current", nil, .noContent),
            ]
            let live = try await server.token("d1")
            for (method, path, body, status) in requests {
                #expect(try await server.call(method, path, json: body, token: live).status == status, "\(method) \(path) while live")
            }
            var tokens: [String] = []
            for _ in requests { tokens.append(try await server.token("d1")) }
            for token in tokens {
                #expect(try await server.call(.get, "/api/v1/cases", token: token).status == .ok)
            }
            try await offThePool { [tokens] in
                let owner = try Store(url: served.url, actor: "owner")
                switch ending {
                case "disabled": try owner.disableAccount(served.congress, login: "d1")
                case "new password": try owner.setPassword(served.congress, login: "d1", password: "a brand new password")
                default: for token in tokens { try #require(try owner.revokeToken(token)) }
                }
            }
            for ((method, path, body, _), token) in zip(requests, tokens) {
                let response = try await server.call(method, path, json: body, token: token, headers: [.acceptLanguage: "en"])
                #expect(response.status == .unauthorized, "\(method) \(path) once \(ending)")
                #expect(response.text.contains(#""code":"unauthorized""#), "\(method) \(path): \(response.text)")
            }
            // The submission made while the token lived is the only one: the refused one wrote nothing.
            let submitted = try await offThePool {
                try Connection(served.url).query("SELECT count(*) AS n FROM suggestion").rows[0].decode(Int.self, "n")
            }
            #expect(submitted == 1)
            // A 401 acts as nobody: the access log names no login on it.
            let refusals = server.log.messages.filter { $0.contains(" 401 ") }
            #expect(refusals.count >= requests.count && refusals.allSatisfy { !$0.hasSuffix(" d1") }, "\(refusals)")
        }
    }

    @Test func signingOutEndsTheTokenForEveryLaterRequest() async throws {
        try await Self.serve { server, _, _ async throws in
            let token = try await server.token("d2")
            #expect(try await server.call(.get, "/api/v1/cases", token: token).status == .ok)
            #expect(try await server.call(.delete, "/api/v1/tokens/current", token: token).status == .noContent)
            #expect(try await server.call(.get, "/api/v1/cases", token: token).status == .unauthorized)
            #expect(try await server.call(.delete, "/api/v1/tokens/current", token: token).status == .unauthorized)
        }
    }

    @Test func theCacheIsBoundedAndForgetsExpiredTokensFirst() throws {
        let cache = TokenCache(capacity: 3)
        let account = Account(login: "d1", congress: "LL", party: .deputy("D001"), disabled: false, signer: false)
        let now = Instant(secondsSince1970: 1_000_000)
        func holder(expiring seconds: Int) -> TokenHolder {
            TokenHolder(account: account, kind: .api, expiresAt: Instant(secondsSince1970: now.secondsSince1970 + seconds), csrfMatches: false)
        }
        cache.keep("a", holder(expiring: -1), now: now)
        cache.keep("b", holder(expiring: 60), now: now)
        cache.keep("c", holder(expiring: 60), now: now)
        #expect(cache.count == 3)
        cache.keep("d", holder(expiring: 60), now: now)
        #expect(cache.count == 3, "full, it dropped the expired token to make room")
        #expect(cache.account(for: "b", now: now) == account && cache.account(for: "d", now: now) == account)
        #expect(cache.account(for: "a", now: now) == nil, "an expired token is no hit")
        cache.keep("e", holder(expiring: 60), now: now)
        #expect(cache.count <= 3, "full of live tokens, it starts over rather than grow")
        #expect(cache.account(for: "e", now: now) == account)
        cache.forget("e")
        #expect(cache.account(for: "e", now: now) == nil)
    }
}
