import CaseStore
import Casework
import Foundation
import HTTPTypes
import HummingbirdTesting
import Presentation
import Testing

/// `GET /api/v1/me/obligations` (a unit's), `GET /api/v1/overdue/runs` and
/// `GET /api/v1/satisfaction` (the secretariat's), through the web role.
@Suite("API reports", .serialized, .timeLimit(.minutes(2)))
struct ReportReadTests {
    /// ReadFixture's cases, and more for SJJ to owe (today 2026-04-27):
    /// - `severe`: SJJ co-handles; its opinion fell due 2026-02-26
    /// - `late`: SJJ co-handles; its opinion fell due 2026-04-16
    /// - `later1`, `later2`: SJJ leads; replies due 2026-06-02, the same day
    /// - `replied`: SJJ led and replied: it owes nothing more
    /// and `raisedByD1`, SJJ's reply due in early May.
    struct Owed: Sendable {
        let f: ReadFixture
        let severe, late, later1, later2, replied: String

        static func make() throws -> Owed {
            let f = try ReadFixture.make()
            let (store, congress) = (try f.owner(), f.congress)
            func assigned(_ deputy: String, lead: String, co: [String], on: String) throws -> String {
                let number = try store.register(congress, Registration(title: "建议\(lead)\(on)", deputy: deputy,
                                                                       session: SessionCode("5-4"), submittedOn: day("2026-01-21"))).number
                _ = try store.accept(congress, number, on: day("2026-01-22"))
                _ = try store.assign(congress, number, lead: lead, co: co, complex: false, on: day(on))
                return number
            }
            let severe = try assigned("D002", lead: "JTJ", co: ["SJJ"], on: "2026-01-26")
            let late = try assigned("D003", lead: "ZJJ", co: ["SJJ"], on: "2026-03-16")
            let later1 = try assigned("D001", lead: "SJJ", co: [], on: "2026-03-02")
            let later2 = try assigned("D001", lead: "SJJ", co: [], on: "2026-03-02")
            let replied = try assigned("D002", lead: "SJJ", co: [], on: "2026-02-02")
            _ = try store.reply(congress, replied, unit: "SJJ", outcome: .a, planBy: nil, text: "已解决", on: day("2026-03-01"))
            _ = try store.rate(congress, replied, result: .satisfied, attitude: .satisfied, comment: "", on: day("2026-03-05"))
            return Owed(f: f, severe: severe, late: late, later1: later1, later2: later2, replied: replied)
        }
    }

    @Test func aUnitsObligationsMostUrgentFirstWithTiersAndDays() async throws {
        let o = try Owed.make()
        let f = o.f
        let mayReply = try #require(try f.owner().caseView(f.congress, number: f.raisedByD1).deadlines.first { $0.kind == .reply }).due
        try await f.withServer { server in
            let response = try await server.call(.get, "/api/v1/me/obligations", token: try await server.token("sjj2"))
            #expect(response.status == .ok)
            let object = try #require(response.object)
            #expect(object["as_of"] as? String == "2026-04-27")
            #expect(object["total"] as? Int == 5 && object["limit"] as? Int == 50 && object["offset"] as? Int == 0)
            let items = try #require(object["obligations"] as? [[String: Any]])
            let rows = items.map { [$0["number"], $0["obligation"], $0["unit"], $0["round"], $0["due"], $0["tier"], $0["days_overdue"]]
                .map { $0.map { "\($0)" } ?? "nil" } }
            #expect(rows == [
                [o.severe, "opinion", "SJJ", "1", "2026-02-26", "severely_overdue", "60"],
                [o.late, "opinion", "SJJ", "1", "2026-04-16", "overdue", "11"],
                [f.raisedByD1, "reply", "SJJ", "1", mayReply.description, "due_soon", String(mayReply.days(until: day("2026-04-27")))],
                [o.later1, "reply", "SJJ", "1", "2026-06-02", "<null>", "-36"],
                [o.later2, "reply", "SJJ", "1", "2026-06-02", "<null>", "-36"],
            ])
            #expect(items.first?["title"] as? String == "建议JTJ2026-01-26")
            #expect(response.text.contains(#""tier":null"#))
        }
    }

    @Test func tiersFollowThePolicy() async throws {
        let o = try Owed.make()
        _ = try o.f.owner().setPolicy(o.f.congress, key: "severe_days", value: "61")
        try await o.f.withServer { server in
            let response = try await server.call(.get, "/api/v1/me/obligations?limit=1", token: try await server.token("sjj1"))
            let first = try #require((response.object?["obligations"] as? [[String: Any]])?.first)
            #expect(first["number"] as? String == o.severe)
            #expect(first["tier"] as? String == "overdue")
        }
    }

    @Test func obligationsPageAndKeepToTheUnit() async throws {
        let o = try Owed.make()
        let f = o.f
        try await f.withServer { server in
            let sjj = try await server.token("sjj1")
            let page = try await server.call(.get, "/api/v1/me/obligations?limit=2&offset=1", token: sjj)
            #expect(page.object?["total"] as? Int == 5)
            #expect((page.object?["obligations"] as? [[String: Any]])?.compactMap { $0["number"] as? String } == [o.late, f.raisedByD1])
            let beyond = try await server.call(.get, "/api/v1/me/obligations?offset=5", token: sjj)
            #expect(beyond.status == .ok)
            #expect((beyond.object?["obligations"] as? [Any])?.isEmpty == true && beyond.object?["total"] as? Int == 5)
            let bad = try await server.call(.get, "/api/v1/me/obligations?limit=0", token: sjj, headers: [.acceptLanguage: "en"])
            #expect(bad.status == .badRequest)
            #expect(bad.text == #"{"error":{"code":"invalid","message":"limit: '0' is not a whole number from 1 to 500"}}"#)

            // JTJ was relieved of `transferred`: its reply there is no longer owed.
            let jtj = try await server.call(.get, "/api/v1/me/obligations", token: try await server.token("jtj1"))
            let numbers = (jtj.object?["obligations"] as? [[String: Any]])?.compactMap { $0["number"] as? String } ?? []
            #expect(numbers.sorted() == [f.raisedByD1, o.severe].sorted())
            #expect((jtj.object?["obligations"] as? [[String: Any]])?.allSatisfy { $0["unit"] as? String == "JTJ" } == true)
        }
    }

    @Test func theWrongPartyIs403() async throws {
        let refusals = [
            ("/api/v1/me/obligations", ["sec", "d1"], "only a unit's account has obligations to list"),
            ("/api/v1/overdue/runs", ["sjj1", "d1"], "only the secretariat may read the overdue runs"),
            ("/api/v1/satisfaction", ["zjj1", "d2"], "only the secretariat may read the satisfaction summary"),
        ]
        let f = try ReadFixture.make()
        try await f.withServer { server in
            for (path, logins, message) in refusals {
            for login in logins {
                let response = try await server.call(.get, path, token: try await server.token(login), headers: [.acceptLanguage: "en"])
                #expect(response.status == .forbidden, "\(login) \(path)")
                #expect(response.text == #"{"error":{"code":"forbidden","message":"\#(message)"}}"#, "\(login) \(path)")
                let chinese = try await server.call(.get, path, token: try await server.token(login))
                #expect(chinese.status == .forbidden)
                #expect(chinese.headers[.contentLanguage] == "zh")
            }
            }
        }
    }

    @Test func overdueRunsAreTheCLIsJSON() async throws {
        let o = try Owed.make()
        let f = o.f
        let owner = try f.owner()
        for asOf in ["2026-04-20", "2026-04-27"] {
            _ = try owner.overdueRun(f.congress, asOf: day(asOf), warnDays: nil, wait: true) { _ in }
        }
        let clock = try CongressClock(f.congress)
        let runs = try owner.overdueRuns(f.congress)
        #expect(runs.count == 2)
        let all = JSONValue.array(runs.map { overdueRunJSON($0, clock) }).serialized()
        let newest = JSONValue.array([overdueRunJSON(runs[0], clock)]).serialized()
        try await f.withServer { server in
            let token = try await server.token("sec")
            let listed = try await server.call(.get, "/api/v1/overdue/runs", token: token)
            #expect(listed.status == .ok)
            #expect(listed.text == all)
            #expect(listed.text.hasPrefix(#"[{"run_id":2,"as_of":"2026-04-27""#))
            #expect(try await server.call(.get, "/api/v1/overdue/runs?limit=1", token: token).text == newest)
            for query in ["limit=0", "limit=1001", "offset=1"] {
                #expect(try await server.call(.get, "/api/v1/overdue/runs?\(query)", token: token).status == .badRequest, "\(query)")
            }
        }
    }

    @Test func satisfactionIsTheCLIsJSON() async throws {
        let o = try Owed.make()
        let f = o.f
        let owner = try f.owner()
        func expected(_ grouping: Grouping, _ scope: SummaryScope) throws -> String {
            var groups: [JSONValue] = []
            try owner.satisfaction(f.congress, by: grouping, scope: scope) { groups.append(measureJSON($0)) }
            return JSONValue.array(groups).serialized()
        }
        // The server's today (withServer's default): the day before which an unreplied reply is past due.
        let today = day("2026-04-27")
        let scopes: [(String, Grouping, SummaryScope)] = [
            ("", .unit, SummaryScope(asOf: today)),
            ("?by=deputy&session=5-4", .deputy, SummaryScope(asOf: today, session: "5-4")),
            ("?by=category&from=2026-03-01&to=2026-03-31", .category, SummaryScope(asOf: today, from: day("2026-03-01"), to: day("2026-03-31"))),
            ("?key=true", .unit, SummaryScope(asOf: today, keyOnly: true)),
            ("?session=9-9", .unit, SummaryScope(asOf: today, session: "9-9")),
        ]
        let cases = try scopes.map { ($0.0, try expected($0.1, $0.2)) }
        try await f.withServer { server in
            let token = try await server.token("sec")
            for (query, json) in cases {
                let response = try await server.call(.get, "/api/v1/satisfaction\(query)", token: token)
                #expect(response.status == .ok, "\(query)")
                #expect(response.text == json, "\(query)")
            }
            let byUnit = try await server.call(.get, "/api/v1/satisfaction", token: token)
            #expect(byUnit.text.contains(#""group":"SJJ""#) && byUnit.text.contains(#""satisfied":1"#))
        }
    }

    static let malformed = [
        ("by=team", "by: 'team' is not one of unit|category|session|delegation|deputy"),
        ("from=2026-02-30", "from: '2026-02-30' is not a date from 1900-01-01 to 9999-12-31 (YYYY-MM-DD)"),
        ("to=20260301", "to: '20260301' is not a date from 1900-01-01 to 9999-12-31 (YYYY-MM-DD)"),
        ("from=2026-03-31&to=2026-03-01", "to: 2026-03-01 is before from (2026-03-31)"),
        ("key=TRUE", "key: 'TRUE' is not true or false"),
        ("limit=5", "limit: no such query parameter (known: by, from, key, session, to)"),
    ]

    @Test func aMalformedSatisfactionQueryIs400() async throws {
        let f = try ReadFixture.make()
        try await f.withServer { server in
            // 400 comes before 403: even a unit gets it.
            for (query, message) in Self.malformed {
            for login in ["sec", "sjj1"] {
                let response = try await server.call(.get, "/api/v1/satisfaction?\(query)", token: try await server.token(login),
                                                     headers: [.acceptLanguage: "en"])
                #expect(response.status == .badRequest, "\(login) \(query)")
                #expect(response.text == #"{"error":{"code":"invalid","message":"\#(message)"}}"#, "\(login) \(query)")
            }
            }
        }
    }
}
