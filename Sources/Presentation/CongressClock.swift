import CaseStore
import Casework
import Foundation

/// The congress's clock (`congress add --time-zone`, Asia/Shanghai by default). Every time
/// of day jianyi shows or writes is read on it: never on the machine's TZ, nor on the
/// database session's TimeZone (PGTZ, PGOPTIONS), which would make the same event read
/// differently from one terminal to the next.
public struct CongressClock: Sendable {
    public let zone: TimeZone

    public init(_ congress: Congress) throws {
        guard let zone = TimeZone(identifier: congress.timeZone) else {
            throw Failure.badValue("congress \(congress.code) has time zone '\(congress.timeZone)', which this system does not know")
        }
        self.zone = zone
    }

    /// `2026-06-01 09:00:00`, for people (the zone is the congress's, as everywhere).
    public func shown(_ instant: Instant) -> String { instant.wallClock(offset: offset(at: instant)) }

    /// `2026-06-01T09:00:00+08:00`, for programs.
    public func json(_ instant: Instant) -> JSONValue { .string(instant.rfc3339(offset: offset(at: instant))) }

    public func json(_ instant: Instant?) -> JSONValue { instant.map(json) ?? .null }

    /// The calendar day `now` falls on in the congress's zone; nil when it is outside
    /// `Day.first`…`Day.last` (a clock set absurdly).
    public func day(at now: Date = Date()) -> Day? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private func offset(at instant: Instant) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.secondsSince1970)))
    }
}
