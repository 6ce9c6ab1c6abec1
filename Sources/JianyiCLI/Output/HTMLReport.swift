import CaseStore
import Casework
import Presentation

/// The measures per group as one page (HTMLPage): the table, then bar charts ranked by the
/// figure each shows — the score (score report), satisfaction and on time — laid out to print
/// on A4 landscape.
struct HTMLReport {
    let zh: Bool
    let congress: String
    let title: String
    let covers: String
    let grouping: Grouping
    /// The report's day (an unreplied case counts against the on-time rate once its reply was
    /// due before it), when it was made, and the steps entered after it.
    let stamp: AsOfStamp
    let rows: [Measures]
    let scores: [UnitScore]?
    /// The score's weights and the rated cases a unit needs to be ranked.
    let policy: (weights: ScoreWeights, minRated: Int)?

    var asOf: Day { stamp.asOf }

    func render() -> String {
        var content = ""
        if rows.isEmpty {
            content = emptyNote(zh: zh)
        } else {
            content += table()
            if let (weights, minRated) = policy {
                content += "<p class=\"note\">" + escape(weightsNote(weights, zh: zh) + (zh ? "" : " ") + sampleNote(minRated: minRated, zh: zh)) + "</p>\n"
            }
            content += "<p class=\"note\">\(escape(onTimeNote(asOf: asOf, zh: zh)))</p>\n<div class=\"charts\">\n"
            if let scores { content += scoreChart(scores) }
            content += rateChart(.satisfaction, color: 0)
            content += rateChart(.onTime, color: 1)
            content += "</div>\n"
        }
        let footer = zh ? "比率为百分数，保留一位小数，括号内为分子/分母；“—”表示没有可计算的件数。" + (scores != nil ? "得分保留两位小数。" : "") + "图中按所示数值从高到低排列。由 jianyi 生成。"
                        : "Rates are percentages with one decimal, numerator/denominator in brackets; “—” where there is nothing to count." + (scores != nil ? " Scores have two decimals." : "") + " Charts are ranked by the figure shown, highest first. Made by jianyi."
        return HTMLPage(zh: zh, congress: congress, title: title, covers: covers, stamp: stamp, paper: .landscape,
                        content: content, footer: footer).render()
    }

    private var named: Bool { grouping.hasNames }

    private func table() -> String {
        let header = (scores != nil ? [zh ? "名次" : "rank"] : []) + grouping.headers(zh: zh)
            + measureValueHeader(zh: zh) + (scores != nil ? [zh ? "得分" : "score"] : [])
        let first = scores != nil ? 1 : 0
        var table = HTMLTable(header: header, left: Set(first..<(first + (named ? 2 : 1))), names: named ? [first + 1] : [first], zh: zh)
        let ordered: [(Measures, UnitScore?)] = scores.map { $0.map { ($0.measures, $0) } } ?? rows.map { ($0, nil) }
        for (m, score) in ordered {
            var cells = measureRow(m, by: grouping)
            if let score { cells = [rankText(score, zh: zh)] + cells + [score.formattedScore] }
            table.rows.append(cells)
        }
        return table.render()
    }

    private func label(_ m: Measures) -> String {
        named && !m.groupName.isEmpty ? "\(m.group) \(m.groupName)" : m.group
    }

    private func rateChart(_ chart: RankedChart, color: Int) -> String {
        BarChart(title: chart.title(zh: zh), bars: chart.bars(rows, label: label, shown: percent), color: color, zh: zh).render()
    }

    private func scoreChart(_ scores: [UnitScore]) -> String {
        BarChart(title: RankedChart.scoreTitle(zh: zh), bars: RankedChart.scores(scores, label: label), color: 2, zh: zh).render()
    }
}

/// The score's weights, as a report's footnote says them.
func weightsNote(_ weights: ScoreWeights, zh: Bool) -> String {
    zh ? "权重：按期答复率 \(weights.onTime)，沟通率 \(weights.contact)，满意率 \(weights.satisfaction)，解决率 \(weights.resolution)；无分母的比率（—）按 0 计。"
       : "weights: on time \(weights.onTime), contact \(weights.contact), satisfaction \(weights.satisfaction), resolution \(weights.resolution); an empty rate (—) counts as 0."
}
