import CaseStore
import Casework
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
    func signIn(login: String, password: String, kind: TokenKind, request: Request,
                context: WebContext) async throws -> (account: Account, issued: IssuedToken) {
        let attempt = try throttle.begin(login: login, address: origin(of: request, context: context).address)
        let (congress, lifetime) = (congress, tokenLifetime)
        let signedIn: (Account, IssuedToken)
        do {
            signedIn = try await pool.withStore { store in
                let account = try store.signIn(congress, login: login, password: password)
                return (account, try store.issueToken(for: account, kind: kind, lifetime: lifetime))
            }
        } catch AccountError.signInFailed {
            throw AccountError.signInFailed
        } catch {
            throttle.abandoned(attempt)
            throw error
        }
        throttle.succeeded(attempt)
        context.signIn(signedIn.0, csrf: signedIn.1.csrf)
        return signedIn
    }
}
