/// A length of time as the rules state it: a number with a unit.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, CaseIterable, Sendable {
        case months, days
        case workingDays = "working_days"

        var label: String {
            switch self {
            case .months: "个月"
            case .days: "日"
            case .workingDays: "个工作日"
            }
        }
    }

    public let count: Int
    public let unit: Unit

    /// The counts a policy may hold: a period of nothing, or of more than 1000 units, is a typo.
    public static let counts = 1...1000

    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// `3 months`, `1 month`, `10 working_days`, `30 days`.
    public var description: String {
        let name = count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue
        return "\(count) \(name)"
    }

    /// 3个月, 10个工作日
    public var label: String { "\(count)\(unit.label)" }

    /// Parses `3 months`, `1 month`, `10 working_days` (also `10 working days`), `30 days`.
    public init?(_ text: String) {
        let words = text.trimmingWhitespace().split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 2, let count = Int(words[0]), Period.counts.contains(count) else { return nil }
        var unitName = words.dropFirst().joined(separator: "_").lowercased()
        if !unitName.hasSuffix("s") { unitName += "s" }
        guard let unit = Unit(rawValue: unitName) else { return nil }
        self.init(count, unit)
    }
}
