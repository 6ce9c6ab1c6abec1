-- The secretariat's accounts page: list, add, disable, reset a password, as the web role.
-- The web role still reaches no account or token row (migration 8); these functions are the
-- only way, and each works only for an actor that is the secretariat, on the accounts of the
-- actor's own congress (the settings Store.acting(as:) makes). jianyi has checked the login
-- and the password and made the bcrypt hash: the clear password never reaches the database,
-- and no function returns a hash.

-- Refuses (42501) unless the transaction acts as the secretariat of a congress; that congress.
CREATE FUNCTION jianyi_secretariat_congress() RETURNS integer
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF jianyi_actor_party() IS DISTINCT FROM 'secretariat' OR jianyi_actor_congress() IS NULL THEN
        RAISE EXCEPTION 'only the secretariat manages accounts' USING ERRCODE = '42501';
    END IF;
    RETURN jianyi_actor_congress();
END
$$;

CREATE FUNCTION jianyi_secretariat_accounts()
RETURNS TABLE (login text, role text, code text, disabled boolean, signer boolean, created_at bigint, password_changed_at bigint)
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT a.login, a.role, coalesce(a.deputy_code, a.unit_code), a.disabled_at IS NOT NULL, a.signer,
           floor(extract(epoch FROM a.created_at))::bigint, floor(extract(epoch FROM a.password_changed_at))::bigint
    FROM account a WHERE a.congress_id = jianyi_secretariat_congress() ORDER BY a.login COLLATE "C"
$$;

-- Adds an account; returns 'added', or why not: 'taken', 'no_unit', 'no_deputy'.
CREATE FUNCTION jianyi_secretariat_add_account(p_login text, p_role text, p_code text, p_hash text, p_signer boolean) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
DECLARE
    c integer := jianyi_secretariat_congress();
BEGIN
    IF p_hash NOT LIKE '$2%' THEN
        RAISE EXCEPTION 'not a bcrypt hash' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM account WHERE congress_id = c AND login = p_login) THEN
        RETURN 'taken';
    END IF;
    IF p_role = 'unit' AND NOT EXISTS (SELECT 1 FROM unit WHERE congress_id = c AND code = p_code) THEN
        RETURN 'no_unit';
    END IF;
    IF p_role = 'deputy' AND NOT EXISTS (SELECT 1 FROM deputy WHERE congress_id = c AND code = p_code) THEN
        RETURN 'no_deputy';
    END IF;
    INSERT INTO account (congress_id, login, role, deputy_code, unit_code, password_hash, signer)
    VALUES (c, p_login, p_role, CASE WHEN p_role = 'deputy' THEN p_code END, CASE WHEN p_role = 'unit' THEN p_code END,
            p_hash, p_signer);
    RETURN 'added';
END
$$;

-- Disables an account and ends its tokens; false when the congress has no such account.
CREATE FUNCTION jianyi_secretariat_disable_account(p_login text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
DECLARE
    c integer := jianyi_secretariat_congress();
BEGIN
    UPDATE account SET disabled_at = coalesce(disabled_at, now()) WHERE congress_id = c AND login = p_login;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    DELETE FROM access_token WHERE congress_id = c AND login = p_login;
    RETURN true;
END
$$;

-- Sets an account's password (a bcrypt hash) and ends its tokens; false when there is no such account.
CREATE FUNCTION jianyi_secretariat_set_password(p_login text, p_hash text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
DECLARE
    c integer := jianyi_secretariat_congress();
BEGIN
    IF p_hash NOT LIKE '$2%' THEN
        RAISE EXCEPTION 'not a bcrypt hash' USING ERRCODE = '22023';
    END IF;
    UPDATE account SET password_hash = p_hash, password_changed_at = now() WHERE congress_id = c AND login = p_login;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    DELETE FROM access_token WHERE congress_id = c AND login = p_login;
    RETURN true;
END
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY[
        'jianyi_secretariat_congress()', 'jianyi_secretariat_accounts()',
        'jianyi_secretariat_add_account(text, text, text, text, boolean)',
        'jianyi_secretariat_disable_account(text)', 'jianyi_secretariat_set_password(text, text)']
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO jianyi_web', f);
    END LOOP;
END
$$;
