@testable import CaseStore
import Casework
import Postgres
import Testing

/// Migration 8's row policies, proven below any handler: raw SQL over a connection as the web
/// role, with the actor settings of one party, sees and writes exactly that party's cases.
@Suite struct RowSecurityTests {
    static let caseTables = ["suggestion", "suggestion_cosigner", "case_event", "assignment", "obligation",
                             "transfer_request", "contact", "contact_confirmation", "reply", "rating"]

    /// Five cases of LL and one of another congress (XX), each table holding rows of several:
    /// a (D001, co-signed by D002; ZJJ lead, JTJ co) and b (D003, co-signed by D001; CGJ lead)
    /// went through every step; c (D004; CGJ) and d (D005; ZJJ) wait for a reply, past due;
    /// e (D006) is only submitted; g (D007, co-signed by D008; SJJ lead, CGJ co) went through every step. XX's
    /// case, through every step too, is D001's of XX, with XX's own unit ZJJ.
    struct World {
        let f: Fixture
        let ll: Int, xx: Int
        let a: Int, b: Int, c: Int, d: Int, e: Int, g: Int, other: Int

        init() throws {
            let f = try Fixture()
            let day = { (text: String) in Day(text)! }
            func drive(_ congress: Congress, _ registration: Registration, lead: String, co: [String]) throws -> String {
                let n = try f.store.register(congress, registration).number
                _ = try f.store.accept(congress, n, on: day("2024-01-22"))
                _ = try f.store.assign(congress, n, lead: lead, co: co, complex: false, on: day("2024-02-01"))
                _ = try f.store.contact(congress, n, unit: lead, mode: .phone, note: "电话沟通", on: day("2024-02-02"))
                _ = try f.store.answerContact(congress, n, try ContactAnswer(contact: 1, confirmation: .confirmed, note: ""), on: day("2024-02-02"))
                _ = try f.store.requestTransfer(congress, n, unit: lead, reason: "职责不符", on: day("2024-02-03"))
                _ = try f.store.rejectTransfer(congress, n, reason: "属于职责", on: day("2024-02-04"))
                _ = try f.store.reply(congress, n, unit: lead, outcome: .a, planBy: nil, text: "已解决", on: day("2024-03-01"))
                _ = try f.store.rate(congress, n, result: .satisfied, attitude: .satisfied, comment: "", on: day("2024-03-05"))
                return n
            }
            func drive(_ deputy: String, cosigners: [String], lead: String, co: [String]) throws -> String {
                try drive(f.congress, f.registration(deputy: deputy, cosigners: cosigners), lead: lead, co: co)
            }
            let a = try drive("D001", cosigners: ["D002"], lead: "ZJJ", co: ["JTJ"])
            let b = try drive("D003", cosigners: ["D001"], lead: "CGJ", co: [])
            let c = try f.store.register(f.congress, f.registration("关于公交线路的建议", deputy: "D004")).number
            _ = try f.store.accept(f.congress, c, on: day("2024-01-22"))
            _ = try f.store.assign(f.congress, c, lead: "CGJ", co: [], complex: false, on: day("2024-02-01"))
            let d = try f.store.register(f.congress, f.registration("关于路灯维修的建议", deputy: "D005")).number
            _ = try f.store.accept(f.congress, d, on: day("2024-01-22"))
            _ = try f.store.assign(f.congress, d, lead: "ZJJ", co: [], complex: false, on: day("2024-02-01"))
            let e = try f.store.register(f.congress, f.registration("关于停车难的建议", deputy: "D006")).number
            let g = try drive("D007", cosigners: ["D008"], lead: "SJJ", co: ["CGJ"])
            _ = try f.store.overdueRun(f.congress, asOf: day("2024-09-02"), warnDays: nil, wait: true) { _ in }

            let xx = try f.store.addCongress(code: "XX", name: "另一人民代表大会", level: .county, timeZone: "Asia/Shanghai")
            _ = try f.store.addDeputy(xx, code: "D001", name: "他人", delegation: nil)
            _ = try f.store.addDeputy(xx, code: "D002", name: "另一人", delegation: nil)
            _ = try f.store.addUnit(xx, code: "ZJJ", name: "县住房和城乡建设局", kind: .government)
            let other = try drive(xx, Registration(title: "外地的建议", deputy: "D001", cosigners: ["D002"], session: nil, submittedOn: day("2024-01-21")),
                                  lead: "ZJJ", co: [])
            _ = try f.store.overdueRun(xx, asOf: day("2024-09-02"), warnDays: nil, wait: true) { _ in }

            self.f = f
            ll = f.congress.id
            self.xx = xx.id
            self.a = try f.store.caseID(f.congress, number: a)
            self.b = try f.store.caseID(f.congress, number: b)
            self.c = try f.store.caseID(f.congress, number: c)
            self.d = try f.store.caseID(f.congress, number: d)
            self.e = try f.store.caseID(f.congress, number: e)
            self.g = try f.store.caseID(f.congress, number: g)
            self.other = try f.store.caseID(xx, number: other)
        }
    }

    /// Every case table as `party` sees it: no row of a case outside `expected`, and the
    /// suggestions exactly `expected`. The owner sees rows of other cases in every table, so
    /// each check could fail.
    func expectSees(_ w: World, congress: Int, _ party: Party?, _ expected: Set<Int>) throws {
        let web = try w.f.webConnection()
        for table in Self.caseTables {
            let all = try caseIDs(w.f.store.connection, table)
            #expect(!all.subtracting(expected).isEmpty, "\(table) holds rows of cases \(party?.en ?? "no actor") may not see")
            let seen = try asActor(web, congress: congress, party: party) { try caseIDs($0, table) }
            #expect(seen.isSubset(of: expected), "\(party?.en ?? "no actor") sees \(table) rows of \(seen.subtracting(expected).sorted())")
            if table == "suggestion" { #expect(seen == expected, "\(party?.en ?? "no actor") sees suggestions \(seen.sorted())") }
        }
    }

    @Test func aUnitSeesTheCasesItIsOrWasOnAndNoOtherRows() throws {
        let w = try World()
        try expectSees(w, congress: w.ll, .unit("ZJJ"), [w.a, w.d])
        try expectSees(w, congress: w.ll, .unit("JTJ"), [w.a])
        try expectSees(w, congress: w.ll, .unit("CGJ"), [w.b, w.c, w.g])
        // The same unit code in another congress is another unit.
        try expectSees(w, congress: w.xx, .unit("ZJJ"), [w.other])
    }

    @Test func aDeputySeesWhatTheyRaisedOrCoSigned() throws {
        let w = try World()
        try expectSees(w, congress: w.ll, .deputy("D001"), [w.a, w.b])
        try expectSees(w, congress: w.ll, .deputy("D002"), [w.a])
        try expectSees(w, congress: w.ll, .deputy("D009"), [])
    }

    @Test func theSecretariatSeesItsCongressOnly() throws {
        let w = try World()
        try expectSees(w, congress: w.ll, .secretariat, [w.a, w.b, w.c, w.d, w.e, w.g])
        try expectSees(w, congress: w.xx, .secretariat, [w.other])
        let web = try w.f.webConnection()
        let deputies = try asActor(web, congress: w.xx, party: .secretariat) {
            try $0.query("SELECT count(*) AS n FROM deputy").rows[0].decode(Int.self, "n")
        }
        #expect(deputies == 2)  // XX's, not LL's nine
    }

    @Test func withNoActorSetNoCaseRowIsThere() throws {
        let w = try World()
        try expectSees(w, congress: w.ll, nil, [])
        let web = try w.f.webConnection()
        for table in Self.caseTables + ["deputy", "unit", "session", "overdue_run", "overdue_flag", "number_counter"] {
            let n = try web.query(PostgresQuery(unsafeSQL: "SELECT count(*) AS n FROM \(table)")).rows[0].decode(Int.self, "n")
            #expect(n == 0, "\(table) shows \(n) rows with no actor")
        }
        // A setting made for one transaction is gone in the next, on the same connection.
        _ = try asActor(web, congress: w.ll, party: .secretariat) { try caseIDs($0, "suggestion") }
        #expect(try caseIDs(web, "suggestion").isEmpty)
    }

    @Test func overdueRunsAreTheSecretariatsAndFlagsTheirUnits() throws {
        let w = try World()
        let web = try w.f.webConnection()
        let flagUnits = { (party: Party) in
            try asActor(web, congress: w.ll, party: party) {
                Set(try $0.query("SELECT DISTINCT unit_code FROM overdue_flag").rows.map { try $0.decode(String.self, "unit_code") })
            }
        }
        let runs = { (party: Party) in
            try asActor(web, congress: w.ll, party: party) { try $0.query("SELECT count(*) AS n FROM overdue_run").rows[0].decode(Int.self, "n") }
        }
        #expect(try flagUnits(.secretariat).isSuperset(of: ["ZJJ", "CGJ"]))
        #expect(try flagUnits(.unit("ZJJ")) == ["ZJJ"])
        #expect(try flagUnits(.deputy("D005")).isEmpty)
        #expect(try runs(.secretariat) == 1)
        #expect(try runs(.unit("ZJJ")) == 0)
    }

    @Test func writesToAnotherUnitsCaseAreRefused() throws {
        let w = try World()
        let web = try w.f.webConnection()
        try asActor(web, congress: w.ll, party: .unit("ZJJ")) { (web: Connection) throws -> Void in
            expectRefusedByTheDatabase(web, "a contact on CGJ's case") {
                try $0.execute("INSERT INTO contact (congress_id, suggestion_id, contact_no, unit_code, mode, on_date) VALUES (\(w.ll), \(w.b), 9, 'ZJJ', 'phone', '2024-03-01')")
            }
            expectRefusedByTheDatabase(web, "a contact in CGJ's name on ZJJ's own case") {
                try $0.execute("INSERT INTO contact (congress_id, suggestion_id, contact_no, unit_code, mode, on_date) VALUES (\(w.ll), \(w.a), 9, 'CGJ', 'phone', '2024-03-01')")
            }
            expectRefusedByTheDatabase(web, "an event on CGJ's case") {
                try $0.execute("INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor) VALUES (\(w.ll), \(w.b), 99, 'contacted', '2024-03-01', 'x')")
            }
            expectRefusedByTheDatabase(web, "a reply on CGJ's case") {
                try $0.execute("INSERT INTO reply (congress_id, suggestion_id, round, unit_code, outcome, text, on_date) VALUES (\(w.ll), \(w.c), 1, 'ZJJ', 'A', 'x', '2024-03-01')")
            }
            expectRefusedByTheDatabase(web, "assigning itself") {
                try $0.execute("INSERT INTO assignment (congress_id, suggestion_id, unit_code, role, assigned_on) VALUES (\(w.ll), \(w.c), 'ZJJ', 'co', '2024-03-01')")
            }
            expectRefusedByTheDatabase(web, "deleting its own contact") { try $0.execute("DELETE FROM contact") }
            // Rows it cannot see are not there to update.
            #expect(try web.execute("UPDATE suggestion SET title = 'x' WHERE suggestion_id = \(w.b)") == 0)
            #expect(try web.execute("UPDATE obligation SET note = 'x' WHERE suggestion_id IN (\(w.b), \(w.c))") == 0)
            #expect(try web.execute("UPDATE suggestion SET title = title WHERE suggestion_id = \(w.d)") == 1)
        }
        #expect(try w.f.store.caseView(w.f.congress, number: try number(w, w.b)).title != "x")
        // A co-signer may not rate, nor a deputy submit for another.
        try asActor(web, congress: w.ll, party: .deputy("D002")) { (web: Connection) throws -> Void in
            expectRefusedByTheDatabase(web, "a co-signer's rating") {
                try $0.execute("INSERT INTO rating (congress_id, suggestion_id, round, result, on_date) VALUES (\(w.ll), \(w.a), 2, 'basic', '2024-03-10')")
            }
            expectRefusedByTheDatabase(web, "submitting in another deputy's name") {
                try $0.execute("""
                    INSERT INTO suggestion (congress_id, number, series, seq, title, deputy_code, session_code, channel, category, submitted_on)
                    VALUES (\(w.ll), '5-4-999', '5-4', 999, 't', 'D001', '5-4', 'session', 'other', '2024-01-21')
                    """)
            }
        }
    }

    @Test func theWebRoleReachesAccountsAndTokensOnlyThroughTheFunctions() throws {
        let w = try World()
        try w.f.store.addAccount(w.f.congress, login: "zjj", party: .unit("ZJJ"), password: "correct horse battery")
        let web = try w.f.webConnection()
        for party in [Party?.none, .secretariat] {
            try asActor(web, congress: w.ll, party: party) { (web: Connection) throws -> Void in
                expectRefusedByTheDatabase(web, "reading account") { _ = try $0.query("SELECT login FROM account") }
                expectRefusedByTheDatabase(web, "reading access_token") { _ = try $0.query("SELECT token_hash FROM access_token") }
                expectRefusedByTheDatabase(web, "writing account") {
                    try $0.execute("UPDATE account SET disabled_at = NULL")
                }
                expectRefusedByTheDatabase(web, "changing the schema") { try $0.execute("CREATE TABLE mine (x int)") }
            }
        }
        let found = try web.query("SELECT role FROM jianyi_sign_in_account(\(w.ll)::integer, 'zjj')").rows
        #expect(try found.map { try $0.decode(String.self, "role") } == ["unit"])
        let role = try web.query("""
            SELECT rolsuper, rolbypassrls, (SELECT count(*) FROM pg_class WHERE relowner = r.oid) AS owned
            FROM pg_roles r WHERE rolname = current_user
            """).rows[0]
        #expect(try role.decode(Bool.self, "rolsuper") == false)
        #expect(try role.decode(Bool.self, "rolbypassrls") == false)
        #expect(try role.decode(Int.self, "owned") == 0)
    }

    /// What the web role may do to each table, and nothing more: no DELETE anywhere, nothing
    /// on accounts and tokens, only reading migrations, and row security on every table it
    /// reads but the congresses and the official calendar.
    @Test func theWebRolesGrantsAreExactlyThese() throws {
        let f = try Fixture()
        let grants = try f.store.connection.query("""
            SELECT table_name::text AS t, string_agg(privilege_type, ',' ORDER BY privilege_type) AS p
            FROM information_schema.role_table_grants WHERE grantee = 'jianyi_web' GROUP BY table_name ORDER BY table_name
            """).rows.map { "\(try $0.decode(String.self, "t")) \(try $0.decode(String.self, "p"))" }
        #expect(grants == [
            "assignment INSERT,SELECT,UPDATE", "calendar_day SELECT", "calendar_year SELECT", "case_event INSERT,SELECT",
            "congress SELECT", "contact INSERT,SELECT", "contact_confirmation INSERT,SELECT", "deputy SELECT", "number_counter INSERT,SELECT,UPDATE",
            "obligation INSERT,SELECT,UPDATE", "official_calendar_day SELECT", "overdue_flag SELECT", "overdue_run SELECT",
            "policy_setting SELECT", "publication INSERT,SELECT,UPDATE", "rating INSERT,SELECT", "reply INSERT,SELECT", "reply_draft INSERT,SELECT", "schema_migrations SELECT",
            "session SELECT",
            "suggestion INSERT,SELECT,UPDATE", "suggestion_cosigner INSERT,SELECT", "transfer_request INSERT,SELECT,UPDATE",
            "unit SELECT",
        ])
        let unprotected = try f.store.connection.query("""
            SELECT relname::text AS t FROM pg_class
            WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND NOT relrowsecurity ORDER BY relname
            """).rows.map { try $0.decode(String.self, "t") }
        #expect(unprotected == ["congress", "official_calendar_day", "schema_migrations"])
    }

    private func number(_ w: World, _ id: Int) throws -> String {
        try w.f.store.connection.query("SELECT number FROM suggestion WHERE suggestion_id = \(id)").rows[0].decode(String.self, "number")
    }
}
