import Foundation
import Testing

/// `explain` for each way a deadline is counted (民法典 art. 201–203), with every date worked
/// out by hand on the official 2025 calendar (春节 01-28…02-04 off, Saturday 02-08 worked;
/// 国庆节、中秋节 10-01…10-08 off).
@Suite struct ExplainCommandTests {
    func assignedOnTheLastOfJanuary() throws -> (Jianyi, String) {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        let n = try jianyi.acceptedCase("关于月末交办的建议", on: "2025-01-10", accepted: "2025-01-20")
        try jianyi.ok("assign", n, "--lead", "ZJJ", "--co", "JTJ", "--on", "2025-01-31")
        return (jianyi, n)
    }

    /// The section of `explain` for obligation number `index`, up to the next one.
    func section(_ text: String, _ index: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("\(index). ") }) else { return "" }
        let end = lines[(start + 1)...].firstIndex { $0.first?.isNumber == true || $0.isEmpty } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    @Test func anUnassignedCaseHasNoDeadlinesToExplain() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let n = try jianyi.acceptedCase()
        #expect(try jianyi.ok("explain", n).stdout == "\(n) 尚未交办，没有办理期限。\n")
        #expect(try jianyi.ok("explain", n, "--lang", "en").stdout == "\(n) has no deadlines yet (not assigned).\n")
        try jianyi.expectRefusal(["explain", "5-4-0099"], 65, mentioning: "suggestion 5-4-0099 does not exist in LL")
    }

    @Test func monthsFromTheLastDayOfAMonthEndOnTheLastDayOfAShorterOne() throws {
        let (jianyi, n) = try assignedOnTheLastOfJanuary()
        let text = try jianyi.ok("explain", n).stdout
        #expect(section(text, 1) == """
            1. 主办答复 · ZJJ · 期限 2025-04-30  [reply = 3 months]
               起算：交办日 2025-01-31（当日不计入，民法典第201条）
               加 3个月：到期月没有对应日，以月末 2025-04-30 为期间最后一日（第202条）
               期限：2025-04-30（周三）
            """)
        #expect(section(text, 2) == """
            2. 协办意见 · JTJ · 期限 2025-02-28  [opinion = 1 month]
               起算：交办日 2025-01-31（当日不计入，民法典第201条）
               加 1个月：到期月没有对应日，以月末 2025-02-28 为期间最后一日（第202条）
               期限：2025-02-28（周五）
            """)
        let english = try jianyi.ok("explain", n, "--lang", "en").stdout
        #expect(english.contains("+ 1 month: the last month has no corresponding day, so its last day 2025-02-28 (art. 202)"))
    }

    @Test func workingDaysSkipHolidaysAndWeekendsButCountAWorkedSaturday() throws {
        let (jianyi, n) = try assignedOnTheLastOfJanuary()
        let text = try jianyi.ok("explain", n).stdout
        #expect(section(text, 3) == """
            3. 申请调整交办 · ZJJ · 期限 2025-02-17  [transfer_window = 10 working_days]
               起算：交办日 2025-01-31（当日不计入，民法典第201条）
                 2025-02-01 不计（春节放假）
                 2025-02-02 不计（春节放假）
                 2025-02-03 不计（春节放假）
                 2025-02-04 不计（春节放假）
                 2025-02-09 不计（周日）
                 2025-02-15 不计（周六）
                 2025-02-16 不计（周日）
               第 10 个工作日：2025-02-17
               期限：2025-02-17（周一）
            """)
        #expect(section(text, 4).hasPrefix("4. 申请调整交办 · JTJ · 期限 2025-02-17"))
    }

    @Test func aPlanDateMovesPastTheHolidayAndARehandleCountsFromTheRating() throws {
        let (jianyi, n) = try assignedOnTheLastOfJanuary()
        try jianyi.ok("reply", n, "--unit", "ZJJ", "--outcome", "B", "--plan-by", "2025-10-01", "--text", "列入计划", "--on", "2025-02-20")
        try jianyi.ok("rate", n, "--result", "dissatisfied", "--comment", "进度太慢", "--on", "2025-03-31")
        let text = try jianyi.ok("explain", n).stdout
        let skipped = (1...8).map { "   2025-10-0\($0) 是休息日（国庆节、中秋节放假），顺延（第203条）" }
        #expect(section(text, 5) == (["5. B类计划完成 · ZJJ · 期限 2025-10-09  [plan date given in the reply: 2025-10-01]",
                                      "   答复中承诺的计划完成日：2025-10-01"] + skipped
                                     + ["   期限：2025-10-09（周四）", "   (superseded by rehandling)"]).joined(separator: "\n"))
        #expect(section(text, 6).hasPrefix("""
            6. 代表评价（提醒） · 代表 · 期限 2025-03-20  [rating_reminder = 20 working_days]
               起算：答复日 2025-02-20（当日不计入，民法典第201条）
            """))
        #expect(section(text, 6).hasSuffix("   第 20 个工作日：2025-03-20\n   期限：2025-03-20（周四）"))
        #expect(section(text, 7) == """
            7. 重新办理答复 · ZJJ · 期限 2025-04-30  [rehandle = 1 month]
               起算：不满意评价日 2025-03-31（当日不计入，民法典第201条）
               加 1个月：到期月没有对应日，以月末 2025-04-30 为期间最后一日（第202条）
               期限：2025-04-30（周三）
            """)
    }

    @Test func aPeriodOfDaysEndingOnASundayMovesToMonday() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        try jianyi.ok("policy", "set", "opinion", "30 days")
        let n = try jianyi.acceptedCase("关于月末交办的建议", on: "2025-01-10", accepted: "2025-01-20")
        try jianyi.ok("assign", n, "--lead", "ZJJ", "--co", "JTJ", "--on", "2025-01-31")
        // 2025-01-31 + 30 days = 03-02, a Sunday.
        #expect(section(try jianyi.ok("explain", n).stdout, 2) == """
            2. 协办意见 · JTJ · 期限 2025-03-03  [opinion = 30 days]
               起算：交办日 2025-01-31（当日不计入，民法典第201条）
               加 30日：2025-03-02
               2025-03-02 是休息日（周日），顺延（第203条）
               期限：2025-03-03（周一）
            """)
    }
}
