-- `import suggestions` at scale (issue 15): the per-row work of registering a case, measured
-- with EXPLAIN (ANALYZE) on 100,000 imported rows (docs/benchmarks.md), made cheaper without
-- changing what any row holds or what any constraint means.

-- 1. A title's bigrams, computed without a query per title. Migration 14's body sorted and
-- de-duplicated each title's bigrams with a subquery (generate_series, DISTINCT, ORDER BY):
-- an executor and a sort per row, about 40 µs, most of the cost of inserting a suggestion,
-- since the stored column title_bigrams calls it for every new or retitled case. This body
-- walks the key once and keeps the array sorted and distinct by insertion: the same result
-- for every title (the same collation orders both; ImportSpeedSchemaTests compares them),
-- so the stored column and its GIN index stay valid and nothing is recomputed.
--
-- PL/pgSQL names are resolved when first run, with the caller's search_path: every name
-- here is qualified (pg_catalog, and this schema's title_key), so the stored column still
-- never depends on a caller's search_path, as with migration 14's SQL-standard bodies.
DO $migration$
BEGIN
    EXECUTE format($function$
        CREATE OR REPLACE FUNCTION %1$I.title_bigrams_of(p_title text) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $body$
        DECLARE
            k text := %1$I.title_key(p_title);
            n integer := pg_catalog.length(k);
            bigrams text[] := '{}';
            b text;
            j integer;
        BEGIN
            IF n = 1 THEN
                RETURN ARRAY[k];
            END IF;
            FOR i IN 1 .. n - 1 LOOP
                b := pg_catalog.substr(k, i, 2);
                CONTINUE WHEN b = ANY (bigrams);
                j := pg_catalog.cardinality(bigrams);
                WHILE j > 0 AND bigrams[j] > b LOOP
                    bigrams[j + 1] := bigrams[j];
                    j := j - 1;
                END LOOP;
                bigrams[j + 1] := b;
            END LOOP;
            RETURN bigrams;
        END
        $body$ $function$, current_schema());
END
$migration$;

-- 2. One index write less per case: (congress_id, deputy_code) is the leading part of
-- suggestion_same_title (congress_id, deputy_code, series, md5(title)), which serves every
-- lookup of a deputy's cases, and the foreign keys' checks when a deputy is removed, as well.
DROP INDEX suggestion_deputy;

-- 3. One foreign-key check less per case. A suggestion's congress is already a congress:
-- (congress_id, deputy_code) must name a deputy (deputy_code is NOT NULL), and a deputy's
-- congress_id references congress, so the deputy's key carries the congress's. Nor can a
-- congress with suggestions be removed: its deputies are referenced by them. (Co-signers and
-- events already rely on their case's key the same way.) The check was a query per row.
ALTER TABLE suggestion DROP CONSTRAINT suggestion_congress_id_fkey;
