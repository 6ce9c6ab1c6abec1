import CaseStore
import Casework
import Foundation
import Hummingbird

extension Site {
    /// Where `request` came from, believing a proxy's headers only with `--trust-proxy`.
    func origin(of request: Request, context: WebContext) -> ClientOrigin {
        ClientOrigin(request, peer: context.remoteAddress, trustProxy: trustProxy)
    }

    /// Signs `login` in with `password` and issues a token of `kind`, through the throttle:
    /// every way of signing in (a bearer token, a browser session) counts against the same
    /// limits. Past a limit: 429 before the password is looked at. A wrong login, a wrong
    /// password and a disabled account: the same 401 after the same bcrypt work, whatever the
    /// login looks like (a login no account could have is looked up all the same).
    ///
    /// An account with a second factor also gives its code (`secondFactor`): a missing or
    /// wrong one counts against the limits like a wrong password.
    func signIn(login: String, password: String, secondFactor: String? = nil, kind: TokenKind, request: Request,
                context: WebContext) async throws -> (account: Account, issued: IssuedToken) {
        let attempt = try throttle.begin(login: login, address: origin(of: request, context: context).address)
        let (congress, lifetime) = (congress, tokenLifetime)
        let signedIn: (Account, IssuedToken)
        do {
            signedIn = try await pool.withStore { store in
                let account = try store.signIn(congress, login: login, password: password)
                try store.checkSecondFactor(congress, account: account, code: secondFactor, at: Date())
                return (account, try store.issueToken(for: account, kind: kind, lifetime: lifetime))
            }
        } catch AccountError.signInFailed {
            throw AccountError.signInFailed
        } catch let error as SecondFactorError {
            if case .enrollmentRequired = error { throttle.abandoned(attempt) }
            throw ServiceError.secondFactor(error)
        } catch {
            throttle.abandoned(attempt)
            throw error
        }
        throttle.succeeded(attempt)
        context.signIn(signedIn.0, csrf: signedIn.1.csrf)
        return signedIn
    }
}

extension ServiceError {
    /// A sign-in's second factor refused, in the API's words.
    static func secondFactor(_ error: SecondFactorError) -> ServiceError {
        switch error {
        case .codeRequired:
            ServiceError(.unauthorized, "unauthorized", zh: "此账户已启用两步验证：请填写动态验证码（或一次性恢复码）",
                         en: "this account signs in with a second factor: give the authenticator's code in totp (or a recovery code)")
        case .codeRefused:
            ServiceError(.unauthorized, "unauthorized", zh: "动态验证码不正确、已过期或已使用过",
                         en: "the second factor's code is wrong, expired or already used")
        case .enrollmentRequired(let login):
            ServiceError(.forbidden, "forbidden",
                         zh: "本届人大要求办公厅账户使用两步验证，账户 \(login) 尚未启用：请管理员运行 jianyi account totp \(login)",
                         en: "this congress requires the secretariat's accounts to use a second factor and \(login) has none: "
                             + "an administrator runs jianyi account totp \(login)")
        }
    }
}
