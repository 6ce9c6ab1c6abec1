import Casework
import Postgres

extension Store {
    /// Every obligation of a case, in the order they were created.
    public func deadlines(_ congress: Congress, caseID: Int) throws -> [Deadline] {
        try connection.query("""
            SELECT o.obligation_no, o.kind, o.unit_code, o.round, o.start_on, o.period, r.plan_by, o.policy, o.due_on,
                   o.status, o.met_on, o.note
            FROM obligation o
            LEFT JOIN reply r ON o.kind = \(ObligationKind.plan) AND r.congress_id = o.congress_id AND r.suggestion_id = o.suggestion_id
                             AND r.round = o.round
            WHERE \(congress.scope("o")) AND o.suggestion_id = \(caseID) ORDER BY o.obligation_no
            """).rows.map { row in
            Deadline(
                number: try row.decode(Int.self, "obligation_no"), kind: try row.decode(ObligationKind.self, "kind"),
                unit: try row.decode(String?.self, "unit_code"), round: try row.decode(Int.self, "round"),
                start: try row.decode(Day.self, "start_on"), period: try row.decode(String?.self, "period").flatMap(Period.init),
                given: try row.decode(Day?.self, "plan_by"),
                policy: try row.decode(String.self, "policy"), due: try row.decode(Day.self, "due_on"),
                recordedStatus: try row.decode(ObligationStatus.self, "status"), metOn: try row.decode(Day?.self, "met_on"),
                note: try row.decode(String?.self, "note"))
        }
    }

    /// Each deadline of a case with its derivation on today's calendar. When the calendar
    /// has changed since the deadline was recorded, the recorded day stands and the
    /// derivation shows the difference.
    public func explain(_ congress: Congress, number: String) throws -> [(Deadline, Derivation)] {
        let deadlines = try self.deadlines(congress, caseID: try caseID(congress, number: number))
        guard let first = deadlines.map(\.start).min() else { return [] }
        let clock = LegalClock(calendar: try workCalendar(congress, years: first.year...(deadlines.map(\.due.year).max()! + 1)))
        return deadlines.map { ($0, clock.derivation(of: $0)) }
    }
}
