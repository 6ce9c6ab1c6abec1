/// An obligation as recorded: who must do what by when, and whether it was done.
public struct Deadline: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Not done, due day not passed.
        case open
        /// Not done, due day passed.
        case overdue
        /// Done on or before the due day.
        case met
        /// Done after the due day.
        case late
        /// No longer owed (transferred, superseded, or the case closed).
        case cancelled
        /// A transfer window that passed unused.
        case expired
    }

    public let number: Int
    public let kind: String
    /// The unit that owes it; nil for the deputy's rating.
    public let unit: String?
    public let round: Int
    public let start: Day
    public let period: Period?
    /// For a plan: the date the reply gave, before any rest-day move.
    public let given: Day?
    public let policy: String
    public let due: Day
    public let recordedStatus: String
    public let metOn: Day?
    public let note: String?

    public init(number: Int, kind: String, unit: String?, round: Int, start: Day, period: Period?, given: Day? = nil,
                policy: String, due: Day, recordedStatus: String, metOn: Day?, note: String?) {
        self.number = number
        self.kind = kind
        self.unit = unit
        self.round = round
        self.start = start
        self.period = period
        self.given = given
        self.policy = policy
        self.due = due
        self.recordedStatus = recordedStatus
        self.metOn = metOn
        self.note = note
    }

    /// The status on `today`.
    public func status(on today: Day) -> Status {
        Self.status(kind: kind, recorded: recordedStatus, due: due, metOn: metOn, today: today)
    }

    public static func status(kind: String, recorded: String, due: Day, metOn: Day?, today: Day) -> Status {
        switch recorded {
        case "met": return (metOn ?? due) <= due ? .met : .late
        case "cancelled": return .cancelled
        default:
            guard today > due else { return .open }
            return kind == "transfer_window" ? .expired : .overdue
        }
    }

    /// What `show` and `list` print of a deadline.
    public struct Brief: Sendable, Equatable {
        public let kind: String
        public let unit: String?
        public let due: Day
        public let recordedStatus: String
        public let metOn: Day?

        public init(kind: String, unit: String?, due: Day, recordedStatus: String, metOn: Day?) {
            self.kind = kind
            self.unit = unit
            self.due = due
            self.recordedStatus = recordedStatus
            self.metOn = metOn
        }

        public func status(on today: Day) -> Status {
            Deadline.status(kind: kind, recorded: recordedStatus, due: due, metOn: metOn, today: today)
        }
    }

    public static func label(_ kind: String) -> String {
        switch kind {
        case "reply": "主办答复"
        case "opinion": "协办意见"
        case "transfer_window": "申请调整交办"
        case "rehandle": "重新办理答复"
        case "plan": "B类计划完成"
        case "rating": "代表评价（提醒）"
        default: kind
        }
    }
}
