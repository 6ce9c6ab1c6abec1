import CaseStore
import Casework
import Foundation
import HummingbirdTesting
import JianyiServer
import Presentation

/// Cases set up as the owner (the CLI's side) for the read tests, on ServedCongress's people:
///
/// - `raisedByD1`: D001 with co-signer D002; lead SJJ, co-handler JTJ
/// - `raisedByD2`: D002; lead ZJJ; a key suggestion
/// - `submitted`: D003; not yet reviewed
/// - `transferred`: D001; JTJ relieved by a transfer to ZJJ
struct ReadFixture: Sendable {
    let served: ServedCongress
    let raisedByD1: String
    let raisedByD2: String
    let submitted: String
    let transferred: String

    var congress: Congress { served.congress }
    var all: [String] { [raisedByD1, raisedByD2, submitted, transferred] }

    static func make() throws -> ReadFixture {
        let served = try ServedCongress.make()
        let store = try Store(url: served.url, actor: "clerk")
        let congress = served.congress
        func register(_ title: String, _ deputy: String, cosigners: [String] = []) throws -> String {
            try store.register(congress, Registration(title: title, body: "正文：\(title)", deputy: deputy, cosigners: cosigners,
                                                      session: SessionCode("5-4"), submittedOn: day("2026-01-21"))).number
        }
        let raisedByD1 = try register("关于加快老旧小区改造的建议", "D001", cosigners: ["D002"])
        let raisedByD2 = try register("关于增设公交线路的建议", "D002")
        let submitted = try register("关于规范律师服务收费的建议", "D003")
        let transferred = try register("关于整治占道经营的建议", "D001")
        for number in [raisedByD1, raisedByD2, transferred] { _ = try store.accept(congress, number, on: day("2026-01-22")) }
        _ = try store.assign(congress, raisedByD1, lead: "SJJ", co: ["JTJ"], complex: false, on: day("2026-02-02"))
        _ = try store.assign(congress, raisedByD2, lead: "ZJJ", co: [], complex: false, on: day("2026-02-02"))
        _ = try store.supervise(congress, raisedByD2, leader: "张副主任", committee: nil, on: day("2026-02-03"))
        _ = try store.assign(congress, transferred, lead: "JTJ", co: [], complex: false, on: day("2026-02-02"))
        _ = try store.requestTransfer(congress, transferred, unit: "JTJ", reason: "不属于本单位职责", on: day("2026-02-03"))
        _ = try store.approveTransfer(congress, transferred, to: "ZJJ", on: day("2026-02-04"))
        return ReadFixture(served: served, raisedByD1: raisedByD1, raisedByD2: raisedByD2,
                           submitted: submitted, transferred: transferred)
    }

    /// A connection as the owner (the CLI's role), to set cases up and read what the CLI shows.
    func owner() throws -> Store { try Store(url: served.url, actor: "clerk") }

    /// A server on the web role for this congress, today being `today`.
    func withServer<Value: Sendable>(today: String = "2026-04-27", _ body: @Sendable (RunningServer) async throws -> Value) async throws -> Value {
        let pool = StorePool(.init(databaseURL: served.webURL, size: 2))
        let site = try Site(pool: pool, congress: congress, fixedToday: day(today))
        return try await RunningServer.with(pool: pool, site: site, body)
    }

    /// `show NUMBER --format json` as the CLI prints it (without the final line break).
    func shown(_ number: String, today: String = "2026-04-27") throws -> String {
        let store = try owner()
        let view = try store.caseView(congress, number: number)
        let clock = try CongressClock(congress)
        return caseJSON(view, today: day(today), contacts: try store.contacts(congress, caseID: view.id),
                        timeline: try store.history(congress, caseID: view.id).map { eventJSON($0, clock) })
            .serialized()
    }
}

func day(_ text: String) -> Day { Day(text)! }

extension TestClient.Response {
    /// The `number`s of a case list's `cases`.
    var numbers: [String] { (object?["cases"] as? [[String: Any]])?.compactMap { $0["number"] as? String } ?? [] }
}
