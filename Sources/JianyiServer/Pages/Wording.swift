import CaseStore
import Casework

/// How the pages say things in words: deadlines ("答复期限 2026-06-02，还有 12 天"), units by
/// name, a case's occasion.
enum Wording {
    /// What a deadline is called on a page.
    static func label(_ kind: ObligationKind) -> String {
        switch kind {
        case .reply: "答复期限"
        case .opinion: "协办意见期限"
        case .transferWindow: "申请调整交办期限"
        case .rehandle: "重新办理答复期限"
        case .plan: "计划解决期限"
        case .rating: "评价期限"
        }
    }

    /// `答复期限 2026-06-02，还有 12 天` (or 今天到期, 已超期 3 天, 已于 … 完成) and a tone for
    /// the stylesheet (`open`, `overdue`, `done`).
    static func deadline(_ deadline: Deadline.Brief, today: Day, unitNames: [String: String]) -> (words: String, tone: String) {
        let who = deadline.unit.map { "（\(unitNames[$0] ?? $0)）" } ?? ""
        let head = "\(label(deadline.kind))\(who) \(deadline.due)"
        switch deadline.status(on: today) {
        case .open:
            let left = today.days(until: deadline.due)
            return (left == 0 ? "\(head)，今天到期" : "\(head)，还有 \(left) 天", "open")
        case .overdue:
            return ("\(head)，已超期 \(deadline.due.days(until: today)) 天", "overdue")
        case .met:
            return ("\(head)，已于 \(deadline.metOn ?? deadline.due) 按期完成", "done")
        case .late:
            return ("\(head)，已于 \(deadline.metOn ?? deadline.due) 逾期完成", "late")
        case .cancelled:
            return ("\(head)，已取消", "done")
        case .expired:
            return ("\(head)，已过期", "done")
        }
    }

    /// The first deadline still open (or overdue), in words; "无" when none.
    static func nextDeadline(_ view: CaseView, today: Day, unitNames: [String: String]) -> String {
        let open = view.deadlines.filter { [.open, .overdue].contains($0.status(on: today)) }.min { $0.due < $1.due }
        return open.map { deadline($0, today: today, unitNames: unitNames).words } ?? "无"
    }

    /// `大会期间（5-4）`, `闭会期间`, `联络站（…）`.
    static func occasion(_ view: CaseView) -> String {
        switch view.channel {
        case .session: "\(view.channel.zh)（\(view.session ?? "")）"
        case .liaisonStation: "\(view.channel.zh)（\(view.station ?? "")）"
        case .recess: view.channel.zh
        }
    }
}

extension Store {
    /// The congress's units by code, to name them on a page.
    func unitNames(_ congress: Congress) throws -> [String: String] {
        Dictionary(try units(congress).map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The congress's deputies by code.
    func deputyNames(_ congress: Congress) throws -> [String: String] {
        Dictionary(try deputies(congress).map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
