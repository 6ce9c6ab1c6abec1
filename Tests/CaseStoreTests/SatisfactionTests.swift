import CaseStore
import Casework
import Testing

/// Three units, eight cases, all assigned 2024-02-20 (reply due 2024-05-20). Every number
/// below is worked out by hand from this story:
///   C1 ZJJ  contact 03-01, reply A 04-01, rated satisfied/satisfied → closed
///   C2 ZJJ  no contact, reply C 05-25 (late), rated basic/dissatisfied → closed
///   C3 ZJJ  contact 03-10, reply B (plan 12-31) 05-10, rated satisfied/basic, plan done 11-30 → closed
///   C4 JTJ  contact 04-01, reply B (plan 2025-06-30) 05-15, rated basic/satisfied → following (plan not done)
///   C5 JTJ  reply A 05-20 (the due day), contact 05-21 (after the reply), never rated
///   C6 JTJ  contact 03-05, reply A 04-10, rated dissatisfied → rehandling, reply A 05-01, rated satisfied/satisfied
///   C7 CGJ  assigned, never replied (a key suggestion): past due from 05-21 on
///   C8 CGJ  contact 03-01, reply C 04-20, rated dissatisfied/basic, reply C 05-10, rated dissatisfied/dissatisfied (final)
struct Scenario {
    let f: Fixture
    let numbers: [String]

    init() throws {
        f = try Fixture()
        let s = f.store, c = f.congress
        let d = { (text: String) in Day(text)! }
        var numbers: [String] = []
        for (lead, deputy) in [("ZJJ", "D001"), ("ZJJ", "D002"), ("ZJJ", "D001"), ("JTJ", "D003"), ("JTJ", "D003"),
                               ("JTJ", "D002"), ("CGJ", "D004"), ("CGJ", "D001")] {
            let n = try s.register(c, f.registration(deputy: deputy)).number
            _ = try s.accept(c, n, on: d("2024-01-25"))
            _ = try s.assign(c, n, lead: lead, co: [], complex: false, on: d("2024-02-20"))
            numbers.append(n)
        }
        let (c1, c2, c3, c4, c5, c6, c7, c8) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6], numbers[7])
        _ = try s.contact(c, c1, unit: "ZJJ", mode: .faceToFace, note: "", on: d("2024-03-01"))
        _ = try s.reply(c, c1, unit: "ZJJ", outcome: .a, planBy: nil, text: "已解决", on: d("2024-04-01"))
        _ = try s.rate(c, c1, result: .satisfied, attitude: .satisfied, comment: "", on: d("2024-04-10"))
        _ = try s.reply(c, c2, unit: "ZJJ", outcome: .c, planBy: nil, text: "条件不具备", on: d("2024-05-25"))
        _ = try s.rate(c, c2, result: .basic, attitude: .dissatisfied, comment: "未与代表沟通", on: d("2024-06-01"))
        _ = try s.contact(c, c3, unit: "ZJJ", mode: .phone, note: "", on: d("2024-03-10"))
        _ = try s.reply(c, c3, unit: "ZJJ", outcome: .b, planBy: d("2024-12-31"), text: "列入计划", on: d("2024-05-10"))
        _ = try s.rate(c, c3, result: .satisfied, attitude: .basic, comment: "", on: d("2024-05-20"))
        _ = try s.followUp(c, c3, progress: "完成", done: true, on: d("2024-11-30"))
        _ = try s.contact(c, c4, unit: "JTJ", mode: .visit, note: "", on: d("2024-04-01"))
        _ = try s.reply(c, c4, unit: "JTJ", outcome: .b, planBy: d("2025-06-30"), text: "列入计划", on: d("2024-05-15"))
        _ = try s.rate(c, c4, result: .basic, attitude: .satisfied, comment: "", on: d("2024-05-25"))
        _ = try s.reply(c, c5, unit: "JTJ", outcome: .a, planBy: nil, text: "已解决", on: d("2024-05-20"))
        _ = try s.contact(c, c5, unit: "JTJ", mode: .phone, note: "事后回访", on: d("2024-05-21"))
        _ = try s.contact(c, c6, unit: "JTJ", mode: .written, note: "", on: d("2024-03-05"))
        _ = try s.reply(c, c6, unit: "JTJ", outcome: .a, planBy: nil, text: "已解决", on: d("2024-04-10"))
        _ = try s.rate(c, c6, result: .dissatisfied, attitude: .basic, comment: "未落实", on: d("2024-04-15"))
        _ = try s.reply(c, c6, unit: "JTJ", outcome: .a, planBy: nil, text: "已落实", on: d("2024-05-01"))
        _ = try s.rate(c, c6, result: .satisfied, attitude: .satisfied, comment: "", on: d("2024-05-08"))
        _ = try s.supervise(c, c7, leader: "张副主任", committee: "城建环资工委", on: d("2024-03-01"))
        _ = try s.contact(c, c8, unit: "CGJ", mode: .faceToFace, note: "", on: d("2024-03-01"))
        _ = try s.reply(c, c8, unit: "CGJ", outcome: .c, planBy: nil, text: "暂不具备条件", on: d("2024-04-20"))
        _ = try s.rate(c, c8, result: .dissatisfied, attitude: .basic, comment: "理由不充分", on: d("2024-04-25"))
        _ = try s.reply(c, c8, unit: "CGJ", outcome: .c, planBy: nil, text: "再次说明", on: d("2024-05-10"))
        _ = try s.rate(c, c8, result: .dissatisfied, attitude: .dissatisfied, comment: "仍不满意", on: d("2024-05-15"))
        self.numbers = numbers
    }

    /// The report's day of the summaries below unless they say otherwise: every reply long due.
    static let asOf = Day("2024-12-31")!

    func summary(_ grouping: Grouping = .unit, _ scope: SummaryScope = SummaryScope(asOf: asOf)) throws -> [String: Measures] {
        var rows: [String: Measures] = [:]
        try f.store.satisfaction(f.congress, by: grouping, scope: scope) { rows[$0.group] = $0 }
        return rows
    }
}

@Suite struct SatisfactionTests {
    @Test func everyNumberOfTheUnitSummary() throws {
        let rows = try Scenario().summary()
        #expect(rows.keys.sorted() == ["CGJ", "JTJ", "ZJJ"])
        let zjj = try #require(rows["ZJJ"]), jtj = try #require(rows["JTJ"]), cgj = try #require(rows["CGJ"])
        // [cases, replied, on time, unreplied past due, contacted, rated, satisfied, basic, dissatisfied, attitude rated, attitude satisfied,
        //  round-1 dissatisfied, A, B, C, resolved, closed]
        func counts(_ m: Measures) -> [Int] {
            [m.cases, m.replied, m.repliedOnTime, m.unrepliedPastDue, m.contacted, m.rated, m.satisfied, m.basic, m.dissatisfied, m.attitudeRated,
             m.attitudeSatisfied, m.firstRoundDissatisfied, m.outcomeA, m.outcomeB, m.outcomeC, m.resolved, m.closed]
        }
        #expect(counts(zjj) == [3, 3, 2, 0, 2, 3, 2, 1, 0, 3, 2, 0, 1, 1, 1, 2, 3])
        #expect(counts(jtj) == [3, 3, 3, 0, 2, 2, 1, 1, 0, 2, 2, 1, 2, 1, 0, 2, 1])
        #expect(counts(cgj) == [2, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1])
        func rates(_ m: Measures) -> [String] {
            [m.onTimeRate, m.repliedOnTimeRate, m.contactRate, m.satisfactionRate, m.satisfiedRate, m.attitudeSatisfactionRate,
             m.resolutionRate, m.completionRate].map(\.formatted)
        }
        #expect(rates(zjj) == ["0.6667", "0.6667", "0.6667", "1.0000", "0.6667", "0.6667", "0.6667", "1.0000"])
        #expect(rates(jtj) == ["1.0000", "1.0000", "0.6667", "1.0000", "0.5000", "1.0000", "0.6667", "0.3333"])
        // CGJ replied its one replied case on time, but C7 is past due unreplied: 1 of 2, not 100 %.
        #expect(rates(cgj) == ["0.5000", "1.0000", "1.0000", "0.0000", "0.0000", "0.0000", "0.0000", "0.5000"])
        #expect(zjj.groupName == "市住房和城乡建设局")
    }

    @Test func zeroDenominatorsAreEmptyNotZero() throws {
        let scenario = try Scenario()
        // As of C7's due day its reply is not yet past due: nothing is owed, so no on-time rate.
        let rows = try scenario.summary(.unit, SummaryScope(asOf: Day("2024-05-20")!, keyOnly: true))
        let cgj = try #require(rows["CGJ"])
        #expect(rows.count == 1)
        #expect(cgj.cases == 1 && cgj.replied == 0 && cgj.rated == 0 && cgj.unrepliedPastDue == 0)
        #expect(cgj.onTimeRate.formatted == "")
        #expect(cgj.repliedOnTimeRate.formatted == "")
        #expect(cgj.satisfactionRate.formatted == "")
        #expect(cgj.resolutionRate.value == nil)
        #expect(cgj.completionRate.formatted == "0.0000")
    }

    /// A unit that never replies is not on time: from the day after the reply's due day, the
    /// unreplied case counts against it, while the replied-only figure has nothing to divide.
    @Test func aUnitThatNeverRepliesIsNotOnTime() throws {
        let scenario = try Scenario()
        for (asOf, pastDue, rate) in [("2024-05-20", 0, ""), ("2024-05-21", 1, "0.0000"), ("2024-12-31", 1, "0.0000")] {
            let cgj = try #require(try scenario.summary(.unit, SummaryScope(asOf: Day(asOf)!, keyOnly: true))["CGJ"])
            #expect(cgj.unrepliedPastDue == pastDue, "\(asOf)")
            #expect(cgj.onTimeRate.formatted == rate, "\(asOf)")
            #expect(cgj.repliedOnTimeRate.formatted == "", "\(asOf)")
        }
    }

    /// `scoredCases` lists, case by case, exactly what the summary counts.
    @Test func theScoredCasesAddUpToTheSummary() throws {
        let scenario = try Scenario()
        let rows = try scenario.summary()
        for unit in ["ZJJ", "JTJ", "CGJ"] {
            let m = try #require(rows[unit])
            let cases = try scenario.f.store.scoredCases(scenario.f.congress, unit: unit, scope: SummaryScope(asOf: Scenario.asOf))
            #expect(cases.count == m.cases, "\(unit)")
            for term in ScoreTerm.allCases {
                let counted = cases.map(term.counts)
                #expect(counted.filter(\.numerator).count == term.rate(m).numerator, "\(unit) \(term)")
                #expect(counted.filter(\.denominator).count == term.rate(m).denominator, "\(unit) \(term)")
            }
        }
        let cgj = try scenario.f.store.scoredCases(scenario.f.congress, unit: "CGJ", scope: SummaryScope(asOf: Scenario.asOf))
        #expect(cgj.map(\.number) == [scenario.numbers[6], scenario.numbers[7]])
        #expect(cgj.map(\.unrepliedPastDue) == [true, false])
        #expect(cgj.map(\.repliedOnTime) == [false, true])
    }

    @Test func theDateRangeIsByFirstReply() throws {
        let rows = try Scenario().summary(.unit, SummaryScope(asOf: Scenario.asOf, from: Day("2024-05-01")!, to: Day("2024-05-31")!))
        // First replies in May: C2 05-25, C3 05-10 (ZJJ); C4 05-15, C5 05-20 (JTJ). C6's first reply was 04-10.
        #expect(rows.mapValues(\.cases) == ["ZJJ": 2, "JTJ": 2])
        #expect(rows["JTJ"]?.firstRoundDissatisfied == 0)
    }

    @Test func otherGroupings() throws {
        let scenario = try Scenario()
        let byDeputy = try scenario.summary(.deputy)
        #expect(byDeputy.mapValues(\.cases) == ["D001": 3, "D002": 2, "D003": 2, "D004": 1])
        #expect(byDeputy["D001"]?.groupName == "代表1")
        #expect(try scenario.summary(.session).mapValues(\.cases) == ["5-4": 8])
        #expect(try scenario.summary(.delegation).mapValues(\.cases) == ["离石区代表团": 8])
        #expect(try scenario.summary(.category).mapValues(\.cases) == ["其他": 8])
    }

    @Test func theScoreUsesTheCongresssWeights() throws {
        let scenario = try Scenario()
        let units = try scenario.summary().values.sorted { $0.group < $1.group }
        let ranked = UnitScore.ranked(units, weights: try scenario.f.store.scoreWeights(scenario.f.congress))
        // JTJ 100×(0.25×1 + 0.15×2/3 + 0.45×1 + 0.15×2/3) = 90.00; ZJJ 100×(0.25×2/3 + 0.15×2/3 + 0.45×1 + 0.15×2/3)
        // = 81.67; CGJ 100×(0.25×1/2 + 0.15×1 + 0.45×0 + 0.15×0) = 27.50 (C7 unreplied past due).
        #expect(ranked.map { "\($0.rank ?? 0) \($0.measures.group) \($0.formattedScore)" } == ["1 JTJ 90.00", "2 ZJJ 81.67", "3 CGJ 27.50"])
        // With the default min_rated_cases (5) no unit has enough rated cases: all listed, by code, none ranked.
        let policy = try scenario.f.store.currentPolicy(scenario.f.congress)
        let unranked = UnitScore.ranked(units, weights: policy.scoreWeights, minRated: policy.count(.minRatedCases))
        #expect(unranked.map { "\($0.measures.group) \($0.rank == nil) \($0.insufficientSample)" } == ["CGJ true true", "JTJ true true", "ZJJ true true"])
        // Two rated cases are enough for JTJ and ZJJ, not for CGJ (1): it follows them, unranked.
        try scenario.f.store.setPolicy(scenario.f.congress, key: "min_rated_cases", value: "2")
        let two = try scenario.f.store.currentPolicy(scenario.f.congress).count(.minRatedCases)
        #expect(UnitScore.ranked(units, weights: policy.scoreWeights, minRated: two).map { "\($0.rank ?? 0) \($0.measures.group)" }
                == ["1 JTJ", "2 ZJJ", "0 CGJ"])
        try scenario.f.store.setPolicy(scenario.f.congress, key: "weight_on_time", value: "0.05")
        try scenario.f.store.setPolicy(scenario.f.congress, key: "weight_satisfaction", value: "0.65")
        let weights = try scenario.f.store.scoreWeights(scenario.f.congress)
        #expect(weights == ScoreWeights(onTime: 0.05, contact: 0.15, satisfaction: 0.65, resolution: 0.15))
        // JTJ 5 + 10 + 65 + 10 = 90.00; ZJJ 3.33 + 10 + 65 + 10 = 88.33; CGJ 2.5 + 15 = 17.50.
        #expect(UnitScore.ranked(units, weights: weights).map { "\($0.measures.group) \($0.formattedScore)" } == ["JTJ 90.00", "ZJJ 88.33", "CGJ 17.50"])
    }
}
