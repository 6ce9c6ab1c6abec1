-- The foundation: tenants (congresses), their people and units, suggestions with
-- co-signers, gapless number counters, the append-only case history, the work calendar
-- and the per-congress policy. Every tenant table starts its key with congress_id so the
-- schema can be distributed by congress (docs/scaling.md).

CREATE TABLE congress (
    congress_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_.-]{1,32}$'),
    name        text NOT NULL CHECK (btrim(name) <> ''),
    level       text NOT NULL CHECK (level IN ('national', 'province', 'city', 'county', 'township')),
    time_zone   text NOT NULL DEFAULT 'Asia/Shanghai',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE session (
    congress_id integer NOT NULL REFERENCES congress,
    code        text NOT NULL CHECK (code ~ '^[0-9]{1,3}-[0-9]{1,3}$'),
    term        integer NOT NULL CHECK (term > 0),
    meeting     integer NOT NULL CHECK (meeting > 0),
    opened_on   date NOT NULL,
    closed_on   date NOT NULL,
    CHECK (closed_on >= opened_on),
    PRIMARY KEY (congress_id, code)
);

CREATE TABLE deputy (
    congress_id integer NOT NULL REFERENCES congress,
    code        text NOT NULL CHECK (code ~ '^[A-Za-z0-9_.-]{1,32}$'),
    name        text NOT NULL CHECK (btrim(name) <> ''),
    delegation  text NOT NULL DEFAULT '',
    PRIMARY KEY (congress_id, code)
);

CREATE TABLE unit (
    congress_id integer NOT NULL REFERENCES congress,
    code        text NOT NULL CHECK (code ~ '^[A-Za-z0-9_.-]{1,32}$'),
    name        text NOT NULL CHECK (btrim(name) <> ''),
    kind        text NOT NULL DEFAULT 'government'
                CHECK (kind IN ('government', 'court', 'procuratorate', 'other')),
    PRIMARY KEY (congress_id, code)
);

-- One row per number series (a session code such as 5-4, or R2026 for a recess year).
-- The registering transaction increments and locks the row, so numbers are gapless: a
-- rolled-back registration rolls its increment back too.
CREATE TABLE number_counter (
    congress_id integer NOT NULL REFERENCES congress,
    series      text NOT NULL,
    last_value  integer NOT NULL CHECK (last_value >= 0),
    PRIMARY KEY (congress_id, series)
);

CREATE TABLE suggestion (
    congress_id   integer NOT NULL REFERENCES congress,
    suggestion_id bigint GENERATED ALWAYS AS IDENTITY,
    number        text NOT NULL,
    series        text NOT NULL,
    seq           integer NOT NULL CHECK (seq > 0),
    title         text NOT NULL CHECK (btrim(title) <> ''),
    body          text NOT NULL DEFAULT '',
    deputy_code   text NOT NULL,
    session_code  text,
    channel       text NOT NULL CHECK (channel IN ('session', 'recess', 'liaison_station')),
    station       text,
    category      text NOT NULL,
    submitted_on  date NOT NULL,
    state         text NOT NULL DEFAULT 'submitted' CHECK (state IN (
                      'submitted', 'accepted', 'rejected', 'withdrawn', 'assigned',
                      'replied', 'rehandling', 'following', 'closed')),
    is_key        boolean NOT NULL DEFAULT false,
    registered_at timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (congress_id, suggestion_id),
    UNIQUE (congress_id, number),
    UNIQUE (congress_id, series, seq),
    FOREIGN KEY (congress_id, deputy_code) REFERENCES deputy,
    FOREIGN KEY (congress_id, session_code) REFERENCES session,
    CHECK ((channel = 'session') = (session_code IS NOT NULL))
);
CREATE INDEX suggestion_state ON suggestion (congress_id, state);
CREATE INDEX suggestion_deputy ON suggestion (congress_id, deputy_code);

CREATE TABLE suggestion_cosigner (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    position      integer NOT NULL,
    deputy_code   text NOT NULL,
    PRIMARY KEY (congress_id, suggestion_id, deputy_code),
    FOREIGN KEY (congress_id, suggestion_id) REFERENCES suggestion,
    FOREIGN KEY (congress_id, deputy_code) REFERENCES deputy
);

-- The case history. Append-only: rows are never updated or deleted; the trigger below
-- refuses it, so a mistake is corrected by a new event, never by rewriting an old one.
CREATE TABLE case_event (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    event_no      integer NOT NULL CHECK (event_no > 0),
    kind          text NOT NULL,
    on_date       date NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    actor         text NOT NULL,
    data          jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (congress_id, suggestion_id, event_no),
    FOREIGN KEY (congress_id, suggestion_id) REFERENCES suggestion
);

CREATE FUNCTION case_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_event is append-only: % is not allowed', TG_OP
        USING HINT = 'record a new event instead of changing an old one';
END
$$;

CREATE TRIGGER case_event_append_only
    BEFORE UPDATE OR DELETE ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change();
CREATE TRIGGER case_event_no_truncate
    BEFORE TRUNCATE ON case_event
    FOR EACH STATEMENT EXECUTE FUNCTION case_event_refuse_change();

-- The State Council's holiday notices: reference facts shared by every congress, not
-- tenant data. A congress's own calendar starts as a copy and may be changed by import.
CREATE TABLE official_calendar_day (
    day  date PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('off', 'work')),
    name text NOT NULL
);

-- The years a congress's calendar holds; a year not here falls back to weekends only,
-- with a warning that names it.
CREATE TABLE calendar_year (
    congress_id integer NOT NULL REFERENCES congress,
    year        integer NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    source      text NOT NULL CHECK (source IN ('official', 'import')),
    loaded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (congress_id, year)
);

-- Exceptions to the Monday–Friday week: days off and 调休 makeup working days.
CREATE TABLE calendar_day (
    congress_id integer NOT NULL,
    day         date NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('off', 'work')),
    name        text NOT NULL,
    PRIMARY KEY (congress_id, day),
    FOREIGN KEY (congress_id, year) REFERENCES calendar_year,
    year        integer NOT NULL GENERATED ALWAYS AS (extract(year FROM day)::integer) STORED
);

-- A congress's own values for the settings of domain.md; a setting absent here has the
-- default the program states (jianyi policy show lists both).
CREATE TABLE policy_setting (
    congress_id integer NOT NULL REFERENCES congress,
    key         text NOT NULL,
    value       text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    changed_by  text NOT NULL,
    PRIMARY KEY (congress_id, key)
);
