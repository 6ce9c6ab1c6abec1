/// Who is on a case, as the permission rule needs it: the deputy who raised it, its
/// co-signers and the units assigned to it (those a transfer relieved included).
public struct CaseParties: Sendable, Equatable {
    public let deputy: String
    public let cosigners: [String]
    public let assignments: [CaseSnapshot.Assignment]
    /// The deputies who raised a case merged into this one (并案), and those cases' co-signers:
    /// the case answers their suggestions too.
    public let mergedDeputies: [String]
    public let mergedCosigners: [String]

    public init(deputy: String, cosigners: [String] = [], assignments: [CaseSnapshot.Assignment] = [],
                mergedDeputies: [String] = [], mergedCosigners: [String] = []) {
        self.deputy = deputy
        self.cosigners = cosigners
        self.assignments = assignments
        self.mergedDeputies = mergedDeputies
        self.mergedCosigners = mergedCosigners
    }

    /// Whether `deputy` raised the case or a case merged into it: who may rate it.
    func raised(by deputy: String) -> Bool {
        Code.same(self.deputy, deputy) || mergedDeputies.contains { Code.same($0, deputy) }
    }

    func activeRole(of unit: String) -> AssignmentRole? {
        assignments.first { $0.active && Code.same($0.unit, unit) }?.role
    }
}

/// A step the actor may not take on a case it sees (HTTP 403). A case it may not see is
/// answered as one that does not exist, never with this.
public enum AccessError: Error, Equatable, Sendable {
    case notPermitted(step: CaseStep, party: Party)
    /// Submitting (提交) for a deputy other than oneself, or as a unit.
    case mayNotSubmit(party: Party, deputy: String)
}

extension Party {
    /// Whether this party sees the case (issue 13's table; the database's row policies say
    /// the same): the secretariat every case of its congress, a unit the cases it is or was
    /// on, a deputy those it raised or co-signed.
    public func sees(_ parties: CaseParties) -> Bool {
        switch self {
        case .secretariat: true
        case .unit(let unit): parties.assignments.contains { Code.same($0.unit, unit) }
        case .deputy(let deputy):
            parties.raised(by: deputy) || (parties.cosigners + parties.mergedCosigners).contains { Code.same($0, deputy) }
        }
    }

    /// Whether this party may take `step` on a case it sees. The case's state is checked
    /// apart (`CaseStep.check`): withdrawing "before assignment" is the state rule's.
    ///
    /// - deputy: withdraw and rate their own case (not one they only co-signed; rate also a case
    ///   one they raised was merged into), and confirm or
    ///   dispute a contact recorded on it: units contact the deputy who raised the case, so a
    ///   co-signer has no contact of its own to answer;
    /// - unit: contact while on the case, an opinion as co-handler, reply as lead, request a
    ///   transfer while on the case, follow up its own B plan as lead;
    /// - secretariat: every step.
    public func may(_ step: CaseStep, on parties: CaseParties) -> Bool {
        switch self {
        case .secretariat:
            return true
        case .deputy(let deputy):
            // The reply of a merged case answers every deputy who raised a case merged into it:
            // any of them may give its rating (one per round, the first given; docs/domain.md).
            if step == .rate { return parties.raised(by: deputy) }
            guard Code.same(parties.deputy, deputy) else { return false }
            return [.withdraw, .confirmContact, .disputeContact].contains(step)
        case .unit(let unit):
            let role = parties.activeRole(of: unit)
            switch step {
            case .contact, .transferRequest: return role != nil
            case .opinion: return role == .co
            case .reply, .followUp: return role == .lead
            case .accept, .reject, .withdraw, .assign, .transferApprove, .transferReject, .rate, .supervise,
                 .confirmContact, .disputeContact, .merge: return false
            }
        }
    }

    /// Refuses a step `may` does not allow.
    public func requirePermission(_ step: CaseStep, on parties: CaseParties) throws(AccessError) {
        guard may(step, on: parties) else { throw .notPermitted(step: step, party: self) }
    }

    /// Whether this party may submit a suggestion raised by `deputy`: the secretariat for any
    /// deputy (it registers what reaches it on paper), a deputy for themself only.
    public func maySubmit(for deputy: String) -> Bool {
        switch self {
        case .secretariat: true
        case .deputy(let own): Code.same(own, deputy)
        case .unit: false
        }
    }

    public func requireSubmit(for deputy: String) throws(AccessError) {
        guard maySubmit(for: deputy) else { throw .mayNotSubmit(party: self, deputy: deputy) }
    }
}
