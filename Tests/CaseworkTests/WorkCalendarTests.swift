import Casework
import Testing

@Suite struct WorkCalendarTests {
    // 2026 National Day: 10-01..10-07 off, Saturday 10-10 worked (调休).
    let calendar = WorkCalendar(years: [2026], entries: [
        .init(day: Day("2026-10-01")!, kind: .off, name: "国庆节"),
        .init(day: Day("2026-10-05")!, kind: .off, name: "国庆节"),
        .init(day: Day("2026-10-10")!, kind: .work, name: "国庆节调休上班"),
    ])

    @Test func holidaysMakeupDaysAndWeekends() {
        #expect(!calendar.isWorkingDay(Day("2026-10-01")!))  // Thursday, holiday
        #expect(!calendar.isWorkingDay(Day("2026-10-05")!))  // Monday, holiday
        #expect(calendar.isWorkingDay(Day("2026-10-10")!))   // Saturday, 调休
        #expect(!calendar.isWorkingDay(Day("2026-10-11")!))  // Sunday
        #expect(calendar.isWorkingDay(Day("2026-10-12")!))   // Monday
    }

    @Test func knowsWhichYearsItHolds() {
        #expect(calendar.holds(year: 2026))
        #expect(!calendar.holds(year: 2027))
    }

    @Test func makeupDayMustBeAWeekend() {
        #expect(throws: SetupError.makeupDayOnWeekday(Day("2026-10-12")!)) {
            try WorkCalendar.validate(.init(day: Day("2026-10-12")!, kind: .work, name: "x"))
        }
        #expect(throws: Never.self) { try WorkCalendar.validate(.init(day: Day("2026-10-10")!, kind: .work, name: "x")) }
    }
}
