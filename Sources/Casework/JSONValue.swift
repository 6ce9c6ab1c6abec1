/// A JSON value that keeps its keys in the order given, writes null for absent values
/// and Chinese text as itself, so output is stable and readable.
public indirect enum JSONValue: Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// Already-serialized JSON (e.g. a jsonb column), written as it is.
    case raw(String)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    public func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes UTF-8 bytes: appending bytes is several times cheaper than growing a String
    /// piece by piece, which matters for reports of many thousands of objects.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .number(let value): out.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
        case .string(let value): Self.quote(value, into: &out)
        case .raw(let text): Self.writeRaw(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a quoted JSON string, for writers that build JSON without values.
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) { quote(text, into: &out) }

    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Most text needs no escape: copy it whole.
            guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || mayLead($0) }) else {
                out.append(contentsOf: bytes)
                return
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0..<0x20: appendEscape(UInt32(byte), to: &out)
                default:
                    if let (scalar, length) = invisible(bytes, at: index) {
                        appendEscape(scalar, to: &out)
                        index += length
                        continue
                    }
                    out.append(byte)
                }
                index += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Serialized JSON from elsewhere (PostgreSQL's jsonb, which escapes C0 itself). The other
    /// characters `quote` escapes can only stand inside its strings, so escaping them keeps
    /// the value exact.
    private static func writeRaw(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: mayLead) else {
                out.append(contentsOf: bytes)
                return
            }
            var index = 0
            while index < bytes.count {
                if let (scalar, length) = invisible(bytes, at: index) {
                    appendEscape(scalar, to: &out)
                    index += length
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
        }
    }

    /// DEL, the C1 controls, U+2028/U+2029 and the bidi embeddings, overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069) are escaped too. JSON allows them raw, but a terminal
    /// obeys them, and JavaScript before ES2019 ends a string at U+2028: escaped, the value
    /// is the same and the document is safe to print anywhere.
    private static func mayLead(_ byte: UInt8) -> Bool { byte == 0x7F || byte == 0xC2 || byte == 0xE2 }

    /// The scalar starting at `index` and its length in bytes, when it is one of those.
    private static func invisible(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let byte = bytes[index]
        if byte == 0x7F { return (0x7F, 1) }
        if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return (UInt32(bytes[index + 1]), 2) }
        guard byte == 0xE2, index + 2 < bytes.count else { return nil }
        let (second, third) = (bytes[index + 1], bytes[index + 2])
        if second == 0x80, (0xA8...0xAE).contains(third) { return (0x2000 + UInt32(third - 0x80), 3) }
        if second == 0x81, (0xA6...0xA9).contains(third) { return (0x2040 + UInt32(third - 0x80), 3) }
        return nil
    }

    private static func appendEscape(_ scalar: UInt32, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        let v = Int(scalar)
        out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[v >> 12 & 0xF], hex[v >> 8 & 0xF], hex[v >> 4 & 0xF], hex[v & 0xF]])
    }
}
