/// The columns of a result, shared by its rows.
public final class Columns: Sendable {
    public let names: [String]
    public let types: [UInt32]
    @usableFromInline let indexByName: [String: Int]

    init(names: [String], types: [UInt32]) {
        self.names = names
        self.types = types
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        indexByName = index
    }

    /// The position of a column, or a decoding error naming it and the columns there are.
    /// Resolve positions once and read rows with `decode(_:at:)` in loops over many rows.
    public func position(of name: String) throws -> Int {
        guard let index = index(of: name) else {
            throw PostgresError(
                kind: .decoding, message: "no column \"\(name)\" in the result (columns: \(names.joined(separator: ", ")))")
        }
        return index
    }

    @inlinable
    public func index(of name: String) -> Int? {
        // Results are narrow: comparing a few short names beats hashing one, row after row.
        if names.count <= 16 { return names.firstIndex(of: name) }
        return indexByName[name]
    }
}

/// One row of a result, in PostgreSQL's text format; read values with `decode`.
public struct Row: Sendable {
    public let columns: Columns
    /// The raw text of each column; nil is SQL NULL.
    public let values: [String?]

    public init(columns: Columns, values: [String?]) {
        self.columns = columns
        self.values = values
    }

    /// The value of a column that must not be NULL.
    @inlinable
    public func decode<Value: PostgresDecodable>(_ type: Value.Type = Value.self, _ column: String) throws -> Value {
        try decode(Value.self, at: try columns.position(of: column))
    }

    /// The value of the column at `index` (from `Columns.position(of:)`), which must not be NULL.
    @inlinable
    public func decode<Value: PostgresDecodable>(_ type: Value.Type = Value.self, at index: Int) throws -> Value {
        guard let text = values[index] else {
            throw PostgresError(kind: .decoding, message: "column \"\(columns.names[index])\" is NULL where a \(Value.self) is required")
        }
        return try Self.decode(Value.self, text, column: columns.names[index])
    }

    /// The value of a column that may be NULL.
    @inlinable
    public func decode<Value: PostgresDecodable>(_ type: Value?.Type, _ column: String) throws -> Value? {
        let index = try columns.position(of: column)
        return values[index] == nil ? nil : try decode(Value.self, at: index)
    }

    public subscript(_ column: String) -> String? {
        columns.index(of: column).flatMap { values[$0] }
    }

    @inlinable
    static func decode<Value: PostgresDecodable>(_ type: Value.Type, _ text: String, column: String) throws -> Value {
        guard let value = Value(postgresText: text) else {
            throw PostgresError(kind: .decoding, message: "column \"\(column)\": cannot read \"\(text.prefix(40))\" as \(Value.self)")
        }
        return value
    }
}

/// A Swift value that can be read from PostgreSQL's text format.
public protocol PostgresDecodable {
    init?(postgresText: String)
}

extension String: PostgresDecodable {
    public init?(postgresText: String) { self = postgresText }
}

extension Int: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Int32: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Int64: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Double: PostgresDecodable {
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Bool: PostgresDecodable {
    public init?(postgresText: String) {
        switch postgresText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

/// The rows and command tag of one statement.
public struct QueryResult: Sendable {
    public let columns: Columns
    public let rows: [Row]
    /// The command tag, e.g. `INSERT 0 1`, `UPDATE 3`, `COMMIT`, `ROLLBACK`.
    public let commandTag: String
    /// Rows inserted, updated, deleted, selected or copied, when the tag says.
    public let affectedRows: Int?
}

/// `text[]` in PostgreSQL's array output syntax: `{a,"b c","d\"e"}`; NULL elements are
/// not allowed (a decoding error).
extension Array: PostgresDecodable where Element == String {
    public init?(postgresText: String) {
        var scalars = postgresText.unicodeScalars.makeIterator()
        guard scalars.next() == "{" else { return nil }
        var items: [String] = []
        var current = String.UnicodeScalarView()
        var quoted = false, wasQuoted = false, closed = false
        while let scalar = scalars.next() {
            if quoted {
                switch scalar {
                case "\\": guard let next = scalars.next() else { return nil }; current.append(next)
                case "\"": quoted = false
                default: current.append(scalar)
                }
                continue
            }
            switch scalar {
            case "{": return nil  // a multi-dimensional array is not a [String]
            case "\"": quoted = true; wasQuoted = true
            case ",", "}":
                let text = String(current)
                if !wasQuoted && text == "NULL" { return nil }
                if wasQuoted || !text.isEmpty { items.append(text) }
                current = String.UnicodeScalarView()
                wasQuoted = false
                if scalar == "}" { closed = true }
            default: current.append(scalar)
            }
            if closed { break }
        }
        guard closed, !quoted, scalars.next() == nil else { return nil }
        self = items
    }
}
