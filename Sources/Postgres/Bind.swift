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
    public static let textArray: UInt32 = 1009
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

/// `text[]`, written in the array literal syntax with every element quoted.
extension Array: PostgresBindable where Element == String {
    public static var postgresType: UInt32 { PostgresType.textArray }
    public var postgresText: String {
        let items = map { element -> String in
            var quoted = "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.unicodeScalars.append(character)
            }
            return quoted + "\""
        }
        return "{" + items.joined(separator: ",") + "}"
    }
}

extension PostgresBindable {
    public var postgresBind: PostgresBind { PostgresBind(type: Self.postgresType, text: postgresText) }
}
