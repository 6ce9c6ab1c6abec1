import Postgres
import Testing

/// A long-lived connection keeps the statements with parameters it repeats prepared, and the
/// BEGIN and COMMIT of its transactions, bounded; a statement the schema changed under is
/// prepared afresh.
@Suite("Prepared statements on a long-lived connection")
struct PreparedStatementTests {
    /// The statements the server holds prepared for this session.
    func prepared(_ db: Connection) throws -> [String] {
        try db.query("SELECT statement FROM pg_prepared_statements ORDER BY prepare_time, name").rows
            .map { try $0.decode(String.self, "statement") }
    }

    @Test("a repeated statement with parameters is prepared once and answers every time")
    func repeated() throws {
        let db = try freshConnection()
        db.prepareStatements()
        for n in 1...3 {
            let row = try db.query("SELECT \(n) + 1 AS n, \("x") || \(String(n)) AS t").rows[0]
            #expect(try row.decode(Int.self, "n") == n + 1)
            #expect(try row.decode(String.self, "t") == "x\(n)")
        }
        #expect(try db.query("SELECT \(Optional<String>.none) IS NULL AS empty").rows[0].decode(Bool.self, "empty"))
        #expect(try prepared(db) == ["SELECT $1 + 1 AS n, $2 || $3 AS t", "SELECT $1 IS NULL AS empty"])
    }

    @Test("without prepareStatements nothing is prepared, and with it no statement without parameters but BEGIN and COMMIT")
    func notPrepared() throws {
        let db = try freshConnection()
        _ = try db.query("SELECT \(1) AS n")
        try db.transaction { _ = try $0.query("SELECT \(2) AS n") }
        #expect(try prepared(db).isEmpty)
        db.prepareStatements()
        _ = try db.query("SELECT 1 AS n")
        try db.transaction { _ = try $0.query("SELECT 2 AS n") }
        try db.transaction(.serializable) { connection in try connection.transaction { _ = try $0.query("SELECT 3 AS n") } }
        #expect(try prepared(db) == ["BEGIN ISOLATION LEVEL READ COMMITTED", "COMMIT", "BEGIN ISOLATION LEVEL SERIALIZABLE"])
    }

    @Test("a prepared COMMIT that the server turned into ROLLBACK still throws, and the connection goes on")
    func preparedCommitOfAFailedTransaction() throws {
        let db = try freshConnection()
        db.prepareStatements()
        try db.runScript("CREATE TABLE t (a int PRIMARY KEY)")
        for round in 1...2 {
            let error = #expect(throws: PostgresError.self) {
                try db.transaction { connection in
                    try connection.execute("INSERT INTO t VALUES (\(round))")
                    // The failure is swallowed: only COMMIT can tell that nothing was kept.
                    _ = try? connection.execute("INSERT INTO t VALUES (\(round))")
                }
            }
            #expect(error?.sqlState == SQLState.inFailedTransaction)
        }
        #expect(try prepared(db).contains("COMMIT"))
        #expect(try db.query("SELECT count(*) AS n FROM t").rows[0].decode(Int.self, "n") == 0)
    }

    @Test("past its capacity a connection runs new statements unprepared")
    func bounded() throws {
        let db = try freshConnection()
        db.prepareStatements(capacity: 2)
        for column in ["a", "b", "c"] {
            _ = try db.query(PostgresQuery(unsafeSQL: "SELECT $1::int AS \(column)", binds: [PostgresBind(type: PostgresType.int4, text: "1")]))
        }
        #expect(try prepared(db) == ["SELECT $1::int AS a", "SELECT $1::int AS b"])
        let row = try db.query(PostgresQuery(unsafeSQL: "SELECT $1::int AS c", binds: [PostgresBind(type: PostgresType.int4, text: "7")])).rows[0]
        #expect(try row.decode(Int.self, "c") == 7)
    }

    /// A connection that prepares its statements, with a table t of one column a: 1, 2, 3.
    func preparedWithTable() throws -> Connection {
        let db = try freshConnection()
        db.prepareStatements()
        try db.runScript("CREATE TABLE t (a int); INSERT INTO t VALUES (1), (2), (3)")
        return db
    }

    @Test("a statement the schema changed under fails once, then is prepared afresh")
    func schemaChanged() throws {
        let db = try preparedWithTable()
        let read: PostgresQuery = "SELECT * FROM t WHERE a = \(1)"
        #expect(try db.query(read).columns.names == ["a"])
        try db.runScript("ALTER TABLE t ADD COLUMN b int")
        #expect(throws: PostgresError.self) { try db.query(read) }
        #expect(try db.query(read).columns.names == ["a", "b"])
    }

    @Test("an error in a prepared statement is the server's, and the connection goes on")
    func failing() throws {
        let db = try freshConnection()
        db.prepareStatements()
        let divide: PostgresQuery = "SELECT 1 / \(0) AS n"
        for _ in 1...2 {
            let error = try #require(throws: PostgresError.self) { try db.query(divide) }
            #expect(error.sqlState == "22012")
        }
        #expect(try db.query("SELECT \(5) AS n").rows[0].decode(Int.self, "n") == 5)
        let syntax = try #require(throws: PostgresError.self) { try db.query("SELEC \(1)") }
        #expect(syntax.sqlState == "42601")
    }

    @Test("rows read one at a time come from a prepared statement too, prepared afresh after the schema changed")
    func streamedRows() throws {
        let db = try preparedWithTable()
        let read: PostgresQuery = "SELECT * FROM t WHERE a >= \(2) ORDER BY a"
        var seen: [Int] = []
        try db.forEachRow(read) { seen.append(try $0.decode(Int.self, "a")) }
        try db.forEachRow(read) { seen.append(try $0.decode(Int.self, "a")) }
        #expect(seen == [2, 3, 2, 3])
        #expect(try prepared(db) == ["SELECT * FROM t WHERE a >= $1 ORDER BY a"])
        try db.runScript("ALTER TABLE t ADD COLUMN b int")
        #expect(throws: PostgresError.self) { try db.forEachRow(read) { _ in } }
        var columns: [String] = []
        try db.forEachRow(read) { columns = $0.columns.names }
        #expect(columns == ["a", "b"])
    }
}
