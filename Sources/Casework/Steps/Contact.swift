extension CaseSnapshot {
    /// 沟通: a unit on the case records a contact with the deputy; the state stays.
    public func contact(unit: String, mode: ContactMode, note: String, on day: Day, by actor: String) throws -> StepPlan {
        var plan = try StepPlan(.contact, self, on: day, by: actor)
        guard activeRole(of: unit) != nil else { throw CaseError.notAssigned(unit: unit, number: number, step: .contact) }
        plan.data = [("unit", .string(unit)), ("mode", .string(mode.rawValue)), ("note", .string(note))]
        return plan
    }
}
