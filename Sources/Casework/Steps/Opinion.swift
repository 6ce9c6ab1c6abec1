extension CaseSnapshot {
    /// 协办意见: a co-handler sends its opinion to the lead, which meets what it owed.
    public func opinion(unit: String, text: String, on day: Day, by actor: String) throws -> StepPlan {
        var plan = try StepPlan(.opinion, self, on: day, by: actor)
        guard activeRole(of: unit) == .co else {
            throw CaseError.notCoHandler(unit: unit, number: number)
        }
        plan.fulfil(.opinion, unit: unit)
        plan.data = [("unit", .string(unit)), ("text", .string(text))]
        return plan
    }
}
