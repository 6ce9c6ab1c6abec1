import CaseStore
import Casework
import HTTPTypes
import Hummingbird

/// For the browser's pages: lets a request through only with the `jianyi_session` cookie of a
/// live session of this server's congress, and puts the account and the session's CSRF token
/// on the context. A request of an unsafe method (anything but GET, HEAD, OPTIONS, TRACE) must
/// also give the CSRF token, in the header `X-CSRF-Token` or the form field `csrf`: 403 without
/// it. No session: 401. A bearer token in the cookie is no session (the kinds differ).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let site: Site

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let csrfField = "csrf"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard let cookie = SessionCookie.read(request) else { throw ServiceError.noSession }
        var request = request
        let safe = [.get, .head, .options, .trace].contains(request.method)
        // A safe request shows the cookie's own CSRF token, checked so that pages never render
        // a wrong one; an unsafe request must send it back itself.
        let csrf = safe ? cookie.csrf : try await Self.submittedCSRF(&request, context: context)
        let holder = try await site.pool.withStore { try $0.account(forToken: cookie.token, csrf: csrf) }
        guard let holder, holder.kind == .session, holder.account.congress == site.congress.code else {
            throw ServiceError.noSession
        }
        guard holder.csrfMatches else { throw safe ? ServiceError.noSession : ServiceError.csrfRefused }
        context.signIn(holder.account, csrf: cookie.csrf)
        return try await next(request, context)
    }

    /// The CSRF token the request sends: the header, else the `csrf` field of a form body (the
    /// body is kept on the request for the handler).
    static func submittedCSRF(_ request: inout Request, context: WebContext) async throws -> String? {
        let given: String?
        if let header = request.headers[csrfHeader] {
            given = header
        } else if FormFields.isForm(request) {
            let buffer = try await request.collectBody(upTo: context.maxUploadSize)
            given = try FormFields(String(buffer: buffer))[csrfField]
        } else {
            given = nil
        }
        // Only what could be a token goes to the database (a NUL byte could not even be sent).
        return given.flatMap { SessionCookie.isToken($0[...]) ? $0 : nil }
    }
}

extension ServiceError {
    /// A page or a session request without a live session cookie.
    static let noSession = ServiceError(.unauthorized, "unauthorized", zh: "未登录或登录已失效",
                                        en: "not signed in: sign in with POST /session")

    /// An unsafe request of a session without its CSRF token: possibly sent by another site.
    static let csrfRefused = ServiceError(.forbidden, "forbidden", zh: "缺少有效的 CSRF 令牌，请刷新页面后重试",
                                          en: "the CSRF token is missing or wrong; reload the page and try again")
}
