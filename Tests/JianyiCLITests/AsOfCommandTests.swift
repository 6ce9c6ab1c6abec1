import Foundation
import Testing

/// `--as-of DATE` on `list` and the reports (issue 16): the cases as they stood at the end of
/// the day, the day and the making time printed, the steps entered late counted.
@Suite struct AsOfCommandTests {
    /// One recess case: registered 2026-02-27, accepted 02-28, assigned to SJJ 03-02, replied
    /// 06-03. Every step is recorded now, long after those days.
    func oneCase() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.ok("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--recess", "--on", "2026-02-27")
        let number = "R2026-0001"
        try jianyi.ok("review", number, "--accept", "--on", "2026-02-28")
        try jianyi.ok("assign", number, "--lead", "SJJ", "--on", "2026-03-02")
        try jianyi.ok("reply", number, "--unit", "SJJ", "--outcome", "A", "--text", "已解决", "--on", "2026-06-03")
        return jianyi
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func listShowsTheCaseAsItStoodThatDay() throws {
        let jianyi = try oneCase()
        for (day, state, replied) in [("2026-02-27", "submitted", false), ("2026-03-01", "accepted", false),
                                      ("2026-03-02", "assigned", false), ("2026-06-02", "assigned", false), ("2026-06-03", "replied", true)] {
            let cases = try #require(try json(jianyi.ok("list", "--as-of", day, "--format", "json").stdout) as? [[String: Any]], "\(day)")
            #expect(cases.count == 1 && cases.first?["state"] as? String == state, "\(day)")
            #expect((cases.first?["replied_on"] as? String != nil) == replied, "\(day)")
        }
        #expect(try jianyi.ok("list", "--as-of", "2026-02-26", "--format", "json").stdout == "[]\n")
        // Filters apply to the state then.
        #expect(try jianyi.ok("list", "--as-of", "2026-06-02", "--state", "assigned", "--format", "csv").stdout.contains("R2026-0001"))
        #expect(!(try jianyi.ok("list", "--as-of", "2026-06-03", "--state", "assigned", "--format", "csv").stdout.contains("R2026-0001")))
        let table = try jianyi.ok("list", "--as-of", "2026-06-02").stdout
        #expect(table.hasPrefix("截至 2026-06-02 日终；制表于 "), "\(table)")
        #expect(table.contains("其中 3 项办理步骤的日期在 2026-06-02 或之前，但在该日之后才录入。\n"), "\(table)")
    }

    @Test func reportsSayTheDayWhenMadeAndTheLateEntries() throws {
        let jianyi = try oneCase()
        let score = try #require(try json(jianyi.ok("score", "units", "--format", "json", "--as-of", "2026-06-02").stdout) as? [String: Any])
        #expect(score["as_of"] as? String == "2026-06-02" && score["late_entries"] as? Int == 3)
        #expect((score["made_at"] as? String)?.hasSuffix("+08:00") == true)
        let units = try #require(score["units"] as? [[String: Any]])
        #expect(units.count == 1 && units[0]["replied"] as? Int == 0)
        let raw = try jianyi.ok("score", "units", "--format", "json", "--as-of", "2026-06-03").stdout
        #expect(raw.hasPrefix(#"{"as_of":"2026-06-03","weights""#) && raw.contains(#""late_entries":4}"#), "\(raw)")
        let explain = try #require(try json(jianyi.ok("score", "units", "--explain", "SJJ", "--format", "json", "--as-of", "2026-06-02").stdout)
            as? [String: Any])
        #expect(explain["as_of"] as? String == "2026-06-02" && explain["late_entries"] as? Int == 3 && explain["made_at"] is String)
        let text = try jianyi.ok("export", "satisfaction", "--as-of", "2026-06-02").stdout
        #expect(text.hasPrefix("截至 2026-06-02 日终；制表于 "), "\(text)")
        #expect(text.contains("其中 3 项办理步骤"))
        let html = try jianyi.ok("score", "units", "--format", "html", "--as-of", "2026-06-02", "--today", "2026-11-23").stdout
        #expect(html.contains("数据截至 <time datetime=\"2026-06-02\">2026年6月2日</time> · 制表 <time datetime=\"2026-11-23\">2026年11月23日</time>"))
        #expect(html.contains("<p class=\"late\">其中 3 项办理步骤的日期在 2026-06-02 或之前，但在该日之后才录入。</p>"))
        // As of today (the real one) every step was recorded by the day's end: no late line.
        let todays = try jianyi.ok("export", "satisfaction", "--format", "html").stdout
        #expect(todays.contains("<p class=\"dates\">") && !todays.contains("class=\"late\""), "\(todays)")
        let repeated = try #require(try json(jianyi.ok("report", "repeated", "--format", "json", "--as-of", "2026-06-02").stdout) as? [String: Any])
        #expect(repeated["as_of"] as? String == "2026-06-02" && repeated["late_entries"] as? Int == 3 && repeated["repeated_cases"] as? Int == 0)
        let english = try jianyi.ok("export", "satisfaction", "--as-of", "2026-06-02", "--lang", "en").stdout
        #expect(english.hasPrefix("as of the end of 2026-06-02; made "), "\(english)")
    }

    /// 并案: R2026-0002 (registered 02-27) is merged into R2026-0001 (accepted 02-28) on 03-01;
    /// R2026-0001 is assigned to SJJ 03-02 and replied 06-03.
    func aMerge() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.ok("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--recess", "--on", "2026-02-27")
        try jianyi.ok("register", "--title", "关于老旧小区加装电梯的建议", "--deputy", "D002", "--recess", "--on", "2026-02-27")
        try jianyi.ok("review", "R2026-0001", "--accept", "--on", "2026-02-28")
        try jianyi.ok("merge", "R2026-0002", "--into", "R2026-0001", "--note", "同一事项", "--on", "2026-03-01")
        try jianyi.ok("assign", "R2026-0001", "--lead", "SJJ", "--on", "2026-03-02")
        try jianyi.ok("reply", "R2026-0001", "--unit", "SJJ", "--outcome", "A", "--text", "已解决", "--on", "2026-06-03")
        return jianyi
    }

    @Test func listShowsAMergeFromItsDayOn() throws {
        let jianyi = try aMerge()
        func cases(_ day: String, _ more: String...) throws -> [String: [String: Any]] {
            let list = try #require(try json(jianyi.ok(["list", "--as-of", day, "--format", "json"] + more).stdout) as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: list.map { ($0["number"] as? String ?? "", $0) })
        }
        let before = try cases("2026-02-28")
        #expect(before["R2026-0002"]?["state"] as? String == "submitted" && before["R2026-0002"]?["merged_into"] is NSNull)
        #expect(before["R2026-0001"]?["state"] as? String == "accepted" && before["R2026-0001"]?["merged"] as? [String] == [])
        let after = try cases("2026-03-01")
        #expect(after["R2026-0002"]?["state"] as? String == "merged" && after["R2026-0002"]?["merged_into"] as? String == "R2026-0001")
        #expect(after["R2026-0001"]?["state"] as? String == "accepted" && after["R2026-0001"]?["merged"] as? [String] == ["R2026-0002"])
        #expect(try cases("2026-02-28", "--state", "merged").isEmpty)
        #expect(try cases("2026-03-01", "--state", "merged").keys.sorted() == ["R2026-0002"])
        let table = try jianyi.ok("list", "--as-of", "2026-03-01").stdout
        #expect(table.contains("已并案"), "\(table)")
    }

    /// `report supervision` takes --as-of like every report: the month as it stood that day
    /// (when before the month's end), with the day, when made, and the steps entered late.
    @Test func theSupervisionReportTakesAsOf() throws {
        let jianyi = try aMerge()
        let march = try #require(try json(jianyi.ok("report", "supervision", "--month", "2026-03", "--as-of", "2026-03-01",
                                                    "--format", "json", "--today", "2026-11-23").stdout) as? [String: Any])
        #expect(march["as_of"] as? String == "2026-03-01" && march["made"] as? String == "2026-11-23")
        #expect(march["late_entries"] as? Int == 5 && (march["made_at"] as? String)?.hasSuffix("+08:00") == true)
        let states = try #require(march["states"] as? [[String: Any]])
        #expect(states.map { "\($0["state"]!) \($0["previous"]!) \($0["current"]!)" } == ["submitted 1 0", "accepted 1 1", "merged 0 1"])
        // June as of 06-02 has no reply yet; the whole month (--as-of after its end) has SJJ's.
        let early = try #require(try json(jianyi.ok("report", "supervision", "--month", "2026-06", "--as-of", "2026-06-02",
                                                    "--format", "json", "--today", "2026-11-23").stdout) as? [String: Any])
        #expect(early["as_of"] as? String == "2026-06-02" && (early["replies"] as? [Any])?.isEmpty == true)
        let june = try #require(try json(jianyi.ok("report", "supervision", "--month", "2026-06", "--as-of", "2026-07-15",
                                                   "--format", "json", "--today", "2026-11-23").stdout) as? [String: Any])
        #expect(june["as_of"] as? String == "2026-06-30" && june["late_entries"] as? Int == 7)
        #expect((june["replies"] as? [[String: Any]])?.map { $0["unit"] as? String } == ["SJJ"])
        let text = try jianyi.ok("report", "supervision", "--month", "2026-06", "--as-of", "2026-06-02", "--today", "2026-11-23").stdout
        #expect(text.contains("数据截至 2026年6月2日 · 制表 2026年11月23日\n其中 6 项办理步骤的日期在 2026-06-02 或之前，但在该日之后才录入。\n\n"), "\(text)")
        let html = try jianyi.ok("report", "supervision", "--month", "2026-06", "--as-of", "2026-06-02", "--format", "html", "--lang", "en",
                                 "--today", "2026-11-23").stdout
        #expect(html.contains("Figures as of <time datetime=\"2026-06-02\">2026-06-02</time> · made <time datetime=\"2026-11-23\">2026-11-23</time>"))
        #expect(html.contains("<p class=\"late\">6 steps dated on or before 2026-06-02 were recorded after it.</p>"))
        try jianyi.expectRefusal(["report", "supervision", "--month", "2026-06", "--as-of", "2026-05-31"], 64,
                                 mentioning: "--month: 2026-06 had not begun by --as-of 2026-05-31")
    }

    @Test func beforeTheFirstCaseThereIsNoData() throws {
        let jianyi = try oneCase()
        let table = try jianyi.ok("export", "satisfaction", "--as-of", "2026-02-26").stdout
        #expect(table.contains("\n无数据\n"), "\(table)")
        #expect(!table.contains("其中"))
        #expect(try jianyi.ok("score", "units", "--as-of", "2026-02-26").stdout.contains("\n无数据\n"))
        #expect(try jianyi.ok("export", "satisfaction", "--as-of", "2026-02-26", "--format", "json").stdout == "[]\n")
        let list = try jianyi.ok("list", "--as-of", "2026-02-26").stdout
        #expect(list.hasSuffix("共 0 件\n"), "\(list)")
    }

    /// Without --as-of the figures are today's: the same as with --as-of today.
    @Test func withoutTheFlagTheFiguresAreTodays() throws {
        let jianyi = try oneCase()
        try jianyi.ok("rate", "R2026-0001", "--result", "basic", "--on", "2026-06-10")
        for command in [["export", "satisfaction", "--format", "csv"], ["score", "units", "--format", "csv"], ["list", "--format", "json"],
                        ["report", "repeated", "--format", "csv"]] {
            let plain = try jianyi.ok(command + ["--today", "2026-06-20"]).stdout
            let asOf = try jianyi.ok(command + ["--today", "2026-06-20", "--as-of", "2026-06-20"]).stdout
            #expect(plain == asOf, "\(command)")
            #expect(plain.contains("SJJ") || plain.contains("R2026") || command[0] == "report", "\(command): \(plain)")
        }
    }

    @Test func daysAfterTodayAndBadDatesAreRefused() throws {
        let jianyi = try oneCase()
        for command in [["list"], ["export", "satisfaction"], ["score", "units"], ["score", "units", "--explain", "SJJ"], ["report", "repeated"],
                        ["report", "supervision", "--month", "2026-06"]] {
            try jianyi.expectRefusal(command + ["--as-of", "9999-12-31"], 64, mentioning: "--as-of: 9999-12-31 is after today")
            try jianyi.expectRefusal(command + ["--as-of", "2026-02-30"], 64, mentioning: "--as-of")
            try jianyi.expectRefusal(command + ["--as-of", "yesterday"], 64, mentioning: "--as-of")
        }
        try jianyi.expectRefusal(["list", "--as-of", "2026-06-21", "--today", "2026-06-20"], 64, mentioning: "after today (2026-06-20)")
    }
}
