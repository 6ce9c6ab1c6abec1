#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibPQ

extension Connection {
    public enum IsolationLevel: String, Sendable {
        case readCommitted = "READ COMMITTED"
        case repeatableRead = "REPEATABLE READ"
        case serializable = "SERIALIZABLE"
    }

    /// Runs `body` inside BEGIN … COMMIT. Any error thrown by `body` rolls everything back
    /// and is rethrown. A COMMIT that the server turns into ROLLBACK (because a statement
    /// failed and the error was swallowed) throws instead of pretending to have committed.
    ///
    /// Called inside another transaction, it runs in a savepoint instead, so an inner
    /// failure undoes only the inner work and the outer transaction decides the rest.
    public func transaction<Value>(
        _ isolation: IsolationLevel = .readCommitted,
        _ body: (Connection) throws -> Value
    ) throws -> Value {
        if PQtransactionStatus(handle) != PQTRANS_IDLE {
            return try savepoint(body)
        }
        try execute(Self.begin(isolation))
        return try committing(body)
    }

    /// `transaction` whose first statement, `opening`, travels with BEGIN in one round trip
    /// (`pipeline`); `body` gets its result. For the statement every transaction of a kind
    /// starts with, such as setting the acting account.
    public func transaction<Value>(
        _ isolation: IsolationLevel = .readCommitted, opening: PostgresQuery,
        _ body: (Connection, QueryResult) throws -> Value
    ) throws -> Value {
        if PQtransactionStatus(handle) != PQTRANS_IDLE {
            return try savepoint { try body($0, try $0.query(opening)) }
        }
        let opened: QueryResult
        do {
            opened = try pipeline([Self.begin(isolation), opening])[1]
        } catch {
            // BEGIN may have opened the transaction that `opening` then failed in.
            if PQtransactionStatus(handle) != PQTRANS_IDLE { rollbackQuietly() }
            throw error
        }
        return try committing { try body($0, opened) }
    }

    // Every transaction opens and closes with these: fixed, so that a connection preparing its
    // statements does not have PostgreSQL parse them on every web request.
    private static func begin(_ isolation: IsolationLevel) -> PostgresQuery {
        switch isolation {
        case .readCommitted: .fixed("BEGIN ISOLATION LEVEL READ COMMITTED")
        case .repeatableRead: .fixed("BEGIN ISOLATION LEVEL REPEATABLE READ")
        case .serializable: .fixed("BEGIN ISOLATION LEVEL SERIALIZABLE")
        }
    }

    private static let commit = PostgresQuery.fixed("COMMIT")

    /// Runs `body` in the transaction just begun, then COMMIT; ROLLBACK when anything fails.
    private func committing<Value>(_ body: (Connection) throws -> Value) throws -> Value {
        let value: Value
        do {
            value = try body(self)
        } catch {
            rollbackQuietly()
            throw error
        }
        let commit: QueryResult
        do {
            commit = try query(Self.commit)
        } catch {
            rollbackQuietly()
            throw error
        }
        if commit.commandTag == "ROLLBACK" {
            throw PostgresError(
                kind: .server, sqlState: SQLState.inFailedTransaction,
                message: "the transaction was rolled back at COMMIT because a statement in it failed")
        }
        return value
    }

    /// Like `transaction`, but when the server gives up on the transaction because of other
    /// sessions or a time limit (`PostgresError.isWorthRetrying`: a serialization failure, a
    /// deadlock, `lock_timeout`, `statement_timeout`), runs it again after a short pause, up to
    /// `attempts` times in all; the last error says how many (`attempts`). Safe because the
    /// server rolled everything back, as long as `body` does nothing but database work: it must
    /// not print, write files, or keep what it saw in an earlier attempt.
    ///
    /// Inside another transaction it runs once, in a savepoint: the outer one decides.
    public func retryingTransaction<Value>(
        _ isolation: IsolationLevel = .readCommitted, attempts: Int = 3,
        _ body: (Connection) throws -> Value
    ) throws -> Value {
        guard PQtransactionStatus(handle) == PQTRANS_IDLE else { return try savepoint(body) }
        return try retrying(attempts) { try transaction(isolation, body) }
    }

    /// `retryingTransaction` with an `opening` statement sent with BEGIN, as
    /// `transaction(_:opening:_:)`.
    public func retryingTransaction<Value>(
        _ isolation: IsolationLevel = .readCommitted, attempts: Int = 3, opening: PostgresQuery,
        _ body: (Connection, QueryResult) throws -> Value
    ) throws -> Value {
        guard PQtransactionStatus(handle) == PQTRANS_IDLE else {
            return try savepoint { try body($0, try $0.query(opening)) }
        }
        return try retrying(attempts) { try transaction(isolation, opening: opening, body) }
    }

    private func retrying<Value>(_ attempts: Int, _ once: () throws -> Value) throws -> Value {
        var attempt = 1
        // About 100 ms, then 300 ms, …, spread so that two sessions that collided do not
        // collide again in step.
        var pause: UInt32 = 100_000
        while true {
            do {
                return try once()
            } catch var error as PostgresError where error.isWorthRetrying {
                guard attempt < attempts else {
                    error.attempts = attempt
                    throw error
                }
                usleep(UInt32.random(in: pause / 2...pause + pause / 2))
                pause *= 3
                attempt += 1
            }
        }
    }

    private func savepoint<Value>(_ body: (Connection) throws -> Value) throws -> Value {
        savepointCounter += 1
        let name = "jianyi_sp_\(savepointCounter)"
        try execute(PostgresQuery(unsafeSQL: "SAVEPOINT \(name)"))
        do {
            let value = try body(self)
            try execute(PostgresQuery(unsafeSQL: "RELEASE SAVEPOINT \(name)"))
            return value
        } catch {
            _ = try? execute(PostgresQuery(unsafeSQL: "ROLLBACK TO SAVEPOINT \(name)"))
            throw error
        }
    }

    private func rollbackQuietly() {
        _ = try? execute("ROLLBACK")
    }

    /// Takes a transaction-scoped advisory lock, waiting for it; released at COMMIT/ROLLBACK.
    public func advisoryLock(_ key: Int64) throws {
        try execute("SELECT pg_advisory_xact_lock(\(key))")
    }

    /// Takes a transaction-scoped advisory lock if it is free; false when another session holds it.
    public func tryAdvisoryLock(_ key: Int64) throws -> Bool {
        let result = try query("SELECT pg_try_advisory_xact_lock(\(key)) AS locked")
        return try result.rows[0].decode(Bool.self, "locked")
    }
}
