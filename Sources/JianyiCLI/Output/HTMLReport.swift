import CaseStore
import Casework
import Presentation

/// One self-contained page (no network, no scripts): the table and two bar charts (inline
/// SVG) of satisfaction and on-time rates per group, laid out to print on A4.
struct HTMLReport {
    let title: String
    let subtitle: String
    let grouping: String
    /// The report's day (an unreplied case counts against the on-time rate once its reply was
    /// due before it), when it was made, and the steps entered after it.
    let stamp: AsOfStamp
    let clock: CongressClock
    let rows: [Measures]
    let scores: [UnitScore]?
    /// The score's weights and the rated cases a unit needs to be ranked.
    let policy: (weights: ScoreWeights, minRated: Int)?

    var asOf: Day { stamp.asOf }

    func render() -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 24px; color: #1a1a1a; }
            h1 { font-size: 22px; margin: 0 0 4px; } .sub { color: #555; margin: 0 0 16px; font-size: 13px; }
            table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 12px 0 20px; }
            th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: right; white-space: nowrap; }
            th { background: #eef2f7; text-align: center; } td.l { text-align: left; }
            .charts { display: flex; flex-wrap: wrap; gap: 24px; } .chart { flex: 1 1 420px; }
            h2 { font-size: 15px; margin: 8px 0; } .note { font-size: 12px; color: #555; }
            @media print { body { margin: 10mm; } .chart { break-inside: avoid; } table { font-size: 10px; } }
            @page { size: A4 landscape; margin: 10mm; }
            </style></head><body>
            <h1>\(escape(title))</h1><p class="sub">\(escape(subtitle))</p>

            """
        page += stamp.lines(clock, zh: true).split(separator: "\n").map { "<p class=\"sub as-of\">\(escape(String($0)))</p>\n" }.joined()
        page += table()
        if let (weights, minRated) = policy {
            page += "<p class=\"note\">权重：按期答复率 \(weights.onTime)，沟通率 \(weights.contact)，满意率 \(weights.satisfaction)，解决率 \(weights.resolution)。无分母的比率按 0 计入，并在表中以“—”标示。"
                + escape(sampleNote(minRated: minRated, zh: true)) + "</p>\n"
        }
        page += "<p class=\"note\">\(escape(onTimeNote(asOf: asOf, zh: true)))</p>\n"
        page += "<div class=\"charts\">\n"
        page += chart("满意率（满意＋基本满意）", rows.map { ($0.group, $0.groupName, $0.satisfactionRate) }, color: "#2f6db5")
        page += chart("按期答复率", rows.map { ($0.group, $0.groupName, $0.onTimeRate) }, color: "#3a9a5b")
        page += "</div>\n<p class=\"note\">由 jianyi 生成。比率保留四位小数；括号内为分子/分母。</p>\n</body></html>\n"
        return page
    }

    private func table() -> String {
        var html = "<table><thead><tr>"
        let head = (scores != nil ? ["名次"] : []) + [groupingLabel(grouping, zh: true), "名称", "件数", "已答复", "超期未答复", "按期答复率", "沟通率",
                                                   "已评价", "满意率", "态度满意率", "首轮不满意", "A/B/C", "解决率"]
            + (scores != nil ? ["得分"] : [])
        html += head.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        let ordered: [(Measures, UnitScore?)] = scores.map { $0.map { ($0.measures, $0) } } ?? rows.map { ($0, nil) }
        for (m, score) in ordered {
            var cells = measureRow(m).enumerated().map { index, text in index < 2 ? "<td class=\"l\">\(escape(text))</td>" : "<td>\(escape(text))</td>" }
            if let score {
                cells.insert("<td>\(escape(rankText(score, zh: true)))</td>", at: 0)
                cells.append("<td>\(score.formattedScore)</td>")
            }
            html += "<tr>" + cells.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// Horizontal bars, one per group, with the value and the fraction beside each.
    private func chart(_ title: String, _ bars: [(String, String, Rate)], color: String) -> String {
        let rowHeight = 22, labelWidth = 170, barWidth = 300, top = 8
        let height = top + bars.count * rowHeight + 24
        var svg = "<div class=\"chart\"><h2>\(escape(title))</h2>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 150)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(title))\" font-size=\"12\">\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = labelWidth + barWidth * tick / 100
            svg += "<line x1=\"\(x)\" y1=\"\(top - 4)\" x2=\"\(x)\" y2=\"\(height - 20)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(x)\" y=\"\(height - 6)\" text-anchor=\"middle\" fill=\"#666\">\(tick)%</text>\n"
        }
        for (index, (group, name, rate)) in bars.enumerated() {
            let y = top + index * rowHeight
            let label = name.isEmpty ? group : "\(group) \(name)"
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(label.count > 14 ? String(label.prefix(13)) + "…" : label))</text>"
            if let value = rate.value {
                let width = Int((Double(barWidth) * value).rounded())
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(width)\" height=\"14\" fill=\"\(color)\"/>"
                svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\" fill=\"#333\">\(escape(percent(rate)))</text>\n"
            } else {
                svg += "<text x=\"\(labelWidth + 6)\" y=\"\(y + 15)\" fill=\"#999\">— 无数据</text>\n"
            }
        }
        return svg + "</svg></div>\n"
    }
}

/// Text for an element or a double- or single-quoted attribute. Control characters and bidi
/// overrides are shown as signs (see `terminalLine`), as a page printed or pasted elsewhere
/// should not carry them either.
func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.terminalLine.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
