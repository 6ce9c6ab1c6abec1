@testable import CaseStore
import Casework
import Postgres
import Testing

/// Migrations 18 and 19 as the web role, in raw SQL: a deputy who raised (or co-signed) a case
/// merged into another sees that other case; the one who raised it may rate it, its co-signer
/// may not; merging and the publication marks are the secretariat's alone. Each refusal sits
/// beside the same write passing for the party that may make it.
@Suite struct RowSecurityMergeTests {
    struct World {
        let f: Fixture
        let ll: Int
        /// t: D001's case (co-signed by D002), assigned to ZJJ and replied; m: D003's case
        /// (co-signed by D004) merged into t; o: D005's own accepted case.
        let t: Int, m: Int, o: Int

        init() throws {
            let f = try Fixture()
            let day = { (text: String) in Day(text)! }
            let t = try f.store.register(f.congress, f.registration(deputy: "D001", cosigners: ["D002"])).number
            let m = try f.store.register(f.congress, f.registration("关于老旧小区加装电梯的建议", deputy: "D003", cosigners: ["D004"])).number
            let o = try f.store.register(f.congress, f.registration("关于路灯的建议", deputy: "D005")).number
            for n in [t, m, o] { _ = try f.store.accept(f.congress, n, on: day("2024-01-22")) }
            _ = try f.store.merge(f.congress, m, into: t, note: "同一小区", on: day("2024-01-25"))
            _ = try f.store.assign(f.congress, t, lead: "ZJJ", co: [], complex: false, on: day("2024-02-01"))
            _ = try f.store.reply(f.congress, t, unit: "ZJJ", outcome: .a, planBy: nil, text: "已加装", on: day("2024-03-01"))
            self.f = f
            ll = f.congress.id
            self.t = try f.store.caseID(f.congress, number: t)
            self.m = try f.store.caseID(f.congress, number: m)
            self.o = try f.store.caseID(f.congress, number: o)
        }
    }

    func seen(_ w: World, _ party: Party, _ table: String) throws -> Set<Int> {
        let web = try w.f.webConnection()
        return try asActor(web, congress: w.ll, party: party) { try caseIDs($0, table) }
    }

    @Test func theDeputiesOfAMergedCaseSeeTheCaseItJoinedAndItsReply() throws {
        let w = try World()
        for deputy in ["D003", "D004"] {
            #expect(try seen(w, .deputy(deputy), "suggestion") == [w.t, w.m], "\(deputy)")
            #expect(try seen(w, .deputy(deputy), "reply") == [w.t], "\(deputy)")
            #expect(try seen(w, .deputy(deputy), "case_event") == [w.t, w.m], "\(deputy)")
        }
        // The target's deputies see their own case; the merged one stays its deputy's.
        #expect(try seen(w, .deputy("D001"), "suggestion") == [w.t])
        #expect(try seen(w, .deputy("D002"), "suggestion") == [w.t])
        #expect(try seen(w, .deputy("D005"), "suggestion") == [w.o])
        #expect(try seen(w, .unit("ZJJ"), "suggestion") == [w.t])
        #expect(try seen(w, .secretariat, "suggestion") == [w.t, w.m, w.o])
    }

    func rating(_ w: World) -> [PostgresQuery] {
        [
            "INSERT INTO rating (congress_id, suggestion_id, round, result, attitude, on_date) VALUES (\(w.ll), \(w.t), 1, 'satisfied', 'satisfied', '2024-03-05')",
            """
            INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor, data)
            VALUES (\(w.ll), \(w.t), 90, 'rated', '2024-03-05', 'x', '{}'::jsonb)
            """,
            "UPDATE obligation SET status = 'met', met_on = '2024-03-05' WHERE suggestion_id = \(w.t) AND kind = 'rating'",
            "UPDATE suggestion SET state = 'closed', rating_result = 'satisfied', closed_on = '2024-03-05' WHERE suggestion_id = \(w.t)",
        ]
    }

    @Test func theDeputyWhoRaisedTheMergedCaseRatesTheTarget() throws {
        let w = try World()
        let web = try w.f.webConnection()
        try asActor(web, congress: w.ll, party: .deputy("D003")) { (web: Connection) throws -> Void in
            for write in rating(w) { #expect(try web.execute(write) == 1) }
        }
    }

    @Test func theCoSignersMayNotRate() throws {
        let w = try World()
        let web = try w.f.webConnection()
        for deputy in ["D004", "D002", "D005"] {
            try asActor(web, congress: w.ll, party: .deputy(deputy)) { (web: Connection) throws -> Void in
                let writes = rating(w)
                expectRefusedByTheDatabase(web, "\(deputy): the rating") { try $0.execute(writes[0]) }
                expectRefusedByTheDatabase(web, "\(deputy): the rated event") { try $0.execute(writes[1]) }
            }
        }
    }

    @Test func theMergedCasesDeputyDoesNothingElseOnTheTarget() throws {
        let w = try World()
        let web = try w.f.webConnection()
        // Withdrawing is the raising deputy's, before assignment; D003 did not raise t.
        try w.f.store.connection.execute("UPDATE suggestion SET state = 'accepted', lead_unit = NULL WHERE suggestion_id = \(w.t)")
        try asActor(web, congress: w.ll, party: .deputy("D003")) { (web: Connection) throws -> Void in
            expectRefusedByTheDatabase(web, "D003 withdraws t") {
                try $0.execute("UPDATE suggestion SET state = 'withdrawn' WHERE suggestion_id = \(w.t)")
            }
        }
    }

    @Test func onlyTheSecretariatMerges() throws {
        let w = try World()
        let web = try w.f.webConnection()
        let merge: PostgresQuery = "UPDATE suggestion SET state = 'merged', merged_into = \(w.t) WHERE suggestion_id = \(w.o)"
        let event: PostgresQuery = """
            INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor, data)
            VALUES (\(w.ll), \(w.o), 90, 'merged', '2024-03-05', 'x', '{}'::jsonb)
            """
        try asActor(web, congress: w.ll, party: .deputy("D005")) { (web: Connection) throws -> Void in
            expectRefusedByTheDatabase(web, "the deputy merges its own case") { try $0.execute(merge) }
            expectRefusedByTheDatabase(web, "the deputy records a merge") { try $0.execute(event) }
        }
        try asActor(web, congress: w.ll, party: .secretariat) { (web: Connection) throws -> Void in
            #expect(try web.execute(merge) == 1)
            #expect(try web.execute(event) == 1)
        }
    }

    @Test func theSchemaHoldsAMergeTogether() throws {
        let w = try World()
        let owner = w.f.store.connection
        for bad: PostgresQuery in [
            "UPDATE suggestion SET state = 'merged' WHERE suggestion_id = \(w.o)",
            "UPDATE suggestion SET merged_into = \(w.t) WHERE suggestion_id = \(w.o)",
            "UPDATE suggestion SET state = 'merged', merged_into = \(w.o) WHERE suggestion_id = \(w.o)",
        ] {
            let error = #expect(throws: PostgresError.self) { try owner.transaction { try $0.execute(bad) } }
            #expect(error?.sqlState == "23514")
        }
    }

    @Test func publicationIsReadWithTheCaseAndWrittenByTheSecretariat() throws {
        let w = try World()
        let web = try w.f.webConnection()
        let insert: PostgresQuery = "INSERT INTO publication (congress_id, suggestion_id, consent, consent_on) VALUES (\(w.ll), \(w.t), true, '2024-03-02')"
        for party in [Party.deputy("D001"), .unit("ZJJ")] {
            try asActor(web, congress: w.ll, party: party) { (web: Connection) throws -> Void in
                expectRefusedByTheDatabase(web, "\(party) writes a consent") { try $0.execute(insert) }
            }
        }
        try asActor(web, congress: w.ll, party: .secretariat) { (web: Connection) throws -> Void in
            #expect(try web.execute(insert) == 1)
        }
        try asActor(web, congress: w.ll, party: .deputy("D001")) { (web: Connection) throws -> Void in
            // An UPDATE policy's USING hides the row: nothing to change.
            #expect(try web.execute("UPDATE publication SET decision = 'approved', decided_on = '2024-03-03' WHERE suggestion_id = \(w.t)") == 0)
        }
        #expect(try w.f.store.connection.query("SELECT decision FROM publication").rows[0].decode(String?.self, "decision") == nil)
        #expect(try seen(w, .deputy("D001"), "publication") == [w.t])
        #expect(try seen(w, .deputy("D003"), "publication") == [w.t])
        #expect(try seen(w, .deputy("D005"), "publication") == [])
    }
}
