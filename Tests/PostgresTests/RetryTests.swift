import Postgres
import TestSupport
import Testing

/// `retryingTransaction` runs the body again only when the server rolled it back for reasons
/// of concurrency or time, and only a bounded number of times.
@Suite("Retried transactions")
struct RetryTests {
    /// Raises `state` as the server would, inside the transaction.
    private func raise(_ state: String, on db: Connection) throws {
        try db.execute(PostgresQuery(unsafeSQL: "DO $$ BEGIN RAISE EXCEPTION 'as the server would' USING ERRCODE = '\(state)'; END $$"))
    }

    @Test("a serialization failure, a deadlock, a lock or statement timeout: the body runs again and commits",
          arguments: ["40001", "40P01", "55P03", "57014"])
    func retriedThenCommitted(state: String) throws {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        try db.execute("CREATE TABLE note (id int)")
        var runs = 0
        let value = try db.retryingTransaction { db in
            runs += 1
            try db.execute("INSERT INTO note VALUES (\(runs))")
            if runs == 1 { try raise(state, on: db) }
            return runs
        }
        #expect(value == 2)
        // Only the second attempt's row committed: the first was rolled back whole.
        #expect(try Connection(url).query("SELECT id FROM note").rows.map { try $0.decode(Int.self, "id") } == [2])
    }

    @Test("a conflict that keeps coming gives up after the attempts and says how many")
    func givesUp() throws {
        let db = try freshConnection()
        var runs = 0
        let error = try #require(throws: PostgresError.self) {
            try db.retryingTransaction(attempts: 3) { db in
                runs += 1
                try raise("40001", on: db)
            }
        }
        #expect(runs == 3)
        #expect(error.sqlState == SQLState.serializationFailure)
        #expect(error.attempts == 3)
    }

    @Test("a broken rule, a Swift error or an unknown outcome is not retried", arguments: ["23505", "40003", "25006"])
    func notRetried(state: String) throws {
        let db = try freshConnection()
        var runs = 0
        let error = try #require(throws: PostgresError.self) {
            try db.retryingTransaction { db in
                runs += 1
                try raise(state, on: db)
            }
        }
        #expect(runs == 1)
        #expect(error.sqlState == state)
        #expect(error.attempts == 1)
        runs = 0
        #expect(throws: Boom()) { try db.retryingTransaction { _ in runs += 1; throw Boom() } }
        #expect(runs == 1)
    }

    @Test("inside another transaction it runs once: the outer transaction is the one to retry")
    func nested() throws {
        let db = try freshConnection()
        var runs = 0
        let error = try #require(throws: PostgresError.self) {
            try db.transaction { db in
                try db.retryingTransaction { db in
                    runs += 1
                    try raise("40001", on: db)
                }
            }
        }
        #expect(runs == 1)
        #expect(error.sqlState == SQLState.serializationFailure)
    }

    @Test("a real lock timeout: the second attempt gets the lock once the holder lets go")
    func lockTimeout() throws {
        let url = try TestDatabase.empty()
        let holder = try Connection(url)
        try holder.execute("CREATE TABLE counter (n int)")
        try holder.execute("INSERT INTO counter VALUES (0)")
        try holder.execute("BEGIN")
        try holder.execute("UPDATE counter SET n = n + 1")
        let db = try Connection(url)
        try db.execute("SET lock_timeout = '50ms'")
        var runs = 0
        try db.retryingTransaction { db in
            runs += 1
            if runs == 2 { try holder.execute("COMMIT") }
            try db.execute("UPDATE counter SET n = n + 10")
        }
        #expect(runs == 2)
        #expect(try count("SELECT n FROM counter", on: db) == 11)
    }
}
