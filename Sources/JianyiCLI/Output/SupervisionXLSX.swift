import CaseStore
import Casework
import Foundation
import Spreadsheet

/// `report supervision --format xlsx`: the report as a workbook, a sheet per section in the
/// order the 主任会议 reads it, after a sheet 说明 saying what it covers and as of which day.
/// The sections' headers are those of the text and HTML report (`SupervisionSections`), in
/// Chinese or with `--lang en` in English; the cells are typed: counts are numbers, the on-time
/// share a percentage, codes, numbers and days text. The overdue section has a row per overdue
/// item (the text report lists them in one cell per unit), so it can be sorted and filtered.
struct SupervisionXLSX {
    let sections: SupervisionSections
    let congress: String
    let made: Day

    private var zh: Bool { sections.zh }
    private var report: SupervisionReport { sections.report }

    func write(into out: inout Output) throws {
        try XLSXOutput.write(into: &out) { book in
            try book.addSheet(zh ? "说明" : "About", about) { row in
                for line in [(zh ? "标题" : "title", sections.title), (zh ? "人大" : "congress", congress),
                             (zh ? "范围" : "covers", sections.covers), (zh ? "数据截至" : "as of", report.asOf.description),
                             (zh ? "制表日期" : "made", made.description), (zh ? "说明" : "note", sections.footer)] {
                    try row(line)
                }
            }
            try book.addSheet(sheetName(sections.states), states) { row in
                for count in report.states { try row((count.state.label(zh: zh), count.previous, count.current)) }
                if !report.states.isEmpty {
                    try row((zh ? "合计" : "total", report.states.map(\.previous).reduce(0, +), report.states.map(\.current).reduce(0, +)))
                }
            }
            try book.addSheet(sheetName(sections.replies), replies) { row in
                for unit in report.replies { try row((unit.unit, unit.unitName, unit.replies, unit.onTime, unit.late)) }
                if !report.replies.isEmpty {
                    try row((zh ? "合计" : "total", "", report.replies.map(\.replies).reduce(0, +),
                             report.replies.map(\.onTime).reduce(0, +), report.replies.map(\.late).reduce(0, +)))
                }
            }
            try book.addSheet(sheetName(sections.overdue), overdue) { row in
                for unit in report.overdue {
                    for item in unit.items { try row((unit, item)) }
                }
            }
            try book.addSheet(sheetName(sections.key), key) { row in try report.key.forEach(row) }
            try book.addSheet(sheetName(sections.repeated), SheetLayouts.repeated(zh: zh)) { row in try report.repeated.forEach(row) }
            try book.addSheet(sheetName(sections.silent), silent) { row in try report.silent.forEach(row) }
        }
    }

    /// The section's title without its numbering (一、 or 1.): a sheet's tab is short.
    private func sheetName(_ section: ReportSection) -> String {
        let title = section.title
        if let mark = title.firstIndex(of: "、") { return String(title[title.index(after: mark)...]) }
        if let dot = title.firstIndex(of: "."), title[..<dot].allSatisfy(\.isNumber) {
            return String(title[title.index(after: dot)...]).trimmingCharacters(in: .whitespaces)
        }
        return title
    }

    private var about: [SheetColumn<(String, String)>] {
        [.init(header: zh ? "项目" : "item") { .text($0.0) }, .init(header: zh ? "内容" : "value") { .text($0.1) }]
    }

    private var states: [SheetColumn<(String, Int, Int)>] {
        let header = sections.states.header
        return [
            .init(header: header[0]) { .text($0.0) },
            .init(header: header[1]) { .integer($0.1) },
            .init(header: header[2]) { .integer($0.2) },
            .init(header: header[3]) { .integer($0.2 - $0.1) },
        ]
    }

    private var unitColumns: [String] { zh ? ["承办单位", "名称"] : ["unit", "name"] }

    /// A unit's replies (or the total): code, name, replies, on time, late.
    private typealias ReplyRow = (unit: String, name: String, replies: Int, onTime: Int, late: Int)

    private var replies: [SheetColumn<ReplyRow>] {
        let zh = zh
        return [
            .init(header: unitColumns[0]) { .text($0.unit) },
            .init(header: unitColumns[1]) { .text($0.name) },
            .init(header: zh ? "答复件数" : "replies") { .integer($0.replies) },
            .init(header: zh ? "按期" : "on time") { .integer($0.onTime) },
            .init(header: zh ? "逾期" : "late") { .integer($0.late) },
            .init(header: zh ? "按期比例" : "share on time") { .percentage($0.replies == 0 ? nil : Double($0.onTime) / Double($0.replies)) },
        ]
    }

    private var overdue: [SheetColumn<(UnitOverdue, OverdueItem)>] {
        let zh = zh
        return [
            .init(header: unitColumns[0]) { .text($0.0.unit) },
            .init(header: unitColumns[1]) { .text($0.0.unitName) },
            .init(header: zh ? "编号" : "number") { .text($0.1.number) },
            .init(header: zh ? "标题" : "title") { .text($0.1.title) },
            .init(header: zh ? "事项" : "obligation") { .text($0.1.obligation.label(zh: zh)) },
            .init(header: zh ? "期限" : "due") { .date($0.1.due) },
            .init(header: zh ? "超期天数" : "days overdue") { .integer($0.1.daysOverdue) },
            .init(header: zh ? "督办级别" : "tier") { .text($0.1.tier.label(zh: zh)) },
        ]
    }

    private var key: [SheetColumn<KeyCase>] {
        let zh = zh
        return [
            .init(header: zh ? "编号" : "number") { .text($0.number) },
            .init(header: zh ? "标题" : "title") { .text($0.title) },
            .init(header: zh ? "领衔代表" : "deputy") { .text($0.deputy) },
            .init(header: zh ? "督办领导" : "leader") { .optional($0.leader) },
            .init(header: zh ? "督办委员会" : "committee") { .optional($0.committee) },
            .init(header: zh ? "主办单位代码" : "lead unit") { .optional($0.leadUnit) },
            .init(header: zh ? "主办单位" : "lead unit name") { .optional($0.leadUnitName) },
            .init(header: zh ? "状态" : "state") { .text($0.state.label(zh: zh)) },
            .init(header: zh ? "答复类别" : "outcome") { .optional($0.outcome?.rawValue) },
            .init(header: zh ? "答复日期" : "replied on") { $0.repliedOn.map(Cell.date) ?? .empty },
            .init(header: zh ? "评价" : "rating") { .optional($0.rating?.label(zh: zh)) },
            .init(header: zh ? "超期天数" : "days overdue") { $0.daysOverdue.map(Cell.integer) ?? .empty },
        ]
    }

    private var silent: [SheetColumn<SilentUnit>] {
        let zh = zh
        return [
            .init(header: unitColumns[0]) { .text($0.unit) },
            .init(header: unitColumns[1]) { .text($0.unitName) },
            .init(header: zh ? "到期未答复件数" : "replies due") { .integer($0.due) },
            .init(header: zh ? "最早到期日" : "earliest due") { .date($0.earliestDue) },
        ]
    }
}
