/// What is owed on a case: the kinds of obligation, and where each stands as recorded.

public enum ObligationKind: String, CaseIterable, Sendable, Codable, Labelled {
    /// The lead unit's reply (主办答复).
    case reply
    /// A co-handling unit's opinion to the lead (协办意见).
    case opinion
    /// The days in which an assigned unit may ask to be relieved of the case.
    case transferWindow = "transfer_window"
    /// The reply owed again after a dissatisfied rating.
    case rehandle
    /// The date an outcome-B reply promised.
    case plan
    /// The deputy's rating of the reply (a reminder, never overdue).
    case rating

    public var zh: String {
        switch self {
        case .reply: "主办答复"
        case .opinion: "协办意见"
        case .transferWindow: "申请调整交办"
        case .rehandle: "重新办理答复"
        case .plan: "B类计划完成"
        case .rating: "代表评价（提醒）"
        }
    }
}

/// An obligation's status as recorded; the status on a day (Deadline.Status) follows from it.
public enum ObligationStatus: String, CaseIterable, Sendable, Codable {
    case open, met, cancelled
}
