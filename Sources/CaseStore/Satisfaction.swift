import Casework
import Postgres

/// How the satisfaction summary groups cases.
public enum Grouping: String, CaseIterable, Sendable {
    case unit, category, session, delegation, deputy
}

/// Which cases a summary counts: assigned cases, optionally of one session, key ones only,
/// or whose first reply falls in a date range; and the report's day, before which an
/// unreplied case's reply is past due.
public struct SummaryScope: Sendable {
    public var asOf: Day
    public var session: String?
    public var from: Day?
    public var to: Day?
    public var keyOnly = false

    public init(asOf: Day, session: String? = nil, from: Day? = nil, to: Day? = nil, keyOnly: Bool = false) {
        self.asOf = asOf
        self.session = session
        self.from = from
        self.to = to
        self.keyOnly = keyOnly
    }
}

extension Store {
    /// The measures of every group, in group order, computed by one set-based query and
    /// streamed to `body`.
    public func satisfaction(_ congress: Congress, by grouping: Grouping, scope: SummaryScope,
                             _ body: (Measures) throws -> Void) throws {
        try connection.forEachRow(Self.summaryQuery(congress, grouping, scope)) { row in
            var m = Measures(group: try row.decode(String.self, "grp"), groupName: try row.decode(String.self, "grp_name"))
            m.cases = try row.decode(Int.self, "cases")
            m.replied = try row.decode(Int.self, "replied")
            m.repliedOnTime = try row.decode(Int.self, "replied_on_time")
            m.unrepliedPastDue = try row.decode(Int.self, "unreplied_past_due")
            m.contacted = try row.decode(Int.self, "contacted")
            m.rated = try row.decode(Int.self, "rated")
            m.satisfied = try row.decode(Int.self, "satisfied")
            m.basic = try row.decode(Int.self, "basic")
            m.dissatisfied = try row.decode(Int.self, "dissatisfied")
            m.attitudeRated = try row.decode(Int.self, "attitude_rated")
            m.attitudeSatisfied = try row.decode(Int.self, "attitude_satisfied")
            m.firstRoundDissatisfied = try row.decode(Int.self, "first_round_dissatisfied")
            m.outcomeA = try row.decode(Int.self, "outcome_a")
            m.outcomeB = try row.decode(Int.self, "outcome_b")
            m.outcomeC = try row.decode(Int.self, "outcome_c")
            m.resolved = try row.decode(Int.self, "resolved")
            m.closed = try row.decode(Int.self, "closed")
            try body(m)
        }
    }

    /// The score weights this congress uses now.
    public func scoreWeights(_ congress: Congress) throws -> ScoreWeights {
        try currentPolicy(congress).scoreWeights
    }

    /// The facts behind the score of each of a unit's cases in scope (lead unit now), in
    /// number order: what `score units --explain` lists.
    public func scoredCases(_ congress: Congress, unit: String, scope: SummaryScope) throws -> [ScoredCase] {
        try connection.query("""
            \(Self.perCase(congress, .unit, scope))
            SELECT number, first_reply_on IS NOT NULL AS replied, coalesce(on_time, false) AS on_time, unreplied_past_due,
                   coalesce(contacted, false) AS contacted, rating_result IS NOT NULL AS rated,
                   coalesce(rating_result IN ('satisfied', 'basic'), false) AS satisfied_or_basic, resolved
            FROM per_case WHERE grp = \(unit)
            ORDER BY series, seq
            """).rows.map { row in
            var c = ScoredCase(number: try row.decode(String.self, "number"))
            c.replied = try row.decode(Bool.self, "replied")
            c.repliedOnTime = try row.decode(Bool.self, "on_time")
            c.unrepliedPastDue = try row.decode(Bool.self, "unreplied_past_due")
            c.contacted = try row.decode(Bool.self, "contacted")
            c.rated = try row.decode(Bool.self, "rated")
            c.satisfiedOrBasic = try row.decode(Bool.self, "satisfied_or_basic")
            c.resolved = try row.decode(Bool.self, "resolved")
            return c
        }
    }

    /// The cases in scope, one row each, all joins set-based, as they stood at the end of the
    /// report's day (`case_state_as_of`, Schema/0025: steps dated after it are not seen): per
    /// case, its first reply against the due day of its reply obligation (the one in force after
    /// any transfer), whether that reply is unmade though due before the report's day, its first
    /// contact on or before that reply (a contact counts until the deputy disputes it), the final
    /// and round-1 ratings and the latest outcome.
    static func perCase(_ congress: Congress, _ grouping: Grouping, _ scope: SummaryScope) -> PostgresQuery {
        """
        WITH reply_due AS (
            SELECT DISTINCT ON (o.suggestion_id) o.suggestion_id, o.due_on FROM obligation o
            WHERE \(congress.scope("o")) AND o.kind = \(ObligationKind.reply) AND \(obligationInForce("o", on: scope.asOf))
            ORDER BY o.suggestion_id, o.obligation_no DESC
        ), first_contact AS (
            SELECT c.suggestion_id, min(c.on_date) AS on_date FROM contact c \(joinContactAnswer)
            WHERE \(congress.scope("c")) AND c.on_date <= \(scope.asOf)
              AND (cc.answer IS DISTINCT FROM \(ContactConfirmation.disputed) OR cc.on_date > \(scope.asOf))
            GROUP BY c.suggestion_id
        ), per_case AS (
            SELECT CASE \(grouping.rawValue)
                        WHEN 'unit' THEN st.lead_unit
                        WHEN 'category' THEN s.category
                        WHEN 'session' THEN coalesce(s.session_code, 'recess')
                        WHEN 'delegation' THEN d.delegation
                        ELSE s.deputy_code END AS grp,
                   CASE \(grouping.rawValue) WHEN 'deputy' THEN d.name ELSE '' END AS grp_name,
                   s.number, s.series, s.seq,
                   fr.on_date AS first_reply_on,
                   fr.on_date <= rd.due_on AS on_time,
                   fr.on_date IS NULL AND coalesce(rd.due_on < \(scope.asOf), false) AS unreplied_past_due,
                   fc.on_date <= fr.on_date AS contacted,
                   st.rating_result, st.rating_attitude,
                   r1.result = 'dissatisfied' AS first_round_dissatisfied,
                   st.outcome, st.plan_done_on, st.state,
                   fr.on_date IS NOT NULL AND (st.outcome = 'A' OR (st.outcome = 'B' AND st.plan_done_on IS NOT NULL)) AS resolved
            FROM suggestion s
            \(joinCaseState(congress, asOf: scope.asOf))
            \(joinDeputy)
            LEFT JOIN reply fr ON \(sameCase("fr", "s")) AND fr.round = 1 AND fr.on_date <= \(scope.asOf)
            LEFT JOIN rating r1 ON \(sameCase("r1", "s")) AND r1.round = 1 AND r1.on_date <= \(scope.asOf)
            LEFT JOIN reply_due rd ON rd.suggestion_id = s.suggestion_id
            LEFT JOIN first_contact fc ON fc.suggestion_id = s.suggestion_id
            WHERE \(congress.scope("s")) AND st.assigned_on IS NOT NULL
              AND (\(scope.session)::text IS NULL OR s.session_code = \(scope.session))
              AND (NOT \(scope.keyOnly) OR st.is_key)
              AND (\(scope.from)::date IS NULL OR fr.on_date >= \(scope.from))
              AND (\(scope.to)::date IS NULL OR fr.on_date <= \(scope.to))
        )
        """
    }

    /// `perCase`, then one GROUP BY, and the units' names for the groups.
    static func summaryQuery(_ congress: Congress, _ grouping: Grouping, _ scope: SummaryScope) -> PostgresQuery {
        """
        \(perCase(congress, grouping, scope)), grouped AS (
            SELECT grp, min(grp_name) AS grp_name,
                   count(*) AS cases,
                   count(first_reply_on) AS replied,
                   count(*) FILTER (WHERE on_time) AS replied_on_time,
                   count(*) FILTER (WHERE unreplied_past_due) AS unreplied_past_due,
                   count(*) FILTER (WHERE contacted) AS contacted,
                   count(rating_result) AS rated,
                   count(*) FILTER (WHERE rating_result = 'satisfied') AS satisfied,
                   count(*) FILTER (WHERE rating_result = 'basic') AS basic,
                   count(*) FILTER (WHERE rating_result = 'dissatisfied') AS dissatisfied,
                   count(rating_attitude) AS attitude_rated,
                   count(*) FILTER (WHERE rating_attitude IN ('satisfied', 'basic')) AS attitude_satisfied,
                   count(*) FILTER (WHERE first_round_dissatisfied) AS first_round_dissatisfied,
                   count(*) FILTER (WHERE first_reply_on IS NOT NULL AND outcome = 'A') AS outcome_a,
                   count(*) FILTER (WHERE first_reply_on IS NOT NULL AND outcome = 'B') AS outcome_b,
                   count(*) FILTER (WHERE first_reply_on IS NOT NULL AND outcome = 'C') AS outcome_c,
                   count(*) FILTER (WHERE resolved) AS resolved,
                   count(*) FILTER (WHERE state = 'closed') AS closed
            FROM per_case
            GROUP BY grp
        )
        SELECT g.grp, coalesce(u.name, g.grp_name) AS grp_name, g.cases, g.replied, g.replied_on_time, g.unreplied_past_due,
               g.contacted, g.rated, g.satisfied, g.basic, g.dissatisfied, g.attitude_rated, g.attitude_satisfied,
               g.first_round_dissatisfied, g.outcome_a, g.outcome_b, g.outcome_c, g.resolved, g.closed
        FROM grouped g
        LEFT JOIN unit u ON \(grouping.rawValue) = 'unit' AND \(congress.scope("u")) AND u.code = g.grp
        ORDER BY g.grp
        """
    }
}
