-- Floor for GET /api/v1/cases/{number}, as jianyi_web: the token lookup, then one transaction
-- with the actor set and the reads of a random case of unit U01 (cases 300m + r, r < 10: Scripts/bench).
-- The reads are a stand-in written before the handler landed: replace them with the
-- statements `Scripts/bench serve` logs (it prints where).
\set m random(1, 3333)
\set r random(0, 9)
SELECT congress_code, login, role, coalesce(deputy_code, unit_code) AS code, kind,
       floor(extract(epoch FROM expires_at))::bigint AS expires_at, csrf_matches
FROM jianyi_token_account(:token, NULL);
BEGIN;
SELECT set_config('jianyi.congress', (SELECT congress_id FROM congress WHERE code = :congress)::text, true) AS congress,
       set_config('jianyi.party', 'unit', true), set_config('jianyi.code', :unit, true);
SELECT * FROM suggestion WHERE congress_id = (SELECT congress_id FROM congress WHERE code = :congress)
  AND number = '1-1-' || lpad((:m * 300 + :r)::text, 7, '0');
SELECT c.* FROM suggestion_cosigner c JOIN suggestion s ON s.congress_id = c.congress_id AND s.suggestion_id = c.suggestion_id
WHERE s.congress_id = (SELECT congress_id FROM congress WHERE code = :congress) AND s.number = '1-1-' || lpad((:m * 300 + :r)::text, 7, '0');
SELECT a.* FROM assignment a JOIN suggestion s ON s.congress_id = a.congress_id AND s.suggestion_id = a.suggestion_id
WHERE s.congress_id = (SELECT congress_id FROM congress WHERE code = :congress) AND s.number = '1-1-' || lpad((:m * 300 + :r)::text, 7, '0');
SELECT o.* FROM obligation o JOIN suggestion s ON s.congress_id = o.congress_id AND s.suggestion_id = o.suggestion_id
WHERE s.congress_id = (SELECT congress_id FROM congress WHERE code = :congress) AND s.number = '1-1-' || lpad((:m * 300 + :r)::text, 7, '0');
SELECT e.* FROM case_event e JOIN suggestion s ON s.congress_id = e.congress_id AND s.suggestion_id = e.suggestion_id
WHERE s.congress_id = (SELECT congress_id FROM congress WHERE code = :congress) AND s.number = '1-1-' || lpad((:m * 300 + :r)::text, 7, '0');
COMMIT;
