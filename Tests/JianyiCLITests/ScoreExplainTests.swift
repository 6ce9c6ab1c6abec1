import Foundation
import Testing

/// `score units --explain UNIT`: each term of one unit's score with its weight, and the case
/// numbers behind every count, so a unit disputing its ranking can check each case.
@Suite struct ScoreExplainTests {
    /// ZJJ: 5-4-0001 contacted, replied A on time, rated satisfied; 5-4-0002 replied C late
    /// (due 2024-05-20), rated dissatisfied; 5-4-0003 never replied. JTJ: 5-4-0004, replied A on time.
    func zjj() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for (code, name) in [("ZJJ", "市住房和城乡建设局"), ("JTJ", "市交通运输局")] { try jianyi.ok("unit", "add", code, "--name", name) }
        for lead in ["ZJJ", "ZJJ", "ZJJ", "JTJ"] {
            let n = try jianyi.acceptedCase()
            try jianyi.ok("assign", n, "--lead", lead, "--on", "2024-02-20")
        }
        try jianyi.ok("contact", "5-4-0001", "--unit", "ZJJ", "--mode", "phone", "--on", "2024-03-01")
        try jianyi.ok("reply", "5-4-0001", "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-04-01")
        try jianyi.ok("rate", "5-4-0001", "--result", "satisfied", "--attitude", "satisfied", "--on", "2024-04-10")
        try jianyi.ok("reply", "5-4-0002", "--unit", "ZJJ", "--outcome", "C", "--text", "条件不具备", "--on", "2024-05-22")
        try jianyi.ok("rate", "5-4-0002", "--result", "dissatisfied", "--attitude", "basic", "--comment", "未沟通", "--on", "2024-05-30")
        try jianyi.ok("reply", "5-4-0004", "--unit", "JTJ", "--outcome", "A", "--text", "已解决", "--on", "2024-04-01")
        return jianyi
    }

    @Test func jsonGivesEachTermItsWeightPointsAndCases() throws {
        let jianyi = try zjj()
        let object = try jsonObject(try jianyi.ok("score", "units", "--explain", "ZJJ", "--format", "json", "--today", "2024-12-31"))
        #expect(object["unit"] as? String == "ZJJ")
        #expect(object["unit_name"] as? String == "市住房和城乡建设局")
        #expect(object["as_of"] as? String == "2024-12-31")
        #expect(object["rated"] as? Int == 2 && object["min_rated_cases"] as? Int == 5)
        #expect(object["rank"] is NSNull && object["insufficient_sample"] as? Bool == true)
        // 100 × (0.25 × 1/3 + 0.15 × 1/2 + 0.45 × 1/2 + 0.15 × 1/2) = 8.33 + 7.50 + 22.50 + 7.50 = 45.83
        #expect((object["score"] as? NSNumber)?.doubleValue == 45.83)
        let terms = try #require(object["terms"] as? [[String: Any]])
        #expect(terms.map { $0["rate"] as? String } == ["on_time_rate", "contact_rate", "satisfaction_rate", "resolution_rate"])
        #expect(terms.map { ($0["weight"] as? NSNumber)?.doubleValue } == [0.25, 0.15, 0.45, 0.15])
        #expect(terms.map { ($0["points"] as? NSNumber)?.doubleValue } == [8.33, 7.5, 22.5, 7.5])
        #expect(terms.map { $0["numerator_cases"] as? [String] } == [["5-4-0001"], ["5-4-0001"], ["5-4-0001"], ["5-4-0001"]])
        #expect(terms.map { $0["denominator_cases"] as? [String] }
                == [["5-4-0001", "5-4-0002", "5-4-0003"], ["5-4-0001", "5-4-0002"], ["5-4-0001", "5-4-0002"], ["5-4-0001", "5-4-0002"]])
        #expect(terms.map { $0["denominator"] as? Int } == [3, 2, 2, 2])
        // The same unit in the report: the explanation's score is the report's.
        try jianyi.ok("policy", "set", "min_rated_cases", "0")
        let ranked = try jsonObject(try jianyi.ok("score", "units", "--explain", "ZJJ", "--format", "json", "--today", "2024-12-31"))
        #expect(ranked["rank"] as? Int == 1 && ranked["insufficient_sample"] as? Bool == false)
        let report = try jsonObject(try jianyi.ok("score", "units", "--format", "json", "--today", "2024-12-31"))
        let zjj = try #require((report["units"] as? [[String: Any]])?.first { $0["group"] as? String == "ZJJ" })
        #expect((zjj["score"] as? NSNumber)?.doubleValue == 45.83)
        #expect(zjj["rank"] as? Int == 1)  // JTJ: 100 × (0.25 + 0.15) = 40.00
    }

    @Test func theTableNamesTheCasesThatLowerEachRate() throws {
        let jianyi = try zjj()
        let text = try jianyi.ok("score", "units", "--explain", "ZJJ", "--today", "2024-12-31").stdout
        // The heading: the unit, the day (and when the report was made, and the steps recorded
        // after that day: all of them, entered now), the scope, the score.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "承办单位：ZJJ 市住房和城乡建设局" && lines[1].hasPrefix("截至 2024-12-31 日终；制表于 "), "\(text)")
        #expect(lines[2].hasPrefix("其中 ") && lines[2].hasSuffix(" 项办理步骤的日期在 2024-12-31 或之前，但在该日之后才录入。"), "\(text)")
        #expect(lines[3...4] == ["全部已交办建议", "得分：45.83；样本不足：已评价 2 件，少于 5 件，不排名"], "\(text)")
        #expect(text.contains("按期答复率  0.25  33.3% (1/3)  8.33"), "\(text)")
        #expect(text.contains("合计                           45.83"), "\(text)")
        #expect(text.contains("""
            按期答复率（on_time_rate）= 按期答复 / 已答复或超期未答复
              按期答复（1 件）：5-4-0001
              逾期答复或超期未答复（2 件）：5-4-0002、5-4-0003
            """), "\(text)")
        #expect(text.contains("  不满意（1 件）：5-4-0002\n"), "\(text)")
        let english = try jianyi.ok("score", "units", "--explain", "ZJJ", "--today", "2024-12-31", "--lang", "en").stdout
        #expect(english.contains("  replied late or unreplied past due (2): 5-4-0002, 5-4-0003\n"), "\(english)")
        // As of the due day neither 5-4-0002 nor 5-4-0003 is owed yet: 5-4-0002's reply, dated
        // 05-22, is not seen as of 05-20 (issue 16: the cases as they stood that day). As of
        // 05-21 both are past due, unreplied then; as of 05-22 the late reply is there.
        let early = try jianyi.ok("score", "units", "--explain", "ZJJ", "--today", "2024-05-20").stdout
        #expect(early.contains("  逾期答复或超期未答复（0 件）：无\n"), "\(early)")
        let dueNow = try jianyi.ok("score", "units", "--explain", "ZJJ", "--as-of", "2024-05-21").stdout
        #expect(dueNow.contains("  逾期答复或超期未答复（2 件）：5-4-0002、5-4-0003\n"), "\(dueNow)")
        #expect(dueNow.contains("  按期答复（1 件）：5-4-0001\n"), "\(dueNow)")
    }

    @Test func anUnknownUnitOrAFileFormatIsRefused() throws {
        let jianyi = try zjj()
        _ = try jianyi.expectRefusal(["score", "units", "--explain", "XXX"], 65, mentioning: "--explain: XXX is not a unit of LL")
        for format in ["csv", "html"] {
            _ = try jianyi.expectRefusal(["score", "units", "--explain", "ZJJ", "--format", format], 64,
                                     mentioning: "--explain: the explanation is a table or json, not \(format)")
        }
        // A unit with no case in scope is explained with empty rates.
        let sjj = try jsonObject(try jianyi.ok("score", "units", "--explain", "SJJ", "--format", "json"))
        #expect((sjj["score"] as? NSNumber)?.doubleValue == 0)
        #expect((sjj["terms"] as? [[String: Any]])?.allSatisfy { $0["value"] is NSNull && ($0["denominator_cases"] as? [String])?.isEmpty == true } == true)
    }
}
