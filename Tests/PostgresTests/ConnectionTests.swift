import Postgres
import TestSupport
import Testing

@Suite("Connecting")
struct ConnectionTests {
    @Test("a missing socket directory is a connection error naming where it looked")
    func missingSocket() throws {
        let error = try #require(throws: PostgresError.self) {
            _ = try Connection("host=/nonexistent/dir port=1 dbname=x")
        }
        #expect(error.kind == .connection)
        #expect(error.message.contains("/nonexistent/dir"))
        #expect(error.sqlState == nil)
    }

    @Test("a database that does not exist is a connection error naming it")
    func missingDatabase() throws {
        let error = try #require(throws: PostgresError.self) {
            _ = try Connection("dbname=jianyi_no_such_database")
        }
        #expect(error.kind == .connection)
        #expect(error.message.contains("jianyi_no_such_database"))
    }

    @Test("a malformed conninfo is a connection error, not a crash")
    func malformedConninfo() throws {
        let error = try #require(throws: PostgresError.self) {
            _ = try Connection("this is not conninfo")
        }
        #expect(error.kind == .connection)
    }

    @Test("a new connection speaks UTF8 and ISO dates whatever the server's defaults")
    func sessionSettings() throws {
        let url = try TestDatabase.empty()
        let admin = try TestDatabase.admin()
        let name = String(url.dropFirst("dbname=".count))
        try admin.execute(PostgresQuery(unsafeSQL: "ALTER DATABASE \(name) SET DateStyle = 'SQL, DMY'"))
        try admin.execute(PostgresQuery(unsafeSQL: "ALTER DATABASE \(name) SET client_encoding = 'LATIN1'"))

        let db = try Connection(url)
        let row = try db.query("SHOW DateStyle").rows[0]
        #expect(row["DateStyle"] == "ISO, YMD")
        #expect(try db.query("SHOW client_encoding").rows[0]["client_encoding"] == "UTF8")
        #expect(try db.query("SELECT DATE '2024-02-29' AS d").rows[0].decode(PostgresDate.self, "d")
            == PostgresDate(year: 2024, month: 2, day: 29))
        #expect(try db.query("SELECT '关于' AS t").rows[0]["t"] == "关于")
    }

    @Test("the target and server version describe the live connection")
    func describesItself() throws {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        #expect(db.target.contains(String(url.dropFirst("dbname=".count))))
        #expect(db.serverVersion >= 100_000)
        let reported = try db.query("SELECT current_setting('server_version_num')::int8 AS v").rows[0]
        #expect(try reported.decode(Int.self, "v") == db.serverVersion)
    }
}
