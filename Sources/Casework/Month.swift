/// A calendar month (`YYYY-MM`), as a monthly report names it: its first and last day, and
/// the month before.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// A month whose days jianyi records (1900-01 to 9999-12), or nil.
    public init?(year: Int, month: Int) {
        guard Day.years.contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` strictly: a four-digit year and a two-digit month.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.indices.allSatisfy({ $0 == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }),
              let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
              let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)) else { return nil }
        self.init(year: year, month: month)
    }

    /// Parses a month given for a flag, or fails naming the flag and the value.
    public static func parse(_ text: String, for flag: String) throws -> Month {
        guard let month = Month(text) else {
            throw Failure.badValue("\(flag): '\(text)' is not a month (expected YYYY-MM, from 1900-01 to 9999-12)")
        }
        return month
    }

    public var first: Day { Day(year: year, month: month, day: 1)! }
    public var last: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }

    /// The month before; nil before 1900-01.
    public var previous: Month? { month == 1 ? Month(year: year - 1, month: 12) : Month(year: year, month: month - 1) }

    public var description: String {
        let digits = String(month)
        return "\(year)-" + (digits.count == 1 ? "0" + digits : digits)
    }

    public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
