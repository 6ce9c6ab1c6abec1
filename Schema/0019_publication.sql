-- Publishing replies (答复公开, issue 15): the deputy's consent and the secretariat's mark, one
-- row per case that has either. A reply is published when consent is true AND decision is
-- 'approved' (docs/publication.md); a case without a row publishes nothing. Each change is
-- also an event of the case ('publish_consent', 'publication_decided').
CREATE TABLE publication (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    consent       boolean,
    consent_on    date CHECK (consent_on BETWEEN '1900-01-01' AND '9999-12-31'),
    decision      text CHECK (decision IN ('approved', 'withheld')),
    decided_on    date CHECK (decided_on BETWEEN '1900-01-01' AND '9999-12-31'),
    PRIMARY KEY (congress_id, suggestion_id),
    FOREIGN KEY (congress_id, suggestion_id) REFERENCES suggestion,
    CHECK ((consent IS NULL) = (consent_on IS NULL)),
    CHECK ((decision IS NULL) = (decided_on IS NULL))
);
CREATE INDEX publication_approved ON publication (congress_id) WHERE consent AND decision = 'approved';

-- Row security as for the other case tables: readable with its case (a deputy, a unit on the
-- case); written by the secretariat alone. The web service has no publication step: a
-- deputy's consent reaches the secretariat, which records it (jianyi publish --consent).
GRANT SELECT, INSERT, UPDATE ON publication TO jianyi_web;
ALTER TABLE publication ENABLE ROW LEVEL SECURITY;
CREATE POLICY publication_visible ON publication FOR SELECT TO jianyi_web
    USING (jianyi_case_visible(congress_id, suggestion_id));
CREATE POLICY publication_secretariat ON publication FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id));
CREATE POLICY publication_secretariat_update ON publication FOR UPDATE TO jianyi_web
    USING (jianyi_actor_is_secretariat(congress_id))
    WITH CHECK (jianyi_actor_is_secretariat(congress_id));
