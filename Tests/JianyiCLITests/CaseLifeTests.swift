import Foundation
import Testing

/// A whole case through the built binary: register, review, assign with co-handlers, contact,
/// opinion, reply B, rate dissatisfied, second reply, rate, follow-up done.
@Suite struct CaseLifeTests {
    @Test func aWholeCaseFromTheCommandLine() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for (code, name) in [("ZJJ", "市住房和城乡建设局"), ("JTJ", "市交通运输局")] {
            try jianyi.ok("unit", "add", code, "--name", name)
        }
        let n = try jianyi.ok("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-4",
                           "--on", "2024-01-21").stdout.trimmingCharacters(in: .newlines)
        let steps: [([String], String)] = [
            (["review", n, "--accept", "--on", "2024-01-30"], "accepted"),
            (["assign", n, "--lead", "ZJJ", "--co", "JTJ", "--co", "SJJ", "--on", "2024-07-01"], "assigned"),
            (["contact", n, "--unit", "ZJJ", "--mode", "phone", "--note", "电话沟通", "--on", "2024-07-10"], "assigned"),
            (["opinion", n, "--unit", "JTJ", "--text", "同意", "--on", "2024-07-20"], "assigned"),
            (["reply", n, "--unit", "ZJJ", "--outcome", "B", "--plan-by", "2025-06-30", "--text", "已列入计划", "--on", "2024-09-20"], "replied"),
            (["rate", n, "--result", "dissatisfied", "--attitude", "basic", "--comment", "进度太慢", "--on", "2024-09-30"], "rehandling"),
            (["reply", n, "--unit", "ZJJ", "--outcome", "B", "--plan-by", "2025-06-30", "--text", "加快进度", "--on", "2024-10-25"], "replied"),
            (["rate", n, "--result", "satisfied", "--attitude", "satisfied", "--on", "2024-11-01"], "following"),
            (["follow-up", n, "--progress", "改造完成", "--done", "--on", "2025-05-30"], "closed"),
        ]
        for (arguments, state) in steps {
            let result = try jianyi.run(arguments + ["--lang", "en"])
            #expect(result.code == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.hasPrefix("\(n) → \(state)\n"), "\(arguments): \(result.stdout)")
        }
        let show = try jianyi("show", n, "--format", "json", "--today", "2025-06-01")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["state"] as? String == "closed")
        #expect(object["lead_unit"] as? String == "ZJJ")
        #expect(object["co_units"] as? [String] == ["JTJ", "SJJ"])
        #expect(object["assigned_on"] as? String == "2024-07-01")
        #expect(object["reply_due"] as? String == "2024-10-30")  // rehandle: 2024-09-30 + 1 month
        #expect(object["replied_on"] as? String == "2024-10-25")
        #expect(object["outcome"] as? String == "B")
        #expect(object["rating_result"] as? String == "satisfied")
        #expect(object["round"] as? Int == 2)
        let deadlines = try #require(object["deadlines"] as? [[String: Any]])
        let reply = try #require(deadlines.first { $0["obligation"] as? String == "reply" })
        // 2024-07-01 + 3 months = 2024-10-01, National Day; off through 10-07 → 10-08.
        #expect(reply["due"] as? String == "2024-10-08")
        #expect(reply["status"] as? String == "met")
        let opinions = deadlines.filter { $0["obligation"] as? String == "opinion" }
        #expect(opinions.map { $0["status"] as? String } == ["met", "cancelled"])

        let explain = try jianyi("explain", n)
        #expect(explain.code == 0)
        #expect(explain.stdout.contains("1. 主办答复 · ZJJ · 期限 2024-10-08  [reply = 3 months]"))
        #expect(explain.stdout.contains("起算：交办日 2024-07-01（当日不计入，民法典第201条）"))
        #expect(explain.stdout.contains("加 3个月：到期月的对应日 2024-10-01（第202条）"))
        #expect(explain.stdout.contains("2024-10-01 是休息日（国庆节放假），顺延（第203条）"))
        #expect(explain.stdout.contains("期限：2024-10-08（周二）"))

        let history = try jianyi("history", n, "--format", "json")
        let events = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["registered", "accepted", "assigned", "contacted", "opinion", "replied",
                                                          "rated", "replied", "rated", "follow_up"])
    }

    @Test func refusalsExit65WithTheState() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let n = try jianyi.ok("register", "--title", "标题", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
            .stdout.trimmingCharacters(in: .newlines)
        let early = try jianyi("reply", n, "--unit", "SJJ", "--outcome", "A", "--text", "x")
        #expect(early.code == 65)
        #expect(early.stderr == "jianyi: \(n) is submitted (已提交); reply needs assigned or rehandling; allowed now: review --accept, review --reject, withdraw, supervise, merge\n")
        let noPlan = try jianyi("reply", n, "--unit", "SJJ", "--outcome", "B", "--text", "x")
        #expect(noPlan.code == 64)
        let noReason = try jianyi("review", n, "--reject")
        #expect(noReason.code == 64)
        #expect(try jianyi("list", "--state", "submitted", "--format", "csv").stdout.contains(n))
    }

    @Test func listByUnitAndOverdue() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for on in ["2024-01-21", "2024-01-22"] {
            try jianyi.ok("register", "--title", "标题", "--deputy", "D001", "--session", "5-4", "--on", on)
        }
        try jianyi.ok("review", "5-4-0001", "--accept", "--on", "2024-01-30")
        try jianyi.ok("assign", "5-4-0001", "--lead", "SJJ", "--on", "2024-02-20")
        #expect(try jianyi("list", "--unit", "SJJ", "--format", "csv").stdout.components(separatedBy: "\r\n").count == 3)
        #expect(!(try jianyi("list", "--overdue", "--today", "2024-05-20", "--format", "csv").stdout.contains("5-4-0001")))
        #expect(try jianyi("list", "--overdue", "--today", "2024-05-21", "--format", "csv").stdout.contains("5-4-0001"))
    }
}
