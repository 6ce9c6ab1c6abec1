import Casework
import Postgres

/// An open obligation a unit owes, with how urgent it is on a day.
public struct OwedObligation: Sendable, Equatable {
    public let number: String
    public let title: String
    public let obligation: ObligationKind
    public let unit: String
    public let round: Int
    public let due: Day
    /// As of the day asked about (OverdueTier.of, the nightly job's rule); nil while the due
    /// day is beyond the warning window.
    public let tier: OverdueTier?
    /// The day asked about minus the due day, in calendar days (negative: days left).
    public let daysOverdue: Int
}

/// One page of a list, and how many items all its pages hold.
public struct Paged<Item: Sendable>: Sendable {
    public let items: [Item]
    public let total: Int
}

extension Store {
    /// The reply, opinion, rehandle and plan obligations `unit` owes and has not met, most
    /// urgent first (due day, case number, the order the case opened them), tiered as of
    /// `asOf` with the policy's warning window and severe_days: one page of them, and how
    /// many there are. Read as the unit, row security keeps it to the cases the unit is on.
    public func owedObligations(_ congress: Congress, unit: String, asOf: Day, page: Page) throws -> Paged<OwedObligation> {
        let owed: PostgresQuery = """
            \(congress.scope("o")) AND o.unit_code = \(unit) AND o.status = \(literal: ObligationStatus.open)
            AND o.kind = ANY(\(OverdueTier.watched)::text[])
            """
        let rules = try rules(congress, from: asOf)
        let soonUntil = OverdueTier.soonUntil(asOf, warnDays: rules.policy.count(.warnWorkingDays), rules.clock)
        let severe = rules.policy.count(.severeDays)
        // The count and the page in one round trip: the page is read even when the offset is
        // past the end (it is then empty), which costs less than a second trip. Both keep one
        // generic plan per connection: their plan does not depend on the unit or the page, and
        // with the page's LIMIT as a parameter PostgreSQL would otherwise plan them every time.
        let results = try connection.pipelineWithGenericPlans([
            "SELECT count(*) AS n FROM obligation o WHERE " + owed,
            """
            SELECT s.number, s.title, o.kind, o.unit_code, o.round, o.start_on, o.due_on
            FROM obligation o JOIN suggestion s ON \(sameCase("s", "o"))
            WHERE
            """ + " " + owed + " ORDER BY o.due_on, s.series, s.seq, o.obligation_no" + page.clause,
        ])
        let total = try results[0].rows[0].decode(Int.self, "n")
        let rows = results[1].rows
        let items = try rows.map { row in
            let kind = try row.decode(ObligationKind.self, "kind")
            let due = try row.decode(Day.self, "due_on")
            return OwedObligation(
                number: try row.decode(String.self, "number"), title: try row.decode(String.self, "title"), obligation: kind,
                unit: try row.decode(String.self, "unit_code"), round: try row.decode(Int.self, "round"), due: due,
                tier: OverdueTier.of(kind: kind, start: try row.decode(Day.self, "start_on"), due: due, status: .open, ended: nil,
                                     asOf: asOf, soonUntil: soonUntil, severeDays: severe),
                daysOverdue: due.days(until: asOf))
        }
        return Paged(items: items, total: total)
    }
}
