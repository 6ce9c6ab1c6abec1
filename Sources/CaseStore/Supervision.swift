import Casework
import Postgres

/// What the 主任会议 reviews each month (`report supervision`), as the cases stood at the end
/// of `asOf` by the dates their steps carry.
public struct SupervisionReport: Sendable {
    public let month: Month
    /// The month's last day, or today while the month is still running.
    public let asOf: Day
    /// The last day of the month before, the state counts are compared with.
    public let previousEnd: Day
    /// Days past due at which an obligation is severely overdue (severe_days).
    public let severeDays: Int
    /// Every state a case stood in on either day, in the life's order.
    public let states: [StateCount]
    /// Replies dated in the month, per unit: most late first.
    public let replies: [UnitReplies]
    /// Obligations past due at the end of `asOf`, per unit: the longest overdue first.
    public let overdue: [UnitOverdue]
    public let key: [KeyCase]
    /// Cases registered by `asOf` that repeat an earlier one, each with the earlier cases.
    public let repeated: [RepeatedCase]
    /// Units owing replies that fell due, none of which they made.
    public let silent: [SilentUnit]
}

public struct StateCount: Sendable, Equatable {
    public let state: CaseState
    public let previous: Int
    public let current: Int
}

public struct UnitReplies: Sendable, Equatable {
    public let unit: String
    public let unitName: String
    public let replies: Int
    public let onTime: Int
    public let late: Int
}

public struct OverdueItem: Sendable, Equatable {
    public let number: String
    public let title: String
    public let obligation: ObligationKind
    public let due: Day
    public let daysOverdue: Int
    public let tier: OverdueTier
}

public struct UnitOverdue: Sendable, Equatable {
    public let unit: String
    public let unitName: String
    /// The longest overdue first.
    public let items: [OverdueItem]
    public var severe: Int { items.filter { $0.tier == .severelyOverdue }.count }
    public var longest: Int { items.map(\.daysOverdue).max() ?? 0 }
}

/// A key suggestion (重点建议) as it stood: who leads its supervision and how far it got.
public struct KeyCase: Sendable, Equatable {
    public let number: String
    public let title: String
    public let deputy: String
    public let leader: String?
    public let committee: String?
    public let state: CaseState
    public let leadUnit: String?
    public let leadUnitName: String?
    public let outcome: Outcome?
    public let repliedOn: Day?
    public let rating: Satisfaction?
    /// The longest any of its obligations is overdue, if one is.
    public let daysOverdue: Int?
}

public struct SilentUnit: Sendable, Equatable {
    public let unit: String
    public let unitName: String
    /// Replies fallen due and unmade.
    public let due: Int
    public let earliestDue: Day
}

extension Store {
    /// The monthly supervision report of `month` as of `asOf` (its last day, or an earlier day
    /// while it runs). One transaction, so every part reads the same data.
    public func supervision(_ congress: Congress, month: Month, asOf: Day) throws -> SupervisionReport {
        let previousEnd = month.first.adding(days: -1)
        let severe = try currentPolicy(congress).count(.severeDays)
        return try connection.transaction(.repeatableRead) { connection in
            let states = try connection.query(Self.stateCounts(congress, asOf, previousEnd)).rows.map { row in
                StateCount(state: try row.decode(CaseState.self, "state"), previous: try row.decode(Int.self, "before_count"),
                           current: try row.decode(Int.self, "now_count"))
            }.sorted { CaseState.allCases.firstIndex(of: $0.state)! < CaseState.allCases.firstIndex(of: $1.state)! }
            let replies = try connection.query(Self.monthReplies(congress, month.first, asOf)).rows.map { row in
                UnitReplies(unit: try row.decode(String.self, "unit_code"), unitName: try row.decode(String.self, "unit_name"),
                            replies: try row.decode(Int.self, "replies"), onTime: try row.decode(Int.self, "on_time"),
                            late: try row.decode(Int.self, "late"))
            }
            let overdue = try Self.overdueByUnit(connection.query(Self.overdueAt(congress, asOf, severe)).rows)
            let longest = Dictionary(overdue.flatMap(\.items).map { ($0.number, $0.daysOverdue) }, uniquingKeysWith: { max($0, $1) })
            let key = try connection.query(Self.keyCases(congress, asOf)).rows.map { row in
                let number = try row.decode(String.self, "number")
                return KeyCase(number: number, title: try row.decode(String.self, "title"), deputy: try row.decode(String.self, "deputy_name"),
                               leader: try row.decode(String?.self, "leader"), committee: try row.decode(String?.self, "committee"),
                               state: try row.decode(CaseState.self, "state"), leadUnit: try row.decode(String?.self, "lead_unit"),
                               leadUnitName: try row.decode(String?.self, "lead_unit_name"), outcome: try row.decode(Outcome?.self, "outcome"),
                               repliedOn: try row.decode(Day?.self, "replied_on"), rating: try row.decode(Satisfaction?.self, "rating"),
                               daysOverdue: longest[number])
            }
            let silent = try connection.query(Self.silentUnits(congress, asOf)).rows.map { row in
                SilentUnit(unit: try row.decode(String.self, "unit_code"), unitName: try row.decode(String.self, "unit_name"),
                           due: try row.decode(Int.self, "due"), earliestDue: try row.decode(Day.self, "earliest_due"))
            }
            return SupervisionReport(month: month, asOf: asOf, previousEnd: previousEnd, severeDays: severe, states: states,
                                     replies: replies, overdue: overdue, key: key,
                                     repeated: try repeated(congress, session: nil, asOf: asOf), silent: silent)
        }
    }

    /// The state each case stood in at the end of `day`, by the dates its steps carry (the
    /// `--as-of` reconstruction, `case_state_as_of`). Cases registered after `day` have no row.
    static func caseStatesAt(_ congress: Congress, _ day: Day) -> PostgresQuery {
        "SELECT st.suggestion_id, st.state FROM \(caseStateAsOf(congress, day)) st"
    }

    static func stateCounts(_ congress: Congress, _ day: Day, _ previous: Day) -> PostgresQuery {
        """
        WITH now_ AS (\(caseStatesAt(congress, day))), before_ AS (\(caseStatesAt(congress, previous)))
        SELECT state, sum(n)::integer AS now_count, sum(b)::integer AS before_count FROM (
            SELECT state, 1 AS n, 0 AS b FROM now_
            UNION ALL SELECT state, 0, 1 FROM before_
        ) t GROUP BY state
        """
    }

    /// Replies dated from `first` to `last`, per unit, each on time or late against the due
    /// day of the obligation it met (the round's reply, or the rehandling in round 2).
    static func monthReplies(_ congress: Congress, _ first: Day, _ last: Day) -> PostgresQuery {
        """
        SELECT r.unit_code, u.name AS unit_name, count(*)::integer AS replies,
               count(*) FILTER (WHERE r.on_date <= o.due_on)::integer AS on_time,
               count(*) FILTER (WHERE r.on_date > o.due_on)::integer AS late
        FROM reply r
        JOIN unit u ON \(congress.scope("u")) AND u.code = r.unit_code
        LEFT JOIN LATERAL (
            SELECT o.due_on FROM obligation o
            WHERE \(sameCase("o", "r")) AND o.unit_code = r.unit_code AND o.status <> \(ObligationStatus.cancelled)
              AND o.kind = CASE r.round WHEN 1 THEN \(ObligationKind.reply)::text ELSE \(ObligationKind.rehandle)::text END
            ORDER BY o.obligation_no DESC LIMIT 1
        ) o ON true
        WHERE \(congress.scope("r")) AND r.on_date BETWEEN \(first) AND \(last)
        GROUP BY r.unit_code, u.name
        ORDER BY late DESC, replies DESC, r.unit_code
        """
    }

    /// The obligations past due at the end of `day` (the overdue sweep's own definition,
    /// `overdue_tiers`, with no warning window).
    static func overdueAt(_ congress: Congress, _ day: Day, _ severe: Int) -> PostgresQuery {
        """
        SELECT t.unit_code, u.name AS unit_name, s.number, s.title, t.kind, t.due_on, t.tier,
               (\(day)::date - t.due_on)::integer AS days
        FROM overdue_tiers(\(congress.id)::integer, \(day), \(day.adding(days: -1)), \(severe)::integer) t
        JOIN suggestion s ON \(congress.scope("s")) AND s.suggestion_id = t.suggestion_id
        JOIN unit u ON \(congress.scope("u")) AND u.code = t.unit_code
        ORDER BY t.unit_code, t.due_on, s.series, s.seq, t.obligation_no
        """
    }

    /// Rows of `overdueAt` grouped per unit: the unit overdue longest first, then the one with
    /// more, then by code.
    static func overdueByUnit(_ rows: [Row]) throws -> [UnitOverdue] {
        var units: [UnitOverdue] = []
        var current: (unit: String, name: String, items: [OverdueItem])?
        func flush() {
            if let c = current { units.append(UnitOverdue(unit: c.unit, unitName: c.name, items: c.items)) }
        }
        for row in rows {
            let unit = try row.decode(String.self, "unit_code")
            if current?.unit != unit {
                flush()
                current = (unit, try row.decode(String.self, "unit_name"), [])
            }
            current?.items.append(OverdueItem(number: try row.decode(String.self, "number"), title: try row.decode(String.self, "title"),
                                              obligation: try row.decode(ObligationKind.self, "kind"), due: try row.decode(Day.self, "due_on"),
                                              daysOverdue: try row.decode(Int.self, "days"), tier: try row.decode(OverdueTier.self, "tier")))
        }
        flush()
        return units.sorted {
            if $0.longest != $1.longest { return $0.longest > $1.longest }
            if $0.items.count != $1.items.count { return $0.items.count > $1.items.count }
            return $0.unit < $1.unit
        }
    }

    /// Cases marked key (重点督办) on or before `day`, with the leader and committee last named
    /// by then, and how far each had got: its state, lead unit, latest reply and rating.
    static func keyCases(_ congress: Congress, _ day: Day) -> PostgresQuery {
        """
        WITH keyed AS (
            SELECT e.suggestion_id,
                   (array_agg(e.data->>'leader' ORDER BY e.event_no DESC) FILTER (WHERE e.data->>'leader' IS NOT NULL))[1] AS leader,
                   (array_agg(e.data->>'committee' ORDER BY e.event_no DESC) FILTER (WHERE e.data->>'committee' IS NOT NULL))[1] AS committee
            FROM case_event e
            WHERE \(congress.scope("e")) AND e.kind = \(EventKind.supervised) AND e.on_date <= \(day)
            GROUP BY e.suggestion_id
        ), st AS (\(caseStatesAt(congress, day)))
        SELECT s.number, s.title, d.name AS deputy_name, k.leader, k.committee, st.state,
               a.unit_code AS lead_unit, u.name AS lead_unit_name, r.outcome, r.on_date AS replied_on, rt.result AS rating
        FROM keyed k
        JOIN suggestion s ON \(congress.scope("s")) AND s.suggestion_id = k.suggestion_id
        \(joinDeputy)
        JOIN st ON st.suggestion_id = k.suggestion_id
        LEFT JOIN LATERAL (
            SELECT a.unit_code FROM assignment a
            WHERE \(sameCase("a", "s")) AND a.role = \(AssignmentRole.lead) AND \(assignmentActive("a", on: day))
            ORDER BY a.assigned_on DESC LIMIT 1
        ) a ON true
        LEFT JOIN unit u ON \(congress.scope("u")) AND u.code = a.unit_code
        LEFT JOIN LATERAL (
            SELECT r.outcome, r.on_date FROM reply r WHERE \(sameCase("r", "s")) AND r.on_date <= \(day) ORDER BY r.round DESC LIMIT 1
        ) r ON true
        LEFT JOIN LATERAL (
            SELECT rt.result FROM rating rt WHERE \(sameCase("rt", "s")) AND rt.on_date <= \(day) ORDER BY rt.round DESC LIMIT 1
        ) rt ON true
        ORDER BY s.series, s.seq
        """
    }

    /// Units with replies (round 1 or rehandling) fallen due before `day` and not cancelled by
    /// then, none of which they had made by the end of it: the one overdue longest first.
    static func silentUnits(_ congress: Congress, _ day: Day) -> PostgresQuery {
        """
        SELECT o.unit_code, u.name AS unit_name, count(*)::integer AS due, min(o.due_on) AS earliest_due
        FROM obligation o
        JOIN unit u ON \(congress.scope("u")) AND u.code = o.unit_code
        WHERE \(congress.scope("o")) AND o.kind IN (\(ObligationKind.reply), \(ObligationKind.rehandle))
          AND o.start_on <= \(day) AND o.due_on < \(day) AND (o.cancelled_on IS NULL OR o.cancelled_on > \(day))
        GROUP BY o.unit_code, u.name
        HAVING count(*) FILTER (WHERE o.met_on <= \(day)) = 0
        ORDER BY earliest_due, due DESC, o.unit_code
        """
    }
}
