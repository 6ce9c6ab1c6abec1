@testable import CaseStore
import Casework
import Testing

/// A policy period longer than two years still counts on the congress's own calendar for
/// every year it reaches: the days off it has loaded are skipped, and no year it holds is
/// said to be missing.
@Suite struct LongPeriodTests {
    @Test func aLongReplyPeriodSkipsAHolidayLoadedYearsAhead() throws {
        let f = try Fixture()
        _ = try f.store.setPolicy(f.congress, key: "reply", value: "40 months")
        // 2096-02-03 + 40 months is Wednesday 2099-06-03, a day off in this calendar.
        _ = try f.store.importCalendar(f.congress, csv: "date,kind,name\n2099-06-03,off,端午节\n", file: "h.csv")
        let n = try f.acceptedCase(on: "2096-02-01")
        let result = try f.store.assign(f.congress, n, lead: "ZJJ", co: [], complex: false, on: Day("2096-02-03")!)
        #expect(result.created.first?.due == Day("2099-06-04")!)
        #expect(!result.warnings.contains { $0.contains("2099") }, "\(result.warnings)")
        #expect(result.warnings.contains { $0.contains("no 2097 holiday notice") }, "\(result.warnings)")
    }

    @Test func theYearsAPolicySpans() {
        #expect(Policy().yearsSpanned == 2)  // 6 months at most
        #expect(Policy([.reply: .period(Period(40, .months))]).yearsSpanned == 5)
        #expect(Policy([.severeDays: .count(9), .reply: .period(Period(1000, .workingDays))]).yearsSpanned == 7)
        #expect(Policy([.reply: .period(Period(1000, .days))]).yearsSpanned == 4)
    }

    /// A plan date given in a reply, in a year the calendar lacks, is warned about like any
    /// counted due day.
    @Test func aPlanDateInAYearWithoutANoticeIsWarnedAbout() throws {
        let f = try Fixture()
        let n = try f.acceptedCase()
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: [], complex: false, on: Day("2024-02-20")!)
        let reply = try f.store.reply(f.congress, n, unit: "ZJJ", outcome: .b, planBy: Day("2099-02-01")!, text: "已列入计划", on: Day("2024-04-01")!)
        #expect(reply.created.first { $0.kind == .plan }?.due == Day("2099-02-02")!)  // a Sunday, moved to Monday
        #expect(reply.warnings == ["the calendar has no 2099 holiday notice: 2099 was counted with weekends only (jianyi calendar import)"])
    }
}
