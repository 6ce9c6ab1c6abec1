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

    public var scoreWeights: ScoreWeights {
        ScoreWeights(onTime: weight(.weightOnTime), contact: weight(.weightContact),
                     satisfaction: weight(.weightSatisfaction), resolution: weight(.weightResolution))
    }
}
