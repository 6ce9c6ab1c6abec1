import CaseStore
import Casework
import Postgres
import TestSupport
import Testing

/// Migration 26: cheaper per-row work for imports, with every stored value and every rule the
/// same as before it.
@Suite struct ImportSpeedSchemaTests {
    /// Migration 14's definition of a title's bigrams, as one query: what the faster body
    /// must give for every title.
    static let definition = """
        CASE WHEN length(k.key) = 1 THEN ARRAY[k.key]
             ELSE ARRAY(SELECT DISTINCT substr(k.key, i, 2) FROM generate_series(1, length(k.key) - 1) i ORDER BY 1) END
        """

    /// Titles that exercise the edges: an empty or one-character key, bigrams repeated
    /// (adjacent or not), every order of insertion, mixed scripts, full-width forms,
    /// combining marks, characters outside the BMP, and long titles.
    static let titles = [
        "关于的建议", "关于x的建议", "关于xy的建议", "建议", "。。。", "a", "ab", "aa", "aaa", "abab", "abcabc", "zyxwvu", "baab",
        "关于加快老旧小区改造的建议", "关于进一步加强农村饮水安全保障的建议。", "关于推进５Ｇ基站建设的建议",
        "关于 推进“智慧城市”、数字　政府（一期）建设的议案", "老旧小区老旧小区老旧小区", "第1号第2号第10号第1号",
        "Ｃａｆｅ\u{301} café CAFÉ", "e\u{301}e\u{301}e\u{301}", "𠀀𠀁𠀀𠀁😀😀", "問題问题問題", "ĀāĂăĄą",
        String(repeating: "城乡建设交通农业", count: 40), String(repeating: "z", count: 300) + "a",
    ]

    @Test func titleBigramsAreMigration14sDefinitionForEveryTitle() throws {
        let db = try Connection(try TestDatabase.migrated())
        // The listed titles and a thousand generated ones: random characters from a small
        // alphabet of CJK, Latin, digits and punctuation, so that bigrams repeat and tie.
        try db.execute("CREATE TEMP TABLE t (title text)")
        for title in Self.titles { try db.execute("INSERT INTO t VALUES (\(title))") }
        try db.execute("""
            INSERT INTO t SELECT string_agg(substr('问题建议关于城乡乡城ab1１Ａ，。 ', 1 + floor(random() * 20)::integer, 1), '')
            FROM generate_series(1, 1000) n, generate_series(1, 1 + n % 23) i GROUP BY n
            """)
        let differing = try db.query(PostgresQuery(unsafeSQL: """
            SELECT t.title, title_bigrams_of(t.title)::text AS got, (\(Self.definition))::text AS expected
            FROM t, LATERAL (SELECT title_key(t.title) AS key) k
            WHERE title_bigrams_of(t.title) IS DISTINCT FROM (\(Self.definition))
            """)).rows.map { "\(try $0.decode(String.self, "title")): \(try $0.decode(String.self, "got")) ≠ \(try $0.decode(String.self, "expected"))" }
        #expect(differing == [])
        #expect(try db.query("SELECT count(*) AS n FROM t").rows[0].decode(Int.self, "n") == Self.titles.count + 1000)
        #expect(try db.query("SELECT title_bigrams_of(NULL) IS NULL AS null").rows[0].decode(Bool.self, "null"))
        #expect(try db.query("SELECT title_bigrams_of('关于的建议') = '{}' AS empty").rows[0].decode(Bool.self, "empty"))
    }

    /// The stored column keeps its values across the migration, and new rows get the same.
    @Test func storedBigramsStayValidAcrossTheMigration() throws {
        let db = try Connection(try TestDatabase.empty())
        try Migrator(migrations: Migration.all.filter { $0.version < 26 }).migrate(db)
        try db.execute("INSERT INTO congress (code, name, level) VALUES ('LL', '吕梁市人民代表大会', 'city')")
        try db.execute("INSERT INTO deputy (congress_id, code, name) SELECT congress_id, 'D001', '代表1' FROM congress")
        func insert(_ titles: [String], from seq: Int) throws {
            for (i, title) in titles.enumerated() {
                try db.execute("""
                    INSERT INTO suggestion (congress_id, number, series, seq, title, deputy_code, channel, category, submitted_on)
                    SELECT congress_id, 'R2024-' || \(seq + i)::text, 'R2024', \(seq + i), \(title), 'D001', 'recess', '其他', '2024-03-01'
                    FROM congress
                    """)
            }
        }
        try insert(Self.titles, from: 1)
        let before = try db.query("SELECT suggestion_id, title_bigrams::text AS b FROM suggestion ORDER BY 1").rows
            .map { "\(try $0.decode(Int.self, "suggestion_id")) \(try $0.decode(String.self, "b"))" }
        #expect(try Migrator().migrate(db).map(\.version).contains(26))
        try insert(Self.titles, from: 1000)
        let after = try db.query("SELECT suggestion_id, title_bigrams::text AS b FROM suggestion WHERE seq < 1000 ORDER BY 1").rows
            .map { "\(try $0.decode(Int.self, "suggestion_id")) \(try $0.decode(String.self, "b"))" }
        #expect(after == before)
        let stale = try db.query("""
            SELECT count(*) FILTER (WHERE title_bigrams IS DISTINCT FROM title_bigrams_of(title)) AS stale,
                   count(DISTINCT title_bigrams) FILTER (WHERE seq < 1000) AS old,
                   count(DISTINCT title_bigrams) FILTER (WHERE seq >= 1000) AS new,
                   count(*) FILTER (WHERE seq >= 1000 AND title_bigrams IN (SELECT title_bigrams FROM suggestion WHERE seq < 1000)) AS same
            FROM suggestion
            """).rows[0]
        #expect(try stale.decode(Int.self, "stale") == 0)
        #expect(try stale.decode(Int.self, "old") == stale.decode(Int.self, "new"))
        #expect(try stale.decode(Int.self, "same") == Self.titles.count)
    }

    /// The body's names are qualified: a caller's search_path cannot change a stored value.
    @Test func titleBigramsDoNotDependOnTheCallersSearchPath() throws {
        let db = try Connection(try TestDatabase.migrated())
        let schema = try db.query("SELECT current_schema() AS s").rows[0].decode(String.self, "s")
        try db.execute("CREATE SCHEMA decoy")
        try db.execute("CREATE FUNCTION decoy.title_key(p text) RETURNS text LANGUAGE sql IMMUTABLE RETURN 'xxxx'")
        try db.execute("CREATE FUNCTION decoy.substr(p text, a integer, b integer) RETURNS text LANGUAGE sql IMMUTABLE RETURN 'yy'")
        try db.execute(PostgresQuery(unsafeSQL: "SET search_path = decoy, pg_catalog"))
        let got = try db.query(PostgresQuery(unsafeSQL: "SELECT \(schema).title_bigrams_of('关于加快老旧小区改造的建议')::text AS b"))
            .rows[0].decode(String.self, "b")
        #expect(got == "{加快,区改,小区,快老,改造,旧小,老旧}")
    }

    /// Without its own foreign key to congress, a suggestion still belongs to a congress
    /// that exists (through its deputy's key), and a congress with suggestions stays.
    @Test func aSuggestionStillNeedsItsCongressAndKeepsIt() throws {
        let db = try Connection(try TestDatabase.migrated())
        try db.execute("INSERT INTO congress (code, name, level) VALUES ('LL', '吕梁市人民代表大会', 'city')")
        try db.execute("INSERT INTO deputy (congress_id, code, name) SELECT congress_id, 'D001', '代表1' FROM congress")
        let stray = try #require(throws: PostgresError.self) {
            try db.execute("""
                INSERT INTO suggestion (congress_id, number, series, seq, title, deputy_code, channel, category, submitted_on)
                SELECT max(congress_id) + 1, 'R2024-0001', 'R2024', 1, '关于x的建议', 'D001', 'recess', '其他', '2024-03-01' FROM congress
                """)
        }
        #expect(stray.sqlState == "23503")
        try db.execute("""
            INSERT INTO suggestion (congress_id, number, series, seq, title, deputy_code, channel, category, submitted_on)
            SELECT congress_id, 'R2024-0001', 'R2024', 1, '关于x的建议', 'D001', 'recess', '其他', '2024-03-01' FROM congress
            """)
        let removal = try #require(throws: PostgresError.self) { try db.execute("DELETE FROM congress") }
        #expect(removal.sqlState == "23503")
        #expect(try db.query("SELECT count(*) AS n FROM suggestion").rows[0].decode(Int.self, "n") == 1)
    }
}
