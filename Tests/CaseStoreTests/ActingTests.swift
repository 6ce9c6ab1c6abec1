@testable import CaseStore
import Casework
import Postgres
import Testing

/// `Store.acting(as:)` over a connection as jianyi_web: the same step functions as the CLI,
/// each party on its own cases, every event recorded with the account's login.
@Suite struct ActingTests {
    let d = { (text: String) in Day(text)! }

    @Test func aWholeCaseThroughTheWebRoleRecordsEachLogin() throws {
        let f = try Fixture()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let deputy = Account(login: "d001", congress: "LL", party: .deputy("D001"))
        let secretariat = Account(login: "office", congress: "LL", party: .secretariat)
        let lead = Account(login: "zjj-clerk", congress: "LL", party: .unit("ZJJ"))
        let co = Account(login: "jtj-clerk", congress: "LL", party: .unit("JTJ"))

        let n = try web.acting(as: deputy) { try $0.register(congress, f.registration(deputy: "D001", cosigners: ["D002"])) }.number
        try web.acting(as: secretariat) { store in
            _ = try store.accept(congress, n, on: d("2024-01-22"))
            _ = try store.assign(congress, n, lead: "ZJJ", co: ["JTJ"], complex: false, on: d("2024-02-01"))
        }
        try web.acting(as: lead) { _ = try $0.contact(congress, n, unit: "ZJJ", mode: .visit, note: "上门", on: d("2024-02-02")) }
        try web.acting(as: co) { _ = try $0.opinion(congress, n, unit: "JTJ", text: "同意", on: d("2024-02-05")) }
        try web.acting(as: lead) {
            _ = try $0.reply(congress, n, unit: "ZJJ", outcome: .b, planBy: d("2024-12-31"), text: "列入计划", on: d("2024-03-01"))
        }
        try web.acting(as: deputy) {
            _ = try $0.rate(congress, n, result: .basic, attitude: .satisfied, comment: "", on: d("2024-03-05"))
        }
        let closed = try web.acting(as: lead) { try $0.followUp(congress, n, progress: "完工", done: true, on: d("2024-06-01")) }
        #expect(closed.state == .closed)
        #expect(web.actor == "web")

        let history = try f.store.history(f.congress, number: n)
        #expect(history.map { "\($0.kind) \($0.actor)" } == [
            "registered d001", "accepted office", "assigned office", "contacted zjj-clerk", "opinion jtj-clerk",
            "replied zjj-clerk", "rated d001", "follow_up zjj-clerk",
        ])
        // What each party reads through the same functions as the CLI.
        #expect(try web.acting(as: co) { try $0.history(congress, number: n).count } == history.count)
        #expect(try web.acting(as: deputy) { try $0.caseView(congress, number: n).state } == .closed)
    }

    @Test func theOtherStepsAndTheReadsWorkOverTheWebRole() throws {
        let f = try Fixture()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let deputy = Account(login: "d001", congress: "LL", party: .deputy("D001"))
        let secretariat = Account(login: "office", congress: "LL", party: .secretariat)
        let zjj = Account(login: "zjj-clerk", congress: "LL", party: .unit("ZJJ"))

        let withdrawn = try web.acting(as: deputy) { store in
            let n = try store.register(congress, f.registration("撤回的建议", deputy: "D001")).number
            return try store.withdraw(congress, n, reason: "重复提交", on: d("2024-01-22"))
        }
        #expect(withdrawn.state == .withdrawn)
        let n = try web.acting(as: deputy) { try $0.register(congress, f.registration(deputy: "D001")) }.number
        try web.acting(as: secretariat) { store in
            _ = try store.accept(congress, n, on: d("2024-01-22"))
            _ = try store.supervise(congress, n, leader: "副市长", committee: nil, on: d("2024-01-23"))
            _ = try store.assign(congress, n, lead: "ZJJ", co: [], complex: false, on: d("2024-02-01"))
        }
        try web.acting(as: zjj) { _ = try $0.requestTransfer(congress, n, unit: "ZJJ", reason: "不属职责", on: d("2024-02-02")) }
        let moved = try web.acting(as: secretariat) { try $0.approveTransfer(congress, n, to: "CGJ", on: d("2024-02-03")) }
        #expect(moved.state == .assigned)
        _ = try f.store.overdueRun(f.congress, asOf: d("2024-09-02"), warnDays: nil, wait: true) { _ in }

        // The relieved unit still reads its past case; the secretariat reads everything it reports on.
        try web.acting(as: zjj) { store in
            #expect(try store.caseView(congress, number: n).leadUnit == "CGJ")
            #expect(try !store.deadlines(congress, caseID: store.caseID(congress, number: n)).isEmpty)
            var listed: [String] = []
            try store.listCases(congress, CaseFilter()) { listed.append($0.number) }
            #expect(listed == [n])
            #expect(try store.explain(congress, number: n).count > 0)
            #expect(try store.overdueRuns(congress).isEmpty)
        }
        try web.acting(as: secretariat) { store in
            var listed = 0
            try store.listCases(congress, CaseFilter()) { _ in listed += 1 }
            #expect(listed == 2)
            let run = try #require(try store.overdueRuns(congress).first)
            var flags = 0
            try store.overdueFlags(congress, of: run) { _ in flags += 1 }
            #expect(flags > 0)
            var groups = 0
            try store.satisfaction(congress, by: .unit, scope: SummaryScope(asOf: Day("2026-06-01")!)) { _ in groups += 1 }
            #expect(groups > 0)
            #expect(try store.similar(congress, title: "老旧小区改造", excluding: nil, before: nil, limit: 5, threshold: 0.1).count == 1)
            #expect(try store.deputies(congress).count == 9)
            #expect(!(try store.policy(congress)).isEmpty)
        }
    }

    @Test func aCaseTheAccountMayNotSeeIsOneThatDoesNotExist() throws {
        let f = try Fixture()
        let n = try f.acceptedCase()
        _ = try f.store.assign(f.congress, n, lead: "CGJ", co: [], complex: false, on: d("2024-02-01"))
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let other = Account(login: "zjj-clerk", congress: "LL", party: .unit("ZJJ"))
        let error = #expect(throws: LookupError.self) {
            try web.acting(as: other) { try $0.contact(congress, n, unit: "ZJJ", mode: .phone, note: "", on: d("2024-02-02")) }
        }
        #expect(error == .noSuchCase(number: n, congress: "LL"))
        #expect(throws: LookupError.self) { try web.acting(as: other) { try $0.caseParties(congress, n) } }
        #expect(throws: LookupError.noSuchCase(number: n, congress: "LL")) { try web.acting(as: other) { try $0.caseView(congress, number: n) } }
    }

    @Test func caseQueriesOutsideActingSeeNothing() throws {
        let f = try Fixture()
        let n = try f.acceptedCase()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        #expect(throws: LookupError.noSuchCase(number: n, congress: "LL")) { try web.caseParties(congress, n) }
        let parties = try web.acting(as: Account(login: "office", congress: "LL", party: .secretariat)) { try $0.caseParties(congress, n) }
        #expect(parties == CaseParties(deputy: "D001"))
    }

    @Test func aDeputySubmitsOnlyInTheirOwnName() throws {
        let f = try Fixture()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let deputy = Account(login: "d001", congress: "LL", party: .deputy("D001"))
        // The store refuses it first (typed, for a 403); the row policy that would refuse the
        // INSERT below it is proved by raw SQL in RowSecurityTests.
        #expect(throws: AccessError.mayNotSubmit(party: .deputy("D001"), deputy: "D003")) {
            try web.acting(as: deputy) { try $0.register(congress, f.registration(deputy: "D003")) }
        }
        #expect(try f.count("suggestion") == 0)
        #expect(try f.count("number_counter") == 0)
    }

    @Test func theCaseParties() throws {
        let f = try Fixture()
        let n = try f.store.register(f.congress, f.registration(deputy: "D001", cosigners: ["D002", "D003"])).number
        _ = try f.store.accept(f.congress, n, on: d("2024-01-22"))
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: ["JTJ"], complex: false, on: d("2024-02-01"))
        _ = try f.store.requestTransfer(f.congress, n, unit: "JTJ", reason: "不属职责", on: d("2024-02-02"))
        _ = try f.store.approveTransfer(f.congress, n, to: "CGJ", on: d("2024-02-03"))
        let parties = try f.store.caseParties(f.congress, n)
        #expect(parties.deputy == "D001")
        #expect(parties.cosigners == ["D002", "D003"])
        #expect(parties.assignments == [
            .init(unit: "JTJ", role: .co, active: false), .init(unit: "ZJJ", role: .lead), .init(unit: "CGJ", role: .co),
        ])
    }
}
