-- Floor for GET /api/v1/me/obligations, as jianyi_web: the token lookup, then one transaction
-- with the actor set and the reads. The reads are a stand-in written before the handler
-- landed: replace them with the statements `Scripts/bench serve` logs (it prints where).
SELECT congress_code, login, role, coalesce(deputy_code, unit_code) AS code, kind,
       floor(extract(epoch FROM expires_at))::bigint AS expires_at, csrf_matches
FROM jianyi_token_account(:token, NULL);
BEGIN;
SELECT set_config('jianyi.congress', (SELECT congress_id FROM congress WHERE code = :congress)::text, true) AS congress,
       set_config('jianyi.party', 'unit', true), set_config('jianyi.code', :unit, true);
SELECT s.number, s.title, o.kind, o.unit_code, o.round, o.due_on
FROM obligation o JOIN suggestion s ON s.congress_id = o.congress_id AND s.suggestion_id = o.suggestion_id
WHERE o.congress_id = (SELECT congress_id FROM congress WHERE code = :congress) AND o.unit_code = :unit
  AND o.status = 'open' AND o.kind IN ('reply', 'opinion', 'rehandle', 'plan')
ORDER BY o.due_on, s.series, s.seq, o.obligation_no LIMIT 50 OFFSET 0;
SELECT count(*) FROM obligation o
WHERE o.congress_id = (SELECT congress_id FROM congress WHERE code = :congress) AND o.unit_code = :unit
  AND o.status = 'open' AND o.kind IN ('reply', 'opinion', 'rehandle', 'plan');
COMMIT;
