-- Floor for GET /api/v1/me/obligations, as jianyi_web: exactly the statements the handler ran
-- (copied from .build/bench-serve/statements.log, `Scripts/bench serve`): the token lookup,
-- then one transaction that sets the actor (Store.acting(as:)), counts the unit's open
-- obligations, reads the deadline rules (policy settings, the calendar) and the first page.
-- The server binds every value as a parameter; here the ones that vary by account are pgbench
-- variables and the constants are written out.
SELECT congress_code, login, role, coalesce(deputy_code, unit_code) AS code, kind,
       floor(extract(epoch FROM expires_at))::bigint AS expires_at, csrf_matches
FROM jianyi_token_account(:token, NULL);
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT set_config('jianyi.congress', (SELECT congress_id FROM congress WHERE code = :congress)::text, true) AS congress,
       set_config('jianyi.party', 'unit', true),
       set_config('jianyi.code', :unit, true) \gset act_
SELECT count(*) AS n FROM obligation o WHERE o.congress_id = :act_congress AND o.unit_code = :unit AND o.status = 'open'
AND o.kind = ANY('{reply,opinion,rehandle,plan}'::text[]);
SELECT key, value, floor(extract(epoch FROM changed_at))::bigint AS changed_at, changed_by
FROM policy_setting WHERE congress_id = :act_congress;
SELECT year FROM calendar_year WHERE congress_id = :act_congress AND year BETWEEN 2026 AND 2028;
SELECT day, kind, name FROM calendar_day
WHERE congress_id = :act_congress AND year BETWEEN 2026 AND 2028
ORDER BY day;
SELECT s.number, s.title, o.kind, o.unit_code, o.round, o.start_on, o.due_on
FROM obligation o JOIN suggestion s ON s.congress_id = o.congress_id AND s.suggestion_id = o.suggestion_id
WHERE o.congress_id = :act_congress AND o.unit_code = :unit AND o.status = 'open'
AND o.kind = ANY('{reply,opinion,rehandle,plan}'::text[]) ORDER BY o.due_on, s.series, s.seq, o.obligation_no LIMIT 50 OFFSET 0;
COMMIT;
