import Casework

/// One bar of a ranked chart.
public struct ChartBar: Sendable, Equatable {
    public let label: String
    /// 0…1 of the track; nil when there is nothing to show.
    public let fraction: Double?
    /// The figure as the table beside it shows it.
    public let shown: String
    /// The figure the bars are ranked by, for a reader (or a check) to compare.
    public let value: Double?

    public init(label: String, fraction: Double?, shown: String, value: Double?) {
        (self.label, self.fraction, self.shown, self.value) = (label, fraction, shown, value)
    }
}

/// The charts of the satisfaction summary and the unit scores, ranked by the figure shown.
/// The HTML reports (`report satisfaction|score --format html`) and the secretariat's
/// 满意度 page draw them from here, so a figure ranks the same wherever it is read. The cases
/// are the rate charts; the score chart is `scores(_:label:)`.
public enum RankedChart: Sendable, CaseIterable {
    case satisfaction, onTime

    public func title(zh: Bool) -> String {
        switch self {
        case .satisfaction: zh ? "满意率（满意＋基本满意）" : "satisfaction (satisfied + basic)"
        case .onTime: zh ? "按期答复率" : "on time"
        }
    }

    /// The rate the chart draws.
    public var rate: (Measures) -> Rate {
        switch self {
        case .satisfaction: { $0.satisfactionRate }
        case .onTime: { $0.onTimeRate }
        }
    }

    /// The groups by the chart's rate, best first; a group with nothing to count last; equal
    /// rates by the larger count, then by code.
    public func bars(_ rows: [Measures], label: (Measures) -> String, shown: (Rate) -> String) -> [ChartBar] {
        rows.sorted { a, b in
            let (x, y) = (rate(a), rate(b))
            switch (x.value, y.value) {
            case let (p?, q?) where p != q: return p > q
            case (nil, _?): return false
            case (_?, nil): return true
            default: return x.denominator != y.denominator ? x.denominator > y.denominator : a.group < b.group
            }
        }.map { m in
            let r = rate(m)
            return ChartBar(label: label(m), fraction: r.value, shown: shown(r), value: r.value)
        }
    }

    public static func scoreTitle(zh: Bool) -> String {
        zh ? "得分（不含样本不足的单位）" : "score (units with enough ratings)"
    }

    /// The ranked units in their ranking order, each label led by its rank; those with too few
    /// rated cases are not ranked and not charted. The track is 100 points, or the top score
    /// when weights sum above 1.
    public static func scores(_ scores: [UnitScore], label: (Measures) -> String) -> [ChartBar] {
        let ranked = scores.compactMap { score in score.rank.map { (rank: $0, score: score) } }
        let top = max(100, ranked.map(\.score.score).max() ?? 0)
        return ranked.map { rank, s in
            ChartBar(label: "\(rank). " + label(s.measures), fraction: s.score / top, shown: s.formattedScore, value: s.score)
        }
    }
}
