@testable import CaseStore
import Casework
import Postgres
import Testing

/// Migration 11: raw SQL as the web role may record the answer to a contact (its row and its
/// event) only as the deputy who raised the case or the secretariat. Each refusal sits beside
/// the same write passing for the deputy, so the refusal is the party's, not the SQL's.
@Suite struct RowSecurityContactConfirmationTests {
    typealias World = RowSecurityTests.World

    /// World's case a (D001, co-signed by D002; ZJJ lead, JTJ co) with a second contact, by ZJJ,
    /// not answered yet.
    func world() throws -> World {
        let w = try World()
        try w.f.store.connection.execute("""
            INSERT INTO contact (congress_id, suggestion_id, contact_no, unit_code, mode, on_date) VALUES (\(w.ll), \(w.a), 2, 'ZJJ', 'visit', '2024-02-10')
            """)
        return w
    }

    func answer(_ w: World, _ id: Int, contact: Int = 2, _ kind: ContactConfirmation = .disputed) -> PostgresQuery {
        "INSERT INTO contact_confirmation (congress_id, suggestion_id, contact_no, answer, on_date, note) VALUES (\(w.ll), \(id), \(contact), \(kind), '2024-03-06', '未曾来电')"
    }

    func event(_ w: World, _ id: Int, _ kind: EventKind, unit: String = "ZJJ") -> PostgresQuery {
        """
        INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor, data)
        VALUES (\(w.ll), \(id), 90, \(kind), '2024-03-06', 'x', \(#"{"contact":2,"unit":"\#(unit)"}"#)::jsonb)
        """
    }

    /// The writes the step makes, by `party` on case `id`: the answer's row, then its event.
    func expectRefused(_ w: World, _ party: Party, on id: Int, _ comment: String) throws {
        let web = try w.f.webConnection()
        try asActor(web, congress: w.ll, party: party) { (web: Connection) throws -> Void in
            for kind in ContactConfirmation.allCases {
                expectRefusedByTheDatabase(web, "\(comment): a \(kind) answer") { try $0.execute(answer(w, id, kind)) }
                expectRefusedByTheDatabase(web, "\(comment): a \(kind.step.eventKind) event") { try $0.execute(event(w, id, kind.step.eventKind)) }
            }
        }
    }

    @Test func theDeputyWhoRaisedTheCaseAnswersItsContact() throws {
        let w = try world()
        let web = try w.f.webConnection()
        try asActor(web, congress: w.ll, party: .deputy("D001")) { (web: Connection) throws -> Void in
            #expect(try web.execute(answer(w, w.a)) == 1)
            #expect(try web.execute(event(w, w.a, .contactDisputed)) == 1)
            // It reads the answer back; the case row is not written.
            #expect(try web.query("SELECT answer FROM contact_confirmation WHERE suggestion_id = \(w.a) AND contact_no = 2").rows.count == 1)
        }
    }

    @Test func aUnitOnTheCaseMayNotAnswerForTheDeputy() throws {
        // ZJJ recorded the contact itself; JTJ is co-handler. Both see the case.
        let w = try world()
        try expectRefused(w, .unit("ZJJ"), on: w.a, "the lead unit")
    }

    @Test func theCoHandlerMayNotAnswerEither() throws {
        let w = try world()
        try expectRefused(w, .unit("JTJ"), on: w.a, "the co-handler")
    }

    @Test func aCoSignerMayNotAnswer() throws {
        let w = try world()
        try expectRefused(w, .deputy("D002"), on: w.a, "the co-signer")
    }

    @Test func anotherDeputyMayNotAnswer() throws {
        let w = try world()
        // D003 raised case b, which D001 co-signed: neither answers for the other's case.
        try expectRefused(w, .deputy("D003"), on: w.a, "a deputy not on the case")
        try w.f.store.connection.execute("""
            INSERT INTO contact (congress_id, suggestion_id, contact_no, unit_code, mode, on_date) VALUES (\(w.ll), \(w.b), 2, 'CGJ', 'visit', '2024-02-10')
            """)
        try expectRefused(w, .deputy("D001"), on: w.b, "the co-signer of b")
    }

    @Test func theSecretariatKeysInAPaperAnswer() throws {
        let w = try world()
        let web = try w.f.webConnection()
        try asActor(web, congress: w.ll, party: .secretariat) { (web: Connection) throws -> Void in
            #expect(try web.execute(answer(w, w.a, .confirmed)) == 1)
            #expect(try web.execute(event(w, w.a, .contactConfirmed)) == 1)
        }
    }

    @Test func anAnswerIsNeitherChangedNorDeleted() throws {
        let w = try world()
        let web = try w.f.webConnection()
        try asActor(web, congress: w.ll, party: .deputy("D001")) { (web: Connection) throws -> Void in
            expectRefusedByTheDatabase(web, "changing an answer") { try $0.execute("UPDATE contact_confirmation SET answer = 'disputed'") }
            expectRefusedByTheDatabase(web, "deleting an answer") { try $0.execute("DELETE FROM contact_confirmation") }
        }
        // Answered once: contact 1 was confirmed when the world was made.
        let again = #expect(throws: PostgresError.self) {
            try asActor(web, congress: w.ll, party: .deputy("D001")) { try $0.execute(answer(w, w.a, contact: 1)) }
        }
        #expect(again?.sqlState == "23505")
    }
}
