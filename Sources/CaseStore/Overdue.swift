import Casework
import Postgres

/// One flag of a run: an open obligation in a tier on the as-of day.
public struct OverdueFlag: Sendable, Equatable {
    public let number: String
    public let title: String
    public let obligation: String
    public let unit: String
    public let unitName: String
    public let due: Day
    /// As-of minus due, in calendar days (negative while it is only due soon).
    public let daysOverdue: Int
    public let tier: String
    /// First seen by this run.
    public let isNew: Bool
}

/// What a run recorded.
public struct OverdueRun: Sendable, Equatable {
    public let id: Int
    public let asOf: Day
    public let warnDays: Int
    public let startedAt: String
    public let finishedAt: String?
    public let flags: Int
    public let newFlags: Int
    public let dueSoon: Int
    public let overdue: Int
    public let severelyOverdue: Int
    public let warnings: [String]
}

extension Store {
    /// The nightly sweep (督办): finds every reply, opinion, rehandle and plan obligation open on
    /// `asOf` that is due within `warnDays` working days or past due, records each flag the first
    /// time any run sees it, records the run, and streams the flags (by unit, due day, number)
    /// to `body`. One run per congress at a time: a second waits, or with `wait: false` fails
    /// with `.tryLater`. Everything is one transaction: if `body` throws, nothing is recorded.
    public func overdueRun(
        _ congress: Congress, asOf: Day, warnDays: Int?, wait: Bool,
        _ body: (OverdueFlag) throws -> Void
    ) throws -> OverdueRun {
        try connection.transaction { connection in
            let key = 0x6A79_6F64_0000_0000 + Int64(congress.id)
            if wait {
                try connection.advisoryLock(key)
            } else if try !connection.tryAdvisoryLock(key) {
                throw Failure(.tryLater, "another overdue run for \(congress.code) is working; try again later (or drop --no-wait to wait for it)")
            }
            let rules = try rules(congress, from: asOf)
            let warn = warnDays ?? rules.policy.count(.warnWorkingDays)
            let severe = rules.policy.count(.severeDays)
            let soonUntil = warn > 0 ? rules.clock.due(from: asOf, Period(warn, .workingDays)).due : asOf
            let warnings = Self.calendarWarnings(rules.clock.calendar, asOf: asOf)
            let runID = try connection.query("""
                INSERT INTO overdue_run (congress_id, as_of, warn_days, warnings, actor)
                VALUES (\(congress.id), \(asOf), \(warn), \(warnings)::text[], \(actor)) RETURNING run_id
                """).rows[0].decode(Int.self, "run_id")
            // New flags: those whose tier bit the obligation lacks; the unique key stays the
            // guarantee, the bit only spares probing it for flags known since earlier nights.
            let fresh = try connection.query("""
                WITH recorded AS (
                    INSERT INTO overdue_flag (congress_id, suggestion_id, obligation_no, tier, unit_code, run_id, as_of)
                    SELECT \(congress.id), suggestion_id, obligation_no, tier, unit_code, \(runID), \(asOf)
                    FROM overdue_tiers(\(congress.id)::integer, \(asOf), \(soonUntil), \(severe)::integer)
                    WHERE flagged & tier_bit = 0
                    ON CONFLICT DO NOTHING
                    RETURNING suggestion_id, obligation_no, overdue_tier_bit(tier) AS bit
                ), marked AS (
                    UPDATE obligation o SET flagged = o.flagged | r.bit
                    FROM recorded r
                    WHERE o.congress_id = \(congress.id) AND o.suggestion_id = r.suggestion_id AND o.obligation_no = r.obligation_no
                )
                SELECT count(*) AS n FROM recorded
                """).rows[0].decode(Int.self, "n")
            var tally: [String: Int] = [:]
            try connection.forEachRow(Self.report(congress: congress.id, asOf: asOf, soonUntil: soonUntil, severe: severe, run: runID)) { row in
                let flag = OverdueFlag(
                    number: try row.decode(String.self, "number"), title: try row.decode(String.self, "title"),
                    obligation: try row.decode(String.self, "kind"), unit: try row.decode(String.self, "unit_code"),
                    unitName: try row.decode(String.self, "unit_name"), due: try row.decode(Day.self, "due_on"),
                    daysOverdue: try row.decode(Int.self, "days_overdue"), tier: try row.decode(String.self, "tier"),
                    isNew: try row.decode(Bool.self, "new"))
                tally[flag.tier, default: 0] += 1
                try body(flag)
            }
            let row = try connection.query("""
                UPDATE overdue_run SET finished_at = clock_timestamp(), flags = \(tally.values.reduce(0, +)), new_flags = \(fresh),
                       due_soon = \(tally["due_soon", default: 0]), overdue = \(tally["overdue", default: 0]),
                       severely_overdue = \(tally["severely_overdue", default: 0])
                WHERE congress_id = \(congress.id) AND run_id = \(runID)
                RETURNING \(unsafeRaw: Self.runColumns)
                """).rows[0]
            logger.debug("overdue run \(runID) for \(asOf): \(tally) new \(fresh)")
            return try Self.run(row)
        }
    }

    /// The most recent runs, newest first.
    public func overdueRuns(_ congress: Congress, limit: Int = 20) throws -> [OverdueRun] {
        try connection.query("""
            SELECT \(unsafeRaw: Self.runColumns) FROM overdue_run WHERE congress_id = \(congress.id)
            ORDER BY run_id DESC LIMIT \(limit)
            """).rows.map(Self.run)
    }

    /// Warns when the as-of day, or any day of the next 60, is in a year the calendar lacks
    /// (the rules' calendar covers the as-of year and the two after it).
    static func calendarWarnings(_ calendar: WorkCalendar, asOf: Day) -> [String] {
        (asOf.year...asOf.adding(days: 60).year).filter { !calendar.holds(year: $0) }.map {
            "the calendar has no \($0) holiday notice (needed within 60 days of \(asOf)): load it with jianyi calendar import"
        }
    }

    /// The report of a run, read-only so PostgreSQL may scan in parallel: every flag of the
    /// day, marked new when this run recorded it.
    static func report(congress: Int, asOf: Day, soonUntil: Day, severe: Int, run: Int) -> PostgresQuery {
        """
        SELECT s.number, s.title, t.kind, t.unit_code, u.name AS unit_name, t.due_on,
               \(asOf) - t.due_on AS days_overdue, t.tier, (f.run_id IS NOT NULL) AS new
        FROM overdue_tiers(\(congress)::integer, \(asOf), \(soonUntil), \(severe)::integer) t
        JOIN suggestion s ON s.congress_id = \(congress) AND s.suggestion_id = t.suggestion_id
        JOIN unit u ON u.congress_id = \(congress) AND u.code = t.unit_code
        LEFT JOIN overdue_flag f ON f.congress_id = \(congress) AND f.run_id = \(run)
             AND f.suggestion_id = t.suggestion_id AND f.obligation_no = t.obligation_no AND f.tier = t.tier
        ORDER BY t.unit_code, t.due_on, s.series, s.seq, t.obligation_no
        """
    }

    static let runColumns: StaticString = """
        run_id, as_of, warn_days, to_char(started_at, 'YYYY-MM-DD HH24:MI:SS') AS started_at,
        to_char(finished_at, 'YYYY-MM-DD HH24:MI:SS') AS finished_at, flags, new_flags, due_soon, overdue,
        severely_overdue, warnings
        """

    static func run(_ row: Row) throws -> OverdueRun {
        OverdueRun(
            id: try row.decode(Int.self, "run_id"), asOf: try row.decode(Day.self, "as_of"),
            warnDays: try row.decode(Int.self, "warn_days"), startedAt: try row.decode(String.self, "started_at"),
            finishedAt: try row.decode(String?.self, "finished_at"), flags: try row.decode(Int.self, "flags"),
            newFlags: try row.decode(Int.self, "new_flags"), dueSoon: try row.decode(Int.self, "due_soon"),
            overdue: try row.decode(Int.self, "overdue"), severelyOverdue: try row.decode(Int.self, "severely_overdue"),
            warnings: try row.decode([String].self, "warnings"))
    }
}
