extension CaseSnapshot {
    /// 跟踪落实: progress on a B plan; when the plan is done, it is met and the case closes.
    public func followUp(progress: String, done: Bool, on day: Day, by actor: String) throws -> StepPlan {
        var plan = try StepPlan(.followUp, self, on: day, by: actor)
        if done {
            plan.fulfil(.plan, unit: leadUnit)
            plan.close()
        } else {
            plan.next = .following
        }
        plan.data = [("progress", .string(progress)), ("done", .bool(done))]
        return plan
    }
}
