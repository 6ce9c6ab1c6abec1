import Casework
import Foundation
import Hummingbird

/// A step's request body read strictly: a JSON object whose keys are all among those the
/// operation lists (an unknown one is 400 naming it), each value of its JSON type (400 naming
/// the key otherwise), no text holding NUL. The getters name the key in every refusal.
struct StrictBody: Sendable {
    private let values: [String: Value]

    /// One JSON value; numbers are kept apart from booleans only so far as the getters need.
    enum Value: Decodable, Sendable {
        case null, bool(Bool), number(Double), string(String), array([Value]), object([String: Value])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let string = try? container.decode(String.self) { self = .string(string) }
            else if let array = try? container.decode([Value].self) { self = .array(array) }
            else { self = .object(try container.decode([String: Value].self)) }
        }
    }

    init(_ request: Request, context: WebContext, keys allowed: Set<String>) async throws {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        try self.init(Data(buffer: buffer), keys: allowed)
    }

    init(_ data: Data, keys allowed: Set<String>) throws {
        let parsed: Value
        do {
            parsed = try JSONDecoder().decode(Value.self, from: data)
        } catch {
            throw ServiceError.invalid(key: nil, zh: "请求内容不是 JSON", en: "the body is not JSON")
        }
        guard case .object(let values) = parsed else {
            throw ServiceError.invalid(key: nil, zh: "请求内容须为 JSON 对象", en: "the body is not a JSON object")
        }
        if let unknown = values.keys.filter({ !allowed.contains($0) }).sorted().first {
            // A key as sent when it is plain; quoted and escaped by Text.printable otherwise.
            let shown = Text.printable(unknown) == "'\(unknown)'" ? unknown : Text.printable(unknown)
            throw ServiceError.invalid(key: shown, zh: "不是此操作接受的项", en: "is not a key this operation takes")
        }
        self.values = values
    }

    /// Values read elsewhere (a page's form), judged by the same getters.
    init(values: [String: Value]) {
        self.values = values
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    static func missing(_ key: String) -> ServiceError { .invalid(key: key, zh: "缺少此项", en: "is missing") }
    static func wrongType(_ key: String, zh: String, en: String) -> ServiceError {
        .invalid(key: key, zh: "须为\(zh)", en: "must be \(en)")
    }

    /// A text; nil when absent. NUL is refused: PostgreSQL's text cannot hold it.
    func text(_ key: String) throws -> String? {
        guard let value = values[key] else { return nil }
        guard case .string(let text) = value else { throw Self.wrongType(key, zh: "字符串", en: "a string") }
        guard !text.utf8.contains(0) else { throw ServiceError.invalid(key: key, zh: "含有 NUL 字符", en: "holds a NUL character") }
        return text
    }

    func requiredText(_ key: String) throws -> String {
        guard let text = try text(key) else { throw Self.missing(key) }
        return text
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = values[key] else { return nil }
        guard case .bool(let flag) = value else { throw Self.wrongType(key, zh: "true 或 false", en: "true or false") }
        return flag
    }

    /// A whole number (`3`, `3.0`); nil when absent. Beyond ±2^53 a JSON number is not exact.
    func integer(_ key: String) throws -> Int? {
        guard let value = values[key] else { return nil }
        guard case .number(let number) = value, number == number.rounded(), abs(number) <= 9_007_199_254_740_992 else {
            throw Self.wrongType(key, zh: "整数", en: "a whole number")
        }
        return Int(number)
    }

    func requiredInteger(_ key: String) throws -> Int {
        guard let number = try integer(key) else { throw Self.missing(key) }
        return number
    }

    /// A key whose only value is `true` (`"accept": true`); absent: false.
    func only(_ key: String) throws -> Bool {
        guard let value = values[key] else { return false }
        guard case .bool(true) = value else { throw Self.wrongType(key, zh: "true", en: "true") }
        return true
    }

    /// An array of texts (codes); empty when absent.
    func texts(_ key: String) throws -> [String] {
        guard let value = values[key] else { return [] }
        guard case .array(let items) = value else { throw Self.wrongType(key, zh: "字符串数组", en: "an array of strings") }
        return try items.map {
            guard case .string(let text) = $0, !text.utf8.contains(0) else {
                throw Self.wrongType(key, zh: "字符串数组", en: "an array of strings")
            }
            return text
        }
    }

    /// One of an enum's raw values.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws -> E? where E.RawValue == String {
        guard let text = try text(key) else { return nil }
        guard let value = E(rawValue: text) else {
            let choices = E.allCases.map(\.rawValue).joined(separator: "|")
            throw ServiceError.invalid(key: key, zh: "\(Text.printable(text)) 不是\(choices)之一",
                                       en: "\(Text.printable(text)) is not one of \(choices)")
        }
        return value
    }

    func requiredChoice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws -> E where E.RawValue == String {
        guard let value = try choice(key, type) else { throw Self.missing(key) }
        return value
    }

    /// A calendar day, `YYYY-MM-DD`, from 1900-01-01 to 9999-12-31.
    func day(_ key: String) throws -> Day? {
        guard let text = try text(key) else { return nil }
        guard let day = Day(text) else {
            throw ServiceError.invalid(key: key, zh: "\(Text.printable(text)) 不是 YYYY-MM-DD 格式的有效日期（\(Day.first) 至 \(Day.last)）",
                                       en: "\(Text.printable(text)) is not a date YYYY-MM-DD from \(Day.first) to \(Day.last)")
        }
        return day
    }

    /// The day the step happened: `on`, else today; never after today (the CLI's refusal).
    func on(today: Day) throws -> Day {
        guard let day = try day("on") else { return today }
        try StepDate.checkNotAfterToday(day, today: today)
        return day
    }

    /// Two keys that exclude each other, or neither of two of which one is needed.
    static func exactlyOne(_ a: String, _ b: String) -> ServiceError {
        .invalid(key: nil, zh: "须给出 \(a) 或 \(b) 之一", en: "give \(a) or \(b), exactly one of them")
    }
}
