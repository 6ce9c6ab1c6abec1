/// An obligation as recorded: who must do what by when, and whether it was done.
public struct Deadline: Sendable, Equatable {
    public enum Status: String, Sendable, Labelled {
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

        public var zh: String {
            switch self {
            case .open: "未到期"
            case .overdue: "已超期"
            case .met: "按期完成"
            case .late: "逾期完成"
            case .cancelled: "已取消"
            case .expired: "已过期"
            }
        }
    }

    public let number: Int
    public let kind: ObligationKind
    /// The unit that owes it; nil for the deputy's rating.
    public let unit: String?
    public let round: Int
    public let start: Day
    public let period: Period?
    /// For a plan: the date the reply gave, before any rest-day move.
    public let given: Day?
    public let policy: String
    public let due: Day
    public let recordedStatus: ObligationStatus
    public let metOn: Day?
    public let note: String?

    public init(number: Int, kind: ObligationKind, unit: String?, round: Int, start: Day, period: Period?, given: Day? = nil,
                policy: String, due: Day, recordedStatus: ObligationStatus, metOn: Day?, note: String?) {
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

    public static func status(kind: ObligationKind, recorded: ObligationStatus, due: Day, metOn: Day?, today: Day) -> Status {
        switch recorded {
        case .met: return (metOn ?? due) <= due ? .met : .late
        case .cancelled: return .cancelled
        case .open:
            guard today > due else { return .open }
            return kind == .transferWindow ? .expired : .overdue
        }
    }

    /// What `show` and `list` print of a deadline.
    public struct Brief: Sendable, Equatable {
        public let kind: ObligationKind
        public let unit: String?
        public let due: Day
        public let recordedStatus: ObligationStatus
        public let metOn: Day?

        public init(kind: ObligationKind, unit: String?, due: Day, recordedStatus: ObligationStatus, metOn: Day?) {
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
}
