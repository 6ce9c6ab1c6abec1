-- A unit's reads of its own cases without per-row work the planner could do once (issue 13's
-- benchmark: the unit's obligations page at a million cases).
--
-- 1. As the web role, a suggestion row passes suggestion_visible by calling
--    jianyi_case_visible, a SECURITY DEFINER function the planner cannot inline (about 30 µs a
--    row): the obligations page joined to the unit's cases spent most of its time there. For a
--    unit, that function asks whether the unit is or was assigned to the case (lead or co, an
--    ended assignment too); suggestion_yours_unit asks the same in a form the planner keeps in
--    the query, a correlated index-only probe of assignment_unit_case (migration 9).
-- 2. The actor's settings, read through jianyi_actor_*() inside a policy, are read again for
--    every row the policy tests (five current_setting calls a row). Written as scalar
--    subqueries they are read once per statement (an InitPlan): obligation_yours below says
--    what migration 9's did, that way.
--
-- Neither widens or narrows anything. The assignment rows suggestion_yours_unit finds are the
-- actor unit's own in the actor's congress, which assignment_yours lets the web role read, so
-- it passes exactly the rows the function's unit branch passes, and none for another party or
-- with no actor (a NULL setting compares as unknown: no row). A row passes when any permissive
-- policy passes, and PostgreSQL (15) tests a table's permissive policies in reverse name
-- order: named after suggestion_visible and suggestion_yours, suggestion_yours_unit is tested
-- first, the function only for the rows it does not pass.
CREATE POLICY suggestion_yours_unit ON suggestion FOR SELECT TO jianyi_web
    USING (congress_id = (SELECT jianyi_actor_congress()) AND (SELECT jianyi_actor_party()) = 'unit'
           AND EXISTS (SELECT 1 FROM assignment a
                       WHERE a.congress_id = suggestion.congress_id AND a.unit_code = (SELECT jianyi_actor_code())
                         AND a.suggestion_id = suggestion.suggestion_id));

DROP POLICY obligation_yours ON obligation;
CREATE POLICY obligation_yours ON obligation FOR SELECT TO jianyi_web
    USING (congress_id = (SELECT jianyi_actor_congress())
           AND ((SELECT jianyi_actor_party()) = 'secretariat'
                OR ((SELECT jianyi_actor_party()) = 'unit' AND unit_code = (SELECT jianyi_actor_code()))));

-- 3. The unit's count of its open obligations (every page reports it) read each of them from
--    the table, one heap page per obligation; its page, the first 50 by due day, likewise.
--    The same index as migration 9's, carrying the columns those reads and the row policies
--    ask for, answers both from the index alone (an index-only scan, once vacuum has marked
--    the pages all-visible): at a million cases, a unit's 3,333 open obligations counted in
--    0.7 ms instead of 2-3 ms with the table's pages cached (18 ms and more when they were not),
--    the count alone through pgbench 1,630 times a second instead of 920.
DROP INDEX obligation_unit_open_due;
CREATE INDEX obligation_unit_open_due ON obligation (congress_id, unit_code, due_on)
    INCLUDE (kind, suggestion_id, obligation_no, round, start_on) WHERE status = 'open';
