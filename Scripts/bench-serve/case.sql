-- Floor for GET /api/v1/cases/{number}, as jianyi_web: exactly the statements the handler ran
-- (copied from .build/bench-serve/statements.log, `Scripts/bench serve`) for a random case of
-- unit U01 (cases 300m + r, r < 10: Scripts/bench): one transaction that sets the actor
-- and checks the bearer token (Store.acting(as:), sent with BEGIN in one round trip: a pipeline), reads the
-- case view, its history and its contacts (with the deputy's confirmations) by the id it found.
-- The server binds every value as a parameter; here the ones that vary are pgbench variables
-- and the constants are written out.
-- No separate token lookup: a token the server has seen lately (every request here but the
-- first) is checked only inside that transaction (Site.tokens, SignInMiddleware).
\set m random(1, 3333)
\set r random(0, 9)
\set n 300 * :m + :r
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
SELECT s.suggestion_id, s.number, s.title, s.body, s.state, s.deputy_code, d.name AS deputy_name,
       d.delegation, s.session_code, s.channel, s.station, s.category, s.submitted_on, s.is_key,
       s.key_leader, s.key_committee, s.lead_unit, s.complex, s.assigned_on, s.round, s.replied_on, s.outcome,
       s.plan_by, s.plan_done_on, s.rating_result, s.rating_attitude, s.closed_on,
       coalesce((SELECT array_agg(c.deputy_code ORDER BY c.position) FROM suggestion_cosigner c
                 WHERE c.congress_id = s.congress_id AND c.suggestion_id = s.suggestion_id), '{}') AS cosigners,
       coalesce((SELECT array_agg(a.unit_code ORDER BY a.assigned_on, a.unit_code) FROM assignment a
                 WHERE a.congress_id = s.congress_id AND a.suggestion_id = s.suggestion_id AND a.role = 'co' AND a.ended_on IS NULL), '{}') AS co_units,
       (SELECT o.due_on FROM obligation o
         WHERE o.congress_id = s.congress_id AND o.suggestion_id = s.suggestion_id AND o.kind = ANY('{reply,rehandle}'::text[])
           AND o.status <> 'cancelled'
         ORDER BY o.obligation_no DESC LIMIT 1) AS reply_due,
       coalesce((SELECT json_agg(json_build_object('kind', o.kind, 'unit', o.unit_code, 'due', o.due_on,
                                                    'status', o.status, 'met_on', o.met_on) ORDER BY o.obligation_no)
                 FROM obligation o WHERE o.congress_id = s.congress_id AND o.suggestion_id = s.suggestion_id), '[]') AS deadlines
FROM suggestion s
JOIN deputy d ON d.congress_id = s.congress_id AND d.code = s.deputy_code
WHERE s.congress_id = :congress_id AND s.number = '1-1-' || lpad(:n::text, 7, '0') \gset case_
SELECT event_no, kind, on_date, floor(extract(epoch FROM recorded_at))::bigint AS recorded_at, actor, data::text AS data
FROM case_event WHERE congress_id = :congress_id AND suggestion_id = :case_suggestion_id
ORDER BY event_no;
SELECT c.contact_no, c.unit_code, c.mode, c.on_date, c.note, cc.answer, cc.on_date AS answered_on, cc.note AS answer_note
FROM contact c LEFT JOIN contact_confirmation cc ON cc.congress_id = c.congress_id AND cc.suggestion_id = c.suggestion_id AND cc.contact_no = c.contact_no
WHERE c.congress_id = :congress_id AND c.suggestion_id = :case_suggestion_id
ORDER BY c.contact_no;
COMMIT;
