@testable import CaseStore
import Casework
import Postgres
import Testing

/// Migration 10's restrictive write policies: raw SQL as the web role, on a case the actor
/// sees, may make only the writes the actor's party's steps make (issue 13's table). Each
/// refusal comes with a write of the same table that passes, so the refusal is the party's.
@Suite struct RowSecurityWriteTests {
    typealias World = RowSecurityTests.World

    /// World's cases plus one assigned to SJJ as lead with JTJ as co-handler.
    func world() throws -> (World, shared: Int) {
        let w = try World()
        let day = { (text: String) in Day(text)! }
        let n = try w.f.store.register(w.f.congress, w.f.registration("关于社区食堂的建议", deputy: "D006")).number
        _ = try w.f.store.accept(w.f.congress, n, on: day("2024-01-22"))
        _ = try w.f.store.assign(w.f.congress, n, lead: "SJJ", co: ["JTJ"], complex: false, on: day("2024-02-01"))
        return (w, try w.f.store.caseID(w.f.congress, number: n))
    }

    func event(_ w: World, _ id: Int, _ no: Int, _ kind: String, unit: String? = nil) -> PostgresQuery {
        let data = unit.map { #"{"unit":"\#($0)"}"# } ?? "{}"
        return "INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor, data) VALUES (\(w.ll), \(id), \(no), \(kind), '2024-03-01', 'x', \(data)::jsonb)"
    }

    @Test func aDeputyCannotAcceptOrAssignItsOwnCase() throws {
        let w = try World()
        let web = try w.f.webConnection()
        try asActor(web, congress: w.ll, party: .deputy("D006")) { (web: Connection) throws -> Void in
            expectRefusedByTheDatabase(web, "accepting its own case") {
                try $0.execute("UPDATE suggestion SET state = 'accepted' WHERE suggestion_id = \(w.e)")
            }
            expectRefusedByTheDatabase(web, "assigning its own case") {
                try $0.execute("UPDATE suggestion SET state = 'assigned', lead_unit = 'ZJJ' WHERE suggestion_id = \(w.e)")
            }
            expectRefusedByTheDatabase(web, "an accepted event") { try $0.execute(event(w, w.e, 90, "accepted")) }
            expectRefusedByTheDatabase(web, "an assigned event") { try $0.execute(event(w, w.e, 91, "assigned")) }
            expectRefusedByTheDatabase(web, "a reply obligation") {
                try $0.execute("""
                    INSERT INTO obligation (congress_id, suggestion_id, obligation_no, kind, unit_code, round, start_on, policy, due_on)
                    VALUES (\(w.ll), \(w.e), 90, 'reply', 'ZJJ', 1, '2024-03-01', 'x', '2024-06-01')
                    """)
            }
            expectRefusedByTheDatabase(web, "submitting a case already accepted") {
                try $0.execute("""
                    INSERT INTO suggestion (congress_id, number, series, seq, title, deputy_code, session_code, channel, category, submitted_on, state)
                    VALUES (\(w.ll), '5-4-999', '5-4', 999, 't', 'D006', '5-4', 'session', 'other', '2024-01-21', 'accepted')
                    """)
            }
            // What withdrawing writes passes.
            try web.execute(event(w, w.e, 92, "withdrawn"))
            #expect(try web.execute("UPDATE suggestion SET state = 'withdrawn' WHERE suggestion_id = \(w.e)") == 1)
        }
    }

    @Test func aUnitCannotAcceptAssignRateOrRecordAnotherPartysEvent() throws {
        let w = try World()
        let web = try w.f.webConnection()
        // d: ZJJ is its lead, and it is assigned.
        try asActor(web, congress: w.ll, party: .unit("ZJJ")) { (web: Connection) throws -> Void in
            expectRefusedByTheDatabase(web, "accepting") {
                try $0.execute("UPDATE suggestion SET state = 'accepted' WHERE suggestion_id = \(w.d)")
            }
            expectRefusedByTheDatabase(web, "closing without a finished plan") {
                try $0.execute("UPDATE suggestion SET state = 'closed' WHERE suggestion_id = \(w.d)")
            }
            for (no, kind) in [(90, "accepted"), (91, "assigned"), (92, "rated"), (93, "withdrawn"), (94, "supervised"),
                               (95, "transfer_approved"), (96, "opinion")] {
                expectRefusedByTheDatabase(web, "a \(kind) event") { try $0.execute(event(w, w.d, no, kind, unit: "ZJJ")) }
            }
            expectRefusedByTheDatabase(web, "a contact event in another unit's name") {
                try $0.execute(event(w, w.d, 97, "contacted", unit: "CGJ"))
            }
            expectRefusedByTheDatabase(web, "a rating") {
                try $0.execute("INSERT INTO rating (congress_id, suggestion_id, round, result, on_date) VALUES (\(w.ll), \(w.d), 1, 'satisfied', '2024-03-10')")
            }
            // What contacting writes passes.
            try web.execute(event(w, w.d, 98, "contacted", unit: "ZJJ"))
            #expect(try web.execute("UPDATE suggestion SET state = state WHERE suggestion_id = \(w.d)") == 1)
        }
    }

    @Test func aCoHandlerCannotReplyNorMeetTheLeadsObligation() throws {
        let (w, shared) = try world()
        let web = try w.f.webConnection()
        let reply = { (unit: String) -> PostgresQuery in
            "INSERT INTO reply (congress_id, suggestion_id, round, unit_code, outcome, text, on_date) VALUES (\(w.ll), \(shared), 1, \(unit), 'A', 'x', '2024-03-01')"
        }
        try asActor(web, congress: w.ll, party: .unit("JTJ")) { (web: Connection) throws -> Void in
            expectRefusedByTheDatabase(web, "a co-handler's reply") { try $0.execute(reply("JTJ")) }
            expectRefusedByTheDatabase(web, "a co-handler's replied event") { try $0.execute(event(w, shared, 90, "replied", unit: "JTJ")) }
            expectRefusedByTheDatabase(web, "meeting the lead's reply") {
                try $0.execute("UPDATE obligation SET status = 'met', met_on = '2024-03-01' WHERE suggestion_id = \(shared) AND unit_code = 'SJJ'")
            }
            try web.execute(event(w, shared, 91, "opinion", unit: "JTJ"))
            #expect(try web.execute("UPDATE obligation SET status = 'met', met_on = '2024-03-01' WHERE suggestion_id = \(shared) AND unit_code = 'JTJ' AND kind = 'opinion'") == 1)
        }
        try asActor(web, congress: w.ll, party: .unit("SJJ")) { try $0.execute(reply("SJJ")) }
    }

    @Test func theSecretariatMayWriteWhatAnyStepWrites() throws {
        let w = try World()
        let web = try w.f.webConnection()
        try asActor(web, congress: w.ll, party: .secretariat) { (web: Connection) throws -> Void in
            #expect(try web.execute("UPDATE suggestion SET state = 'accepted' WHERE suggestion_id = \(w.e)") == 1)
            for (no, kind) in [(90, "accepted"), (91, "assigned"), (92, "rated"), (93, "replied"), (94, "supervised")] {
                try web.execute(event(w, w.e, no, kind))
            }
            try web.execute("INSERT INTO assignment (congress_id, suggestion_id, unit_code, role, assigned_on) VALUES (\(w.ll), \(w.e), 'ZJJ', 'lead', '2024-03-01')")
            #expect(try web.execute("UPDATE suggestion SET state = 'assigned', lead_unit = 'ZJJ', is_key = true WHERE suggestion_id = \(w.e)") == 1)
            try web.execute("INSERT INTO reply (congress_id, suggestion_id, round, unit_code, outcome, text, on_date) VALUES (\(w.ll), \(w.e), 1, 'ZJJ', 'A', 'x', '2024-03-02')")
            try web.execute("INSERT INTO rating (congress_id, suggestion_id, round, result, on_date) VALUES (\(w.ll), \(w.e), 1, 'satisfied', '2024-03-03')")
        }
    }
}
