-- The web service's reads at a million cases (issue 13). As the web role, row security tests
-- every row a query reaches with jianyi_case_visible, a SECURITY DEFINER function that the
-- planner cannot inline: about 15 µs a row, 15 s to count a congress's million cases.
--
-- Indexes, so that a party's list reaches its own rows only instead of every case of the
-- congress: a unit's cases (those it was relieved of too), a deputy's co-signed cases, and a
-- unit's open obligations by due day (what GET /api/v1/me/obligations pages through).
CREATE INDEX assignment_unit_case ON assignment (congress_id, unit_code, suggestion_id);
CREATE INDEX suggestion_cosigner_deputy ON suggestion_cosigner (congress_id, deputy_code, suggestion_id);
CREATE INDEX obligation_unit_open_due ON obligation (congress_id, unit_code, due_on) WHERE status = 'open';

-- And policies that say again, for the rows most reads touch, what jianyi_case_visible already
-- allows, in a form the planner inlines (jianyi_actor_is reads the actor's settings only): the
-- secretariat sees its congress's suggestions, a unit its own assignments and the obligations
-- it owes (it owes one only on a case it is or was assigned to). They widen nothing. A row
-- passes when any permissive policy passes, and PostgreSQL (15) tests the policies of a table
-- in reverse name order, stopping at the first that passes: named after the *_visible ones,
-- these are tested first, and the function only for the rows they do not pass. (As the web
-- role on 1M cases: a unit's 33k open obligations counted in 140 ms instead of 520 ms, the
-- secretariat's 100k assigned cases in 290 ms instead of 1.4 s.)
CREATE POLICY suggestion_yours ON suggestion FOR SELECT TO jianyi_web
    USING (jianyi_actor_is(congress_id, 'secretariat', NULL));
CREATE POLICY assignment_yours ON assignment FOR SELECT TO jianyi_web
    USING (jianyi_actor_is(congress_id, 'unit', unit_code));
CREATE POLICY obligation_yours ON obligation FOR SELECT TO jianyi_web
    USING (jianyi_actor_is(congress_id, 'unit', unit_code));
