extension Connection {
    /// Runs `queries` in one round trip, like `pipeline`, with PostgreSQL told to reuse one
    /// generic plan for each prepared statement among them instead of planning it again on
    /// every execution.
    ///
    /// For the statements a web request repeats whose plan does not depend on their values: a
    /// page (`LIMIT $n OFFSET $m`) is the usual case. PostgreSQL costs a generic plan with a
    /// parameter for its limit as if a tenth of the rows were wanted, so the generic plan always
    /// looks dearer than a custom one, and the statement is planned afresh every time (0.3 to
    /// 0.5 ms for a unit's obligation page with row security), though the plan is the same.
    /// A predicate a partial index depends on must then be written into the text
    /// (`\(literal:)`): a generic plan cannot match `status = $3` to `WHERE status = 'open'`.
    ///
    /// `plan_cache_mode` is set for these statements only (SET LOCAL, in the same pipeline) and
    /// put back after them; outside a transaction the pipeline is one implicit transaction, so
    /// the setting never outlives it, and a failure rolls the setting back with everything else.
    ///
    /// Only when every one of them is prepared on this connection: an unprepared statement is
    /// planned for each execution anyway, and better with its values than without.
    public func pipelineWithGenericPlans(_ queries: [PostgresQuery]) throws -> [QueryResult] {
        let names = try queries.map(preparedName)
        guard !names.contains(nil) else { return try pipeline(queries, names: names) }
        let on = Self.genericPlansOn
        let results = try pipeline(on + queries + [Self.genericPlansOff],
                                   names: try on.map(preparedName) + names + [try preparedName(Self.genericPlansOff)])
        return Array(results.dropFirst(on.count).dropLast())
    }

    // Two statements, so that the old value is surely read before the new one is set. Fixed, so
    // that they are prepared with the statements between them rather than parsed every call.
    private static let genericPlansOn: [PostgresQuery] = [
        .fixed("SELECT set_config('jianyi.plan_cache_mode_was', current_setting('plan_cache_mode'), true)"),
        .fixed("SELECT set_config('plan_cache_mode', 'force_generic_plan', true)"),
    ]
    private static let genericPlansOff = PostgresQuery.fixed(
        "SELECT set_config('plan_cache_mode', current_setting('jianyi.plan_cache_mode_was'), true)")
}
