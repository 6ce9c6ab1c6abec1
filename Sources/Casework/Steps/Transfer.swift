/// 调整交办 decided: which request, and the role the new unit takes.
public struct TransferApprovalPlan: CasePlan {
    public let stepPlan: StepPlan
    public let request: CaseSnapshot.Transfer
    public let to: String
    /// The role the unit leaving held, which the new unit takes (co when it held none).
    public let role: AssignmentRole
    /// The case's new lead when the lead was replaced.
    public var newLead: String? { role == .lead ? to : nil }
}

/// A transfer request refused: which one.
public struct TransferRejectionPlan: CasePlan {
    public let stepPlan: StepPlan
    public let request: CaseSnapshot.Transfer
}

extension CaseSnapshot {
    /// 申请调整交办: a unit on the case asks to be replaced while its transfer window is open,
    /// and one request at a time; after a rejection it may ask again until the window's due day.
    public func requestTransfer(unit: String, reason: String, on day: Day, by actor: String) throws -> StepPlan {
        var plan = try StepPlan(.transferRequest, self, on: day, by: actor)
        guard activeRole(of: unit) != nil else {
            throw CaseError.notAssigned(unit: unit, number: number, step: .transferRequest)
        }
        if let window = obligations.last(where: { $0.kind == .transferWindow && Code.same($0.unit, unit) }), window.due < day {
            throw CaseError.transferWindowClosed(unit: unit, number: number, due: window.due)
        }
        if let pendingTransfer {
            throw CaseError.transferPending(number: number, unit: pendingTransfer.unit)
        }
        plan.fulfil(.transferWindow, unit: unit)
        plan.data = [("unit", .string(unit)), ("reason", .string(reason))]
        return plan
    }

    /// 调整交办: the secretariat approves the pending request. The new unit, never on the case
    /// before, takes the old one's role, and its clock restarts from the day of approval; what
    /// the old unit owed is cancelled.
    public func approveTransfer(
        to newUnit: String, units: UnitDirectory, rules: @autoclosure () throws -> Rules, on day: Day, by actor: String
    ) throws -> TransferApprovalPlan {
        var plan = try StepPlan(.transferApprove, self, on: day, by: actor)
        let request = try pendingRequest()
        try units.require([newUnit], as: .transferTo, congress: congress)
        guard !assignments.contains(where: { Code.same($0.unit, newUnit) }) else {
            throw CaseError.alreadyAssigned(unit: newUnit, number: number)
        }
        let role = activeRole(of: request.unit) ?? .co
        plan.cancel([.reply, .opinion, .transferWindow], unit: request.unit, note: "transferred to \(newUnit)")
        // The relieved lead's draft is moot: the new lead drafts its own reply.
        if role == .lead, let draft = pendingDraft, Code.same(draft.input.unit, request.unit) {
            plan.settlesDraft = voidingPendingDraft("lead transferred to \(newUnit)")
        }
        let rules = try rules()
        let due = role == .lead
            ? try plan.open(.reply, unit: newUnit, round: 1, complex ? .replyComplex : .reply, rules)
            : try plan.open(.opinion, unit: newUnit, round: 1, .opinion, rules)
        try plan.open(.transferWindow, unit: newUnit, round: 1, .transferWindow, rules)
        plan.data = [("from", .string(request.unit)), ("to", .string(newUnit)), ("role", .string(role.rawValue)),
                     ("due", .string(due.due.description)), ("policy", .string(due.policy))]
        return TransferApprovalPlan(stepPlan: plan, request: request, to: newUnit, role: role)
    }

    /// The secretariat refuses the pending request; the deadlines stand.
    public func rejectTransfer(reason: String, on day: Day, by actor: String) throws -> TransferRejectionPlan {
        var plan = try StepPlan(.transferReject, self, on: day, by: actor)
        let request = try pendingRequest()
        plan.data = [("unit", .string(request.unit)), ("reason", .string(reason))]
        return TransferRejectionPlan(stepPlan: plan, request: request)
    }

    private func pendingRequest() throws -> Transfer {
        guard let pendingTransfer else { throw CaseError.noPendingTransfer(number: number) }
        return pendingTransfer
    }
}
