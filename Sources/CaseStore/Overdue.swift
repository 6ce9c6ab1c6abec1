import Casework
import Postgres

/// One flag of a run: an open obligation in a tier on the as-of day.
public struct OverdueFlag: Sendable, Equatable {
    public let number: String
    public let title: String
    public let obligation: ObligationKind
    public let unit: String
    public let unitName: String
    public let due: Day
    /// As-of minus due, in calendar days (negative while it is only due soon).
    public let daysOverdue: Int
    public let tier: OverdueTier
    /// First seen by this run.
    public let isNew: Bool
}

/// What a run recorded.
public struct OverdueRun: Sendable, Equatable {
    public let id: Int
    public let asOf: Day
    public let warnDays: Int
    public let startedAt: Instant
    public let finishedAt: Instant?
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
    /// `beforeCommit` runs last inside it, after every flag: what the caller must finish for
    /// the run to count (files it wrote from the flags), else nothing is recorded.
    public func overdueRun(
        _ congress: Congress, asOf: Day, warnDays: Int?, wait: Bool,
        beforeCommit: () throws -> Void = {},
        _ body: (OverdueFlag) throws -> Void
    ) throws -> OverdueRun {
        try connection.transaction { connection in
            let key = 0x6A79_6F64_0000_0000 + Int64(congress.id)
            if wait {
                try connection.advisoryLock(key)
            } else if try !connection.tryAdvisoryLock(key) {
                throw OverdueRunError.inProgress(congress: congress.code)
            }
            let rules = try rules(congress, from: asOf)
            let warn = warnDays ?? rules.policy.count(.warnWorkingDays)
            let severe = rules.policy.count(.severeDays)
            let soonUntil = OverdueTier.soonUntil(asOf, warnDays: warn, rules.clock)
            let warnings = Self.calendarWarnings(rules.clock.calendar, asOf: asOf)
            let runID = try connection.query("""
                INSERT INTO overdue_run (congress_id, as_of, warn_days, warnings, actor)
                VALUES (\(congress.id), \(asOf), \(warn), \(warnings)::text[], \(actor)) RETURNING run_id
                """).rows[0].decode(Int.self, "run_id")
            try Self.tuneForSweep(connection)
            // One scan: the report marks a flag new when its obligation lacks the tier bit
            // (the bits are kept in step with overdue_flag under this run's lock), and the
            // new ones are recorded after it. A rerun has none, so it writes nothing.
            var tally: [OverdueTier: Int] = [:]
            var fresh = NewFlags()
            try forEachFlag(Self.report(congress, asOf: asOf, soonUntil: soonUntil, severe: severe), asOf: asOf) { flag, row, c in
                if flag.isNew {
                    fresh.append(suggestion: try row.decode(at: c.suggestion), obligation: try row.decode(at: c.obligation),
                                 tierBit: try row.decode(at: c.tierBit))
                }
                tally[flag.tier, default: 0] += 1
                try body(flag)
            }
            let recorded = try fresh.isEmpty ? 0 : record(fresh, congress: congress, run: runID, asOf: asOf)
            // Only a hand edit of overdue_flag or of the bits can make these differ; say so
            // rather than let the report's "new" and the run's count disagree in silence, and
            // rebuild every bit of the congress from the flags, not only tonight's.
            let stale = fresh.count - recorded
            var lateWarnings: [String] = []
            if stale > 0 {
                let rebuilt = try rebuildTierBits(congress)
                lateWarnings.append("""
                    \(stale) flag(s) reported as new had been recorded by an earlier run: obligation.flagged was out of \
                    step with overdue_flag; rebuilt it from the flags for \(rebuilt) obligation(s)
                    """)
            }
            let row = try connection.query("""
                UPDATE overdue_run SET finished_at = clock_timestamp(), flags = \(tally.values.reduce(0, +)), new_flags = \(recorded),
                       warnings = warnings || \(lateWarnings)::text[],
                       due_soon = \(tally[.dueSoon, default: 0]), overdue = \(tally[.overdue, default: 0]),
                       severely_overdue = \(tally[.severelyOverdue, default: 0])
                WHERE \(congress.scope) AND run_id = \(runID)
                RETURNING \(unsafeRaw: Self.runColumns)
                """).rows[0]
            logger.debug("overdue run \(runID) for \(asOf): \(tally.map { "\($0.key.rawValue): \($0.value)" }.sorted()) new \(recorded)")
            let run = try Self.run(row)
            try beforeCommit()
            return run
        }
    }

    /// One run, by its id (65 when the congress has none such).
    public func overdueRun(_ congress: Congress, id: Int) throws -> OverdueRun {
        guard let row = try connection.query("""
            SELECT \(unsafeRaw: Self.runColumns) FROM overdue_run WHERE \(congress.scope) AND run_id = \(id)
            """).rows.first else {
            throw OverdueRunError.noSuchRun(id: id, congress: congress.code)
        }
        return try Self.run(row)
    }

    /// Streams the flags a past run reported, in the order it reported them, each new when that
    /// run recorded it: what the run's digests were written from. They are found again from
    /// the run's day, its warning window and the flags recorded up to it, so they are the same
    /// unless, since the run, a step dated on or before its day was recorded, or the policy's
    /// severe_days, the calendar or a unit's name changed.
    public func overdueFlags(_ congress: Congress, of run: OverdueRun, _ body: (OverdueFlag) throws -> Void) throws {
        try connection.transaction(.repeatableRead) { connection in
            let rules = try rules(congress, from: run.asOf)
            let query = Self.replay(
                congress, run: run.id, asOf: run.asOf,
                soonUntil: OverdueTier.soonUntil(run.asOf, warnDays: run.warnDays, rules.clock), severe: rules.policy.count(.severeDays))
            try forEachFlag(query, asOf: run.asOf) { flag, _, _ in try body(flag) }
        }
    }

    /// Runs a report query (`report` or `replay`) and hands each row to `body` as a flag,
    /// with the row and where its columns are.
    private func forEachFlag(_ query: PostgresQuery, asOf: Day, _ body: (OverdueFlag, Row, ReportColumns) throws -> Void) throws {
        var at: ReportColumns?
        try connection.forEachRow(query) { row in
            let c = try at ?? ReportColumns(row.columns)
            at = c
            let due: Day = try row.decode(at: c.due)
            let flag = OverdueFlag(
                number: try row.decode(at: c.number), title: try row.decode(at: c.title), obligation: try row.decode(at: c.kind),
                unit: try row.decode(at: c.unit), unitName: try row.decode(at: c.unitName), due: due,
                daysOverdue: due.days(until: asOf), tier: try row.decode(at: c.tier), isNew: try row.decode(at: c.isNew))
            try body(flag, row, c)
        }
    }

    /// The most recent runs, newest first.
    public func overdueRuns(_ congress: Congress, limit: Int = 20) throws -> [OverdueRun] {
        try connection.query("""
            SELECT \(unsafeRaw: Self.runColumns) FROM overdue_run WHERE \(congress.scope)
            ORDER BY run_id DESC LIMIT \(limit)
            """).rows.map(Self.run)
    }

    /// Warns when the as-of day, or any day of the next 60, is in a year the calendar lacks
    /// (the rules' calendar covers the as-of year and the two after it).
    static func calendarWarnings(_ calendar: WorkCalendar, asOf: Day) -> [String] {
        calendar.missingYears(asOf.year...min(asOf.adding(days: 60).year, Day.years.upperBound)).map {
            "the calendar has no \($0) holiday notice (needed within 60 days of \(asOf)): load it with jianyi calendar import"
        }
    }

    /// Where the report's columns are, found once: a run reads them on every one of its rows.
    private struct ReportColumns {
        let number, title, kind, unit, unitName, due, tier, isNew, tierBit, suggestion, obligation: Int

        init(_ columns: Columns) throws {
            number = try columns.position(of: "number"); title = try columns.position(of: "title")
            kind = try columns.position(of: "kind"); unit = try columns.position(of: "unit_code")
            unitName = try columns.position(of: "unit_name"); due = try columns.position(of: "due_on")
            tier = try columns.position(of: "tier")
            isNew = try columns.position(of: "new"); tierBit = try columns.position(of: "tier_bit")
            suggestion = try columns.position(of: "suggestion_id"); obligation = try columns.position(of: "obligation_no")
        }
    }

    /// The flags a run saw for the first time, as columns for `unnest`.
    private struct NewFlags {
        var suggestions: [Int] = []
        var obligations: [Int32] = []
        var tierBits: [Int32] = []
        var isEmpty: Bool { suggestions.isEmpty }
        var count: Int { suggestions.count }

        mutating func append(suggestion: Int, obligation: Int32, tierBit: Int32) {
            suggestions.append(suggestion)
            obligations.append(obligation)
            tierBits.append(tierBit)
        }
    }

    /// Sets the new flags' tier bits and records each flag once (the unique key decides),
    /// in one statement; returns how many flags were recorded.
    private func record(_ fresh: NewFlags, congress: Congress, run: Int, asOf: Day) throws -> Int {
        try connection.query("""
            WITH marked AS (
                UPDATE obligation o SET flagged = o.flagged | k.bit
                FROM unnest(\(fresh.suggestions)::bigint[], \(fresh.obligations)::integer[], \(fresh.tierBits)::integer[])
                     AS k(suggestion_id, obligation_no, bit)
                WHERE \(congress.scope("o")) AND o.suggestion_id = k.suggestion_id AND o.obligation_no = k.obligation_no
                RETURNING o.suggestion_id, o.obligation_no, o.unit_code, k.bit
            ), recorded AS (
                INSERT INTO overdue_flag (congress_id, suggestion_id, obligation_no, tier, unit_code, run_id, as_of)
                -- The inverse of overdue_tier_bit: the run carries bits, not tier names, to keep
                -- a first run's memory small (a name like severely_overdue is a heap string).
                SELECT \(congress.id), suggestion_id, obligation_no,
                       CASE bit WHEN 1 THEN 'due_soon' WHEN 2 THEN 'overdue' ELSE 'severely_overdue' END,
                       unit_code, \(run), \(asOf)
                FROM marked
                ON CONFLICT DO NOTHING
                RETURNING 1
            )
            SELECT count(*) AS n FROM recorded
            """).rows[0].decode(Int.self, "n")
    }

    /// Sets every obligation's tier bits to the flags it has; returns how many changed.
    private func rebuildTierBits(_ congress: Congress) throws -> Int {
        try connection.execute("""
            UPDATE obligation o SET flagged = coalesce(f.bits, 0)
            FROM obligation x
            LEFT JOIN (SELECT suggestion_id, obligation_no, bit_or(overdue_tier_bit(tier))::smallint AS bits
                       FROM overdue_flag WHERE \(congress.scope) GROUP BY suggestion_id, obligation_no) f
                   ON f.suggestion_id = x.suggestion_id AND f.obligation_no = x.obligation_no
            WHERE \(congress.scope("x")) AND o.congress_id = x.congress_id AND o.suggestion_id = x.suggestion_id
              AND o.obligation_no = x.obligation_no AND o.flagged IS DISTINCT FROM coalesce(f.bits, 0)
            """)
    }

    /// For this transaction only: the report's cost estimate crosses the JIT threshold at a
    /// million cases, and compiling it (about 35 ms) saves nothing on a plan that runs once.
    /// (A larger work_mem was slower: the in-memory sort of the flags missed the CPU cache
    /// where the external merge of 4 MB runs did not.)
    private static func tuneForSweep(_ connection: Connection) throws {
        _ = try connection.query("SELECT set_config('jit', 'off', true)")
    }

    /// The report of a run, read-only so PostgreSQL may scan in parallel: every flag of the
    /// day, new when its obligation has not yet been flagged for that tier.
    static func report(_ congress: Congress, asOf: Day, soonUntil: Day, severe: Int) -> PostgresQuery {
        """
        SELECT s.number, s.title, t.kind, t.unit_code, u.name AS unit_name, t.due_on,
               t.tier, t.flagged & t.tier_bit = 0 AS new,
               -- What recording a new flag needs, sent for new flags only: most nights have few.
               CASE WHEN t.flagged & t.tier_bit = 0 THEN t.suggestion_id END AS suggestion_id,
               CASE WHEN t.flagged & t.tier_bit = 0 THEN t.obligation_no END AS obligation_no,
               CASE WHEN t.flagged & t.tier_bit = 0 THEN t.tier_bit END AS tier_bit
        FROM overdue_tiers(\(congress.id)::integer, \(asOf), \(soonUntil), \(severe)::integer) t
        JOIN suggestion s ON \(congress.scope("s")) AND s.suggestion_id = t.suggestion_id
        JOIN unit u ON \(congress.scope("u")) AND u.code = t.unit_code
        ORDER BY t.unit_code, t.due_on, s.series, s.seq, t.obligation_no
        """
    }

    /// The report of a past run: the flags of its day that were recorded by it (new) or by a
    /// run before it, with the columns and order of `report`. (A flag of the day recorded by
    /// no run up to it was not seen by it: a step recorded since, dated back.)
    static func replay(_ congress: Congress, run: Int, asOf: Day, soonUntil: Day, severe: Int) -> PostgresQuery {
        """
        SELECT s.number, s.title, t.kind, t.unit_code, u.name AS unit_name, t.due_on, t.tier, f.run_id = \(run) AS new,
               t.suggestion_id, t.obligation_no, t.tier_bit
        FROM overdue_tiers(\(congress.id)::integer, \(asOf), \(soonUntil), \(severe)::integer) t
        JOIN overdue_flag f ON \(congress.scope("f")) AND f.suggestion_id = t.suggestion_id
                           AND f.obligation_no = t.obligation_no AND f.tier = t.tier AND f.run_id <= \(run)
        JOIN suggestion s ON \(congress.scope("s")) AND s.suggestion_id = t.suggestion_id
        JOIN unit u ON \(congress.scope("u")) AND u.code = t.unit_code
        ORDER BY t.unit_code, t.due_on, s.series, s.seq, t.obligation_no
        """
    }

    static let runColumns: StaticString = """
        run_id, as_of, warn_days, floor(extract(epoch FROM started_at))::bigint AS started_at,
        floor(extract(epoch FROM finished_at))::bigint AS finished_at, flags, new_flags, due_soon, overdue,
        severely_overdue, warnings
        """

    static func run(_ row: Row) throws -> OverdueRun {
        OverdueRun(
            id: try row.decode(Int.self, "run_id"), asOf: try row.decode(Day.self, "as_of"),
            warnDays: try row.decode(Int.self, "warn_days"), startedAt: try row.decode(Instant.self, "started_at"),
            finishedAt: try row.decode(Instant?.self, "finished_at"), flags: try row.decode(Int.self, "flags"),
            newFlags: try row.decode(Int.self, "new_flags"), dueSoon: try row.decode(Int.self, "due_soon"),
            overdue: try row.decode(Int.self, "overdue"), severelyOverdue: try row.decode(Int.self, "severely_overdue"),
            warnings: try row.decode([String].self, "warnings"))
    }
}
