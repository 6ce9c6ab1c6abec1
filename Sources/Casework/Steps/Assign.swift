/// 交办 as asked: one lead unit, co-handlers, and whether the case is complex.
public struct AssignInput: Sendable, Equatable {
    public let lead: String
    public let co: [String]
    public let complex: Bool

    /// Refuses a co-handler given twice or also given as the lead.
    public init(lead: String, co: [String], complex: Bool) throws {
        var seen: Set<String> = [lead]
        for unit in co where !seen.insert(unit).inserted {
            throw CaseError.coUnitRepeated(unit)
        }
        self.lead = lead
        self.co = co
        self.complex = complex
    }
}

/// What 交办 records besides its obligations: the units with their roles, and the case
/// starting its first round.
public struct AssignPlan: CasePlan {
    public let stepPlan: StepPlan
    public let input: AssignInput
    /// The lead first, then the co-handlers in the order given.
    public var assignments: [(unit: String, role: AssignmentRole)] {
        [(input.lead, .lead)] + input.co.map { ($0, .co) }
    }
    public let round = 1
}

extension CaseSnapshot {
    /// 交办: the lead owes a reply within the reply period (the longer one for a complex
    /// case), each co-handler an opinion, and every unit may ask for a transfer within its
    /// window; all counted from the day of assignment.
    public func assign(
        _ input: AssignInput, units: UnitDirectory, rules: @autoclosure () throws -> Rules, on day: Day, by actor: String
    ) throws -> AssignPlan {
        var plan = try StepPlan(.assign, self, on: day, by: actor)
        try units.require([input.lead], as: .lead, congress: congress)
        try units.require(input.co, as: .co, congress: congress)
        let rules = try rules()
        let reply = try plan.open(.reply, unit: input.lead, round: 1, input.complex ? .replyComplex : .reply, rules)
        var policies: [JSONValue] = [.string(reply.policy)]
        for unit in input.co {
            let opinion = try plan.open(.opinion, unit: unit, round: 1, .opinion, rules)
            if unit == input.co.first { policies.append(.string(opinion.policy)) }
        }
        for unit in [input.lead] + input.co {
            let window = try plan.open(.transferWindow, unit: unit, round: 1, .transferWindow, rules)
            if unit == input.lead { policies.append(.string(window.policy)) }
        }
        plan.next = .assigned
        plan.data = [("lead", .string(input.lead)), ("co", .array(input.co.map(JSONValue.string))), ("complex", .bool(input.complex)),
                     ("reply_due", .string(reply.due.description)), ("policy", .array(policies))]
        return AssignPlan(stepPlan: plan, input: input)
    }
}
