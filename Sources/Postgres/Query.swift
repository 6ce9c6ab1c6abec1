/// SQL text with its parameters.
///
/// Written as a string literal; every interpolated value becomes a `$n` parameter:
///
/// ```swift
/// let rows = try connection.query("SELECT name FROM deputy WHERE code = \(code)")
/// ```
///
/// SQL built from run-time text needs the explicit `PostgresQuery(unsafeSQL:)`, so that
/// it stands out in review; it is meant for SQL that ships with the program.
public struct PostgresQuery: Sendable, Equatable, ExpressibleByStringInterpolation {
    public var sql: String
    public var binds: [PostgresBind]

    public init(unsafeSQL sql: String, binds: [PostgresBind] = []) {
        self.sql = sql
        self.binds = binds
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, binds: stringInterpolation.binds)
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [PostgresBind] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        public mutating func appendInterpolation<Value: PostgresBindable>(_ value: Value) {
            append(value.postgresBind)
        }

        public mutating func appendInterpolation<Value: PostgresBindable>(_ value: Value?) {
            append(PostgresBind(type: Value.postgresType, text: value?.postgresText))
        }

        /// SQL text that ships with the program (a column list, say), spliced in as it is.
        /// Never pass text that came from input.
        public mutating func appendInterpolation(unsafeRaw sql: StaticString) {
            sql.withUTF8Buffer { self.sql += String(decoding: $0, as: UTF8.self) }
        }

        public mutating func appendInterpolation(bind: PostgresBind) {
            append(bind)
        }

        private mutating func append(_ bind: PostgresBind) {
            binds.append(bind)
            sql += "$\(binds.count)"
        }
    }
}
