import Casework
import Testing

/// Deadlines on the official 2024–2026 calendars (the State Council notices), checked by hand.
@Suite struct LegalClockTests {
    let clock = LegalClock(calendar: OfficialCalendar.calendar)

    @Test(arguments: [
        // start, months, raw end, due
        ("2024-01-31", 1, "2024-02-29", "2024-02-29"),   // leap February, a Thursday
        ("2025-01-31", 1, "2025-02-28", "2025-02-28"),   // common February, a Friday
        ("2024-08-31", 6, "2025-02-28", "2025-02-28"),   // Aug 31 + 6 months, common year
        ("2023-08-31", 6, "2024-02-29", "2024-02-29"),   // Aug 31 + 6 months, leap year (2023 not held: weekends only)
        ("2024-01-31", 2, "2024-03-31", "2024-04-01"),   // from the anchor: Mar 31 (a Sunday) → Monday
        ("2024-03-31", 1, "2024-04-30", "2024-04-30"),
        ("2024-11-30", 3, "2025-02-28", "2025-02-28"),
    ])
    func monthsEndOnTheCorrespondingDayOrMonthEnd(start: String, months: Int, rawEnd: String, due: String) throws {
        let result = try clock.due(from: Day(start)!, Period(months, .months))
        #expect(result.rawEnd == Day(rawEnd)!)
        #expect(result.due == Day(due)!)
    }

    @Test func dueInsideNationalDayMovesToTheFirstWorkingDay() throws {
        // 2026-07-01 + 3 months = 2026-10-01, National Day; off through 10-07, 10-08 is a Thursday.
        let result = try clock.due(from: Day("2026-07-01")!, Period(3, .months))
        #expect(result.rawEnd == Day("2026-10-01")!)
        #expect(result.due == Day("2026-10-08")!)
        let skipped = result.steps.compactMap { if case .restDaySkipped(let day, _) = $0 { day } else { nil } }
        #expect(skipped.map(\.description) == (1...7).map { "2026-10-0\($0)" })
        #expect(result.steps.contains(.restDaySkipped(Day("2026-10-01")!, .holiday("国庆节"))))
    }

    @Test func dueInsideSpringFestivalMovesPastIt() throws {
        // 2025 Spring Festival: 01-28 … 02-04 off; 2025-01-26 (Sunday) and 02-08 (Saturday) worked.
        let result = try clock.due(from: Day("2024-10-28")!, Period(3, .months))
        #expect(result.rawEnd == Day("2025-01-28")!)
        #expect(result.due == Day("2025-02-05")!)
    }

    @Test func aMakeupSaturdayIsAWorkingDayAndADueDay() throws {
        // 2026-10-10 is a Saturday worked for National Day (调休).
        let result = try clock.due(from: Day("2026-09-10")!, Period(30, .days))
        #expect(result.rawEnd == Day("2026-10-10")!)
        #expect(result.due == Day("2026-10-10")!)
    }

    @Test func anOrdinarySundayMovesToMonday() throws {
        let result = try clock.due(from: Day("2026-10-22")!, Period(1, .months))  // 2026-11-22 is a Sunday
        #expect(result.due == Day("2026-11-23")!)
        #expect(result.steps.contains(.restDaySkipped(Day("2026-11-22")!, .weekend)))
    }

    @Test func workingDaysAcrossSpringFestival() throws {
        // Assigned Friday 2026-02-13. 2026 Spring Festival: 02-15 … 02-23 off; 02-14 (Sat) and 02-28 (Sat) worked.
        // Counted: 02-14 (Sat, 调休), 02-24, 25, 26, 27, 28 (Sat, 调休), 03-02, 03, 04, 05 → 10th is 03-05.
        let result = try clock.due(from: Day("2026-02-13")!, Period(10, .workingDays))
        #expect(result.due == Day("2026-03-05")!)
        let notCounted = result.steps.compactMap { if case .notCounted(let day, _) = $0 { day } else { nil } }
        #expect(notCounted.first == Day("2026-02-15")!)
        #expect(notCounted.contains(Day("2026-03-01")!))  // an ordinary Sunday
        #expect(!notCounted.contains(Day("2026-02-14")!))
    }

    @Test func theStartDayIsNotCounted() throws {
        #expect(try clock.due(from: Day("2026-11-23")!, Period(1, .days)).due == Day("2026-11-24")!)
        #expect(try clock.due(from: Day("2026-11-23")!, Period(1, .workingDays)).due == Day("2026-11-24")!)
        #expect(try clock.due(from: Day("2026-11-27")!, Period(1, .workingDays)).due == Day("2026-11-30")!)  // Fri → Mon
    }

    @Test func aYearMissingFromTheCalendarIsNamed() throws {
        let result = try clock.due(from: Day("2026-11-23")!, Period(3, .months))
        #expect(result.due == Day("2027-02-23")!)
        #expect(result.missingYears == [2027])
        #expect(try clock.due(from: Day("2026-01-05")!, Period(3, .months)).missingYears.isEmpty)
    }

    @Test func monthArithmeticFromTheAnchor() throws {
        #expect(try LegalClock.addingMonths(1, to: Day("2024-01-31")!) == Day("2024-02-29")!)
        #expect(try LegalClock.addingMonths(2, to: Day("2024-01-31")!) == Day("2024-03-31")!)
        #expect(try LegalClock.addingMonths(12, to: Day("2024-02-29")!) == Day("2025-02-28")!)
        #expect(try LegalClock.addingMonths(48, to: Day("2024-02-29")!) == Day("2028-02-29")!)
        #expect(try LegalClock.addingMonths(11, to: Day("2024-12-15")!) == Day("2025-11-15")!)
    }
}

@Suite struct GivenDateTests {
    @Test func aPlanDateOnARestDayMovesToTheNextWorkingDay() throws {
        let clock = LegalClock(calendar: OfficialCalendar.calendar)
        #expect(try clock.given(Day("2025-10-03")!).due == Day("2025-10-09")!)  // National Day 2025: 10-01…10-08 off
        #expect(try clock.given(Day("2025-06-30")!).due == Day("2025-06-30")!)  // a Monday
        #expect(try clock.given(Day("2025-06-30")!).steps == [.given(Day("2025-06-30")!), .due(Day("2025-06-30")!)])
    }
}
