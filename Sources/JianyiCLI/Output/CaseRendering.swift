import CaseStore
import Casework
import Foundation

/// The CSV columns of `list`.
let caseCSVHeader = ["number", "title", "state", "deputy", "cosigners", "session", "channel", "category", "submitted_on", "key"]

func caseCSVRow(_ view: CaseView) -> [any CSVCell] {
    [view.number, view.title, view.state.rawValue, view.deputy, view.cosigners.joined(separator: ";"), view.session ?? "",
     view.channel.rawValue, view.category, view.submittedOn, view.isKey ? "true" : "false"]
}

/// `show`'s contacts, numbered as `contact confirm|dispute --contact` takes them, each with the
/// deputy's answer (or that there is none yet).
func contactTable(_ contacts: [ContactView], zh: Bool) -> String {
    var table = TextTable(header: zh ? ["序号", "日期", "单位", "方式", "代表答复"] : ["contact", "date", "unit", "mode", "deputy's answer"])
    for contact in contacts {
        let answer = contact.confirmation.map { confirmation in
            [confirmation.label(zh: zh), contact.confirmedOn?.description ?? "", contact.confirmationNote ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " ")
        } ?? (zh ? "未答复" : "not answered")
        table.append([String(contact.number), contact.on.description, contact.unit, contact.mode.rawValue, answer])
    }
    return (zh ? "沟通" : "contacts") + "\n" + table.render()
}

/// An event's details for people: `key: value` pairs in the order stored, arrays joined,
/// empty values left out (the JSON form is `history --format json`).
func eventDetails(_ data: String, zh: Bool) -> String {
    guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else { return data }
    let labels: [String: String] = zh ? [
        "number": "编号", "title": "标题", "deputy": "代表", "cosigners": "附议", "session": "届次", "channel": "渠道",
        "category": "类别", "file": "文件", "reason": "理由", "lead": "主办", "co": "协办", "complex": "涉及面广",
        "reply_due": "答复期限", "policy": "依据", "unit": "单位", "mode": "方式", "note": "备注", "text": "内容",
        "round": "轮次", "outcome": "答复类别", "plan_by": "计划完成", "rating_reminder": "评价提醒", "result": "结果",
        "attitude": "态度", "comment": "意见", "rehandle_due": "重新办理期限", "progress": "进展", "done": "完成",
        "leader": "督办领导", "committee": "督办委员会", "from": "原单位", "to": "新单位", "role": "角色", "due": "期限",
        "state": "状态", "contact": "沟通序号", "contact_on": "沟通日期",
    ] : [:]
    // The domain's words among the values, in Chinese; the JSON keeps the codes.
    let words: [String: (String) -> String] = zh ? [
        "channel": { Channel(rawValue: $0)?.zh ?? $0 }, "state": { CaseState(rawValue: $0)?.zh ?? $0 },
        "mode": { ContactMode(rawValue: $0)?.zh ?? $0 }, "outcome": { Outcome(rawValue: $0)?.zh ?? $0 },
        "result": { Satisfaction(rawValue: $0)?.zh ?? $0 }, "attitude": { Satisfaction(rawValue: $0)?.zh ?? $0 },
        "role": { AssignmentRole(rawValue: $0)?.zh ?? $0 }, "policy": AppliedPolicy.zh,
    ] : [:]
    func text(_ value: Any, _ word: (String) -> String) -> String? {
        switch value {
        case is NSNull: return nil
        case let list as [Any]:
            let items = list.compactMap { text($0, word) }
            return items.isEmpty ? nil : items.joined(separator: zh ? "、" : ", ")
        case let flag as Bool where type(of: value) == type(of: NSNumber(value: true)): return flag ? (zh ? "是" : "yes") : (zh ? "否" : "no")
        case let string as String: return string.isEmpty ? nil : word(string)
        default: return "\(value)"
        }
    }
    return object.sorted(by: { eventKeyOrder($0.key) < eventKeyOrder($1.key) }).compactMap { key, value in
        text(value, words[key] ?? { $0 }).map { "\(labels[key] ?? key): \($0)" }
    }.joined(separator: zh ? "；" : "; ")
}

/// Stored jsonb has no key order; show the ones people look for first.
private func eventKeyOrder(_ key: String) -> (Int, String) {
    let first = ["number", "title", "lead", "co", "unit", "outcome", "result", "attitude", "reply_due", "rehandle_due", "due"]
    return (first.firstIndex(of: key) ?? first.count, key)
}
