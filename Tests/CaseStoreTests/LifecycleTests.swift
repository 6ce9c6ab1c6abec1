import CaseStore
import Casework
import Foundation
import Postgres
import Testing

/// Every step through the store, on the official calendars, with dates checked by hand.
@Suite struct LifecycleTests {
    let d = { (text: String) in Day(text)! }

    @Test func aWholeCaseWithASecondRoundAndAPlan() throws {
        let f = try Fixture()
        let n = try f.acceptedCase()
        var r = try f.store.assign(f.congress, n, lead: "ZJJ", co: ["JTJ"], complex: false, on: d("2024-02-20"))
        #expect(r.state == .assigned)
        #expect(r.created.map { "\($0.kind) \($0.unit ?? "-") \($0.due)" } == [
            "reply ZJJ 2024-05-20", "opinion JTJ 2024-03-20", "transfer_window ZJJ 2024-03-05", "transfer_window JTJ 2024-03-05",
        ])
        _ = try f.store.contact(f.congress, n, unit: "ZJJ", mode: .faceToFace, note: "现场察看", on: d("2024-03-01"))
        _ = try f.store.opinion(f.congress, n, unit: "JTJ", text: "同意", on: d("2024-03-25"))  // late
        #expect(try f.deadline(n, .opinion)?.status(on: d("2024-04-01")) == .late)

        r = try f.store.reply(f.congress, n, unit: "ZJJ", outcome: .b, planBy: d("2024-12-31"), text: "已列入计划", on: d("2024-05-10"))
        #expect(r.state == .replied)
        // Rating reminder: 20 working days after 2024-05-10; Saturday 05-11 is a 调休 working day, so the 20th is 06-06.
        #expect(r.created.map { "\($0.kind) \($0.due)" } == ["plan 2024-12-31", "rating 2024-06-06"])
        #expect(try f.deadline(n, .reply)?.status(on: d("2024-06-01")) == .met)

        r = try f.store.rate(f.congress, n, result: .dissatisfied, attitude: .basic, comment: "未见实效", on: d("2024-05-20"))
        #expect(r.state == .rehandling)
        #expect(r.created.map { "\($0.kind) \($0.due)" } == ["rehandle 2024-06-20"])
        #expect(try f.deadline(n, .plan)?.recordedStatus == .cancelled)

        r = try f.store.reply(f.congress, n, unit: "ZJJ", outcome: .b, planBy: d("2024-12-31"), text: "再次答复", on: d("2024-06-14"))
        #expect(r.state == .replied)
        r = try f.store.rate(f.congress, n, result: .basic, attitude: .satisfied, comment: "", on: d("2024-06-20"))
        #expect(r.state == .following)
        r = try f.store.followUp(f.congress, n, progress: "施工中", done: false, on: d("2024-09-01"))
        #expect(r.state == .following)
        r = try f.store.followUp(f.congress, n, progress: "已完成", done: true, on: d("2024-11-30"))
        #expect(r.state == .closed)

        let view = try f.store.caseView(f.congress, number: n)
        #expect(view.round == 2)
        #expect(view.outcome == .b)
        #expect(view.ratingResult == .basic)
        #expect(view.ratingAttitude == .satisfied)
        #expect(view.planDoneOn == d("2024-11-30"))
        #expect(view.closedOn == d("2024-11-30"))
        #expect(view.replyDue == d("2024-06-20"))
        let kinds = try f.store.history(f.congress, number: n).map(\.kind)
        #expect(kinds == [.registered, .accepted, .assigned, .contacted, .opinion, .replied, .rated, .replied, .rated,
                          .followUp, .followUp])
        #expect(try f.store.deadlines(f.congress, caseID: view.id).filter { $0.recordedStatus == .open && $0.kind != .transferWindow }.isEmpty)
    }

    @Test func complexCasesGetSixMonthsFromTheAnchor() throws {
        let f = try Fixture()
        let n = try f.acceptedCase(on: "2024-08-01")
        let r = try f.store.assign(f.congress, n, lead: "ZJJ", co: [], complex: true, on: d("2024-08-31"))
        #expect(r.created.first { $0.kind == .reply }?.due == d("2025-02-28"))
        #expect(try f.store.caseView(f.congress, number: n).complex)
    }

    @Test func roundTwoDissatisfiedIsFinal() throws {
        let f = try Fixture()
        let n = try f.acceptedCase()
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: [], complex: false, on: d("2024-02-20"))
        _ = try f.store.reply(f.congress, n, unit: "ZJJ", outcome: .a, planBy: nil, text: "已解决", on: d("2024-04-01"))
        #expect(try f.store.rate(f.congress, n, result: .dissatisfied, attitude: nil, comment: "不满意", on: d("2024-04-10")).state == .rehandling)
        _ = try f.store.reply(f.congress, n, unit: "ZJJ", outcome: .c, planBy: nil, text: "条件不具备", on: d("2024-05-08"))
        #expect(try f.store.rate(f.congress, n, result: .dissatisfied, attitude: .dissatisfied, comment: "仍不满意", on: d("2024-05-10")).state == .closed)
        #expect(throws: CaseError.notAllowed(number: n, step: .rate, state: .closed)) {
            try f.store.rate(f.congress, n, result: .satisfied, attitude: nil, comment: "", on: d("2024-05-11"))
        }
    }

    @Test func stepsTheStateDoesNotAllowAreRefused() throws {
        let f = try Fixture()
        let n = try f.store.register(f.congress, f.registration()).number
        #expect(throws: CaseError.notAllowed(number: n, step: .reply, state: .submitted)) {
            try f.store.reply(f.congress, n, unit: "ZJJ", outcome: .a, planBy: nil, text: "x", on: d("2024-02-01"))
        }
        #expect(throws: CaseError.notAllowed(number: n, step: .assign, state: .submitted)) {
            try f.store.assign(f.congress, n, lead: "ZJJ", co: [], complex: false, on: d("2024-02-01"))
        }
        _ = try f.store.accept(f.congress, n, on: d("2024-01-25"))
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: ["JTJ"], complex: false, on: d("2024-02-20"))
        #expect(throws: CaseError.notAllowed(number: n, step: .withdraw, state: .assigned)) {
            try f.store.withdraw(f.congress, n, reason: "x", on: d("2024-02-21"))
        }
        #expect(throws: CaseError.notLeadUnit(unit: "JTJ", number: n, lead: "ZJJ")) {
            try f.store.reply(f.congress, n, unit: "JTJ", outcome: .a, planBy: nil, text: "x", on: d("2024-03-01"))
        }
        #expect(throws: CaseError.notCoHandler(unit: "ZJJ", number: n)) {
            try f.store.opinion(f.congress, n, unit: "ZJJ", text: "x", on: d("2024-03-01"))
        }
        #expect(throws: CaseError.planDateMissing) {
            try f.store.reply(f.congress, n, unit: "ZJJ", outcome: .b, planBy: nil, text: "x", on: d("2024-03-01"))
        }
        #expect(throws: CaseError.notAssigned(unit: "SJJ", number: n, step: .transferRequest)) {
            try f.store.requestTransfer(f.congress, n, unit: "SJJ", reason: "x", on: d("2024-02-22"))
        }
        #expect(throws: CaseError.transferWindowClosed(unit: "JTJ", number: n, due: d("2024-03-05"))) {
            try f.store.requestTransfer(f.congress, n, unit: "JTJ", reason: "x", on: d("2024-03-06"))
        }
        #expect(throws: CaseError.unknownUnit("XYZ", role: .lead, congress: "LL")) {
            try f.store.assign(f.congress, try f.acceptedCase(), lead: "XYZ", co: [], complex: false, on: d("2024-02-20"))
        }
        // Nothing of the refused steps reached the history.
        #expect(try f.store.history(f.congress, number: n).map(\.kind) == [.registered, .accepted, .assigned])
    }

    @Test func anApprovedTransferRestartsTheClock() throws {
        let f = try Fixture()
        let n = try f.acceptedCase()
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: ["JTJ"], complex: false, on: d("2024-02-20"))
        _ = try f.store.requestTransfer(f.congress, n, unit: "ZJJ", reason: "不属于本单位职责", on: d("2024-02-26"))
        #expect(throws: CaseError.transferPending(number: n, unit: "ZJJ")) {
            try f.store.requestTransfer(f.congress, n, unit: "JTJ", reason: "x", on: d("2024-02-27"))
        }
        let r = try f.store.approveTransfer(f.congress, n, to: "CGJ", on: d("2024-03-01"))
        // 2024-03-01 + 3 months = 2024-06-01, a Saturday → Monday 2024-06-03.
        #expect(r.created.first { $0.kind == .reply }?.due == d("2024-06-03"))
        let view = try f.store.caseView(f.congress, number: n)
        #expect(view.leadUnit == "CGJ")
        #expect(view.replyDue == d("2024-06-03"))
        #expect(try f.deadline(n, .reply, unit: "ZJJ")?.recordedStatus == .cancelled)
        #expect(throws: CaseError.notLeadUnit(unit: "ZJJ", number: n, lead: "CGJ")) {
            try f.store.reply(f.congress, n, unit: "ZJJ", outcome: .a, planBy: nil, text: "x", on: d("2024-03-02"))
        }
        _ = try f.store.reply(f.congress, n, unit: "CGJ", outcome: .a, planBy: nil, text: "已解决", on: d("2024-05-02"))
    }

    @Test func aRejectedTransferLeavesTheDeadline() throws {
        let f = try Fixture()
        let n = try f.acceptedCase()
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: [], complex: false, on: d("2024-02-20"))
        _ = try f.store.requestTransfer(f.congress, n, unit: "ZJJ", reason: "x", on: d("2024-02-26"))
        _ = try f.store.rejectTransfer(f.congress, n, reason: "属于该单位职责", on: d("2024-02-28"))
        #expect(try f.store.caseView(f.congress, number: n).replyDue == d("2024-05-20"))
        #expect(try f.store.caseView(f.congress, number: n).leadUnit == "ZJJ")
        #expect(throws: CaseError.noPendingTransfer(number: n)) {
            try f.store.approveTransfer(f.congress, n, to: "CGJ", on: d("2024-02-29"))
        }
    }

    @Test func aPolicyChangeAppliesToNewObligationsOnly() throws {
        let f = try Fixture()
        let first = try f.acceptedCase()
        _ = try f.store.assign(f.congress, first, lead: "ZJJ", co: [], complex: false, on: d("2024-02-20"))
        try f.store.setPolicy(f.congress, key: "reply_months", value: "2")
        let second = try f.acceptedCase()
        _ = try f.store.assign(f.congress, second, lead: "ZJJ", co: [], complex: false, on: d("2024-02-20"))
        #expect(try f.store.caseView(f.congress, number: first).replyDue == d("2024-05-20"))
        #expect(try f.store.caseView(f.congress, number: second).replyDue == d("2024-04-22"))  // 04-20 is a Saturday
        #expect(try f.deadline(second, .reply)?.policy == "reply = 2 months")
        #expect(try f.store.history(f.congress, number: second).last?.data.contains("reply = 2 months") == true)
    }

    @Test func aYearMissingFromTheCalendarIsWarnedAbout() throws {
        let f = try Fixture()
        // A year no notice will ever be shipped for, so the test does not change when one is.
        let n = try f.acceptedCase(on: "2099-01-20")
        let r = try f.store.assign(f.congress, n, lead: "ZJJ", co: [], complex: false, on: d("2099-01-23"))
        #expect(r.created.first?.due == d("2099-04-23"))
        #expect(r.warnings == ["the calendar has no 2099 holiday notice: 2099 was counted with weekends only (jianyi calendar import)"])
    }

    @Test func bulkAssignmentIsAllOrNothing() throws {
        let f = try Fixture()
        let a = try f.acceptedCase(), b = try f.acceptedCase()
        let bad = "number,lead,co,complex\n\(a),ZJJ,JTJ;CGJ,false\n\(b),XYZ,,false\n"
        // A row's typed refusal is handed to the front end, with its line, to word.
        let refusals = try #require(throws: RowRefusals.self) {
            try f.store.assignFile(f.congress, csv: bad, file: "a.csv", on: d("2024-02-20"))
        }
        let refused = refusals.problems.report { problem in
            guard case .refused(let error as CaseError) = problem.why else { return (nil, "not typed") }
            return (nil, error == .unknownUnit("XYZ", role: .lead, congress: "LL") ? "unknown lead" : "\(error)")
        }
        #expect(refused == .ruleBroken("a.csv line 3: unknown lead"))
        #expect(try f.store.caseView(f.congress, number: a).state == .accepted)
        #expect(try f.count("obligation") == 0)
        let good = "number,lead,co,complex\n\(a),ZJJ,JTJ;CGJ,false\n\(b),SJJ,,true\n"
        #expect(try f.store.assignFile(f.congress, csv: good, file: "a.csv", on: d("2024-02-20")).count == 2)
        #expect(try f.store.caseView(f.congress, number: a).coUnits == ["CGJ", "JTJ"])
        #expect(try f.store.caseView(f.congress, number: b).replyDue == d("2024-08-20"))
    }

    /// Eight people reply to the same case at once: exactly one reply is recorded.
    @Test func concurrentRepliesOneWins() throws {
        let f = try Fixture()
        let n = try f.acceptedCase()
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: [], complex: false, on: d("2024-02-20"))
        let wins = NSLockedArray(), refusals = NSLockedArray(), others = NSLockedArray()
        let url = f.url, congress = f.congress
        let threads = (0..<8).map { i in
            Thread {
                do {
                    let store = try Store(url: url, actor: "经办人\(i)")
                    _ = try store.reply(congress, n, unit: "ZJJ", outcome: .a, planBy: nil, text: "答复\(i)", on: Day("2024-04-01")!)
                    wins.append("\(i)")
                } catch let refusal as CaseError where refusal == .notAllowed(number: n, step: .reply, state: .replied) {
                    refusals.append("\(refusal)")
                } catch { others.append("\(error)") }
            }
        }
        try runAll(threads)
        #expect(others.items.isEmpty)
        #expect(wins.items.count == 1)
        #expect(refusals.items.count == 7)
        #expect(try f.count("reply") == 1)
        #expect(try f.store.history(f.congress, number: n).filter { $0.kind == .replied }.count == 1)
    }

    @Test func withdrawAndRejectEndTheCase() throws {
        let f = try Fixture()
        let a = try f.store.register(f.congress, f.registration()).number
        #expect(try f.store.withdraw(f.congress, a, reason: "代表撤回", on: d("2024-01-25")).state == .withdrawn)
        let b = try f.store.register(f.congress, f.registration()).number
        #expect(throws: InputError.blank(.reason, value: " ")) { try f.store.reject(f.congress, b, reason: " ", on: d("2024-01-25")) }
        #expect(try f.store.reject(f.congress, b, reason: "属于信访事项", on: d("2024-01-25")).state == .rejected)
        let c = try f.acceptedCase()
        _ = try f.store.supervise(f.congress, c, leader: "张副主任", committee: "城建环资工委", on: d("2024-02-01"))
        let view = try f.store.caseView(f.congress, number: c)
        #expect(view.isKey && view.keyLeader == "张副主任" && view.keyCommittee == "城建环资工委")
    }
}
