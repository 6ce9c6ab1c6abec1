import Casework
import Postgres

/// Which cases `export cases` writes: of one session, and/or submitted within a span of days.
public struct CaseSelection: Sendable, Equatable {
    public var session: String?
    public var from: Day?
    public var to: Day?

    public init(session: String? = nil, from: Day? = nil, to: Day? = nil) {
        self.session = session
        self.from = from
        self.to = to
    }
}

extension Store {
    /// Hands on every selected case as its `CaseExchange` record, by number (series, then
    /// sequence), one row at a time as PostgreSQL sends it (single-row mode): a million cases
    /// pass through in constant memory. Each value is PostgreSQL's text of the field, nil for
    /// null; a code list is `;`-separated, a list is its jsonb text. An unknown session is
    /// refused (65) rather than exported as nothing.
    public func exportCases(_ congress: Congress, _ selection: CaseSelection, each: ([String?]) throws -> Void) throws {
        // One snapshot: a case stepped during a long export is written as it stood at the start.
        try connection.transaction(.repeatableRead) { connection in
            if let session = selection.session {
                let known = try connection.query("SELECT 1 FROM session WHERE \(congress.scope) AND code = \(session)").rows
                if known.isEmpty { throw LookupError.unknownSession(session, congress: congress.code) }
            }
            var filter: PostgresQuery = ""
            if let session = selection.session { filter += " AND s.session_code = \(session)" }
            if let from = selection.from { filter += " AND s.submitted_on >= \(from)" }
            if let to = selection.to { filter += " AND s.submitted_on <= \(to)" }
            var checked = false
            try connection.forEachRow(Self.caseRecords(congress, filter: filter)) { row in
                if !checked {
                    // The query and the layout are written apart; a field in one and not the
                    // other would shift every value after it.
                    precondition(row.columns.names == CaseExchange.names, "export cases: the query's columns are not the layout's")
                    checked = true
                }
                try each(row.values)
            }
        }
    }

    /// A moment as the layout writes it: UTC, microseconds, whatever the session's time zone.
    private static func instant(_ column: StaticString) -> PostgresQuery {
        "to_char(\(unsafeRaw: column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
    }

    /// One row per case, its columns in `CaseExchange.fields` order (checked on the first
    /// row). The lists are jsonb, so their text is the same whenever the rows are: an export,
    /// an import of it and an export again give the same bytes.
    static func caseRecords(_ congress: Congress, filter: PostgresQuery) -> PostgresQuery {
        """
        SELECT \(CaseExchange.formatVersion)::text AS format_version, s.number, s.ref, s.title, s.body,
               s.deputy_code AS deputy,
               (SELECT coalesce(string_agg(c.deputy_code, ';' ORDER BY c.position), '') FROM suggestion_cosigner c
                WHERE \(sameCase("c", "s"))) AS cosigners,
               s.session_code AS session, s.channel, s.station, s.category, s.submitted_on::text AS submitted_on,
               s.state, s.is_key::text AS key, s.key_leader, s.key_committee, s.lead_unit, s.complex::text AS complex,
               s.assigned_on::text AS assigned_on, s.round::text AS round, s.outcome, s.plan_by::text AS plan_by,
               s.plan_done_on::text AS plan_done_on, s.replied_on::text AS replied_on, s.rating_result, s.rating_attitude,
               s.closed_on::text AS closed_on, \(instant("s.registered_at")) AS registered_at,
               \(instant("s.updated_at")) AS updated_at,
               (SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'unit', a.unit_code, 'role', a.role, 'assigned_on', a.assigned_on, 'ended_on', a.ended_on)
                       ORDER BY a.assigned_on, a.role DESC, a.unit_code), '[]')::text
                FROM assignment a WHERE \(sameCase("a", "s"))) AS units,
               (SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'no', o.obligation_no, 'obligation', o.kind, 'unit', o.unit_code, 'round', o.round,
                           'start_on', o.start_on, 'period', o.period, 'policy', o.policy, 'due', o.due_on,
                           'status', o.status, 'met_on', o.met_on, 'cancelled_on', o.cancelled_on, 'note', o.note,
                           'flagged', o.flagged)
                       ORDER BY o.obligation_no), '[]')::text
                FROM obligation o WHERE \(sameCase("o", "s"))) AS deadlines,
               (SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'no', t.request_no, 'unit', t.unit_code, 'reason', t.reason, 'requested_on', t.requested_on,
                           'decision', t.decision, 'decided_on', t.decided_on, 'to_unit', t.to_unit, 'note', t.decision_note)
                       ORDER BY t.request_no), '[]')::text
                FROM transfer_request t WHERE \(sameCase("t", "s"))) AS transfer_requests,
               (SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'no', k.contact_no, 'unit', k.unit_code, 'mode', k.mode, 'on', k.on_date, 'note', k.note)
                       ORDER BY k.contact_no), '[]')::text
                FROM contact k WHERE \(sameCase("k", "s"))) AS contacts,
               (SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'contact_no', f.contact_no, 'answer', f.answer, 'on', f.on_date, 'note', f.note)
                       ORDER BY f.contact_no), '[]')::text
                FROM contact_confirmation f WHERE \(sameCase("f", "s"))) AS contact_confirmations,
               (SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'round', r.round, 'unit', r.unit_code, 'outcome', r.outcome, 'plan_by', r.plan_by,
                           'text', r.text, 'on', r.on_date)
                       ORDER BY r.round), '[]')::text
                FROM reply r WHERE \(sameCase("r", "s"))) AS replies,
               (SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'round', g.round, 'result', g.result, 'attitude', g.attitude, 'comment', g.comment, 'on', g.on_date)
                       ORDER BY g.round), '[]')::text
                FROM rating g WHERE \(sameCase("g", "s"))) AS ratings,
               (SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'no', e.event_no, 'kind', e.kind, 'on', e.on_date, 'recorded_at', \(instant("e.recorded_at")),
                           'actor', e.actor, 'data', e.data)
                       ORDER BY e.event_no), '[]')::text
                FROM case_event e WHERE \(sameCase("e", "s"))) AS history
        FROM suggestion s
        WHERE \(congress.scope("s"))\(filter)
        ORDER BY s.series, s.seq
        """
    }
}
