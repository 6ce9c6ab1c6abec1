-- Handling a case after registration: review, assignment to units, transfers, contacts,
-- replies, ratings, follow-up, supervision, and the obligations with their deadlines.
-- The suggestion row keeps the current state; every step also appends a case_event.

ALTER TABLE suggestion
    ADD COLUMN lead_unit       text,
    ADD COLUMN complex         boolean NOT NULL DEFAULT false,
    ADD COLUMN assigned_on     date,
    ADD COLUMN round           integer NOT NULL DEFAULT 0 CHECK (round BETWEEN 0 AND 2),
    ADD COLUMN outcome         text CHECK (outcome IN ('A', 'B', 'C')),
    ADD COLUMN plan_by         date,
    ADD COLUMN plan_done_on    date,
    ADD COLUMN replied_on      date,
    ADD COLUMN rating_result   text CHECK (rating_result IN ('satisfied', 'basic', 'dissatisfied')),
    ADD COLUMN rating_attitude text CHECK (rating_attitude IN ('satisfied', 'basic', 'dissatisfied')),
    ADD COLUMN key_leader      text,
    ADD COLUMN key_committee   text,
    ADD COLUMN closed_on       date,
    ADD FOREIGN KEY (congress_id, lead_unit) REFERENCES unit;

-- Units on a case. A transfer ends one assignment and starts another; ended ones stay.
CREATE TABLE assignment (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    unit_code     text NOT NULL,
    role          text NOT NULL CHECK (role IN ('lead', 'co')),
    assigned_on   date NOT NULL,
    ended_on      date,
    PRIMARY KEY (congress_id, suggestion_id, unit_code),
    FOREIGN KEY (congress_id, suggestion_id) REFERENCES suggestion,
    FOREIGN KEY (congress_id, unit_code) REFERENCES unit
);
CREATE UNIQUE INDEX assignment_one_active_lead ON assignment (congress_id, suggestion_id)
    WHERE role = 'lead' AND ended_on IS NULL;
CREATE INDEX assignment_unit ON assignment (congress_id, unit_code) WHERE ended_on IS NULL;

-- What someone must do by when. A recorded due day never changes: a later policy or
-- calendar change applies to new obligations only. `policy` says which setting applied.
CREATE TABLE obligation (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    obligation_no integer NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('reply', 'opinion', 'transfer_window', 'rehandle', 'plan', 'rating')),
    unit_code     text,
    round         integer NOT NULL,
    start_on      date NOT NULL,
    period        text,
    policy        text NOT NULL,
    due_on        date NOT NULL,
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met', 'cancelled')),
    met_on        date,
    note          text,
    PRIMARY KEY (congress_id, suggestion_id, obligation_no),
    FOREIGN KEY (congress_id, suggestion_id) REFERENCES suggestion,
    CHECK ((status = 'met') = (met_on IS NOT NULL))
);
CREATE INDEX obligation_open_due ON obligation (congress_id, due_on) WHERE status = 'open';

CREATE TABLE transfer_request (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    request_no    integer NOT NULL,
    unit_code     text NOT NULL,
    reason        text NOT NULL,
    requested_on  date NOT NULL,
    decision      text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'rejected')),
    decided_on    date,
    to_unit       text,
    decision_note text,
    PRIMARY KEY (congress_id, suggestion_id, request_no),
    FOREIGN KEY (congress_id, suggestion_id) REFERENCES suggestion
);
CREATE UNIQUE INDEX transfer_one_pending ON transfer_request (congress_id, suggestion_id) WHERE decision = 'pending';

CREATE TABLE contact (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    contact_no    integer NOT NULL,
    unit_code     text NOT NULL,
    mode          text NOT NULL CHECK (mode IN ('face_to_face', 'phone', 'visit', 'written', 'online')),
    on_date       date NOT NULL,
    note          text NOT NULL DEFAULT '',
    PRIMARY KEY (congress_id, suggestion_id, contact_no),
    FOREIGN KEY (congress_id, suggestion_id) REFERENCES suggestion
);

CREATE TABLE reply (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    round         integer NOT NULL CHECK (round IN (1, 2)),
    unit_code     text NOT NULL,
    outcome       text NOT NULL CHECK (outcome IN ('A', 'B', 'C')),
    plan_by       date,
    text          text NOT NULL,
    on_date       date NOT NULL,
    PRIMARY KEY (congress_id, suggestion_id, round),
    FOREIGN KEY (congress_id, suggestion_id) REFERENCES suggestion,
    CHECK ((outcome = 'B') = (plan_by IS NOT NULL))
);

CREATE TABLE rating (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    round         integer NOT NULL CHECK (round IN (1, 2)),
    result        text NOT NULL CHECK (result IN ('satisfied', 'basic', 'dissatisfied')),
    attitude      text CHECK (attitude IN ('satisfied', 'basic', 'dissatisfied')),
    comment       text NOT NULL DEFAULT '',
    on_date       date NOT NULL,
    PRIMARY KEY (congress_id, suggestion_id, round),
    FOREIGN KEY (congress_id, suggestion_id) REFERENCES suggestion
);
