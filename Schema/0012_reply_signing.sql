-- 签发: a unit's reply drafted by its staff and signed by an account with the signer right
-- (docs/api.md, "Drafts and signing"). A unit with no signer account replies directly, as
-- before. Drafts live in their own table, never in the case's history: a deputy reads the
-- history, and never sees a draft. The reply a signature makes is an ordinary reply whose
-- event names the drafting and the signing account.

ALTER TABLE account
    ADD COLUMN signer boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT account_signer_is_unit CHECK (NOT signer OR role = 'unit');

CREATE TABLE reply_draft (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    draft_no      integer NOT NULL,
    round         integer NOT NULL CHECK (round IN (1, 2)),
    unit_code     text NOT NULL,
    outcome       text NOT NULL CHECK (outcome IN ('A', 'B', 'C')),
    plan_by       date CONSTRAINT reply_draft_plan_by_in_range CHECK (plan_by BETWEEN '1900-01-01' AND '9999-12-31'),
    text          text NOT NULL,
    drafted_on    date NOT NULL CONSTRAINT reply_draft_drafted_on_in_range CHECK (drafted_on BETWEEN '1900-01-01' AND '9999-12-31'),
    drafted_by    text NOT NULL,
    -- pending: waits for a signer; signed: became the reply; returned: sent back with a note;
    -- void: a reply without it (the secretariat's paper reply, a signer's own) or a transfer
    -- of the lead made it moot.
    status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'signed', 'returned', 'void')),
    decided_on    date CONSTRAINT reply_draft_decided_on_in_range CHECK (decided_on BETWEEN '1900-01-01' AND '9999-12-31'),
    decided_by    text,
    note          text,
    PRIMARY KEY (congress_id, suggestion_id, draft_no),
    FOREIGN KEY (congress_id, suggestion_id) REFERENCES suggestion,
    FOREIGN KEY (congress_id, unit_code) REFERENCES unit,
    FOREIGN KEY (congress_id, drafted_by) REFERENCES account,
    CHECK ((outcome = 'B') = (plan_by IS NOT NULL)),
    CHECK ((status = 'pending') = (decided_on IS NULL)),
    CHECK ((status = 'pending') = (decided_by IS NULL)),
    CHECK (status <> 'returned' OR btrim(coalesce(note, '')) <> '')
);
-- One draft waits per case at a time; a signer's queue reads the pending ones of its unit.
CREATE UNIQUE INDEX reply_draft_one_pending ON reply_draft (congress_id, suggestion_id) WHERE status = 'pending';
CREATE INDEX reply_draft_unit_pending ON reply_draft (congress_id, unit_code, drafted_on) WHERE status = 'pending';

-- The account acting and its signer right, set by Store.acting(as:) in the same statement as
-- the party: the login from the signed-in account, the right read here from the account row
-- (never from a request). Both NULL/false when unset.
CREATE FUNCTION jianyi_actor_login() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('jianyi.login', true), '')
$$;
CREATE FUNCTION jianyi_actor_signs() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('jianyi.signer', true) = 'true', false)
$$;

-- Whether an enabled unit account `p_login` has the signer right: what acting sets jianyi.signer to.
CREATE FUNCTION jianyi_account_signs(p_congress integer, p_login text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT coalesce((SELECT a.signer AND a.role = 'unit' AND a.disabled_at IS NULL
                     FROM account a WHERE a.congress_id = p_congress AND a.login = p_login), false)
$$;

-- Whether unit `p_unit` has an enabled signer account, so that its replies go through drafts.
CREATE FUNCTION jianyi_unit_has_signer(p_congress integer, p_unit text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT EXISTS (SELECT 1 FROM account a WHERE a.congress_id = p_congress AND a.unit_code = p_unit
                   AND a.signer AND a.disabled_at IS NULL)
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['jianyi_account_signs(integer, text)', 'jianyi_unit_has_signer(integer, text)'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO jianyi_web', f);
    END LOOP;
END
$$;

-- Drafts: the secretariat and the case's current lead unit see them (a deputy, a co-handler
-- and a unit relieved of the lead never do). The lead's accounts draft as themselves; only a
-- signer of the lead unit signs or returns, naming itself; a pending draft is voided by the
-- secretariat or the lead (a reply made without it). Only the decision's columns change.
GRANT SELECT, INSERT ON reply_draft TO jianyi_web;
GRANT UPDATE (status, decided_on, decided_by, note) ON reply_draft TO jianyi_web;
ALTER TABLE reply_draft ENABLE ROW LEVEL SECURITY;
CREATE POLICY reply_draft_lead ON reply_draft FOR SELECT TO jianyi_web
    USING (jianyi_actor_is_secretariat(congress_id) OR jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead');
CREATE POLICY reply_draft_submit ON reply_draft FOR INSERT TO jianyi_web
    WITH CHECK (status = 'pending' AND unit_code = jianyi_actor_code() AND drafted_by = jianyi_actor_login()
                AND jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead');
CREATE POLICY reply_draft_decide ON reply_draft FOR UPDATE TO jianyi_web
    USING (status = 'pending'
           AND (jianyi_actor_is_secretariat(congress_id) OR jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'))
    WITH CHECK (decided_by = jianyi_actor_login() AND (
        (status IN ('signed', 'returned') AND jianyi_actor_signs() AND unit_code = jianyi_actor_code()
         AND jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead')
        OR (status = 'void'
            AND (jianyi_actor_is_secretariat(congress_id) OR jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'))));

-- A unit with a signer replies through one: of its accounts only a signer inserts the reply
-- (signing a draft, or replying outright). The secretariat enters signed paper replies.
CREATE POLICY reply_signed ON reply AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id) OR jianyi_actor_signs()
                OR NOT jianyi_unit_has_signer(congress_id, unit_code));
