-- A number that changes whenever a congress's deadline rules (its policy settings or its
-- holiday calendar) change, so a long-running server can keep the rules it read and read them
-- again only when this number moved, instead of reading every setting and every calendar day
-- on each request: the unit's obligations page spent three of its nine round trips, and most
-- of its bytes, on rules that change a few times a year.
--
-- Triggers keep it: nothing that writes the rules has to remember to. Each statement that
-- changes the rules raises the number of the congresses it touched, inside its transaction, so
-- a reader that sees the new rules sees the new number too (and one that read the number
-- before the change reads it again on its next request: a cache keyed by the number read
-- before the rules were read can only be newer than its key, never staler).
ALTER TABLE congress ADD COLUMN rules_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION jianyi_bump_rules_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE congress SET rules_version = rules_version + 1 WHERE congress_id = OLD.congress_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE congress SET rules_version = rules_version + 1 WHERE congress_id = NEW.congress_id;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION jianyi_bump_rules_version() FROM PUBLIC;

CREATE TRIGGER policy_setting_rules_version AFTER INSERT OR UPDATE OR DELETE ON policy_setting
    FOR EACH ROW EXECUTE FUNCTION jianyi_bump_rules_version();
CREATE TRIGGER calendar_day_rules_version AFTER INSERT OR UPDATE OR DELETE ON calendar_day
    FOR EACH ROW EXECUTE FUNCTION jianyi_bump_rules_version();
CREATE TRIGGER calendar_year_rules_version AFTER INSERT OR UPDATE OR DELETE ON calendar_year
    FOR EACH ROW EXECUTE FUNCTION jianyi_bump_rules_version();
-- TRUNCATE has no rows to name a congress by: it moves every congress's number.
CREATE FUNCTION jianyi_bump_all_rules_versions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    UPDATE congress SET rules_version = rules_version + 1;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION jianyi_bump_all_rules_versions() FROM PUBLIC;
CREATE TRIGGER policy_setting_rules_version_truncate AFTER TRUNCATE ON policy_setting
    FOR EACH STATEMENT EXECUTE FUNCTION jianyi_bump_all_rules_versions();
CREATE TRIGGER calendar_day_rules_version_truncate AFTER TRUNCATE ON calendar_day
    FOR EACH STATEMENT EXECUTE FUNCTION jianyi_bump_all_rules_versions();
CREATE TRIGGER calendar_year_rules_version_truncate AFTER TRUNCATE ON calendar_year
    FOR EACH STATEMENT EXECUTE FUNCTION jianyi_bump_all_rules_versions();
