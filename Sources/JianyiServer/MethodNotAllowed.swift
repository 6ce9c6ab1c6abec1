import Foundation
import HTTPTypes
import Hummingbird

/// A method the API document does not offer on a path it lists answers 405 `method_not_allowed`
/// with `Allow` naming the methods it does offer, as the document promises; the router alone
/// would answer 404. A path the document does not list, and a documented method the router
/// answers 404 to (a case that is not there), stay 404.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError where error.status == .notFound {
            guard let offered = DocumentedPaths.shared.methods(for: request.uri.path), !offered.contains(request.method) else {
                throw error
            }
            var response = ErrorTable.serviceError(status: .methodNotAllowed)
                .response(in: Language(acceptLanguage: request.headers[.acceptLanguage]))
            response.headers[.allow] = offered.map(\.rawValue).joined(separator: ", ")
            return response
        }
    }
}

/// The paths of the OpenAPI document and the methods each offers.
struct DocumentedPaths: Sendable {
    /// A path's segments; nil stands for a `{parameter}`, which matches any one segment.
    let paths: [(segments: [String?], methods: [HTTPRequest.Method])]

    static let shared = DocumentedPaths(document: openAPIDocument)

    init(document: String) {
        let object = (try? JSONSerialization.jsonObject(with: Data(document.utf8))) as? [String: Any]
        let paths = object?["paths"] as? [String: [String: Any]] ?? [:]
        self.paths = paths.map { path, operations in
            let segments = path.split(separator: "/").map { $0.hasPrefix("{") ? nil : String($0) }
            let methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter { operations[$0.lowercased()] != nil }
            return (segments, methods.compactMap { HTTPRequest.Method($0) })
        }
    }

    /// The methods the document offers on `path`; nil when it does not list the path.
    func methods(for path: String) -> [HTTPRequest.Method]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let matching = paths.filter { entry in
            entry.segments.count == parts.count
                && zip(entry.segments, parts).allSatisfy { segment, part in segment.map { $0 == part } ?? !part.isEmpty }
        }
        return matching.isEmpty ? nil : matching.flatMap(\.methods)
    }
}
