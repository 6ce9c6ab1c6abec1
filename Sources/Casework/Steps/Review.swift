extension CaseSnapshot {
    /// 审查: accept a submitted suggestion (立案).
    public func accept(on day: Day, by actor: String) throws -> StepPlan {
        var plan = try StepPlan(.accept, self, on: day, by: actor)
        plan.next = .accepted
        return plan
    }

    /// 不予立案: reject a submitted suggestion, with the reason.
    public func reject(reason: String, on day: Day, by actor: String) throws -> StepPlan {
        var plan = try StepPlan(.reject, self, on: day, by: actor)
        plan.next = .rejected
        plan.data = [("reason", .string(reason))]
        return plan
    }

    /// The deputy withdraws the suggestion before it is assigned.
    public func withdraw(reason: String, on day: Day, by actor: String) throws -> StepPlan {
        var plan = try StepPlan(.withdraw, self, on: day, by: actor)
        plan.next = .withdrawn
        plan.data = [("reason", .string(reason))]
        return plan
    }
}
