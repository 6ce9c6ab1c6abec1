import Casework
import Postgres

extension Store {
    /// Writes what every plan holds: the obligations it settles and opens, the state it
    /// leaves, and its event. What a step records besides is written before, by the step.
    func write(_ plan: StepPlan, _ c: LockedCase) throws {
        let congress = c.congress, day = plan.day
        if !plan.fulfil.isEmpty {
            try connection.execute("""
                UPDATE obligation SET status = \(ObligationStatus.met), met_on = \(day)
                WHERE \(congress.scope(case: c.id)) AND obligation_no = ANY(\(plan.fulfil)::integer[])
                """)
        }
        if !plan.cancel.isEmpty {
            let cancelled = plan.cancel.flatMap { cancellation in cancellation.numbers.map { ($0, cancellation.note) } }
            try connection.execute("""
                UPDATE obligation o SET status = \(ObligationStatus.cancelled), cancelled_on = \(day), note = x.note
                FROM unnest(\(cancelled.map(\.0))::integer[], \(cancelled.map(\.1))::text[]) AS x(no, note)
                WHERE \(congress.scope("o")) AND o.suggestion_id = \(c.id) AND o.obligation_no = x.no
                """)
        }
        if !plan.open.isEmpty {
            // One statement for all of them, numbered after the case's last obligation in the
            // plan's order. A unit or period that is absent goes as '' (array elements cannot
            // be NULL here); no code or period is ever empty.
            let open = plan.open
            try connection.execute("""
                INSERT INTO obligation (congress_id, suggestion_id, obligation_no, kind, unit_code, round, start_on, period, policy, due_on)
                SELECT \(congress.id), \(c.id), last.no + o.ord, o.kind, NULLIF(o.unit, ''), o.round, o.start_on::date,
                       NULLIF(o.period, ''), o.policy, o.due_on::date
                FROM (SELECT coalesce(max(obligation_no), 0) AS no FROM obligation WHERE \(congress.scope(case: c.id))) last,
                     unnest(\(open.map(\.kind.rawValue))::text[], \(open.map { $0.unit ?? "" })::text[], \(open.map(\.round))::integer[],
                            \(open.map(\.start.description))::text[], \(open.map { $0.period?.description ?? "" })::text[],
                            \(open.map(\.policy))::text[], \(open.map(\.due.description))::text[])
                         WITH ORDINALITY AS o(kind, unit, round, start_on, period, policy, due_on, ord)
                ORDER BY o.ord
                """)
        }
        if let settlement = plan.settlesDraft {
            try settle(settlement, of: c, on: day, by: plan.actor)
        }
        if !plan.keepsCaseRow {
            try connection.execute("""
                UPDATE suggestion SET state = \(plan.next), updated_at = now(),
                       closed_on = CASE WHEN \(plan.next == .closed) THEN \(day) ELSE closed_on END
                WHERE \(congress.scope(case: c.id))
                """)
        }
        try appendEvent(congress, caseID: c.id, plan.eventKind, on: day, by: plan.actor, plan.event)
        logger.debug("\(plan.number): \(plan.step.rawValue) → \(plan.next.rawValue)")
    }

    /// Appends an event to a case's history, numbered after its last.
    func appendEvent(_ congress: Congress, caseID: Int, _ kind: EventKind, on day: Day, by actor: String, _ data: JSONValue) throws {
        try connection.execute("""
            INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor, data)
            SELECT \(congress.id), \(caseID), coalesce(max(event_no), 0) + 1, \(kind), \(day), \(actor), \(data.serialized())::jsonb
            FROM case_event WHERE \(congress.scope(case: caseID))
            """)
    }
}
