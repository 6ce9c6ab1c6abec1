import CaseStore
import Casework

// How human output names the domain's codes: Chinese by default, the code itself in English.

func stateLabel(_ state: CaseState, zh: Bool) -> String { zh ? state.label : state.rawValue }

func obligationLabel(_ kind: String, zh: Bool) -> String { zh ? Deadline.label(kind) : kind }

/// Who owes a deadline: its unit, or the deputy (a rating) when it has none.
func ownerLabel(_ unit: String?, zh: Bool) -> String { unit ?? (zh ? "代表" : "deputy") }

func eventLabel(_ kind: String, zh: Bool) -> String {
    guard zh else { return kind }
    switch kind {
    case "registered": return "提交登记"
    case "accepted": return "审查立案"
    case "rejected": return "不予立案"
    case "withdrawn": return "撤回"
    case "assigned": return "交办"
    case "transfer_requested": return "申请调整交办"
    case "transfer_approved": return "调整交办"
    case "transfer_rejected": return "不同意调整"
    case "contacted": return "沟通联系"
    case "opinion": return "协办意见"
    case "replied": return "答复"
    case "rated": return "代表评价"
    case "follow_up": return "跟踪落实"
    case "supervised": return "重点督办"
    default: return kind
    }
}

func statusLabel(_ status: Deadline.Status, zh: Bool) -> String {
    guard zh else { return status.rawValue }
    switch status {
    case .open: return "未到期"
    case .overdue: return "已超期"
    case .met: return "按期完成"
    case .late: return "逾期完成"
    case .cancelled: return "已取消"
    case .expired: return "已过期"
    }
}

func tierLabel(_ tier: String, zh: Bool) -> String {
    guard zh else { return tier }
    switch tier {
    case "due_soon": return "临期"
    case "overdue": return "超期"
    case "severely_overdue": return "严重超期"
    default: return tier
    }
}
