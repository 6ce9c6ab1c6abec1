import Hummingbird

/// The browser's session cookie, `jianyi_session`: the session token and its CSRF token
/// (`TOKEN.CSRF`, both 43 base64url characters). The database keeps only their SHA-256.
///
/// The CSRF token rides in the cookie so that every page can put it in its forms; a page of
/// another site can make the browser send the cookie but cannot read it (HttpOnly, and
/// cookies are not readable across origins), so it cannot fill in the form field.
enum SessionCookie {
    static let name = "jianyi_session"

    struct Value: Equatable {
        let token: String
        let csrf: String
    }

    /// `Set-Cookie` for a new session: for the whole site, out of scripts' reach, not sent
    /// with cross-site subrequests or posts, and only over HTTPS when the client came so.
    /// No Max-Age: the browser forgets it when it closes; the server ends it at `expires_at`.
    static func set(_ value: Value, secure: Bool) -> String {
        "\(name)=\(value.token).\(value.csrf); \(attributes(secure: secure))"
    }

    /// `Set-Cookie` that makes the browser drop the cookie.
    static func clear(secure: Bool) -> String {
        "\(name)=; Max-Age=0; \(attributes(secure: secure))"
    }

    private static func attributes(secure: Bool) -> String {
        "Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    /// The session cookie the request carries; nil when none, or not of the form `TOKEN.CSRF`
    /// (then nothing is asked of the database).
    static func read(_ request: Request) -> Value? {
        guard let cookie = request.cookies[name] else { return nil }
        let parts = cookie.value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy(isToken) else { return nil }
        return Value(token: String(parts[0]), csrf: String(parts[1]))
    }

    /// 43 characters of the base64url alphabet: what `issueToken` makes.
    static func isToken(_ text: Substring) -> Bool {
        text.utf8.count == 43 && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
