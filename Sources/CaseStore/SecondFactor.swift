import Casework
import Crypto
import Foundation

/// TOTP, RFC 6238: HOTP (RFC 4226) over the count of 30-second steps since 1970, HMAC-SHA1,
/// six digits — what authenticator apps read from an otpauth:// URI.
public struct TOTP: Sendable {
    public static let period: Int64 = 30
    public static let digits = 6
    /// Steps either side of now whose code is still taken: a phone's clock a little off, a code
    /// typed as it changed.
    public static let drift: Int64 = 1

    public let secret: [UInt8]

    public init(secret: [UInt8]) {
        self.secret = secret
    }

    public static func step(at time: Date) -> Int64 {
        Int64((time.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    /// The code of time step `step` (RFC 4226's dynamic truncation).
    public func code(step: Int64, digits: Int = TOTP.digits) -> String {
        let counter = withUnsafeBytes(of: UInt64(bitPattern: step).bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let modulus = (0..<digits).reduce(UInt32(1)) { value, _ in value * 10 }
        let number = String(binary % modulus)
        return String(repeating: "0", count: digits - number.count) + number
    }

    /// The latest step within `drift` of `time` whose code is `code`; nil when none is.
    public func step(of code: String, at time: Date) -> Int64? {
        let now = Self.step(at: time)
        return stride(from: now + Self.drift, through: now - Self.drift, by: -1).first { self.code(step: $0) == code }
    }

    /// The URI an authenticator app reads (as a QR code or typed): Key Uri Format.
    public func uri(issuer: String, account: String) -> String {
        func escaped(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
        }
        return "otpauth://totp/\(escaped(issuer)):\(escaped(account))?secret=\(Base32.encode(secret))&issuer=\(escaped(issuer))"
            + "&algorithm=SHA1&digits=\(Self.digits)&period=\(Self.period)"
    }
}

/// RFC 4648 base32 without padding, as otpauth:// secrets are written.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = [], buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of `text` (upper case, no padding); nil when a character is not base32.
    public static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = [], buffer = 0, bits = 0
        for character in text.utf8 {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = ((buffer << 5) | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return out
    }

    /// The secret of an otpauth:// URI, as an authenticator app reads it.
    public static func secret(ofURI uri: String) -> [UInt8]? {
        URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value.flatMap(decode)
    }
}

/// A second factor enrolled: the URI for the authenticator app and the recovery codes, each
/// good for one sign-in. Shown once: the database keeps the secret and the codes' SHA-256.
public struct SecondFactorEnrollment: Sendable {
    public let uri: String
    public let recoveryCodes: [String]
}

/// Why a sign-in's second factor was refused.
public enum SecondFactorError: Error, Equatable, Sendable {
    /// The account has a second factor and no code was given.
    case codeRequired
    /// A code not of now (±1 step), already used, or no unused recovery code.
    case codeRefused
    /// The congress requires a second factor of the secretariat and this account has none.
    case enrollmentRequired(login: String)
}

extension Store {
    /// How many recovery codes an enrollment makes.
    public static let recoveryCodeCount = 10

    /// Enrolls `login` (any party; the policy can require it of the secretariat): a new secret
    /// and new recovery codes, replacing any before. Its sessions and tokens go on.
    public func enrollSecondFactor(_ congress: Congress, login: String, issuer: String) throws -> SecondFactorEnrollment {
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let codes = (0..<Self.recoveryCodeCount).map { _ in
            // 16 base32 characters, 80 bits, in groups of four: typed from paper.
            let raw = Base32.encode((0..<10).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            return stride(from: 0, to: 16, by: 4).map { String(raw.dropFirst($0).prefix(4)) }.joined(separator: "-")
        }
        try connection.retryingTransaction { connection in
            let found = try connection.query("SELECT 1 FROM account WHERE \(congress.scope) AND login = \(login)").rows
            guard !found.isEmpty else { throw AccountError.noSuchAccount(login: login, congress: congress.code) }
            try connection.execute("DELETE FROM account_totp WHERE \(congress.scope) AND login = \(login)")
            try connection.execute("""
                INSERT INTO account_totp (congress_id, login, secret) VALUES (\(congress.id), \(login), decode(\(Self.hex(secret)), 'hex'))
                """)
            for code in codes {
                try connection.execute("""
                    INSERT INTO account_recovery_code (congress_id, login, code_hash)
                    VALUES (\(congress.id), \(login), decode(\(Self.recoveryHash(code)), 'hex'))
                    """)
            }
        }
        return SecondFactorEnrollment(uri: TOTP(secret: secret).uri(issuer: issuer, account: login), recoveryCodes: codes)
    }

    /// After the password: lets `account` in when it needs no second factor, or when `code` is
    /// its authenticator's code of now (±1 step, and later than the last code accepted) or an
    /// unused recovery code, which is then used up.
    public func checkSecondFactor(_ congress: Congress, account: Account, code: String?, at time: Date) throws {
        guard let row = try connection.query("""
            SELECT encode(secret, 'hex') AS secret, required FROM jianyi_sign_in_totp(\(congress.id)::integer, \(account.login))
            """).rows.first else { throw AccountError.signInFailed }
        guard let secret = try row.decode(String?.self, "secret").flatMap(Self.bytes) else {
            if try row.decode(Bool.self, "required") { throw SecondFactorError.enrollmentRequired(login: account.login) }
            return
        }
        let given = (code ?? "").filter { !$0.isWhitespace }
        guard !given.isEmpty else { throw SecondFactorError.codeRequired }
        let accepted: Bool
        if given.count == TOTP.digits, given.allSatisfy(\.isASCII), given.allSatisfy(\.isNumber) {
            guard let step = TOTP(secret: secret).step(of: given, at: time) else { throw SecondFactorError.codeRefused }
            accepted = try connection.query("""
                SELECT jianyi_accept_totp_step(\(congress.id)::integer, \(account.login), \(Int(step))::bigint) AS ok
                """).rows[0].decode(Bool.self, "ok")
        } else {
            accepted = try connection.query("""
                SELECT jianyi_use_recovery_code(\(congress.id)::integer, \(account.login), decode(\(Self.recoveryHash(given)), 'hex')) AS ok
                """).rows[0].decode(Bool.self, "ok")
        }
        guard accepted else { throw SecondFactorError.codeRefused }
    }

    /// A recovery code's SHA-256 in hex, as typed in any case, with or without its dashes.
    static func recoveryHash(_ code: String) -> String {
        hex(Array(SHA256.hash(data: Array(code.uppercased().filter { $0 != "-" }.utf8))))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func bytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16) ?? 0 }
    }

    /// A random token as sessions' are made (32 bytes, base64url): the sign-in form's CSRF token.
    public static func newToken() -> String { randomToken() }
}
