-- Floor for GET /api/v1/me/obligations, as jianyi_web: exactly the statements the handler ran
-- (copied from .build/bench-serve/statements.log, `Scripts/bench serve`): one transaction
-- that sets the actor and checks the bearer token (Store.acting(as:), sent with BEGIN in one round
-- trip: a pipeline), counts the unit's open obligations and reads the first page (one more
-- pipeline). The deadline
-- rules (policy settings, the calendar) the server reads once per pooled connection and keeps
-- while the congress's rules_version stands (migration 24), so a request does not read them.
-- The server binds every value as a parameter but the status the partial index names ('open',
-- written into the text so that a generic plan can use the index); here they are pgbench
-- variables (-M prepared binds them). The count and the page run with generic plans
-- (Connection.pipelineWithGenericPlans: plan_cache_mode set and put back in the same pipeline);
-- until 2026-12-01 the page's LIMIT and OFFSET made PostgreSQL plan both statements on every
-- request, and this floor, with its constants written out, did not.
-- No separate token lookup: a token the server has seen lately (every request here but the
-- first) is checked only inside that transaction (Site.tokens, SignInMiddleware).
\startpipeline
BEGIN ISOLATION LEVEL READ COMMITTED;
WITH c AS (SELECT congress_id, rules_version FROM congress WHERE code = :congress)
SELECT set_config('jianyi.congress', (SELECT congress_id FROM c)::text, true) AS congress,
       (SELECT rules_version FROM c) AS rules_version,
       set_config('jianyi.party', 'unit', true),
       set_config('jianyi.code', :unit, true),
       set_config('jianyi.login', :actor, true),
       set_config('jianyi.signer', coalesce(jianyi_account_signs((SELECT congress_id FROM c), :actor), false)::text, true) AS signer,
       (SELECT t.login FROM jianyi_token_account(:token, NULL) t
        WHERE t.kind = 'api' AND t.congress_code = :congress) AS token_login;
\endpipeline
\startpipeline
SELECT set_config('jianyi.plan_cache_mode_was', current_setting('plan_cache_mode'), true);
SELECT set_config('plan_cache_mode', 'force_generic_plan', true);
SELECT count(*) AS n FROM obligation o WHERE o.congress_id = :congress_id AND o.unit_code = :unit AND o.status = 'open'
AND o.kind = ANY(:kinds::text[]);
SELECT s.number, s.title, o.kind, o.unit_code, o.round, o.start_on, o.due_on
FROM obligation o JOIN suggestion s ON s.congress_id = o.congress_id AND s.suggestion_id = o.suggestion_id
WHERE o.congress_id = :congress_id AND o.unit_code = :unit AND o.status = 'open'
AND o.kind = ANY(:kinds::text[]) ORDER BY o.due_on, s.series, s.seq, o.obligation_no LIMIT :limit OFFSET :offset;
SELECT set_config('plan_cache_mode', current_setting('jianyi.plan_cache_mode_was'), true);
\endpipeline
COMMIT;
