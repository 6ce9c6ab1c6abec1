import Casework
import Testing

/// When a step may be dated, and the clock at the end of the days it counts: tables, no database.
@Suite struct StepDateTests {
    @Test(arguments: [
        // day, today, refused
        ("2026-11-30", "2026-11-30", false),
        ("2024-01-21", "2026-11-30", false),
        ("2026-12-01", "2026-11-30", true),
        ("9999-12-31", "9999-12-30", true),
        ("1900-01-01", "1900-01-01", false),
    ])
    func aStepIsNeverAfterToday(day: String, today: String, refused: Bool) {
        let check = { try StepDate.checkNotAfterToday(Day(day)!, today: Day(today)!) }
        if refused {
            #expect(throws: CaseError.dayAfterToday(day: Day(day)!, today: Day(today)!), performing: check)
        } else {
            #expect(throws: Never.self, performing: check)
        }
    }

    @Test(arguments: [
        // day, previous step's day and kind, refused
        ("2024-01-20", "2024-01-21", EventKind.registered, true),   // a review before the registration
        ("2024-01-24", "2024-01-25", .accepted, true),     // an assignment before the review
        ("2024-02-19", "2024-02-20", .assigned, true),     // a reply or a contact before the assignment
        ("2024-05-09", "2024-05-10", .replied, true),      // a rating before the reply
        ("2024-05-10", "2024-05-10", .replied, false),     // the same day is in order
        ("2024-05-11", "2024-05-10", .replied, false),
    ])
    func aStepIsNeverBeforeThePreviousOne(day: String, previous: String, step: EventKind, refused: Bool) {
        let check = { try StepDate.checkOrder(Day(day)!, after: .init(day: Day(previous)!, step: step), number: "5-4-0001") }
        if refused {
            #expect(throws: CaseError.dateBeforePreviousStep(number: "5-4-0001", day: Day(day)!, previous: Day(previous)!, kind: step), performing: check)
        } else {
            #expect(throws: Never.self, performing: check)
        }
    }

    @Test func aCaseWithoutStepsTakesAnyDay() throws {
        try StepDate.checkOrder(Day.first, after: nil, number: "5-4-0001")
    }

    @Test(arguments: [
        // start, period, due or nil when refused (no calendar: weekends only)
        ("9999-09-30", Period(3, .months), "9999-12-30"),    // a Thursday
        ("9999-09-30", Period(4, .months), nil),
        ("9999-12-31", Period(3, .months), nil),
        ("9999-12-30", Period(1, .days), "9999-12-31"),       // a Friday
        ("9999-12-30", Period(2, .days), nil),
        ("9999-12-30", Period(1, .workingDays), "9999-12-31"),
        ("9999-12-31", Period(1, .workingDays), nil),
        ("9999-12-20", Period(20, .workingDays), nil),
        ("1900-01-01", Period(1000, .months), "1983-05-02"),  // 1983-05-01 is a Sunday
        ("9916-09-01", Period(1000, .months), nil),
    ])
    func theClockCountsToTheLastDayAndRefusesPastIt(start: String, period: Period, due: String?) {
        let clock = LegalClock(calendar: WorkCalendar(years: [], entries: []))
        let result = Result { () throws(LegalClock.Refusal) in try clock.due(from: Day(start)!, period) }
        switch (result, due) {
        case (.success(let derivation), let due?): #expect(derivation.due == Day(due)!)
        case (.failure(let refusal), nil):
            #expect(refusal == LegalClock.Refusal(start: Day(start)!, period: period, reason: .pastLastDay))
            #expect(refusal.description == "\(period) from \(start) would fall after 9999-12-31, the last day jianyi records")
        default: Issue.record("\(period) from \(start): \(result), expected \(due ?? "a refusal")")
        }
    }

    @Test func aRestDayAtTheVeryEndLeavesNoDueDay() {
        let clock = LegalClock(calendar: WorkCalendar(years: [9999], entries: [.init(day: Day.last, kind: .off, name: "年末")]))
        #expect(throws: LegalClock.Refusal(start: Day.last, period: nil, reason: .pastLastDay)) { try clock.given(Day.last) }
        #expect(throws: LegalClock.Refusal(start: Day("9999-12-30")!, period: Period(1, .days), reason: .pastLastDay)) {
            try clock.due(from: Day("9999-12-30")!, Period(1, .days))
        }
        // A deadline recorded before that day was made a holiday: explain shows it as it stands.
        let recorded = Deadline(number: 1, kind: .reply, unit: "SJJ", round: 1, start: Day("9999-10-31")!, period: Period(2, .months),
                                policy: "reply = 2 months", due: Day.last, recordedStatus: .open, metOn: nil, note: nil)
        #expect(clock.derivation(of: recorded).steps == [.start(Day("9999-10-31")!), .due(Day.last)])
        #expect(throws: LegalClock.Refusal(start: Day("2024-01-01")!, period: Period(-1, .days), reason: .negativePeriod)) {
            try clock.due(from: Day("2024-01-01")!, Period(-1, .days))
        }
    }
}
