@testable import CaseStore
import Casework
import Testing

/// A list a page at a time, its total, and `seenBy`: the party's cases as the row policies
/// decide them, which the web reads add so the database starts from the party's own rows.
@Suite struct CasePageTests {
    let d = { (text: String) in Day(text)! }

    /// Four cases: a D001 co-signed by D002, lead ZJJ co JTJ; b D002, lead CGJ; c D003,
    /// submitted; e D001, JTJ relieved by a transfer to CGJ.
    func cases(_ f: Fixture) throws -> (a: String, b: String, c: String, e: String) {
        let a = try f.store.register(f.congress, f.registration(deputy: "D001", cosigners: ["D002"])).number
        let b = try f.store.register(f.congress, f.registration(deputy: "D002")).number
        let c = try f.store.register(f.congress, f.registration(deputy: "D003")).number
        let e = try f.store.register(f.congress, f.registration(deputy: "D001")).number
        for n in [a, b, e] { _ = try f.store.accept(f.congress, n, on: d("2024-01-22")) }
        _ = try f.store.assign(f.congress, a, lead: "ZJJ", co: ["JTJ"], complex: false, on: d("2024-02-01"))
        _ = try f.store.assign(f.congress, b, lead: "CGJ", co: [], complex: false, on: d("2024-02-01"))
        _ = try f.store.assign(f.congress, e, lead: "JTJ", co: [], complex: false, on: d("2024-02-01"))
        _ = try f.store.requestTransfer(f.congress, e, unit: "JTJ", reason: "不属职责", on: d("2024-02-02"))
        _ = try f.store.approveTransfer(f.congress, e, to: "CGJ", on: d("2024-02-03"))
        return (a, b, c, e)
    }

    func numbers(_ store: Store, _ congress: Congress, _ filter: CaseFilter, page: Page? = nil) throws -> [String] {
        var seen: [String] = []
        try store.listCases(congress, filter, page: page) { seen.append($0.number) }
        return seen
    }

    @Test func pagesAreSlicesOfTheNumberOrderAndTheTotalCountsThemAll() throws {
        let f = try Fixture()
        let (a, b, c, e) = try cases(f)
        #expect(try numbers(f.store, f.congress, CaseFilter(), page: Page(limit: 2, offset: 0)) == [a, b])
        #expect(try numbers(f.store, f.congress, CaseFilter(), page: Page(limit: 2, offset: 2)) == [c, e])
        #expect(try numbers(f.store, f.congress, CaseFilter(), page: Page(limit: 3, offset: 3)) == [e])
        #expect(try numbers(f.store, f.congress, CaseFilter(), page: Page(limit: 3, offset: 4)) == [])
        #expect(try numbers(f.store, f.congress, CaseFilter(state: .assigned), page: Page(limit: 1, offset: 1)) == [b])
        #expect(try f.store.countCases(f.congress, CaseFilter()) == 4)
        #expect(try f.store.countCases(f.congress, CaseFilter(state: .assigned)) == 3)
        #expect(try f.store.countCases(f.congress, CaseFilter(deputy: "D009")) == 0)
    }

    @Test func seenByIsWhatTheRowPoliciesShow() throws {
        let f = try Fixture()
        let (a, b, c, e) = try cases(f)
        let expected: [(Party, [String])] = [
            (.secretariat, [a, b, c, e]), (.unit("ZJJ"), [a]), (.unit("JTJ"), [a, e]), (.unit("CGJ"), [b, e]), (.unit("SJJ"), []),
            (.deputy("D001"), [a, e]), (.deputy("D002"), [a, b]), (.deputy("D003"), [c]), (.deputy("D009"), []),
        ]
        let web = try f.webStore()
        for (party, listed) in expected {
            // As the owner, the filter alone; as the web role, the policies alone, and both.
            #expect(try numbers(f.store, f.congress, CaseFilter(seenBy: party)) == listed, "\(party)")
            #expect(try f.store.countCases(f.congress, CaseFilter(seenBy: party)) == listed.count, "\(party)")
            let account = Account(login: "someone", congress: "LL", party: party)
            try web.acting(as: account) { (store: Store) throws in
                #expect(try numbers(store, f.congress, CaseFilter()) == listed, "\(party)")
                #expect(try numbers(store, f.congress, CaseFilter(seenBy: party)) == listed, "\(party)")
                #expect(try store.countCases(f.congress, CaseFilter(seenBy: party)) == listed.count, "\(party)")
            }
        }
    }
}
