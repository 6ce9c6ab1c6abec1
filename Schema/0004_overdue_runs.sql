-- The nightly overdue job: each run, and each flag (case, obligation, unit, tier) the first
-- time a run found it. Flags are only ever added: a later run, or a run for an earlier
-- day, never changes or removes one.

-- When an obligation stopped being owed without being met, so a run for an earlier day
-- still sees it as it was then.
ALTER TABLE obligation ADD COLUMN cancelled_on date;
UPDATE obligation o SET cancelled_on = coalesce(s.closed_on, o.start_on)
FROM suggestion s
WHERE o.status = 'cancelled' AND s.congress_id = o.congress_id AND s.suggestion_id = o.suggestion_id;
ALTER TABLE obligation ADD CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL));
-- Closed history is found through this index only when it ended after the day asked about.
CREATE INDEX obligation_ended ON obligation (congress_id, (coalesce(met_on, cancelled_on))) WHERE status <> 'open';

CREATE TABLE overdue_run (
    congress_id      integer NOT NULL REFERENCES congress,
    run_id           bigint GENERATED ALWAYS AS IDENTITY,
    as_of            date NOT NULL,
    warn_days        integer NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at      timestamptz,
    flags            integer NOT NULL DEFAULT 0,
    new_flags        integer NOT NULL DEFAULT 0,
    due_soon         integer NOT NULL DEFAULT 0,
    overdue          integer NOT NULL DEFAULT 0,
    severely_overdue integer NOT NULL DEFAULT 0,
    warnings         text[] NOT NULL DEFAULT '{}',
    actor            text NOT NULL,
    PRIMARY KEY (congress_id, run_id)
);

CREATE TABLE overdue_flag (
    congress_id   integer NOT NULL,
    suggestion_id bigint NOT NULL,
    obligation_no integer NOT NULL,
    tier          text NOT NULL CHECK (tier IN ('due_soon', 'overdue', 'severely_overdue')),
    unit_code     text NOT NULL,
    run_id        bigint NOT NULL,
    as_of         date NOT NULL,
    PRIMARY KEY (congress_id, suggestion_id, obligation_no, tier),
    FOREIGN KEY (congress_id, suggestion_id, obligation_no) REFERENCES obligation,
    FOREIGN KEY (congress_id, run_id) REFERENCES overdue_run
);
