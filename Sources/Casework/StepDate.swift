/// The days a step may be dated (docs/domain.md, "Dates"): never after today, never before
/// the case's previous step. A later day is a typo that would also set deadlines, and overdue
/// flags, from a day that has not come; an earlier one would put the history out of order (a
/// reply before the assignment it answers).
public enum StepDate {
    /// The latest step a case has had: the day it is dated and what it was (an event kind).
    public struct Previous: Sendable, Equatable {
        public let day: Day
        public let step: EventKind

        public init(day: Day, step: EventKind) {
            self.day = day
            self.step = step
        }
    }

    /// Refuses `day` when it is after `today`.
    public static func checkNotAfterToday(_ day: Day, today: Day) throws(CaseError) {
        guard day > today else { return }
        throw .dayAfterToday(day: day, today: today)
    }

    /// Refuses `day` when it is before the previous step of case `number`.
    public static func checkOrder(_ day: Day, after previous: Previous?, number: String) throws(CaseError) {
        guard let previous, day < previous.day else { return }
        throw .dateBeforePreviousStep(number: number, day: day, previous: previous.day, kind: previous.step)
    }
}
