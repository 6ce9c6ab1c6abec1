-- Floor for GET /api/v1/me/obligations, as jianyi_web: exactly the statements the handler ran
-- (copied from .build/bench-serve/statements.log, `Scripts/bench serve`): the token lookup,
-- then one transaction that sets the actor (Store.acting(as:), sent with BEGIN in one round
-- trip: a pipeline), counts the unit's open obligations and reads the first page (one more
-- pipeline). The deadline
-- rules (policy settings, the calendar) the server reads once per pooled connection and keeps
-- while the congress's rules_version stands (migration 24), so a request does not read them.
-- The server binds every value as a parameter; here the ones that vary by account are pgbench
-- variables and the constants are written out.
SELECT congress_code, login, role, coalesce(deputy_code, unit_code) AS code, kind,
       floor(extract(epoch FROM expires_at))::bigint AS expires_at, csrf_matches
FROM jianyi_token_account(:token, NULL);
\startpipeline
BEGIN ISOLATION LEVEL READ COMMITTED;
WITH c AS (SELECT congress_id, rules_version FROM congress WHERE code = :congress)
SELECT set_config('jianyi.congress', (SELECT congress_id FROM c)::text, true) AS congress,
       (SELECT rules_version FROM c) AS rules_version,
       set_config('jianyi.party', 'unit', true),
       set_config('jianyi.code', :unit, true),
       set_config('jianyi.login', :actor, true),
       set_config('jianyi.signer', coalesce(jianyi_account_signs((SELECT congress_id FROM c), :actor), false)::text, true) AS signer;
\endpipeline
\startpipeline
SELECT count(*) AS n FROM obligation o WHERE o.congress_id = :congress_id AND o.unit_code = :unit AND o.status = 'open'
AND o.kind = ANY('{reply,opinion,rehandle,plan}'::text[]);
SELECT s.number, s.title, o.kind, o.unit_code, o.round, o.start_on, o.due_on
FROM obligation o JOIN suggestion s ON s.congress_id = o.congress_id AND s.suggestion_id = o.suggestion_id
WHERE o.congress_id = :congress_id AND o.unit_code = :unit AND o.status = 'open'
AND o.kind = ANY('{reply,opinion,rehandle,plan}'::text[]) ORDER BY o.due_on, s.series, s.seq, o.obligation_no LIMIT 50 OFFSET 0;
\endpipeline
COMMIT;
