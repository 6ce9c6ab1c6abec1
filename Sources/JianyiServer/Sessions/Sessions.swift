import CaseStore
import Casework
import Hummingbird

/// Browsers sign in here (the pages come later and only add templates):
/// `POST /session` (a form with `login` and `password`) sets the session cookie,
/// `GET /session` says who is signed in and the CSRF token for forms,
/// `POST /session/end` (with the CSRF token) signs out and drops the cookie.
struct Sessions {
    let site: Site

    func addRoutes(to router: Router<WebContext>) {
        router.post("session", use: signIn)
        let signedIn = router.group().add(middleware: SessionMiddleware(site: site))
        signedIn.get("session", use: show)
        signedIn.post("session/end", use: signOut)
    }

    /// Throttled and refused exactly like `POST /api/v1/tokens`; the token is of the session kind.
    func signIn(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        let (login, password) = (try form.required("login"), try form.required("password"))
        let (account, issued) = try await site.signIn(login: login, password: password, secondFactor: form["totp"], kind: .session,
                                                      request: request, context: context)
        guard let csrf = issued.csrf else { throw ServiceError.internal }
        var response = describe(account, csrf: csrf)
        response.headers[.setCookie] = SessionCookie.set(.init(token: issued.token, csrf: csrf), secure: secure(request, context))
        return response
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        guard let account = context.account, let csrf = context.csrf else { throw ServiceError.noSession }
        return describe(account, csrf: csrf)
    }

    func signOut(_ request: Request, context: WebContext) async throws -> Response {
        guard let cookie = SessionCookie.read(request) else { throw ServiceError.noSession }
        try await site.pool.withStore { store in _ = try store.revokeToken(cookie.token) }
        return Response(status: .noContent, headers: [
            .setCookie: SessionCookie.clear(secure: secure(request, context)), .cacheControl: "no-store",
        ])
    }

    /// `{"login","role","csrf"}`, never to be cached: it holds the CSRF token.
    private func describe(_ account: Account, csrf: String) -> Response {
        var response = JSONBody.response(.object([
            ("login", .string(account.login)), ("role", .string(account.party.role.rawValue)), ("csrf", .string(csrf)),
        ]))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func secure(_ request: Request, _ context: WebContext) -> Bool {
        site.origin(of: request, context: context).overTLS
    }
}
