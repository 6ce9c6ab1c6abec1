import CaseStore
import Casework
import HTTPTypes
import Hummingbird

/// Signing in and out in a browser: the form at `/` without a session, `POST /sign-in`
/// (throttled and refused exactly as `POST /session` and the API's tokens are: `Site.signIn`),
/// `POST /sign-out` (with the CSRF token).
enum SignInPages {
    struct View {
        let form: FormState
        /// The login CSRF token, also set as the cookie `jianyi_signin` (`SignInCSRF`).
        let csrf: String
    }

    /// The form, with a new login CSRF token in it and in its cookie.
    static func form(site: Site, _ request: Request, context: WebContext, form: FormState,
                     status: HTTPResponse.Status = .ok) throws -> Response {
        let csrf = SignInCSRF.make()
        var response = try site.page("sign-in", title: "登录", page: View(form: form, csrf: csrf), context: context, status: status)
        response.headers[.setCookie] = SignInCSRF.setCookie(csrf, secure: site.origin(of: request, context: context).overTLS)
        return response
    }

    /// On success the session cookie and 303 to `/`; on failure the form again, with the login
    /// typed, the API's message and its status (401, or 429 with Retry-After).
    static func signIn(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        let fields = try await FormFields.read(request, context: context)
        var form = FormState(fields, ["login": .text])
        // Refused before the password is looked at: it counts as no attempt.
        guard SignInCSRF.holds(request, form: fields) else {
            form.problem = SignInCSRF.refused.zh
            return try Self.form(site: site, request, context: context, form: form, status: .forbidden)
        }
        do {
            let (login, password) = (try fields.required("login"), try fields.required("password"))
            let (_, issued) = try await site.signIn(login: login, password: password, secondFactor: fields["totp"], kind: .session,
                                                   request: request, context: context)
            guard let csrf = issued.csrf else { throw ServiceError.internal }
            let secure = site.origin(of: request, context: context).overTLS
            return seeOther("/", headers: [.setCookie: SessionCookie.set(.init(token: issued.token, csrf: csrf), secure: secure)])
        } catch {
            let answer = ErrorTable.serviceError(for: error)
            guard [400, 401, 403, 429].contains(answer.status.code) else { throw error }
            form.problem = answer.zh
            var response = try Self.form(site: site, request, context: context, form: form, status: answer.status)
            if let retryAfter = answer.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }

    static func signOut(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        guard let cookie = SessionCookie.read(request) else { throw ServiceError.noSession }
        try await site.pool.withStore { store in _ = try store.revokeToken(cookie.token) }
        return seeOther("/", headers: [.setCookie: SessionCookie.clear(secure: site.origin(of: request, context: context).overTLS)])
    }
}
