import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body, as a browser's form sends it.
struct FormFields {
    private let fields: [(name: String, value: String)]

    static let mediaType = "application/x-www-form-urlencoded"

    /// The fields of `text` (`+` is a space, `%XX` a byte of UTF-8); 400 naming the form when a
    /// field is not validly encoded.
    init(_ text: String) throws {
        fields = try text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw ServiceError.invalid(key: nil, zh: "表单编码有误", en: "the form is not validly URL-encoded")
            }
            return (name, value)
        }
    }

    /// Reads the whole body (at most the context's upload limit) as a form.
    static func read(_ request: Request, context: WebContext) async throws -> FormFields {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return try FormFields(String(buffer: buffer))
    }

    /// Whether the request says its body is a form.
    static func isForm(_ request: Request) -> Bool {
        request.headers[.contentType].map { $0.lowercased().hasPrefix(mediaType) } ?? false
    }

    /// The first value of `name`; nil when the form has none.
    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of `name`, in the order sent (a group of checkboxes).
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The value of `name`; 400 naming it when missing.
    func required(_ name: String) throws -> String {
        guard let value = self[name] else { throw ServiceError.invalid(key: name, zh: "缺少此项", en: "is missing") }
        return value
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
