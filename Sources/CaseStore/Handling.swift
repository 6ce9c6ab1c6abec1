import Casework
import Postgres

/// A case row locked for one step (SELECT … FOR UPDATE), with the case as the step finds it:
/// a second person acting on the same case waits here, then sees the state the first one left.
struct LockedCase {
    let congress: Congress
    let id: Int
    let snapshot: CaseSnapshot

    var number: String { snapshot.number }
    var state: CaseState { snapshot.state }
    var round: Int { snapshot.round }
    var leadUnit: String? { snapshot.leadUnit }
    var complex: Bool { snapshot.complex }
    var outcome: Outcome? { snapshot.outcome }
}

/// An obligation a step created: its kind, the unit that owes it (nil for the deputy), its due day.
public struct CreatedObligation: Sendable, Equatable {
    public let kind: String
    public let unit: String?
    public let due: Day
}

/// What a step did, for the command to report.
public struct StepResult: Sendable, Equatable {
    public let number: String
    public internal(set) var state: CaseState
    public internal(set) var created: [CreatedObligation] = []
    /// Calendar years the deadline counting needed but the calendar lacks.
    public internal(set) var warnings: [String] = []
}

extension Store {
    /// Runs one step in one transaction: locks and loads the case, asks Casework for the
    /// step's plan, records what the step keeps besides (`record`: a reply's text, the units
    /// of an assignment) and writes the plan.
    func step<Plan: CasePlan>(
        _ congress: Congress, _ number: String,
        plan: (CaseSnapshot) throws -> Plan,
        record: (LockedCase, Plan) throws -> Void = { _, _ in }
    ) throws -> StepResult {
        try connection.retryingTransaction { _ in
            let locked = try lockCase(congress, number)
            let planned = try plan(locked.snapshot)
            try record(locked, planned)
            let step = planned.stepPlan
            try write(step, locked)
            return StepResult(number: number, state: step.next,
                              created: step.open.map { CreatedObligation(kind: $0.kind, unit: $0.unit, due: $0.due) },
                              warnings: step.warnings)
        }
    }

    /// The old way, while steps move to plans one by one.
    func legacyStep(
        _ congress: Congress, _ number: String, _ step: CaseStep, on day: Day,
        _ body: (LockedCase, inout StepResult) throws -> (next: CaseState, data: [(String, JSONValue)])
    ) throws -> StepResult {
        try connection.retryingTransaction { connection in
            let locked = try lockCase(congress, number)
            try CaseStep.check(step, number: number, state: locked.state)
            try StepDate.checkOrder(day, after: locked.snapshot.previousStep, number: number)
            var result = StepResult(number: number, state: locked.state)
            let (next, data) = try body(locked, &result)
            try connection.execute("""
                UPDATE suggestion SET state = \(next.rawValue), updated_at = now(),
                       closed_on = CASE WHEN \(next.rawValue) = 'closed' THEN \(day) ELSE closed_on END
                WHERE congress_id = \(congress.id) AND suggestion_id = \(locked.id)
                """)
            if next == .closed {
                try connection.execute("""
                    UPDATE obligation SET status = 'cancelled', cancelled_on = \(day), note = 'case closed'
                    WHERE congress_id = \(congress.id) AND suggestion_id = \(locked.id) AND status = 'open'
                      AND kind <> 'transfer_window'
                    """)
            }
            let payload = JSONValue.object(data + [("state", .string(next.rawValue))])
            try connection.execute("""
                INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor, data)
                SELECT \(congress.id), \(locked.id), coalesce(max(event_no), 0) + 1, \(step.eventKind), \(day), \(actor),
                       \(payload.serialized())::jsonb
                FROM case_event WHERE congress_id = \(congress.id) AND suggestion_id = \(locked.id)
                """)
            logger.debug("\(number): \(step.rawValue) → \(next.rawValue)")
            result.state = next
            return result
        }
    }

    /// The settings and a calendar covering `start`'s year and the two after it, which holds
    /// every period the policy allows to start that year (the longest are months).
    func rules(_ congress: Congress, from start: Day) throws -> Rules {
        Rules(policy: try currentPolicy(congress), clock: try legalClock(congress, from: start))
    }

    func legalClock(_ congress: Congress, from start: Day) throws -> LegalClock {
        LegalClock(calendar: try workCalendar(congress, years: start.year...(start.year + 2)))
    }

    /// Records an obligation counted from `start` by the congress's current `setting`.
    @discardableResult
    func addObligation(
        _ c: LockedCase, _ kind: String, unit: String?, round: Int, from start: Day, setting: PolicySetting,
        rules: Rules, into result: inout StepResult
    ) throws -> (due: Day, policy: String) {
        let period = rules.policy.period(setting)
        let derivation: Derivation
        do throws(LegalClock.Refusal) {
            derivation = try rules.clock.due(from: start, period)
        } catch {
            throw error.failure(flag: "--on", kind: kind)
        }
        let policy = "\(setting.rawValue) = \(period)"
        try insertObligation(c, kind, unit: unit, round: round, start: start, period: period.description, policy: policy, due: derivation.due)
        result.created.append(CreatedObligation(kind: kind, unit: unit, due: derivation.due))
        for year in derivation.missingYears where !result.warnings.contains(where: { $0.contains(String(year)) }) {
            result.warnings.append("the calendar has no \(year) holiday notice: \(year) was counted with weekends only (jianyi calendar import)")
        }
        return (derivation.due, policy)
    }

    func insertObligation(_ c: LockedCase, _ kind: String, unit: String?, round: Int, start: Day, period: String?, policy: String, due: Day) throws {
        try connection.execute("""
            INSERT INTO obligation (congress_id, suggestion_id, obligation_no, kind, unit_code, round, start_on, period, policy, due_on)
            SELECT \(c.congress.id), \(c.id), coalesce(max(obligation_no), 0) + 1, \(kind), \(unit), \(round), \(start), \(period), \(policy), \(due)
            FROM obligation WHERE congress_id = \(c.congress.id) AND suggestion_id = \(c.id)
            """)
    }

    /// Marks the open obligations of a kind (and unit) as met on `day`; returns how many.
    @discardableResult
    func meet(_ c: LockedCase, _ kind: String, unit: String?, on day: Day) throws -> Int {
        try connection.execute("""
            UPDATE obligation SET status = 'met', met_on = \(day)
            WHERE congress_id = \(c.congress.id) AND suggestion_id = \(c.id) AND kind = \(kind) AND status = 'open'
              AND unit_code IS NOT DISTINCT FROM \(unit)
            """)
    }

    func cancel(_ c: LockedCase, kinds: [String], unit: String?, note: String, on day: Day) throws {
        try connection.execute("""
            UPDATE obligation SET status = 'cancelled', cancelled_on = \(day), note = \(note)
            WHERE congress_id = \(c.congress.id) AND suggestion_id = \(c.id) AND status = 'open'
              AND kind = ANY(\(kinds)::text[]) AND (\(unit)::text IS NULL OR unit_code = \(unit))
            """)
    }

    /// The role of a unit currently on the case, or nil.
    func activeRole(_ c: LockedCase, unit: String) throws -> String? {
        try connection.query("""
            SELECT role FROM assignment
            WHERE congress_id = \(c.congress.id) AND suggestion_id = \(c.id) AND unit_code = \(unit) AND ended_on IS NULL
            """).rows.first?.decode(String.self, "role")
    }

    /// Fails naming the first code that is not a unit of the congress.
    func requireUnits(_ congress: Congress, _ codes: [String], flag: String) throws {
        let unknown = try connection.query("""
            SELECT u.code FROM unnest(\(codes)::text[]) WITH ORDINALITY AS u(code, position)
            WHERE NOT EXISTS (SELECT 1 FROM unit WHERE congress_id = \(congress.id) AND code = u.code)
            ORDER BY u.position LIMIT 1
            """).rows.first?.decode(String.self, "code")
        if let unknown { throw Failure.ruleBroken("\(flag): \(unknown) is not a unit of \(congress.code)") }
    }
}

extension LegalClock.Refusal {
    /// The refusal as a step reports it (exit 65): the flag whose day was counted from, and
    /// which deadline could not be.
    func failure(flag: String, kind: String) -> Failure {
        .ruleBroken("\(flag): the \(kind) deadline, \(self)")
    }
}

/// A step's required text (a reason, a reply, progress): trimmed, or refused naming the flag.
func requireText(_ text: String, flag: String) throws -> String {
    try Text.required(text, field: flag)
}
