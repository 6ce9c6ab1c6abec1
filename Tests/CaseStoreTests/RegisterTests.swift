@testable import CaseStore
import Casework
import Foundation
import Postgres
import Testing

@Suite struct RegisterTests {
    @Test func numbersAreSequentialPerSeries() throws {
        let f = try Fixture()
        #expect(try f.store.register(f.congress, f.registration()).number == "5-4-0001")
        #expect(try f.store.register(f.congress, f.registration(session: nil, on: "2026-03-02")).number == "R2026-0001")
        #expect(try f.store.register(f.congress, f.registration()).number == "5-4-0002")
        #expect(try f.store.register(f.congress, f.registration(session: nil, on: "2025-12-31")).number == "R2025-0001")
        #expect(try f.store.register(f.congress, f.registration(session: nil, on: "2026-12-31")).number == "R2026-0002")
    }

    @Test func storesEverythingAndTheFirstEvent() throws {
        let f = try Fixture()
        let title = "关于\"加强\"农村饮水'安全'保障的建议 \\ 😀"
        let done = try f.store.register(f.congress, f.registration(title, deputy: "D002", cosigners: ["D003", "D001"]))
        let view = try f.store.caseView(f.congress, number: done.number)
        #expect(view.title == title)
        #expect(view.deputy == "D002")
        #expect(view.cosigners == ["D003", "D001"])
        #expect(view.state == .submitted)
        #expect(view.session == "5-4")
        #expect(view.submittedOn == Day("2024-01-21")!)
        let events = try f.store.history(f.congress, number: done.number)
        #expect(events.count == 1)
        #expect(events[0].kind == .registered)
        #expect(events[0].actor == "tester")
        #expect(events[0].data.contains("\"number\": \"5-4-0001\""))
    }

    @Test(arguments: [
        ("D404", [String](), "5-4", LookupError.unknownDeputy("D404", role: .lead, congress: "LL")),
        ("D001", ["D002", "D405"], "5-4", .unknownDeputy("D405", role: .cosigner, congress: "LL")),
        ("D001", [], "9-9", .unknownSession("9-9", congress: "LL")),
    ])
    func unknownCodesAreRefusedAndNothingIsWritten(deputy: String, cosigners: [String], session: String, refusal: LookupError) throws {
        let f = try Fixture()
        #expect(throws: refusal) {
            try f.store.register(f.congress, f.registration(deputy: deputy, cosigners: cosigners, session: session))
        }
        #expect(try f.count("suggestion") == 0)
        #expect(try f.count("case_event") == 0)
        #expect(try f.count("number_counter") == 0)
        #expect(try f.store.register(f.congress, f.registration()).number == "5-4-0001")
    }

    @Test func historyIsAppendOnly() throws {
        let f = try Fixture()
        _ = try f.store.register(f.congress, f.registration())
        for statement: PostgresQuery in [
            "UPDATE case_event SET actor = 'someone else'", "DELETE FROM case_event", "TRUNCATE case_event CASCADE",
        ] {
            let error = try #require(throws: PostgresError.self) { try f.store.connection.execute(statement) }
            #expect(error.sqlState == SQLState.raiseException)
            #expect(error.message.contains("append-only"))
        }
        #expect(try f.count("case_event") == 1)
    }

    /// 16 registrars on 16 connections at once, some of whose registrations fail: the
    /// numbers that exist are exactly 0001…N, no duplicate and no gap.
    @Test func sixteenConcurrentRegistrarsGetGaplessNumbers() throws {
        let f = try Fixture()
        let perThread = 12
        let numbers = NSLockedArray()
        let failures = NSLockedArray()
        let url = f.url
        let congress = f.congress
        let threads = (0..<16).map { thread in
            Thread {
                do {
                    let store = try Store(url: url, actor: "registrar\(thread)")
                    for i in 0..<perThread {
                        // Every fourth attempt names an unknown co-signer and must leave no trace.
                        let cosigners = i % 4 == 3 ? ["D999"] : ["D002"]
                        let r = try Registration(title: "并发登记 \(thread)-\(i)", deputy: "D001", cosigners: cosigners,
                                                 session: SessionCode("5-4"), submittedOn: Day("2024-01-21")!)
                        do {
                            numbers.append(try store.register(congress, r).number)
                            if i % 4 == 3 { failures.append("\(thread)-\(i) with co-signer D999 was registered") }
                        } catch let refusal as LookupError
                            where i % 4 == 3 && refusal == .unknownDeputy("D999", role: .cosigner, congress: "LL") {
                            // The refusal this attempt was made for; any other error is a finding.
                        }
                    }
                } catch { failures.append("\(error)") }
            }
        }
        try runAll(threads)
        #expect(failures.items.isEmpty)
        let expected = 16 * perThread * 3 / 4
        #expect(numbers.items.count == expected)
        #expect(Set(numbers.items) == Set((1...expected).map { NumberSeries.session(SessionCode("5-4")!).number($0) }))
        #expect(try f.count("suggestion") == expected)
        #expect(try f.count("case_event") == expected)
    }
}
