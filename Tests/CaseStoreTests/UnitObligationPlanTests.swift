@testable import CaseStore
import Casework
import Postgres
import Testing

/// A unit's list of what it owes is the web's most repeated read: its two statements keep one
/// generic plan per pooled connection instead of being planned on every request.
@Suite struct UnitObligationPlanTests {
    let d = { (text: String) in Day(text)! }

    @Test func theCountAndThePageArePlannedOncePerConnection() throws {
        let f = try Fixture()
        for _ in 0..<3 {
            _ = try f.store.assign(f.congress, try f.acceptedCase(), lead: "ZJJ", co: [], complex: false, on: d("2024-02-01"))
        }
        let web = try f.webStore()
        web.prepareStatements()
        let unit = Account(login: "zjj-clerk", congress: "LL", party: .unit("ZJJ"))
        let congress = try web.congress("LL")
        for offset in 0..<7 {
            let (page, mode) = try web.acting(as: unit) { store in
                let page = try store.owedObligations(congress, unit: "ZJJ", asOf: d("2024-03-01"), page: Page(limit: 2, offset: offset))
                // Inside the request's transaction, where a setting left behind would stay.
                return (page, try store.connection.query("SELECT current_setting('plan_cache_mode') AS m").rows[0]["m"])
            }
            #expect(mode == "auto")
            #expect(page.total == 3)
            #expect(page.items.count == max(0, min(2, 3 - offset)))
        }
        let plans = try web.connection.query("""
            SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%o.status = ''open''%'
            """).rows.map { (try $0.decode(Int.self, "generic_plans"), try $0.decode(Int.self, "custom_plans")) }
        #expect(plans.count == 2)
        #expect(plans.allSatisfy { $0 == (7, 0) }, "\(plans)")
    }
}
