/// A moment the database recorded (when an event was entered, when a run started), to the
/// second. People read it on the congress's clock, never the server's or the session's: the
/// offset from UTC comes from the edge, which knows time zones; this type knows none.
public struct Instant: Hashable, Comparable, Sendable {
    public let secondsSince1970: Int

    public init(secondsSince1970: Int) { self.secondsSince1970 = secondsSince1970 }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    /// `YYYY-MM-DD HH:MM:SS` on a clock `offset` seconds east of UTC: for people.
    public func wallClock(offset: Int) -> String {
        let (day, time) = local(offset)
        return "\(day) \(time)"
    }

    /// `YYYY-MM-DDTHH:MM:SS+08:00` (RFC 3339) on a clock `offset` seconds east of UTC: for
    /// programs, which need the offset to know the moment.
    public func rfc3339(offset: Int) -> String {
        let (day, time) = local(offset)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(day)T\(time)\(sign)\(twoDigits(minutes / 60)):\(twoDigits(minutes % 60))"
    }

    private func local(_ offset: Int) -> (Day, String) {
        let seconds = secondsSince1970 + offset
        let (days, rest) = (seconds.floorDivided(by: 86_400), seconds.floorModulo(86_400))
        return (Day(ordinal: days), "\(twoDigits(rest / 3600)):\(twoDigits(rest / 60 % 60)):\(twoDigits(rest % 60))")
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

private extension Int {
    func floorDivided(by divisor: Int) -> Int { (self - floorModulo(divisor)) / divisor }
    func floorModulo(_ divisor: Int) -> Int { ((self % divisor) + divisor) % divisor }
}
