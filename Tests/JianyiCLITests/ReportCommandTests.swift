import Foundation
import Testing

@Suite struct ReportCommandTests {
    /// Two units: ZJJ replies on time after a contact and is rated satisfied; JTJ never replies.
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
        #expect(csv.stdout.components(separatedBy: "\r\n") == [
            "\u{FEFF}group,cases,replied,replied_on_time,on_time_rate,contacted,contact_rate,rated,satisfied,basic,dissatisfied,satisfaction_rate,satisfied_rate,attitude_satisfaction_rate,first_round_dissatisfied,outcome_a,outcome_b,outcome_c,resolution_rate",
            "JTJ,1,0,0,,0,,0,0,0,0,,,,0,0,0,0,",
            "ZJJ,1,1,1,1.0000,1,1.0000,1,1,0,0,1.0000,1.0000,1.0000,0,1,0,0,1.0000",
            "",
        ])
        let score = try jianyi("score", "units", "--format", "csv")
        #expect(score.stdout.hasPrefix("group,cases,"))
        #expect(score.stdout.contains(",resolution_rate,score\r\nZJJ,"))
        #expect(score.stdout.hasSuffix("JTJ,1,0,0,,0,,0,0,0,0,,,,0,0,0,0,,0.00\r\n"))
    }

    @Test func jsonNamesWeightsAndEmptyRates() throws {
        let jianyi = try twoUnits()
        try jianyi.ok("policy", "set", "weight_contact", "0.2")
        let result = try jianyi("score", "units", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let weights = try #require(object["weights"] as? [String: Double])
        #expect(weights == ["on_time": 0.25, "contact": 0.2, "satisfaction": 0.45, "resolution": 0.15])
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.map { $0["group"] as? String } == ["ZJJ", "JTJ"])
        // ZJJ: 100 × (0.25 + 0.2 + 0.45 + 0.15) = 105.00 — the congress's weights need not sum to 1.
        #expect((units[0]["score"] as? NSNumber)?.doubleValue == 105.0)
        #expect(units[1]["on_time_rate"] is NSNull)
        #expect(units[1]["empty_rates"] as? [String] == ["on_time_rate", "contact_rate", "satisfaction_rate", "resolution_rate"])
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
        #expect(html.components(separatedBy: "<svg ").count == 3)  // two charts
        #expect(html.contains("<rect x=\"170\" y=\"34\" width=\"300\""))  // ZJJ's full bar, second row
        #expect(html.contains("— 无数据"))  // JTJ has nothing to rate
        #expect(!html.contains("src=") && !html.contains("href="))  // nothing fetched from anywhere
        #expect(!html.contains("<script"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["满意度.html"])  // no temp file left
        let failed = try jianyi("export", "satisfaction", "--output", "/nonexistent/dir/x.csv")
        #expect(failed.code == 73)
    }

    @Test func tableIsReadable() throws {
        let jianyi = try twoUnits()
        let table = try jianyi("score", "units")
        #expect(table.stdout.contains("1     ZJJ       市住房和城乡建设局"))
        #expect(table.stdout.contains("100.0% (1/1)"))
        #expect(table.stdout.hasSuffix("权重：按期答复率 0.25，沟通率 0.15，满意率 0.45，解决率 0.15；无分母的比率（—）按 0 计。\n"))
        let bad = try jianyi("export", "satisfaction", "--from", "2024-05-01", "--to", "2024-04-01")
        #expect(bad.code == 64)
        #expect(bad.stderr == "jianyi: --to: 2024-04-01 is before --from 2024-05-01\n")
    }
}
