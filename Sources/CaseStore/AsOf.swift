import Casework
import Postgres

/// What every report says about itself (issue 16): the day its figures stand at, when it was
/// made, and how many steps dated on or before that day were recorded only after it, which a
/// figure published on that day could not have counted.
public struct AsOfStamp: Sendable, Equatable {
    public let asOf: Day
    public let madeAt: Instant
    /// The day the report was made, as the command counts today (what the page's heading says).
    public let madeOn: Day
    public let lateEntries: Int
}

/// `case_state_as_of(congress, day)` (Schema/0025): each case of the congress as it stood at
/// the end of `day`, with the suggestion row's state columns, to be joined by `suggestion_id`.
func caseStateAsOf(_ congress: Congress, _ day: Day) -> PostgresQuery {
    "case_state_as_of(\(congress.id)::integer, \(day)::date)"
}

/// `st`, the case of `s` as it stood at the end of `day`; nothing when `day` is nil (now).
func joinCaseState(_ congress: Congress, asOf day: Day?) -> PostgresQuery {
    day.map { "JOIN \(caseStateAsOf(congress, $0)) st ON st.suggestion_id = s.suggestion_id" } ?? ""
}

/// Where a case's state columns are read: `s` itself now, `joinCaseState`'s `st` as of a day.
func stateSource(asOf day: Day?) -> PostgresQuery {
    day == nil ? "s" : "st"
}

/// An assignment `a` in force at the end of `day` (made by then and not yet ended by a
/// transfer); now when nil: not ended.
func assignmentActive(_ a: StaticString, on day: Day?) -> PostgresQuery {
    guard let day else { return "\(unsafeRaw: a).ended_on IS NULL" }
    return "\(unsafeRaw: a).assigned_on <= \(day) AND (\(unsafeRaw: a).ended_on IS NULL OR \(unsafeRaw: a).ended_on > \(day))"
}

/// An obligation `o` that a step dated on or before `day` had opened and none had cancelled
/// by then (met or not); now when nil: not cancelled.
func obligationInForce(_ o: StaticString, on day: Day?) -> PostgresQuery {
    guard let day else { return "\(unsafeRaw: o).status <> \(ObligationStatus.cancelled)" }
    return """
    \(unsafeRaw: o).start_on <= \(day)
    AND (\(unsafeRaw: o).status <> \(ObligationStatus.cancelled) OR \(unsafeRaw: o).cancelled_on > \(day))
    """
}

/// `mergeLinks(s)` as of the end of `day` (now when nil), beside `joinCaseState`'s `st`: a
/// merge is for good (a merged case takes no step of its own), so the case was merged then
/// when its state then was `merged`, and a case had been merged into it when that one's
/// `merged` step is dated by then.
func mergeLinks(_ s: StaticString, asOf day: Day?) -> PostgresQuery {
    guard let day else { return mergeLinks(s) }
    return """
    CASE WHEN st.state = \(CaseState.merged) THEN
        (SELECT t.number FROM suggestion t WHERE t.congress_id = \(unsafeRaw: s).congress_id AND t.suggestion_id = \(unsafeRaw: s).merged_into)
    END AS merged_into_number,
    ARRAY(SELECT m.number FROM suggestion m WHERE m.congress_id = \(unsafeRaw: s).congress_id AND m.merged_into = \(unsafeRaw: s).suggestion_id
            AND EXISTS (SELECT 1 FROM case_event e WHERE \(sameCase("e", "m")) AND e.kind = \(EventKind.merged) AND e.on_date <= \(day))
          ORDER BY m.series, m.seq) AS merged_in
    """
}

extension Store {
    /// The stamp of a report as of `day`, made now: `madeAt` on the database's clock (as
    /// `recorded_at`, which the late entries are told apart by), `madeOn` the day the command
    /// counts as today (--today's, in tests and demos; otherwise the same day).
    public func asOfStamp(_ congress: Congress, asOf day: Day, madeOn: Day) throws -> AsOfStamp {
        let row = try connection.query("""
            SELECT floor(extract(epoch FROM now()))::bigint AS made_at,
                   late_entries_as_of(\(congress.id)::integer, \(day)::date) AS late
            """).rows[0]
        return AsOfStamp(asOf: day, madeAt: try row.decode(Instant.self, "made_at"), madeOn: madeOn,
                         lateEntries: try row.decode(Int.self, "late"))
    }
}
