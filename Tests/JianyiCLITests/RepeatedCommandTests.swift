import Foundation
import Testing

/// 反复提: `show` links the earlier-session cases a case repeats, with their reply and rating,
/// and `report repeated` counts the cases raised again.
@Suite struct RepeatedCommandTests {
    /// Session 5-3 (a year earlier): 5-3-0001 by D001, replied A and rated satisfied;
    /// 5-3-0002 by D002, still submitted. Session 5-4: 5-4-0001 by D001 and 5-4-0002 by D003
    /// raise 老旧小区改造 again; 5-4-0003 is new; 5-4-0004 repeats 5-4-0001 of its own session.
    func history() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.ok("session", "add", "5-3", "--opened", "2023-01-10", "--closed", "2023-01-13")
        try jianyi.ok("unit", "add", "ZJJ", "--name", "市住房和城乡建设局")
        try jianyi.ok("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-3", "--on", "2023-01-11")
        try jianyi.ok("register", "--title", "关于加快老旧小区改造工作的建议", "--deputy", "D002", "--session", "5-3", "--on", "2023-01-12")
        try jianyi.ok("review", "5-3-0001", "--accept", "--on", "2023-01-20")
        try jianyi.ok("assign", "5-3-0001", "--lead", "ZJJ", "--on", "2023-02-01")
        try jianyi.ok("reply", "5-3-0001", "--unit", "ZJJ", "--outcome", "A", "--text", "已纳入改造计划", "--on", "2023-04-20")
        try jianyi.ok("rate", "5-3-0001", "--result", "satisfied", "--attitude", "satisfied", "--on", "2023-04-25")
        try jianyi.ok("register", "--title", "关于加快老旧小区改造的建议。", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
        try jianyi.ok("register", "--title", "关于推进老旧小区改造的建议", "--deputy", "D003", "--session", "5-4", "--on", "2024-01-21")
        try jianyi.ok("register", "--title", "关于提高乡村医生待遇的建议", "--deputy", "D002", "--session", "5-4", "--on", "2024-01-21")
        try jianyi.ok("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D002", "--session", "5-4", "--on", "2024-01-22")
        return jianyi
    }

    @Test func showLinksTheEarlierCasesAndTheirReplies() throws {
        let jianyi = try history()
        let shown = try jsonObject(try jianyi.ok("show", "5-4-0001", "--format", "json"))
        let earlier = try #require(shown["similar_earlier"] as? [[String: Any]])
        #expect(earlier.map { $0["number"] as? String } == ["5-3-0001", "5-3-0002"])
        #expect(earlier[0]["outcome"] as? String == "A")
        #expect(earlier[0]["replied_on"] as? String == "2023-04-20")
        #expect(earlier[0]["rating_result"] as? String == "satisfied")
        #expect(earlier[0]["deputy"] as? String == "D001")
        #expect((earlier[0]["score"] as? NSNumber)?.doubleValue == 1)
        #expect(earlier[1]["outcome"] is NSNull && earlier[1]["state"] as? String == "submitted")
        // Not a case of its own session (5-4-0004 is later anyway), nor an unlike one.
        let fourth = try #require(try jsonObject(try jianyi.ok("show", "5-4-0004", "--format", "json"))["similar_earlier"] as? [[String: Any]])
        #expect(fourth.map { $0["number"] as? String } == ["5-3-0001", "5-3-0002"])
        #expect((try jsonObject(try jianyi.ok("show", "5-4-0003", "--format", "json"))["similar_earlier"] as? [Any])?.isEmpty == true)
        #expect((try jsonObject(try jianyi.ok("show", "5-3-0002", "--format", "json"))["similar_earlier"] as? [Any])?.isEmpty == true)
        let table = try jianyi.ok("show", "5-4-0001").stdout
        #expect(table.contains("往届相似建议（反复提）"))
        #expect(table.contains("5-3-0001") && table.contains("2023-04-20 ZJJ A") && table.contains("满意"))
        #expect(!(try jianyi.ok("show", "5-4-0003").stdout.contains("反复提")))
    }

    @Test func theReportCountsTheCasesRaisedAgain() throws {
        let jianyi = try history()
        let report = try jsonObject(try jianyi.ok("report", "repeated", "--session", "5-4", "--format", "json"))
        #expect(report["repeated_cases"] as? Int == 3)
        #expect(report["by_the_same_deputy"] as? Int == 2)   // 5-4-0001 (D001), 5-4-0004 (D002)
        #expect(report["by_another_deputy"] as? Int == 3)
        #expect(report["earlier_reply_a_or_b"] as? Int == 3)
        let rows = try #require(report["rows"] as? [[String: Any]])
        #expect(rows.map { "\($0["number"] as? String ?? "?") \(($0["earlier"] as? [String: Any])?["number"] as? String ?? "?")" } == [
            "5-4-0001 5-3-0001", "5-4-0001 5-3-0002", "5-4-0002 5-3-0001", "5-4-0002 5-3-0002", "5-4-0004 5-3-0001", "5-4-0004 5-3-0002",
        ])
        #expect(rows[0]["same_deputy"] as? Bool == true && rows[2]["same_deputy"] as? Bool == false)
        let earlierSession = try jsonObject(try jianyi.ok("report", "repeated", "--session", "5-3", "--format", "json"))
        #expect(earlierSession["repeated_cases"] as? Int == 0)
        let table = try jianyi.ok("report", "repeated").stdout
        #expect(table.hasSuffix("反复提建议 3 件：同一代表再提 2 件，其他代表再提 3 件；往届已答复为 A 或 B 的 3 件。\n"))
        let csv = try jianyi.ok("report", "repeated", "--format", "csv").stdout.split(separator: "\n")
        #expect(csv.count == 7)
        #expect(csv[1].hasPrefix("5-4-0001,关于加快老旧小区改造的建议。,D001,5-4,yes,5-3-0001,"))
        let refused = try jianyi.run(["report", "repeated", "--format", "xml"])
        #expect(refused.code == 64)
    }
}

@Suite struct RepeatedRegistrationTests {
    @Test func registeringARepeatedSuggestionSaysSoOnStandardError() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.ok("session", "add", "5-3", "--opened", "2023-01-10", "--closed", "2023-01-13")
        try jianyi.ok("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-3", "--on", "2023-01-11")
        let again = try jianyi.ok("register", "--title", "关于加快老旧小区改造工作的建议", "--deputy", "D002", "--session", "5-4", "--on", "2024-01-21")
        #expect(again.stdout == "5-4-0001\n")
        #expect(again.stderr == "jianyi: warning: 反复提：与往届建议 5-3-0001 (0.88) 相似，见 jianyi show 5-4-0001\n")
        let new = try jianyi.ok("register", "--title", "关于提高乡村医生待遇的建议", "--deputy", "D002", "--session", "5-4", "--on", "2024-01-21")
        #expect(new.stderr.isEmpty)
    }
}
