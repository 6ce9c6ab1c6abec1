import CaseStore
import Casework
import Testing

/// `list` builds its query from the filters that are set: each one must narrow the list on
/// its own and together with the others, and never reach another congress's cases.
@Suite struct CaseListTests {
    let d = { (text: String) in Day(text)! }

    func numbers(_ f: Fixture, _ filter: CaseFilter, in congress: Congress? = nil) throws -> [String] {
        var seen: [String] = []
        try f.store.listCases(congress ?? f.congress, filter) { seen.append($0.number) }
        return seen
    }

    @Test func eachFilterAloneAndTogether() throws {
        let f = try Fixture()
        let a = try f.acceptedCase()  // D001, 5-4, assigned to ZJJ, key
        _ = try f.store.assign(f.congress, a, lead: "ZJJ", co: ["JTJ"], complex: false, on: d("2024-02-20"))
        _ = try f.store.supervise(f.congress, a, leader: "副市长", committee: nil, on: d("2024-02-21"))
        let b = try f.store.register(f.congress, f.registration(deputy: "D002", session: nil)).number
        let c = try f.store.register(f.congress, f.registration(deputy: "D001")).number
        _ = try f.store.accept(f.congress, c, on: d("2024-01-22"))
        _ = try f.store.assign(f.congress, c, lead: "JTJ", co: [], complex: false, on: d("2024-03-20"))

        // Another congress with a case of the same number, deputy, session and unit.
        let other = try f.store.addCongress(code: "TY", name: "太原市人民代表大会", level: .city, timeZone: "Asia/Shanghai")
        _ = try f.store.addSession(other, code: SessionCode("5-4")!, opened: d("2024-01-20"), closed: d("2024-01-23"))
        _ = try f.store.addDeputy(other, code: "D001", name: "另一位", delegation: "")
        _ = try f.store.addUnit(other, code: "ZJJ", name: "住建局", kind: .government)
        let elsewhere = try f.store.register(other, f.registration()).number
        _ = try f.store.accept(other, elsewhere, on: d("2024-01-21"))
        _ = try f.store.assign(other, elsewhere, lead: "ZJJ", co: [], complex: false, on: d("2024-02-20"))
        _ = try f.store.supervise(other, elsewhere, leader: nil, committee: "城建委", on: d("2024-02-21"))

        #expect(try numbers(f, CaseFilter()) == [a, c, b])
        #expect(try numbers(f, CaseFilter(state: .assigned)) == [a, c])
        #expect(try numbers(f, CaseFilter(state: .submitted)) == [b])
        #expect(try numbers(f, CaseFilter(deputy: "D001")) == [a, c])
        #expect(try numbers(f, CaseFilter(session: "5-4")) == [a, c])
        #expect(try numbers(f, CaseFilter(keyOnly: true)) == [a])
        #expect(try numbers(f, CaseFilter(unit: "JTJ")) == [a, c])
        #expect(try numbers(f, CaseFilter(unit: "ZJJ")) == [a])
        // a's opinion from JTJ fell due on 2024-03-20; c's reply is not due before June.
        #expect(try numbers(f, CaseFilter(overdueOn: d("2024-03-21"))) == [a])
        #expect(try numbers(f, CaseFilter(overdueOn: d("2024-03-20"))) == [])
        #expect(try numbers(f, CaseFilter(state: .assigned, deputy: "D001", session: "5-4", keyOnly: false, unit: "JTJ",
                                          overdueOn: d("2024-03-21"))) == [a])
        #expect(try numbers(f, CaseFilter(state: .assigned, deputy: "D002")) == [])
        #expect(try numbers(f, CaseFilter(keyOnly: true), in: other) == [elsewhere])
        #expect(try numbers(f, CaseFilter(unit: "ZJJ"), in: other) == [elsewhere])
        #expect(try f.store.caseView(other, number: elsewhere).deputyName == "另一位")
        #expect(try f.store.caseView(f.congress, number: a).deputyName == "代表1")
    }
}
