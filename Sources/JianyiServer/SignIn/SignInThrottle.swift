import Casework
import NIOConcurrencyHelpers

/// Failed sign-ins counted per login and per client address, in this process's memory. Past
/// either limit a sign-in is refused (429 with Retry-After) before its password is checked,
/// so the limit cannot be used to try passwords; a success forgets its login's failures.
///
/// An attempt is counted as a failure when it begins and taken back if it succeeds (or never
/// reached the password check): attempts made at the same moment cannot all slip under the limit.
public final class SignInThrottle: Sendable {
    public struct Settings: Sendable, Equatable {
        public var failuresPerLogin: Int
        public var failuresPerAddress: Int
        public var window: Duration
        /// Logins (and, apart, addresses) remembered at most.
        public var capacity: Int

        public init(failuresPerLogin: Int = 5, failuresPerAddress: Int = 20, window: Duration = .seconds(15 * 60),
                    capacity: Int = 10_000) {
            self.failuresPerLogin = failuresPerLogin
            self.failuresPerAddress = failuresPerAddress
            self.window = window
            self.capacity = capacity
        }
    }

    /// One sign-in under way, counted as failed until `succeeded` or `abandoned` says otherwise.
    struct Attempt {
        let login: String
        let address: String
        let at: ContinuousClock.Instant
    }

    struct Counts: Sendable {
        var logins: FailureWindow<String>
        var addresses: FailureWindow<String>
    }

    public let settings: Settings
    private let counts: NIOLockedValueBox<Counts>
    private let now: @Sendable () -> ContinuousClock.Instant

    /// `now` is the clock: tests pass one they move by hand.
    public init(_ settings: Settings = Settings(), now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.settings = settings
        self.now = now
        counts = NIOLockedValueBox(Counts(
            logins: FailureWindow(limit: settings.failuresPerLogin, window: settings.window, capacity: settings.capacity),
            addresses: FailureWindow(limit: settings.failuresPerAddress, window: settings.window, capacity: settings.capacity)))
    }

    /// Begins a sign-in of `login` from `address`; 429 `too_many_requests` (and nothing counted)
    /// when either has reached its limit.
    func begin(login: String, address: String) throws -> Attempt {
        let login = Self.key(login: login), address = String(address.prefix(64))
        let at = now()
        let wait = counts.withLockedValue { counts -> Duration? in
            let waits = [counts.logins.wait(login, at: at), counts.addresses.wait(address, at: at)].compactMap { $0 }
            if let longest = waits.max() { return longest }
            counts.logins.record(login, at: at)
            counts.addresses.record(address, at: at)
            return nil
        }
        if let wait { throw ServiceError.tooManySignIns(retryAfter: Self.wholeSeconds(wait)) }
        return Attempt(login: login, address: address, at: at)
    }

    /// The password was right: the login starts afresh, and the address is not charged.
    func succeeded(_ attempt: Attempt) {
        counts.withLockedValue { counts in
            counts.logins.reset(attempt.login)
            counts.addresses.withdraw(attempt.address, at: attempt.at)
        }
    }

    /// The attempt ended before a password was judged (the database failed): not a failure.
    func abandoned(_ attempt: Attempt) {
        counts.withLockedValue { counts in
            counts.logins.withdraw(attempt.login, at: attempt.at)
            counts.addresses.withdraw(attempt.address, at: attempt.at)
        }
    }

    /// The key a login is counted under: a login no account can have (wrong characters, too
    /// long) is counted under one shared key, so an attacker cannot make keys of any size, nor
    /// name one account many ways.
    static func key(login: String) -> String {
        let valid = (try? Account.checkLogin(login)) != nil
        return valid ? login : "\u{0}invalid"
    }

    static func wholeSeconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}

extension ServiceError {
    static func tooManySignIns(retryAfter seconds: Int) -> ServiceError {
        ServiceError(.tooManyRequests, "too_many_requests", zh: "登录失败次数过多，请\(seconds)秒后再试",
                     en: "too many failed sign-ins; try again in \(seconds) seconds", retryAfter: seconds)
    }
}
