-- What each party may WRITE, enforced below the handlers (issue 13's table). Migration 8's
-- write policies ask only whether the actor sees the case, so raw SQL as jianyi_web with a
-- deputy as actor could accept the deputy's own case. The RESTRICTIVE policies here narrow
-- every permissive one: a write passes only when the actor's party may make it.
--   secretariat: every write within its congress;
--   deputy (the one who raised the case; a co-signer writes nothing): submit, withdraw, rate,
--     and what a rating cascades into (settling the reminder, opening a rehandling, closing);
--   unit (while assigned): contact and transfer request; opinion as co-handler; reply and
--     follow-up as lead, with what they open, meet and, on a finished plan, cancel.
-- Row policies cannot compare a row with its old self, so a case's state is bounded by the
-- states the party's steps lead to and the columns those steps fill first.

-- The actor unit's current role on a case ('lead' or 'co'), NULL when the actor is no unit
-- or not (or no longer) assigned to it.
CREATE FUNCTION jianyi_actor_unit_role(p_congress integer, p_suggestion bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER AS $$
    SELECT a.role FROM assignment a
    WHERE p_congress = jianyi_actor_congress() AND jianyi_actor_party() = 'unit'
      AND a.congress_id = p_congress AND a.suggestion_id = p_suggestion
      AND a.unit_code = jianyi_actor_code() AND a.ended_on IS NULL
$$;
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION jianyi_actor_unit_role(integer, bigint) SET search_path = %I, pg_temp', current_schema());
END
$$;
REVOKE ALL ON FUNCTION jianyi_actor_unit_role(integer, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION jianyi_actor_unit_role(integer, bigint) TO jianyi_web;

CREATE FUNCTION jianyi_actor_is_secretariat(p_congress integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(p_congress = jianyi_actor_congress() AND jianyi_actor_party() = 'secretariat', false)
$$;

-- History: the kinds of event each party's steps append. A unit's event names itself.
CREATE POLICY case_event_party ON case_event AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        OR (kind IN ('registered', 'withdrawn', 'rated') AND jianyi_case_raised_by_actor(congress_id, suggestion_id))
        OR (CASE kind
                WHEN 'contacted' THEN jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL
                WHEN 'transfer_requested' THEN jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL
                WHEN 'opinion' THEN jianyi_actor_unit_role(congress_id, suggestion_id) = 'co'
                WHEN 'replied' THEN jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'
                WHEN 'follow_up' THEN jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'
                ELSE false END
            AND coalesce(data ->> 'unit', jianyi_actor_code()) = jianyi_actor_code()));

-- A case starts submitted, whoever submits it.
CREATE POLICY suggestion_party_submit ON suggestion AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (state = 'submitted');
-- No USING bound beyond migration 8's: every step locks the case row (SELECT ... FOR UPDATE,
-- which row security checks like an UPDATE) before the Swift rule refuses with a clear 403.
-- So the bounds are on the row a write leaves.
CREATE POLICY suggestion_party_step ON suggestion AS RESTRICTIVE FOR UPDATE TO jianyi_web
    USING (true)
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        -- withdraw: before assignment; rate: a replied case, the rating recorded while it is
        -- still replied, then what the rating leads to
        OR (jianyi_case_raised_by_actor(congress_id, suggestion_id)
            AND ((state = 'withdrawn' AND lead_unit IS NULL)
                 OR (state = 'replied' AND replied_on IS NOT NULL)
                 OR (state IN ('rehandling', 'following', 'closed') AND rating_result IS NOT NULL)))
        -- contact, opinion and transfer request keep the state; a reply makes it replied; a
        -- finished plan closes it
        OR (jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL
            AND state IN ('assigned', 'replied', 'rehandling', 'following', 'closed')
            AND (state <> 'replied' OR replied_on IS NOT NULL)
            AND (state <> 'closed' OR plan_done_on IS NOT NULL)));

CREATE POLICY suggestion_cosigner_party ON suggestion_cosigner AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id) OR jianyi_case_raised_by_actor(congress_id, suggestion_id));

-- Assigning and deciding transfers: the secretariat's alone.
CREATE POLICY assignment_party ON assignment AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id));
CREATE POLICY assignment_party_update ON assignment AS RESTRICTIVE FOR UPDATE TO jianyi_web
    USING (jianyi_actor_is_secretariat(congress_id))
    WITH CHECK (jianyi_actor_is_secretariat(congress_id));
CREATE POLICY transfer_request_party ON transfer_request AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        OR (decision = 'pending' AND unit_code = jianyi_actor_code()
            AND jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL));
CREATE POLICY transfer_request_party_update ON transfer_request AS RESTRICTIVE FOR UPDATE TO jianyi_web
    USING (jianyi_actor_is_secretariat(congress_id))
    WITH CHECK (jianyi_actor_is_secretariat(congress_id));

-- A unit's records name itself, while it is on the case in the role the step needs.
CREATE POLICY contact_party ON contact AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        OR (unit_code = jianyi_actor_code() AND jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL));
CREATE POLICY reply_party ON reply AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        OR (unit_code = jianyi_actor_code() AND jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'));
CREATE POLICY rating_party ON rating AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id) OR jianyi_case_raised_by_actor(congress_id, suggestion_id));

-- Obligations: a rating opens only a rehandling; a reply its plan date and the rating
-- reminder. A deputy meets only its rating reminder; a unit meets only what it owes, and
-- cancels only as lead (a finished plan closes the case). Nobody but the secretariat
-- reopens one.
CREATE POLICY obligation_party ON obligation AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        OR (kind = 'rehandle' AND jianyi_case_raised_by_actor(congress_id, suggestion_id))
        OR (kind IN ('plan', 'rating') AND jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'));
CREATE POLICY obligation_party_update ON obligation AS RESTRICTIVE FOR UPDATE TO jianyi_web
    USING (jianyi_actor_is_secretariat(congress_id)
        OR (kind <> 'transfer_window' AND jianyi_case_raised_by_actor(congress_id, suggestion_id))
        OR jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL)
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        OR (jianyi_case_raised_by_actor(congress_id, suggestion_id)
            AND (status = 'cancelled' OR (status = 'met' AND kind = 'rating')))
        OR (jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL
            AND ((status = 'met' AND unit_code = jianyi_actor_code())
                 OR (status = 'cancelled' AND jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'))));
