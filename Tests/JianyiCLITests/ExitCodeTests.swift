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

    /// Each congress holds its own cases (the same deputy code in both): the one picked by
    /// --congress or JIANYI_CONGRESS is the one whose cases come back, and only those.
    @Test func congressChoice() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.ok("register", "--title", "关于吕梁老旧小区改造的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
        try jianyi.ok("congress", "add", "TY", "--name", "太原市人民代表大会", "--level", "city")
        try jianyi.ok("session", "add", "16-3", "--opened", "2024-01-24", "--closed", "2024-01-27", "--congress", "TY")
        try jianyi.ok("deputy", "add", "D001", "--name", "赵立新", "--delegation", "小店区代表团", "--congress", "TY")
        for title in ["关于太原公交线网优化的建议", "关于太原汾河治理的建议"] {
            try jianyi.ok("register", "--title", title, "--deputy", "D001", "--session", "16-3", "--on", "2024-01-25", "--congress", "TY")
        }
        let numbersAndTitles = { (result: Jianyi.Result) in
            result.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
                .map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        }
        try jianyi.expectRefusal(["list"], 64, mentioning: "--congress")
        #expect(numbersAndTitles(try jianyi.ok("list", "--congress", "LL", "--format", "csv")) == ["5-4-0001,关于吕梁老旧小区改造的建议"])
        var env = jianyi
        env.environment["JIANYI_CONGRESS"] = "TY"
        #expect(numbersAndTitles(try env.ok("list", "--format", "csv"))
                == ["16-3-0001,关于太原公交线网优化的建议", "16-3-0002,关于太原汾河治理的建议"])
        // The flag wins over the environment.
        #expect(numbersAndTitles(try env.ok("list", "--congress", "LL", "--format", "csv")) == ["5-4-0001,关于吕梁老旧小区改造的建议"])
        let show = try env.ok("show", "5-4-0001", "--congress", "LL", "--format", "json")
        #expect(show.stdout.contains("\"deputy\":\"D001\"") && show.stdout.contains("关于吕梁老旧小区改造的建议"))
        try env.expectRefusal(["show", "5-4-0001"], 65, mentioning: "5-4-0001 does not exist in TY")
    }
}
