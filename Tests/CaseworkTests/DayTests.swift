import Casework
import Testing

@Suite struct DayTests {
    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2026-13-01", false), ("2026-04-31", false),
        ("2026-1-05", false), ("26-01-05", false), ("2026-01-05 ", false), ("2026/01/05", false),
        ("１２３４-01-01", false), ("2000-02-29", true), ("1900-02-29", false), ("", false),
        ("1900-01-01", true), ("9999-12-31", true), ("1899-12-31", false), ("0000-01-01", false), ("0024-03-01", false),
        ("10000-01-01", false), ("-999-01-01", false),
    ])
    func parsesOnlyRealDates(text: String, valid: Bool) {
        #expect((Day(text) != nil) == valid)
    }

    @Test func printsAsISO() {
        #expect(Day(year: 2026, month: 3, day: 7)!.description == "2026-03-07")
        // Outside 1900–9999 a day only comes from arithmetic, and still prints.
        #expect(Day(year: 9, month: 11, day: 30) == nil)
        #expect(Day(year: 9999, month: 12, day: 31)!.description == "9999-12-31")
        #expect(Day(year: 1900, month: 10, day: 1)!.description == "1900-10-01")
        #expect(Day(year: 9999, month: 12, day: 20)!.adding(days: 16).description == "10000-01-05")
        #expect(Day.first.adding(days: -693_596).description == "0000-12-31")
    }

    @Test func badDateNamesFlagAndValue() {
        #expect(throws: Failure.badValue("--on: '2026-02-30' is not a date (expected YYYY-MM-DD, a real calendar day)")) {
            try Day.parse("2026-02-30", for: "--on")
        }
    }

    @Test func dateOutsideTheRangeNamesFlagValueAndRange() {
        #expect(throws: Failure.badValue("--on: '1899-12-31' is outside the dates jianyi records (1900-01-01 to 9999-12-31)")) {
            try Day.parse("1899-12-31", for: "--on")
        }
        #expect(throws: Failure.badValue("submitted_on: '0000-01-01' is outside the dates jianyi records (1900-01-01 to 9999-12-31)")) {
            try Day.parse("0000-01-01", for: "submitted_on")
        }
        #expect(Day.first == Day("1900-01-01")! && Day.last == Day("9999-12-31")!)
    }

    @Test func ordinalRoundTripsAcrossCenturies() {
        var day = Day.first.adding(days: -7)
        for _ in 0..<80_000 {
            let next = day.adding(days: 1)
            #expect(Day(ordinal: day.ordinal) == day)
            #expect(next.ordinal == day.ordinal + 1)
            #expect(next > day)
            day = next
        }
        #expect(day == Day(year: 2119, month: 1, day: 6)!)  // checked with Python datetime
    }

    @Test(arguments: [
        ("2026-11-23", 1), ("2026-11-28", 6), ("2026-11-29", 7), ("2024-02-29", 4), ("1970-01-01", 4), ("2000-01-01", 6),
    ])
    func weekdays(text: String, weekday: Int) {
        #expect(Day(text)!.weekday == weekday)
    }

    @Test func daysBetween() {
        #expect(Day("2024-01-01")!.days(until: Day("2025-01-01")!) == 366)
        #expect(Day("2025-01-01")!.days(until: Day("2026-01-01")!) == 365)
    }
}
