@testable import CaseStore
import Casework
import Postgres
import Testing

/// `case_state_as_of` (Schema/0025): each case as it stood at the end of a day, rebuilt from
/// its history. Rebuilt from the events alone (`case_state_rebuilt`, every case) as of the day
/// after every step, it must equal the suggestion row the steps keep, column by column: that
/// equality is what proves the reconstruction, and what lets `case_state_as_of` take the row of
/// a case with no step after the day.
@Suite struct AsOfTests {
    static let stateColumns = ["state", "lead_unit", "complex", "assigned_on", "round", "outcome", "plan_by", "replied_on",
                               "plan_done_on", "rating_result", "rating_attitude", "is_key", "key_leader", "key_committee", "closed_on"]

    /// The satisfaction scenario (replies A/B/C, a rehandling, a plan done, a key case, a final
    /// round-2 rating), and besides: a lead transferred twice and a co-handler transferred, a
    /// case rejected, one withdrawn, one submitted only, a key case supervised twice (the
    /// leader kept, the committee replaced), a B reply followed up but not done, a disputed
    /// contact, and 并案 and publication: a case merged into another, which consented to
    /// publication before its assignment and was approved after its reply (events that say no
    /// state).
    static func richWorld() throws -> Scenario {
        let w = try Scenario()
        let (s, c) = (w.f.store, w.f.congress)
        let d = { (text: String) in Day(text)! }
        let moved = try w.f.acceptedCase()
        _ = try s.assign(c, moved, lead: "ZJJ", co: ["SJJ"], complex: true, on: d("2024-02-01"))
        _ = try s.requestTransfer(c, moved, unit: "ZJJ", reason: "职责不符", on: d("2024-02-02"))
        _ = try s.approveTransfer(c, moved, to: "JTJ", on: d("2024-02-03"))
        _ = try s.requestTransfer(c, moved, unit: "SJJ", reason: "职责不符", on: d("2024-02-04"))
        _ = try s.approveTransfer(c, moved, to: "CGJ", on: d("2024-02-05"))
        _ = try s.supervise(c, moved, leader: "李主任", committee: "财经委", on: d("2024-02-06"))
        _ = try s.supervise(c, moved, leader: nil, committee: "城建环资工委", on: d("2024-02-07"))
        _ = try s.contact(c, moved, unit: "JTJ", mode: .phone, note: "", on: d("2024-02-08"))
        _ = try s.answerContact(c, moved, try ContactAnswer(contact: 1, confirmation: .disputed, note: "没有来电"), on: d("2024-02-09"))
        _ = try s.reply(c, moved, unit: "JTJ", outcome: .b, planBy: d("2025-03-31"), text: "列入计划", on: d("2024-04-01"))
        _ = try s.rate(c, moved, result: .basic, attitude: nil, comment: "", on: d("2024-04-02"))
        _ = try s.followUp(c, moved, progress: "进行中", done: false, on: d("2024-06-01"))
        let rejected = try s.register(c, w.f.registration("关于修路的建议", deputy: "D005")).number
        _ = try s.reject(c, rejected, reason: "不属于建议", on: d("2024-01-22"))
        let withdrawn = try s.register(c, w.f.registration("关于绿化的建议", deputy: "D006")).number
        _ = try s.withdraw(c, withdrawn, reason: "代表撤回", on: d("2024-01-23"))
        _ = try s.register(c, w.f.registration("关于停车的建议", deputy: "D007", session: nil, on: "2024-07-01"))
        let kept = try s.register(c, w.f.registration("关于公交线路的建议", deputy: "D008")).number
        let joined = try s.register(c, w.f.registration("关于公交站点的建议", deputy: "D009")).number
        _ = try s.accept(c, kept, on: d("2024-01-24"))
        _ = try s.merge(c, joined, into: kept, note: "同一事项", on: d("2024-01-26"))
        try s.consentToPublish(c, kept, consent: true, on: d("2024-01-27"))
        _ = try s.assign(c, kept, lead: "SJJ", co: [], complex: false, on: d("2024-02-01"))
        _ = try s.reply(c, kept, unit: "SJJ", outcome: .a, planBy: nil, text: "已解决", on: d("2024-04-03"))
        try s.decidePublication(c, kept, .approved, on: d("2024-04-05"))
        return w
    }

    /// Cases whose row and reconstruction differ as of `day`, and how many cases there are:
    /// every case rebuilt from its events, or (`allFromEvents` false) as the reports read them.
    static func differences(_ f: Fixture, asOf day: Day, allFromEvents: Bool) throws -> (differ: [String], cases: Int) {
        let function = allFromEvents ? "case_state_rebuilt(\(f.congress.id), '\(day)', '-infinity')" : "case_state_as_of(\(f.congress.id), '\(day)')"
        let columns = stateColumns.map { "s.\($0)" }.joined(separator: ", ")
        let rebuilt = stateColumns.map { "st.\($0)" }.joined(separator: ", ")
        // Test-only SQL from fixed names; the congress and the day are this test's own.
        let rows = try f.store.connection.query(PostgresQuery(unsafeSQL: """
            SELECT coalesce(s.number, '#' || st.suggestion_id) AS number,
                   st.suggestion_id IS NULL OR s.suggestion_id IS NULL OR (\(columns)) IS DISTINCT FROM (\(rebuilt)) AS differs
            FROM (SELECT * FROM suggestion WHERE congress_id = \(f.congress.id)) s
            FULL JOIN \(function) st ON st.suggestion_id = s.suggestion_id
            """)).rows
        return (try rows.filter { try $0.decode(Bool.self, "differs") }.map { try $0.decode(String.self, "number") }, rows.count)
    }

    @Test func asOfTheLastDayTheReconstructionIsTheCaseRow() throws {
        let w = try Self.richWorld()
        for allFromEvents in [true, false] {
            let result = try Self.differences(w.f, asOf: Day("2024-12-31")!, allFromEvents: allFromEvents)
            #expect(result.differ == [], "rebuilt from the history, these cases differ from their rows")
            #expect(result.cases == 14)
        }
    }

    /// What the reports and `list` show without --as-of equals what they show as of today.
    @Test func reportsAndListsAsOfTodayAreTodays() throws {
        let w = try Self.richWorld()
        let (s, c) = (w.f.store, w.f.congress)
        let today = Day("2024-12-31")!
        var now: [CaseView] = [], rebuilt: [CaseView] = []
        try s.listCases(c, CaseFilter()) { now.append($0) }
        try s.listCases(c, CaseFilter(asOf: today)) { rebuilt.append($0) }
        #expect(now.count == 14 && rebuilt == now)
        for filter in [CaseFilter(state: .closed), CaseFilter(keyOnly: true), CaseFilter(unit: "CGJ"), CaseFilter(unit: "SJJ"),
                       CaseFilter(overdueOn: today)] {
            var a: [String] = [], b: [String] = []
            try s.listCases(c, filter) { a.append($0.number) }
            var asOf = filter
            asOf.asOf = today
            try s.listCases(c, asOf) { b.append($0.number) }
            #expect(a == b && !a.isEmpty || filter.unit == "SJJ" && a.isEmpty && b.isEmpty, "\(filter)")
            #expect(try s.countCases(c, asOf) == b.count)
        }
    }

    /// One case through its life, a step on each of several days, seen as of each day.
    @Test func aCaseAsOfEachDayOfItsLife() throws {
        let f = try Fixture()
        let (s, c) = (f.store, f.congress)
        let d = { (text: String) in Day(text)! }
        let n = try s.register(c, f.registration(session: nil, on: "2026-02-27")).number
        _ = try s.accept(c, n, on: d("2026-02-28"))
        _ = try s.assign(c, n, lead: "ZJJ", co: ["JTJ"], complex: false, on: d("2026-03-02"))
        _ = try s.requestTransfer(c, n, unit: "JTJ", reason: "职责不符", on: d("2026-03-03"))
        _ = try s.approveTransfer(c, n, to: "SJJ", on: d("2026-03-04"))
        _ = try s.reply(c, n, unit: "ZJJ", outcome: .a, planBy: nil, text: "已解决", on: d("2026-06-03"))
        _ = try s.rate(c, n, result: .satisfied, attitude: .satisfied, comment: "", on: d("2026-06-10"))
        func seen(_ day: String) throws -> CaseView? {
            var views: [CaseView] = []
            try s.listCases(c, CaseFilter(asOf: d(day))) { views.append($0) }
            return views.first
        }
        #expect(try seen("2026-02-26") == nil)
        #expect(try seen("2026-02-27")?.state == .submitted)
        #expect(try seen("2026-03-01")?.state == .accepted)
        let assigned = try #require(try seen("2026-03-02"))
        #expect(assigned.state == .assigned && assigned.leadUnit == "ZJJ" && assigned.coUnits == ["JTJ"] && assigned.assignedOn == d("2026-03-02"))
        #expect(assigned.deadlines.allSatisfy { $0.recordedStatus == .open && $0.metOn == nil })
        #expect(try seen("2026-03-04")?.coUnits == ["SJJ"])
        let before = try #require(try seen("2026-06-02"))
        #expect(before.state == .assigned && before.repliedOn == nil && before.outcome == nil)
        #expect(before.deadlines.first { $0.kind == .reply }?.recordedStatus == .open)
        let replied = try #require(try seen("2026-06-03"))
        #expect(replied.state == .replied && replied.repliedOn == d("2026-06-03") && replied.outcome == .a && replied.ratingResult == nil)
        #expect(replied.deadlines.first { $0.kind == .reply }?.metOn == d("2026-06-03"))
        let closed = try #require(try seen("2026-06-10"))
        #expect(closed.state == .closed && closed.closedOn == d("2026-06-10") && closed.ratingResult == .satisfied)
        // The filters apply to the case as it stood: assigned on 06-02, not on 06-03; JTJ's then.
        #expect(try s.countCases(c, CaseFilter(state: .assigned, asOf: d("2026-06-02"))) == 1)
        #expect(try s.countCases(c, CaseFilter(state: .assigned, asOf: d("2026-06-03"))) == 0)
        #expect(try s.countCases(c, CaseFilter(unit: "JTJ", asOf: d("2026-03-03"))) == 1)
        #expect(try s.countCases(c, CaseFilter(unit: "JTJ", asOf: d("2026-03-04"))) == 0)
        // The summary: a reply dated 06-03 is not seen as of 06-02.
        func zjj(_ day: String) throws -> Measures? {
            var found: Measures?
            try s.satisfaction(c, by: .unit, scope: SummaryScope(asOf: d(day))) { if $0.group == "ZJJ" { found = $0 } }
            return found
        }
        #expect(try zjj("2026-03-01") == nil)
        #expect(try zjj("2026-06-02").map { [$0.cases, $0.replied, $0.rated] } == [1, 0, 0])
        #expect(try zjj("2026-06-03").map { [$0.cases, $0.replied, $0.rated] } == [1, 1, 0])
        #expect(try zjj("2026-06-10").map { [$0.cases, $0.replied, $0.rated, $0.satisfied, $0.closed] } == [1, 1, 1, 1, 1])
    }

    /// 并案: the case merged stands as it was up to the day before its merge and merged into its
    /// target from that day on; the target lists it from then, and keeps its own state. A
    /// consent to publish says no state and leaves the target's as it was.
    @Test func aMergedCaseAsOfTheDaysAroundItsMerge() throws {
        let f = try Fixture()
        let (s, c) = (f.store, f.congress)
        let d = { (text: String) in Day(text)! }
        let target = try f.acceptedCase(on: "2024-01-21")
        let merged = try s.register(c, f.registration("关于公交站点的建议", deputy: "D002")).number
        _ = try s.accept(c, merged, on: d("2024-01-22"))
        try s.consentToPublish(c, target, consent: true, on: d("2024-01-23"))
        _ = try s.merge(c, merged, into: target, note: "同一事项", on: d("2024-01-25"))
        _ = try s.assign(c, target, lead: "ZJJ", co: [], complex: false, on: d("2024-02-01"))
        func seen(_ day: String) throws -> [String: CaseView] {
            var views: [String: CaseView] = [:]
            try s.listCases(c, CaseFilter(asOf: d(day))) { views[$0.number] = $0 }
            return views
        }
        let before = try seen("2024-01-24")
        #expect(before[merged]?.state == .accepted && before[merged]?.mergedInto == nil)
        #expect(before[target]?.state == .accepted && before[target]?.merged == [])
        let after = try seen("2024-01-25")
        #expect(after[merged]?.state == .merged && after[merged]?.mergedInto == target)
        #expect(after[target]?.state == .accepted && after[target]?.merged == [merged])
        #expect(try seen("2024-02-01")[target]?.state == .assigned)
        #expect(try s.countCases(c, CaseFilter(state: .merged, asOf: d("2024-01-24"))) == 0)
        #expect(try s.countCases(c, CaseFilter(state: .merged, asOf: d("2024-01-25"))) == 1)
        #expect(try s.countCases(c, CaseFilter(state: .accepted, asOf: d("2024-01-24"))) == 2)
        // The monthly report's state counts read the same reconstruction.
        let counts = try s.connection.query(Store.stateCounts(c, d("2024-01-25"), d("2024-01-24"))).rows
            .map { "\(try $0.decode(String.self, "state")) \(try $0.decode(Int.self, "before_count")) \(try $0.decode(Int.self, "now_count"))" }
        #expect(counts.sorted() == ["accepted 2 1", "merged 0 1"])
    }

    /// Steps dated on or before the day but recorded after its end, on the congress's clock.
    @Test func lateEntriesAreCountedOnTheCongresssClock() throws {
        let f = try Fixture()
        let (s, c) = (f.store, f.congress)
        let n = try s.register(c, f.registration(session: nil, on: "2026-02-27")).number
        _ = try s.accept(c, n, on: Day("2026-02-28")!)
        // Recorded now (after 2026-03-01): both steps are late as of 03-01, one as of 02-27.
        #expect(try s.asOfStamp(c, asOf: Day("2026-03-01")!, madeOn: Day("2026-03-01")!).lateEntries == 2)
        #expect(try s.asOfStamp(c, asOf: Day("2026-02-27")!, madeOn: Day("2026-02-27")!).lateEntries == 1)
        #expect(try s.asOfStamp(c, asOf: Day("2026-02-26")!, madeOn: Day("2026-02-26")!).lateEntries == 0)
        // A paper step entered at 23:00 in Shanghai is on time; at 01:00 the next day, late.
        let id = try s.caseID(c, number: n)
        for (no, recorded) in [(3, "2026-06-02 15:00:00+00"), (4, "2026-06-02 17:00:00+00")] {
            try s.connection.execute("""
                INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, recorded_at, actor, data)
                VALUES (\(c.id), \(id), \(no), 'supervised', '2026-06-02', \(recorded)::timestamptz, 'tester', '{"state": "accepted"}')
                """)
        }
        let stamp = try s.asOfStamp(c, asOf: Day("2026-06-02")!, madeOn: Day("2026-06-02")!)
        #expect(stamp.lateEntries == 3)  // the two of February, recorded now, and the one of 01:00
        #expect(stamp.asOf == Day("2026-06-02")!)
    }

    /// Under the web role the reconstruction reads only the cases the actor may see.
    @Test func theReconstructionKeepsToTheRowsTheActorSees() throws {
        let w = try RowSecurityTests.World()
        let web = try w.f.webConnection()
        func rebuilt(_ party: Party?) throws -> Set<Int> {
            try asActor(web, congress: w.ll, party: party) {
                // As of 02-01 a, b and g are rebuilt from events (steps follow), c, d and e read as rows.
                Set(try $0.query("SELECT suggestion_id FROM case_state_as_of(\(w.ll)::integer, '2024-02-01'::date)").rows
                        .map { try $0.decode(Int.self, "suggestion_id") })
            }
        }
        func late(_ party: Party?) throws -> Int {
            try asActor(web, congress: w.ll, party: party) {
                try $0.query("SELECT late_entries_as_of(\(w.ll)::integer, '2024-12-31'::date) AS n").rows[0].decode(Int.self, "n")
            }
        }
        #expect(try rebuilt(.secretariat) == [w.a, w.b, w.c, w.d, w.e, w.g])
        #expect(try rebuilt(.unit("ZJJ")) == [w.a, w.d])
        #expect(try rebuilt(.deputy("D003")) == [w.b])
        #expect(try rebuilt(nil) == [])
        #expect(try late(.unit("ZJJ")) < late(.secretariat))
        #expect(try late(nil) == 0)
        let definer = try w.f.store.connection.query("""
            SELECT bool_or(prosecdef) AS definer FROM pg_proc WHERE proname IN ('case_state_as_of', 'case_state_rebuilt', 'late_entries_as_of')
            """).rows[0].decode(Bool.self, "definer")
        #expect(!definer)
    }
}
