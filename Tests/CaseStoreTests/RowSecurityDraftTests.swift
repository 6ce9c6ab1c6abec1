#if canImport(Glibc)
import Glibc
#endif
@testable import CaseStore
import Casework
import Postgres
import Testing

/// Migration 12's policies on draft replies and signed replies, in raw SQL as the web role:
/// only the secretariat and the case's lead unit see drafts; the lead's accounts draft as
/// themselves; only a signer of the lead (jianyi.signer, which acting sets from the account
/// row) signs or returns; a unit with a signer inserts replies only through one. Each
/// refusal comes with a write of the same table that passes.
@Suite struct RowSecurityDraftTests {
    typealias World = RowSecurityTests.World

    /// RowSecurityWriteTests' world (the shared case: SJJ lead, JTJ co, raised by D006) with
    /// accounts sjj-clerk, sjj-head (signer) and jtj-head (signer), and one pending draft by
    /// sjj-clerk written by the owner.
    func world() throws -> (World, shared: Int) {
        setenv("JIANYI_BCRYPT_COST", "4", 1)
        let (w, shared) = try RowSecurityWriteTests().world()
        for (login, unit, signer) in [("sjj-clerk", "SJJ", false), ("sjj-head", "SJJ", true), ("jtj-head", "JTJ", true)] {
            try w.f.store.addAccount(w.f.congress, login: login, party: .unit(unit), password: "correct horse battery", signer: signer)
        }
        try w.f.store.connection.execute(draft(w, shared, 1, by: "sjj-clerk", unit: "SJJ"))
        return (w, shared)
    }

    func draft(_ w: World, _ id: Int, _ no: Int, by login: String, unit: String) -> PostgresQuery {
        """
        INSERT INTO reply_draft (congress_id, suggestion_id, draft_no, round, unit_code, outcome, text, drafted_on, drafted_by)
        VALUES (\(w.ll), \(id), \(no), 1, \(unit), 'A', '已解决', '2024-03-01', \(login))
        """
    }

    func decide(_ id: Int, _ status: String, by login: String, note: String? = nil) -> PostgresQuery {
        "UPDATE reply_draft SET status = \(status), decided_on = '2024-03-02', decided_by = \(login), note = \(note) WHERE suggestion_id = \(id) AND draft_no = 1"
    }

    func reply(_ w: World, _ id: Int, unit: String, round: Int = 1) -> PostgresQuery {
        "INSERT INTO reply (congress_id, suggestion_id, round, unit_code, outcome, text, on_date) VALUES (\(w.ll), \(id), \(round), \(unit), 'A', '已解决', '2024-03-02')"
    }

    /// Beside the table grants RowSecurityTests lists: a decision changes its own columns only.
    @Test func theWebRoleUpdatesOnlyADraftsDecision() throws {
        let (w, _) = try world()
        let columns = try w.f.store.connection.query("""
            SELECT string_agg(column_name::text, ',' ORDER BY column_name) AS c FROM information_schema.column_privileges
            WHERE grantee = 'jianyi_web' AND table_name = 'reply_draft' AND privilege_type = 'UPDATE'
            """).rows[0].decode(String.self, "c")
        #expect(columns == "decided_by,decided_on,note,status")
    }

    @Test func onlyTheSecretariatAndTheLeadUnitSeeDrafts() throws {
        let (w, shared) = try world()
        let web = try w.f.webConnection()
        let seen: [(Party, Int)] = [(.secretariat, 1), (.unit("SJJ"), 1), (.unit("JTJ"), 0), (.deputy("D006"), 0), (.unit("ZJJ"), 0)]
        for (party, count) in seen {
            let rows = try asActor(web, congress: w.ll, party: party, login: "x", signer: true) {
                try $0.query("SELECT count(*) AS n FROM reply_draft WHERE suggestion_id = \(shared)").rows[0].decode(Int.self, "n")
            }
            #expect(rows == count, "\(party)")
        }
        #expect(try asActor(web, congress: w.ll, party: nil) { try $0.query("SELECT * FROM reply_draft").rows.count } == 0)
    }

    @Test func onlyTheLeadsAccountsDraftAndAsThemselves() throws {
        let (w, shared) = try world()
        let web = try w.f.webConnection()
        // No draft waits, so each refused draft below would otherwise be recorded.
        try w.f.store.connection.execute(decide(shared, "void", by: "tester", note: "重拟"))
        try asActor(web, congress: w.ll, party: .unit("JTJ"), login: "jtj-head", signer: true) { web in
            expectRefusedByTheDatabase(web, "a co-handler's draft") { try $0.execute(draft(w, shared, 2, by: "jtj-head", unit: "JTJ")) }
        }
        try asActor(web, congress: w.ll, party: .deputy("D006"), login: "d6") { web in
            expectRefusedByTheDatabase(web, "a deputy's draft") { try $0.execute(draft(w, shared, 2, by: "sjj-clerk", unit: "SJJ")) }
        }
        try asActor(web, congress: w.ll, party: .secretariat, login: "sjj-clerk") { web in
            expectRefusedByTheDatabase(web, "the secretariat's draft") { try $0.execute(draft(w, shared, 2, by: "sjj-clerk", unit: "SJJ")) }
        }
        try asActor(web, congress: w.ll, party: .unit("SJJ"), login: "sjj-clerk") { web in
            expectRefusedByTheDatabase(web, "a draft in another account's name") { try $0.execute(draft(w, shared, 2, by: "sjj-head", unit: "SJJ")) }
            expectRefusedByTheDatabase(web, "a draft inserted as signed") {
                try $0.execute("""
                    INSERT INTO reply_draft (congress_id, suggestion_id, draft_no, round, unit_code, outcome, text, drafted_on, drafted_by,
                                             status, decided_on, decided_by)
                    VALUES (\(w.ll), \(shared), 3, 1, 'SJJ', 'A', '已解决', '2024-03-01', 'sjj-clerk', 'signed', '2024-03-01', 'sjj-clerk')
                    """)
            }
            expectRefusedByTheDatabase(web, "rewriting a draft's text") {
                try $0.execute(draft(w, shared, 2, by: "sjj-clerk", unit: "SJJ"))
                try $0.execute("UPDATE reply_draft SET text = '改写' WHERE suggestion_id = \(shared) AND draft_no = 2")
            }
            // The lead's account drafts as itself.
            let inserted = try web.execute(draft(w, shared, 2, by: "sjj-clerk", unit: "SJJ"))
            #expect(inserted == 1)
        }
    }

    @Test func onlyASignerOfTheLeadSignsOrReturns() throws {
        let (w, shared) = try world()
        let web = try w.f.webConnection()
        try asActor(web, congress: w.ll, party: .unit("SJJ"), login: "sjj-clerk", signer: false) { web in
            expectRefusedByTheDatabase(web, "staff signing") { try $0.execute(decide(shared, "signed", by: "sjj-clerk")) }
            expectRefusedByTheDatabase(web, "staff returning") { try $0.execute(decide(shared, "returned", by: "sjj-clerk", note: "改")) }
        }
        try asActor(web, congress: w.ll, party: .secretariat, login: "office", signer: true) { web in
            expectRefusedByTheDatabase(web, "the secretariat signing") { try $0.execute(decide(shared, "signed", by: "office")) }
        }
        try asActor(web, congress: w.ll, party: .unit("SJJ"), login: "sjj-head", signer: true) { web in
            expectRefusedByTheDatabase(web, "signing in another's name") { try $0.execute(decide(shared, "signed", by: "sjj-clerk")) }
        }
        // A co-handler's signer sees no draft to update; the lead's signer signs.
        #expect(try asActor(web, congress: w.ll, party: .unit("JTJ"), login: "jtj-head", signer: true) {
            try $0.execute(decide(shared, "signed", by: "jtj-head"))
        } == 0)
        #expect(try asActor(web, congress: w.ll, party: .unit("SJJ"), login: "sjj-head", signer: true) {
            try $0.execute(decide(shared, "signed", by: "sjj-head"))
        } == 1)
    }

    @Test func aUnitWithASignerInsertsRepliesOnlyThroughIt() throws {
        let (w, shared) = try world()
        let web = try w.f.webConnection()
        try asActor(web, congress: w.ll, party: .unit("SJJ"), login: "sjj-clerk", signer: false) { web in
            expectRefusedByTheDatabase(web, "staff replying outright") { try $0.execute(reply(w, shared, unit: "SJJ")) }
        }
        #expect(try asActor(web, congress: w.ll, party: .unit("SJJ"), login: "sjj-head", signer: true) {
            try $0.execute(reply(w, shared, unit: "SJJ"))
        } == 1)
        // With its signer right revoked, the unit's staff reply outright again.
        try w.f.store.setSigner(w.f.congress, login: "sjj-head", false)
        #expect(try asActor(web, congress: w.ll, party: .unit("SJJ"), login: "sjj-clerk", signer: false) {
            try $0.execute(reply(w, shared, unit: "SJJ", round: 2))
        } == 1)
    }

    @Test func actingSetsTheSignerRightFromTheAccountRowNotFromTheCaller() throws {
        let (w, _) = try world()
        let web = try w.f.webStore()
        let claimed = Account(login: "sjj-clerk", congress: "LL", party: .unit("SJJ"), signer: true)
        let (setting, account) = try web.acting(as: claimed) { store in
            (try store.connection.query("SELECT jianyi_actor_signs() AS signs").rows[0].decode(Bool.self, "signs"), store.account)
        }
        #expect(setting == false && account?.signer == false)
        let head = Account(login: "sjj-head", congress: "LL", party: .unit("SJJ"))
        #expect(try web.acting(as: head) { try $0.connection.query("SELECT jianyi_actor_signs() AS s").rows[0].decode(Bool.self, "s") })
        try w.f.store.disableAccount(w.f.congress, login: "sjj-head")
        #expect(try !web.acting(as: head) { try $0.connection.query("SELECT jianyi_actor_signs() AS s").rows[0].decode(Bool.self, "s") })
    }
}

/// `asActor` with the account's login and signer right set as `Store.acting(as:)` sets them.
func asActor<T>(_ web: Connection, congress: Int, party: Party, login: String, signer: Bool = false, _ body: (Connection) throws -> T) throws -> T {
    try asActor(web, congress: congress, party: party) { web in
        try web.execute("SELECT set_config('jianyi.login', \(login), true), set_config('jianyi.signer', \(signer ? "true" : "false"), true)")
        return try body(web)
    }
}
