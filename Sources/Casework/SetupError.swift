/// Values refused while setting a congress up: its time zone, its sessions, its calendar.
public enum SetupError: Error, Equatable, Sendable {
    case unknownTimeZone(String)
    case sessionClosesBeforeOpening(opened: Day, closed: Day)
    case yearOutOfRange(Int)
    /// A makeup working day (调休) of a holiday notice that is not a Saturday or Sunday.
    case makeupDayOnWeekday(Day)
}
