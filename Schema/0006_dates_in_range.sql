-- Every date jianyi stores runs from 1900-01-01 to 9999-12-31, the days the binary parses,
-- counts and prints (Day.years). The commands refuse anything outside; these checks are the
-- last line of defence, because one due day of 10000-01-17 made list, show and explain fail
-- for a whole congress.
--
-- Rows written before this migration may already hold such a day (a step dated in 9999 whose
-- deadline ran past it, or a year typed as 0024). Nothing here can tell what was meant, so
-- the migration stops and says where they are rather than change recorded facts.
DO $$
DECLARE
    col record;
    n bigint;
    found text[] := '{}';
BEGIN
    FOR col IN
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type = 'date' ORDER BY table_name, column_name
    LOOP
        EXECUTE format('SELECT count(*) FROM %I WHERE %I NOT BETWEEN %L AND %L',
                       col.table_name, col.column_name, '1900-01-01', '9999-12-31') INTO n;
        IF n > 0 THEN
            found := found || format('%s.%s: %s', col.table_name, col.column_name, n);
        END IF;
    END LOOP;
    IF cardinality(found) > 0 THEN
        RAISE EXCEPTION 'migration 6 needs every date from 1900-01-01 to 9999-12-31; rows outside: %',
                        array_to_string(found, ', ')
            USING ERRCODE = 'check_violation',
                  HINT = 'correct those rows in a supervised repair (they came from steps dated outside that range; case_event is append-only, so its trigger must be disabled for the repair), then run jianyi db migrate again';
    END IF;
END
$$;

-- One ALTER per table, so each table is scanned once however many dates it has.
ALTER TABLE session
    ADD CONSTRAINT session_opened_on_in_range CHECK (opened_on BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT session_closed_on_in_range CHECK (closed_on BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE suggestion
    ADD CONSTRAINT suggestion_submitted_on_in_range CHECK (submitted_on BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT suggestion_assigned_on_in_range CHECK (assigned_on BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT suggestion_plan_by_in_range CHECK (plan_by BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT suggestion_plan_done_on_in_range CHECK (plan_done_on BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT suggestion_replied_on_in_range CHECK (replied_on BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT suggestion_closed_on_in_range CHECK (closed_on BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE case_event
    ADD CONSTRAINT case_event_on_date_in_range CHECK (on_date BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE official_calendar_day
    ADD CONSTRAINT official_calendar_day_day_in_range CHECK (day BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE calendar_day
    ADD CONSTRAINT calendar_day_day_in_range CHECK (day BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE assignment
    ADD CONSTRAINT assignment_assigned_on_in_range CHECK (assigned_on BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT assignment_ended_on_in_range CHECK (ended_on BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE obligation
    ADD CONSTRAINT obligation_start_on_in_range CHECK (start_on BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT obligation_due_on_in_range CHECK (due_on BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT obligation_met_on_in_range CHECK (met_on BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT obligation_cancelled_on_in_range CHECK (cancelled_on BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE transfer_request
    ADD CONSTRAINT transfer_request_requested_on_in_range CHECK (requested_on BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT transfer_request_decided_on_in_range CHECK (decided_on BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE contact
    ADD CONSTRAINT contact_on_date_in_range CHECK (on_date BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE reply
    ADD CONSTRAINT reply_on_date_in_range CHECK (on_date BETWEEN '1900-01-01' AND '9999-12-31'),
    ADD CONSTRAINT reply_plan_by_in_range CHECK (plan_by BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE rating
    ADD CONSTRAINT rating_on_date_in_range CHECK (on_date BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE overdue_run
    ADD CONSTRAINT overdue_run_as_of_in_range CHECK (as_of BETWEEN '1900-01-01' AND '9999-12-31');

ALTER TABLE overdue_flag
    ADD CONSTRAINT overdue_flag_as_of_in_range CHECK (as_of BETWEEN '1900-01-01' AND '9999-12-31');
