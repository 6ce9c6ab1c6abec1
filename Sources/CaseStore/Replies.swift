import Casework
import Postgres

extension Store {
    /// 沟通: an assigned unit records a contact with the deputy.
    public func contact(_ congress: Congress, _ number: String, unit: String, mode: ContactMode, note: String, on day: Day) throws -> StepResult {
        let note = try Text.optional(note, field: "--note", what: "the note") ?? ""
        return try legacyStep(congress, number, .contact, on: day) { c, _ in
            guard try activeRole(c, unit: unit) != nil else {
                throw Failure.ruleBroken("--unit: \(unit) is not assigned to \(number)")
            }
            try connection.execute("""
                INSERT INTO contact (congress_id, suggestion_id, contact_no, unit_code, mode, on_date, note)
                SELECT \(congress.id), \(c.id), coalesce(max(contact_no), 0) + 1, \(unit), \(mode.rawValue), \(day), \(note)
                FROM contact WHERE congress_id = \(congress.id) AND suggestion_id = \(c.id)
                """)
            return (c.state, [("unit", .string(unit)), ("mode", .string(mode.rawValue)), ("note", .string(note))])
        }
    }

    /// 协办意见: a co-handler sends its opinion to the lead.
    public func opinion(_ congress: Congress, _ number: String, unit: String, text: String, on day: Day) throws -> StepResult {
        let text = try requireText(text, flag: "--text")
        return try legacyStep(congress, number, .opinion, on: day) { c, _ in
            guard try activeRole(c, unit: unit) == "co" else {
                throw Failure.ruleBroken("--unit: \(unit) is not a co-handler of \(number); only co-handlers send opinions")
            }
            try meet(c, "opinion", unit: unit, on: day)
            return (c.state, [("unit", .string(unit)), ("text", .string(text))])
        }
    }

    /// 答复: the lead unit replies (A, B with a plan date, or C); round 2 after rehandling.
    public func reply(
        _ congress: Congress, _ number: String, unit: String, outcome: Outcome, planBy: Day?, text: String, on day: Day
    ) throws -> StepResult {
        let text = try requireText(text, flag: "--text")
        switch (outcome, planBy) {
        case (.b, nil): throw Failure.badValue("--plan-by: outcome B (正在解决或列入计划解决) needs the plan date")
        case (.b, let plan?) where plan < day: throw Failure.badValue("--plan-by: \(plan) is before the reply date \(day)")
        case (.a, _?), (.c, _?): throw Failure.badValue("--plan-by: only outcome B carries a plan date")
        default: break
        }
        return try legacyStep(congress, number, .reply, on: day) { c, result in
            guard unit == c.leadUnit else {
                throw Failure.ruleBroken("--unit: \(unit) is not the lead unit of \(number) (\(c.leadUnit ?? "none")); only the lead replies")
            }
            try connection.execute("""
                INSERT INTO reply (congress_id, suggestion_id, round, unit_code, outcome, plan_by, text, on_date)
                VALUES (\(congress.id), \(c.id), \(c.round), \(unit), \(outcome.rawValue), \(planBy), \(text), \(day))
                """)
            try meet(c, c.round == 1 ? "reply" : "rehandle", unit: unit, on: day)
            if let planBy {
                let clock = try legalClock(congress, from: planBy)
                let plan: Derivation
                do throws(LegalClock.Refusal) {
                    plan = try clock.given(planBy)
                } catch {
                    throw error.failure(flag: "--plan-by", kind: "plan")
                }
                try insertObligation(c, "plan", unit: unit, round: c.round, start: day, period: nil,
                                     policy: "plan date given in the reply: \(planBy)", due: plan.due)
                result.created.append(CreatedObligation(kind: "plan", unit: unit, due: plan.due))
            }
            let rating = try addObligation(c, "rating", unit: nil, round: c.round, from: day, setting: .ratingReminder,
                                           rules: try rules(congress, from: day), into: &result)
            try connection.execute("""
                UPDATE suggestion SET outcome = \(outcome.rawValue), plan_by = \(planBy), replied_on = \(day)
                WHERE congress_id = \(congress.id) AND suggestion_id = \(c.id)
                """)
            return (.replied, [("unit", .string(unit)), ("round", .int(c.round)), ("outcome", .string(outcome.rawValue)),
                               ("plan_by", .optional(planBy?.description)), ("rating_reminder", .string(rating.due.description)),
                               ("policy", .string(rating.policy))])
        }
    }

    /// 评价: the deputy rates the result and the attitude; decides what comes next.
    public func rate(
        _ congress: Congress, _ number: String, result: Satisfaction, attitude: Satisfaction?, comment: String, on day: Day
    ) throws -> StepResult {
        try RatingRule.check(result: result, attitude: attitude, comment: comment)
        let comment = try Text.optional(comment, field: "--comment", what: "the comment") ?? ""
        return try legacyStep(congress, number, .rate, on: day) { c, stepResult in
            guard let outcome = c.outcome else { throw Failure.ruleBroken("\(number) has no reply to rate") }
            try connection.execute("""
                INSERT INTO rating (congress_id, suggestion_id, round, result, attitude, comment, on_date)
                VALUES (\(congress.id), \(c.id), \(c.round), \(result.rawValue), \(attitude?.rawValue), \(comment), \(day))
                """)
            try meet(c, "rating", unit: nil, on: day)
            let next = RatingRule.nextState(round: c.round, result: result, outcome: outcome)
            var data: [(String, JSONValue)] = [("round", .int(c.round)), ("result", .string(result.rawValue)),
                                              ("attitude", .optional(attitude?.rawValue)), ("comment", .string(comment))]
            if next == .rehandling {
                try cancel(c, kinds: ["plan"], unit: nil, note: "superseded by rehandling", on: day)
                let again = try addObligation(c, "rehandle", unit: c.leadUnit, round: 2, from: day, setting: .rehandle,
                                              rules: try rules(congress, from: day), into: &stepResult)
                data += [("rehandle_due", .string(again.due.description)), ("policy", .string(again.policy))]
            }
            try connection.execute("""
                UPDATE suggestion SET rating_result = \(result.rawValue), rating_attitude = \(attitude?.rawValue),
                       round = \(next == .rehandling ? 2 : c.round)
                WHERE congress_id = \(congress.id) AND suggestion_id = \(c.id)
                """)
            return (next, data)
        }
    }

    /// 跟踪落实: progress on a B-class plan; `done` closes the case.
    public func followUp(_ congress: Congress, _ number: String, progress: String, done: Bool, on day: Day) throws -> StepResult {
        let progress = try requireText(progress, flag: "--progress")
        return try legacyStep(congress, number, .followUp, on: day) { c, _ in
            if done {
                try meet(c, "plan", unit: c.leadUnit, on: day)
                try connection.execute("UPDATE suggestion SET plan_done_on = \(day) WHERE congress_id = \(congress.id) AND suggestion_id = \(c.id)")
            }
            return (done ? .closed : .following, [("progress", .string(progress)), ("done", .bool(done))])
        }
    }
}
