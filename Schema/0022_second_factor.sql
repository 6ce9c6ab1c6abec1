-- A second factor for signing in (issue 14): TOTP (RFC 6238) with one-time recovery codes,
-- enrolled by `jianyi account totp LOGIN`. The policy setting secretariat_totp = 1 makes it
-- mandatory for the secretariat's accounts. jianyi computes the codes (HMAC-SHA1 from
-- swift-crypto); the database keeps the shared secret, the last time step accepted (a code is
-- accepted once: a step at or before it is refused) and the recovery codes' SHA-256 only.

CREATE TABLE account_totp (
    congress_id integer NOT NULL,
    login       text NOT NULL,
    secret      bytea NOT NULL CHECK (octet_length(secret) >= 16),
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    last_step   bigint,
    PRIMARY KEY (congress_id, login),
    FOREIGN KEY (congress_id, login) REFERENCES account ON DELETE CASCADE
);

CREATE TABLE account_recovery_code (
    congress_id integer NOT NULL,
    login       text NOT NULL,
    code_hash   bytea NOT NULL CHECK (octet_length(code_hash) = 32),
    used_at     timestamptz,
    PRIMARY KEY (congress_id, login, code_hash),
    FOREIGN KEY (congress_id, login) REFERENCES account_totp ON DELETE CASCADE
);

-- No grant and no policy: the web role reaches them only through the functions below, as it
-- reaches accounts (migration 8).
ALTER TABLE account_totp ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_recovery_code ENABLE ROW LEVEL SECURITY;

-- Sign-in, after the password: the account's secret and last accepted step (null when it has
-- no second factor), and whether it must have one: a secretariat account when the congress's
-- policy sets secretariat_totp to 1 (read here because the web role, not yet acting for
-- anyone, reads no policy row). Like jianyi_sign_in_account it answers for any login: jianyi
-- asks only once the password has been checked.
CREATE FUNCTION jianyi_sign_in_totp(p_congress integer, p_login text)
RETURNS TABLE (secret bytea, last_step bigint, required boolean)
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT t.secret, t.last_step,
           a.role = 'secretariat' AND EXISTS (SELECT 1 FROM policy_setting p
                                              WHERE p.congress_id = p_congress AND p.key = 'secretariat_totp' AND p.value = '1')
    FROM account a LEFT JOIN account_totp t ON t.congress_id = a.congress_id AND t.login = a.login
    WHERE a.congress_id = p_congress AND a.login = p_login
$$;

-- Accepts the code of time step p_step once: true when no code of this step or a later one
-- was accepted before (the row is locked, so two sign-ins racing with one code get one true).
CREATE FUNCTION jianyi_accept_totp_step(p_congress integer, p_login text, p_step bigint) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER AS $$
    WITH accepted AS (
        UPDATE account_totp SET last_step = p_step
        WHERE congress_id = p_congress AND login = p_login AND (last_step IS NULL OR last_step < p_step)
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM accepted)
$$;

-- Uses a recovery code once: true when its hash is one of the account's unused codes.
CREATE FUNCTION jianyi_use_recovery_code(p_congress integer, p_login text, p_hash bytea) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER AS $$
    WITH used AS (
        UPDATE account_recovery_code SET used_at = now()
        WHERE congress_id = p_congress AND login = p_login AND code_hash = p_hash AND used_at IS NULL
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM used)
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['jianyi_sign_in_totp(integer, text)', 'jianyi_accept_totp_step(integer, text, bigint)',
                             'jianyi_use_recovery_code(integer, text, bytea)'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO jianyi_web', f);
    END LOOP;
END
$$;
