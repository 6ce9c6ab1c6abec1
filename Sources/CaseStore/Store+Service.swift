import Postgres

/// What a long-running front end (the web service) needs from a store besides its use cases.
extension Store {
    /// Asks the server a trivial question: succeeds only when the connection answers.
    public func ping() throws {
        try connection.query("SELECT 1")
    }

    /// Whether the connection broke; such a store answers nothing more and must be replaced.
    public var isBroken: Bool { connection.isBroken }

    /// Cancels any statement of this store that runs longer than `milliseconds` (0: no limit),
    /// so one slow request cannot hold a pooled connection for ever.
    public func limitStatements(toMilliseconds milliseconds: Int) throws {
        try connection.query("SELECT set_config('statement_timeout', \(String(milliseconds)), false)")
    }
}
