import Postgres
import TestSupport
import Testing

/// Callers branch on `kind` and `sqlState`, never on message text, so those are what
/// these tests pin down; messages are only checked where they must name something.
@Suite("Errors from the server and from libpq")
struct ErrorTests {
    @Test("a unique violation carries 23505 and the constraint's name")
    func uniqueViolation() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE deputy (code text CONSTRAINT deputy_code_key UNIQUE)")
        try db.execute("INSERT INTO deputy (code) VALUES (\("A-1"))")
        let error = try #require(throws: PostgresError.self) {
            try db.execute("INSERT INTO deputy (code) VALUES (\("A-1"))")
        }
        #expect(error.kind == .server)
        #expect(error.sqlState == "23505")
        #expect(error.isUniqueViolation)
        #expect(error.constraint == "deputy_code_key")
        #expect(error.detail?.contains("A-1") == true)
        #expect(try count("SELECT count(*) AS n FROM deputy", on: db) == 1)
    }

    @Test("other errors are not unique violations")
    func notUniqueViolation() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE deputy (code text NOT NULL)")
        let missing: String? = nil
        let error = try #require(throws: PostgresError.self) {
            try db.execute("INSERT INTO deputy (code) VALUES (\(missing))")
        }
        #expect(error.sqlState == SQLState.notNullViolation)
        #expect(!error.isUniqueViolation)
    }

    @Test("a lock not granted in time, a deadlock or a serialization failure is worth retrying; a rule broken is not")
    func worthRetrying() throws {
        let database = try TestDatabase.empty()
        let holder = try Connection(database)
        try holder.execute("CREATE TABLE note (id int PRIMARY KEY)")
        try holder.execute("INSERT INTO note VALUES (1)")
        try holder.execute("BEGIN")
        try holder.execute("SELECT id FROM note WHERE id = 1 FOR UPDATE")
        let waiter = try Connection(database)
        try waiter.execute("SET lock_timeout = '50ms'")
        let timedOut = try #require(throws: PostgresError.self) { try waiter.execute("SELECT id FROM note WHERE id = 1 FOR UPDATE") }
        #expect(timedOut.sqlState == SQLState.lockNotAvailable)
        #expect(timedOut.isWorthRetrying)
        try holder.execute("ROLLBACK")
        for code in [SQLState.deadlockDetected, SQLState.serializationFailure] {
            let error = try #require(throws: PostgresError.self) {
                try waiter.execute(PostgresQuery(unsafeSQL: "DO $$ BEGIN RAISE EXCEPTION 'as the server would' USING ERRCODE = '\(code)'; END $$"))
            }
            #expect(error.sqlState == code)
            #expect(error.isWorthRetrying)
        }
        let unknown = try #require(throws: PostgresError.self) {
            try waiter.execute("DO $$ BEGIN RAISE EXCEPTION 'outcome unknown' USING ERRCODE = '40003'; END $$")
        }
        #expect(!unknown.isWorthRetrying)
        let broken = try #require(throws: PostgresError.self) { try waiter.execute("INSERT INTO note VALUES (1)") }
        #expect(!broken.isWorthRetrying)
        #expect(!PostgresError(kind: .client, sqlState: "40001", message: "not from the server").isWorthRetrying)
    }

    @Test("a syntax error carries 42601 and the connection stays usable")
    func syntaxError() throws {
        let db = try freshConnection()
        let error = try #require(throws: PostgresError.self) { try db.query("SELEC 1") }
        #expect(error.kind == .server)
        #expect(error.sqlState == "42601")
        #expect(try db.query("SELECT 1 AS one").rows[0].decode(Int.self, "one") == 1)
    }

    @Test("a missing table carries 42P01")
    func undefinedTable() throws {
        let db = try freshConnection()
        let error = try #require(throws: PostgresError.self) { try db.query("SELECT * FROM no_such_table") }
        #expect(error.sqlState == SQLState.undefinedTable)
    }

    @Test("RAISE EXCEPTION's detail and hint reach the caller")
    func detailAndHint() throws {
        let db = try freshConnection()
        let error = try #require(throws: PostgresError.self) {
            try db.runScript("""
                DO $$ BEGIN
                  RAISE EXCEPTION 'case % is closed', 42
                    USING DETAIL = 'closed on 2024-01-01', HINT = 'reopen it first';
                END $$
                """)
        }
        #expect(error.kind == .server)
        #expect(error.sqlState == SQLState.raiseException)
        #expect(error.message == "case 42 is closed")
        #expect(error.detail == "closed on 2024-01-01")
        #expect(error.hint == "reopen it first")
        #expect(error.description.contains("P0001"))
        #expect(error.description.contains("reopen it first"))
    }

    @Test("a function's error with a custom SQLSTATE and Chinese text arrives intact")
    func functionError() throws {
        let db = try freshConnection()
        try db.runScript("""
            CREATE FUNCTION refuse(reason text) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION USING ERRCODE = 'JY001', MESSAGE = '拒绝：' || reason, HINT = '请联系' || reason;
            END $$;
            """)
        let error = try #require(throws: PostgresError.self) {
            try db.query("SELECT refuse(\("代表"))")
        }
        #expect(error.sqlState == "JY001")
        #expect(error.message == "拒绝：代表")
        #expect(error.hint == "请联系代表")
        #expect(error.detail == nil)
    }

    @Test("a NUL byte in a parameter is refused before anything is sent")
    func nulInParameter() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (body text)")
        let error = try #require(throws: PostgresError.self) {
            try db.execute("INSERT INTO note (body) VALUES (\("before\u{0}after"))")
        }
        #expect(error.kind == .client)
        #expect(error.message.contains("NUL"))
        #expect(error.message.contains("$1"))
        #expect(try count("SELECT count(*) AS n FROM note", on: db) == 0)
    }

    @Test("a NUL byte inside an array element, or a later parameter, is refused too")
    func nulInArrayAndLaterParameter() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (body text, tags text[])")
        let arrayError = try #require(throws: PostgresError.self) {
            try db.execute("INSERT INTO note (body, tags) VALUES (\("fine"), \(["ok", "no\u{0}"]))")
        }
        #expect(arrayError.kind == .client)
        #expect(arrayError.message.contains("$2"))
        let streamError = try #require(throws: PostgresError.self) {
            try db.forEachRow("SELECT \("\u{0}") AS v") { _ in Issue.record("no row may arrive") }
        }
        #expect(streamError.kind == .client)
        #expect(try count("SELECT count(*) AS n FROM note", on: db) == 0)
    }

    @Test("a failing statement in a script stops it with the server's error")
    func scriptError() throws {
        let db = try freshConnection()
        let error = try #require(throws: PostgresError.self) {
            try db.runScript("CREATE TABLE a (id int); SELECT 1/0; CREATE TABLE b (id int);")
        }
        #expect(error.sqlState == "22012")
        // A multi-statement PQexec runs as one implicit transaction, so table a is gone too.
        #expect(try db.query("SELECT to_regclass('a') IS NULL AND to_regclass('b') IS NULL AS gone").rows[0]
            .decode(Bool.self, "gone"))
    }
}
