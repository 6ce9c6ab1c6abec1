import CaseStore
import Foundation
import Testing

/// Every documented failure: its exit code, one clear line naming the value, nothing written.
@Suite struct ExitCodeTests {
    @Test func badValuesExit64() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let badDate = try jianyi("register", "--title", "标题", "--deputy", "D001", "--session", "5-4", "--on", "2024-02-30")
        #expect(badDate.code == 64)
        #expect(badDate.stderr == "jianyi: --on: '2024-02-30' is not a date (expected YYYY-MM-DD, a real calendar day)\n")
        let emptyTitle = try jianyi("register", "--title", "  ", "--deputy", "D001", "--session", "5-4")
        #expect(emptyTitle.code == 64)
        #expect(emptyTitle.stderr == "jianyi: --title: the title is empty\n")
        let badSession = try jianyi("register", "--title", "标题", "--deputy", "D001", "--session", "五届四次")
        #expect(badSession.code == 64)
        #expect(badSession.stderr.contains("--session: '五届四次' is not a session code"))
        let noFlag = try jianyi("register", "--title", "标题")
        #expect(noFlag.code == 64)
        #expect(try jianyi("list", "--format", "csv").stdout == "number,title,state,deputy,cosigners,session,channel,category,submitted_on,key\r\n")
    }

    @Test func ruleFailuresExit65AndWriteNothing() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let unknown = try jianyi("register", "--title", "标题", "--deputy", "D404", "--session", "5-4")
        #expect(unknown.code == 65)
        #expect(unknown.stderr == "jianyi: --deputy: D404 is not a deputy of LL\n")
        let session = try jianyi("register", "--title", "标题", "--deputy", "D001", "--session", "5-9")
        #expect(session.code == 65)
        #expect(session.stderr.hasPrefix("jianyi: --session: 5-9 is not a session of LL"))
        let missing = try jianyi("show", "5-4-0099")
        #expect(missing.code == 65)
        #expect(missing.stderr == "jianyi: suggestion 5-4-0099 does not exist in LL\n")
        #expect(try jianyi("register", "--title", "标题", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21").stdout == "5-4-0001\n")
    }

    @Test func missingFileExits66() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let result = try jianyi("deputy", "import", "/nonexistent/deputies.csv")
        #expect(result.code == 66)
        #expect(result.stderr == "jianyi: /nonexistent/deputies.csv: no such file, or it cannot be read\n")
    }

    @Test func badRowInImportNamesItsLineAndWritesNothing() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try temporaryFile("d.csv", "code,name,delegation\nD010,甲,离石区代表团\nD011,,离石区代表团\n")
        let result = try jianyi("deputy", "import", file)
        #expect(result.code == 65)
        #expect(result.stderr == "jianyi: \(file) line 3, column 2 (name): the name of deputy D011 is empty\n")
        #expect(!(try jianyi("deputy", "list").stdout.contains("D010")))
    }

    @Test func unreachableDatabaseExits69SayingWhere() throws {
        let jianyi = try Jianyi()
        let result = try jianyi.run(["list"], databaseURL: "host=/nonexistent/socket-dir port=5999 dbname=jianyi")
        #expect(result.code == 69)
        #expect(result.stderr.hasPrefix("jianyi: cannot connect to PostgreSQL at socket /nonexistent/socket-dir/.s.PGSQL.5999"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func unmigratedDatabaseExits78() throws {
        let jianyi = try Jianyi(migrated: false)
        let result = try jianyi("list")
        #expect(result.code == 78)
        #expect(result.stderr == "jianyi: the database is not set up: run `jianyi db migrate` first\n")
        let migrate = try jianyi("db", "migrate", "--lang", "en")
        #expect(migrate.code == 0)
        #expect(migrate.stdout.hasSuffix("Applied \(Migration.all.count) migration(s).\n"))
        #expect(try jianyi("db", "migrate", "--lang", "en").stdout == "The database is up to date.\n")
        #expect(try jianyi("list").code == 65)  // migrated, but no congress yet
    }

    @Test func congressChoice() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        #expect(try jianyi("congress", "add", "TY", "--name", "太原市人民代表大会", "--level", "city").code == 0)
        let ambiguous = try jianyi("list")
        #expect(ambiguous.code == 64)
        #expect(ambiguous.stderr.contains("--congress"))
        #expect(try jianyi("list", "--congress", "LL").code == 0)
        var env = jianyi
        env.environment["JIANYI_CONGRESS"] = "TY"
        #expect(try env("list", "--format", "csv").code == 0)
    }
}
