-- Indexes for the web service's reads (issue 13). As the web role, row security tests every
-- row a query reaches with jianyi_case_visible; these let a party's list reach its own rows
-- only, instead of every case of the congress: a unit's cases (those it was relieved of
-- too), a deputy's co-signed cases, and a unit's open obligations by due day (what
-- GET /api/v1/me/obligations pages through).
CREATE INDEX assignment_unit_case ON assignment (congress_id, unit_code, suggestion_id);
CREATE INDEX suggestion_cosigner_deputy ON suggestion_cosigner (congress_id, deputy_code, suggestion_id);
CREATE INDEX obligation_unit_open_due ON obligation (congress_id, unit_code, due_on) WHERE status = 'open';
