import Foundation
import Testing

/// 调整交办 through the binary: who may ask and until when, what an approval does to each
/// unit's obligations (the new unit's clock starts on the approval day), and that a
/// rejection leaves every deadline as it was. Dates on the official 2024–2025 calendars.
@Suite struct TransferCommandTests {
    /// A case assigned on 2024-02-20 to ZJJ (lead) and `co`: reply due 2024-05-20, opinions
    /// due 2024-03-20, transfer windows (10 working days) closing 2024-03-05.
    func assigned(co: [String] = ["JTJ"]) throws -> (Jianyi, String) {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        let n = try jianyi.acceptedCase()
        try jianyi.ok(["assign", n, "--lead", "ZJJ", "--on", "2024-02-20"] + co.flatMap { ["--co", $0] })
        return (jianyi, n)
    }

    @Test func anApprovedLeadTransferHandsTheReplyToTheNewUnitWithItsOwnClock() throws {
        let (jianyi, n) = try assigned()
        #expect(try jianyi.ok("transfer", "request", n, "--unit", "ZJJ", "--reason", "不属于本单位职责", "--on", "2024-02-26", "--lang", "en")
            .stdout == "\(n) → assigned\n")
        try jianyi.expectRefusal(["transfer", "request", n, "--unit", "JTJ", "--reason", "也不属于", "--on", "2024-02-27"], 65,
                                 mentioning: "\(n) already has a pending transfer request from ZJJ")
        let approved = try jianyi.ok("transfer", "approve", n, "--to", "CGJ", "--on", "2024-03-01", "--lang", "en")
        // 2024-03-01 + 3 months = 06-01, a Saturday → Monday 06-03; 10 working days from 03-01 end on 03-15.
        #expect(approved.stdout == "\(n) → assigned\n  reply  CGJ  due 2024-06-03\n  transfer_window  CGJ  due 2024-03-15\n")

        let shown = try jianyi.shown(n, today: "2024-03-02")
        #expect(shown["state"] as? String == "assigned")
        #expect(shown["lead_unit"] as? String == "CGJ")
        #expect(shown["co_units"] as? [String] == ["JTJ"])
        #expect(shown["assigned_on"] as? String == "2024-02-20")
        #expect(shown["reply_due"] as? String == "2024-06-03")
        #expect(deadlines(shown) == [
            "reply ZJJ 2024-05-20 cancelled", "opinion JTJ 2024-03-20 open", "transfer_window ZJJ 2024-03-05 met",
            "transfer_window JTJ 2024-03-05 open", "reply CGJ 2024-06-03 open", "transfer_window CGJ 2024-03-15 open",
        ])
        let events = try jsonArray(try jianyi.ok("history", n, "--format", "json"))
        #expect(events.map { $0["kind"] as? String } == ["registered", "accepted", "assigned", "transfer_requested", "transfer_approved"])
        let approval = try #require(events.last?["data"] as? [String: Any])
        #expect(approval["from"] as? String == "ZJJ" && approval["to"] as? String == "CGJ" && approval["role"] as? String == "lead")
        #expect(approval["due"] as? String == "2024-06-03" && approval["policy"] as? String == "reply = 3 months")

        // The old lead is off the case; the new one replies.
        try jianyi.expectRefusal(["reply", n, "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-03-10"], 65,
                                 mentioning: "ZJJ is not the lead unit of \(n) (CGJ)")
        try jianyi.expectRefusal(["contact", n, "--unit", "ZJJ", "--mode", "phone", "--on", "2024-03-10"], 65,
                                 mentioning: "ZJJ is not assigned to \(n)")
        // The day after ZJJ's old due day nothing is owed by ZJJ: its reply was cancelled.
        let sweep = try jsonObject(try jianyi.ok("overdue", "--as-of", "2024-05-21", "--format", "json"))
        let flags = (sweep["flags"] as? [[String: Any]] ?? []).map {
            "\($0["obligation"] as? String ?? "") \($0["unit"] as? String ?? "") \($0["due"] as? String ?? "") \($0["tier"] as? String ?? "")"
        }
        #expect(flags == ["reply CGJ 2024-06-03 due_soon", "opinion JTJ 2024-03-20 severely_overdue"])
        try jianyi.ok("reply", n, "--unit", "CGJ", "--outcome", "A", "--text", "已解决", "--on", "2024-05-31")
        #expect(deadlines(try jianyi.shown(n, today: "2024-06-01")).contains("reply CGJ 2024-06-03 met"))
    }

    @Test func anApprovedCoHandlerTransferMovesOnlyTheOpinion() throws {
        let (jianyi, n) = try assigned(co: ["JTJ", "SJJ"])
        // The last day of the window is still inside it.
        try jianyi.ok("transfer", "request", n, "--unit", "JTJ", "--reason", "职责调整", "--on", "2024-03-05")
        let approved = try jianyi.ok("transfer", "approve", n, "--to", "CGJ", "--on", "2024-03-06", "--lang", "en")
        // 03-06 + 1 month = 04-06, 清明 off; 04-07 is a Sunday made a working day. Window: 03-07 … 03-20, 10 working days.
        #expect(approved.stdout == "\(n) → assigned\n  opinion  CGJ  due 2024-04-07\n  transfer_window  CGJ  due 2024-03-20\n")
        let shown = try jianyi.shown(n, today: "2024-03-07")
        #expect(shown["lead_unit"] as? String == "ZJJ")
        #expect(shown["co_units"] as? [String] == ["SJJ", "CGJ"])
        #expect(shown["reply_due"] as? String == "2024-05-20")
        #expect(deadlines(shown) == [
            "reply ZJJ 2024-05-20 open", "opinion JTJ 2024-03-20 cancelled", "opinion SJJ 2024-03-20 open",
            "transfer_window ZJJ 2024-03-05 expired", "transfer_window JTJ 2024-03-05 met", "transfer_window SJJ 2024-03-05 expired",
            "opinion CGJ 2024-04-07 open", "transfer_window CGJ 2024-03-20 open",
        ])
        let approval = try #require(try jsonArray(try jianyi.ok("history", n, "--format", "json")).last?["data"] as? [String: Any])
        #expect(approval["role"] as? String == "co" && approval["policy"] as? String == "opinion = 1 month")
        try jianyi.expectRefusal(["transfer", "request", n, "--unit", "ZJJ", "--reason", "x", "--on", "2024-03-06"], 65,
                                 mentioning: "ZJJ's transfer window for \(n) closed on 2024-03-05")
        try jianyi.expectRefusal(["opinion", n, "--unit", "JTJ", "--text", "同意", "--on", "2024-03-08"], 65,
                                 mentioning: "JTJ is not a co-handler of \(n)")
        try jianyi.ok("opinion", n, "--unit", "CGJ", "--text", "同意", "--on", "2024-03-25")
        #expect(deadlines(try jianyi.shown(n, today: "2024-03-26")).contains("opinion CGJ 2024-04-07 met"))
    }

    @Test func aComplexCaseKeepsItsSixMonthsAfterATransfer() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        let n = try jianyi.acceptedCase(on: "2024-08-01", accepted: "2024-08-05")
        // 2024-08-30 + 6 months = 2025-02-28, a Friday.
        #expect(try jianyi.ok("assign", n, "--lead", "ZJJ", "--complex", "--on", "2024-08-30", "--lang", "en").stdout
            == "\(n) → assigned\n  reply  ZJJ  due 2025-02-28\n  transfer_window  ZJJ  due 2024-09-13\n")
        try jianyi.ok("transfer", "request", n, "--unit", "ZJJ", "--reason", "不属于本单位职责", "--on", "2024-09-02")
        // 09-05 + 6 months = 2025-03-05. Window: 中秋 09-15…17 off, Saturday 09-14 worked → 09-20.
        #expect(try jianyi.ok("transfer", "approve", n, "--to", "CGJ", "--on", "2024-09-05", "--lang", "en").stdout
            == "\(n) → assigned\n  reply  CGJ  due 2025-03-05\n  transfer_window  CGJ  due 2024-09-20\n")
        let shown = try jianyi.shown(n, today: "2024-09-06")
        #expect(shown["complex"] as? Bool == true)
        #expect(shown["reply_due"] as? String == "2025-03-05")
        #expect(deadlines(shown) == [
            "reply ZJJ 2025-02-28 cancelled", "transfer_window ZJJ 2024-09-13 met",
            "reply CGJ 2025-03-05 open", "transfer_window CGJ 2024-09-20 open",
        ])
        let approval = try #require(try jsonArray(try jianyi.ok("history", n, "--format", "json")).last?["data"] as? [String: Any])
        #expect(approval["policy"] as? String == "reply_complex = 6 months")
    }

    @Test func aRejectedTransferLeavesEveryDeadline() throws {
        let (jianyi, n) = try assigned()
        try jianyi.ok("transfer", "request", n, "--unit", "ZJJ", "--reason", "不属于本单位职责", "--on", "2024-02-26")
        let before = deadlines(try jianyi.shown(n, today: "2024-02-29"))
        #expect(try jianyi.ok("transfer", "reject", n, "--reason", "属于该单位职责范围", "--on", "2024-02-28", "--lang", "en").stdout
            == "\(n) → assigned\n")
        let shown = try jianyi.shown(n, today: "2024-02-29")
        #expect(shown["lead_unit"] as? String == "ZJJ")
        #expect(shown["reply_due"] as? String == "2024-05-20")
        #expect(deadlines(shown) == before)
        #expect(before == ["reply ZJJ 2024-05-20 open", "opinion JTJ 2024-03-20 open", "transfer_window ZJJ 2024-03-05 met",
                           "transfer_window JTJ 2024-03-05 open"])
        let rejection = try #require(try jsonArray(try jianyi.ok("history", n, "--format", "json")).last)
        #expect(rejection["kind"] as? String == "transfer_rejected")
        #expect((rejection["data"] as? [String: Any])?["reason"] as? String == "属于该单位职责范围")
        // Decided once: nothing is pending any more.
        try jianyi.expectRefusal(["transfer", "approve", n, "--to", "CGJ", "--on", "2024-02-29"], 65,
                                 mentioning: "\(n) has no pending transfer request")
        try jianyi.expectRefusal(["transfer", "reject", n, "--reason", "x", "--on", "2024-02-29"], 65,
                                 mentioning: "\(n) has no pending transfer request")
        try jianyi.ok("reply", n, "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-05-10")
        #expect(deadlines(try jianyi.shown(n, today: "2024-05-11")).first == "reply ZJJ 2024-05-20 met")
    }

    @Test func refusalsNameTheUnitAndChangeNothing() throws {
        let (jianyi, n) = try assigned()
        try jianyi.expectRefusal(["transfer", "request", n, "--unit", "CGJ", "--reason", "x", "--on", "2024-02-26"], 65,
                                 mentioning: "--unit: CGJ is not assigned to \(n)")
        try jianyi.expectRefusal(["transfer", "request", n, "--unit", "ZJJ", "--reason", "  ", "--on", "2024-02-26"], 64,
                                 mentioning: "--reason")
        try jianyi.expectRefusal(["transfer", "approve", n, "--to", "CGJ", "--on", "2024-02-26"], 65,
                                 mentioning: "\(n) has no pending transfer request")
        try jianyi.ok("transfer", "request", n, "--unit", "ZJJ", "--reason", "不属于本单位职责", "--on", "2024-02-26")
        for unit in ["JTJ", "ZJJ"] {
            try jianyi.expectRefusal(["transfer", "approve", n, "--to", unit, "--on", "2024-03-01"], 65,
                                     mentioning: "--to: \(unit) is or was already assigned to \(n)")
        }
        try jianyi.expectRefusal(["transfer", "approve", n, "--to", "XYZ", "--on", "2024-03-01"], 65,
                                 mentioning: "--to: XYZ is not a unit of LL")
        let waiting = try jianyi.acceptedCase("关于增设公交站点的建议")
        try jianyi.expectRefusal(["transfer", "request", waiting, "--unit", "ZJJ", "--reason", "x", "--on", "2024-02-26"], 65,
                                 mentioning: "\(waiting) is accepted (已立案); transfer request needs assigned")
        try jianyi.expectRefusal(["transfer", "request", "5-4-0099", "--unit", "ZJJ", "--reason", "x", "--on", "2024-02-26"], 65,
                                 mentioning: "suggestion 5-4-0099 does not exist in LL")
    }
}
