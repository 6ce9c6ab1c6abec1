-- The deputy's answer to a recorded contact (沟通, issue 13): the deputy who raised the case
-- confirms that a unit's contact happened, or disputes it with an account of what did. A
-- contact is answered once (the primary key); the answer names the contact it is about.
-- Nothing on the case row changes: the step writes this row and its event only.
CREATE TABLE contact_confirmation (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    contact_no    integer NOT NULL,
    answer        text NOT NULL CHECK (answer IN ('confirmed', 'disputed')),
    on_date       date NOT NULL CHECK (on_date BETWEEN '1900-01-01' AND '9999-12-31'),
    note          text NOT NULL DEFAULT '',
    PRIMARY KEY (congress_id, suggestion_id, contact_no),
    FOREIGN KEY (congress_id, suggestion_id, contact_no) REFERENCES contact,
    -- A dispute says what happened.
    CHECK (answer = 'confirmed' OR btrim(note) <> '')
);

-- Row security as for the other case tables (migration 8): readable with its case; written
-- only by the deputy who raised the case (not a co-signer, not a unit) or the secretariat.
GRANT SELECT, INSERT ON contact_confirmation TO jianyi_web;
ALTER TABLE contact_confirmation ENABLE ROW LEVEL SECURITY;
CREATE POLICY contact_confirmation_visible ON contact_confirmation FOR SELECT TO jianyi_web
    USING (jianyi_case_visible(congress_id, suggestion_id));
CREATE POLICY contact_confirmation_deputy ON contact_confirmation FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id) OR jianyi_case_raised_by_actor(congress_id, suggestion_id));

-- History: migration 10's restrictive policy again, with the answer's two event kinds added
-- to those the deputy who raised the case appends. A unit appends neither (its CASE gives
-- false for them).
DROP POLICY case_event_party ON case_event;
CREATE POLICY case_event_party ON case_event AS RESTRICTIVE FOR INSERT TO jianyi_web
    WITH CHECK (jianyi_actor_is_secretariat(congress_id)
        OR (kind IN ('registered', 'withdrawn', 'rated', 'contact_confirmed', 'contact_disputed')
            AND jianyi_case_raised_by_actor(congress_id, suggestion_id))
        OR (CASE kind
                WHEN 'contacted' THEN jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL
                WHEN 'transfer_requested' THEN jianyi_actor_unit_role(congress_id, suggestion_id) IS NOT NULL
                WHEN 'opinion' THEN jianyi_actor_unit_role(congress_id, suggestion_id) = 'co'
                WHEN 'replied' THEN jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'
                WHEN 'follow_up' THEN jianyi_actor_unit_role(congress_id, suggestion_id) = 'lead'
                ELSE false END
            AND coalesce(data ->> 'unit', jianyi_actor_code()) = jianyi_actor_code()));
