import CaseStore
import Casework

// The JSON of the reports, as the CLI's `--format json` prints them and the API answers them.

/// One group of the satisfaction summary (`export satisfaction`): the measure keys (rates as
/// numbers, null when empty), then the numerators and denominators the CSV columns leave out.
public func measureJSON(_ m: Measures, extra: [(String, JSONValue)] = []) -> JSONValue {
    let rate = rateJSON
    return .object([
        ("group", .string(m.group)), ("group_name", .string(m.groupName)), ("cases", .int(m.cases)),
        ("replied", .int(m.replied)), ("replied_on_time", .int(m.repliedOnTime)), ("unreplied_past_due", .int(m.unrepliedPastDue)),
        ("on_time_rate", rate(m.onTimeRate)), ("replied_on_time_rate", rate(m.repliedOnTimeRate)),
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

/// A rate as a number with four places, null when there is nothing to divide by.
public func rateJSON(_ r: Rate) -> JSONValue { r.denominator == 0 ? .null : .raw(r.formatted) }

/// One unit of `score units --format json`: its measures, then its score, its rank (null when
/// it has too few rated cases to rank: `insufficient_sample`) and the rates counted as 0.
public func unitScoreJSON(_ s: UnitScore) -> JSONValue {
    measureJSON(s.measures, extra: [("score", .raw(s.formattedScore)), ("rank", s.rank.map(JSONValue.int) ?? .null),
                                    ("insufficient_sample", .bool(s.insufficientSample)),
                                    ("empty_rates", .array(s.emptyRates.map(JSONValue.string)))])
}

/// The weights of the score, by term.
public func scoreWeightsJSON(_ w: ScoreWeights) -> JSONValue {
    .object([("on_time", .number(w.onTime)), ("contact", .number(w.contact)),
             ("satisfaction", .number(w.satisfaction)), ("resolution", .number(w.resolution))])
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

/// `score units --explain UNIT --format json`: the unit's score, each term with its weight,
/// rate, points and the case numbers of its numerator and denominator.
public func explanationJSON(_ e: ScoreExplanation, asOf: Day, minRated: Int) -> JSONValue {
    let s = e.score
    let terms = e.terms.map { t in
        JSONValue.object([
            ("rate", .string(t.part.term.rawValue)), ("weight", .number(t.part.weight)), ("value", rateJSON(t.part.rate)),
            ("numerator", .int(t.part.rate.numerator)), ("denominator", .int(t.part.rate.denominator)),
            ("points", .raw(UnitScore.twoPlaces(t.part.points))),
            ("numerator_cases", .array(t.numeratorCases.map(JSONValue.string))),
            ("denominator_cases", .array(t.denominatorCases.map(JSONValue.string))),
        ])
    }
    return .object([
        ("unit", .string(s.measures.group)), ("unit_name", .string(s.measures.groupName)), ("as_of", .string(asOf.description)),
        ("score", .raw(s.formattedScore)), ("rank", s.rank.map(JSONValue.int) ?? .null),
        ("insufficient_sample", .bool(s.insufficientSample)), ("rated", .int(s.measures.rated)), ("min_rated_cases", .int(minRated)),
        ("terms", .array(terms)),
    ])
}
