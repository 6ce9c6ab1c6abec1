import CaseStore
import Casework
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JianyiServer

/// A served congress whose cases the owner (the CLI's role) brings to the state a test needs,
/// and a running server (as jianyi_web, today 2026-03-02) whose API the test then calls.
struct StepFixture {
    static let today = Day("2026-03-02")!
    let served: ServedCongress
    let server: RunningServer

    /// The database as its owner (the CLI's role) sees it, on a connection of its own.
    func owner() throws -> Store { try Store(url: served.url, actor: "setup") }

    static func with(_ body: @Sendable (StepFixture) async throws -> Void) async throws {
        try await withServed(body)
    }

    /// As `with`, returning what `body` returns.
    static func withServed<Value: Sendable>(_ body: @Sendable (StepFixture) async throws -> Value) async throws -> Value {
        let served = try ServedCongress.make()
        let pool = StorePool(.init(databaseURL: served.webURL, size: 2))
        let site = try Site(pool: pool, congress: served.congress, fixedToday: today)
        return try await RunningServer.with(pool: pool, site: site) { server in
            try await body(StepFixture(served: served, server: server))
        }
    }

    /// A case D001 raised (co-signed by D002), submitted on 2026-01-21.
    func submitted(title: String = "关于加快老旧小区改造的建议") throws -> String {
        try owner().register(served.congress, Registration(
            title: title, deputy: "D001", cosigners: ["D002"], session: try SessionCode.parse("5-4", for: "session"),
            submittedOn: Day("2026-01-21")!)).number
    }

    /// Accepted on 2026-01-25, assigned on 2026-01-26 to SJJ (lead) and JTJ (co).
    func assigned(title: String = "关于加快老旧小区改造的建议") throws -> String {
        let number = try submitted(title: title)
        let owner = try owner()
        _ = try owner.accept(served.congress, number, on: Day("2026-01-25")!)
        _ = try owner.assign(served.congress, number, lead: "SJJ", co: ["JTJ"], complex: false, on: Day("2026-01-26")!)
        return number
    }

    /// Replied by SJJ on 2026-02-10 with `outcome` (B: planned by 2026-06-30).
    func replied(_ outcome: Outcome = .a, title: String = "关于加快老旧小区改造的建议") throws -> String {
        let number = try assigned(title: title)
        _ = try owner().reply(served.congress, number, unit: "SJJ", outcome: outcome, planBy: outcome == .b ? Day("2026-06-30") : nil,
                            text: "已答复", on: Day("2026-02-10")!)
        return number
    }

    /// `POST /api/v1/cases/{number}/{step}` as `login`.
    func post(_ login: String, _ number: String?, _ step: String? = nil, _ json: String, english: Bool = true) async throws -> TestClient.Response {
        let path = number.map { "/api/v1/cases/\($0)" + (step.map { "/\($0)" } ?? "") } ?? "/api/v1/cases"
        return try await server.call(.post, path, json: json, token: try await server.token(login),
                                     headers: english ? [.acceptLanguage: "en"] : [:])
    }

    /// The case's state as the owner sees it.
    func state(_ number: String) throws -> CaseState {
        try owner().caseView(served.congress, number: number).state
    }
}

extension TestClient.Response {
    /// The error's code and message; ("", "") when the body is not an error.
    var error: (code: String, message: String) {
        let detail = object?["error"] as? [String: Any]
        return (detail?["code"] as? String ?? "", detail?["message"] as? String ?? "")
    }
}
