import CaseStore
import Casework

// The JSON of the reports, as the CLI's `--format json` prints them and the API answers them.

/// One group of the satisfaction summary (`export satisfaction`): the measure keys (rates as
/// numbers, null when empty), then the numerators and denominators the CSV columns leave out.
public func measureJSON(_ m: Measures, extra: [(String, JSONValue)] = []) -> JSONValue {
    func rate(_ r: Rate) -> JSONValue { r.denominator == 0 ? .null : .raw(r.formatted) }
    return .object([
        ("group", .string(m.group)), ("group_name", .string(m.groupName)), ("cases", .int(m.cases)),
        ("replied", .int(m.replied)), ("replied_on_time", .int(m.repliedOnTime)), ("on_time_rate", rate(m.onTimeRate)),
        ("contacted", .int(m.contacted)), ("contact_rate", rate(m.contactRate)), ("rated", .int(m.rated)),
        ("satisfied", .int(m.satisfied)), ("basic", .int(m.basic)), ("dissatisfied", .int(m.dissatisfied)),
        ("satisfaction_rate", rate(m.satisfactionRate)), ("satisfied_rate", rate(m.satisfiedRate)),
        ("attitude_satisfaction_rate", rate(m.attitudeSatisfactionRate)),
        ("first_round_dissatisfied", .int(m.firstRoundDissatisfied)), ("outcome_a", .int(m.outcomeA)),
        ("outcome_b", .int(m.outcomeB)), ("outcome_c", .int(m.outcomeC)), ("resolution_rate", rate(m.resolutionRate)),
        ("attitude_rated", .int(m.attitudeRated)), ("attitude_satisfied", .int(m.attitudeSatisfied)),
        ("resolved", .int(m.resolved)), ("closed", .int(m.closed)), ("completion_rate", rate(m.completionRate)),
    ] + extra)
}

/// One run of the nightly overdue job (`overdue runs`).
public func overdueRunJSON(_ r: OverdueRun, _ clock: CongressClock) -> JSONValue {
    .object([("run_id", .int(r.id)), ("as_of", .string(r.asOf.description)), ("started_at", clock.json(r.startedAt)),
             ("finished_at", clock.json(r.finishedAt)), ("warn_days", .int(r.warnDays)), ("flags", .int(r.flags)),
             ("new_flags", .int(r.newFlags)), ("due_soon", .int(r.dueSoon)), ("overdue", .int(r.overdue)),
             ("severely_overdue", .int(r.severelyOverdue)), ("warnings", .array(r.warnings.map(JSONValue.string)))])
}

/// One obligation a unit owes (`GET /api/v1/me/obligations`).
public func owedObligationJSON(_ o: OwedObligation) -> JSONValue {
    .object([("number", .string(o.number)), ("title", .string(o.title)), ("obligation", .string(o.obligation.rawValue)),
             ("unit", .string(o.unit)), ("round", .int(o.round)), ("due", .string(o.due.description)),
             ("tier", .optional(o.tier?.rawValue)), ("days_overdue", .int(o.daysOverdue))])
}
