import Foundation
import Postgres
import TestSupport
import Testing

/// The database failing under a command, through the built binary: read-only, timeouts,
/// a terminated backend, an unreachable server, a rule the database keeps, a database that
/// is not jianyi's. Each ends with one line, a code of the contract, and nothing written.
@Suite struct DatabaseFailureTests {
    static let password = "s3cr3t-pw"

    /// A jianyi database with LL set up and 5-4-0001 registered, so that the next
    /// registration needs the series counter's row.
    private func registered() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let first = try jianyi("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
        try #require(first.code == 0, "\(first.stderr)")
        return jianyi
    }

    private let register = ["register", "--title", "关于公交线路的建议", "--deputy", "D002", "--session", "5-4", "--on", "2024-01-22"]

    @Test func readOnlyDatabaseExits69() throws {
        let jianyi = try registered()
        try Connection(jianyi.database).execute(PostgresQuery(unsafeSQL: "ALTER DATABASE \(try databaseName(jianyi)) SET default_transaction_read_only = on"))
        try jianyi.expectRefusal(register, 69, mentioning: "the database accepts no changes (cannot execute")
        try jianyi.expectRefusal(["deputy", "add", "D009", "--name", "赵六", "--delegation", "离石区代表团"], 69, mentioning: "read-only")
        try jianyi.expectRefusal(["review", "5-4-0001", "--accept", "--on", "2024-01-22"], 69, mentioning: "default_transaction_read_only")
        #expect(try jianyi("list").code == 0)  // reading still works
    }

    @Test func statementTimeoutExits75AfterThreeAttempts() throws {
        var jianyi = try registered()
        let holder = try LockHolder(jianyi)
        jianyi.environment["PGOPTIONS"] = "-c statement_timeout=400ms"
        let result = try jianyi.expectRefusal(register, 75, mentioning: "(canceling statement due to statement timeout) on each of 3 attempts")
        #expect(result.firstErrorLine.hasSuffix("it was rolled back: run the command again later"))
        try holder.release()
    }

    @Test func lockTimeoutExits75AfterThreeAttempts() throws {
        var jianyi = try registered()
        let holder = try LockHolder(jianyi)
        jianyi.environment["PGOPTIONS"] = "-c lock_timeout=100ms"
        try jianyi.expectRefusal(register, 75, mentioning: "(canceling statement due to lock timeout) on each of 3 attempts")
        try holder.release()
    }

    @Test func aLockThatClearsIsRetriedAndTheCommandSucceeds() throws {
        var jianyi = try registered()
        let holder = try LockHolder(jianyi)
        jianyi.environment["PGOPTIONS"] = "-c lock_timeout=5s"
        let running = BackgroundRun(jianyi, register)
        let monitor = try Connection(jianyi.database)
        let first = try waitForJianyiWaitingOnALock(monitor)
        // The second attempt waits on the same row again, in a new statement.
        _ = try waitForJianyiWaitingOnALock(monitor, notStartedAt: first.started)
        try holder.release()
        let result = try running.result()
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout == "5-4-0002\n")
        #expect(try jianyi("list", "--format", "csv").stdout.split(separator: "\r\n").count == 3)  // header and two cases
    }

    /// A calendar import whose first attempt times out after it has taken days out: the retry
    /// reports each removed day once, not once per attempt.
    @Test func aRetriedCalendarImportCountsOnce() throws {
        var jianyi = try registered()
        let monitor = try Connection(jianyi.database)
        let official = try monitor.query("SELECT count(*)::integer AS n FROM calendar_day WHERE year = 2024").rows[0].decode(Int.self, "n")
        let holder = try Connection(jianyi.database)
        try holder.execute("BEGIN")
        try holder.execute("SELECT year FROM calendar_year WHERE year = 2024 FOR UPDATE")
        jianyi.environment["PGOPTIONS"] = "-c lock_timeout=2s"
        let file = try temporaryFile("days.csv", "date,kind,name\n2024-01-01,off,元旦\n")
        let running = BackgroundRun(jianyi, ["calendar", "import", file, "--replace-year"])
        let first = try waitForJianyiWaitingOnALock(monitor)
        _ = try waitForJianyiWaitingOnALock(monitor, notStartedAt: first.started)
        try holder.execute("ROLLBACK")
        let result = try running.result()
        #expect(result.code == 0, "\(result.stderr)")
        let removed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  删除 ") }
        #expect(removed.count == official - 1, "\(result.stdout)")
        #expect(Set(removed).count == removed.count)
        #expect(result.stdout.hasPrefix("2024 年：新增 0 天，更正 0 天，未变 1 天，删除 \(official - 1) 天\n"))
    }

    @Test func terminatedBackendExits69AndWritesNothing() throws {
        let jianyi = try registered()
        let before = try jianyi.snapshot()
        let holder = try LockHolder(jianyi)
        let running = BackgroundRun(jianyi, register)
        let monitor = try Connection(jianyi.database)
        let waiting = try waitForJianyiWaitingOnALock(monitor)
        try monitor.execute("SELECT pg_terminate_backend(\(waiting.pid)::integer, 10000)")
        let result = try running.result()
        try holder.release()
        expectRefused(result, 69, mentioning: "lost the connection to the database (terminating connection due to administrator command)")
        #expect(try jianyi.snapshot() == before)
    }

    @Test func unreachableServerExits69SayingWhereWithoutThePassword() throws {
        let jianyi = try Jianyi()
        let result = try jianyi.run(["list"], databaseURL: "host=/nonexistent/socket-dir port=5999 password=\(Self.password) dbname=jianyi")
        expectRefused(result, 69, mentioning: "cannot connect to PostgreSQL at socket /nonexistent/socket-dir/.s.PGSQL.5999 database jianyi")
        expectNoPassword(result)
    }

    /// A rule only the database knows (here one an administrator added) is still said in words.
    @Test func checkViolationExits65NamingTheRule() throws {
        let jianyi = try registered()
        try Connection(jianyi.database).execute("ALTER TABLE deputy ADD CONSTRAINT deputy_delegation_check CHECK (delegation <> '测试团')")
        try jianyi.expectRefusal(["deputy", "add", "D009", "--name", "赵六", "--delegation", "测试团"], 65,
                                 mentioning: "the database refused the data: the delegation of a row of deputy breaks the rule deputy_delegation_check")
        let file = try temporaryFile("deputies.csv", "code,name,delegation\nD010,钱七,离石区代表团\nD011,孙八,测试团\n")
        try jianyi.expectRefusal(["deputy", "import", file], 65, mentioning: "deputy_delegation_check")
    }

    @Test func nulByteThatReachesTheDatabaseExits65() throws {
        let jianyi = try registered()
        let body = try temporaryFile("body.txt", "第一段\u{0}第二段")
        try jianyi.expectRefusal(register + ["--body-file", body], 65, mentioning: "NUL")
    }

    @Test(arguments: [
        (["--database-url", "postgresql://u:\(password)@/db?bogus=1"], 64, "--database-url is not a libpq URI or conninfo string: invalid URI query parameter"),
        (["--database-url", "postgresql://u:\(password)@[bad"], 64, "end of string reached"),
        (["--database-url", "password='\(password)"], 64, "unterminated quoted string"),
        (["--database-url", "PASSWORD=\(password) host=/nonexistent"], 64, "invalid connection option"),
        (["--database-url", "postgresql:///db?host=/nonexistent&password=\(password)"], 69, "cannot connect to PostgreSQL"),
        (["--database-url", "host=/nonexistent password = '\(password) x'"], 69, "cannot connect to PostgreSQL"),
    ] as [([String], Int32, String)])
    func passwordsAreNeverPrinted(flags: [String], code: Int32, mentioning: String) throws {
        let jianyi = try Jianyi()
        let result = try jianyi.run(["list"] + flags)
        expectRefused(result, code, mentioning: mentioning)
        expectNoPassword(result)
    }

    /// Passwords libpq cannot delimit: an unencoded '/', '@' or '%' would split the password
    /// across the host, port and database of a message, or have libpq quote it whole.
    @Test(arguments: [
        ("postgresql://u:ab%zz@h/db", ["ab%zz", "%zz"], "holds a '%' that is not followed by two hex digits"),
        ("postgresql:///db?password=abc%", ["abc"], "parameter 'password' holds a '%'"),
        ("postgresql:///db?sslpassword=q%q", ["q%q"], "parameter 'sslpassword' holds a '%'"),
        ("postgresql:///db?password=x&password=y%", ["y%"], "parameter 'password' holds a '%'"),
        ("postgresql://u:pq7/zx9@host/db", ["pq7", "zx9"], "holds an unencoded '/' or '@'"),
        ("postgresql://u:kq8@zr4@host/db", ["kq8", "zr4"], "holds an unencoded '/' or '@'"),
    ])
    func passwordsLibpqCannotDelimitAreRefusedUnquoted(url: String, secrets: [String], words: String) throws {
        let jianyi = try Jianyi()
        let result = try jianyi.run(["list", "--database-url", url])
        expectRefused(result, 64, mentioning: words)
        for secret in secrets {
            #expect(!result.stderr.contains(secret), "\(secret) in: \(result.stderr)")
        }
    }

    @Test func passwordsAreNeverPrintedFromTheEnvironmentArgumentsOrTheLog() throws {
        var jianyi = try Jianyi()
        let fromEnvironment = try jianyi.run(["list"], databaseURL: "postgresql://u:\(Self.password)@/db?bogus=1")
        expectRefused(fromEnvironment, 64, mentioning: "DATABASE_URL is not a libpq URI or conninfo string")
        expectNoPassword(fromEnvironment)
        // ArgumentParser echoes an argument it does not expect, with its usage after it.
        let echoed = try jianyi.run(["list", "postgresql://u:\(Self.password)@host/db"])
        #expect(echoed.code == 64)
        #expect(echoed.firstErrorLine == "jianyi: Unexpected argument 'postgresql://u:***@host/db' (see 'jianyi list --help')")
        expectNoPassword(echoed)
        // The debug log says where it connected (the test cluster trusts, so the password is unused).
        try jianyi.setUp()
        jianyi.environment["JIANYI_LOG"] = "debug"
        for url in ["\(jianyi.database) password=\(Self.password)", "postgresql://:\(Self.password)@/\(try databaseName(jianyi))"] {
            let logged = try jianyi.run(["list"], databaseURL: url)
            #expect(logged.code == 0, "\(logged.stderr)")
            #expect(logged.stderr.contains("connected to socket"))
            expectNoPassword(logged)
        }
    }

    @Test func emptyActorExits64NamingTheVariable() throws {
        var jianyi = try registered()
        for empty in ["", "   "] {
            jianyi.environment["JIANYI_USER"] = empty
            try jianyi.expectRefusal(register, 64, mentioning: "JIANYI_USER is set but empty")
        }
    }

    @Test func aDatabaseOfAnotherProgramExits78() throws {
        let foreign = try Jianyi(migrated: false)
        try Connection(foreign.database).execute("CREATE TABLE schema_migrations (id integer PRIMARY KEY, script text)")
        for command in [["list"], ["db", "status"], ["db", "migrate"]] {
            try foreign.expectRefusal(command, 78, mentioning: "the database has a schema_migrations table that jianyi did not make")
        }
        let clash = try Jianyi(migrated: false)
        try Connection(clash.database).execute("CREATE TABLE congress (id integer PRIMARY KEY)")
        // migrate says which migration it is applying on stdout before the clash stops it.
        let migrate = try clash("db", "migrate")
        #expect(migrate.code == 78)
        #expect(migrate.stderr == "jianyi: the database is not one that `jianyi db migrate` built (relation \"congress\" already exists): check --database-url and `jianyi db status`\n")
        expectRefused(try clash("list"), 78, mentioning: "pending migration(s) (1, 2, 3")
    }

    @Test func aRoleWithoutPrivilegesExits69() throws {
        let jianyi = try registered()
        let role = "jianyi_weak_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try TestDatabase.admin()
        try admin.execute(PostgresQuery(unsafeSQL: "CREATE ROLE \(role) LOGIN"))
        defer { _ = try? admin.execute(PostgresQuery(unsafeSQL: "DROP ROLE \(role)")) }
        let before = try jianyi.snapshot()
        let result = try jianyi.run(register, databaseURL: "\(jianyi.database) user=\(role)")
        expectRefused(result, 69, mentioning: "the database refused to serve jianyi (permission denied for table")
        #expect(try jianyi.snapshot() == before)
    }
}

private func expectNoPassword(_ result: Jianyi.Result, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!result.stdout.contains(DatabaseFailureTests.password), "stdout: \(result.stdout)", sourceLocation: sourceLocation)
    #expect(!result.stderr.contains(DatabaseFailureTests.password), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
}

private func databaseName(_ jianyi: Jianyi) throws -> String {
    try Connection(jianyi.database).query("SELECT current_database() AS name").rows[0].decode(String.self, "name")
}

/// Holds the row lock a registration in series 5-4 needs (its number counter) until released.
private final class LockHolder {
    private let connection: Connection

    init(_ jianyi: Jianyi) throws {
        connection = try Connection(jianyi.database)
        try connection.execute("BEGIN")
        try connection.execute("SELECT last_value FROM number_counter WHERE series = '5-4' FOR UPDATE")
    }

    func release() throws {
        try connection.execute("ROLLBACK")
    }
}

/// Polls pg_stat_activity (application_name jianyi, set by the binary) until a jianyi backend
/// waits on a lock in a statement not started at `notStartedAt`; its pid and statement start.
private func waitForJianyiWaitingOnALock(_ monitor: Connection, notStartedAt: String? = nil) throws -> (pid: Int, started: String) {
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
        let rows = try monitor.query("""
            SELECT pid, query_start::text AS started FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'jianyi' AND wait_event_type = 'Lock'
            """).rows
        if let row = rows.first {
            let started = try row.decode(String.self, "started")
            if started != notStartedAt { return (try row.decode(Int.self, "pid"), started) }
        }
        usleep(10_000)
    }
    throw Jianyi.SetupError(message: "jianyi never waited on the lock")
}
