import Casework
import Postgres

/// The 并案 columns of a case row `s`: the number of the case it was merged into
/// (`merged_into_number`), the numbers merged into it (`merged_in`), and the deputies who
/// raised those and their co-signers (`merged_deputies`, `merged_cosigners`), who see the
/// case and (the former) may rate it. Read as the actor reads them: under row security a
/// deputy finds only the merged cases it sees.
func mergedParties(_ s: StaticString) -> PostgresQuery {
    """
    \(mergeLinks(s)),
    ARRAY(SELECT m.deputy_code FROM suggestion m WHERE m.congress_id = \(unsafeRaw: s).congress_id AND m.merged_into = \(unsafeRaw: s).suggestion_id
          ORDER BY m.series, m.seq) AS merged_deputies,
    ARRAY(SELECT mc.deputy_code FROM suggestion m
          JOIN suggestion_cosigner mc ON mc.congress_id = m.congress_id AND mc.suggestion_id = m.suggestion_id
          WHERE m.congress_id = \(unsafeRaw: s).congress_id AND m.merged_into = \(unsafeRaw: s).suggestion_id
          ORDER BY m.series, m.seq, mc.position) AS merged_cosigners
    """
}

/// `merged_into_number` and `merged_in` of a case row `s` (what `show` reports).
func mergeLinks(_ s: StaticString) -> PostgresQuery {
    """
    (SELECT t.number FROM suggestion t WHERE t.congress_id = \(unsafeRaw: s).congress_id AND t.suggestion_id = \(unsafeRaw: s).merged_into)
        AS merged_into_number,
    ARRAY(SELECT m.number FROM suggestion m WHERE m.congress_id = \(unsafeRaw: s).congress_id AND m.merged_into = \(unsafeRaw: s).suggestion_id
          ORDER BY m.series, m.seq) AS merged_in
    """
}

extension Store {
    /// 并案: case `number` joins case `target` (Steps/Merge.swift decides). Both rows are locked,
    /// in number order so two merges crossing each other wait instead of deadlocking; the case
    /// merged is left `merged` and pointing at the target, and each case's history gets its
    /// event (`merged`, `merge_received`). The target's state is left as it is.
    public func merge(_ congress: Congress, _ number: String, into target: String, note: String?, on day: Day) throws -> StepResult {
        let note = try Text.optional(note, field: .note) ?? ""
        // An account that may not see the case is told it does not exist (404), one that sees
        // it but may not merge is refused (403), before the second case is looked up.
        if let account { try account.party.requirePermission(.merge, on: try caseParties(congress, number)) }
        return try connection.retryingTransaction { _ in
            let first = try lockCase(congress, min(number, target))
            let second = number == target ? first : try lockCase(congress, max(number, target))
            let (source, into) = number <= target ? (first, second) : (second, first)
            try account?.party.requirePermission(.merge, on: source.parties)
            let planned = try source.snapshot.merge(into: into.snapshot, note: note, on: day, by: actor)
            // State and pointer in one statement: the schema holds them together.
            try connection.execute("""
                UPDATE suggestion SET state = \(CaseState.merged), merged_into = \(into.id), updated_at = now()
                WHERE \(congress.scope(case: source.id))
                """)
            try write(planned.stepPlan, source)
            try connection.execute("UPDATE suggestion SET updated_at = now() WHERE \(congress.scope(case: into.id))")
            try appendEvent(congress, caseID: into.id, .mergeReceived, on: day, by: actor, planned.targetEvent)
            return StepResult(number: number, state: planned.stepPlan.next)
        }
    }
}
