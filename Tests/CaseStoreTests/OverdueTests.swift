@testable import CaseStore
import Casework
import Foundation
import Postgres
import Testing

@Suite struct OverdueTests {
    let d = { (text: String) in Day(text)! }

    /// A case assigned 2024-02-20 to ZJJ with co-handler JTJ: reply due 2024-05-20, opinion due 2024-03-20.
    func assignedCase(_ f: Fixture, on: String = "2024-02-20") throws -> String {
        let n = try f.acceptedCase()
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: ["JTJ"], complex: false, on: d(on))
        return n
    }

    func sweep(_ f: Fixture, _ day: String, store: Store? = nil) throws -> (OverdueRun, [OverdueFlag]) {
        var flags: [OverdueFlag] = []
        let run = try (store ?? f.store).overdueRun(f.congress, asOf: d(day), warnDays: nil, wait: true) { flags.append($0) }
        return (run, flags)
    }

    func summary(_ flags: [OverdueFlag]) -> [String] {
        flags.map { "\($0.obligation) \($0.unit) \($0.tier) \($0.daysOverdue)\($0.isNew ? " new" : "")" }
    }

    @Test func tiersProgressAndEachIsRecordedOnce() throws {
        let f = try Fixture()
        _ = try assignedCase(f)
        // 2024-03-06 + 10 working days = 2024-03-20: the opinion enters the warning window.
        #expect(summary(try sweep(f, "2024-03-05").1) == [])
        #expect(summary(try sweep(f, "2024-03-06").1) == ["opinion JTJ due_soon -14 new"])
        #expect(summary(try sweep(f, "2024-03-07").1) == ["opinion JTJ due_soon -13"])
        #expect(summary(try sweep(f, "2024-03-20").1) == ["opinion JTJ due_soon 0"])
        #expect(summary(try sweep(f, "2024-03-21").1) == ["opinion JTJ overdue 1 new"])
        #expect(summary(try sweep(f, "2024-04-18").1) == ["opinion JTJ overdue 29"])
        #expect(summary(try sweep(f, "2024-04-19").1) == ["opinion JTJ severely_overdue 30 new"])
        let (run, flags) = try sweep(f, "2024-05-07")  // reply due 05-20 enters its window
        #expect(summary(flags) == ["opinion JTJ severely_overdue 48", "reply ZJJ due_soon -13 new"])
        #expect(run.newFlags == 1)
        #expect(run.dueSoon == 1 && run.severelyOverdue == 1 && run.overdue == 0)
        #expect(try f.count("overdue_flag") == 4)
        #expect(try f.count("overdue_run") == 8)
        // Each obligation's tier bits say exactly which flags it has.
        let outOfStep = try f.store.connection.query("""
            SELECT count(*) AS n FROM obligation o
            WHERE o.flagged <> coalesce((SELECT bit_or(CASE f.tier WHEN 'due_soon' THEN 1 WHEN 'overdue' THEN 2 ELSE 4 END)
                                         FROM overdue_flag f WHERE f.congress_id = o.congress_id
                                           AND f.suggestion_id = o.suggestion_id AND f.obligation_no = o.obligation_no), 0)
            """).rows[0].decode(Int.self, "n")
        #expect(outOfStep == 0)
        #expect(try f.store.connection.query("SELECT flagged FROM obligation WHERE kind = 'opinion'").rows[0].decode(Int.self, "flagged") == 7)
    }

    @Test func aDueDayMovedPastAHolidayIsNotOverdueDuringIt() throws {
        let f = try Fixture()
        let n = try f.acceptedCase()
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: [], complex: false, on: d("2024-07-01"))
        // Raw end 2024-10-01 falls in National Day; the due day is 2024-10-08.
        #expect(summary(try sweep(f, "2024-10-03").1) == ["reply ZJJ due_soon -5 new"])
        #expect(summary(try sweep(f, "2024-10-08").1) == ["reply ZJJ due_soon 0"])
        #expect(summary(try sweep(f, "2024-10-09").1) == ["reply ZJJ overdue 1 new"])
    }

    @Test func rerunningTheSameDayRecordsNothingNew() throws {
        let f = try Fixture()
        _ = try assignedCase(f)
        let first = try sweep(f, "2024-03-25")
        let second = try sweep(f, "2024-03-25")
        #expect(first.0.newFlags == 1)
        #expect(second.0.newFlags == 0)
        #expect(summary(second.1) == ["opinion JTJ overdue 5"])
        #expect(try f.count("overdue_flag") == 1)
    }

    @Test func tierBitsOutOfStepAreWarnedAndRebuilt() throws {
        let f = try Fixture()
        _ = try assignedCase(f)
        #expect(try sweep(f, "2024-03-06").0.newFlags == 1)  // due_soon
        #expect(try sweep(f, "2024-03-21").0.newFlags == 1)  // overdue
        // A hand edit clears the bits behind both recorded flags.
        #expect(try f.store.connection.execute("UPDATE obligation SET flagged = 0 WHERE flagged <> 0") == 1)
        let (run, flags) = try sweep(f, "2024-03-22")
        #expect(summary(flags) == ["opinion JTJ overdue 2 new"])
        #expect(run.newFlags == 0)
        #expect(run.warnings == ["1 flag(s) reported as new had been recorded by an earlier run: obligation.flagged was out of step with overdue_flag; rebuilt it from the flags for 1 obligation(s)"])
        #expect(try f.store.overdueRuns(f.congress).first?.warnings == run.warnings)
        #expect(try f.count("overdue_flag") == 2)
        // Both bits are back: tonight's tier, and due_soon, which tonight did not see.
        #expect(try f.store.connection.query("SELECT flagged FROM obligation WHERE kind = 'opinion'").rows[0].decode(Int.self, "flagged") == 3)
        let (next, again) = try sweep(f, "2024-03-23")
        #expect(summary(again) == ["opinion JTJ overdue 3"])
        #expect(next.warnings.isEmpty)
    }

    @Test func aFirstRunRecordsManyFlagsInOneStatement() throws {
        let f = try Fixture()
        let numbers = try (0..<5).map { _ in try assignedCase(f) }
        let (run, flags) = try sweep(f, "2024-05-07")  // every opinion severely overdue, every reply due soon
        #expect(run.newFlags == 10)
        #expect(flags.count == 10 && flags.allSatisfy(\.isNew))
        #expect(Set(flags.map(\.number)) == Set(numbers))
        #expect(try f.count("overdue_flag") == 10)
        let bits = try f.store.connection.query("SELECT kind, flagged FROM obligation WHERE kind IN ('reply', 'opinion') ORDER BY kind")
            .rows.map { "\(try $0.decode(String.self, "kind")) \(try $0.decode(Int.self, "flagged"))" }
        #expect(bits == Array(repeating: "opinion 4", count: 5) + Array(repeating: "reply 1", count: 5))
        #expect(try sweep(f, "2024-05-07").0.newFlags == 0)
    }

    @Test func missedNightsCatchUpAndEarlierDaysEraseNothing() throws {
        let f = try Fixture()
        _ = try assignedCase(f)
        #expect(summary(try sweep(f, "2024-04-25").1) == ["opinion JTJ severely_overdue 36 new"])
        #expect(summary(try sweep(f, "2024-03-22").1) == ["opinion JTJ overdue 2 new"])
        let tiers = try f.store.connection.query("SELECT tier, as_of FROM overdue_flag ORDER BY as_of").rows.map {
            "\(try $0.decode(String.self, "tier")) \(try $0.decode(Day.self, "as_of"))"
        }
        #expect(tiers == ["overdue 2024-03-22", "severely_overdue 2024-04-25"])
    }

    @Test func aReplyOnTimeEndsTheObligationALateOneToo() throws {
        let f = try Fixture()
        let n = try assignedCase(f)
        _ = try f.store.opinion(f.congress, n, unit: "JTJ", text: "同意", on: d("2024-03-20"))
        _ = try f.store.reply(f.congress, n, unit: "ZJJ", outcome: .a, planBy: nil, text: "已解决", on: d("2024-05-24"))
        #expect(summary(try sweep(f, "2024-05-27").1) == [])
        // As of a day before the late reply, it was overdue then; the opinion, sent on time, was not.
        #expect(summary(try sweep(f, "2024-05-22").1) == ["reply ZJJ overdue 2 new"])
        #expect(try f.deadline(n, .reply)?.status(on: d("2024-06-01")) == .late)
    }

    @Test func twoRunsAtOnceRecordEachFlagOnce() throws {
        let f = try Fixture()
        for _ in 0..<5 { _ = try assignedCase(f) }
        let news = NSLockedArray(), errors = NSLockedArray()
        let url = f.url, congress = f.congress
        let threads = (0..<4).map { i in
            Thread {
                do {
                    let store = try Store(url: url, actor: "cron\(i)")
                    let run = try store.overdueRun(congress, asOf: Day("2024-05-22")!, warnDays: nil, wait: true) { _ in }
                    news.append(String(run.newFlags))
                } catch { errors.append("\(error)") }
            }
        }
        try runAll(threads)
        #expect(errors.items.isEmpty)
        #expect(news.items.compactMap(Int.init).reduce(0, +) == 10)  // 5 replies overdue, 5 opinions severely overdue
        #expect(news.items.compactMap(Int.init).filter { $0 > 0 } == [10])  // one run found them all; the others waited
        #expect(try f.count("overdue_flag") == 10)
    }

    @Test func noWaitGivesUpWhileAnotherRunHoldsTheLock() throws {
        let f = try Fixture()
        _ = try assignedCase(f)
        let other = try f.secondStore()
        try other.connection.execute("BEGIN")
        let locked = try other.connection.tryAdvisoryLock(0x6A79_6F64_0000_0000 + Int64(f.congress.id))
        #expect(locked)
        #expect(throws: OverdueRunError.inProgress(congress: "LL")) {
            try f.store.overdueRun(f.congress, asOf: Day("2024-05-22")!, warnDays: nil, wait: false) { _ in }
        }
        try other.connection.execute("ROLLBACK")
        #expect(try f.count("overdue_run") == 0)
    }

    @Test func aFailingConsumerLeavesNothingRecorded() throws {
        let f = try Fixture()
        _ = try assignedCase(f)
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) {
            try f.store.overdueRun(f.congress, asOf: Day("2024-05-22")!, warnDays: nil, wait: true) { _ in throw DiskFull() }
        }
        #expect(try f.count("overdue_run") == 0)
        #expect(try f.count("overdue_flag") == 0)
    }

    @Test func aMissingYearAheadIsWarnedAndRecorded() throws {
        let f = try Fixture()
        let (run, _) = try sweep(f, "2026-11-23")
        #expect(run.warnings == ["the calendar has no 2027 holiday notice (needed within 60 days of 2026-11-23): load it with jianyi calendar import"])
        #expect(try f.store.overdueRuns(f.congress).first?.warnings == run.warnings)
        #expect(try sweep(f, "2026-10-01").0.warnings.isEmpty)
    }

    @Test func theWarningWindowFollowsThePolicyAndTheFlag() throws {
        let f = try Fixture()
        _ = try assignedCase(f)
        try f.store.setPolicy(f.congress, key: "warn_working_days", value: "3")
        #expect(summary(try sweep(f, "2024-03-14").1) == [])
        #expect(summary(try sweep(f, "2024-03-15").1) == ["opinion JTJ due_soon -5 new"])  // Fri + 3 working days = Wed 03-20
        var flags: [OverdueFlag] = []
        _ = try f.store.overdueRun(f.congress, asOf: d("2024-05-01"), warnDays: 15, wait: true) { flags.append($0) }
        #expect(summary(flags).contains("reply ZJJ due_soon -19 new"))
    }
}
