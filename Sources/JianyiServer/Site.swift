import CaseStore
import Casework
import Foundation
import Presentation

/// What every handler works with: the pool, the congress this server serves (its accounts
/// sign in here), the congress's clock, and the day it is.
public struct Site: Sendable {
    public let pool: StorePool
    public let congress: Congress
    public let clock: CongressClock
    /// A fixed "today" (`--today`, for trials and tests); nil: the real day on the congress's clock.
    public let fixedToday: Day?
    /// How long a bearer token or a browser session lives.
    public let tokenLifetime: Duration
    /// Failed sign-ins, counted for every way of signing in (API and browser).
    public let throttle: SignInThrottle
    /// Whether a reverse proxy's `X-Forwarded-For`/`X-Forwarded-Proto` are believed (`--trust-proxy`).
    public let trustProxy: Bool
    /// Bearer tokens seen lately (see `SignInMiddleware`).
    public let tokens: TokenCache

    public init(pool: StorePool, congress: Congress, fixedToday: Day? = nil, tokenLifetime: Duration = .seconds(12 * 3600),
                throttle: SignInThrottle = SignInThrottle(), trustProxy: Bool = false, tokens: TokenCache = TokenCache()) throws {
        self.pool = pool
        self.congress = congress
        clock = try CongressClock(congress)
        self.fixedToday = fixedToday
        self.tokenLifetime = tokenLifetime
        self.throttle = throttle
        self.trustProxy = trustProxy
        self.tokens = tokens
    }

    /// Today in the congress's time zone.
    public func today() throws -> Day {
        if let fixedToday { return fixedToday }
        guard let day = clock.day() else { throw ServiceError.internal }
        return day
    }

    /// Runs `body` as the signed-in account: one transaction on a pooled store, off the event
    /// loop, with the account's party set for the row policies. `body` gets the account as the
    /// transaction read it: its signer right is the account row's now, not the sign-in's.
    func act<T: Sendable>(_ context: WebContext, _ body: @escaping @Sendable (Store, Account) throws -> T) async throws -> T {
        guard let account = context.account else { throw ServiceError.unauthorized }
        // A bearer token is checked again by the statement that opens the transaction.
        let check = context.tokenCheck
        do {
            return try await pool.withStore { store in
                try store.acting(as: account, token: check.map { SignedInToken($0.token, kind: .api) }) {
                    check?.settle()
                    return try body($0, $0.account ?? account)
                }
            }
        } catch is TokenEnded {
            if let check {
                tokens.forget(check.token)
                check.settle()
            }
            throw ServiceError.unauthorized
        }
    }
}
