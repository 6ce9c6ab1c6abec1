/// The four rates the unit score weighs (docs/domain.md, "Measures and the score"), each with
/// its weight and the cases that make its numerator and denominator.
public enum ScoreTerm: String, CaseIterable, Sendable, Labelled {
    case onTime = "on_time_rate"
    case contact = "contact_rate"
    case satisfaction = "satisfaction_rate"
    case resolution = "resolution_rate"

    public var zh: String {
        switch self {
        case .onTime: "按期答复率"
        case .contact: "沟通率"
        case .satisfaction: "满意率"
        case .resolution: "解决率"
        }
    }

    public func rate(_ m: Measures) -> Rate {
        switch self {
        case .onTime: m.onTimeRate
        case .contact: m.contactRate
        case .satisfaction: m.satisfactionRate
        case .resolution: m.resolutionRate
        }
    }

    public func weight(_ w: ScoreWeights) -> Double {
        switch self {
        case .onTime: w.onTime
        case .contact: w.contact
        case .satisfaction: w.satisfaction
        case .resolution: w.resolution
        }
    }

    /// Whether a case counts in this rate's numerator, and in its denominator: the same
    /// definitions as the counts of `Measures`, case by case.
    public func counts(_ c: ScoredCase) -> (numerator: Bool, denominator: Bool) {
        switch self {
        case .onTime: (c.repliedOnTime, c.replied || c.unrepliedPastDue)
        case .contact: (c.contacted, c.replied)
        case .satisfaction: (c.satisfiedOrBasic, c.rated)
        case .resolution: (c.resolved, c.replied)
        }
    }

    /// One term of a unit's score: its weight, its rate, and the points it adds (100 × weight ×
    /// rate, 0 when the rate is empty).
    public struct Part: Sendable, Equatable {
        public let term: ScoreTerm
        public let weight: Double
        public let rate: Rate
        public let points: Double

        public init(term: ScoreTerm, measures: Measures, weights: ScoreWeights) {
            self.term = term
            weight = term.weight(weights)
            rate = term.rate(measures)
            points = 100 * weight * (rate.value ?? 0)
        }
    }
}

/// What one case contributes to its lead unit's score: the facts the score's counts are made of.
public struct ScoredCase: Sendable, Equatable {
    public let number: String
    public var replied = false
    public var repliedOnTime = false
    public var unrepliedPastDue = false
    public var contacted = false
    public var rated = false
    public var satisfiedOrBasic = false
    public var resolved = false

    public init(number: String) { self.number = number }
}

/// `score units --explain`: a unit's score term by term, with the cases behind each count, so
/// a unit that disputes its ranking can check every one.
public struct ScoreExplanation: Sendable, Equatable {
    public let score: UnitScore
    public let terms: [Term]

    public struct Term: Sendable, Equatable {
        public let part: ScoreTerm.Part
        /// The cases counted in the rate's numerator, in case order.
        public let numeratorCases: [String]
        /// The cases counted in its denominator (the numerator's among them).
        public let denominatorCases: [String]
        /// The denominator's cases not in the numerator: what lowers the rate.
        public var missingCases: [String] {
            let counted = Set(numeratorCases)
            return denominatorCases.filter { !counted.contains($0) }
        }
    }

    public init(_ score: UnitScore, cases: [ScoredCase]) {
        self.score = score
        terms = score.terms.map { part in
            let counted = cases.map { ($0.number, part.term.counts($0)) }
            return Term(part: part, numeratorCases: counted.filter(\.1.numerator).map(\.0),
                        denominatorCases: counted.filter(\.1.denominator).map(\.0))
        }
    }
}
