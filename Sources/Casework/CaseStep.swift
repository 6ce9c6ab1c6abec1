/// The steps of a case (docs/domain.md, "The life of a case") and the states each is
/// allowed in. One table, so a refusal can say what *is* allowed.
public enum CaseStep: String, CaseIterable, Sendable {
    case accept = "review --accept"
    case reject = "review --reject"
    case withdraw
    case assign
    case transferRequest = "transfer request"
    case transferApprove = "transfer approve"
    case transferReject = "transfer reject"
    case contact
    case opinion
    case reply
    case rate
    case followUp = "follow-up"
    case supervise
    /// The deputy's answer to a contact a unit recorded (ConfirmContact.swift).
    case confirmContact = "contact confirm"
    case disputeContact = "contact dispute"
    /// 并案: the case joins another and is handled as part of it (Merge.swift).
    case merge

    /// The event kind recorded in the history.
    public var eventKind: EventKind {
        switch self {
        case .accept: .accepted
        case .reject: .rejected
        case .withdraw: .withdrawn
        case .assign: .assigned
        case .transferRequest: .transferRequested
        case .transferApprove: .transferApproved
        case .transferReject: .transferRejected
        case .contact: .contacted
        case .opinion: .opinion
        case .reply: .replied
        case .rate: .rated
        case .followUp: .followUp
        case .supervise: .supervised
        case .confirmContact: .contactConfirmed
        case .disputeContact: .contactDisputed
        case .merge: .merged
        }
    }

    public var allowedStates: Set<CaseState> {
        switch self {
        case .accept, .reject: [.submitted]
        case .withdraw: [.submitted, .accepted]
        case .assign: [.accepted]
        case .transferRequest, .transferApprove, .transferReject: [.assigned]
        case .contact: [.assigned, .replied, .rehandling, .following]
        case .opinion: [.assigned, .rehandling, .replied]
        case .reply: [.assigned, .rehandling]
        case .rate: [.replied]
        case .followUp: [.following]
        case .supervise: [.submitted, .accepted, .assigned, .replied, .rehandling, .following]
        // Every state a case with a contact can be in, closed too: the deputy's answer often
        // comes with the rating that closes the case, and the measures count closed cases.
        case .confirmContact, .disputeContact: [.assigned, .replied, .rehandling, .following, .closed]
        // Before assignment: once units hold a case, its deadlines and replies are its own.
        case .merge: [.submitted, .accepted]
        }
    }

    /// The steps `state` allows, in the table's order.
    public static func allowed(in state: CaseState) -> [CaseStep] {
        allCases.filter { $0.allowedStates.contains(state) }
    }

    /// Refuses a step the state does not allow.
    public static func check(_ step: CaseStep, number: String, state: CaseState) throws {
        guard step.allowedStates.contains(state) else {
            throw CaseError.notAllowed(number: number, step: step, state: state)
        }
    }
}

public enum Outcome: String, CaseIterable, Sendable, Labelled {
    case a = "A", b = "B", c = "C"

    public var zh: String {
        switch self {
        case .a: "A 已解决或基本解决"
        case .b: "B 正在解决或列入计划解决"
        case .c: "C 因条件限制需今后解决或留作参考"
        }
    }
}

public enum Satisfaction: String, CaseIterable, Sendable, Labelled {
    case satisfied, basic, dissatisfied

    public var zh: String {
        switch self {
        case .satisfied: "满意"
        case .basic: "基本满意"
        case .dissatisfied: "不满意"
        }
    }
}

public enum ContactMode: String, CaseIterable, Sendable, Labelled {
    case faceToFace = "face_to_face", phone, visit, written, online

    public var zh: String {
        switch self {
        case .faceToFace: "面对面"
        case .phone: "电话"
        case .visit: "走访"
        case .written: "书面"
        case .online: "网络"
        }
    }
}
