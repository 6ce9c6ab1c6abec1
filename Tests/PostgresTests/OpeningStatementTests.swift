import Postgres
import TestSupport
import Testing

/// `transaction(opening:)`: BEGIN and the transaction's first statement in one round trip
/// (libpq pipeline mode), with the same all-or-nothing rules as `transaction`.
@Suite("A transaction's opening statement")
struct OpeningStatementTests {
    @Test("the opening statement runs inside the transaction, and its result reaches the body", arguments: [false, true])
    func opensInside(prepared: Bool) throws {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        if prepared { db.prepareStatements() }
        try db.execute("CREATE TABLE note (id int PRIMARY KEY)")
        for id in 1...3 {
            let opened = try db.transaction(opening: "SELECT set_config('jianyi.test', \(String(id)), true) AS set, txid_current_if_assigned() AS x") { db, opened throws in
                // The setting is transaction-local: it is seen here, inside the same transaction.
                let seen = try db.query("SELECT current_setting('jianyi.test') AS v").rows[0].decode(String.self, "v")
                #expect(seen == String(id))
                try db.execute("INSERT INTO note (id) VALUES (\(id))")
                return try opened.rows[0].decode(String.self, "set")
            }
            #expect(opened == String(id))
            // Local to the transaction, so gone after COMMIT: the statement did not run outside it.
            #expect(try db.query("SELECT coalesce(current_setting('jianyi.test', true), '') AS v").rows[0].decode(String.self, "v") == "")
        }
        #expect(try count("SELECT count(*) AS n FROM note", on: Connection(url)) == 3)
    }

    @Test("a failing opening statement throws its own error, rolls back, and leaves the connection usable")
    func failingOpening() throws {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        db.prepareStatements()
        try db.execute("CREATE TABLE note (id int PRIMARY KEY)")
        var ran = false
        let error = try #require(throws: PostgresError.self) {
            try db.transaction(opening: "SELECT 1 / \(0) AS boom") { _, _ in ran = true }
        }
        #expect(error.sqlState == "22012")
        #expect(!ran)
        // Idle again, not in a failed transaction: this insert commits on its own.
        try db.execute("INSERT INTO note (id) VALUES (1)")
        #expect(try count("SELECT count(*) AS n FROM note", on: Connection(url)) == 1)
        // And the pipeline can be used again.
        let again = try db.transaction(opening: "SELECT \(41) + 1 AS n") { _, opened in try opened.rows[0].decode(Int.self, "n") }
        #expect(again == 42)
    }

    @Test("a body that fails after the opening statement rolls back what it wrote")
    func failingBody() throws {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        try db.execute("CREATE TABLE note (id int PRIMARY KEY)")
        #expect(throws: Boom()) {
            try db.transaction(opening: "INSERT INTO note (id) VALUES (\(1))") { db, _ in
                try db.execute("INSERT INTO note (id) VALUES (2)")
                throw Boom()
            }
        }
        #expect(try count("SELECT count(*) AS n FROM note", on: Connection(url)) == 0)
    }

    @Test("inside another transaction the opening statement runs in a savepoint the outer one decides")
    func nested() throws {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        try db.execute("CREATE TABLE note (id int PRIMARY KEY)")
        #expect(throws: Boom()) {
            try db.transaction { db in
                try db.retryingTransaction(opening: "INSERT INTO note (id) VALUES (\(1)) RETURNING id") { _, opened throws in
                    let id = try opened.rows[0].decode(Int.self, "id")
                    #expect(id == 1)
                }
                throw Boom()
            }
        }
        #expect(try count("SELECT count(*) AS n FROM note", on: Connection(url)) == 0)
    }
}
