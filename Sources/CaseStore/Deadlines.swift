import Casework
import Postgres

extension Store {
    /// Every obligation of a case, in the order they were created.
    public func deadlines(_ congress: Congress, caseID: Int) throws -> [Deadline] {
        try connection.query("""
            SELECT obligation_no, kind, unit_code, round, start_on, period, policy, due_on, status, met_on, note
            FROM obligation WHERE congress_id = \(congress.id) AND suggestion_id = \(caseID) ORDER BY obligation_no
            """).rows.map { row in
            Deadline(
                number: try row.decode(Int.self, "obligation_no"), kind: try row.decode(String.self, "kind"),
                unit: try row.decode(String?.self, "unit_code"), round: try row.decode(Int.self, "round"),
                start: try row.decode(Day.self, "start_on"), period: try row.decode(String?.self, "period").flatMap(Period.init),
                policy: try row.decode(String.self, "policy"), due: try row.decode(Day.self, "due_on"),
                recordedStatus: try row.decode(String.self, "status"), metOn: try row.decode(Day?.self, "met_on"),
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
        return deadlines.map { deadline in
            (deadline, deadline.period.map { clock.due(from: deadline.start, $0) } ?? clock.given(Self.planDate(deadline)))
        }
    }

    /// The plan date as the reply gave it (kept in the policy text), before any rest-day move.
    static func planDate(_ deadline: Deadline) -> Day {
        deadline.policy.split(separator: " ").last.flatMap { Day($0) } ?? deadline.due
    }
}
