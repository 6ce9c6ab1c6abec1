-- Floor for GET /api/v1/cases/{number}, as jianyi_web: the token lookup, then one transaction
-- with the actor set and the reads of one case of unit U01 (case i is U01's when 30 divides i).
-- The reads are a stand-in written before the handler landed: replace them with the
-- statements `Scripts/bench serve` logs (it prints where).
\set k random(1, 33333)
SELECT congress_code, login, role, coalesce(deputy_code, unit_code) AS code, kind,
       floor(extract(epoch FROM expires_at))::bigint AS expires_at, csrf_matches
FROM jianyi_token_account(:token, NULL);
BEGIN;
SELECT set_config('jianyi.congress', (SELECT congress_id FROM congress WHERE code = :congress)::text, true) AS congress,
       set_config('jianyi.party', 'unit', true), set_config('jianyi.code', :unit, true);
SELECT * FROM suggestion WHERE congress_id = (SELECT congress_id FROM congress WHERE code = :congress)
  AND number = '1-1-' || lpad((:k * 30)::text, 7, '0');
SELECT c.* FROM suggestion_cosigner c JOIN suggestion s ON s.congress_id = c.congress_id AND s.suggestion_id = c.suggestion_id
WHERE s.congress_id = (SELECT congress_id FROM congress WHERE code = :congress) AND s.number = '1-1-' || lpad((:k * 30)::text, 7, '0');
SELECT a.* FROM assignment a JOIN suggestion s ON s.congress_id = a.congress_id AND s.suggestion_id = a.suggestion_id
WHERE s.congress_id = (SELECT congress_id FROM congress WHERE code = :congress) AND s.number = '1-1-' || lpad((:k * 30)::text, 7, '0');
SELECT o.* FROM obligation o JOIN suggestion s ON s.congress_id = o.congress_id AND s.suggestion_id = o.suggestion_id
WHERE s.congress_id = (SELECT congress_id FROM congress WHERE code = :congress) AND s.number = '1-1-' || lpad((:k * 30)::text, 7, '0');
SELECT e.* FROM case_event e JOIN suggestion s ON s.congress_id = e.congress_id AND s.suggestion_id = e.suggestion_id
WHERE s.congress_id = (SELECT congress_id FROM congress WHERE code = :congress) AND s.number = '1-1-' || lpad((:k * 30)::text, 7, '0');
COMMIT;
