import Foundation
import Testing

/// The sweep flags the obligations that come after a reply: the second reply owed after a
/// dissatisfied rating (rehandle, 1 month from the rating) and a B reply's plan (due on its
/// plan date, moved past a rest day). The deputy's rating reminder is never flagged.
@Suite struct OverdueObligationTests {
    func flags(_ jianyi: Jianyi, asOf: String) throws -> [String] {
        let report = try jsonObject(try jianyi.ok("overdue", "--as-of", asOf, "--format", "json"))
        return (report["flags"] as? [[String: Any]] ?? []).map { flag in
            ["number", "obligation", "unit", "due"].map { flag[$0] as? String ?? "?" }.joined(separator: " ")
                + " \(flag["days_overdue"] as? Int ?? -999) \(flag["tier"] as? String ?? "?") \(flag["new"] as? Bool ?? false)"
        }
    }

    @Test func rehandleAndPlanObligationsAreFlaggedWhenLate() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        let rehandled = try jianyi.acceptedCase("关于加快老旧小区改造的建议")
        let planned = try jianyi.acceptedCase("关于增设公交站点的建议")
        try jianyi.ok("assign", rehandled, "--lead", "ZJJ", "--on", "2024-02-20")
        try jianyi.ok("assign", planned, "--lead", "SJJ", "--on", "2024-02-20")
        try jianyi.ok("reply", rehandled, "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-04-01")
        // 2024-04-10 + 1 month = 05-10, a Friday and a working day.
        #expect(try jianyi.ok("rate", rehandled, "--result", "dissatisfied", "--comment", "未见实效", "--on", "2024-04-10", "--lang", "en")
            .stdout == "\(rehandled) → rehandling\n  rehandle  ZJJ  due 2024-05-10\n")
        // The plan date 2024-06-30 is a Sunday: due Monday 07-01.
        try jianyi.ok("reply", planned, "--unit", "SJJ", "--outcome", "B", "--plan-by", "2024-06-30", "--text", "已列入计划", "--on", "2024-04-01")
        try jianyi.ok("rate", planned, "--result", "satisfied", "--attitude", "satisfied", "--on", "2024-04-10")
        #expect(deadlines(try jianyi.shown(planned, today: "2024-04-11")).contains("plan SJJ 2024-07-01 open"))

        #expect(try flags(jianyi, asOf: "2024-05-13") == ["\(rehandled) rehandle ZJJ 2024-05-10 3 overdue true"])
        #expect(try flags(jianyi, asOf: "2024-07-02") == [
            "\(planned) plan SJJ 2024-07-01 1 overdue true",
            "\(rehandled) rehandle ZJJ 2024-05-10 53 severely_overdue true",
        ])
        // Met, they are flagged no more.
        try jianyi.ok("reply", rehandled, "--unit", "ZJJ", "--outcome", "A", "--text", "再次答复", "--on", "2024-07-03")
        try jianyi.ok("follow-up", planned, "--progress", "站点已建成", "--done", "--on", "2024-07-03")
        #expect(try flags(jianyi, asOf: "2024-07-04") == [])
        let runs = try jsonArray(try jianyi.ok("overdue", "runs", "--format", "json"))
        #expect(runs.map { $0["new_flags"] as? Int } == [0, 2, 1])
    }
}
