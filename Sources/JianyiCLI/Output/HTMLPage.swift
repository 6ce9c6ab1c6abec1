import CaseStore
import Casework
import Presentation

/// The frame every HTML report shares: one self-contained page (no script, nothing fetched)
/// whose heading always says the congress, what the report covers, the day its figures are
/// as of and the day it was made, and how many steps dated by then were entered after it;
/// tables scroll inside the page on a narrow screen, and print with their header row repeated
/// on every sheet.
struct HTMLPage {
    enum Paper: String { case portrait, landscape }

    let zh: Bool
    let congress: String
    let title: String
    /// What the figures count (a session, a date range, a grouping).
    let covers: String
    let stamp: AsOfStamp
    let paper: Paper
    /// The page's content, already HTML.
    let content: String
    /// What the figures are and how they are shown.
    let footer: String

    func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(zh ? congress + title : "\(title) — \(congress)"))</title>
        <style>
        \(Self.style)
        @page { size: A4 \(paper.rawValue); margin: 10mm; }
        </style></head><body>
        <header>
        <p class="congress">\(escape(congress))</p>
        <h1>\(escape(title))</h1>
        <p class="covers">\(escape((zh ? "范围：" : "Covers: ") + covers))</p>
        <p class="dates">\(zh ? "数据截至" : "Figures as of") <time datetime="\(stamp.asOf)">\(longDate(stamp.asOf, zh: zh))</time> · \(zh ? "制表" : "made") <time datetime="\(stamp.madeOn)">\(longDate(stamp.madeOn, zh: zh))</time></p>
        \(stamp.lateEntriesNote(zh: zh).map { "<p class=\"late\">\(escape($0))</p>" } ?? "")
        </header>
        <main>
        \(content)</main>
        <footer><p>\(escape(footer))</p></footer>
        </body></html>

        """
    }

    private static let style = """
        *, *::before, *::after { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 24px; color: #1a1a1a; }
        header { margin-bottom: 12px; } .congress { margin: 0; font-size: 14px; color: #333; }
        h1 { font-size: 22px; margin: 2px 0 6px; } h2 { font-size: 16px; margin: 18px 0 6px; }
        .covers, .dates, .late { color: #444; margin: 0 0 2px; font-size: 13px; }
        .scroll { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; font-size: 12px; margin: 6px 0 14px; width: 100%; }
        th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: right; vertical-align: top; white-space: nowrap; }
        th { background: #eef2f7; text-align: center; } td.l { text-align: left; }
        td.name { white-space: normal; overflow-wrap: anywhere; min-width: 8em; }
        thead { display: table-header-group; } tr { break-inside: avoid; }
        .empty { padding: 12px; border: 1px dashed #999; color: #555; text-align: center; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px 32px; }
        .chart { flex: 1 1 420px; min-width: 0; margin: 0; break-inside: avoid; }
        .chart figcaption { font-size: 15px; font-weight: bold; margin: 8px 0; }
        .bars { display: grid; grid-template-columns: minmax(0, 16em) minmax(40px, 1fr) max-content; gap: 4px 8px; align-items: center; font-size: 12px; }
        .bars .label { text-align: right; overflow-wrap: anywhere; }
        .track { background: #f1f3f5; height: 14px; } .bar { height: 14px; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        .bar.c0 { background: #2f6db5; } .bar.c1 { background: #3a9a5b; } .bar.c2 { background: #b5642f; }
        .value { white-space: nowrap; } .value.none { color: #999; }
        .note, footer { font-size: 12px; color: #555; }
        @media (max-width: 1000px) { body { margin: 12px; } th, td { white-space: normal; } .bars { grid-template-columns: minmax(0, 40%) minmax(40px, 1fr) max-content; } }
        @media print { body { margin: 0; } .scroll { overflow: visible; } table { font-size: 10px; } th, td { white-space: normal; } }
        """
}

/// A day as a reader of the page writes it: 2026年11月23日, or 2026-11-23 in English.
func longDate(_ day: Day, zh: Bool) -> String {
    zh ? "\(day.year)年\(day.month)月\(day.day)日" : day.description
}

/// A table of already-worded cells, or 无数据 when it has no row. `left` are the columns of
/// words (aligned left), `names` those that wrap rather than widen the table.
struct HTMLTable {
    let header: [String]
    var left: Set<Int> = []
    var names: Set<Int> = []
    var rows: [[String]] = []
    let zh: Bool

    func render() -> String {
        guard !rows.isEmpty else { return emptyNote(zh: zh) }
        var html = "<div class=\"scroll\"><table><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { index, text in
                let classes = (left.contains(index) ? ["l"] : []) + (names.contains(index) ? ["name"] : [])
                return (classes.isEmpty ? "<td>" : "<td class=\"\(classes.joined(separator: " "))\">") + escape(text) + "</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }
}

/// What a page shows where a selection holds nothing.
func emptyNote(zh: Bool) -> String {
    "<p class=\"empty\">\(zh ? "无数据" : "No data")</p>\n"
}

/// Horizontal bars in HTML and CSS, in the order given (the caller ranks them by the figure
/// shown); labels are whole names that wrap, never cut.
struct BarChart {
    let title: String
    let bars: [ChartBar]
    let color: Int
    let zh: Bool

    func render() -> String {
        var html = "<figure class=\"chart\"><figcaption>\(escape(title))</figcaption>\n"
        guard !bars.isEmpty else { return html + emptyNote(zh: zh) + "</figure>\n" }
        html += "<div class=\"bars\">\n"
        for bar in bars {
            html += "<div class=\"label\">\(escape(bar.label))</div>"
            if let fraction = bar.fraction {
                let width = (min(max(fraction, 0), 1) * 1000).rounded() / 10
                html += "<div class=\"track\"><div class=\"bar c\(color)\" style=\"width: \(width)%\"></div></div>"
                html += "<div class=\"value\" data-value=\"\(bar.value.map { String($0) } ?? "")\">\(escape(bar.shown))</div>\n"
            } else {
                html += "<div class=\"track\"></div><div class=\"value none\" data-value=\"\">— \(zh ? "无数据" : "no data")</div>\n"
            }
        }
        return html + "</div></figure>\n"
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
