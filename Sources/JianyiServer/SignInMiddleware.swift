import CaseStore
import Casework
import Hummingbird

/// Lets a request through only with `Authorization: Bearer TOKEN` of a live API token of this
/// server's congress; the account goes on the context. Anything else is 401.
///
/// A token in `Site.tokens` (seen lately) goes through without a lookup of its own: the
/// transaction the handler acts in checks it first (`Site.act`), and when the handler answers or
/// fails without having acted, the token is looked up then, so that a token ended since is 401
/// before any other answer, exactly as when every request looked it up first.
struct SignInMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let site: Site

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard let token = Self.bearerToken(request) else { throw ServiceError.unauthorized }
        let check: TokenCheck
        if let account = site.tokens.account(for: token) {
            check = TokenCheck(token)
            context.signIn(account, check: check)
        } else {
            check = TokenCheck(token, settled: true)
            context.signIn(try await site.lookUpToken(token), check: check)
        }
        do {
            return try await answer(request, context, next, check)
        } catch let error as ServiceError where error == .unauthorized {
            context.signOut()  // the token had ended: the request was nobody's, as the access log says
            throw error
        }
    }

    /// The handler's answer, once the token is known to have been live during the request.
    private func answer(_ request: Request, _ context: WebContext, _ next: (Request, WebContext) async throws -> Response,
                        _ check: TokenCheck) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as ServiceError where error.status == .serviceUnavailable {
            // The pool is busy or the database away: a lookup would need the pool again, and
            // was 503 itself when every request looked its token up first.
            throw error
        } catch {
            try await site.settle(check)
            throw error
        }
        try await site.settle(check)
        return response
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

extension Site {
    /// The account of a live API token of this congress, remembered in `tokens`; 401 otherwise.
    func lookUpToken(_ token: String) async throws -> Account {
        let holder = try await pool.withStore { try $0.account(forToken: token) }
        guard let holder, holder.kind == .api, holder.account.congress == congress.code else {
            tokens.forget(token)
            throw ServiceError.unauthorized
        }
        tokens.keep(token, holder)
        return holder.account
    }

    /// Makes sure the request's token was found live during the request: 401 if it has ended.
    func settle(_ check: TokenCheck) async throws {
        guard !check.isSettled else { return }
        _ = try await lookUpToken(check.token)
        check.settle()
    }
}
