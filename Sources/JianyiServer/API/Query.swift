import CaseStore
import Casework
import Foundation
import Hummingbird

/// A request's query string, read strictly: every parameter must be one the operation
/// documents, given once, with a value of its type. Anything else is 400 `invalid` naming the
/// parameter, so a misspelt filter is never mistaken for no filter.
struct Query {
    private var values: [String: String] = [:]

    /// Percent-decoded (`+` is a space, as in forms) and checked against `known`.
    init(_ request: Request, known: Set<String>) throws {
        for item in (request.uri.query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else {
                throw ServiceError.invalid(key: nil, zh: "查询参数的编码无效", en: "a query parameter is not valid percent-encoded UTF-8")
            }
            guard known.contains(name) else {
                throw ServiceError.invalid(key: name, zh: "没有这个查询参数（可用：\(known.sorted().joined(separator: ", "))）",
                                           en: "no such query parameter (known: \(known.sorted().joined(separator: ", ")))")
            }
            guard values[name] == nil else {
                throw ServiceError.invalid(key: name, zh: "只能给一次", en: "is given more than once")
            }
            guard let value = parts.count > 1 ? Self.decode(parts[1]) : "" else {
                throw ServiceError.invalid(key: name, zh: "编码无效", en: "is not valid percent-encoded UTF-8")
            }
            guard !value.utf8.contains(0) else {
                throw ServiceError.invalid(key: name, zh: "不能含有 NUL 字符", en: "must not hold a NUL character")
            }
            values[name] = value
        }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A text parameter as given; nil when absent.
    func text(_ name: String) -> String? { values[name] }

    /// `true` or `false`; absent: `false`.
    func flag(_ name: String) throws -> Bool {
        switch values[name] {
        case nil, "false": return false
        case "true": return true
        case let value?: throw ServiceError.invalid(key: name, zh: "“\(value)”不是 true 或 false", en: "'\(value)' is not true or false")
        }
    }

    /// A whole number in `range` (decimal digits only); absent: `otherwise`.
    func integer(_ name: String, in range: ClosedRange<Int>, otherwise: Int) throws -> Int {
        guard let value = values[name] else { return otherwise }
        guard value.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(value), range.contains(number) else {
            throw ServiceError.invalid(key: name, zh: "“\(value)”不是 \(range.lowerBound) 到 \(range.upperBound) 之间的整数",
                                       en: "'\(value)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A day, `YYYY-MM-DD`, from 1900-01-01 to 9999-12-31; nil when absent.
    func day(_ name: String) throws -> Day? {
        guard let value = values[name] else { return nil }
        guard let day = Day(value) else {
            throw ServiceError.invalid(key: name, zh: "“\(value)”不是 \(Day.first) 至 \(Day.last) 之间的日期（YYYY-MM-DD）",
                                       en: "'\(value)' is not a date from \(Day.first) to \(Day.last) (YYYY-MM-DD)")
        }
        return day
    }

    /// One of a vocabulary's words; nil when absent.
    func word<Word: RawRepresentable & CaseIterable>(_ name: String, _: Word.Type) throws -> Word? where Word.RawValue == String {
        guard let value = values[name] else { return nil }
        guard let word = Word(rawValue: value) else {
            let choices = Word.allCases.map(\.rawValue).joined(separator: "|")
            throw ServiceError.invalid(key: name, zh: "“\(value)”不是\(choices)之一", en: "'\(value)' is not one of \(choices)")
        }
        return word
    }

    static let pageParameters: Set<String> = ["limit", "offset"]

    /// `limit` (1–500, default 50) and `offset` (default 0), as the document's Limit and Offset.
    func page() throws -> Page {
        Page(limit: try integer("limit", in: 1...500, otherwise: 50), offset: try integer("offset", in: 0...Int(Int32.max), otherwise: 0))
    }
}
