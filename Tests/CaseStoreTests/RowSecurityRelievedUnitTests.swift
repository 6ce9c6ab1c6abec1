@testable import CaseStore
import Casework
import Postgres
import Testing

extension RowSecurityTests {
    /// "Is or was on": a unit relieved of a case by an approved transfer keeps seeing it (its
    /// assignment ended, it was not deleted), beside the unit that took it over; a unit never on
    /// it still does not. Both the row policies' definer function and migration 15's inlined
    /// unit policy must read an ended assignment as one the unit was on.
    @Test func aUnitRelievedOfACaseStillSeesItAndTheNewUnitToo() throws {
        let w = try World()
        let d = try w.f.store.connection.query("SELECT number FROM suggestion WHERE suggestion_id = \(w.d)").rows[0].decode(String.self, "number")
        _ = try w.f.store.requestTransfer(w.f.congress, d, unit: "ZJJ", reason: "职责不符", on: Day("2024-02-03")!)
        _ = try w.f.store.approveTransfer(w.f.congress, d, to: "JTJ", on: Day("2024-02-05")!)
        try expectSees(w, congress: w.ll, .unit("ZJJ"), [w.a, w.d])
        try expectSees(w, congress: w.ll, .unit("JTJ"), [w.a, w.d])
        try expectSees(w, congress: w.ll, .unit("CGJ"), [w.b, w.c, w.g])
    }
}
