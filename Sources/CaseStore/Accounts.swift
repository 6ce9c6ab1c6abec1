#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Casework
import HummingbirdBcrypt
import Postgres

/// What a token is for: a program's bearer token, or a browser's session cookie (which also
/// carries a CSRF token for its forms).
public enum TokenKind: String, Sendable, CaseIterable {
    case api, session
}

/// A token just issued. The token (and CSRF token) exist in clear only here: the database
/// keeps their SHA-256.
public struct IssuedToken: Sendable {
    public let token: String
    public let csrf: String?
    public let expiresAt: Instant
}

/// The account a live token acts for.
public struct TokenHolder: Sendable {
    public let account: Account
    public let kind: TokenKind
    public let expiresAt: Instant
    /// Whether the CSRF token given with the lookup is the session's.
    public let csrfMatches: Bool

    public init(account: Account, kind: TokenKind, expiresAt: Instant, csrfMatches: Bool) {
        self.account = account
        self.kind = kind
        self.expiresAt = expiresAt
        self.csrfMatches = csrfMatches
    }
}

/// The token a request signed in with, to be checked again where the request acts.
public struct SignedInToken: Sendable {
    public let token: String
    public let kind: TokenKind

    public init(_ token: String, kind: TokenKind) {
        self.token = token
        self.kind = kind
    }
}

/// The token a request signed in with no longer signs in: nothing was done.
public struct TokenEnded: Error, Equatable, Sendable {
    public init() {}
}

/// One account as `account list` shows it.
public struct AccountListing: Sendable, Equatable {
    public let account: Account
    public let createdAt: Instant
    public let passwordChangedAt: Instant
}

extension PartyRole: PostgresWord {}

/// bcrypt's work factor: 12, or `JIANYI_BCRYPT_COST` (4–31) where tests need speed.
enum PasswordHashing {
    static let cost: UInt8 = {
        guard let text = getenv("JIANYI_BCRYPT_COST").map({ String(cString: $0) }), let cost = UInt8(text),
              (4...31).contains(cost) else { return 12 }
        return cost
    }()

    /// Checked against when the login is unknown, so that an unknown login takes as long to
    /// refuse as a wrong password.
    static let dummyHash = Bcrypt.hash("jianyi: no such account", cost: cost)

    static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }
    static func verify(_ password: String, _ hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }
}

extension Store {
    // MARK: The owner's side (the CLI)

    /// Adds an account acting as `party`. The password is checked (length, one line) and only
    /// its bcrypt hash is stored.
    @discardableResult
    public func addAccount(_ congress: Congress, login: String, party: Party, password: String, signer: Bool = false) throws -> Account {
        let hash = try Self.checkedHash(login: login, party: party, password: password, signer: signer)
        return try connection.retryingTransaction { connection in
            let known = try connection.query("""
                SELECT EXISTS (SELECT 1 FROM account WHERE \(congress.scope) AND login = \(login)) AS taken,
                       \(party.role == .unit) AND NOT EXISTS (SELECT 1 FROM unit WHERE \(congress.scope) AND code = \(party.code)) AS no_unit,
                       \(party.role == .deputy) AND NOT EXISTS (SELECT 1 FROM deputy WHERE \(congress.scope) AND code = \(party.code)) AS no_deputy
                """).rows[0]
            if try known.decode(Bool.self, "taken") { throw AccountError.loginTaken(login: login, congress: congress.code) }
            if try known.decode(Bool.self, "no_unit") { throw AccountError.unknownUnit(party.code ?? "", congress: congress.code) }
            if try known.decode(Bool.self, "no_deputy") { throw AccountError.unknownDeputy(party.code ?? "", congress: congress.code) }
            try translate({ $0.isUniqueViolation ? AccountError.loginTaken(login: login, congress: congress.code) : nil }) {
                try connection.execute("""
                    INSERT INTO account (congress_id, login, role, deputy_code, unit_code, password_hash, signer)
                    VALUES (\(congress.id), \(login), \(party.role),
                            \(party.role == .deputy ? party.code : nil), \(party.role == .unit ? party.code : nil), \(hash), \(signer))
                    """)
            }
            logger.debug("added account \(login) as \(party) in \(congress.code)")
            return Account(login: login, congress: congress.code, party: party, signer: signer)
        }
    }

    /// The congress's accounts, by login.
    public func listAccounts(_ congress: Congress) throws -> [AccountListing] {
        try connection.query("""
            SELECT login, role, coalesce(deputy_code, unit_code) AS code, disabled_at IS NOT NULL AS disabled, signer,
                   floor(extract(epoch FROM created_at))::bigint AS created_at,
                   floor(extract(epoch FROM password_changed_at))::bigint AS password_changed_at
            FROM account WHERE \(congress.scope) ORDER BY login COLLATE "C"
            """).rows.map { row in
            AccountListing(
                account: try Self.account(row, congress: congress.code),
                createdAt: try row.decode(Instant.self, "created_at"),
                passwordChangedAt: try row.decode(Instant.self, "password_changed_at"))
        }
    }

    /// Disables an account and ends its tokens. Disabling a disabled account changes nothing.
    public func disableAccount(_ congress: Congress, login: String) throws {
        try connection.retryingTransaction { connection in
            let changed = try connection.query("""
                UPDATE account SET disabled_at = coalesce(disabled_at, now())
                WHERE \(congress.scope) AND login = \(login) RETURNING login
                """).rows
            guard !changed.isEmpty else { throw AccountError.noSuchAccount(login: login, congress: congress.code) }
            try connection.execute("DELETE FROM access_token WHERE \(congress.scope) AND login = \(login)")
        }
    }

    /// Grants (`on`) or revokes the signer right (签发) of a unit's account. Its tokens live on:
    /// each request reads the right afresh from the account row (`acting(as:)`).
    @discardableResult
    public func setSigner(_ congress: Congress, login: String, _ on: Bool) throws -> Account {
        try connection.retryingTransaction { connection in
            guard let row = try connection.query("""
                SELECT login, role, coalesce(deputy_code, unit_code) AS code, disabled_at IS NOT NULL AS disabled
                FROM account WHERE \(congress.scope) AND login = \(login) FOR UPDATE
                """).rows.first else { throw AccountError.noSuchAccount(login: login, congress: congress.code) }
            let account = try Self.account(row, congress: congress.code)
            if on, account.party.role != .unit { throw AccountError.signerNotUnit(login: login, role: account.party.role) }
            try connection.execute("UPDATE account SET signer = \(on) WHERE \(congress.scope) AND login = \(login)")
            return account.signing(on)
        }
    }

    /// Sets a new password; the account's tokens end, so every sign-in must use it.
    public func setPassword(_ congress: Congress, login: String, password: String) throws {
        try Account.checkPassword(password)
        let hash = PasswordHashing.hash(password)
        try connection.retryingTransaction { connection in
            let changed = try connection.query("""
                UPDATE account SET password_hash = \(hash), password_changed_at = now()
                WHERE \(congress.scope) AND login = \(login) RETURNING login
                """).rows
            guard !changed.isEmpty else { throw AccountError.noSuchAccount(login: login, congress: congress.code) }
            try connection.execute("DELETE FROM access_token WHERE \(congress.scope) AND login = \(login)")
        }
    }

    // MARK: The web service's side (works connected as jianyi_web)

    /// The account `login` of `congress` when `password` is its own and it is not disabled.
    /// An unknown login, a wrong password and a disabled account fail alike
    /// (`AccountError.signInFailed`), after the same bcrypt work. So does a login no account
    /// could have (a NUL byte, which no text parameter can carry): it is looked up as "", which
    /// matches nothing, rather than refused early.
    public func signIn(_ congress: Congress, login: String, password: String) throws -> Account {
        let lookup = (try? Account.checkLogin(login)) != nil ? login : ""
        let row = try connection.query("""
            SELECT password_hash, role, deputy_code, unit_code, disabled FROM jianyi_sign_in_account(\(congress.id)::integer, \(lookup))
            """).rows.first
        let hash = try row?.decode(String.self, "password_hash") ?? PasswordHashing.dummyHash
        let matches = PasswordHashing.verify(password, hash)
        guard let row, matches, try !row.decode(Bool.self, "disabled"),
              let role = PartyRole(rawValue: try row.decode(String.self, "role")),
              let party = Party(role: role, code: try row.decode(String?.self, "deputy_code") ?? row.decode(String?.self, "unit_code"))
        else { throw AccountError.signInFailed }
        return Account(login: login, congress: congress.code, party: party)
    }

    /// Issues a token for `account` (and a CSRF token for a session) valid for `lifetime`:
    /// 32 random bytes, base64url. Fails like a sign-in when the account is disabled or gone.
    public func issueToken(for account: Account, kind: TokenKind, lifetime: Duration) throws -> IssuedToken {
        let token = Self.randomToken()
        let csrf = kind == .session ? Self.randomToken() : nil
        let seconds = max(1, lifetime.components.seconds)
        let rows = try connection.retryingTransaction { connection in
            try connection.query("""
                SELECT floor(extract(epoch FROM expires_at))::bigint AS expires_at
                FROM jianyi_issue_token(\(token), (SELECT congress_id FROM congress WHERE code = \(account.congress)),
                                        \(account.login), \(kind.rawValue), \(csrf), make_interval(secs => \(Int(seconds))))
                """).rows
        }
        guard let row = rows.first else { throw AccountError.signInFailed }
        return IssuedToken(token: token, csrf: csrf, expiresAt: try row.decode(Instant.self, "expires_at"))
    }

    /// The account `token` acts for, or nil when the token is unknown, expired or revoked, or
    /// its account disabled. `csrf`, when given, is compared with the session's CSRF token.
    public func account(forToken token: String, csrf: String? = nil) throws -> TokenHolder? {
        guard let row = try connection.query("""
            SELECT congress_code, login, role, coalesce(deputy_code, unit_code) AS code, kind,
                   floor(extract(epoch FROM expires_at))::bigint AS expires_at, csrf_matches
            FROM jianyi_token_account(\(token), \(csrf))
            """).rows.first else { return nil }
        guard let kind = TokenKind(rawValue: try row.decode(String.self, "kind")) else { return nil }
        return TokenHolder(
            account: try Self.account(row, congress: try row.decode(String.self, "congress_code")),
            kind: kind, expiresAt: try row.decode(Instant.self, "expires_at"),
            csrfMatches: try row.decode(Bool.self, "csrf_matches"))
    }

    /// Ends a token (signing out); true when it was live.
    @discardableResult
    public func revokeToken(_ token: String) throws -> Bool {
        try connection.query("SELECT jianyi_revoke_token(\(token)) AS revoked").rows[0].decode(Bool.self, "revoked")
    }

    private static func account(_ row: Row, congress: String) throws -> Account {
        let role = try row.decode(PartyRole.self, "role")
        guard let party = Party(role: role, code: try row.decode(String?.self, "code")) else {
            throw AccountError.codeDoesNotFitRole(role)
        }
        let disabled = row.columns.index(of: "disabled") != nil ? try row.decode(Bool.self, "disabled") : false
        let signer = row.columns.index(of: "signer") != nil ? try row.decode(Bool.self, "signer") : false
        return Account(login: try row.decode(String.self, "login"), congress: congress, party: party, disabled: disabled, signer: signer)
    }

    /// 32 bytes from the system's generator, base64url without padding (43 characters).
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Base64URL.encode(bytes)
    }
}

/// RFC 4648 §5 without padding: safe in a header, a cookie and a URL.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
            for position in 0...chunk.count {
                out.append(alphabet[Int(value >> (18 - 6 * position) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
