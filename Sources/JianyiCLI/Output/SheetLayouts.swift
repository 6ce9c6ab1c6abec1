import CaseStore
import ArgumentParser
import Presentation
import Casework
import Spreadsheet

/// The columns of each `--format xlsx` sheet: Chinese headers for the people who open them,
/// a name beside each code, codes as text, rates as percentages. The CSVs keep the contract's
/// English keys; a sheet is for reading.
struct SheetColumn<Row>: Sendable {
    let header: String
    let cell: @Sendable (Row) -> Cell
}

extension Array {
    func headers<Row>() -> [String] where Element == SheetColumn<Row> { map(\.header) }
    func cells<Row>(_ row: Row) -> [Cell] where Element == SheetColumn<Row> { map { $0.cell(row) } }
}

/// A sheet that takes whole rows of one kind; its failures are the command's (74).
struct LaidOutSheet<Row> {
    let sheet: Sheet
    let columns: [SheetColumn<Row>]

    func append(_ row: Row) throws {
        do { try sheet.append(columns.cells(row)) } catch { throw XLSXOutput.failure(error) }
    }
}

extension Workbook {
    func addSheet<Row>(_ name: String, _ columns: [SheetColumn<Row>]) throws -> LaidOutSheet<Row> {
        do {
            return LaidOutSheet(sheet: try addSheet(name, header: columns.headers()), columns: columns)
        } catch {
            throw XLSXOutput.failure(error)
        }
    }

    /// A sheet of `columns`, filled by `rows`, which calls its argument once per row.
    func addSheet<Row>(_ name: String, _ columns: [SheetColumn<Row>], rows: ((Row) throws -> Void) throws -> Void) throws {
        let sheet = try addSheet(name, columns)
        try rows(sheet.append)
    }
}

extension Cell {
    static func optional(_ text: String?) -> Cell { text.map(Cell.text) ?? .empty }
    static func yes(_ flag: Bool) -> Cell { .text(flag ? "是" : "否") }
    static func rate(_ rate: Rate) -> Cell { .percentage(rate.value) }
}

func sessionName(_ code: String?) -> String {
    guard let code else { return "闭会期间" }
    return SessionCode(code)?.label ?? code
}

enum SheetLayouts {
    /// `list`: the CSV's columns, with the deputy's name and the session's name beside the codes.
    static let cases: [SheetColumn<CaseView>] = [
        .init(header: "编号") { .text($0.number) },
        .init(header: "标题") { .text($0.title) },
        .init(header: "状态") { .text($0.state.zh) },
        .init(header: "领衔代表代码") { .text($0.deputy) },
        .init(header: "领衔代表") { .text($0.deputyName) },
        .init(header: "代表团") { .text($0.delegation) },
        .init(header: "附议代表") { .text($0.cosigners.joined(separator: ";")) },
        .init(header: "届次") { .optional($0.session) },
        .init(header: "届次名称") { .text(sessionName($0.session)) },
        .init(header: "渠道") { .text($0.channel.zh) },
        .init(header: "类别") { .text($0.category) },
        .init(header: "提交日期") { .date($0.submittedOn) },
        .init(header: "重点建议") { .yes($0.isKey) },
        .init(header: "主办单位代码") { .optional($0.leadUnit) },
        .init(header: "答复日期") { $0.repliedOn.map(Cell.date) ?? .empty },
        .init(header: "答复类别") { .optional($0.outcome?.rawValue) },
    ]

    /// The satisfaction summary's measures, in the CSV's order (`measureKeys`, then
    /// `addedMeasureKeys`), after the group's code and name.
    static func measures(grouping: String) -> [SheetColumn<Measures>] {
        [
            .init(header: groupingLabel(grouping, zh: true)) { .text($0.group) },
            .init(header: "名称") { .text($0.groupName) },
            .init(header: "件数") { .integer($0.cases) },
            .init(header: "已答复") { .integer($0.replied) },
            .init(header: "按期答复") { .integer($0.repliedOnTime) },
            .init(header: "按期答复率") { .rate($0.onTimeRate) },
            .init(header: "已沟通") { .integer($0.contacted) },
            .init(header: "沟通率") { .rate($0.contactRate) },
            .init(header: "已评价") { .integer($0.rated) },
            .init(header: "满意") { .integer($0.satisfied) },
            .init(header: "基本满意") { .integer($0.basic) },
            .init(header: "不满意") { .integer($0.dissatisfied) },
            .init(header: "满意率") { .rate($0.satisfactionRate) },
            .init(header: "满意率（不含基本满意）") { .rate($0.satisfiedRate) },
            .init(header: "态度满意率") { .rate($0.attitudeSatisfactionRate) },
            .init(header: "首轮不满意") { .integer($0.firstRoundDissatisfied) },
            .init(header: "A类答复") { .integer($0.outcomeA) },
            .init(header: "B类答复") { .integer($0.outcomeB) },
            .init(header: "C类答复") { .integer($0.outcomeC) },
            .init(header: "解决率") { .rate($0.resolutionRate) },
            .init(header: "超期未答复") { .integer($0.unrepliedPastDue) },
            .init(header: "已答复按期率") { .rate($0.repliedOnTimeRate) },
        ]
    }

    /// `score units`: rank first, the measures, then the score.
    static let scores: [SheetColumn<UnitScore>] =
        [.init(header: "名次") { $0.rank.map(Cell.integer) ?? .text("样本不足") }]
        + measures(grouping: "unit").map { column in SheetColumn(header: column.header) { column.cell($0.measures) } }
        + [.init(header: "得分") { .decimal($0.score, places: 2) }]

    /// A unit's digest of an overdue run: a row past due gives its 超期天数, a row due soon its
    /// 剩余天数 (as `DigestWriter.header`).
    static let digest: [SheetColumn<OverdueFlag>] = [
        .init(header: "编号") { .text($0.number) },
        .init(header: "标题") { .text($0.title) },
        .init(header: "事项") { .text($0.obligation.zh) },
        .init(header: "期限") { .date($0.due) },
        .init(header: "超期天数") { $0.tier == .dueSoon ? .empty : .integer($0.daysOverdue) },
        .init(header: "剩余天数") { $0.tier == .dueSoon ? .integer(-$0.daysOverdue) : .empty },
        .init(header: "督办级别") { .text($0.tier.zh) },
        .init(header: "本次新发现") { .yes($0.isNew) },
        .init(header: "单位代码") { .text($0.unit) },
    ]

    /// The whole run's report: every unit's rows, its name beside its code.
    static let overdue: [SheetColumn<OverdueFlag>] = digest + [.init(header: "单位名称") { .text($0.unitName) }]

    /// The digests' index: one row per unit.
    static let digestIndex: [SheetColumn<DigestIndexRow>] = [
        .init(header: "单位代码") { .text($0.unit) },
        .init(header: "单位名称") { .text($0.unitName) },
        .init(header: "临期") { .integer($0.dueSoon) },
        .init(header: "超期") { .integer($0.overdue) },
        .init(header: "严重超期") { .integer($0.severelyOverdue) },
        .init(header: "文件") { .text($0.fileName) },
    ]

    /// `report repeated`: the later case, then the earlier one it repeats and what became of it.
    static let repeated: [SheetColumn<RepeatedCase>] = [
        .init(header: "编号") { .text($0.number) },
        .init(header: "标题") { .text($0.title) },
        .init(header: "领衔代表代码") { .text($0.deputy) },
        .init(header: "届次") { .optional($0.session) },
        .init(header: "同一代表") { .yes($0.sameDeputy) },
        .init(header: "相似度") { .decimal($0.earlier.score, places: 3) },
        .init(header: "往届编号") { .text($0.earlier.number) },
        .init(header: "往届标题") { .text($0.earlier.title) },
        .init(header: "往届领衔代表代码") { .text($0.earlier.deputy) },
        .init(header: "往届届次") { .text(sessionName($0.earlier.session)) },
        .init(header: "往届主办单位代码") { .optional($0.earlier.leadUnit) },
        .init(header: "往届答复类别") { .optional($0.earlier.outcome?.rawValue) },
        .init(header: "往届答复日期") { $0.earlier.repliedOn.map(Cell.date) ?? .empty },
        .init(header: "往届评价") { .optional($0.earlier.ratingResult?.zh) },
    ]
}

/// One unit's line in the digests' index.
struct DigestIndexRow {
    let unit: String, unitName: String, dueSoon: Int, overdue: Int, severelyOverdue: Int, fileName: String
}

extension SheetLayouts {
    /// `account list`: never a password or its hash.
    static func accounts(_ clock: CongressClock) -> [SheetColumn<AccountListing>] {
        [
            .init(header: "账号") { .text($0.account.login) },
            .init(header: "角色") { .text($0.account.party.role.label(zh: true)) },
            .init(header: "代码") { .optional($0.account.party.code) },
            .init(header: "状态") { .text($0.account.disabled ? "已停用" : "启用") },
            .init(header: "签发") { .yes($0.account.signer) },
            .init(header: "创建") { .text(clock.shown($0.createdAt)) },
            .init(header: "密码更改") { .text(clock.shown($0.passwordChangedAt)) },
        ]
    }
}

extension ListFormat {
    /// For the commands whose output is a table or JSON only.
    func refuseXLSX() throws {
        if self == .xlsx { throw ValidationError("--format: xlsx is not offered here; use table or json") }
    }
}
