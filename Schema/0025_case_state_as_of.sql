-- Reports as of a past day (issue 16, "Reproducible on any date"): each case as it stood at
-- the end of p_day, rebuilt from its append-only history by the dates the steps carry, not by
-- when they were recorded. A case with no event on or before p_day did not exist yet and has
-- no row. The columns are the suggestion row's.
--
-- case_state_rebuilt rebuilds from the events alone the cases with a step dated after p_since
-- (every case: '-infinity'). One pass over the events, no sort per case: "the value the latest
-- event gave" is the greatest of event_no (zero-padded, so text order is number order,
-- compared in "C") followed by the value, with the prefix cut off again; two values of one
-- event ride together, split at '|' (outcomes, dates and rating words hold none). A step is
-- never dated before the case's previous one, so event order is date order.
-- The state is the one the latest event that says one left (every step's event does; a
-- registration imported from a file says none and leaves 'submitted'); the events that leave
-- the state as it is and say none (publication's consent and mark, migration 19) are passed
-- over. 并案 (migration 18) needs nothing of its own: the case merged gets its state 'merged'
-- from its 'merged' event, the case it joins keeps the one its 'merge_received' event repeats,
-- and a merged case takes no later step, so its merged_into holds for every day from the merge.
--
-- Both functions are SECURITY INVOKER (the default, said aloud): under the web role the
-- events and rows of the cases the caller may not see are not read, as with every other read
-- (migration 8).
CREATE FUNCTION case_state_rebuilt(p_congress integer, p_day date, p_since date)
RETURNS TABLE (
    suggestion_id   bigint,
    state           text,
    lead_unit       text,
    complex         boolean,
    assigned_on     date,
    round           integer,
    outcome         text,
    plan_by         date,
    replied_on      date,
    plan_done_on    date,
    rating_result   text,
    rating_attitude text,
    is_key          boolean,
    key_leader      text,
    key_committee   text,
    closed_on       date
)
LANGUAGE sql STABLE PARALLEL SAFE SECURITY INVOKER AS $$
    WITH latest AS (
        SELECT e.suggestion_id,
               max(lpad(e.event_no::text, 10, '0') || coalesce(e.data ->> 'state', 'submitted') COLLATE "C")
                   FILTER (WHERE e.data ? 'state' OR e.kind = 'registered') AS state,
               max(lpad(e.event_no::text, 10, '0') || (e.data ->> 'lead') COLLATE "C") FILTER (WHERE e.kind = 'assigned')
                   AS assigned_lead,
               max(lpad(e.event_no::text, 10, '0') || (e.data ->> 'to') COLLATE "C")
                   FILTER (WHERE e.kind = 'transfer_approved' AND e.data ->> 'role' = 'lead') AS transferred_lead,
               bool_or((e.data ->> 'complex')::boolean) FILTER (WHERE e.kind = 'assigned') AS complex,
               min(e.on_date) FILTER (WHERE e.kind = 'assigned') AS assigned_on,
               bool_or(e.data ? 'rehandle_due') FILTER (WHERE e.kind = 'rated') AS rehandled,
               max(lpad(e.event_no::text, 10, '0') || (e.data ->> 'outcome') || '|' || coalesce(e.data ->> 'plan_by', '') COLLATE "C")
                   FILTER (WHERE e.kind = 'replied') AS reply,
               max(e.on_date) FILTER (WHERE e.kind = 'replied') AS replied_on,
               min(e.on_date) FILTER (WHERE e.kind = 'follow_up' AND (e.data ->> 'done')::boolean) AS plan_done_on,
               max(lpad(e.event_no::text, 10, '0') || (e.data ->> 'result') || '|' || coalesce(e.data ->> 'attitude', '') COLLATE "C")
                   FILTER (WHERE e.kind = 'rated') AS rating,
               bool_or(e.kind = 'supervised') AS is_key,
               max(lpad(e.event_no::text, 10, '0') || (e.data ->> 'leader') COLLATE "C") FILTER (WHERE e.kind = 'supervised')
                   AS key_leader,
               max(lpad(e.event_no::text, 10, '0') || (e.data ->> 'committee') COLLATE "C") FILTER (WHERE e.kind = 'supervised')
                   AS key_committee,
               min(e.on_date) FILTER (WHERE e.data ->> 'state' = 'closed') AS closed_on
        FROM case_event e
        WHERE e.congress_id = p_congress AND e.on_date <= p_day
          AND e.suggestion_id IN (SELECT c.suggestion_id FROM case_event c WHERE c.congress_id = p_congress AND c.on_date > p_since)
        GROUP BY e.suggestion_id
    )
    SELECT l.suggestion_id,
           substr(l.state, 11),
           substr(greatest(l.assigned_lead, l.transferred_lead), 11),
           coalesce(l.complex, false),
           l.assigned_on,
           CASE WHEN l.rehandled THEN 2 WHEN l.assigned_on IS NOT NULL THEN 1 ELSE 0 END,
           split_part(substr(l.reply, 11), '|', 1),
           nullif(split_part(l.reply, '|', 2), '')::date,
           l.replied_on,
           l.plan_done_on,
           split_part(substr(l.rating, 11), '|', 1),
           nullif(split_part(l.rating, '|', 2), ''),
           coalesce(l.is_key, false),
           substr(l.key_leader, 11),
           substr(l.key_committee, 11),
           l.closed_on
    FROM latest l
$$;

-- The cases as of p_day: those with a step dated after it rebuilt from their events; the
-- others have had every step they will have by then, so their row is what the rebuilding
-- would give (AsOfTests holds the two together on every case). Today, and any recent day,
-- costs about what reading the rows does; a day long past, about a rebuilding of them all.
CREATE FUNCTION case_state_as_of(p_congress integer, p_day date)
RETURNS TABLE (
    suggestion_id   bigint,
    state           text,
    lead_unit       text,
    complex         boolean,
    assigned_on     date,
    round           integer,
    outcome         text,
    plan_by         date,
    replied_on      date,
    plan_done_on    date,
    rating_result   text,
    rating_attitude text,
    is_key          boolean,
    key_leader      text,
    key_committee   text,
    closed_on       date
)
LANGUAGE sql STABLE PARALLEL SAFE SECURITY INVOKER AS $$
    SELECT * FROM case_state_rebuilt(p_congress, p_day, p_day)
    UNION ALL
    SELECT s.suggestion_id, s.state, s.lead_unit, s.complex, s.assigned_on, s.round, s.outcome, s.plan_by, s.replied_on,
           s.plan_done_on, s.rating_result, s.rating_attitude, s.is_key, s.key_leader, s.key_committee, s.closed_on
    FROM suggestion s
    LEFT JOIN (SELECT DISTINCT c.suggestion_id FROM case_event c WHERE c.congress_id = p_congress AND c.on_date > p_day) later
           ON later.suggestion_id = s.suggestion_id
    WHERE s.congress_id = p_congress AND later.suggestion_id IS NULL
$$;

-- Steps dated on or before p_day but recorded after it (a paper reply entered days later):
-- a figure published on p_day could not have counted them. Recorded-at is read on the
-- congress's clock.
CREATE FUNCTION late_entries_as_of(p_congress integer, p_day date) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE SECURITY INVOKER AS $$
    SELECT count(*)
    FROM case_event e
    WHERE e.congress_id = p_congress AND e.on_date <= p_day
      AND e.recorded_at >= ((p_day + 1)::timestamp AT TIME ZONE (SELECT c.time_zone FROM congress c WHERE c.congress_id = p_congress))
$$;

-- The late entries of a recent day are a few rows: found by when they were recorded.
CREATE INDEX case_event_recorded ON case_event (congress_id, recorded_at);
-- The cases with a step after a recent day are a few: found by the steps' dates.
CREATE INDEX case_event_on_date ON case_event (congress_id, on_date);

GRANT EXECUTE ON FUNCTION case_state_rebuilt(integer, date, date), case_state_as_of(integer, date),
    late_entries_as_of(integer, date) TO jianyi_web;
