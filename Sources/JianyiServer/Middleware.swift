import Foundation
import Hummingbird
import Logging

/// One line per request on the access log: method, path without its query string (a query may
/// carry a token), status and duration; the acting login when the context knows it. Never a
/// header or a body.
public struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var status = 500
        defer {
            let milliseconds = (ContinuousClock.now - started) / .milliseconds(1)
            let login = (context as? ReportsActingLogin)?.actingLogin.map { " \($0)" } ?? ""
            logger.info("\(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.1f", milliseconds))ms\(login)")
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }
}

/// A request context that learns who is acting while the request runs (held by reference, so
/// the access log, outside the handler, sees it afterwards).
public protocol ReportsActingLogin {
    var actingLogin: String? { get }
}

/// Every error a handler throws becomes `{"error":{"code","message"}}` in the caller's language,
/// through `ErrorTable`. What the client must not see (a bug, SQL) goes to the log instead.
public struct ErrorResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = ErrorTable.serviceError(for: error)
            // The client is told little; the operator is told what happened (busy is expected load).
            if answer.status.code >= 500, answer.retryAfter == nil {
                logger.error("\(request.method.rawValue) \(request.uri.path) failed: \(String(describing: error))")
            }
            return answer.response(in: Language(acceptLanguage: request.headers[.acceptLanguage]))
        }
    }
}
