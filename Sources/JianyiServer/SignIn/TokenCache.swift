import CaseStore
import Casework
import Crypto
import Foundation
import NIOConcurrencyHelpers

/// Bearer tokens that signed in lately, so that a request bearing one needs no lookup of its own.
///
/// A hit is a hint, never a proof: the request's transaction checks the token again in the
/// statement that opens it (`Store.acting(as:token:)`), and a request that ends without acting
/// has the token looked up before its answer goes out (`SignInMiddleware`). A token revoked,
/// expired or of a disabled account is refused exactly as without the cache; what the cache
/// saves is one trip through the pool, and its thread hops, on every request.
///
/// Keyed by the token's SHA-256, as the database keeps it; bounded, so a flood of tokens cannot
/// grow it: when full, entries past their time go, and if none has, all do.
public final class TokenCache: Sendable {
    struct Entry {
        let account: Account
        let expiresAt: Instant
    }

    public let capacity: Int
    private let entries = NIOLockedValueBox<[SHA256.Digest: Entry]>([:])

    public init(capacity: Int = 10_000) {
        precondition(capacity > 0, "a cache holds at least one token")
        self.capacity = capacity
    }

    /// The account `token` signed in as when last looked up, unless it has expired since.
    func account(for token: String, now: Instant = .now) -> Account? {
        let key = SHA256.hash(data: Data(token.utf8))
        return entries.withLockedValue { entries in
            guard let entry = entries[key] else { return nil }
            guard now < entry.expiresAt else {
                entries[key] = nil
                return nil
            }
            return entry.account
        }
    }

    func keep(_ token: String, _ holder: TokenHolder, now: Instant = .now) {
        let key = SHA256.hash(data: Data(token.utf8))
        entries.withLockedValue { entries in
            if entries[key] == nil, entries.count >= capacity {
                entries = entries.filter { now < $0.value.expiresAt }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(account: holder.account, expiresAt: holder.expiresAt)
        }
    }

    func forget(_ token: String) {
        let key = SHA256.hash(data: Data(token.utf8))
        _ = entries.withLockedValue { $0.removeValue(forKey: key) }
    }

    var count: Int { entries.withLockedValue { $0.count } }
}

/// Whether the bearer token of one request has been found live (or dead) during that request.
final class TokenCheck: Sendable {
    let token: String
    private let settled = NIOLockedValueBox(false)

    init(_ token: String, settled: Bool = false) {
        self.token = token
        if settled { self.settled.withLockedValue { $0 = true } }
    }

    var isSettled: Bool { settled.withLockedValue { $0 } }

    func settle() { settled.withLockedValue { $0 = true } }
}

extension Instant {
    static var now: Instant { Instant(secondsSince1970: Int(Date().timeIntervalSince1970)) }
}
