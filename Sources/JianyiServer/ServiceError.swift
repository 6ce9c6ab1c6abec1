import Foundation
import HTTPTypes
import Hummingbird

/// What a request that failed answers: a status, a stable code for programs, and one line for
/// people in Chinese and in English. Never a path, a SQL text or a stack: `internal` hides them.
public struct ServiceError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    /// snake_case, stable: clients branch on it, not on the message.
    public var code: String
    public var zh: String
    public var en: String
    /// Seconds a client should wait before trying again (503 busy).
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, _ code: String, zh: String, en: String, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.zh = zh
        self.en = en
        self.retryAfter = retryAfter
    }

    public func message(in language: Language) -> String {
        language == .en ? en : zh
    }

    /// Every connection of the pool is busy, longer than the pool's wait.
    public static func busy(retryAfter: Int) -> ServiceError {
        ServiceError(.serviceUnavailable, "unavailable", zh: "服务繁忙，请稍后重试", en: "the service is busy; try again later",
                     retryAfter: retryAfter)
    }

    /// Something only a mistake in jianyi can cause; the details go to the log, not the client.
    public static let `internal` = ServiceError(.internalServerError, "internal", zh: "服务内部错误，请联系管理员",
                                                en: "internal error; please tell the administrator")

    /// The `{"error":{"code","message"}}` response.
    public func response(in language: Language) -> Response {
        struct Body: Encodable {
            struct Detail: Encodable { let code: String, message: String }
            let error: Detail
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding two strings cannot fail.
        let data = (try? encoder.encode(Body(error: .init(code: code, message: message(in: language))))) ?? Data()
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        headers[.contentLanguage] = language.rawValue
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The language of messages: Chinese unless the client prefers English.
public enum Language: String, Sendable {
    case zh, en

    /// The first of zh/en in the client's `Accept-Language` preference order (by q); Chinese
    /// when it names neither or is absent.
    public init(acceptLanguage header: String?) {
        var best: (language: Language, q: Double)?
        for item in (header ?? "").split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = parts.first else { continue }
            let language: Language? = tag == "en" || tag.hasPrefix("en-") ? .en : tag == "zh" || tag.hasPrefix("zh-") ? .zh : nil
            guard let language else { continue }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if q > 0, q > (best?.q ?? 0) { best = (language, q) }
        }
        self = best?.language ?? .zh
    }
}
