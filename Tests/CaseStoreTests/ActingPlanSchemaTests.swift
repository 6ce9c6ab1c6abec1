@testable import CaseStore
import Casework
import Postgres
import TestSupport
import Testing

/// Migration 27: the two functions the acting statement calls are PL/pgSQL, so that a pooled
/// connection plans their queries once, and they answer exactly as their SQL definitions of
/// migrations 8 and 12 did.
@Suite struct ActingPlanSchemaTests {
    /// A database migrated up to migration 26, the two functions then kept under other names,
    /// and migrated to the end: migration 8's jianyi_token_account and migration 12's
    /// jianyi_account_signs, as the migrations wrote them, beside migration 27's.
    static func withTheSQLDefinitions() throws -> Fixture {
        let url = try TestDatabase.empty()
        let db = try Connection(url)
        try Migrator(migrations: Migration.all.filter { $0.version < 27 }).migrate(db)
        try db.runScript("""
            ALTER FUNCTION jianyi_token_account(text, text) RENAME TO token_account_sql;
            ALTER FUNCTION jianyi_account_signs(integer, text) RENAME TO account_signs_sql;
            """)
        try Migrator().migrate(db)
        return try Fixture(url: url)
    }

    @Test func theyAnswerAsTheirSQLDefinitionsDid() throws {
        let f = try Self.withTheSQLDefinitions()
        let store = f.store
        try store.addAccount(f.congress, login: "zjj", party: .unit("ZJJ"), password: "correct horse battery")
        try store.addAccount(f.congress, login: "zjj.sign", party: .unit("ZJJ"), password: "correct horse battery", signer: true)
        try store.addAccount(f.congress, login: "jtj.sign", party: .unit("JTJ"), password: "correct horse battery", signer: true)
        try store.addAccount(f.congress, login: "d001", party: .deputy("D001"), password: "correct horse battery")
        try store.addAccount(f.congress, login: "staff", party: .secretariat, password: "correct horse battery")
        try store.disableAccount(f.congress, login: "jtj.sign")
        let other = try store.addCongress(code: "XX", name: "其他人民代表大会", level: .city, timeZone: "Asia/Shanghai")
        _ = try store.addUnit(other, code: "ZJJ", name: "住建局", kind: .government)
        try store.addAccount(other, login: "zjj.sign", party: .unit("ZJJ"), password: "correct horse battery", signer: true)
        let db = store.connection
        // Tokens of every kind and fate: live, expired, of a disabled account, of each party,
        // with and without a CSRF hash.
        try db.runScript("""
            INSERT INTO access_token (token_hash, congress_id, login, kind, csrf_hash, expires_at)
            SELECT sha256(convert_to(t.token, 'UTF8')), c.congress_id, t.login, t.kind,
                   CASE WHEN t.kind = 'session' THEN sha256(convert_to('csrf-' || t.token, 'UTF8')) END,
                   now() + t.lifetime
            FROM (VALUES ('LL', 'live-unit', 'zjj', 'api', interval '1 hour'),
                         ('LL', 'live-signer', 'zjj.sign', 'session', interval '1 hour'),
                         ('LL', 'expired', 'zjj', 'api', interval '-1 second'),
                         ('LL', 'disabled', 'jtj.sign', 'api', interval '1 hour'),
                         ('LL', 'deputy', 'd001', 'session', interval '1 hour'),
                         ('LL', 'staff', 'staff', 'api', interval '1 hour'),
                         ('XX', 'elsewhere', 'zjj.sign', 'api', interval '1 hour'))
                 AS t(congress, token, login, kind, lifetime)
            JOIN congress c ON c.code = t.congress
            """)
        let languages = try db.query("""
            SELECT string_agg(proname || ' ' || l.lanname, ', ' ORDER BY proname) AS l FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
            WHERE proname IN ('token_account_sql', 'account_signs_sql', 'jianyi_token_account', 'jianyi_account_signs')
            """).rows[0].decode(String.self, "l")
        #expect(languages == "account_signs_sql sql, jianyi_account_signs plpgsql, jianyi_token_account plpgsql, token_account_sql sql")
        let tokens = ["live-unit", "live-signer", "expired", "disabled", "deputy", "staff", "elsewhere", "unknown", "", "live-unit\u{1}"]
        let csrfs: [String?] = [nil, "", "csrf-live-signer", "csrf-deputy", "wrong"]
        var compared = 0
        for token in tokens {
            for csrf in csrfs {
                let rows = { (result: QueryResult) throws -> [String] in try result.rows.map { try $0.decode(String.self, "r") } }
                let now = try rows(db.query("SELECT t::text AS r FROM jianyi_token_account(\(token), \(csrf)) t ORDER BY 1"))
                let was = try rows(db.query("SELECT t::text AS r FROM token_account_sql(\(token), \(csrf)) t ORDER BY 1"))
                #expect(now == was, "token \(token), csrf \(csrf ?? "NULL")")
                compared += now.count
            }
        }
        // Live tokens of live accounts answered, the others not: the comparison saw both.
        #expect(compared == 5 * csrfs.count)
        let signs = try db.query("""
            SELECT c.code, l.login, jianyi_account_signs(c.congress_id, l.login) AS now,
                   account_signs_sql(c.congress_id, l.login) AS was
            FROM congress c, (VALUES ('zjj'), ('zjj.sign'), ('jtj.sign'), ('d001'), ('staff'), ('nobody'), (NULL)) AS l(login)
            ORDER BY 1, 2
            """).rows
        #expect(signs.count == 14)
        for row in signs {
            let who = "\(try row.decode(String.self, "code")) \(try row.decode(String?.self, "login") ?? "NULL")"
            #expect(try row.decode(Bool.self, "now") == row.decode(Bool.self, "was"), "\(who)")
        }
        let signers = try signs.filter { try $0.decode(Bool.self, "now") }.map { "\(try $0.decode(String.self, "code")) \(try $0.decode(String.self, "login"))" }
        #expect(signers == ["LL zjj.sign", "XX zjj.sign"])
    }

    /// PL/pgSQL, pinned to the schema like every SECURITY DEFINER function, and callable by
    /// the web role only.
    @Test func theyKeepTheirPinAndTheirGrants() throws {
        let db = try Connection(try TestDatabase.migrated())
        let rows = try db.query("""
            SELECT p.proname, l.lanname, p.prosecdef, p.provolatile::text AS volatility,
                   array_to_string(p.proconfig, ';') = 'search_path=' || quote_ident(current_schema()) || ', pg_temp' AS pinned,
                   has_function_privilege('jianyi_web', p.oid, 'EXECUTE') AS web,
                   p.proacl IS NOT NULL AS granted,
                   EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) x WHERE x.grantee = 0) AS public
            FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
            WHERE p.proname IN ('jianyi_token_account', 'jianyi_account_signs') AND p.pronamespace = current_schema()::regnamespace
            ORDER BY 1
            """).rows
        #expect(try rows.map { try $0.decode(String.self, "proname") } == ["jianyi_account_signs", "jianyi_token_account"])
        for row in rows {
            #expect(try row.decode(String.self, "lanname") == "plpgsql")
            #expect(try row.decode(Bool.self, "prosecdef"))
            #expect(try row.decode(String.self, "volatility") == "s")
            #expect(try row.decode(Bool.self, "pinned"))
            // A function without an ACL of its own (NULL) may be run by PUBLIC: the grants of
            // migrations 8 and 12 must still be there.
            #expect(try row.decode(Bool.self, "granted"))
            #expect(try row.decode(Bool.self, "web"))
            #expect(try !row.decode(Bool.self, "public"))
        }
    }
}
