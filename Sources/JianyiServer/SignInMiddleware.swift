import CaseStore
import Casework
import Hummingbird

/// Lets a request through only with `Authorization: Bearer TOKEN` of a live API token of this
/// server's congress; the account goes on the context. Anything else is 401.
struct SignInMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let site: Site

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard let token = Self.bearerToken(request) else { throw ServiceError.unauthorized }
        let holder = try await site.pool.withStore { try $0.account(forToken: token) }
        guard let holder, holder.kind == .api, holder.account.congress == site.congress.code else { throw ServiceError.unauthorized }
        context.signIn(holder.account)
        return try await next(request, context)
    }

    /// The token of `Authorization: Bearer TOKEN` (the scheme in any case, RFC 9110); nil
    /// when the header is missing, of another scheme or empty.
    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
