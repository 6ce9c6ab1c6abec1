import HTTPTypes
import Hummingbird
import Logging

/// Every page's answer carries the browser's protections: scripts, styles, images and forms
/// of this site only (no inline script), never framed, no type sniffing, no referrer sent
/// elsewhere.
struct PageHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let headers: HTTPFields = [
        HTTPField.Name("Content-Security-Policy")!:
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        HTTPField.Name("X-Frame-Options")!: "DENY",
    ]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in Self.headers { response.headers[field.name] = field.value }
        return response
    }
}

/// A page that fails answers a page, not JSON: the same status and words as the API
/// (ErrorTable), in Chinese. A page asked for without a session shows the sign-in form.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let site: Site
    let logger: Logger

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = ErrorTable.serviceError(for: error)
            if answer.status.code >= 500, answer.retryAfter == nil {
                logger.error("\(request.method.rawValue) \(request.uri.path) failed: \(String(describing: error))")
            }
            if answer.status == .unauthorized, request.method == .get || request.method == .head {
                return try SignInPages.form(site: site, request, context: context, form: FormState(),
                                            status: request.uri.path == "/" ? .ok : .unauthorized)
            }
            var response = try site.page("error", title: Self.title(answer.status), page: ["message": answer.zh], context: context,
                                     status: answer.status)
            if let retryAfter = answer.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }

    static func title(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "找不到此页"
        case 403: "无权进行此操作"
        case 401: "请先登录"
        case 429: "请稍后再试"
        case 503: "服务暂时不可用"
        case 500...: "服务出错"
        default: "请求有误"
        }
    }
}
