/// Publishing replies (答复公开): a reply is published when the deputy who raised the case
/// consented and the secretariat marked it publishable; its personal data is redacted first
/// (Redaction.swift). docs/publication.md says the whole rule.

/// The secretariat's mark on a case.
public enum PublicationDecision: String, CaseIterable, Sendable, Labelled {
    /// 可以公开.
    case approved
    /// 不予公开.
    case withheld

    public var zh: String {
        switch self {
        case .approved: "同意公开"
        case .withheld: "不予公开"
        }
    }
}

/// Why a consent or a mark is refused (exit 65).
public enum PublicationError: Error, Equatable, Sendable {
    /// The deputy's consent changes only until the reply (and never on an ended or merged case).
    case consentClosed(number: String, state: CaseState)
    /// A rejected, withdrawn or merged case has no reply of its own to publish.
    case nothingToPublish(number: String, state: CaseState)
}

extension PublicationError: DomainError {}

/// What a consent or a mark records: its event (the case's state stays).
public struct PublicationStep {
    public let kind: EventKind
    public let day: Day
    public let actor: String
    public let data: JSONValue
}

extension CaseSnapshot {
    /// The states in which the deputy's consent may still change: before the reply it is about.
    public static let consentStates: Set<CaseState> = [.submitted, .accepted, .assigned]
    /// The states with a reply to come or given, which the secretariat may mark.
    public static let decisionStates: Set<CaseState> = Set(CaseState.allCases).subtracting([.rejected, .withdrawn, .merged])

    /// 公开意愿: the deputy's consent (`yes` true), as the secretariat records it, until the
    /// reply. A merged case's reply is its target's: the target's consent decides.
    public func consentToPublish(_ consent: Bool, on day: Day, by actor: String) throws -> PublicationStep {
        guard Self.consentStates.contains(state) else { throw PublicationError.consentClosed(number: number, state: state) }
        try StepDate.checkOrder(day, after: previousStep, number: number)
        return PublicationStep(kind: .publishConsent, day: day, actor: actor, data: .object([("consent", .string(consent ? "yes" : "no"))]))
    }

    /// 公开审定: the secretariat marks the case publishable or withholds it; it may change its
    /// mind until the export, which reads the mark as it stands.
    public func decidePublication(_ decision: PublicationDecision, on day: Day, by actor: String) throws -> PublicationStep {
        guard Self.decisionStates.contains(state) else { throw PublicationError.nothingToPublish(number: number, state: state) }
        try StepDate.checkOrder(day, after: previousStep, number: number)
        return PublicationStep(kind: .publicationDecided, day: day, actor: actor, data: .object([("decision", .string(decision.rawValue))]))
    }
}

/// The deputy's answer as `--publish` and the import's `publish` column take it.
public enum PublishConsent: String, CaseIterable, Sendable {
    case yes, no

    public var consents: Bool { self == .yes }
}
