import CaseStore
import Hummingbird

/// Login CSRF: the sign-in form carries a random token also set as the cookie `jianyi_signin`
/// (HttpOnly, SameSite=Strict); `POST /sign-in` must send both, equal. Another site can make a
/// browser post the form (signing the victim in as the attacker) but cannot read the token.
enum SignInCSRF {
    static let cookie = "jianyi_signin"
    static let field = "csrf"

    /// A new token, 32 random bytes in base64url (43 characters, as the session's).
    static func make() -> String { Store.newToken() }

    static func setCookie(_ token: String, secure: Bool) -> String {
        "\(cookie)=\(token); Path=/sign-in; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// Whether the form's token is the cookie's (both present, well formed, equal).
    static func holds(_ request: Request, form: FormFields) -> Bool {
        guard let sent = form[field], let kept = request.cookies[cookie]?.value,
              SessionCookie.isToken(sent[...]), SessionCookie.isToken(kept[...]) else { return false }
        // Compared in full whatever differs: the time taken says nothing of the token.
        return zip(sent.utf8, kept.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static let refused = ServiceError(.forbidden, "forbidden", zh: "登录表单已过期，请刷新页面后重新登录",
                                      en: "the sign-in form has expired: reload the page and sign in again")
}
