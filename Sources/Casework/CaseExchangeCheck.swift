extension CaseExchange {
    /// A record's value that does not fit the layout: the field (its index in `fields`), the
    /// offending value as text, and why.
    public struct Problem: Error, Sendable, Equatable {
        public let column: Int
        public let value: String?
        public let why: String
    }

    /// Checks a record (one value per field, in `fields` order) and gives the text each field
    /// is staged as: the value as PostgreSQL reads it, a code list as an array literal, a list
    /// as compact JSON; nil for null. The first field that does not fit is the problem.
    public static func staged(_ values: [JSONValue]) -> Result<[String?], Problem> {
        var staged: [String?] = []
        staged.reserveCapacity(fields.count)
        for (index, field) in fields.enumerated() {
            let value = index < values.count ? values[index] : .null
            switch check(value, as: field) {
            case .success(let text): staged.append(text)
            case .failure(let why): return .failure(Problem(column: index, value: shown(value), why: why.text))
            }
        }
        if staged[0] != String(formatVersion) {
            return .failure(Problem(column: 0, value: staged[0], why: "this jianyi reads version \(formatVersion) of the layout"))
        }
        return .success(staged)
    }

    struct Why: Error { let text: String; init(_ text: String) { self.text = text } }

    private static func check(_ value: JSONValue, as field: Field) -> Result<String?, Why> {
        if case .null = value {
            return field.nullable ? .success(nil) : .failure(Why("a value is required"))
        }
        switch (field.kind, value) {
        case (.text, .string(let text)):
            return .success(text)
        case (.word(let allowed), .string(let word)):
            if let allowed {
                return allowed.contains(word) ? .success(word) : .failure(Why("must be one of \(allowed.joined(separator: ", "))"))
            }
            return isCode(word) ? .success(word) : .failure(Why("not a code (letters, digits, _ . -; at most 64)"))
        case (.day, .string(let text)):
            guard let day = Day(text), day.description == text else { return .failure(Why("not a date YYYY-MM-DD from 1900-01-01 to 9999-12-31")) }
            return .success(day.description)
        case (.int, .int(let number)):
            return .success(String(number))
        case (.bool, .bool(let flag)):
            return .success(flag ? "true" : "false")
        case (.instant, .string(let text)):
            return isInstant(text) ? .success(text) : .failure(Why("not a UTC moment YYYY-MM-DDTHH:MM:SS.ffffffZ"))
        case (.codes, .array(let items)):
            var codes: [String] = []
            for item in items {
                guard case .string(let code) = item, isCode(code) else { return .failure(Why("not a list of deputy codes")) }
                codes.append(code)
            }
            return .success("{" + codes.joined(separator: ",") + "}")
        case (.object, .object):
            return .success(value.serialized())
        case (.list(let elements), .array(let items)):
            for (position, item) in items.enumerated() {
                guard case .object(let pairs) = item else { return .failure(Why("item \(position + 1) is not an object")) }
                let names = pairs.map(\.0)
                if let unknown = names.first(where: { name in !elements.contains { $0.name == name } }) {
                    return .failure(Why("item \(position + 1) has an unknown field \(unknown)"))
                }
                if Set(names).count != names.count { return .failure(Why("item \(position + 1) gives a field twice")) }
                for element in elements {
                    let inner = pairs.first { $0.0 == element.name }?.1
                    guard let inner else { return .failure(Why("item \(position + 1) has no \(element.name)")) }
                    if case .failure(let why) = check(inner, as: element) {
                        return .failure(Why("item \(position + 1), \(element.name): \(why.text)"))
                    }
                }
            }
            return .success(value.serialized())
        default:
            return .failure(Why("expected \(expected(field.kind))"))
        }
    }

    private static func expected(_ kind: Kind) -> String {
        switch kind {
        case .text, .word: "text"
        case .day: "a date YYYY-MM-DD"
        case .int: "a whole number"
        case .bool: "true or false"
        case .instant: "a UTC moment YYYY-MM-DDTHH:MM:SS.ffffffZ"
        case .codes: "a list of deputy codes"
        case .object: "an object"
        case .list: "a list of objects"
        }
    }

    private static func shown(_ value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case .string(let text): text
        default: value.serialized()
        }
    }

    /// The characters codes are made of (units, deputies, numbers, sessions, vocabulary), so
    /// that a code is safe in an array literal and a CSV cell alike.
    static func isCode(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"): true
            default: false
            }
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` with a valid day and time, as the export writes moments.
    static func isInstant(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 27, bytes[10] == UInt8(ascii: "T"), bytes[26] == UInt8(ascii: "Z"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
              let day = Day(String(decoding: bytes[0..<10], as: UTF8.self)),
              day.description == String(decoding: bytes[0..<10], as: UTF8.self) else { return false }
        func number(_ range: Range<Int>) -> Int? {
            bytes[range].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
                ? Int(String(decoding: bytes[range], as: UTF8.self)) : nil
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              number(20..<26) != nil else { return false }
        return hour < 24 && minute < 60 && second < 60
    }
}
