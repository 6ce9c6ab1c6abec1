import Casework
import Foundation
import Testing

/// The legal clock over random starts from 1900 to 9999, random periods and random calendars,
/// checked against a plain re-counting that knows no bounds. Deterministic: the seed is fixed
/// (JIANYI_PROPERTY_SEED overrides it) and every failure prints it with the case.
@Suite struct LegalClockPropertyTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["JIANYI_PROPERTY_SEED"].flatMap { UInt64($0) } ?? 0x6A69_616E_7969

    @Test func everyDeadlineIsCountedOrRefusedNeverTrapped() {
        var random = SplitMix64(seed: Self.seed)
        var counted = 0, refused = 0
        for index in 0..<4_000 {
            let calendar = randomCalendar(&random)
            let start = randomDay(&random)
            let period = randomPeriod(&random)
            let label = "seed \(Self.seed) case \(index): \(period) from \(start), calendar years \(calendar.years.sorted())"
            let expected = Reference(calendar: calendar).due(from: start, period)
            let clock = LegalClock(calendar: calendar)
            switch Result(catching: { () throws(LegalClock.Refusal) in try clock.due(from: start, period) }) {
            case .success(let derivation):
                counted += 1
                #expect(expected == derivation.due.ordinal, "\(label): the clock gives \(derivation.due), counting by hand gives \(Day(ordinal: expected))")
                #expect(derivation.due >= start, "\(label): due \(derivation.due) is before the start")
                #expect(derivation.due <= Day.last, "\(label)")
                #expect(calendar.isWorkingDay(derivation.due), "\(label): due \(derivation.due) is a rest day")
                expectReproduces(derivation, calendar: calendar, label: label)
                // explain counts again from the recorded deadline: the same answer, step by step.
                let recorded = Deadline(number: 1, kind: .reply, unit: "SJJ", round: 1, start: start, period: period, policy: "reply = \(period)",
                                        due: derivation.due, recordedStatus: .open, metOn: nil, note: nil)
                #expect(clock.derivation(of: recorded) == derivation, "\(label)")
            case .failure(let error):
                refused += 1
                #expect(error == LegalClock.Refusal(start: start, period: period, reason: .pastLastDay), "\(label)")
                #expect(expected > Day.last.ordinal, "\(label): refused, yet by hand it is due \(Day(ordinal: expected))")
            }
        }
        // The generator must reach both outcomes, or the property says little.
        #expect(counted > 1_000 && refused > 100, "seed \(Self.seed): \(counted) counted, \(refused) refused")
    }

    @Test func aGivenDayMovesToAWorkingDayOrIsRefused() {
        var random = SplitMix64(seed: Self.seed &+ 1)
        for index in 0..<4_000 {
            let calendar = randomCalendar(&random)
            let day = randomDay(&random)
            let label = "seed \(Self.seed &+ 1) case \(index): given \(day), calendar years \(calendar.years.sorted())"
            let expected = Reference(calendar: calendar).firstWorkingDay(from: day.ordinal)
            switch Result(catching: { () throws(LegalClock.Refusal) in try LegalClock(calendar: calendar).given(day) }) {
            case .success(let derivation):
                #expect(derivation.due.ordinal == expected, "\(label): \(derivation.due)")
                #expect(derivation.steps.first == .given(day) && derivation.steps.last == .due(derivation.due), "\(label)")
                let plan = Deadline(number: 1, kind: .plan, unit: "SJJ", round: 1, start: Day.first, period: nil, given: day,
                                    policy: "plan date given in the reply: \(day)", due: derivation.due, recordedStatus: .open, metOn: nil, note: nil)
                #expect(LegalClock(calendar: calendar).derivation(of: plan) == derivation, "\(label)")
            case .failure(let error):
                #expect(error == LegalClock.Refusal(start: day, period: nil, reason: .pastLastDay), "\(label)")
                #expect(expected > Day.last.ordinal, "\(label)")
            }
        }
    }

    /// The steps `explain` prints lead to the due day: the end of the count, then exactly the
    /// rest days after it.
    private func expectReproduces(_ derivation: Derivation, calendar: WorkCalendar, label: String) {
        #expect(derivation.steps.first == .start(derivation.start), "\(label)")
        #expect(derivation.steps.last == .due(derivation.due), "\(label)")
        var end: Day?
        var notCounted: [Day] = []
        var skipped: [Day] = []
        for step in derivation.steps {
            switch step {
            case .monthsEnd(_, let day, _), .daysEnd(_, let day), .workingDaysEnd(_, let day): end = day
            case .notCounted(let day, _): notCounted.append(day)
            case .restDaySkipped(let day, _): skipped.append(day)
            case .start, .given, .due: break
            }
        }
        guard let end else {
            Issue.record("\(label): no end of the count in \(derivation.steps)")
            return
        }
        #expect(end == derivation.rawEnd, "\(label)")
        let rest = (0..<end.days(until: derivation.due)).map { end.adding(days: $0) }
        #expect(skipped == rest && rest.allSatisfy { !calendar.isWorkingDay($0) }, "\(label): skipped \(skipped)")
        if derivation.period?.unit == .workingDays {
            let inside = (1...derivation.start.days(until: end)).map { derivation.start.adding(days: $0) }
            #expect(notCounted == inside.filter { !calendar.isWorkingDay($0) }, "\(label)")
            #expect(inside.filter(calendar.isWorkingDay).count == derivation.period?.count, "\(label)")
        }
    }

    // MARK: - Generators

    /// Mostly anywhere in 1900–9999, often in the years the official calendar holds, and often
    /// in the last two years, where deadlines run out of days.
    private func randomDay(_ random: inout SplitMix64) -> Day {
        let (low, high): (Day, Day)
        switch random.next(below: 4) {
        case 0: (low, high) = (Day("2024-01-01")!, Day("2026-12-31")!)
        case 1: (low, high) = (Day("9998-01-01")!, Day.last)
        default: (low, high) = (Day.first, Day.last)
        }
        return low.adding(days: random.next(below: low.days(until: high) + 1))
    }

    private func randomPeriod(_ random: inout SplitMix64) -> Period {
        let unit = Period.Unit.allCases[random.next(below: Period.Unit.allCases.count)]
        // Small counts are what policies hold; up to the largest a policy may hold.
        let count = random.next(below: 2) == 0 ? 1 + random.next(below: 24) : Period.counts.lowerBound + random.next(below: Period.counts.count)
        return Period(count, unit)
    }

    /// No years, the official 2024–2026 notices, or a made-up notice for a few random years
    /// (sometimes 9998–9999, with its last days off).
    private func randomCalendar(_ random: inout SplitMix64) -> WorkCalendar {
        switch random.next(below: 3) {
        case 0: return WorkCalendar(years: [], entries: [])
        case 1: return OfficialCalendar.calendar
        default:
            var years: Set<Int> = [9998, 9999]
            for _ in 0..<random.next(below: 4) { years.insert(Day.years.lowerBound + random.next(below: Day.years.count)) }
            var entries: [WorkCalendar.Entry] = []
            for year in years {
                let first = Day(year: year, month: 1, day: 1)!
                for _ in 0..<(5 + random.next(below: 30)) {
                    let day = first.adding(days: random.next(below: 365))
                    guard day.year == year else { continue }
                    // A makeup working day falls on a weekend (WorkCalendar.validate).
                    entries.append(WorkCalendar.Entry(day: day, kind: day.isWeekend && random.next(below: 2) == 0 ? .work : .off, name: "假日"))
                }
            }
            if random.next(below: 2) == 0 {
                entries += (0..<3).map { WorkCalendar.Entry(day: Day.last.adding(days: -$0), kind: .off, name: "年末") }
            }
            return WorkCalendar(years: years, entries: entries)
        }
    }
}

/// Counts as the Civil Code says, on day numbers without any upper bound: what the clock must
/// give when the due day is in range, and the proof a refusal was owed when it is not.
private struct Reference {
    let calendar: WorkCalendar

    func isWorking(_ ordinal: Int) -> Bool { calendar.isWorkingDay(Day(ordinal: ordinal)) }

    func firstWorkingDay(from ordinal: Int) -> Int {
        var day = ordinal
        while !isWorking(day) { day += 1 }
        return day
    }

    func due(from start: Day, _ period: Period) -> Int {
        let rawEnd: Int
        switch period.unit {
        case .days:
            rawEnd = start.ordinal + period.count
        case .workingDays:
            var day = start.ordinal, counted = 0
            while counted < period.count {
                day += 1
                if isWorking(day) { counted += 1 }
            }
            rawEnd = day
        case .months:
            let months = start.month - 1 + period.count
            let year = start.year + months / 12, month = months % 12 + 1
            let day = min(start.day, Day.daysIn(month: month, year: year))
            // No Day is built past 9999: the count has left the range already.
            guard let end = Day(year: year, month: month, day: day) else { return Int.max }
            rawEnd = end.ordinal
        }
        return firstWorkingDay(from: rawEnd)
    }
}

/// A small, fast generator with a seed (Steele, Lea, Flood 2014), so a failure can be rerun.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    mutating func next(below bound: Int) -> Int { Int(next(upperBound: UInt64(bound))) }
}
