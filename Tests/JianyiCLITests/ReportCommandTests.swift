import Foundation
import Testing

@Suite struct ReportCommandTests {
    /// Two units: ZJJ replies on time after a contact and is rated satisfied; JTJ never replies
    /// (its reply was due 2024-05-20, long before today).
    func twoUnits() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for (code, name) in [("ZJJ", "市住房和城乡建设局"), ("JTJ", "市交通运输局")] { try jianyi.ok("unit", "add", code, "--name", name) }
        for (n, lead) in [("5-4-0001", "ZJJ"), ("5-4-0002", "JTJ")] {
            try jianyi.ok("register", "--title", "关于\"加快\"老旧小区改造的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
            try jianyi.ok("review", n, "--accept", "--on", "2024-01-30")
            try jianyi.ok("assign", n, "--lead", lead, "--on", "2024-02-20")
        }
        try jianyi.ok("contact", "5-4-0001", "--unit", "ZJJ", "--mode", "phone", "--on", "2024-03-01")
        try jianyi.ok("reply", "5-4-0001", "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-04-01")
        try jianyi.ok("rate", "5-4-0001", "--result", "satisfied", "--attitude", "basic", "--on", "2024-04-10")
        return jianyi
    }

    @Test func csvHasExactlyTheContractHeaderAndEmptyRates() throws {
        let jianyi = try twoUnits()
        let csv = try jianyi("export", "satisfaction", "--by", "unit", "--format", "csv", "--bom")
        #expect(csv.code == 0, "\(csv.stderr)")
        // The contract's columns where they stood, then the unreplied cases past due and the
        // replied-only rate. JTJ never replied: on time 0 of 1, not empty (and never 100 %).
        #expect(csv.stdout.components(separatedBy: "\r\n") == [
            "\u{FEFF}group,cases,replied,replied_on_time,on_time_rate,contacted,contact_rate,rated,satisfied,basic,dissatisfied,satisfaction_rate,satisfied_rate,attitude_satisfaction_rate,first_round_dissatisfied,outcome_a,outcome_b,outcome_c,resolution_rate,unreplied_past_due,replied_on_time_rate",
            "JTJ,1,0,0,0.0000,0,,0,0,0,0,,,,0,0,0,0,,1,",
            "ZJJ,1,1,1,1.0000,1,1.0000,1,1,0,0,1.0000,1.0000,1.0000,0,1,0,0,1.0000,0,1.0000",
            "",
        ])
        // One rated case each is below min_rated_cases (5): both listed by code, neither ranked.
        let score = try jianyi("score", "units", "--format", "csv")
        #expect(score.stdout.components(separatedBy: "\r\n") == [
            "group,cases,replied,replied_on_time,on_time_rate,contacted,contact_rate,rated,satisfied,basic,dissatisfied,satisfaction_rate,satisfied_rate,attitude_satisfaction_rate,first_round_dissatisfied,outcome_a,outcome_b,outcome_c,resolution_rate,score,unreplied_past_due,replied_on_time_rate,rank,insufficient_sample",
            "JTJ,1,0,0,0.0000,0,,0,0,0,0,,,,0,0,0,0,,0.00,1,,,true",
            "ZJJ,1,1,1,1.0000,1,1.0000,1,1,0,0,1.0000,1.0000,1.0000,0,1,0,0,1.0000,100.00,0,1.0000,,true",
            "",
        ])
        try jianyi.ok("policy", "set", "min_rated_cases", "1")
        let ranked = try jianyi("score", "units", "--format", "csv")
        #expect(ranked.stdout.contains(",insufficient_sample\r\nZJJ,"))
        #expect(ranked.stdout.hasSuffix(",1.0000,100.00,0,1.0000,1,false\r\nJTJ,1,0,0,0.0000,0,,0,0,0,0,,,,0,0,0,0,,0.00,1,,,true\r\n"))
    }

    /// The reply due 2024-05-20 counts against JTJ from the day after: as of the due day it has
    /// nothing owed yet (no rate), as of 05-21 it is 0 of 1.
    @Test func anUnrepliedCaseCountsFromTheDayAfterItsDueDay() throws {
        let jianyi = try twoUnits()
        for (today, line) in [("2024-05-20", "JTJ,1,0,0,,0,,0,0,0,0,,,,0,0,0,0,,0,"), ("2024-05-21", "JTJ,1,0,0,0.0000,0,,0,0,0,0,,,,0,0,0,0,,1,")] {
            let csv = try jianyi.ok("export", "satisfaction", "--format", "csv", "--today", today).stdout
            #expect(csv.components(separatedBy: "\r\n")[1] == line, "\(today)")
        }
        let table = try jianyi.ok("export", "satisfaction", "--today", "2024-05-21").stdout
        #expect(table.contains("按期答复率 = 按期答复件数 /（已答复件数 + 截至 2024-05-21 已过答复期限仍未答复的件数）。"), "\(table)")
    }

    @Test func jsonNamesWeightsAndEmptyRates() throws {
        let jianyi = try twoUnits()
        try jianyi.ok("policy", "set", "weight_contact", "0.2")
        try jianyi.ok("policy", "set", "min_rated_cases", "1")
        let result = try jianyi("score", "units", "--format", "json", "--today", "2026-11-30")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let weights = try #require(object["weights"] as? [String: Double])
        #expect(weights == ["on_time": 0.25, "contact": 0.2, "satisfaction": 0.45, "resolution": 0.15])
        #expect(object["as_of"] as? String == "2026-11-30")
        #expect(object["min_rated_cases"] as? Int == 1)
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.map { $0["group"] as? String } == ["ZJJ", "JTJ"])
        // ZJJ: 100 × (0.25 + 0.2 + 0.45 + 0.15) = 105.00 — the congress's weights need not sum to 1.
        #expect((units[0]["score"] as? NSNumber)?.doubleValue == 105.0)
        #expect(units[0]["rank"] as? Int == 1)
        #expect(units[0]["insufficient_sample"] as? Bool == false)
        // JTJ never replied: on time 0 of 1 (the replied-only rate has nothing to divide), not rated: unranked.
        #expect((units[1]["on_time_rate"] as? NSNumber)?.doubleValue == 0)
        #expect(units[1]["unreplied_past_due"] as? Int == 1)
        #expect(units[1]["replied_on_time_rate"] is NSNull)
        #expect(units[1]["rank"] is NSNull)
        #expect(units[1]["insufficient_sample"] as? Bool == true)
        #expect(units[1]["empty_rates"] as? [String] == ["contact_rate", "satisfaction_rate", "resolution_rate"])
        let export = try jianyi("export", "satisfaction", "--format", "json", "--by", "deputy")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["group_name"] as? String == "史芷彤")
        #expect(rows[0]["cases"] as? Int == 2)
    }

    @Test func htmlIsOneSelfContainedPageWrittenAtomically() throws {
        let jianyi = try twoUnits()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("满意度.html")
        let result = try jianyi("export", "satisfaction", "--format", "html", "--output", file.path)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>吕梁市人民代表大会代表建议办理满意度测评</title>"))
        #expect(html.components(separatedBy: "<figure class=\"chart\">").count == 3)  // two charts
        // ZJJ's full bar first (ranked by the rate, not by code), JTJ with nothing to rate after it.
        #expect(html.contains("<div class=\"label\">ZJJ 市住房和城乡建设局</div><div class=\"track\"><div class=\"bar c0\" style=\"width: 100.0%\"></div></div><div class=\"value\" data-value=\"1.0\">100.0% (1/1)</div>\n<div class=\"label\">JTJ 市交通运输局</div><div class=\"track\"></div><div class=\"value none\" data-value=\"\">— 无数据</div>"))
        #expect(!html.contains("src=") && !html.contains("href="))  // nothing fetched from anywhere
        #expect(!html.contains("<script"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["满意度.html"])  // no temp file left
        let failed = try jianyi("export", "satisfaction", "--output", "/nonexistent/dir/x.csv")
        #expect(failed.code == 73)
    }

    @Test func tableIsReadable() throws {
        let jianyi = try twoUnits()
        let table = try jianyi("score", "units", "--today", "2026-11-30")
        #expect(table.stdout.contains("样本不足  JTJ       市交通运输局"), "\(table.stdout)")
        #expect(table.stdout.contains("样本不足  ZJJ       市住房和城乡建设局"), "\(table.stdout)")
        #expect(table.stdout.contains("100.0% (1/1)"))
        #expect(table.stdout.contains("0.0% (0/1)"))  // JTJ's on-time rate
        #expect(table.stdout.hasSuffix("""
            权重：按期答复率 0.25，沟通率 0.15，满意率 0.45，解决率 0.15；无分母的比率（—）按 0 计。
            按期答复率 = 按期答复件数 /（已答复件数 + 截至 2026-11-30 已过答复期限仍未答复的件数）。
            已评价不足 5 件的单位标注“样本不足”，列出但不排名（min_rated_cases）。

            """))
        _ = try jianyi.expectRefusal(["policy", "set", "min_rated_cases", "-1"], 64,
                                     mentioning: "policy min_rated_cases: '-1' is not a whole number of cases (0–10000)")
        try jianyi.ok("policy", "set", "min_rated_cases", "1")
        #expect(try jianyi.ok("score", "units").stdout.contains("1         ZJJ       市住房和城乡建设局"))
        let bad = try jianyi("export", "satisfaction", "--from", "2024-05-01", "--to", "2024-04-01")
        #expect(bad.code == 64)
        #expect(bad.stderr == "jianyi: --to: 2024-04-01 is before --from 2024-05-01\n")
    }
}
