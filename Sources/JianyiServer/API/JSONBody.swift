import Casework
import Foundation
import Hummingbird
import NIOCore

/// Request bodies in, `JSONValue` responses out.
enum JSONBody {
    /// Decodes the body as `T`; a body that is not JSON, or not `T`'s shape, is 400 naming
    /// the key at fault.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: WebContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw ServiceError.invalidBody(error)
        } catch {
            throw ServiceError.invalid(key: nil, zh: "请求内容不是 JSON", en: "the body is not JSON")
        }
    }

    static func response(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: value.serialized())))
    }
}

extension ServiceError {
    /// A missing, unknown, expired or revoked token (or a wrong sign-in): 401 with `WWW-Authenticate`.
    static let unauthorized = ServiceError(.unauthorized, "unauthorized", zh: "未登录或登录已失效",
                                           en: "no valid token: sign in with POST /api/v1/tokens")

    /// A malformed request (400), naming the body key or query parameter at fault.
    static func invalid(key: String?, zh: String, en: String) -> ServiceError {
        ServiceError(.badRequest, "invalid", zh: key.map { "\($0)：\(zh)" } ?? zh, en: key.map { "\($0): \(en)" } ?? en)
    }

    static func invalidBody(_ error: DecodingError) -> ServiceError {
        func key(_ path: [CodingKey], _ last: CodingKey? = nil) -> String {
            let keys = (path + (last.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "body" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let missing, let context):
            return invalid(key: key(context.codingPath, missing), zh: "缺少此项", en: "is missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return invalid(key: key(context.codingPath), zh: "类型不对", en: "has the wrong type")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return invalid(key: nil, zh: "请求内容不是 JSON", en: "the body is not JSON")
        case .dataCorrupted(let context):
            return invalid(key: key(context.codingPath), zh: "值无效", en: "is not a valid value")
        @unknown default:
            return invalid(key: nil, zh: "请求内容有误", en: "the body is malformed")
        }
    }
}
