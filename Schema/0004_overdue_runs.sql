-- The nightly overdue job: each run, and each flag (case, obligation, unit, tier) the first
-- time a run found it. Flags are only ever added: a later run, or a run for an earlier
-- day, never changes or removes one.

-- When an obligation stopped being owed without being met, so a run for an earlier day
-- still sees it as it was then.
ALTER TABLE obligation ADD COLUMN cancelled_on date;
-- The tiers this obligation has been flagged for (1 due_soon, 2 overdue, 4 severely_overdue),
-- kept in step with overdue_flag by the same statement, so a nightly run skips the flags it
-- already knows while it scans instead of probing overdue_flag for each one.
ALTER TABLE obligation ADD COLUMN flagged smallint NOT NULL DEFAULT 0;
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
CREATE INDEX overdue_flag_run ON overdue_flag (congress_id, run_id);

-- The bit of a tier in obligation.flagged.
CREATE FUNCTION overdue_tier_bit(tier text) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE tier WHEN 'due_soon' THEN 1 WHEN 'overdue' THEN 2 ELSE 4 END)::smallint
$$;

-- The obligations a run checks: reply, opinion, rehandle and plan obligations that were open
-- on `as_of` (still open, or met or cancelled only later) and due by `soon_until`, with
-- their tier. One definition for the INSERT of new flags and the SELECT of the report; a
-- plain SQL function, so the planner inlines it into each.
CREATE FUNCTION overdue_tiers(p_congress integer, p_as_of date, p_soon_until date, p_severe_days integer)
RETURNS TABLE (suggestion_id bigint, obligation_no integer, kind text, unit_code text, due_on date, tier text,
               tier_bit smallint, flagged smallint)
LANGUAGE sql STABLE AS $$
    SELECT t.suggestion_id, t.obligation_no, t.kind, t.unit_code, t.due_on, x.tier,
           overdue_tier_bit(x.tier), t.flagged
    FROM (
        SELECT o.suggestion_id, o.obligation_no, o.kind, o.unit_code, o.due_on, o.flagged FROM obligation o
        WHERE o.congress_id = p_congress AND o.status = 'open' AND o.due_on <= p_soon_until
          AND o.kind IN ('reply', 'opinion', 'rehandle', 'plan') AND o.start_on <= p_as_of
        UNION ALL
        SELECT o.suggestion_id, o.obligation_no, o.kind, o.unit_code, o.due_on, o.flagged FROM obligation o
        WHERE o.congress_id = p_congress AND o.status <> 'open' AND coalesce(o.met_on, o.cancelled_on) > p_as_of
          AND o.due_on <= p_soon_until AND o.kind IN ('reply', 'opinion', 'rehandle', 'plan') AND o.start_on <= p_as_of
    ) t
    CROSS JOIN LATERAL (SELECT CASE WHEN t.due_on >= p_as_of THEN 'due_soon'
                                    WHEN p_as_of - t.due_on >= p_severe_days THEN 'severely_overdue'
                                    ELSE 'overdue' END AS tier) x
$$;
