-- The two functions the statement that opens every web request calls (Store.acting: the
-- bearer token's account, the signer right), in PL/pgSQL instead of SQL, with the same
-- queries and results.
--
-- A SECURITY DEFINER function in SQL is never inlined, and PostgreSQL plans its query anew
-- for each statement that calls it: for this three-table join, that was most of the acting
-- statement's cost, about 0.35 ms of PostgreSQL's CPU on every request (pgbench, one client,
-- the acting statement alone: 0.47-0.61 ms before, 0.15-0.19 ms after; docs/benchmarks.md).
-- PL/pgSQL keeps a query's plan on the connection (generic after its first five calls, until
-- something invalidates it), and the server's pooled connections live long.
--
-- Only these two: they run once per statement. The functions the row policies call for each
-- row (jianyi_case_visible and its kind) stay in SQL, where a call costs less once the plan is
-- made (about 20 µs against 30 µs a call in PL/pgSQL, measured over 100,000 calls).
--
-- CREATE OR REPLACE keeps the owner and the grants; the search_path pin of migrations 8 and
-- 12 is given again, as replacing a function replaces its settings.
DO $migration$
BEGIN
    EXECUTE format($function$
        CREATE OR REPLACE FUNCTION jianyi_token_account(p_token text, p_csrf text)
        RETURNS TABLE (congress_code text, login text, role text, deputy_code text, unit_code text, kind text,
                       expires_at timestamptz, csrf_matches boolean)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = %1$I, pg_temp AS $body$
        BEGIN
            RETURN QUERY
            SELECT c.code, a.login, a.role, a.deputy_code, a.unit_code, t.kind, t.expires_at,
                   coalesce(t.csrf_hash = sha256(convert_to(p_csrf, 'UTF8')), false)
            FROM access_token t
            JOIN account a ON a.congress_id = t.congress_id AND a.login = t.login
            JOIN congress c ON c.congress_id = t.congress_id
            WHERE t.token_hash = sha256(convert_to(p_token, 'UTF8')) AND t.expires_at > now() AND a.disabled_at IS NULL;
        END
        $body$
        $function$, current_schema());
    EXECUTE format($function$
        CREATE OR REPLACE FUNCTION jianyi_account_signs(p_congress integer, p_login text) RETURNS boolean
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = %1$I, pg_temp AS $body$
        BEGIN
            RETURN coalesce((SELECT a.signer AND a.role = 'unit' AND a.disabled_at IS NULL
                             FROM account a WHERE a.congress_id = p_congress AND a.login = p_login), false);
        END
        $body$
        $function$, current_schema());
END
$migration$;
