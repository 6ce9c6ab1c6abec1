/// The closed word lists of the domain. Raw values are the names the CLI, JSON and CSV use.

public enum CaseState: String, CaseIterable, Sendable, Codable, Labelled {
    case submitted, accepted, rejected, withdrawn, assigned, replied, rehandling, following, closed
    /// 已并入: handled as part of another case (并案, Steps/Merge.swift); it takes no step of its own.
    case merged

    public var zh: String {
        switch self {
        case .submitted: "已提交"
        case .accepted: "已立案"
        case .rejected: "不予立案"
        case .withdrawn: "已撤回"
        case .assigned: "已交办"
        case .replied: "已答复"
        case .rehandling: "重新办理"
        case .following: "跟踪落实"
        case .closed: "已办结"
        case .merged: "已并案"
        }
    }
}

public enum Channel: String, CaseIterable, Sendable, Codable, Labelled {
    case session, recess
    case liaisonStation = "liaison_station"

    public var zh: String {
        switch self {
        case .session: "大会期间"
        case .recess: "闭会期间"
        case .liaisonStation: "联络站"
        }
    }
}

/// What a unit is on a case.
public enum AssignmentRole: String, CaseIterable, Sendable, Codable, Labelled {
    /// 主办: owes the reply.
    case lead
    /// 协办: owes the lead an opinion.
    case co

    public var zh: String {
        switch self {
        case .lead: "主办"
        case .co: "协办"
        }
    }
}

/// Where a unit's request to be relieved of a case (申请调整交办) stands.
public enum TransferDecision: String, CaseIterable, Sendable, Codable {
    case pending, approved, rejected
}

/// What an entry of a case's history records: registration, then one kind per step.
public enum EventKind: String, CaseIterable, Sendable, Codable, Labelled {
    case registered, accepted, rejected, withdrawn, assigned
    case transferRequested = "transfer_requested"
    case transferApproved = "transfer_approved"
    case transferRejected = "transfer_rejected"
    case contacted, opinion, replied, rated
    case followUp = "follow_up"
    case supervised
    /// The deputy's answer to a recorded contact (ContactConfirmation), one kind per answer.
    case contactConfirmed = "contact_confirmed"
    case contactDisputed = "contact_disputed"
    /// 并案: on the case merged (`merged`, data `into`) and on the case it joins
    /// (`merge_received`, data `case`).
    case merged
    case mergeReceived = "merge_received"
    /// Publication (Publication.swift): the deputy's consent, the secretariat's mark.
    case publishConsent = "publish_consent"
    case publicationDecided = "publication_decided"

    public var zh: String {
        switch self {
        case .registered: "提交登记"
        case .accepted: "审查立案"
        case .rejected: "不予立案"
        case .withdrawn: "撤回"
        case .assigned: "交办"
        case .transferRequested: "申请调整交办"
        case .transferApproved: "调整交办"
        case .transferRejected: "不同意调整"
        case .contacted: "沟通联系"
        case .opinion: "协办意见"
        case .replied: "答复"
        case .rated: "代表评价"
        case .followUp: "跟踪落实"
        case .supervised: "重点督办"
        case .contactConfirmed: "代表确认沟通"
        case .contactDisputed: "代表对沟通有异议"
        case .merged: "并案（并入他案）"
        case .mergeReceived: "并案（他案并入）"
        case .publishConsent: "代表公开意愿"
        case .publicationDecided: "公开审定"
        }
    }
}

public enum CongressLevel: String, CaseIterable, Sendable {
    case national, province, city, county, township
}

public enum UnitKind: String, CaseIterable, Sendable {
    case government, court, procuratorate, other
}

public enum CalendarDayKind: String, CaseIterable, Sendable {
    /// A day off: a statutory holiday, or a weekend inside a holiday block.
    case off
    /// A 调休 makeup working day that falls on a weekend.
    case work
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// Parses one of the allowed names, or fails naming the flag, the value and the choices.
    public static func parse(_ text: String, for flag: String) throws -> Self {
        guard let value = Self(rawValue: text) else {
            let choices = allCases.map(\.rawValue).joined(separator: "|")
            throw Failure.badValue("\(flag): '\(text)' is not one of \(choices)")
        }
        return value
    }
}
