@testable import CaseStore
import Casework
import Postgres
import Testing

@Suite struct OverduePlanTests {
    /// PostgreSQL keeps a query out of parallel plans when any function in it is PARALLEL
    /// UNSAFE, which is every function's label unless it says otherwise; the nightly report
    /// reads a million cases and needs the workers.
    @Test func theNightlyReportMayRunInParallel() throws {
        let f = try Fixture()
        // force_parallel_mode (debug_parallel_query from PostgreSQL 16) puts a Gather over
        // every plan that is allowed to run in parallel, however small.
        let forced = try f.store.connection.query("""
            SELECT set_config(name, 'on', false) AS value FROM pg_settings
            WHERE name IN ('force_parallel_mode', 'debug_parallel_query')
            """).rows
        #expect(forced.count == 1)
        let report = Store.report(f.congress, asOf: Day("2024-05-01")!, soonUntil: Day("2024-05-15")!, severe: 30)
        let plan = try f.store.connection.query("EXPLAIN (COSTS OFF) " + report)
            .rows.compactMap { $0.values.first ?? nil }
        #expect(plan.first?.contains("Gather") == true, "plan: \(plan.joined(separator: " | "))")
    }
}
