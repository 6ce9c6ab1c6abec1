-- The nightly sweep's report may run in parallel. PostgreSQL decides whether a query can use
-- parallel workers before it inlines the SQL functions in it, from their labels, and a
-- function is PARALLEL UNSAFE unless it says otherwise; these two only read.
-- (Since this migration overdue_tiers serves the report alone: the report marks the new
-- flags from obligation.flagged and the run records them after it, so the INSERT that 0004
-- mentions no longer reads it.)
ALTER FUNCTION overdue_tiers(integer, date, date, integer) PARALLEL SAFE;
ALTER FUNCTION overdue_tier_bit(text) PARALLEL SAFE;

-- The day closed obligations ended on. The partial index obligation_ended serves the
-- lookup, but the planner takes no statistics from a partial index, so it guessed a third
-- of all closed history ended after any day asked about, and planned the sweep for that.
CREATE STATISTICS obligation_ended_on ON (coalesce(met_on, cancelled_on)) FROM obligation;
ANALYZE obligation;
