import HTTPTypes
import Hummingbird

/// What a browser gets for a path no route answers: outside the API, a page (with the pages'
/// headers) — 405 with `Allow` when a page route has the path for other methods, else 404.
/// The API's paths keep their JSON errors (`MethodNotAllowedMiddleware`, `ErrorTable`).
///
/// Added to the router after every route: Hummingbird wraps a route in the middleware added
/// before it, so this one runs only when no route matched.
struct PageFallbackMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let site: Site
    /// The page routes: each path's segments (nil for a parameter) and its methods.
    let routes: [(segments: [String?], method: HTTPRequest.Method)]

    init(site: Site, routes: [Router<WebContext>.RouteDescription]) {
        self.site = site
        self.routes = routes.compactMap { route in
            let segments = route.path.description.split(separator: "/").map { $0.hasPrefix("{") || $0.hasPrefix("*") ? nil : String($0) }
            guard !Self.isAPI(segments.first.flatMap { $0 }) else { return nil }
            return (segments, route.method)
        }
    }

    static func isAPI(_ first: String?) -> Bool {
        ["api", "healthz", "session"].contains(first ?? "")
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError where error.status == .notFound {
            let parts = request.uri.path.split(separator: "/").map(String.init)
            guard !Self.isAPI(parts.first) else { throw error }
            let offered = routes.filter { route in
                route.segments.count == parts.count && zip(route.segments, parts).allSatisfy { segment, part in segment.map { $0 == part } ?? true }
            }.map(\.method)
            var response: Response
            if offered.isEmpty || offered.contains(request.method) {
                response = try site.page("error", title: PageErrorMiddleware.title(.notFound), page: ["message": "没有这个页面：\(request.uri.path)"],
                                         context: context, status: .notFound)
            } else {
                let allowed = Array(Set(offered.map(\.rawValue))).sorted()
                response = try site.page("error", title: "不能这样打开此页",
                                         page: ["message": "此页只接受 \(allowed.joined(separator: "、")) 请求（请用页面上的链接或按钮）"],
                                         context: context, status: .methodNotAllowed)
                response.headers[.allow] = allowed.joined(separator: ", ")
            }
            for field in PageHeadersMiddleware.headers { response.headers[field.name] = field.value }
            return response
        }
    }
}
