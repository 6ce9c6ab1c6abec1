import Casework
import Postgres

/// A case row locked for one step (SELECT … FOR UPDATE), with the case as the step finds it:
/// a second person acting on the same case waits here, then sees the state the first one left.
struct LockedCase {
    let congress: Congress
    let id: Int
    let snapshot: CaseSnapshot
    /// Its deputy, co-signers and units, for the acting party's permission.
    let parties: CaseParties
}

/// An obligation a step created: its kind, the unit that owes it (nil for the deputy), its due day.
public struct CreatedObligation: Sendable, Equatable {
    public let kind: ObligationKind
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
    /// Runs one step in one transaction: locks and loads the case, refuses the step when the
    /// acting account's party may not take it on the case as locked (so a concurrent transfer
    /// cannot slip between the check and the write), asks Casework for the step's plan,
    /// records what the step keeps besides (`record`: a reply's text, the units of an
    /// assignment) and writes the plan.
    func step<Plan: CasePlan>(
        _ congress: Congress, _ number: String, _ kind: CaseStep,
        plan: (CaseSnapshot) throws -> Plan,
        record: (LockedCase, Plan) throws -> Void = { _, _ in }
    ) throws -> StepResult {
        try step(congress, number, permit: { try account?.party.requirePermission(kind, on: $0.parties) }, plan: plan, record: record)
    }

    /// `step` with the acting account's permission decided by `permit` (the draft steps).
    func step<Plan: CasePlan>(
        _ congress: Congress, _ number: String, permit: (LockedCase) throws -> Void,
        plan: (CaseSnapshot) throws -> Plan,
        record: (LockedCase, Plan) throws -> Void = { _, _ in }
    ) throws -> StepResult {
        try connection.retryingTransaction { _ in
            let locked = try lockCase(congress, number)
            try permit(locked)
            let planned = try plan(locked.snapshot)
            try record(locked, planned)
            let step = planned.stepPlan
            try write(step, locked)
            return StepResult(number: number, state: step.next,
                              created: step.open.map { CreatedObligation(kind: $0.kind, unit: $0.unit, due: $0.due) },
                              warnings: step.warnings)
        }
    }

    /// The settings and a calendar covering `start`'s year (or `last`'s, when later) and the
    /// years after it that the policy's longest period can reach (at least two).
    ///
    /// Acting as an account (a pooled web connection), the rules read are kept and reused until
    /// the congress's rules change (`RulesCache`).
    func rules(_ congress: Congress, from start: Day, through last: Day? = nil) throws -> Rules {
        let end = max(start, last ?? start)
        let key = RulesCache.Key(congress: congress.id, years: start.year...end.year)
        if let version = rulesVersion, let kept = rulesCache.rules(key, version: version) { return kept }
        let policy = try currentPolicy(congress)
        let through = min(Day.last.year, end.year + max(2, policy.yearsSpanned))
        let rules = Rules(policy: policy, clock: LegalClock(calendar: try workCalendar(congress, years: start.year...through)))
        if let version = rulesVersion { rulesCache.keep(rules, key, version: version) }
        return rules
    }
}
