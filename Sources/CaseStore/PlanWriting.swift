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
        for cancellation in plan.cancel {
            try connection.execute("""
                UPDATE obligation SET status = \(ObligationStatus.cancelled), cancelled_on = \(day), note = \(cancellation.note)
                WHERE \(congress.scope(case: c.id)) AND obligation_no = ANY(\(cancellation.numbers)::integer[])
                """)
        }
        for o in plan.open {
            try connection.execute("""
                INSERT INTO obligation (congress_id, suggestion_id, obligation_no, kind, unit_code, round, start_on, period, policy, due_on)
                SELECT \(congress.id), \(c.id), coalesce(max(obligation_no), 0) + 1, \(o.kind), \(o.unit), \(o.round), \(o.start),
                       \(o.period?.description), \(o.policy), \(o.due)
                FROM obligation WHERE \(congress.scope(case: c.id))
                """)
        }
        try connection.execute("""
            UPDATE suggestion SET state = \(plan.next), updated_at = now(),
                   closed_on = CASE WHEN \(plan.next == .closed) THEN \(day) ELSE closed_on END
            WHERE \(congress.scope(case: c.id))
            """)
        try connection.execute("""
            INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor, data)
            SELECT \(congress.id), \(c.id), coalesce(max(event_no), 0) + 1, \(plan.eventKind), \(day), \(plan.actor),
                   \(plan.event.serialized())::jsonb
            FROM case_event WHERE \(congress.scope(case: c.id))
            """)
        logger.debug("\(plan.number): \(plan.step.rawValue) → \(plan.next.rawValue)")
    }
}
