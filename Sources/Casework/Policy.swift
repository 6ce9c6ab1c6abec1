/// A congress's settings as they stand: its own values over the defaults (docs/domain.md, "The policy").
public struct Policy: Sendable, Equatable {
    public let values: [PolicySetting: PolicySetting.Value]

    public init(_ own: [PolicySetting: PolicySetting.Value] = [:]) {
        values = Dictionary(uniqueKeysWithValues: PolicySetting.allCases.map { ($0, own[$0] ?? $0.defaultValue) })
    }

    public func period(_ setting: PolicySetting) -> Period {
        guard case .period(let period) = values[setting] else { preconditionFailure("\(setting) is not a period") }
        return period
    }

    public func count(_ setting: PolicySetting) -> Int {
        guard case .count(let count) = values[setting] else { preconditionFailure("\(setting) is not a count") }
        return count
    }

    public func weight(_ setting: PolicySetting) -> Double {
        guard case .weight(let weight) = values[setting] else { preconditionFailure("\(setting) is not a weight") }
        return weight
    }

    /// How many calendar years after its start the longest period of this policy can reach
    /// (a deadline pushed past rest days included): the years of holiday calendar a step
    /// needs. A working year has at least 200 working days, so that bound is safe for them.
    public var yearsSpanned: Int {
        let spans = values.values.compactMap { value -> Int? in
            guard case .period(let period) = value else { return nil }
            switch period.unit {
            case .months: return (period.count + 11) / 12
            case .days: return period.count / 365 + 1
            case .workingDays: return period.count / 200 + 1
            }
        }
        return (spans.max() ?? 0) + 1
    }

    public var scoreWeights: ScoreWeights {
        ScoreWeights(onTime: weight(.weightOnTime), contact: weight(.weightContact),
                     satisfaction: weight(.weightSatisfaction), resolution: weight(.weightResolution))
    }
}
