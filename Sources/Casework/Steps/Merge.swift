/// 并案 decided: the case merged (its plan: state `merged`, event `merged`) and the event the
/// case it joins records (`merge_received`), which leaves that case's state as it is.
public struct MergePlan: CasePlan {
    public let stepPlan: StepPlan
    /// The case merged into.
    public let target: String
    /// The target's `merge_received` event data.
    public let targetEvent: JSONValue
}

extension CaseSnapshot {
    /// 并案: the secretariat handles two suggestions on one matter as one case. This case joins
    /// `target` and is handled as part of it from then on: it takes no step of its own, and the
    /// target's reply answers both (who rates it: `Party.may`, docs/domain.md "并案").
    ///
    /// Both must be before assignment (submitted or accepted): once units hold a case its
    /// deadlines, contacts and replies are its own and cannot be folded into another's. Refused
    /// as well: merging a case into itself, into a case of another congress, into a case that is
    /// itself merged, or a case others were merged into (a chain: their reply would come from a
    /// case two steps away). The day is not before either case's previous step.
    public func merge(into target: CaseSnapshot, note: String, on day: Day, by actor: String) throws -> MergePlan {
        var plan = try StepPlan(.merge, self, on: day, by: actor)
        guard target.number != number else { throw CaseError.mergeIntoItself(number: number) }
        guard target.congress == congress else {
            throw CaseError.mergeAcrossCongresses(number: number, target: target.number, congress: congress, targetCongress: target.congress)
        }
        if let further = target.mergedInto {
            throw CaseError.mergeIntoMerged(number: number, target: target.number, mergedInto: further)
        }
        guard mergedIn.isEmpty else { throw CaseError.mergeChain(number: number, mergedIn: mergedIn) }
        guard CaseStep.merge.allowedStates.contains(target.state) else {
            throw CaseError.mergeTargetState(number: number, target: target.number, state: target.state)
        }
        try StepDate.checkOrder(day, after: target.previousStep, number: target.number)
        plan.next = .merged
        plan.data = [("into", .string(target.number)), ("note", .string(note))]
        let received: JSONValue = .object([("case", .string(number)), ("note", .string(note)),
                                           ("state", .string(target.state.rawValue))])
        return MergePlan(stepPlan: plan, target: target.number, targetEvent: received)
    }
}
