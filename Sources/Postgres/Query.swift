/// SQL text with its parameters.
///
/// Written as a string literal; every interpolated value becomes a `$n` parameter:
///
/// ```swift
/// let rows = try connection.query("SELECT name FROM deputy WHERE code = \(code)")
/// ```
///
/// Queries are values: a fragment (a filter, a join) is a `PostgresQuery` too, and splicing
/// it into another (`\(fragment)`, `+`, `append`) renumbers its parameters, so a query with
/// optional parts is built from pieces without a single hand-written `$n`.
///
/// SQL built from run-time text needs the explicit `PostgresQuery(unsafeSQL:)`, so that
/// it stands out in review; it is meant for SQL that ships with the program.
public struct PostgresQuery: Sendable, Equatable, ExpressibleByStringInterpolation {
    public private(set) var sql: String
    public private(set) var binds: [PostgresBind]
    /// One of the few statements without parameters that the program itself repeats, word for
    /// word (BEGIN, COMMIT, a setting it sets around other statements): a connection that
    /// prepares its statements prepares these too (`PreparedStatements`). Set by `fixed(_:)`;
    /// text built at run time, such as `SAVEPOINT jianyi_sp_7`, never is.
    public private(set) var isFixed = false
    /// Where each bind's `$n` stands in `sql` (UTF-8 offsets, in bind order), so that the
    /// query can be spliced into another and renumbered. Nil when the numbers were written
    /// by hand (`unsafeSQL:binds:`): such a query can only begin a longer one.
    private var placeholders: [Range<Int>]?

    public init(unsafeSQL sql: String, binds: [PostgresBind] = []) {
        self.sql = sql
        self.binds = binds
        placeholders = binds.isEmpty ? [] : nil
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.query
    }

    /// A statement without parameters that the program repeats word for word (`isFixed`).
    public static func fixed(_ sql: StaticString) -> PostgresQuery {
        var query = PostgresQuery(unsafeSQL: sql.withUTF8Buffer { String(decoding: $0, as: UTF8.self) })
        query.isFixed = true
        return query
    }

    /// Adds `other` at the end, its parameters numbered after these.
    public mutating func append(_ other: PostgresQuery) {
        // Whatever is added, the statement is no longer the fixed one.
        if !other.sql.isEmpty { isFixed = false }
        guard !other.binds.isEmpty else {
            sql += other.sql
            return
        }
        guard let theirs = other.placeholders else {
            precondition(binds.isEmpty, "a query with hand-numbered parameters cannot follow one with parameters")
            sql += other.sql
            binds = other.binds
            placeholders = nil
            return
        }
        let text = Array(other.sql.utf8)
        var cursor = 0
        for (index, placeholder) in theirs.enumerated() {
            sql += String(decoding: text[cursor..<placeholder.lowerBound], as: UTF8.self)
            appendPlaceholder(other.binds[index])
            cursor = placeholder.upperBound
        }
        sql += String(decoding: text[cursor...], as: UTF8.self)
    }

    public static func + (lhs: PostgresQuery, rhs: PostgresQuery) -> PostgresQuery {
        var result = lhs
        result.append(rhs)
        return result
    }

    public static func += (lhs: inout PostgresQuery, rhs: PostgresQuery) {
        lhs.append(rhs)
    }

    private mutating func appendPlaceholder(_ bind: PostgresBind) {
        binds.append(bind)
        let start = sql.utf8.count
        sql += "$\(binds.count)"
        placeholders?.append(start..<sql.utf8.count)
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var query = PostgresQuery(unsafeSQL: "")

        public init(literalCapacity: Int, interpolationCount: Int) {
            query.sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            query.sql += literal
        }

        public mutating func appendInterpolation<Value: PostgresBindable>(_ value: Value) {
            query.appendPlaceholder(value.postgresBind)
        }

        public mutating func appendInterpolation<Value: PostgresBindable>(_ value: Value?) {
            query.appendPlaceholder(PostgresBind(type: Value.postgresType, text: value?.postgresText))
        }

        /// Another query (a filter, a join), spliced in with its parameters renumbered.
        public mutating func appendInterpolation(_ fragment: PostgresQuery) {
            query.append(fragment)
        }

        /// SQL text that ships with the program (a column list, say), spliced in as it is.
        /// Never pass text that came from input.
        public mutating func appendInterpolation(unsafeRaw sql: StaticString) {
            sql.withUTF8Buffer { query.sql += String(decoding: $0, as: UTF8.self) }
        }

        /// A constant of the program (a vocabulary's word) written into the SQL text as a quoted
        /// literal instead of bound. For the values a partial index's predicate names
        /// (`status = 'open'`): PostgreSQL matches a predicate against the statement's text, so
        /// with `status = $3` a prepared statement's generic plan cannot use the index, the
        /// planner keeps to custom plans, and every execution is planned again.
        public mutating func appendInterpolation<Value: PostgresConstant>(literal value: Value) {
            query.sql += PostgresQuery.quoted(value.postgresText)
        }

        public mutating func appendInterpolation(bind: PostgresBind) {
            query.appendPlaceholder(bind)
        }
    }
}

extension PostgresQuery {
    /// `text` as an SQL string literal: quotes doubled. A backslash (whose meaning depends on
    /// standard_conforming_strings) and NUL (which no PostgreSQL text holds) are refused.
    static func quoted(_ text: String) -> String {
        precondition(!text.unicodeScalars.contains { $0 == "\\" || $0 == "\0" }, "an SQL literal cannot hold a backslash or NUL")
        var literal = "'"
        for character in text.unicodeScalars {
            literal.unicodeScalars.append(character)
            if character == "'" { literal += "'" }
        }
        return literal + "'"
    }
}

/// A value of a closed set fixed when the program is built (an enum's case, never input), which
/// a query may write into its text as a literal: `\(literal: ObligationStatus.open)`. Only a
/// CaseIterable type can conform, so no open type such as String ever can: input text is never
/// written into SQL, and every literal is one of a few statements the connection prepares.
public protocol PostgresConstant: PostgresBindable, CaseIterable {}

extension Sequence where Element == PostgresQuery {
    /// The queries one after another with `separator` between them (conditions joined by
    /// `AND`, say), every parameter renumbered.
    public func joined(separator: PostgresQuery) -> PostgresQuery {
        var result = PostgresQuery(unsafeSQL: "")
        for (index, part) in enumerated() {
            if index > 0 { result.append(separator) }
            result.append(part)
        }
        return result
    }
}
