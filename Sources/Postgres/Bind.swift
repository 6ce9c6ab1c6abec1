import CLibPQ

/// One parameter of a statement: its PostgreSQL type and its text form (nil is NULL).
///
/// Values travel beside the SQL text (`PQexecParams`), never inside it, so no value can
/// ever be read as SQL.
public struct PostgresBind: Sendable, Equatable {
    public var type: UInt32
    public var text: String?

    public init(type: UInt32, text: String?) {
        self.type = type
        self.text = text
    }
}

/// Type OIDs of the built-in types we bind and read.
public enum PostgresType {
    public static let bool: UInt32 = 16
    public static let int8: UInt32 = 20
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let float8: UInt32 = 701
    public static let int4Array: UInt32 = 1007
    public static let textArray: UInt32 = 1009
    public static let int8Array: UInt32 = 1016
    public static let date: UInt32 = 1082
    public static let unknown: UInt32 = 0
}

/// A Swift value that can be sent as a statement parameter.
public protocol PostgresBindable {
    static var postgresType: UInt32 { get }
    var postgresText: String { get }
}

extension String: PostgresBindable {
    public static var postgresType: UInt32 { PostgresType.text }
    public var postgresText: String { self }
}

extension Substring: PostgresBindable {
    public static var postgresType: UInt32 { PostgresType.text }
    public var postgresText: String { String(self) }
}

extension Int: PostgresBindable {
    public static var postgresType: UInt32 { PostgresType.int8 }
    public var postgresText: String { String(self) }
}

extension Int32: PostgresBindable {
    public static var postgresType: UInt32 { PostgresType.int4 }
    public var postgresText: String { String(self) }
}

extension Int64: PostgresBindable {
    public static var postgresType: UInt32 { PostgresType.int8 }
    public var postgresText: String { String(self) }
}

extension Double: PostgresBindable {
    public static var postgresType: UInt32 { PostgresType.float8 }
    public var postgresText: String { "\(self)" }
}

extension Bool: PostgresBindable {
    public static var postgresType: UInt32 { PostgresType.bool }
    public var postgresText: String { self ? "t" : "f" }
}

/// A value that can be an element of a bound array, and the array type that holds it.
public protocol PostgresArrayElement: PostgresBindable {
    static var postgresArrayType: UInt32 { get }
}

extension String: PostgresArrayElement {
    public static var postgresArrayType: UInt32 { PostgresType.textArray }
}

extension Int: PostgresArrayElement {
    public static var postgresArrayType: UInt32 { PostgresType.int8Array }
}

extension Int32: PostgresArrayElement {
    public static var postgresArrayType: UInt32 { PostgresType.int4Array }
}

/// `text[]`, `bigint[]` or `integer[]`, written in the array literal syntax with every
/// element quoted, so one bound parameter carries a whole column of values (`unnest`).
extension Array: PostgresBindable where Element: PostgresArrayElement {
    public static var postgresType: UInt32 { Element.postgresArrayType }
    public var postgresText: String {
        var literal = "{"
        literal.reserveCapacity(count * 8)
        for (index, element) in enumerated() {
            if index > 0 { literal += "," }
            literal += "\""
            for character in element.postgresText.unicodeScalars {
                if character == "\"" || character == "\\" { literal += "\\" }
                literal.unicodeScalars.append(character)
            }
            literal += "\""
        }
        return literal + "}"
    }
}

extension PostgresBindable {
    public var postgresBind: PostgresBind { PostgresBind(type: Self.postgresType, text: postgresText) }
}
