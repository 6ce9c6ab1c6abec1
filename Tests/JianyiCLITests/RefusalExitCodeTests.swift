import CaseStore
import Foundation
import Postgres
import Testing

/// The refusals the Casework and CaseStore tests assert by kind, seen through the binary:
/// the documented exit code, one line naming the flag and the value, nothing written.
@Suite struct RefusalExitCodeTests {
    @Test func policyValuesOutOfRangeExit64() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.expectRefusal(["policy", "set", "weight_contact", "1.5"], 64,
                                 mentioning: "policy weight_contact: '1.5' is not a weight between 0 and 1")
        try jianyi.expectRefusal(["policy", "set", "reply_months", "0"], 64,
                                 mentioning: "policy reply_months: '0' is not a whole number of months")
        try jianyi.expectRefusal(["policy", "set", "reply", "soon"], 64, mentioning: "policy reply: 'soon' is not a period")
    }

    @Test func registrationRefusalsNameTheFlag() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let base = ["register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--on", "2024-01-21"]
        try jianyi.expectRefusal(base + ["--session", "5-4", "--channel", "recess"], 64,
                                 mentioning: "--channel recess is for suggestions outside a session; drop --session 5-4")
        try jianyi.expectRefusal(["register", "--title", String(repeating: "建", count: 201), "--deputy", "D001", "--recess",
                                  "--on", "2024-01-21"], 64, mentioning: "--title: the title has 201 characters; at most 200")
        try jianyi.expectRefusal(base + ["--recess", "--cosigner", "D001"], 65,
                                 mentioning: "--cosigner: D001 is the lead deputy and cannot also co-sign")
        try jianyi.expectRefusal(base + ["--recess", "--cosigner", "D002", "--cosigner", "D404"], 65,
                                 mentioning: "--cosigner: D404 is not a deputy of LL")
    }

    @Test func aRatingThatNeedsACommentExits64() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let n = try jianyi.acceptedCase()
        try jianyi.ok("assign", n, "--lead", "SJJ", "--on", "2024-02-20")
        try jianyi.ok("reply", n, "--unit", "SJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-04-01")
        for attitude in [["--result", "dissatisfied"], ["--result", "satisfied", "--attitude", "dissatisfied", "--comment", "  "]] {
            try jianyi.expectRefusal(["rate", n, "--on", "2024-04-10"] + attitude, 64,
                                     mentioning: "--comment: a comment is required when the deputy is dissatisfied")
        }
        try jianyi.expectRefusal(["follow-up", n, "--progress", "x", "--on", "2024-04-10"], 65,
                                 mentioning: "\(n) is replied (已答复); follow-up needs following")
    }

    @Test func pendingMigrationsExit78NamingThem() throws {
        let jianyi = try Jianyi(migrated: false)
        try Migrator(migrations: Array(Migration.all.prefix(1))).migrate(try Connection(jianyi.database))
        let pending = Migration.all.dropFirst().map { String($0.version) }.joined(separator: ", ")
        try jianyi.expectRefusal(["list"], 78, mentioning: "pending migration(s) (\(pending)): run `jianyi db migrate`")
        try jianyi.ok("db", "migrate")
        #expect(try jianyi.run(["list"]).stderr.contains("no congress yet"))
    }
}
