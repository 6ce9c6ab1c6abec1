import CaseStore
import Casework
import Hummingbird

/// `POST /api/v1/tokens` (sign in: a bearer token) and `DELETE /api/v1/tokens/current` (sign out).
struct Tokens {
    let site: Site

    struct SignIn: Decodable {
        let login: String
        let password: String
        /// The second factor's code (or a recovery code), for an account that has one.
        let totp: String?
    }

    func signIn(_ request: Request, context: WebContext) async throws -> Response {
        let body = try await JSONBody.decode(SignIn.self, from: request, context: context)
        let (account, issued) = try await site.signIn(login: body.login, password: body.password, secondFactor: body.totp, kind: .api,
                                                      request: request, context: context)
        return JSONBody.response(.object([
            ("token", .string(issued.token)), ("role", .string(account.party.role.rawValue)),
            ("expires_at", site.clock.json(issued.expiresAt)),
        ]), status: .created)
    }

    func signOut(_ request: Request, context: WebContext) async throws -> Response {
        // Found live first: a token ended since answers 401, not the 204 of a sign-out.
        guard let check = context.tokenCheck else { throw ServiceError.unauthorized }
        try await site.settle(check)
        site.tokens.forget(check.token)
        try await site.pool.withStore { store in _ = try store.revokeToken(check.token) }
        return Response(status: .noContent)
    }
}
