import Foundation
import Testing

/// `report supervision --month`: the month as the cases stood at its end by the dates their
/// steps carry, whatever was recorded since.
@Suite struct SupervisionReportTests {
    /// Five cases of D001 (registered 2024-01-21). 0001 (ZJJ) replied on time in May and was
    /// rated in June; 0002 (JTJ) replied late in May; 0003 (CGJ) never replies (due 05-20);
    /// 0004 (ZJJ, assigned in March) is a key suggestion since April; 0005 is accepted only
    /// in May.
    func may2024() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        for (title, lead, assigned) in [("关于加快老旧小区改造的建议", "ZJJ", "2024-02-20"), ("关于增设公交站点的建议", "JTJ", "2024-02-20"),
                                        ("关于整治占道经营的建议", "CGJ", "2024-02-20"), ("关于建设城市公园的建议", "ZJJ", "2024-03-01")] {
            let n = try jianyi.acceptedCase(title)
            try jianyi.ok("assign", n, "--lead", lead, "--on", assigned)
        }
        try jianyi.ok("register", "--title", "关于规范物业收费的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
        try jianyi.ok("review", "5-4-0005", "--accept", "--on", "2024-05-03")
        try jianyi.ok("supervise", "5-4-0004", "--leader", "张主任", "--committee", "城建环保工委", "--on", "2024-04-01")
        try jianyi.ok("reply", "5-4-0001", "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-05-10")
        try jianyi.ok("reply", "5-4-0002", "--unit", "JTJ", "--outcome", "C", "--text", "条件不具备", "--on", "2024-05-25")
        try jianyi.ok("rate", "5-4-0001", "--result", "satisfied", "--attitude", "satisfied", "--on", "2024-06-05")
        return jianyi
    }

    @Test func jsonCountsTheMonthAsItStoodAtItsEnd() throws {
        let jianyi = try may2024()
        let report = try jsonObject(try jianyi.ok("report", "supervision", "--month", "2024-05", "--format", "json", "--today", "2024-11-30"))
        #expect(report["month"] as? String == "2024-05")
        #expect(report["as_of"] as? String == "2024-05-31")
        #expect(report["previous_month_end"] as? String == "2024-04-30")
        #expect(report["made"] as? String == "2024-11-30")
        // The rating of 06-05 (which closed 0001) is not seen at the end of May.
        let states = try #require(report["states"] as? [[String: Any]])
        #expect(states.map { "\($0["state"]!) \($0["previous"]!) \($0["current"]!) \($0["change"]!)" }
                == ["submitted 1 0 -1", "accepted 0 1 1", "assigned 4 2 -2", "replied 0 2 2"])
        let replies = try #require(report["replies"] as? [[String: Any]])
        #expect(replies.map { "\($0["unit"]!) \($0["replies"]!) \($0["on_time"]!) \($0["late"]!)" } == ["JTJ 1 0 1", "ZJJ 1 1 0"])
        let overdue = try #require(report["overdue"] as? [[String: Any]])
        #expect(overdue.map { "\($0["unit"]!) \($0["obligations"]!) \($0["longest_days_overdue"]!)" } == ["CGJ 1 11"])
        let items = try #require(overdue.first?["items"] as? [[String: Any]])
        #expect(items.first?["number"] as? String == "5-4-0003")
        #expect(items.first?["due_on"] as? String == "2024-05-20")
        let key = try #require(report["key_suggestions"] as? [[String: Any]])
        #expect(key.count == 1)
        #expect(key.first?["number"] as? String == "5-4-0004")
        #expect(key.first?["leader"] as? String == "张主任")
        #expect(key.first?["committee"] as? String == "城建环保工委")
        #expect(key.first?["lead_unit"] as? String == "ZJJ")
        #expect(key.first?["state"] as? String == "assigned")
        #expect(key.first?["days_overdue"] is NSNull)
        let silent = try #require(report["units_without_reply"] as? [[String: Any]])
        #expect(silent.map { "\($0["unit"]!) \($0["replies_due"]!) \($0["earliest_due_on"]!)" } == ["CGJ 1 2024-05-20"])

        // April: nothing replied, nothing overdue, no unit silent yet; the key mark of 04-01 is there.
        let april = try jsonObject(try jianyi.ok("report", "supervision", "--month", "2024-04", "--format", "json", "--today", "2024-11-30"))
        #expect((april["replies"] as? [Any])?.isEmpty == true)
        #expect((april["overdue"] as? [Any])?.isEmpty == true)
        #expect((april["units_without_reply"] as? [Any])?.isEmpty == true)
        #expect((april["key_suggestions"] as? [[String: Any]])?.first?["leader"] as? String == "张主任")
        // March: the case was not yet key.
        let march = try jsonObject(try jianyi.ok("report", "supervision", "--month", "2024-03", "--format", "json", "--today", "2024-11-30"))
        #expect((march["key_suggestions"] as? [Any])?.isEmpty == true)
        // June: 0001 closed by its rating.
        let june = try jsonObject(try jianyi.ok("report", "supervision", "--month", "2024-06", "--format", "json", "--today", "2024-11-30"))
        let juneStates = try #require(june["states"] as? [[String: Any]])
        #expect(juneStates.contains { $0["state"] as? String == "closed" && $0["current"] as? Int == 1 && $0["previous"] as? Int == 0 })
    }

    @Test func aRunningMonthIsCountedToTodayAndAMonthNotBegunIsRefused() throws {
        let jianyi = try may2024()
        let running = try jsonObject(try jianyi.ok("report", "supervision", "--month", "2024-05", "--format", "json", "--today", "2024-05-24"))
        #expect(running["as_of"] as? String == "2024-05-24")
        #expect((running["replies"] as? [[String: Any]])?.map { $0["unit"] as? String } == ["ZJJ"])
        try jianyi.expectRefusal(["report", "supervision", "--month", "2024-06", "--today", "2024-05-24"], 64, mentioning: "--month: 2024-06 has not begun (today is 2024-05-24)")
        try jianyi.expectRefusal(["report", "supervision", "--month", "2024-05", "--output", "/nonexistent/dir/督办.html"], 73, mentioning: "--output")
        try jianyi.expectRefusal(["report", "supervision", "--month", "2024-05", "--format", "xml"], 64, mentioning: "--format")
        for bad in ["2024-13", "2024-5", "24-05", "2024-05-01", ""] {
            try jianyi.expectRefusal(["report", "supervision", "--month", bad], 64, mentioning: "is not a month")
        }
    }

    @Test func textAndHTMLSayTheSameInWords() throws {
        let jianyi = try may2024()
        let text = try jianyi.ok("report", "supervision", "--month", "2024-05", "--today", "2024-11-30").stdout
        #expect(text.hasPrefix("2024年5月代表建议办理督办通报\n范围：2024年5月1日至2024年5月31日，与上月末（2024年4月30日）比较\n数据截至 2024年5月31日 · 制表 2024年11月30日\n"), "\(text)")
        #expect(text.contains("CGJ       市城市管理局  1         0         11            5-4-0003 主办答复 超期11天\n"), "\(text)")
        #expect(text.contains("合计    5                  5                  0\n"), "\(text)")
        #expect(text.contains("五、反复提建议\n截至本月末共 0 件：同一代表再提 0 件，其他代表再提 0 件；往届已答复为 A 或 B 的 0 件。\n无数据\n"), "\(text)")

        let html = try jianyi.ok("report", "supervision", "--month", "2024-05", "--format", "html", "--today", "2024-11-30").stdout
        #expect(html.contains("<p class=\"congress\">吕梁市人民代表大会</p>\n<h1>2024年5月代表建议办理督办通报</h1>"))
        #expect(html.contains("数据截至 <time datetime=\"2024-05-31\">2024年5月31日</time> · 制表 <time datetime=\"2024-11-30\">2024年11月30日</time>"))
        #expect(html.contains("<tr><td class=\"l\">JTJ</td><td class=\"l name\">市交通运输局</td><td>1</td><td>0</td><td>1</td></tr>"))
        #expect(html.contains("<td class=\"l\">张主任</td><td class=\"l\">城建环保工委</td><td class=\"l name\">ZJJ 市住房和城乡建设局</td>"))
        #expect(html.contains("<h2>五、反复提建议</h2>") && html.contains("<p class=\"empty\">无数据</p>"))
        #expect(html.contains("@page { size: A4 portrait;") && html.contains("thead { display: table-header-group; }"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))

        let english = try jianyi.ok("report", "supervision", "--month", "2024-05", "--format", "html", "--lang", "en", "--today", "2024-11-30").stdout
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("<h1>Supervision report, 2024-05</h1>"))
        #expect(english.contains("<th>unit</th><th>name</th><th>replies</th><th>on time</th><th>late</th>"))
        #expect(!english.contains("督办通报") && !english.contains("无数据") && !english.contains("合计"))
    }

    @Test func hostileNamesAreShownAsText() throws {
        let jianyi = try may2024()
        let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
        try jianyi.ok("unit", "add", "XSS", "--name", hostile)
        let n = try jianyi.acceptedCase(hostile)
        try jianyi.ok("assign", n, "--lead", "XSS", "--on", "2024-02-20")
        try jianyi.ok("supervise", n, "--leader", hostile, "--on", "2024-03-01")
        let html = try jianyi.ok("report", "supervision", "--month", "2024-05", "--format", "html", "--today", "2024-11-30").stdout
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
    }
}
