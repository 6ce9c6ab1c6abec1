import Postgres
import TestSupport
import Testing

/// "Committed" is checked from a second connection, which only sees what really committed.
@Suite("Transactions")
struct TransactionTests {
    @Test("a successful body commits and returns its value")
    func commits() throws {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        try db.execute("CREATE TABLE note (id int PRIMARY KEY)")
        let value = try db.transaction { db in
            try db.execute("INSERT INTO note (id) VALUES (1), (2)")
        }
        #expect(value == 2)
        let observer = try Connection(url)
        #expect(try count("SELECT count(*) AS n FROM note", on: observer) == 2)
    }

    @Test("a failing statement rolls back earlier work and its own error is rethrown")
    func failedStatementRollsBack() throws {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        try db.execute("CREATE TABLE note (id int PRIMARY KEY)")
        let error = try #require(throws: PostgresError.self) {
            try db.transaction { db in
                try db.execute("INSERT INTO note (id) VALUES (1)")
                try db.execute("INSERT INTO note (id) VALUES (2)")
                try db.execute("INSERT INTO note (id) VALUES (1)")
            }
        }
        #expect(error.sqlState == SQLState.uniqueViolation)
        #expect(try count("SELECT count(*) AS n FROM note", on: db) == 0)
        #expect(try count("SELECT count(*) AS n FROM note", on: Connection(url)) == 0)
    }

    @Test("a Swift error thrown in the body rolls back and is rethrown")
    func swiftErrorRollsBack() throws {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        try db.execute("CREATE TABLE note (id int PRIMARY KEY)")
        #expect(throws: Boom()) {
            try db.transaction { db in
                try db.execute("INSERT INTO note (id) VALUES (1)")
                throw Boom()
            }
        }
        #expect(try count("SELECT count(*) AS n FROM note", on: db) == 0)
        // Outside a transaction again: this insert must commit on its own.
        try db.execute("INSERT INTO note (id) VALUES (3)")
        #expect(try count("SELECT count(*) AS n FROM note", on: Connection(url)) == 1)
    }

    @Test("a failure swallowed in the body makes the transaction throw, not pretend to commit")
    func swallowedFailure() throws {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        try db.execute("CREATE TABLE note (id int PRIMARY KEY)")
        let error = try #require(throws: PostgresError.self) {
            try db.transaction { db in
                try db.execute("INSERT INTO note (id) VALUES (1)")
                do { try db.execute("INSERT INTO note (id) VALUES (1)") } catch {}
            }
        }
        #expect(error.kind == .server)
        #expect(error.sqlState == "25P02")
        #expect(try count("SELECT count(*) AS n FROM note", on: Connection(url)) == 0)

        _ = try db.transaction { db in try db.execute("INSERT INTO note (id) VALUES (5)") }
        #expect(try count("SELECT count(*) AS n FROM note", on: Connection(url)) == 1)
    }

    @Test("the isolation level asked for is the one in force")
    func isolationLevel() throws {
        let db = try freshConnection()
        let level = try db.transaction(.serializable) { db in
            try db.query("SHOW transaction_isolation").rows[0].decode(String.self, "transaction_isolation")
        }
        #expect(level == "serializable")
        let fallback = try db.transaction { db in
            try db.query("SHOW transaction_isolation").rows[0].decode(String.self, "transaction_isolation")
        }
        #expect(fallback == "read committed")
    }

    @Test("an advisory lock held in one transaction is refused to another session until commit")
    func advisoryLock() throws {
        let url = try TestDatabase.empty()
        let a = try Connection(url)
        let b = try Connection(url)
        let key: Int64 = 20_240_229
        var bWhileAHolds = true, bOtherKey = false
        try a.transaction { a in
            #expect(try a.tryAdvisoryLock(key))
            bWhileAHolds = try b.transaction { b in try b.tryAdvisoryLock(key) }
            bOtherKey = try b.transaction { b in try b.tryAdvisoryLock(key + 1) }
        }
        #expect(bWhileAHolds == false)
        #expect(bOtherKey, "another key is not affected")
        let bAfterCommit = try b.transaction { b in try b.tryAdvisoryLock(key) }
        #expect(bAfterCommit)
        try b.transaction { b in try b.advisoryLock(key) }
    }

    @Test("an advisory lock is released by rollback too")
    func advisoryLockRollback() throws {
        let url = try TestDatabase.empty()
        let a = try Connection(url)
        let b = try Connection(url)
        var bWhileAHolds = true
        #expect(throws: Boom()) {
            try a.transaction { a in
                try a.advisoryLock(7)
                bWhileAHolds = try b.transaction { b in try b.tryAdvisoryLock(7) }
                throw Boom()
            }
        }
        #expect(bWhileAHolds == false)
        let bAfterRollback = try b.transaction { b in try b.tryAdvisoryLock(7) }
        #expect(bAfterRollback)
    }
}
