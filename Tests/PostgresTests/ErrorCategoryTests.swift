import Postgres
import TestSupport
import Testing

/// The table from SQLSTATE to what a caller can do: every class that can reach a program,
/// then the same errors as the server really raises them.
@Suite("Error categories by SQLSTATE")
struct ErrorCategoryTests {
    @Test("each SQLSTATE falls in its category", arguments: [
        // integrity and data: fix the data
        ("23505", .dataRejected), ("23502", .dataRejected), ("23503", .dataRejected), ("23514", .dataRejected),
        ("23P01", .dataRejected), ("22021", .dataRejected), ("22008", .dataRejected), ("22003", .dataRejected),
        ("22P02", .dataRejected), ("40002", .dataRejected), ("44000", .dataRejected), ("54000", .dataRejected),
        // rolled back because of other sessions or a time limit: worth running again at once
        ("40001", .conflict), ("40P01", .conflict), ("55P03", .conflict), ("57014", .conflict),
        // short of resources or time: later
        ("53300", .busy), ("53100", .busy), ("53200", .busy), ("40000", .busy), ("25P04", .busy), ("55006", .busy),
        ("72000", .busy),
        ("25006", .readOnly),
        // the session is gone
        ("08006", .connectionLost), ("08003", .connectionLost), ("57P01", .connectionLost), ("57P02", .connectionLost),
        ("57P03", .connectionLost), ("57P05", .connectionLost), ("25P03", .connectionLost), ("40003", .connectionLost),
        // the server will not serve this role, or cannot serve at all
        ("42501", .refused), ("28000", .refused), ("28P01", .refused), ("3D000", .refused), ("58030", .refused),
        ("XX000", .refused), ("XX001", .refused), ("F0000", .refused),
        // not the schema the migrations built
        ("42P01", .schemaMismatch), ("42703", .schemaMismatch), ("42883", .schemaMismatch), ("42704", .schemaMismatch),
        ("42P07", .schemaMismatch), ("42710", .schemaMismatch), ("3F000", .schemaMismatch),
        // a mistake in the program
        ("42601", .bug), ("42804", .bug), ("42P18", .bug), ("0A000", .bug), ("21000", .bug), ("25P02", .bug),
        ("P0001", .bug), ("26000", .bug), ("34000", .bug), ("HV000", .bug),
    ] as [(String, PostgresError.Category)])
    func serverCodes(state: String, category: PostgresError.Category) {
        let error = PostgresError(kind: .server, sqlState: state, message: "as the server says")
        #expect(error.category == category)
        #expect(error.isWorthRetrying == (category == .conflict))
    }

    @Test("errors that are not the server's: a broken connection, a value the wrapper refuses, misuse, decoding")
    func otherKinds() {
        #expect(PostgresError(kind: .connection, message: "server closed the connection unexpectedly").category == .connectionLost)
        #expect(PostgresError(kind: .client, sqlState: "22021", message: "a NUL byte").category == .dataRejected)
        #expect(PostgresError(kind: .client, message: "COPY misused").category == .bug)
        #expect(PostgresError(kind: .client, sqlState: "40001", message: "not from the server").category == .bug)
        #expect(PostgresError(kind: .decoding, message: "cannot read").category == .bug)
        #expect(PostgresError(kind: .server, message: "no SQLSTATE").category == .bug)
    }

    @Test("a NUL byte in a bound value or a COPY field is refused as data, with the server's SQLSTATE")
    func nulByte() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (body text)")
        let bound = try #require(throws: PostgresError.self) { try db.execute("INSERT INTO note VALUES (\("a\u{0}b"))") }
        #expect(bound.category == .dataRejected)
        #expect(bound.sqlState == SQLState.characterNotInRepertoire)
        let copied = try #require(throws: PostgresError.self) {
            try db.copyIn("COPY note FROM STDIN") { writer in try writer.writeRow(["a\u{0}b"]) }
        }
        #expect(copied.category == .dataRejected)
        #expect(try count("SELECT count(*) AS n FROM note", on: db) == 0)
    }

    @Test("a check violation names its table and constraint; a bad date and an overflow are data errors")
    func serverDataErrors() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE calendar_year (year integer CHECK (year BETWEEN 1900 AND 9999), day date)")
        let check = try #require(throws: PostgresError.self) { try db.execute("INSERT INTO calendar_year (year) VALUES (\(1899))") }
        #expect(check.sqlState == "23514")
        #expect(check.category == .dataRejected)
        #expect(check.table == "calendar_year")
        #expect(check.constraint == "calendar_year_year_check")
        let notNull = try #require(throws: PostgresError.self) {
            try db.execute("CREATE TABLE deputy (name text NOT NULL)")
            try db.execute("INSERT INTO deputy (name) VALUES (NULL)")
        }
        #expect(notNull.table == "deputy")
        #expect(notNull.column == "name")
        let date = try #require(throws: PostgresError.self) { try db.query("SELECT '2024-13-01'::date AS d") }
        #expect(date.sqlState == "22008")
        #expect(date.category == .dataRejected)
        let overflow = try #require(throws: PostgresError.self) { try db.query("SELECT 2147483647 + 1 AS n") }
        #expect(overflow.sqlState == "22003")
        #expect(overflow.category == .dataRejected)
    }

    @Test("a statement timeout is a conflict worth retrying, and the connection stays usable")
    func statementTimeout() throws {
        let db = try freshConnection()
        try db.execute("SET statement_timeout = '50ms'")
        let error = try #require(throws: PostgresError.self) { try db.query("SELECT pg_sleep(5)") }
        #expect(error.sqlState == SQLState.queryCanceled)
        #expect(error.isWorthRetrying)
        try db.execute("RESET statement_timeout")
        #expect(try db.query("SELECT 1 AS one").rows[0].decode(Int.self, "one") == 1)
    }

    @Test("a read-only transaction refuses a write with 25006")
    func readOnly() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (id int)")
        try db.execute("SET default_transaction_read_only = on")
        let error = try #require(throws: PostgresError.self) { try db.execute("INSERT INTO note VALUES (1)") }
        #expect(error.sqlState == "25006")
        #expect(error.category == .readOnly)
    }

    @Test("a backend terminated by an administrator loses the connection")
    func terminated() throws {
        let database = try TestDatabase.empty()
        let victim = try Connection(database)
        let pid = try victim.query("SELECT pg_backend_pid() AS pid").rows[0].decode(Int.self, "pid")
        // With a timeout, pg_terminate_backend returns once the backend has ended.
        try Connection(database).execute("SELECT pg_terminate_backend(\(pid)::integer, 10000)")
        let error = try #require(throws: PostgresError.self) { try victim.query("SELECT 1 AS one") }
        #expect(error.category == .connectionLost)
    }
}
