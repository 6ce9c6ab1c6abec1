import CLibPQ

/// An error from the server, from libpq, or from reading a value.
///
/// Server errors carry the five-character SQLSTATE (`23505` for a unique violation,
/// `40001` for a serialization failure, …) so callers can branch on the code rather
/// than on message text, which the server may translate.
public struct PostgresError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The server could not be reached or the connection broke.
        case connection
        /// The server refused a statement; `sqlState` says why.
        case server
        /// A value cannot be sent (e.g. a NUL byte in text) or a COPY was misused.
        case client
        /// A returned value does not have the expected type, or is NULL where none is allowed.
        case decoding
    }

    public var kind: Kind
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    /// The constraint a violation names, when the server says.
    public var constraint: String?
    /// The table and column an error is about, when the server says (violations, bad values).
    public var table: String?
    public var column: String?
    /// How many times the work was tried before this error was given up on (see
    /// `retryingTransaction`).
    public var attempts = 1

    public init(
        kind: Kind, sqlState: String? = nil, message: String,
        detail: String? = nil, hint: String? = nil, constraint: String? = nil,
        table: String? = nil, column: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    public var description: String {
        var text = message
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let detail { text += " — \(detail)" }
        if let hint { text += " Hint: \(hint)" }
        return text
    }

    public var isUniqueViolation: Bool { sqlState == SQLState.uniqueViolation }

    /// The server gave up on the statement because of other sessions or a time limit, not
    /// because of what it asked: a serialization failure, a deadlock, a lock it could not get
    /// in time, a statement timeout. The transaction was rolled back; running it again is the
    /// remedy. (Not all of class 40: 40003 says the outcome is unknown.)
    public var isWorthRetrying: Bool {
        kind == .server && category == .conflict
    }
}

/// SQLSTATE codes this project branches on.
public enum SQLState {
    public static let uniqueViolation = "23505"
    public static let notNullViolation = "23502"
    public static let serializationFailure = "40001"
    public static let deadlockDetected = "40P01"
    public static let lockNotAvailable = "55P03"
    public static let queryCanceled = "57014"
    public static let characterNotInRepertoire = "22021"
    public static let undefinedTable = "42P01"
    public static let raiseException = "P0001"
    public static let inFailedTransaction = "25P02"
    public static let featureNotSupported = "0A000"
    public static let invalidStatementName = "26000"
}

extension PostgresError {
    /// Reads the diagnostic fields of a failed result.
    static func from(result: OpaquePointer?, connection: OpaquePointer?) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let result, let raw = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: raw)
        }
        if let message = field("M") {
            return PostgresError(
                kind: .server, sqlState: field("C"), message: message,
                detail: field("D"), hint: field("H"), constraint: field("n"), table: field("t"), column: field("c"))
        }
        let fallback = connection.flatMap { PQerrorMessage($0) }.map { Secrets.redacted(String(cString: $0)) } ?? ""
        let trimmed = fallback.trimmingTrailingNewlines()
        let broken = connection.map { PQstatus($0) != CONNECTION_OK } ?? true
        return PostgresError(
            kind: broken ? .connection : .server,
            message: trimmed.isEmpty ? "the server returned no result" : trimmed)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while let last = text.last, last.isNewline || last == " " { text.removeLast() }
        return text
    }
}
