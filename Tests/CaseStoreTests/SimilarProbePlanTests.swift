@testable import CaseStore
import Casework
import Postgres
import Testing

/// Migration 28: similar_titles' probes planned by what they will fetch (title_probe_plan),
/// with the same answers as scoring every title.
@Suite struct SimilarProbePlanTests {
    struct Plan {
        var ordered: [String]
        var pairShare: [Double]
        var rarest: [String]
        var rarestShare: [Double]
    }

    func plan(_ connection: Connection, _ title: String) throws -> Plan {
        let row = try connection.query("""
            SELECT ordered, pair_share::text[] AS pair_share, rarest, rarest_share::text[] AS rarest_share
            FROM title_probe_plan(\(title))
            """).rows[0]
        let shares = { (column: String) in try row.decode([String].self, column).map { Double($0)! } }
        return Plan(ordered: try row.decode([String].self, "ordered"), pairShare: try shares("pair_share"),
                    rarest: try row.decode([String].self, "rarest"), rarestShare: try shares("rarest_share"))
    }

    func bigrams(_ connection: Connection, _ title: String) throws -> [String] {
        try connection.query("SELECT unnest(title_bigrams_of(\(title))) AS b").rows.map { try $0.decode(String.self, "b") }
    }

    func key(_ connection: Connection, _ title: String) throws -> String {
        try connection.query("SELECT title_key(\(title)) AS k").rows[0].decode(String.self, "k")
    }

    /// Whether two bigrams stand at most two characters apart somewhere in the key.
    func near(_ a: String, _ b: String, in key: String) -> Bool {
        let chars = Array(key)
        let starts = { (bigram: String) in (0..<max(chars.count - 1, 0)).filter { String(chars[$0...$0 + 1]) == bigram } }
        return starts(a).contains { i in starts(b).contains { abs($0 - i) <= 2 } }
    }

    /// 600 titles where 城市绿化 recurs (市绿 and 绿化 always together), the rest varied.
    func greenery(_ f: Fixture) throws {
        try f.store.connection.execute("""
            INSERT INTO suggestion (congress_id, number, series, seq, title, deputy_code, session_code, channel, category, submitted_on)
            SELECT \(f.congress.id), '5-4-' || lpad(i::text, 4, '0'), '5-4', i,
                   '关于' || (ARRAY['加快', '加强', '推进', '完善', '落实'])[1 + i % 5]
                          || (ARRAY['城市绿化', '农村公路', '城区停车', '城市绿化', '老旧小区'])[1 + (i / 5) % 5]
                          || (ARRAY['建设', '管理', '养护', '规划', '改造', '考核'])[1 + (i / 25) % 6] || '的建议',
                   'D00' || (1 + i % 9), '5-4', 'session', '其他', DATE '2024-01-20' + (i % 4)::integer
            FROM generate_series(1, 600) i
            """)
        try f.store.connection.execute("ANALYZE suggestion")
    }

    @Test func thePlanOrdersEveryBigramOnceAndKeepsTheFirstTwoApart() throws {
        let f = try Fixture()
        try greenery(f)
        let c = f.store.connection
        let titles = ["关于落实临县城市绿化建设力度的建议", "关于加快推进老旧小区加装电梯的建议", Self.long,
                      String(repeating: "城市绿化管理", count: 12), "关于加强城市绿化管理的建议", "关于x的建议", "关于xy的建议",
                      "关于xyz的建议", "关于绿化的建议", "关于的建议", "。"]
        for title in titles {
            let p = try plan(c, title)
            let expected = try bigrams(c, title)
            #expect(p.ordered.sorted() == expected.sorted(), "\(title)")
            // The pairs' expected share grows with each bigram taken, for at most 17.
            #expect(p.pairShare.count == min(expected.count, 17), "\(title)")
            #expect(p.pairShare.first.map { $0 == 0 } ?? true, "\(title)")
            #expect(zip(p.pairShare, p.pairShare.dropFirst()).allSatisfy { $0 <= $1 }, "\(title)")
            // The union's bigrams: all of them, the rarest first.
            #expect(p.rarest.sorted() == expected.sorted(), "\(title)")
            #expect(p.rarestShare.count == expected.count && p.rarestShare.allSatisfy { $0 > 0 && $0 <= 1 }, "\(title)")
            #expect(zip(p.rarestShare, p.rarestShare.dropFirst()).allSatisfy { $0 <= $1 }, "\(title)")
        }
        #expect(try bigrams(c, Self.long).count > 17)
        // The first two never stand within one stretch of four characters where other
        // bigrams do: 市绿 and 绿化 (each in two fifths of the titles, always together) as
        // little as 加装 and 区加.
        for title in titles.prefix(4) {
            let p = try plan(c, title)
            let k = try key(c, title)
            #expect(!near(p.ordered[0], p.ordered[1], in: k), "\(title): \(p.ordered.prefix(2))")
        }
    }

    /// More than 17 distinct bigrams: pairs are planned among 17, the rest follow.
    static let long = "关于进一步加强城市绿化管理和农村公路养护以及城区停车规划考核工作的建议"

    @Test func withoutStatisticsEveryBigramCountsAlikeAndTheyStillStandApart() throws {
        let f = try Fixture()
        try greenery(f)
        // Row security hides pg_stats from the web role.
        let web = try f.webConnection()
        for title in ["关于落实临县城市绿化建设力度的建议", "关于加快推进老旧小区加装电梯的建议"] {
            let p = try asActor(web, congress: f.congress.id, party: .secretariat) { try plan($0, title) }
            #expect(p.rarestShare.allSatisfy { $0 == 0.01 })
            #expect(p.ordered.sorted() == (try bigrams(f.store.connection, title)).sorted())
            // Alike, the first three are taken from three different stretches of the key.
            let k = try key(f.store.connection, title)
            for (a, b) in [(0, 1), (0, 2), (1, 2)] {
                #expect(!near(p.ordered[a], p.ordered[b], in: k), "\(title): \(p.ordered.prefix(3))")
            }
        }
    }

    /// Whatever the plan, the answer is what scoring every title gives: with the column's
    /// statistics, and without them (the web role), on titles whose neighbouring bigrams recur
    /// together.
    @Test func theSearchStillFindsWhatAFullScanFinds() throws {
        let f = try Fixture()
        try greenery(f)
        let index = TitleIndexTests()
        let queries = ["关于落实临县城市绿化建设力度的建议", "关于加强城市绿化管理的建议", "关于推进城区停车规划考核的建议", Self.long,
                       "关于城市的建议", "关于完善老旧小区改造养护的建议", String(repeating: "城市绿化管理", count: 12)]
        let web = try f.webStore()
        let congress = try web.congress(f.congress.code)
        var compared = 0
        for title in queries {
            for (limit, min) in [(10, 0.3), (3, 0.6), (50, 0.1)] {
                let expected = try index.fullScan(f, title, limit: limit, min: min)
                let owner = try f.store.similar(f.congress, title: title, excluding: nil, before: nil, limit: limit, threshold: min)
                #expect(owner.map { "\($0.number) \($0.score)" } == expected, "\(title) limit \(limit) min \(min)")
                let secretariat = try web.acting(as: Account(login: "office", congress: f.congress.code, party: .secretariat)) {
                    try $0.similar(congress, title: title, excluding: nil, before: nil, limit: limit, threshold: min)
                }
                #expect(secretariat.map { "\($0.number) \($0.score)" } == expected, "web: \(title) limit \(limit) min \(min)")
                compared += expected.count
            }
        }
        #expect(compared > 200)
    }
}
