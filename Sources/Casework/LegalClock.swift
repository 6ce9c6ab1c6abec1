/// Counts periods as the PRC Civil Code does (arts. 201–203) on a congress's work calendar,
/// and keeps every step so a user can check the result by hand.
public struct LegalClock: Sendable {
    public let calendar: WorkCalendar

    public init(calendar: WorkCalendar) {
        self.calendar = calendar
    }

    /// The due day of `period` started on `start`, with its derivation; refused, never
    /// trapped, when the count would pass the last day jianyi records.
    public func due(from start: Day, _ period: Period) throws(Refusal) -> Derivation {
        guard period.count >= 0 else { throw Refusal(start: start, period: period, reason: .negativePeriod) }
        var steps: [Derivation.Step] = [.start(start)]
        let rawEnd: Day
        switch period.unit {
        case .months:
            rawEnd = try Self.addingMonths(period.count, to: start)
            let clamped = rawEnd.day != start.day
            steps.append(.monthsEnd(period: period, end: rawEnd, clampedToMonthEnd: clamped))
        case .days:
            guard period.count <= start.days(until: Day.last) else { throw Refusal(start: start, period: period, reason: .pastLastDay) }
            rawEnd = start.adding(days: period.count)
            steps.append(.daysEnd(period: period, end: rawEnd))
        case .workingDays:
            var day = start
            var counted = 0
            while counted < period.count {
                guard day < Day.last else { throw Refusal(start: start, period: period, reason: .pastLastDay) }
                day = day.adding(days: 1)
                if calendar.isWorkingDay(day) {
                    counted += 1
                } else {
                    steps.append(.notCounted(day, reason(day)))
                }
            }
            rawEnd = day
            steps.append(.workingDaysEnd(period: period, end: rawEnd))
        }
        guard let due = firstWorkingDay(from: rawEnd, steps: &steps) else {
            throw Refusal(start: start, period: period, reason: .pastLastDay)
        }
        let missing = calendar.missingYears(start.year...due.year)
        return Derivation(start: start, period: period, rawEnd: rawEnd, due: due, steps: steps, missingYears: missing)
    }

    /// A due day given outright (a B-class plan date): nothing to count, but a rest day
    /// still moves to the next working day (art. 203).
    public func given(_ day: Day) throws(Refusal) -> Derivation {
        var steps: [Derivation.Step] = [.given(day)]
        guard let due = firstWorkingDay(from: day, steps: &steps) else { throw Refusal(start: day, period: nil, reason: .pastLastDay) }
        let missing = calendar.missingYears(day.year...due.year)
        return Derivation(start: day, period: nil, rawEnd: day, due: due, steps: steps, missingYears: missing)
    }

    /// How a recorded deadline is reached on this calendar (what `explain` prints): counted
    /// again from its start, or moved from its plan date; the recorded day as it stands when
    /// the count no longer reaches one (the calendar changed at the very end of its range).
    public func derivation(of deadline: Deadline) -> Derivation {
        do throws(Refusal) {
            if let period = deadline.period { return try due(from: deadline.start, period) }
            return try given(deadline.given ?? deadline.due)
        } catch {
            return Derivation(recorded: deadline.due, from: deadline.start, period: deadline.period)
        }
    }

    /// Art. 202: the corresponding day of the last month, or that month's last day when it
    /// has no such day. Counted from the anchor, never month by month (Jan 31 + 2 months is
    /// Mar 31, not Mar 28).
    public static func addingMonths(_ months: Int, to start: Day) throws(Refusal) -> Day {
        let index = start.year * 12 + (start.month - 1)
        let period = Period(months, .months)
        // Compared before adding, so no count can overflow.
        guard months >= 0 else { throw Refusal(start: start, period: period, reason: .negativePeriod) }
        guard months <= Day.last.year * 12 + 11 - index else { throw Refusal(start: start, period: period, reason: .pastLastDay) }
        let year = (index + months) / 12, month = (index + months) % 12 + 1
        guard let end = Day(year: year, month: month, day: min(start.day, Day.daysIn(month: month, year: year))) else {
            throw Refusal(start: start, period: period, reason: .pastLastDay)
        }
        return end
    }

    /// Art. 203: a period ending on a rest day ends on the first working day after it; nil
    /// when there is none by the last day jianyi records.
    private func firstWorkingDay(from day: Day, steps: inout [Derivation.Step]) -> Day? {
        var due = day
        while !calendar.isWorkingDay(due) {
            guard due < Day.last else { return nil }
            steps.append(.restDaySkipped(due, reason(due)))
            due = due.adding(days: 1)
        }
        steps.append(.due(due))
        return due
    }

    /// Why the clock will not count a period: a typed refusal the steps turn into exit 65.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public enum Reason: Sendable, Equatable {
            /// The due day would fall after 9999-12-31.
            case pastLastDay
            /// A period below zero, which no policy can hold.
            case negativePeriod
        }

        public let start: Day
        /// Nil for a day given outright (a plan date).
        public let period: Period?
        public let reason: Reason

        public init(start: Day, period: Period?, reason: Reason) {
            self.start = start
            self.period = period
            self.reason = reason
        }

        public var description: String {
            let counted = period.map { "\($0) from \(start)" } ?? "the first working day from \(start)"
            switch reason {
            case .pastLastDay: return "\(counted) would fall after \(Day.last), the last day jianyi records"
            case .negativePeriod: return "\(counted) is a negative period"
            }
        }
    }

    func reason(_ day: Day) -> RestReason {
        if let entry = calendar.entry(day), entry.kind == .off { return .holiday(entry.name) }
        if !calendar.holds(year: day.year) { return .weekendAssumed }
        return .weekend
    }
}

/// Why a day is not a working day.
public enum RestReason: Sendable, Equatable {
    case holiday(String)
    case weekend
    /// A weekend in a year whose holiday notice the calendar lacks.
    case weekendAssumed
}

/// How a due day was reached, step by step.
public struct Derivation: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        case start(Day)
        case monthsEnd(period: Period, end: Day, clampedToMonthEnd: Bool)
        case daysEnd(period: Period, end: Day)
        case notCounted(Day, RestReason)
        case workingDaysEnd(period: Period, end: Day)
        case restDaySkipped(Day, RestReason)
        case given(Day)
        case due(Day)
    }

    public let start: Day
    public let period: Period?
    public let rawEnd: Day
    public let due: Day
    public let steps: [Step]
    /// Years the counting crossed that the calendar does not hold (weekends-only there).
    public let missingYears: [Int]

    /// A recorded due day the clock can no longer reach: shown as it stands, nothing counted.
    init(recorded due: Day, from start: Day, period: Period?) {
        self.init(start: start, period: period, rawEnd: due, due: due, steps: [.start(start), .due(due)], missingYears: [])
    }

    init(start: Day, period: Period?, rawEnd: Day, due: Day, steps: [Step], missingYears: [Int]) {
        self.start = start
        self.period = period
        self.rawEnd = rawEnd
        self.due = due
        self.steps = steps
        self.missingYears = missingYears
    }
}
