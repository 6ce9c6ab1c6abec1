-- The pages' 修改密码: a signed-in account sets its own password. The web role reaches no
-- account row (migration 8), so this function is the only way: the browser session's token
-- names the account, and only that account changes. jianyi has checked the current password
-- (bcrypt, through jianyi_sign_in_account) and hashed the new one; the clear password never
-- reaches the database. Every other token of the account ends, as `account passwd` ends them
-- all: a session or program that knew the old password is signed out; the one asking stays.
CREATE FUNCTION jianyi_change_own_password(p_token text, p_hash text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
DECLARE
    t access_token%ROWTYPE;
BEGIN
    SELECT * INTO t FROM access_token
    WHERE token_hash = sha256(convert_to(p_token, 'UTF8')) AND kind = 'session' AND expires_at > now();
    IF NOT FOUND OR p_hash NOT LIKE '$2%' THEN
        RETURN false;
    END IF;
    UPDATE account SET password_hash = p_hash, password_changed_at = now()
    WHERE congress_id = t.congress_id AND login = t.login AND disabled_at IS NULL;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    DELETE FROM access_token WHERE congress_id = t.congress_id AND login = t.login AND token_hash <> t.token_hash;
    RETURN true;
END
$$;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION jianyi_change_own_password(text, text) SET search_path = %I, pg_temp', current_schema());
END
$$;
REVOKE ALL ON FUNCTION jianyi_change_own_password(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION jianyi_change_own_password(text, text) TO jianyi_web;
