import Foundation
import Testing

/// "Today" is `--today`, else `JIANYI_TODAY`, else the real date in the congress's time zone —
/// never the machine's.
@Suite struct TodayTests {
    @Test func jianyiTodayDatesStepsAndTheSweepAndTheFlagWins() throws {
        var jianyi = try Jianyi()
        try jianyi.setUp()
        jianyi.environment["JIANYI_TODAY"] = "2024-03-01"
        #expect(try jianyi.ok("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--recess").stdout == "R2024-0001\n")
        try jianyi.ok("review", "R2024-0001", "--accept")
        try jianyi.ok("assign", "R2024-0001", "--lead", "SJJ", "--today", "2024-03-04")
        let shown = try jsonObject(try jianyi.ok("show", "R2024-0001", "--format", "json"))
        #expect(shown["submitted_on"] as? String == "2024-03-01")
        #expect(shown["assigned_on"] as? String == "2024-03-04")
        #expect(try jsonArray(try jianyi.ok("history", "R2024-0001", "--format", "json")).map { $0["on"] as? String }
            == ["2024-03-01", "2024-03-01", "2024-03-04"])
        // The transfer window (10 working days from 03-04) closes 03-18: open on JIANYI_TODAY, expired by --today.
        #expect(deadlines(shown).contains("transfer_window SJJ 2024-03-18 open"))
        #expect(deadlines(try jianyi.shown("R2024-0001", today: "2024-03-19")).contains("transfer_window SJJ 2024-03-18 expired"))
        #expect(try jsonObject(try jianyi.ok("overdue", "--format", "json"))["as_of"] as? String == "2024-03-01")

        jianyi.environment["JIANYI_TODAY"] = "2024-13-01"
        try jianyi.expectRefusal(["overdue"], 64, mentioning: "JIANYI_TODAY: '2024-13-01' is not a date")
    }

    /// Kiritimati (UTC+14) and Pago Pago (UTC−11) are 25 hours apart: their dates always
    /// differ, and at any hour one of them differs from the machine's (UTC here).
    @Test func todayIsTheCongresssDateInItsTimeZone() throws {
        var jianyi = try Jianyi()
        jianyi.environment["TZ"] = "UTC"
        for (code, zone) in [("KI", "Pacific/Kiritimati"), ("PP", "Pacific/Pago_Pago")] {
            try jianyi.ok("congress", "add", code, "--name", "\(code) 人民代表大会", "--level", "county", "--time-zone", zone)
            try jianyi.ok("deputy", "add", "D001", "--name", "代表", "--delegation", "代表团", "--congress", code)
        }
        for (code, zone) in [("KI", "Pacific/Kiritimati"), ("PP", "Pacific/Pago_Pago")] {
            let before = Self.date(in: zone)
            let number = try jianyi.ok("register", "--title", "关于时区的建议", "--deputy", "D001", "--recess", "--congress", code)
                .stdout.trimmingCharacters(in: .newlines)
            try jianyi.ok("review", number, "--accept", "--congress", code)
            let after = Self.date(in: zone)
            let shown = try jsonObject(try jianyi.ok("show", number, "--format", "json", "--congress", code))
            let submitted = try #require(shown["submitted_on"] as? String)
            // Equal unless the zone's midnight fell while the command ran.
            #expect(submitted == before || submitted == after, "\(code): \(submitted), expected \(before)")
            #expect(number == "R\(submitted.prefix(4))-0001")
            let events = try jsonArray(try jianyi.ok("history", number, "--format", "json", "--congress", code))
            #expect(events.last?["kind"] as? String == "accepted")
            #expect(events.last?["on"] as? String == submitted)
        }
    }

    /// The calendar day of now in `zone`, computed here independently of the binary.
    static func date(in zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
