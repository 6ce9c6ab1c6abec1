/// Which days are working days for a congress: Monday to Friday, except the State
/// Council's days off, plus its 调休 makeup working days (weekend days that are worked).
public struct WorkCalendar: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let day: Day
        public let kind: CalendarDayKind
        public let name: String

        public init(day: Day, kind: CalendarDayKind, name: String) {
            self.day = day
            self.kind = kind
            self.name = name
        }
    }

    /// The years whose notice the calendar holds; other years fall back to weekends only.
    public let years: Set<Int>
    private let entries: [Day: Entry]

    public init(years: Set<Int>, entries: [Entry]) {
        self.years = years
        self.entries = Dictionary(entries.map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
    }

    public func entry(_ day: Day) -> Entry? { entries[day] }

    public func isWorkingDay(_ day: Day) -> Bool {
        switch entries[day]?.kind {
        case .work?: true
        case .off?: false
        case nil: !day.isWeekend
        }
    }

    public func holds(year: Int) -> Bool { years.contains(year) }

    /// The years of `range` this calendar has no notice for, in order.
    public func missingYears(_ range: ClosedRange<Int>) -> [Int] { range.filter { !holds(year: $0) } }

    /// Checks one row of a holiday notice: a makeup working day must fall on a weekend.
    public static func validate(_ entry: Entry) throws {
        if entry.kind == .work, !entry.day.isWeekend {
            throw SetupError.makeupDayOnWeekday(entry.day)
        }
    }
}
