@testable import CaseStore
import Casework
import Postgres
import TestSupport
import Testing

/// Migration 27: the two functions the acting statement calls are PL/pgSQL, so that a pooled
/// connection plans their queries once, and they answer exactly as their SQL definitions of
/// migrations 8 and 12 did.
@Suite struct ActingPlanSchemaTests {
    /// Migration 8's jianyi_token_account and migration 12's jianyi_account_signs, as they
    /// were, under other names in the session's own schema.
    static let sqlDefinitions = """
        CREATE FUNCTION pg_temp.token_account_sql(p_token text, p_csrf text)
        RETURNS TABLE (congress_code text, login text, role text, deputy_code text, unit_code text, kind text,
                       expires_at timestamptz, csrf_matches boolean)
        LANGUAGE sql STABLE AS $$
            SELECT c.code, a.login, a.role, a.deputy_code, a.unit_code, t.kind, t.expires_at,
                   coalesce(t.csrf_hash = sha256(convert_to(p_csrf, 'UTF8')), false)
            FROM access_token t
            JOIN account a ON a.congress_id = t.congress_id AND a.login = t.login
            JOIN congress c ON c.congress_id = t.congress_id
            WHERE t.token_hash = sha256(convert_to(p_token, 'UTF8')) AND t.expires_at > now() AND a.disabled_at IS NULL
        $$;
        CREATE FUNCTION pg_temp.account_signs_sql(p_congress integer, p_login text) RETURNS boolean
        LANGUAGE sql STABLE AS $$
            SELECT coalesce((SELECT a.signer AND a.role = 'unit' AND a.disabled_at IS NULL
                             FROM account a WHERE a.congress_id = p_congress AND a.login = p_login), false)
        $$;
        """

    @Test func theyAnswerAsTheirSQLDefinitionsDid() throws {
        let f = try Fixture()
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
        try db.runScript(Self.sqlDefinitions)
        let tokens = ["live-unit", "live-signer", "expired", "disabled", "deputy", "staff", "elsewhere", "unknown", "", "live-unit\u{1}"]
        let csrfs: [String?] = [nil, "", "csrf-live-signer", "csrf-deputy", "wrong"]
        var compared = 0
        for token in tokens {
            for csrf in csrfs {
                let rows = { (result: QueryResult) throws -> [String] in try result.rows.map { try $0.decode(String.self, "r") } }
                let now = try rows(db.query("SELECT t::text AS r FROM jianyi_token_account(\(token), \(csrf)) t ORDER BY 1"))
                let was = try rows(db.query("SELECT t::text AS r FROM pg_temp.token_account_sql(\(token), \(csrf)) t ORDER BY 1"))
                #expect(now == was, "token \(token), csrf \(csrf ?? "NULL")")
                compared += now.count
            }
        }
        // Live tokens of live accounts answered, the others not: the comparison saw both.
        #expect(compared == 5 * csrfs.count)
        let signs = try db.query("""
            SELECT c.code, l.login, jianyi_account_signs(c.congress_id, l.login) AS now,
                   pg_temp.account_signs_sql(c.congress_id, l.login) AS was
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
