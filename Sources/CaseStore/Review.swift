import Casework
import Postgres

extension Store {
    /// 审查: accept a submitted suggestion.
    public func accept(_ congress: Congress, _ number: String, on day: Day) throws -> StepResult {
        try step(congress, number, .accept) { c in try c.accept(on: day, by: actor) }
    }

    /// 不予立案: reject a submitted suggestion, with the reason.
    public func reject(_ congress: Congress, _ number: String, reason: String, on day: Day) throws -> StepResult {
        let reason = try Text.required(reason, field: .reason)
        return try step(congress, number, .reject) { c in try c.reject(reason: reason, on: day, by: actor) }
    }

    /// The deputy withdraws the suggestion before it is assigned.
    public func withdraw(_ congress: Congress, _ number: String, reason: String, on day: Day) throws -> StepResult {
        let reason = try Text.required(reason, field: .reason)
        return try step(congress, number, .withdraw) { c in try c.withdraw(reason: reason, on: day, by: actor) }
    }

    /// 重点督办: marks a key suggestion with its supervising leader and committee.
    public func supervise(_ congress: Congress, _ number: String, leader: String?, committee: String?, on day: Day) throws -> StepResult {
        let leader = try Text.optional(leader, field: .leader)
        let committee = try Text.optional(committee, field: .committee)
        return try step(congress, number, .supervise) { c in
            try c.supervise(leader: leader, committee: committee, on: day, by: actor)
        } record: { c, _ in
            try connection.execute("""
                UPDATE suggestion SET is_key = true, key_leader = coalesce(\(leader), key_leader),
                       key_committee = coalesce(\(committee), key_committee)
                WHERE \(congress.scope(case: c.id))
                """)
        }
    }
}
