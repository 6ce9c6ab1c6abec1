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
///   C7 CGJ  assigned, never replied (a key suggestion)
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

    func summary(_ grouping: Grouping = .unit, _ scope: SummaryScope = SummaryScope()) throws -> [String: Measures] {
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
        // [cases, replied, on time, contacted, rated, satisfied, basic, dissatisfied, attitude rated, attitude satisfied,
        //  round-1 dissatisfied, A, B, C, resolved, closed]
        func counts(_ m: Measures) -> [Int] {
            [m.cases, m.replied, m.repliedOnTime, m.contacted, m.rated, m.satisfied, m.basic, m.dissatisfied, m.attitudeRated,
             m.attitudeSatisfied, m.firstRoundDissatisfied, m.outcomeA, m.outcomeB, m.outcomeC, m.resolved, m.closed]
        }
        #expect(counts(zjj) == [3, 3, 2, 2, 3, 2, 1, 0, 3, 2, 0, 1, 1, 1, 2, 3])
        #expect(counts(jtj) == [3, 3, 3, 2, 2, 1, 1, 0, 2, 2, 1, 2, 1, 0, 2, 1])
        #expect(counts(cgj) == [2, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1])
        func rates(_ m: Measures) -> [String] {
            [m.onTimeRate, m.contactRate, m.satisfactionRate, m.satisfiedRate, m.attitudeSatisfactionRate, m.resolutionRate,
             m.completionRate].map(\.formatted)
        }
        #expect(rates(zjj) == ["0.6667", "0.6667", "1.0000", "0.6667", "0.6667", "0.6667", "1.0000"])
        #expect(rates(jtj) == ["1.0000", "0.6667", "1.0000", "0.5000", "1.0000", "0.6667", "0.3333"])
        #expect(rates(cgj) == ["1.0000", "1.0000", "0.0000", "0.0000", "0.0000", "0.0000", "0.5000"])
        #expect(zjj.groupName == "市住房和城乡建设局")
    }

    @Test func zeroDenominatorsAreEmptyNotZero() throws {
        let rows = try Scenario().summary(.unit, SummaryScope(keyOnly: true))
        let cgj = try #require(rows["CGJ"])
        #expect(rows.count == 1)
        #expect(cgj.cases == 1 && cgj.replied == 0 && cgj.rated == 0)
        #expect(cgj.onTimeRate.formatted == "")
        #expect(cgj.satisfactionRate.formatted == "")
        #expect(cgj.resolutionRate.value == nil)
        #expect(cgj.completionRate.formatted == "0.0000")
    }

    @Test func theDateRangeIsByFirstReply() throws {
        let rows = try Scenario().summary(.unit, SummaryScope(from: Day("2024-05-01")!, to: Day("2024-05-31")!))
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
        // = 81.67; CGJ 100×(0.25×1 + 0.15×1 + 0.45×0 + 0.15×0) = 40.00.
        #expect(ranked.map { "\($0.rank) \($0.measures.group) \($0.formattedScore)" } == ["1 JTJ 90.00", "2 ZJJ 81.67", "3 CGJ 40.00"])
        try scenario.f.store.setPolicy(scenario.f.congress, key: "weight_on_time", value: "0.05")
        try scenario.f.store.setPolicy(scenario.f.congress, key: "weight_satisfaction", value: "0.65")
        let weights = try scenario.f.store.scoreWeights(scenario.f.congress)
        #expect(weights == ScoreWeights(onTime: 0.05, contact: 0.15, satisfaction: 0.65, resolution: 0.15))
        // JTJ 5 + 10 + 65 + 10 = 90.00; ZJJ 3.33 + 10 + 65 + 10 = 88.33; CGJ 5 + 15 = 20.00.
        #expect(UnitScore.ranked(units, weights: weights).map { "\($0.measures.group) \($0.formattedScore)" } == ["JTJ 90.00", "ZJJ 88.33", "CGJ 20.00"])
    }
}
