@testable import CaseStore
import Casework
import Postgres
import Testing

/// Migration 14: one normalization of titles (in the database), the bigram score, and the
/// indexed search giving exactly what scoring every title gives.
@Suite struct TitleIndexTests {
    func key(_ f: Fixture, _ title: String) throws -> String {
        try f.store.connection.query("SELECT title_key(\(title)) AS k").rows[0].decode(String.self, "k")
    }

    func score(_ f: Fixture, _ a: String, _ b: String) throws -> Double {
        try f.store.connection.query("SELECT title_score(title_bigrams_of(\(a)), title_bigrams_of(\(b))) AS s").rows[0].decode(Double.self, "s")
    }

    @Test func oneNormalizationDropsTheFrameWidthCaseSpacesAndPunctuation() throws {
        let f = try Fixture()
        #expect(try key(f, "关于加快老旧小区改造的建议") == "加快老旧小区改造")
        #expect(try key(f, "关于进一步加强农村饮水安全保障的建议。") == "加强农村饮水安全保障")
        // Full-width letters and digits are the half-width ones; case does not count.
        #expect(try key(f, "关于推进５Ｇ基站建设的建议") == "推进5g基站建设")
        #expect(try key(f, "关于推进5G基站建设的建议") == "推进5g基站建设")
        #expect(try key(f, "关于 推进“智慧城市”、数字　政府（一期）建设的议案") == "推进智慧城市数字政府一期建设")
        #expect(try f.store.connection.query("SELECT title_bigrams_of('关于加快老旧小区改造的建议')::text AS b").rows[0].decode(String.self, "b")
            == "{加快,区改,小区,快老,改造,旧小,老旧}")
    }

    @Test func theScoreIsTheDiceCoefficientOfTheBigrams() throws {
        let f = try Fixture()
        // 加快老旧小区改造 (7 bigrams) vs 加快推进老旧小区加装电梯 (11): 加快 老旧 旧小 小区 shared → 2×4/18.
        #expect(abs(try score(f, "关于加快老旧小区改造的建议", "关于加快推进老旧小区加装电梯的建议") - 8.0 / 18.0) < 1e-12)
        #expect(try score(f, "关于加快推进老旧小区加装电梯的建议", "关于加快老旧小区改造的建议") == 8.0 / 18.0)
        #expect(try score(f, "关于加快老旧小区改造的建议", "关于提高乡村医生待遇的建议") == 0)
        #expect(try score(f, "关于加快老旧小区改造的建议。", "关于加快老旧小区改造的建议") == 1)
        #expect(try score(f, "关于x的建议", "关于X的意见") == 1)
    }

    /// Titles built from a few phrases, so that many share bigrams and many tie.
    func crowded(_ f: Fixture, count: Int) throws {
        try f.store.connection.execute("""
            INSERT INTO suggestion (congress_id, number, series, seq, title, deputy_code, session_code, channel, category, submitted_on)
            SELECT \(f.congress.id), '5-4-' || lpad(i::text, 4, '0'), '5-4', i,
                   '关于' || (ARRAY['加快', '加强', '推进', '完善', '进一步加强'])[1 + i % 5]
                          || (ARRAY['', '', '离石区', '兴县', '农村', '城区'])[1 + (i / 5) % 6]
                          || (ARRAY['老旧小区改造', '老旧小区加装电梯', '农村饮水安全保障', '城区公交线路', '乡镇卫生院急救能力',
                                    '农村公路养护机制', '城区停车管理', '老旧电梯更新'])[1 + (i * 7 / 30) % 8]
                          || (ARRAY['', '', '工作', '力度', '机制'])[1 + (i * 13 / 11) % 5] || '的建议',
                   'D00' || (1 + i % 9), '5-4', 'session', '其他', DATE '2024-01-20' + (i % 4)::integer
            FROM generate_series(1, \(count)::integer) i
            """)
        try f.store.connection.execute("ANALYZE suggestion")
    }

    /// What scoring every title gives, the definition the index must reproduce.
    func fullScan(_ f: Fixture, _ title: String, excluding: String? = nil, before: Day? = nil, limit: Int, min: Double) throws -> [String] {
        try f.store.connection.query("""
            SELECT number, score FROM (
                SELECT number, submitted_on, title_score(title_bigrams, title_bigrams_of(\(title))) AS score FROM suggestion
                WHERE \(f.congress.scope) AND (\(excluding)::text IS NULL OR number <> \(excluding))
                  AND (\(before)::date IS NULL OR submitted_on <= \(before))) x
            WHERE score >= \(min)
            ORDER BY score DESC, submitted_on, number COLLATE "C" LIMIT \(limit)
            """).rows.map { "\(try $0.decode(String.self, "number")) \(try $0.decode(Double.self, "score"))" }
    }

    @Test func theIndexedSearchFindsWhatAFullScanFinds() throws {
        let f = try Fixture()
        try crowded(f, count: 600)
        let queries = ["关于加快老旧小区改造的建议", "关于加快推进老旧小区加装电梯的建议", "关于提高乡村医生待遇的建议",
                       "关于完善城区停车管理工作的建议", "关于农村公路的建议", "关于公交的建议", "关于加强兴县农村饮水安全保障力度的建议",
                       "关于进一步加强城区公交线路机制的建议", "电梯", "关于改造的建议", "关于开展人工智能教育试点的建议", "关于区的建议"]
        var compared = 0
        for title in queries {
            for (limit, min) in [(10, 0.3), (3, 0.5), (25, 0.1), (10, 0.0), (200, 0.2)] {
                let found = try f.store.similar(f.congress, title: title, excluding: nil, before: nil, limit: limit, threshold: min)
                    .map { "\($0.number) \($0.score)" }
                #expect(found == (try fullScan(f, title, limit: limit, min: min)), "\(title) limit \(limit) min \(min)")
                compared += found.count
            }
        }
        // Each case against the cases filed by its day, itself left out.
        for number in ["5-4-0007", "5-4-0100", "5-4-0333"] {
            let view = try f.store.caseView(f.congress, number: number)
            let found = try f.store.similar(f.congress, title: view.title, excluding: number, before: view.submittedOn, limit: 10, threshold: 0.3)
            #expect(found.map { "\($0.number) \($0.score)" }
                == (try fullScan(f, view.title, excluding: number, before: view.submittedOn, limit: 10, min: 0.3)))
            #expect(!found.contains { $0.number == number || $0.submittedOn > view.submittedOn })
        }
        #expect(compared > 1000)
    }

    @Test func theSearchOfTheWebRoleSeesOnlyTheActorsCases() throws {
        let f = try Fixture()
        try crowded(f, count: 90)
        let ll = try f.congressID("LL")
        let query: PostgresQuery = """
            SELECT s.deputy_code FROM similar_titles(\(ll)::integer, '关于加快老旧小区改造的建议', NULL, NULL, 200, 0.1) x
            JOIN suggestion s ON s.congress_id = \(ll) AND s.suggestion_id = x.suggestion_id
            """
        let owner = try f.store.connection.query(query).rows.map { try $0.decode(String.self, "deputy_code") }
        #expect(Set(owner).count == 9)
        let web = try f.webConnection()
        let d003 = try asActor(web, congress: ll, party: .deputy("D003")) { try $0.query(query).rows.map { try $0.decode(String.self, "deputy_code") } }
        #expect(!d003.isEmpty && d003.allSatisfy { $0 == "D003" })
        #expect(d003.count == owner.filter { $0 == "D003" }.count)
        let nobody = try asActor(web, congress: ll, party: .unit("ZJJ")) { try $0.query(query).rows.count }
        #expect(nobody == 0)
        // Through the store, as the web service calls it.
        let store = try f.webStore()
        let congress = try store.congress("LL")
        let seen = try store.acting(as: Account(login: "d003", congress: "LL", party: .deputy("D003"))) {
            try $0.similar(congress, title: "关于加快老旧小区改造的建议", excluding: nil, before: nil, limit: 200, threshold: 0.1)
        }
        #expect(!seen.isEmpty && seen.allSatisfy { $0.deputy == "D003" })
    }
}
