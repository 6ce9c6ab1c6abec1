/// 答复 as given: the unit, the outcome, the plan date of a B reply, the text.
public struct ReplyInput: Sendable, Equatable {
    public let unit: String
    public let outcome: Outcome
    public let planBy: Day?
    public let text: String

    /// Refuses a blank text, and a plan date missing from a B reply, before its day, or on
    /// an A or C reply.
    public init(unit: String, outcome: Outcome, planBy: Day?, text: String, on day: Day) throws {
        let text = try Text.required(text, field: .text)
        switch (outcome, planBy) {
        case (.b, nil): throw CaseError.planDateMissing
        case (.b, let plan?) where plan < day: throw CaseError.planDateBeforeReply(plan: plan, reply: day)
        case (.a, _?), (.c, _?): throw CaseError.planDateNotForOutcome(outcome)
        default: break
        }
        self.unit = unit
        self.outcome = outcome
        self.planBy = planBy
        self.text = text
    }
}

/// 答复 decided: the round it answers, besides what every step plans.
public struct ReplyPlan: CasePlan {
    public internal(set) var stepPlan: StepPlan
    public let input: ReplyInput
    public let round: Int
}

extension CaseSnapshot {
    /// 答复: only the lead replies; the reply meets the round's reply (or, in round 2, the
    /// rehandling), a B reply opens its plan date (moved off a rest day), and the deputy is
    /// reminded to rate it.
    ///
    /// `rules` must hold a calendar from `day` through the plan date's year and the two after.
    public func reply(_ input: ReplyInput, rules: @autoclosure () throws -> Rules, on day: Day, by actor: String) throws -> ReplyPlan {
        var plan = try StepPlan(.reply, self, on: day, by: actor)
        // Codes compare byte for byte, as the obligations' owners do (Code.same).
        guard let leadUnit, Code.same(input.unit, leadUnit) else {
            throw CaseError.notLeadUnit(unit: input.unit, number: number, lead: leadUnit)
        }
        plan.fulfil(round == 1 ? .reply : .rehandle, unit: input.unit)
        let rules = try rules()
        if let planBy = input.planBy {
            let derivation: Derivation
            do throws(LegalClock.Refusal) {
                derivation = try rules.clock.given(planBy)
            } catch {
                throw CaseError.deadlineUncountable(kind: .plan, from: .planBy, refusal: error)
            }
            plan.open(ObligationPlan(kind: .plan, unit: input.unit, round: round, start: day, period: nil,
                                     policy: AppliedPolicy.planDate(planBy), derivation: derivation))
        }
        let rating = try plan.open(.rating, unit: nil, round: round, .ratingReminder, rules)
        plan.next = .replied
        // A reply made without the waiting draft (a signer's own, the secretariat's paper
        // one) leaves it moot; signing it settles it as signed instead.
        plan.settlesDraft = voidingPendingDraft("replied without this draft")
        plan.data = [("unit", .string(input.unit)), ("round", .int(round)), ("outcome", .string(input.outcome.rawValue)),
                     ("plan_by", .optional(input.planBy?.description)), ("rating_reminder", .string(rating.due.description)),
                     ("policy", .string(rating.policy))]
        return ReplyPlan(stepPlan: plan, input: input, round: round)
    }
}
