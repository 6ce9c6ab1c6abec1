import Casework
import Foundation
import Spreadsheet

/// `export cases --format xlsx`: the cases for people to read, not a file to import. One sheet
/// 建议 with a row per case, then one sheet per list of the layout (承办单位, 期限, 转办申请,
/// 沟通联系, 联系确认, 答复, 评价, 历史) with a row per item, each starting with the case's
/// number. Chinese headers, a name beside each code, words of the vocabularies in Chinese,
/// every code and day a text cell. Rows go to disk as they come (constant memory); a sheet
/// that would pass Excel's 1,048,576 rows refuses the whole export (74) and nothing is written.
final class CaseXLSXWriter: CaseTableWriter {
    private let names: CaseSheetNames
    private var draft: XLSXOutput.Draft?
    private var cases: Sheet?
    /// The sheet of each list field, by the field's position in the layout.
    private var lists: [Int: Sheet] = [:]

    init(names: CaseSheetNames) { self.names = names }

    func header(_ names: [String], into sink: inout Output) throws {
        let draft = try XLSXOutput.Draft()
        self.draft = draft
        try spreadsheet {
            var header: [String] = []
            for field in CaseSheetLayout.caseFields { header += CaseSheetLayout.headers(field, in: nil) }
            cases = try draft.book.addSheet("建议", header: header)
            for (index, field) in CaseExchange.fields.enumerated() {
                guard case .list(let items) = field.kind else { continue }
                let header = ["编号"] + items.flatMap { CaseSheetLayout.headers($0, in: field.name) }
                lists[index] = try draft.book.addSheet(CaseSheetLayout.sheetName(field.name), header: header)
            }
        }
    }

    func row(_ cells: [CaseCell], into sink: inout Output) throws {
        guard let cases else { return }
        let values = cells.map(SheetValue.init)
        var row: [Cell] = []
        var number = ""
        for (index, (field, value)) in zip(CaseExchange.fields, values).enumerated() {
            if field.name == "number", case .text(let text) = value { number = text }
            if let sheet = lists[index], case .list(let items) = field.kind {
                try append(value, items, number: number, to: sheet)
            } else if CaseSheetLayout.shown(field) {
                row += names.cells(field, value)
            }
        }
        try spreadsheet { try cases.append(row) }
    }

    func finish(into sink: inout Output) throws {
        try draft?.finish(into: &sink)
    }

    /// One row per item of a list (its JSON text), after the case's number.
    private func append(_ list: SheetValue, _ items: [CaseExchange.Field], number: String, to sheet: Sheet) throws {
        guard case .json(let text) = list,
              let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else { return }
        for item in array {
            let row = [Cell.text(number)] + items.flatMap { names.cells($0, SheetValue(json: item[$0.name])) }
            try spreadsheet { try sheet.append(row) }
        }
    }

    /// A spreadsheet's failure is the command's (74, nothing written).
    private func spreadsheet(_ body: () throws -> Void) throws {
        do { try body() } catch let error as SpreadsheetError { throw XLSXOutput.failure(error) }
    }
}

/// A value of the layout as the sheet takes it, from a record's cell or from a list item's JSON.
enum SheetValue {
    case null, text(String), int(Int), bool(Bool), codes([String]), json(String)

    init(_ cell: CaseCell) {
        switch cell {
        case .null: self = .null
        case .text(let text), .formatted(let text): self = .text(text)
        case .number(let digits): self = Int(digits).map(SheetValue.int) ?? .text(digits)
        case .bool(let flag): self = .bool(flag)
        case .codes(let codes): self = .codes(codes)
        case .json(let json): self = .json(json)
        }
    }

    init(json value: Any?) {
        switch value {
        case let text as String: self = .text(text)
        case let number as NSNumber: self = .int(number.intValue)
        case let object?:
            if value is NSNull {
                self = .null
            } else {
                let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
                self = .json(data.map { String(decoding: $0, as: UTF8.self) } ?? "")
            }
        case nil: self = .null
        }
    }
}

/// The names the sheets put beside codes, read once before the export streams.
struct CaseSheetNames {
    let deputies: [String: String]
    let units: [String: String]

    /// The cells of one field: its value, then the name of what its code names, if it does.
    func cells(_ field: CaseExchange.Field, _ value: SheetValue) -> [Cell] {
        let cell: Cell = switch value {
        case .null: .empty
        case .int(let number): .integer(number)
        case .bool(let flag): .yes(flag)
        case .codes(let codes): .text(codes.joined(separator: ";"))
        case .json(let json): .text(json)
        case .text(let text): .text(CaseSheetLayout.word(field.name, text) ?? text)
        }
        guard let named = CaseSheetLayout.named(field.name) else { return [cell] }
        let code: String? = if case .text(let text) = value { text } else { nil }
        let name: Cell = switch named {
        case .deputy: .optional(code.flatMap { deputies[$0] })
        case .unit: .optional(code.flatMap { units[$0] })
        case .session: .text(sessionName(code))
        case .deputies:
            if case .codes(let codes) = value { .text(codes.map { deputies[$0] ?? $0 }.joined(separator: "、")) } else { .empty }
        }
        return [cell, name]
    }
}

/// The Chinese of the layout's fields, in the sheets people read.
enum CaseSheetLayout {
    enum Named { case deputy, deputies, unit, session }

    /// The record's own fields on the 建议 sheet (the lists have sheets of their own; the
    /// format's version belongs to the exchange files, not to a sheet).
    static var caseFields: [CaseExchange.Field] { CaseExchange.fields.filter(shown) }

    static func shown(_ field: CaseExchange.Field) -> Bool {
        if case .list = field.kind { return false }
        return field.name != "format_version"
    }

    static func named(_ field: String) -> Named? {
        switch field {
        case "deputy": .deputy
        case "cosigners": .deputies
        case "unit", "lead_unit", "to_unit": .unit
        case "session": .session
        default: nil
        }
    }

    static func sheetName(_ list: String) -> String {
        [
            "units": "承办单位", "deadlines": "期限", "transfer_requests": "转办申请", "contacts": "沟通联系",
            "contact_confirmations": "联系确认", "replies": "答复", "ratings": "评价", "history": "历史",
        ][list] ?? list
    }

    /// The field's header, and its name column's header after it when it has one.
    static func headers(_ field: CaseExchange.Field, in list: String?) -> [String] {
        let label = (list.flatMap { listLabels[$0 + "." + field.name] }) ?? labels[field.name] ?? field.name
        switch named(field.name) {
        case .deputy: return [label + "代码", label]
        case .deputies: return [label + "代码", label]
        case .unit: return [label + "代码", label]
        case .session: return [label, label + "名称"]
        case nil: return [label]
        }
    }

    private static let labels: [String: String] = [
        "number": "编号", "ref": "原平台编号", "title": "标题", "body": "内容", "deputy": "领衔代表", "cosigners": "附议代表",
        "session": "届次", "channel": "渠道", "station": "联络站", "category": "类别", "submitted_on": "提交日期",
        "state": "状态", "key": "重点建议", "key_leader": "督办领导", "key_committee": "督办委员会", "lead_unit": "主办单位",
        "complex": "复杂件", "assigned_on": "交办日期", "round": "轮次", "outcome": "答复类别", "plan_by": "计划完成期限",
        "plan_done_on": "计划完成日期", "replied_on": "答复日期", "rating_result": "评价结果", "rating_attitude": "态度评价",
        "closed_on": "办结日期", "registered_at": "登记时间（UTC）", "updated_at": "更新时间（UTC）",
        "unit": "单位", "role": "角色", "ended_on": "结束日期", "no": "序号", "obligation": "事项", "start_on": "起算日期",
        "period": "期限", "policy": "依据", "due": "到期日", "status": "状态", "met_on": "完成日期", "cancelled_on": "取消日期",
        "note": "备注", "flagged": "已督办级别", "reason": "理由", "requested_on": "申请日期", "decision": "决定",
        "decided_on": "决定日期", "to_unit": "转至单位", "mode": "方式", "on": "日期", "contact_no": "联系序号",
        "answer": "代表确认", "text": "答复内容", "result": "评价结果", "attitude": "态度评价", "comment": "意见",
        "kind": "事项", "recorded_at": "记录时间（UTC）", "actor": "操作人", "data": "数据",
    ]

    private static let listLabels: [String: String] = [
        "replies.on": "答复日期", "ratings.on": "评价日期", "contacts.on": "联系日期", "contact_confirmations.on": "确认日期",
    ]

    /// A word of a vocabulary in Chinese (a state, a role, a rating …); nil keeps the value as it is.
    static func word(_ field: String, _ value: String) -> String? {
        switch field {
        case "state": CaseState(rawValue: value)?.zh
        case "channel": Channel(rawValue: value)?.zh
        case "role": AssignmentRole(rawValue: value)?.zh
        case "obligation": ObligationKind(rawValue: value)?.zh
        case "rating_result", "rating_attitude", "result", "attitude": Satisfaction(rawValue: value)?.zh
        case "mode": ContactMode(rawValue: value)?.zh
        case "answer": ContactConfirmation(rawValue: value)?.zh
        case "kind": EventKind(rawValue: value)?.zh
        // The recorded status, not the status on a day (Deadline.Status): met may be late.
        case "status": ["open": "未完成", "met": "已完成", "cancelled": "已取消"][value]
        case "decision": ["pending": "待审", "approved": "同意", "rejected": "不同意"][value]
        default: nil
        }
    }
}
