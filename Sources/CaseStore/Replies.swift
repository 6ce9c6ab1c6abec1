import Casework
import Postgres

extension Store {
    /// 沟通: an assigned unit records a contact with the deputy.
    public func contact(_ congress: Congress, _ number: String, unit: String, mode: ContactMode, note: String, on day: Day) throws -> StepResult {
        let note = try Text.optional(note, field: .note) ?? ""
        return try step(congress, number, .contact) { c in
            try c.contact(unit: unit, mode: mode, note: note, on: day, by: actor)
        } record: { c, _ in
            try connection.execute("""
                INSERT INTO contact (congress_id, suggestion_id, contact_no, unit_code, mode, on_date, note)
                SELECT \(congress.id), \(c.id), coalesce(max(contact_no), 0) + 1, \(unit), \(mode), \(day), \(note)
                FROM contact WHERE \(congress.scope(case: c.id))
                """)
        }
    }

    /// 协办意见: a co-handler sends its opinion to the lead.
    public func opinion(_ congress: Congress, _ number: String, unit: String, text: String, on day: Day) throws -> StepResult {
        let text = try Text.required(text, field: .text)
        return try step(congress, number, .opinion) { c in try c.opinion(unit: unit, text: text, on: day, by: actor) }
    }

    /// 答复: the lead unit replies (A, B with a plan date, or C); round 2 after rehandling.
    public func reply(
        _ congress: Congress, _ number: String, unit: String, outcome: Outcome, planBy: Day?, text: String, on day: Day
    ) throws -> StepResult {
        let input = try ReplyInput(unit: unit, outcome: outcome, planBy: planBy, text: text, on: day)
        return try step(congress, number, .reply) { c in
            // After the party's permission (the lead may reply), before the reply's own rules.
            try account?.requireDirectReply(unitSigns: try unitSigns(congress, unit: unit))
            return try c.reply(input, rules: rules(congress, from: day, through: planBy), on: day, by: actor)
        } record: { c, plan in
            try recordReply(c, plan)
        }
    }

    /// What a reply keeps besides its plan: the reply row and the case's outcome and reply day.
    /// A signed draft records the same.
    func recordReply(_ c: LockedCase, _ plan: ReplyPlan) throws {
        let (congress, input, day) = (c.congress, plan.input, plan.stepPlan.day)
        try connection.execute("""
            INSERT INTO reply (congress_id, suggestion_id, round, unit_code, outcome, plan_by, text, on_date)
            VALUES (\(congress.id), \(c.id), \(plan.round), \(input.unit), \(input.outcome), \(input.planBy), \(input.text), \(day))
            """)
        try connection.execute("""
            UPDATE suggestion SET outcome = \(input.outcome), plan_by = \(input.planBy), replied_on = \(day)
            WHERE \(congress.scope(case: c.id))
            """)
    }

    /// 评价: the deputy rates the result and the attitude; decides what comes next.
    public func rate(
        _ congress: Congress, _ number: String, result: Satisfaction, attitude: Satisfaction?, comment: String, on day: Day
    ) throws -> StepResult {
        let input = try RatingInput(result: result, attitude: attitude, comment: comment)
        return try step(congress, number, .rate) { c in
            try c.rate(input, rules: rules(congress, from: day), on: day, by: actor)
        } record: { c, plan in
            try connection.execute("""
                INSERT INTO rating (congress_id, suggestion_id, round, result, attitude, comment, on_date)
                VALUES (\(congress.id), \(c.id), \(plan.ratedRound), \(result), \(attitude), \(input.comment), \(day))
                """)
            try connection.execute("""
                UPDATE suggestion SET rating_result = \(result), rating_attitude = \(attitude), round = \(plan.round)
                WHERE \(congress.scope(case: c.id))
                """)
        }
    }

    /// 跟踪落实: progress on a B-class plan; `done` closes the case.
    public func followUp(_ congress: Congress, _ number: String, progress: String, done: Bool, on day: Day) throws -> StepResult {
        let progress = try Text.required(progress, field: .progress)
        return try step(congress, number, .followUp) { c in
            try c.followUp(progress: progress, done: done, on: day, by: actor)
        } record: { c, _ in
            guard done else { return }
            try connection.execute("UPDATE suggestion SET plan_done_on = \(day) WHERE \(congress.scope(case: c.id))")
        }
    }
}
