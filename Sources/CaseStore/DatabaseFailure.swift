import Postgres

/// A PostgreSQL error as a front end sees it: what the user can do about it, and the
/// server's own words, without the driver's types. A front end maps the category to its
/// exit code or status and words the rest.
public struct DatabaseFailure: Sendable, Equatable {
    /// The remedy; see `PostgresError.Category`, the one table from SQLSTATE to these.
    public enum Category: Sendable, Equatable, CaseIterable {
        case dataRejected, conflict, busy, readOnly, connectionLost, refused, schemaMismatch, bug
    }

    public let category: Category
    /// The server's (or libpq's) message, which may run over several lines.
    public let message: String
    /// Everything known about the error, for a bug report.
    public let description: String
    public let sqlState: String?
    public let detail: String?
    public let table: String?
    public let column: String?
    public let constraint: String?
    /// How many times a retried transaction ran before giving up.
    public let attempts: Int

    /// The database failure `error` is, or nil when it is none.
    public init?(_ error: Error) {
        guard let error = error as? PostgresError else { return nil }
        category = switch error.category {
        case .dataRejected: .dataRejected
        case .conflict: .conflict
        case .busy: .busy
        case .readOnly: .readOnly
        case .connectionLost: .connectionLost
        case .refused: .refused
        case .schemaMismatch: .schemaMismatch
        case .bug: .bug
        }
        message = error.message
        description = error.description
        sqlState = error.sqlState
        detail = error.detail
        table = error.table
        column = error.column
        constraint = error.constraint
        attempts = error.attempts
    }

}
