import CaseStore
import Foundation
import Testing

@Suite struct SetupCommandTests {
    @Test func calendarShowAndImport() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let show = try jianyi("calendar", "show", "--year", "2026", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["working_days"] as? Int == 248)  // counted independently from the 2026 notice (Python over the CSV)
        let days = try #require(object["days"] as? [[String: String]])
        #expect(days.contains { $0["date"] == "2026-10-10" && $0["kind"] == "work" })
        let table = try jianyi("calendar", "show", "--year", "2027")
        #expect(table.stdout.contains("日历中没有 2027 年的放假安排"))
        let bad = try temporaryFile("h.csv", "date,kind,name\n2027-01-01,off,元旦\n2027-01-04,work,错误\n")
        let refused = try jianyi("calendar", "import", bad)
        #expect(refused.code == 65)
        #expect(refused.stderr == "jianyi: \(bad) line 3: 2027-01-04 is a weekday; a makeup working day (work) falls on a Saturday or Sunday\n")
        let good = try temporaryFile("h.csv", "date,kind,name\n2027-01-01,off,元旦\n")
        #expect(try jianyi("calendar", "import", good).stdout == "2027 年：新增 1 天，更正 0 天，未变 0 天\n")
        #expect(!(try jianyi("calendar", "show", "--year", "2027").stdout.contains("日历中没有")))
    }

    @Test func policySetAndShow() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        #expect(try jianyi("policy", "set", "reply_months", "2").stdout == "reply = 2 months\n")
        #expect(try jianyi("policy", "set", "transfer_window", "7 working_days").stdout == "transfer_window = 7 working_days\n")
        let bogus = try jianyi("policy", "set", "reply_weeks", "2")
        #expect(bogus.code == 64)
        #expect(bogus.stderr.hasPrefix("jianyi: policy: 'reply_weeks' is not a setting"))
        let show = try jianyi("policy", "show", "--format", "json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [[String: Any]])
        let reply = try #require(entries.first { $0["key"] as? String == "reply" })
        #expect(reply["value"] as? String == "2 months")
        #expect(reply["default"] as? String == "3 months")
        #expect(reply["is_default"] as? Bool == false)
    }

    @Test func dbStatusAndDuplicates() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let status = try jianyi("db", "status", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == Migration.all.count)
        #expect(rows.allSatisfy { $0["state"] as? String == "applied" })
        let again = try jianyi("deputy", "add", "D001", "--name", "重复")
        #expect(again.code == 65)
        #expect(again.stderr == "jianyi: deputy D001 already exists in LL\n")
        let badSession = try jianyi("session", "add", "5-5", "--opened", "2025-01-20", "--closed", "2025-01-10")
        #expect(badSession.code == 64)
        #expect(badSession.stderr == "jianyi: --closed: 2025-01-10 is before --opened 2025-01-20\n")
    }
}
