import CaseStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// `GET /api/v1/cases` and `GET /api/v1/cases/{number}` as each party, through the web role:
/// what each sees, what it does not, and that a case it may not see is answered exactly as
/// one that does not exist.
@Suite("API case reads", .serialized, .timeLimit(.minutes(2)))
struct CaseReadTests {
    @Test func eachPartyListsExactlyTheCasesItSees() async throws {
        let f = try ReadFixture.make()
        let expected: [(String, [String])] = [
            ("sec", f.all),
            ("sjj1", [f.raisedByD1]), ("sjj2", [f.raisedByD1]),
            ("jtj1", [f.raisedByD1, f.transferred]),  // relieved of `transferred`, it still sees it
            ("zjj1", [f.raisedByD2, f.transferred]),
            ("d1", [f.raisedByD1, f.transferred]),
            ("d2", [f.raisedByD1, f.raisedByD2]),  // co-signed and own
            ("d3", [f.submitted]),
        ]
        try await f.withServer { server in
            for (login, numbers) in expected {
                let response = try await server.call(.get, "/api/v1/cases", token: try await server.token(login))
                #expect(response.status == .ok, "\(login)")
                #expect(response.numbers == numbers, "\(login)")
                #expect(response.object?["total"] as? Int == numbers.count, "\(login)")
            }
        }
    }

    @Test func aCaseIsTheShowObjectForThoseWhoSeeIt() async throws {
        let f = try ReadFixture.make()
        let shown = try Dictionary(uniqueKeysWithValues: f.all.map { ($0, try f.shown($0)) })
        try await f.withServer { server in
            for (login, number) in [("sec", f.raisedByD1), ("sjj1", f.raisedByD1), ("jtj1", f.transferred), ("d2", f.raisedByD1),
                                    ("d3", f.submitted)] {
                let response = try await server.call(.get, "/api/v1/cases/\(number)", token: try await server.token(login))
                #expect(response.status == .ok, "\(login) \(number)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.text == shown[number], "\(login) \(number)")
            }
            // The list gives the summary: the same object without body and timeline.
            let listed = try await server.call(.get, "/api/v1/cases?limit=1", token: try await server.token("sjj1"))
            let summary = try #require((listed.object?["cases"] as? [[String: Any]])?.first)
            #expect(summary["number"] as? String == f.raisedByD1)
            #expect(summary["body"] == nil && summary["timeline"] == nil)
            #expect(summary["lead_unit"] as? String == "SJJ")
        }
    }

    @Test func aCaseOneMayNotSeeIsAnsweredAsOneThatDoesNotExist() async throws {
        let f = try ReadFixture.make()
        let missing = "5-4-0999"
        try await f.withServer { server in
            for (login, hidden) in [("sjj1", f.raisedByD2), ("sjj1", f.submitted), ("jtj1", f.raisedByD2), ("d1", f.raisedByD2),
                                    ("d3", f.raisedByD1)] {
                let token = try await server.token(login)
                for language in ["zh", "en"] {
                    let headers: HTTPFields = [.acceptLanguage: language]
                    let refused = try await server.call(.get, "/api/v1/cases/\(hidden)", token: token, headers: headers)
                    let absent = try await server.call(.get, "/api/v1/cases/\(missing)", token: token, headers: headers)
                    #expect(refused.status == .notFound, "\(login) \(hidden)")
                    #expect(absent.status == .notFound)
                    #expect(refused.text.replacingOccurrences(of: hidden, with: "N") == absent.text.replacingOccurrences(of: missing, with: "N"),
                            "\(login) \(hidden)")
                    #expect(refused.headers.filter { $0.name != .date } == absent.headers.filter { $0.name != .date })
                    #expect(refused.text.contains(#""code":"not_found""#))
                }
            }
            let english = try await server.call(.get, "/api/v1/cases/\(missing)", token: try await server.token("sjj1"),
                                                headers: [.acceptLanguage: "en"])
            #expect(english.text == #"{"error":{"code":"not_found","message":"suggestion \#(missing) does not exist"}}"#)
        }
    }

    @Test func filtersNarrowWhatTheCallerSees() async throws {
        let f = try ReadFixture.make()
        let expected: [(String, String, [String])] = [
            ("sec", "state=assigned", [f.raisedByD1, f.raisedByD2, f.transferred]),
            ("sec", "state=submitted", [f.submitted]),
            ("sec", "unit=ZJJ", [f.raisedByD2, f.transferred]),
            ("sec", "unit=JTJ", [f.raisedByD1]),  // currently assigned only
            ("sec", "deputy=D001", [f.raisedByD1, f.transferred]),
            ("sec", "session=5-4", f.all),
            ("sec", "session=9-9", []),
            ("sec", "key=true", [f.raisedByD2]),
            ("sec", "key=false", f.all),
            ("sec", "deputy=D001&state=assigned&unit=SJJ", [f.raisedByD1]),
            ("sec", "unit=NOPE", []),
            ("jtj1", "unit=ZJJ", [f.transferred]),  // ZJJ's other case is not JTJ's to see
            ("d2", "deputy=D002", [f.raisedByD2]),
            ("d2", "state=submitted", []),
            ("zjj1", "key=true", [f.raisedByD2]),
            ("sjj1", "key=true", []),
        ]
        try await f.withServer { server in
            for (login, query, numbers) in expected {
                let response = try await server.call(.get, "/api/v1/cases?\(query)", token: try await server.token(login))
                #expect(response.status == .ok, "\(login) \(query)")
                #expect(response.numbers == numbers, "\(login) \(query)")
                #expect(response.object?["total"] as? Int == numbers.count, "\(login) \(query)")
            }
        }
    }

    @Test func overdueIsAsOfToday() async throws {
        let f = try ReadFixture.make()
        // JTJ's opinion on raisedByD1 (assigned 2026-02-02, one month) falls due on 2026-03-02.
        let opinion = try #require(try f.owner().caseView(f.congress, number: f.raisedByD1).deadlines.first { $0.kind == .opinion })
        #expect(opinion.due == day("2026-03-02"))
        for (today, numbers) in [("2026-03-02", [String]()), ("2026-03-03", [f.raisedByD1])] {
            try await f.withServer(today: today) { server in
                let token = try await server.token("sec")
                let response = try await server.call(.get, "/api/v1/cases?overdue=true", token: token)
                #expect(response.numbers == numbers, "\(today)")
                #expect(try await server.call(.get, "/api/v1/cases?overdue=false", token: token).numbers == f.all)
            }
        }
    }

    @Test func pagesInNumberOrderWithTheTotal() async throws {
        let f = try ReadFixture.make()
        try await f.withServer { server in
            let token = try await server.token("sec")
            let pages: [(String, [String], Int, Int)] = [
                ("", f.all, 50, 0),
                ("?limit=2", Array(f.all[0..<2]), 2, 0),
                ("?limit=2&offset=2", Array(f.all[2..<4]), 2, 2),
                ("?offset=3", [f.transferred], 50, 3),
                ("?offset=4", [], 50, 4),
                ("?limit=500&offset=2147483647", [], 500, 2147483647),
                ("?state=assigned&limit=1&offset=1", [f.raisedByD2], 1, 1),
            ]
            for (query, numbers, limit, offset) in pages {
                let response = try await server.call(.get, "/api/v1/cases\(query)", token: token)
                #expect(response.status == .ok, "\(query)")
                #expect(response.numbers == numbers, "\(query)")
                let object = try #require(response.object)
                #expect(object["limit"] as? Int == limit && object["offset"] as? Int == offset, "\(query)")
                #expect(object["total"] as? Int == (query.contains("state=assigned") ? 3 : 4), "\(query)")
            }
        }
    }

    static let malformed: [(String, String)] = [
        ("limit=0", "limit: '0' is not a whole number from 1 to 500"),
        ("limit=501", "limit: '501' is not a whole number from 1 to 500"),
        ("limit=-1", "limit: '-1' is not a whole number from 1 to 500"),
        ("limit=ten", "limit: 'ten' is not a whole number from 1 to 500"),
        ("limit=", "limit: '' is not a whole number from 1 to 500"),
        ("offset=-1", "offset: '-1' is not a whole number from 0 to 2147483647"),
        ("offset=1.5", "offset: '1.5' is not a whole number from 0 to 2147483647"),
        ("offset=2147483648", "offset: '2147483648' is not a whole number from 0 to 2147483647"),
        ("offset=99999999999999999999999", "offset: '99999999999999999999999' is not a whole number from 0 to 2147483647"),
        ("limit=1&limit=2", "limit: is given more than once"),
        ("key=yes", "key: 'yes' is not true or false"),
        ("overdue=1", "overdue: '1' is not true or false"),
        ("state=open", "state: 'open' is not one of submitted|accepted|rejected|withdrawn|assigned|replied|rehandling|following|closed|merged"),
        ("status=assigned", "status: no such query parameter (known: deputy, key, limit, offset, overdue, session, state, unit)"),
        ("unit=SJJ%00", "unit: must not hold a NUL character"),
        ("unit=%E4%B8", "unit: is not valid percent-encoded UTF-8"),
    ]

    @Test
    func aMalformedQueryIs400NamingTheParameter() async throws {
        let f = try ReadFixture.make()
        try await f.withServer { server in
            for (query, message) in Self.malformed {
            let response = try await server.call(.get, "/api/v1/cases?\(query)", token: try await server.token("sec"),
                                                 headers: [.acceptLanguage: "en"])
            #expect(response.status == .badRequest, "\(query)")
            #expect(response.text == #"{"error":{"code":"invalid","message":"\#(message)"}}"#, "\(query)")
            let chinese = try await server.call(.get, "/api/v1/cases?\(query)", token: try await server.token("sec"))
            #expect(chinese.status == .badRequest)
            #expect(chinese.text.contains(#""message":""# + message.prefix { $0 != ":" } + "："), "\(query)")
            }
        }
    }

    @Test func aCaseReadsNoQueryParameters() async throws {
        let f = try ReadFixture.make()
        let shown = try f.shown(f.raisedByD1)
        try await f.withServer { server in
            let response = try await server.call(.get, "/api/v1/cases/\(f.raisedByD1)?timeline=false&limit=0", token: try await server.token("sec"))
            #expect(response.status == .ok)
            #expect(response.text == shown)
        }
    }

    @Test func readsNeedAToken() async throws {
        let f = try ReadFixture.make()
        try await f.withServer { server in
            for path in ["/api/v1/cases", "/api/v1/cases/\(f.raisedByD1)", "/api/v1/me/obligations", "/api/v1/overdue/runs",
                         "/api/v1/satisfaction"] {
                let response = try await server.call(.get, path)
                #expect(response.status == .unauthorized, "\(path)")
            }
        }
    }
}
