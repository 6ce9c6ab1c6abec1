import Postgres
import TestSupport
import Testing

/// Where the wrapper makes messages about connection strings.
@Suite("Connection strings in messages")
struct ConnectionStringTests {
    @Test("a string libpq cannot read is refused with its reason and without its password", arguments: [
        "postgresql://u:secret@/db?bogus=1", "postgresql://u:secret@[bad", "password='secret", "host=x password=secret bogus=1",
    ])
    func malformed(conninfo: String) throws {
        let problem = try #require(Connection.problem(with: conninfo))
        #expect(!problem.contains("secret"), "\(problem)")
        #expect(!problem.isEmpty)
    }

    @Test("URIs and conninfo libpq can read have no problem", arguments: [
        "", "dbname=jianyi", "postgresql:///jianyi?host=/tmp", "host=/nonexistent password=secret",
    ])
    func wellFormed(conninfo: String) {
        #expect(Connection.problem(with: conninfo) == nil)
    }

    @Test("a connection that fails says where it tried, never the password", arguments: [
        "host=/nonexistent/socket-dir password=secret dbname=jianyi",
        "postgresql://u:secret@[bad",
        "postgresql://u:secret@/jianyi?host=/nonexistent/socket-dir&password=secret2",
        "host=/nonexistent/socket-dir dbname='postgresql://u:secret@h/db'",
    ])
    func failedConnection(conninfo: String) throws {
        let error = try #require(throws: PostgresError.self) { try Connection(conninfo) }
        #expect(error.kind == .connection)
        #expect(error.message.hasPrefix("cannot connect to PostgreSQL"))
        #expect(!error.message.contains("secret"), "\(error.message)")
    }

    @Test("the application name shows in pg_stat_activity unless the connection string names one")
    func applicationName() throws {
        let database = try TestDatabase.empty()
        let named = try Connection(database, applicationName: "jianyi")
        #expect(try named.query("SELECT current_setting('application_name') AS name").rows[0].decode(String.self, "name") == "jianyi")
        let own = try Connection(database + " application_name=nightly", applicationName: "jianyi")
        #expect(try own.query("SELECT current_setting('application_name') AS name").rows[0].decode(String.self, "name") == "nightly")
    }
}
