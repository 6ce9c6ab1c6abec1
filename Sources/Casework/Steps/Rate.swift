/// 评价 as given: the deputy's rating of the result and of the attitude, and the comment.
public struct RatingInput: Sendable, Equatable {
    public let result: Satisfaction
    public let attitude: Satisfaction?
    public let comment: String

    /// Refuses a dissatisfied rating without a comment, and a comment that is only blanks.
    public init(result: Satisfaction, attitude: Satisfaction?, comment: String) throws {
        try RatingRule.check(result: result, attitude: attitude, comment: comment)
        self.result = result
        self.attitude = attitude
        self.comment = try Text.optional(comment, field: .comment) ?? ""
    }
}

/// 评价 decided: the round rated, and the round the case is in after it.
public struct RatingPlan: CasePlan {
    public let stepPlan: StepPlan
    public let input: RatingInput
    public let ratedRound: Int
    public let round: Int
}

extension CaseSnapshot {
    /// 评价: the deputy rates the reply, which meets the reminder, and the rating decides what
    /// comes next (RatingRule). Rehandling supersedes a B plan and gives the lead a new
    /// deadline in round 2; a final rating closes the case.
    public func rate(_ input: RatingInput, rules: @autoclosure () throws -> Rules, on day: Day, by actor: String) throws -> RatingPlan {
        var plan = try StepPlan(.rate, self, on: day, by: actor)
        guard let outcome else { throw CaseError.noReplyToRate(number: number) }
        plan.fulfil(.rating, unit: nil)
        let next = RatingRule.nextState(round: round, result: input.result, outcome: outcome)
        plan.data = [("round", .int(round)), ("result", .string(input.result.rawValue)),
                     ("attitude", .optional(input.attitude?.rawValue)), ("comment", .string(input.comment))]
        switch next {
        case .rehandling:
            plan.cancel([.plan], unit: nil, note: "superseded by rehandling")
            let again = try plan.open(.rehandle, unit: leadUnit, round: 2, .rehandle, try rules())
            plan.data += [("rehandle_due", .string(again.due.description)), ("policy", .string(again.policy))]
            plan.next = .rehandling
        case .closed:
            plan.close()
        default:
            plan.next = next
        }
        return RatingPlan(stepPlan: plan, input: input, ratedRound: round, round: next == .rehandling ? 2 : round)
    }
}

/// Where a case goes after the deputy's rating.
public enum RatingRule {
    /// Round 1 dissatisfied with the result → rehandling; outcome B rated satisfied or basic →
    /// following until the plan is done; otherwise closed. Round 2 is final (no third round).
    public static func nextState(round: Int, result: Satisfaction, outcome: Outcome) -> CaseState {
        if result == .dissatisfied { return round == 1 ? .rehandling : .closed }
        return outcome == .b ? .following : .closed
    }

    /// A comment is required when either rating is dissatisfied.
    public static func check(result: Satisfaction, attitude: Satisfaction?, comment: String) throws {
        if (result == .dissatisfied || attitude == .dissatisfied) && Text.isBlank(comment) {
            throw CaseError.commentRequired
        }
    }
}
