import CaseStore
import Casework

/// One part of a report for people: a heading and a table of worded cells, written once
/// and shown as terminal text or HTML.
struct ReportSection {
    let title: String
    let header: [String]
    var rows: [[String]] = []
    /// Columns of words (aligned left) and, among them, the names that wrap.
    var left: Set<Int> = []
    var names: Set<Int> = []
    var note: String?

    func text(zh: Bool) -> String {
        var out = "\(title)\n"
        if let note { out += note + "\n" }
        guard !rows.isEmpty else { return out + (zh ? "无数据" : "no data") + "\n\n" }
        // Long names are cut to keep the columns readable; the last column runs on, whole.
        var table = TextTable(header: header, maxWidths: header.indices.map { names.contains($0) && $0 < header.count - 1 ? 24 : nil })
        for row in rows { table.append(row) }
        return out + table.render() + "\n"
    }

    func html(zh: Bool) -> String {
        "<section><h2>\(escape(title))</h2>\n" + (note.map { "<p class=\"note\">\(escape($0))</p>\n" } ?? "")
            + HTMLTable(header: header, left: left, names: names, rows: rows, zh: zh).render() + "</section>\n"
    }
}

/// The monthly supervision report (`report supervision`) in the order the 主任会议 reads it.
struct SupervisionSections {
    let report: SupervisionReport
    /// `report.asOf`'s stamp: when the report was made and the steps recorded after its day.
    let stamp: AsOfStamp
    let zh: Bool

    var title: String { zh ? "\(report.month.year)年\(report.month.month)月代表建议办理督办通报" : "Supervision report, \(report.month)" }

    var covers: String {
        zh ? "\(longDate(report.month.first, zh: true))至\(longDate(report.asOf, zh: true))，与上月末（\(longDate(report.previousEnd, zh: true))）比较"
           : "\(report.month.first) to \(report.asOf), compared with the end of the month before (\(report.previousEnd))"
    }

    var footer: String {
        zh ? "状态、答复与超期均按各步骤所记日期计算至\(longDate(report.asOf, zh: true))终了；超期 \(report.severeDays) 天及以上为严重超期（severe_days）。由 jianyi 生成。"
           : "States, replies and overdue items are counted by the dates the steps carry, to the end of \(report.asOf); \(report.severeDays) days or more past due is severely overdue (severe_days). Made by jianyi."
    }

    var all: [ReportSection] { [states, replies, overdue, key, repeated, silent] }

    private func unitCells(_ code: String, _ name: String) -> [String] { [code, name] }
    private var unitHeader: [String] { zh ? ["承办单位", "名称"] : ["unit", "name"] }

    var states: ReportSection {
        var s = ReportSection(title: zh ? "一、案件状态" : "1. Cases by state",
                              header: zh ? ["状态", "上月末 \(report.previousEnd)", "本月末 \(report.asOf)", "增减"]
                                         : ["state", "end of previous month \(report.previousEnd)", "now \(report.asOf)", "change"],
                              left: [0])
        s.rows = report.states.map { [$0.state.label(zh: zh), String($0.previous), String($0.current), change($0.current - $0.previous)] }
        if !s.rows.isEmpty {
            let (p, c) = (report.states.map(\.previous).reduce(0, +), report.states.map(\.current).reduce(0, +))
            s.rows.append([zh ? "合计" : "total", String(p), String(c), change(c - p)])
        }
        return s
    }

    var replies: ReportSection {
        var s = ReportSection(title: zh ? "二、本月答复" : "2. Replies this month",
                              header: unitHeader + (zh ? ["答复件数", "按期", "逾期"] : ["replies", "on time", "late"]),
                              left: [0, 1], names: [1], note: zh ? "按逾期件数从多到少排列。" : "Most late replies first.")
        s.rows = report.replies.map { unitCells($0.unit, $0.unitName) + [String($0.replies), String($0.onTime), String($0.late)] }
        if !s.rows.isEmpty {
            s.rows.append([zh ? "合计" : "total", "", String(report.replies.map(\.replies).reduce(0, +)),
                           String(report.replies.map(\.onTime).reduce(0, +)), String(report.replies.map(\.late).reduce(0, +))])
        }
        return s
    }

    var overdue: ReportSection {
        var s = ReportSection(title: zh ? "三、超期未办（截至本月末）" : "3. Overdue at the end of the month",
                              header: unitHeader + (zh ? ["超期件数", "严重超期", "最长超期天数", "案件"]
                                                       : ["overdue", "severely overdue", "longest (days)", "cases"]),
                              left: [0, 1, 5], names: [1, 5], note: zh ? "按最长超期天数从多到少排列。" : "Longest overdue first.")
        s.rows = report.overdue.map { u in
            let cases = u.items.sorted { $0.daysOverdue > $1.daysOverdue }.map {
                zh ? "\($0.number) \($0.obligation.label(zh: true)) 超期\($0.daysOverdue)天" : "\($0.number) \($0.obligation.rawValue) \($0.daysOverdue) days"
            }
            return unitCells(u.unit, u.unitName) + [String(u.items.count), String(u.severe), String(u.longest), cases.joined(separator: zh ? "；" : "; ")]
        }
        return s
    }

    var key: ReportSection {
        var s = ReportSection(title: zh ? "四、重点建议" : "4. Key suggestions",
                              header: zh ? ["编号", "标题", "领衔代表", "督办领导", "督办委员会", "承办单位", "状态", "答复", "评价", "超期天数"]
                                         : ["number", "title", "deputy", "leader", "committee", "lead unit", "state", "reply", "rating", "days overdue"],
                              left: [0, 1, 2, 3, 4, 5, 6, 7, 8], names: [1, 5])
        s.rows = report.key.map { k in
            let unit = [k.leadUnit, k.leadUnitName].compactMap { $0 }.joined(separator: " ")
            let reply = k.outcome.map { "\($0.rawValue) \(k.repliedOn?.description ?? "")" } ?? "—"
            return [k.number, k.title, k.deputy, k.leader ?? "—", k.committee ?? "—", unit.isEmpty ? "—" : unit, k.state.label(zh: zh),
                    reply, k.rating?.label(zh: zh) ?? "—", k.daysOverdue.map(String.init) ?? "—"]
        }
        return s
    }

    var repeated: ReportSection {
        let counts = ReportCommand.Counts(report.repeated)
        var s = ReportSection(title: zh ? "五、反复提建议" : "5. Suggestions raised again",
                              header: (zh ? ["编号", "标题", "领衔代表"] : ["number", "title", "deputy"]) + EarlierColumns.header(zh: zh),
                              left: [0, 1, 2, 4, 5, 6, 7, 8, 9], names: [1, 5],
                              note: zh ? "截至本月末共 \(counts.cases) 件：同一代表再提 \(counts.sameDeputy) 件，其他代表再提 \(counts.otherDeputy) 件；往届已答复为 A 或 B 的 \(counts.earlierAOrB) 件。"
                                       : "\(counts.cases) by the end of the month: \(counts.sameDeputy) by the same deputy, \(counts.otherDeputy) by another; \(counts.earlierAOrB) after an earlier A or B reply.")
        s.rows = report.repeated.map { [$0.number, $0.title, $0.deputy] + EarlierColumns.cells($0.earlier, zh: zh) }
        return s
    }

    var silent: ReportSection {
        var s = ReportSection(title: zh ? "六、对到期建议均未答复的单位" : "6. Units that replied to nothing due",
                              header: unitHeader + (zh ? ["到期未答复件数", "最早到期日"] : ["replies due", "earliest due"]),
                              left: [0, 1], names: [1])
        s.rows = report.silent.map { unitCells($0.unit, $0.unitName) + [String($0.due), $0.earliestDue.description] }
        return s
    }

    private func change(_ n: Int) -> String { n > 0 ? "+\(n)" : String(n) }

    func text() -> String {
        let made = stamp.madeOn
        var out = title + "\n" + (zh ? "范围：" : "Covers: ") + covers + "\n"
        out += (zh ? "数据截至 \(longDate(report.asOf, zh: true)) · 制表 \(longDate(made, zh: true))" : "Figures as of \(report.asOf) · made \(made)") + "\n"
        out += (stamp.lateEntriesNote(zh: zh).map { $0 + "\n" } ?? "") + "\n"
        return out + all.map { $0.text(zh: zh) }.joined() + footer + "\n"
    }

    func html(congress: String) -> String {
        HTMLPage(zh: zh, congress: congress, title: title, covers: covers, stamp: stamp, paper: .portrait,
                 content: all.map { $0.html(zh: zh) }.joined(), footer: footer).render()
    }
}
