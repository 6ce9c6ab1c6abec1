/// The counts behind the secretariat's measures for one group of cases (docs/domain.md,
/// "Measures and the score"). Every count is a count of cases.
public struct Measures: Sendable, Equatable {
    public var group: String
    /// A readable name for the group (a unit's or deputy's name), when it has one.
    public var groupName: String
    public var cases = 0
    public var replied = 0
    public var repliedOnTime = 0
    /// Not replied (round 1) though the reply was due before the report's day.
    public var unrepliedPastDue = 0
    public var contacted = 0
    public var rated = 0
    public var satisfied = 0
    public var basic = 0
    public var dissatisfied = 0
    public var attitudeRated = 0
    public var attitudeSatisfied = 0
    public var firstRoundDissatisfied = 0
    public var outcomeA = 0
    public var outcomeB = 0
    public var outcomeC = 0
    public var resolved = 0
    public var closed = 0

    public init(group: String, groupName: String = "") {
        self.group = group
        self.groupName = groupName
    }

    /// 按期答复率: replied on time over every case whose reply is owed by now, replied or
    /// unreplied past due, so a unit that never replies is not on time.
    public var onTimeRate: Rate { Rate(repliedOnTime, replied + unrepliedPastDue) }
    /// The on-time share of the replied cases alone (the figure `on_time_rate` was before).
    public var repliedOnTimeRate: Rate { Rate(repliedOnTime, replied) }
    /// 沟通率
    public var contactRate: Rate { Rate(contacted, replied) }
    /// 满意率: satisfied or basically satisfied, over rated cases (final rating).
    public var satisfactionRate: Rate { Rate(satisfied + basic, rated) }
    public var satisfiedRate: Rate { Rate(satisfied, rated) }
    public var attitudeSatisfactionRate: Rate { Rate(attitudeSatisfied, attitudeRated) }
    /// 解决率: outcome A, or B whose plan is done, over replied cases.
    public var resolutionRate: Rate { Rate(resolved, replied) }
    /// 办结率
    public var completionRate: Rate { Rate(closed, cases) }
}

/// A rate with its numerator and denominator; no value when the denominator is 0.
public struct Rate: Sendable, Equatable {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }

    /// Four decimal places, or empty when there is nothing to divide by (never 0, never NaN).
    public var formatted: String {
        guard denominator > 0 else { return "" }
        // Exact rounding of numerator/denominator to 4 places, half up, without binary floating point.
        let scaled = (numerator * 20_000 / denominator + 1) / 2
        let whole = scaled / 10_000, fraction = String(scaled % 10_000)
        return "\(whole)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}

/// The weights of the unit score (评分通报), from the congress's policy.
public struct ScoreWeights: Sendable, Equatable {
    public var onTime: Double
    public var contact: Double
    public var satisfaction: Double
    public var resolution: Double

    public init(onTime: Double, contact: Double, satisfaction: Double, resolution: Double) {
        self.onTime = onTime
        self.contact = contact
        self.satisfaction = satisfaction
        self.resolution = resolution
    }
}

/// One unit's score: 100 × Σ weight × rate; an empty rate counts as 0 and is named. A unit
/// with fewer rated cases than the policy's `min_rated_cases` is scored but not ranked
/// (样本不足): a handful of ratings says too little to place it among the others.
public struct UnitScore: Sendable, Equatable {
    public let measures: Measures
    public let score: Double
    /// Each term of the score, in the order of `ScoreTerm`.
    public let terms: [ScoreTerm.Part]
    /// The rates that were empty (no denominator) and so counted as 0.
    public let emptyRates: [String]
    /// Too few rated cases to rank fairly.
    public let insufficientSample: Bool
    /// 1, 2, … among the units ranked; nil for a unit with too few rated cases.
    public var rank: Int?

    public init(_ measures: Measures, weights: ScoreWeights, minRated: Int = 0) {
        self.measures = measures
        terms = ScoreTerm.allCases.map { ScoreTerm.Part(term: $0, measures: measures, weights: weights) }
        score = terms.reduce(0) { $0 + $1.points }
        emptyRates = terms.filter { $0.rate.value == nil }.map(\.term.rawValue)
        insufficientSample = measures.rated < minRated
    }

    /// The units with enough rated cases ranked by score, ties broken by more cases, then by
    /// code; then those with too few, unranked, by code.
    public static func ranked(_ measures: [Measures], weights: ScoreWeights, minRated: Int = 0) -> [UnitScore] {
        let scores = measures.map { UnitScore($0, weights: weights, minRated: minRated) }
        var ranked = scores.filter { !$0.insufficientSample }.sorted {
            // Compare scores rounded to the 2 places printed, so equal-looking scores tie.
            let a = ($0.score * 100).rounded(), b = ($1.score * 100).rounded()
            if a != b { return a > b }
            if $0.measures.cases != $1.measures.cases { return $0.measures.cases > $1.measures.cases }
            return $0.measures.group < $1.measures.group
        }
        for index in ranked.indices { ranked[index].rank = index + 1 }
        return ranked + scores.filter(\.insufficientSample).sorted { $0.measures.group < $1.measures.group }
    }

    public var formattedScore: String { Self.twoPlaces(score) }

    /// A share of the score as printed: two decimal places.
    public static func twoPlaces(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = String(hundredths % 100)
        return "\(hundredths / 100)." + (fraction.count == 1 ? "0" : "") + fraction
    }
}
