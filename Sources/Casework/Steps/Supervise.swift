extension CaseSnapshot {
    /// 重点督办: marks a key suggestion; the state stays.
    public func supervise(leader: String?, committee: String?, on day: Day, by actor: String) throws -> StepPlan {
        var plan = try StepPlan(.supervise, self, on: day, by: actor)
        plan.data = [("leader", .optional(leader)), ("committee", .optional(committee))]
        return plan
    }
}
