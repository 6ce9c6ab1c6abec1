import CaseStore
import Casework
import Foundation
import Hummingbird
import Presentation

/// 满意度 (`/satisfaction`): the satisfaction summary by lead unit (`export satisfaction`) and
/// the units' scores (`score units`), from the same store functions and ranking, with the HTML
/// report's charts (RankedChart: the same bars in the same order) drawn in SVG (no script; the
/// stylesheet colours them).
enum SatisfactionPage {
    /// One bar: its length in percent of the chart's width, and the value written beside it.
    struct Bar {
        let label: String
        let width: String
        let value: String
    }

    struct Chart {
        let title: String
        let bars: [Bar]
        /// Stored: the templates see stored properties only.
        let hasBars: Bool

        init(_ title: String, _ bars: [ChartBar]) {
            self.title = title
            self.bars = bars.map { Bar(label: $0.label, width: SatisfactionPage.width($0.fraction), value: $0.fraction == nil ? "— 无数据" : $0.shown) }
            hasBars = !bars.isEmpty
        }
    }

    struct Row {
        let unit: String
        let cases: Int
        let replied: Int
        let onTime: String
        let contact: String
        let rated: Int
        let satisfaction: String
        let satisfied: String
        let resolution: String
    }

    struct ScoreRow {
        let rank: String
        let unit: String
        let score: String
        let cases: Int
        let rated: Int
        let insufficient: Bool
    }

    struct View {
        let asOf: String
        let rows: [Row]
        let hasRows: Bool
        let satisfactionCharts: [Chart]
        let scores: [ScoreRow]
        let scoreChart: Chart
        let minRated: Int
    }

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let (congress, today) = (site.congress, try site.today())
        let view = try await site.act(context) { store, _ in
            let scope = SummaryScope(asOf: today)
            var units: [Measures] = []
            try store.satisfaction(congress, by: .unit, scope: scope) { units.append($0) }
            let policy = try store.currentPolicy(congress)
            let minRated = policy.count(.minRatedCases)
            let scores = UnitScore.ranked(units, weights: policy.scoreWeights, minRated: minRated)
            func name(_ m: Measures) -> String { m.groupName.isEmpty ? m.group : m.groupName }
            return View(
                asOf: today.description,
                rows: units.map { m in
                    Row(unit: name(m), cases: m.cases, replied: m.replied, onTime: percent(m.onTimeRate), contact: percent(m.contactRate),
                        rated: m.rated, satisfaction: percent(m.satisfactionRate), satisfied: percent(m.satisfiedRate),
                        resolution: percent(m.resolutionRate))
                },
                hasRows: !units.isEmpty,
                satisfactionCharts: RankedChart.allCases.map { Chart($0.title(zh: true), $0.bars(units, label: name, shown: percent)) },
                scores: scores.map { s in
                    ScoreRow(rank: s.rank.map(String.init) ?? "—", unit: name(s.measures), score: s.formattedScore, cases: s.measures.cases,
                             rated: s.measures.rated, insufficient: s.insufficientSample)
                },
                scoreChart: Chart(RankedChart.scoreTitle(zh: true), RankedChart.scores(scores, label: name)),
                minRated: minRated)
        }
        return try site.page("sec-satisfaction", title: "满意度与单位评分", page: view, context: context, path: "/satisfaction")
    }

    /// `87.5%`, or `—` when nothing was there to count.
    static func percent(_ rate: Rate) -> String {
        guard let value = rate.value else { return "—" }
        return String(format: "%.1f%%", value * 100)
    }

    /// A fraction 0–1 as the bar's width in the chart's 0–100 units.
    static func width(_ fraction: Double?) -> String {
        String(format: "%.1f", min(max(fraction ?? 0, 0), 1) * 100)
    }
}
