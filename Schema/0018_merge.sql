-- 并案 (issue 15): the secretariat handles two suggestions on one matter as one case. The case
-- merged keeps its row, deputy and history, in the state 'merged', pointing at the case it
-- joined (merged_into, same congress by the key); it takes no step of its own and is never
-- assigned, so the summaries, which count assigned cases, count the matter once.

ALTER TABLE suggestion DROP CONSTRAINT suggestion_state_check;
ALTER TABLE suggestion ADD CONSTRAINT suggestion_state_check CHECK (state IN (
    'submitted', 'accepted', 'rejected', 'withdrawn', 'assigned',
    'replied', 'rehandling', 'following', 'closed', 'merged'));
ALTER TABLE suggestion
    ADD COLUMN merged_into bigint,
    ADD CONSTRAINT suggestion_merged_into_case FOREIGN KEY (congress_id, merged_into) REFERENCES suggestion,
    ADD CONSTRAINT suggestion_merged_has_target CHECK ((state = 'merged') = (merged_into IS NOT NULL)),
    ADD CONSTRAINT suggestion_merged_not_itself CHECK (merged_into <> suggestion_id);
CREATE INDEX suggestion_merged_into ON suggestion (congress_id, merged_into) WHERE merged_into IS NOT NULL;

-- Who sees a case: migration 8's function, and for a deputy also a case into which a case it
-- raised or co-signed was merged (the reply that answers its suggestion is that case's).
CREATE OR REPLACE FUNCTION jianyi_case_visible(p_congress integer, p_suggestion bigint) RETURNS boolean
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
          OR EXISTS (
            SELECT 1 FROM suggestion m
            WHERE m.congress_id = p_congress AND m.merged_into = p_suggestion
              AND (m.deputy_code = jianyi_actor_code()
                   OR EXISTS (SELECT 1 FROM suggestion_cosigner mc
                              WHERE mc.congress_id = m.congress_id AND mc.suggestion_id = m.suggestion_id
                                AND mc.deputy_code = jianyi_actor_code())))
        ELSE false END, false)
$$;

-- Who may rate a case: the deputy who raised it, or one who raised a case merged into it (a
-- co-signer of either is not). Everything else the deputy who raised a case does (withdraw,
-- answer a contact) stays jianyi_case_raised_by_actor's.
CREATE FUNCTION jianyi_case_rated_by_actor(p_congress integer, p_suggestion bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT coalesce(p_congress = jianyi_actor_congress() AND jianyi_actor_party() = 'deputy' AND EXISTS (
        SELECT 1 FROM suggestion s
        WHERE s.congress_id = p_congress AND jianyi_actor_code() = s.deputy_code
          AND (s.suggestion_id = p_suggestion OR s.merged_into = p_suggestion)), false)
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['jianyi_case_visible(integer, bigint)', 'jianyi_case_rated_by_actor(integer, bigint)'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO jianyi_web', f);
    END LOOP;
END
$$;

-- The policies of a rating and what it cascades into (migrations 8, 10, 11), with
-- jianyi_case_rated_by_actor where they asked who raised the case for the rating's sake.
-- Merging is the secretariat's alone: 'merged' and 'merge_received' events, the state 'merged'
-- and merged_into are written by no other party (no branch below admits them).
DROP POLICY rating_deputy ON rating;
CREATE POLICY rating_deputy ON rating FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is(congress_id, 'secretariat', NULL) OR jianyi_case_rated_by_actor(congress_id, suggestion_id));
DROP POLICY rating_party ON rating;
CREATE POLICY rating_party ON rating AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id) OR jianyi_case_rated_by_actor(congress_id, suggestion_id));

DROP POLICY case_event_party ON case_event;
CREATE POLICY case_event_party ON case_event AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        OR (kind IN ('registered', 'withdrawn', 'contact_confirmed', 'contact_disputed')
            AND jianyi_case_raised_by_actor(congress_id, suggestion_id))
        OR (kind = 'rated' AND jianyi_case_rated_by_actor(congress_id, suggestion_id))
        OR (CASE kind
                WHEN 'contacted' THEN jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL
                WHEN 'transfer_requested' THEN jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL
                WHEN 'opinion' THEN jianyi_actor_unit_role(congress_id, suggestion_id) = 'co'
                WHEN 'replied' THEN jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'
                WHEN 'follow_up' THEN jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'
                ELSE false END
            AND coalesce(data ->> 'unit', jianyi_actor_code()) = jianyi_actor_code()));

DROP POLICY suggestion_party_step ON suggestion;
CREATE POLICY suggestion_party_step ON suggestion AS RESTRICTIVE FOR UPDATE TO jianyi_web
    USING (true)
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        -- withdraw: the deputy who raised it, before assignment
        OR (jianyi_case_raised_by_actor(congress_id, suggestion_id) AND state = 'withdrawn' AND lead_unit IS NULL
            AND merged_into IS NULL)
        -- rate: a replied case, the rating recorded while it is still replied, then what the
        -- rating leads to
        OR (jianyi_case_rated_by_actor(congress_id, suggestion_id)
            AND ((state = 'replied' AND replied_on IS NOT NULL)
                 OR (state IN ('rehandling', 'following', 'closed') AND rating_result IS NOT NULL)))
        -- contact, opinion and transfer request keep the state; a reply makes it replied; a
        -- finished plan closes it
        OR (jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL
            AND state IN ('assigned', 'replied', 'rehandling', 'following', 'closed')
            AND (state <> 'replied' OR replied_on IS NOT NULL)
            AND (state <> 'closed' OR plan_done_on IS NOT NULL)));

DROP POLICY obligation_party ON obligation;
CREATE POLICY obligation_party ON obligation AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        OR (kind = 'rehandle' AND jianyi_case_rated_by_actor(congress_id, suggestion_id))
        OR (kind IN ('plan', 'rating') AND jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'));
DROP POLICY obligation_party_update ON obligation;
CREATE POLICY obligation_party_update ON obligation AS RESTRICTIVE FOR UPDATE TO jianyi_web
    USING (jianyi_actor_is_secretariat(congress_id)
        OR (kind <> 'transfer_window' AND jianyi_case_rated_by_actor(congress_id, suggestion_id))
        OR jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL)
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        OR (jianyi_case_rated_by_actor(congress_id, suggestion_id)
            AND (status = 'cancelled' OR (status = 'met' AND kind = 'rating')))
        OR (jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL
            AND ((status = 'met' AND unit_code = jianyi_actor_code())
                 OR (status = 'cancelled' AND jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'))));
