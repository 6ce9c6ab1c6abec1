-- Accounts for deputies, units and the secretariat to act online, and the database role the
-- web service connects as (jianyi_web). That role owns nothing, is no superuser and cannot
-- bypass row-level security: the policies below decide which case rows it sees and writes,
-- from the actor that each transaction sets (Store.acting(as:)):
--     set_config('jianyi.congress', congress_id, true)
--     set_config('jianyi.party', 'secretariat' | 'unit' | 'deputy', true)
--     set_config('jianyi.code', unit or deputy code, true)
-- With no actor set it sees no case row at all. The tables' owner (the CLI) is not subject to
-- the policies: row security is enabled, not forced.

CREATE TABLE account (
    congress_id         integer NOT NULL REFERENCES congress,
    login               text NOT NULL CHECK (login ~ '^[A-Za-z0-9_.@-]{1,64}$'),
    role                text NOT NULL CHECK (role IN ('deputy', 'unit', 'secretariat')),
    deputy_code         text,
    unit_code           text,
    -- bcrypt, made by jianyi; the clear password is never sent to the server.
    password_hash       text NOT NULL CHECK (password_hash LIKE '$2%'),
    disabled_at         timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (congress_id, login),
    FOREIGN KEY (congress_id, deputy_code) REFERENCES deputy,
    FOREIGN KEY (congress_id, unit_code) REFERENCES unit,
    CHECK ((role = 'deputy') = (deputy_code IS NOT NULL)),
    CHECK ((role = 'unit') = (unit_code IS NOT NULL))
);

-- Bearer tokens and browser sessions. Only the SHA-256 of a token is kept, computed here, so
-- a copy of the table signs no one in.
CREATE TABLE access_token (
    token_hash  bytea PRIMARY KEY,
    congress_id integer NOT NULL,
    login       text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('api', 'session')),
    csrf_hash   bytea,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    FOREIGN KEY (congress_id, login) REFERENCES account ON DELETE CASCADE,
    CHECK ((kind = 'session') = (csrf_hash IS NOT NULL))
);
CREATE INDEX access_token_account ON access_token (congress_id, login);

-- Roles belong to the cluster, not to this database: another database on the same server
-- (or a test database migrating at the same moment) may have created it already.
DO $$
DECLARE
    web pg_roles%ROWTYPE;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jianyi_web') THEN
        BEGIN
            CREATE ROLE jianyi_web LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'migration 8 needs the role jianyi_web, and % may not create roles', current_user
                    USING ERRCODE = 'insufficient_privilege',
                          HINT = 'have a DBA run CREATE ROLE jianyi_web LOGIN NOSUPERUSER NOBYPASSRLS once (docs/operations.md, "The web service''s database role"), then run jianyi db migrate again';
        END;
    END IF;
    SELECT * INTO web FROM pg_roles WHERE rolname = 'jianyi_web';
    IF web.rolsuper OR web.rolbypassrls THEN
        RAISE EXCEPTION 'the role jianyi_web is a superuser or may bypass row-level security, so the database could not keep one unit from another''s cases'
            USING ERRCODE = 'check_violation',
                  HINT = 'ALTER ROLE jianyi_web NOSUPERUSER NOBYPASSRLS, then run jianyi db migrate again';
    END IF;
END
$$;

-- The actor of the current transaction; NULL when none is set (a setting set locally in an
-- earlier transaction reads as '' afterwards, never as the old value).
CREATE FUNCTION jianyi_actor_congress() RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('jianyi.congress', true), '')::integer
$$;
CREATE FUNCTION jianyi_actor_party() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('jianyi.party', true), '')
$$;
CREATE FUNCTION jianyi_actor_code() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('jianyi.code', true), '')
$$;

-- Whether the actor sees a case: the secretariat every case of its congress, a unit the cases
-- it is or was on (lead or co-handler), a deputy the cases it raised or co-signed. SECURITY
-- DEFINER, so the policies of assignment and suggestion_cosigner can ask it about the
-- suggestion and the suggestion's policy about them without one policy invoking another.
CREATE FUNCTION jianyi_case_visible(p_congress integer, p_suggestion bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT coalesce(p_congress = jianyi_actor_congress() AND CASE jianyi_actor_party()
        WHEN 'secretariat' THEN true
        WHEN 'unit' THEN EXISTS (
            SELECT 1 FROM assignment a
            WHERE a.congress_id = p_congress AND a.suggestion_id = p_suggestion AND a.unit_code = jianyi_actor_code())
        WHEN 'deputy' THEN EXISTS (
            SELECT 1 FROM suggestion s
            WHERE s.congress_id = p_congress AND s.suggestion_id = p_suggestion AND s.deputy_code = jianyi_actor_code())
          OR EXISTS (
            SELECT 1 FROM suggestion_cosigner c
            WHERE c.congress_id = p_congress AND c.suggestion_id = p_suggestion AND c.deputy_code = jianyi_actor_code())
        ELSE false END, false)
$$;

-- Whether the actor is the deputy who raised the case (a co-signer is not: it may not rate).
CREATE FUNCTION jianyi_case_raised_by_actor(p_congress integer, p_suggestion bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT coalesce(p_congress = jianyi_actor_congress() AND jianyi_actor_party() = 'deputy' AND EXISTS (
        SELECT 1 FROM suggestion s
        WHERE s.congress_id = p_congress AND s.suggestion_id = p_suggestion AND s.deputy_code = jianyi_actor_code()), false)
$$;

-- Whether the actor is the secretariat of this congress, or the unit or deputy `p_code`.
CREATE FUNCTION jianyi_actor_is(p_congress integer, p_party text, p_code text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(p_congress = jianyi_actor_congress() AND (jianyi_actor_party() = 'secretariat'
        OR (jianyi_actor_party() = p_party AND p_code = jianyi_actor_code())), false)
$$;

-- Sign-in: the account's hash and party, for bcrypt to check in jianyi. No row for an unknown login.
CREATE FUNCTION jianyi_sign_in_account(p_congress integer, p_login text)
RETURNS TABLE (password_hash text, role text, deputy_code text, unit_code text, disabled boolean)
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT a.password_hash, a.role, a.deputy_code, a.unit_code, a.disabled_at IS NOT NULL
    FROM account a WHERE a.congress_id = p_congress AND a.login = p_login
$$;

-- Records a token (and a session's CSRF token) for an account that is not disabled; returns
-- when it expires, or no row.
CREATE FUNCTION jianyi_issue_token(p_token text, p_congress integer, p_login text, p_kind text, p_csrf text, p_lifetime interval)
RETURNS TABLE (expires_at timestamptz)
LANGUAGE sql VOLATILE SECURITY DEFINER AS $$
    INSERT INTO access_token (token_hash, congress_id, login, kind, csrf_hash, expires_at)
    SELECT sha256(convert_to(p_token, 'UTF8')), a.congress_id, a.login, p_kind,
           sha256(convert_to(p_csrf, 'UTF8')), now() + p_lifetime
    FROM account a WHERE a.congress_id = p_congress AND a.login = p_login AND a.disabled_at IS NULL
    RETURNING access_token.expires_at
$$;

-- The account a token acts for: none when the token is unknown, expired, or its account disabled.
CREATE FUNCTION jianyi_token_account(p_token text, p_csrf text)
RETURNS TABLE (congress_code text, login text, role text, deputy_code text, unit_code text, kind text,
               expires_at timestamptz, csrf_matches boolean)
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT c.code, a.login, a.role, a.deputy_code, a.unit_code, t.kind, t.expires_at,
           coalesce(t.csrf_hash = sha256(convert_to(p_csrf, 'UTF8')), false)
    FROM access_token t
    JOIN account a ON a.congress_id = t.congress_id AND a.login = t.login
    JOIN congress c ON c.congress_id = t.congress_id
    WHERE t.token_hash = sha256(convert_to(p_token, 'UTF8')) AND t.expires_at > now() AND a.disabled_at IS NULL
$$;

-- Signs a token out; true when it existed.
CREATE FUNCTION jianyi_revoke_token(p_token text) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER AS $$
    WITH gone AS (DELETE FROM access_token WHERE token_hash = sha256(convert_to(p_token, 'UTF8')) RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM gone)
$$;

-- A SECURITY DEFINER function must not find another's table first on its search path: pinned
-- to this schema, with pg_temp (where any session may create tables) searched last.
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY[
        'jianyi_case_visible(integer, bigint)', 'jianyi_case_raised_by_actor(integer, bigint)',
        'jianyi_sign_in_account(integer, text)', 'jianyi_issue_token(text, integer, text, text, text, interval)',
        'jianyi_token_account(text, text)', 'jianyi_revoke_token(text)']
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO jianyi_web', f);
    END LOOP;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO jianyi_web', current_schema());
END
$$;

-- Accounts and tokens: no grant and no policy, so the web role reaches them only through the
-- functions above.
ALTER TABLE account ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_token ENABLE ROW LEVEL SECURITY;

-- Reference data the steps and reads need. Congresses are listed to everyone (sign-in names
-- one); the rest only within the actor's congress.
GRANT SELECT ON congress, official_calendar_day, schema_migrations TO jianyi_web;
GRANT SELECT ON session, deputy, unit, calendar_year, calendar_day, policy_setting TO jianyi_web;
GRANT SELECT, INSERT, UPDATE ON number_counter TO jianyi_web;
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['session', 'deputy', 'unit', 'calendar_year', 'calendar_day', 'policy_setting'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO jianyi_web USING (congress_id = jianyi_actor_congress())',
                       t || '_in_congress', t);
    END LOOP;
END
$$;
-- A submission numbers itself: the secretariat's, or a deputy's own.
ALTER TABLE number_counter ENABLE ROW LEVEL SECURITY;
CREATE POLICY number_counter_registrar ON number_counter TO jianyi_web
    USING (congress_id = jianyi_actor_congress() AND jianyi_actor_party() IN ('secretariat', 'deputy'))
    WITH CHECK (congress_id = jianyi_actor_congress() AND jianyi_actor_party() IN ('secretariat', 'deputy'));

-- Case data: every row of a case the actor sees is readable (steps number their rows after
-- the case's last, and the history is the case's whole life); writes as issue 13's table says.
-- No DELETE is granted on any of them.
GRANT SELECT, INSERT, UPDATE ON suggestion, assignment, obligation, transfer_request TO jianyi_web;
GRANT SELECT, INSERT ON suggestion_cosigner, case_event, contact, reply, rating TO jianyi_web;
GRANT SELECT ON overdue_run, overdue_flag TO jianyi_web;
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['suggestion', 'suggestion_cosigner', 'case_event', 'assignment', 'obligation',
                             'transfer_request', 'contact', 'reply', 'rating'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        IF t <> 'suggestion' THEN
            EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO jianyi_web USING (jianyi_case_visible(congress_id, suggestion_id))',
                           t || '_visible', t);
        END IF;
    END LOOP;
END
$$;

-- A deputy's own new suggestion is readable in the statement that inserts it (RETURNING),
-- before the visibility function's snapshot can see it.
CREATE POLICY suggestion_visible ON suggestion FOR SELECT TO jianyi_web
    USING (jianyi_case_visible(congress_id, suggestion_id)
           OR (congress_id = jianyi_actor_congress() AND jianyi_actor_party() = 'deputy' AND deputy_code = jianyi_actor_code()));
CREATE POLICY suggestion_submit ON suggestion FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is(congress_id, 'deputy', deputy_code));
CREATE POLICY suggestion_step ON suggestion FOR UPDATE TO jianyi_web
    USING (jianyi_case_visible(congress_id, suggestion_id))
    WITH CHECK (jianyi_case_visible(congress_id, suggestion_id));

CREATE POLICY suggestion_cosigner_submit ON suggestion_cosigner FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is(congress_id, 'secretariat', NULL) OR jianyi_case_raised_by_actor(congress_id, suggestion_id));

CREATE POLICY case_event_step ON case_event FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_case_visible(congress_id, suggestion_id));

-- Assigning and deciding transfers is the secretariat's.
CREATE POLICY assignment_secretariat ON assignment FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is(congress_id, 'secretariat', NULL));
CREATE POLICY assignment_secretariat_update ON assignment FOR UPDATE TO jianyi_web
    USING (jianyi_actor_is(congress_id, 'secretariat', NULL))
    WITH CHECK (jianyi_actor_is(congress_id, 'secretariat', NULL));

-- Every party's steps meet or open obligations of the cases it sees (a rating opens a rehandling).
CREATE POLICY obligation_step ON obligation FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_case_visible(congress_id, suggestion_id));
CREATE POLICY obligation_step_update ON obligation FOR UPDATE TO jianyi_web
    USING (jianyi_case_visible(congress_id, suggestion_id))
    WITH CHECK (jianyi_case_visible(congress_id, suggestion_id));

-- A unit requests, contacts and replies as itself only.
CREATE POLICY transfer_request_unit ON transfer_request FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_case_visible(congress_id, suggestion_id) AND jianyi_actor_is(congress_id, 'unit', unit_code));
CREATE POLICY transfer_request_decision ON transfer_request FOR UPDATE TO jianyi_web
    USING (jianyi_actor_is(congress_id, 'secretariat', NULL))
    WITH CHECK (jianyi_actor_is(congress_id, 'secretariat', NULL));
CREATE POLICY contact_unit ON contact FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_case_visible(congress_id, suggestion_id) AND jianyi_actor_is(congress_id, 'unit', unit_code));
CREATE POLICY reply_lead ON reply FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_case_visible(congress_id, suggestion_id) AND jianyi_actor_is(congress_id, 'unit', unit_code));

-- Only the deputy who raised the case rates it.
CREATE POLICY rating_deputy ON rating FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is(congress_id, 'secretariat', NULL) OR jianyi_case_raised_by_actor(congress_id, suggestion_id));

-- The nightly job's results: the secretariat's; a unit sees its own flags.
ALTER TABLE overdue_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE overdue_flag ENABLE ROW LEVEL SECURITY;
CREATE POLICY overdue_run_secretariat ON overdue_run FOR SELECT TO jianyi_web
    USING (jianyi_actor_is(congress_id, 'secretariat', NULL));
CREATE POLICY overdue_flag_unit ON overdue_flag FOR SELECT TO jianyi_web
    USING (jianyi_actor_is(congress_id, 'unit', unit_code));
