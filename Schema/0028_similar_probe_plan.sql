-- 反复提: the bigram probes of similar_titles chosen by what they will fetch, not by each
-- bigram's frequency alone (issue 15; docs/benchmarks.md, "similar").
--
-- Migration 14 probed pairs of the query's rarest bigrams. Neighbouring bigrams of a title
-- are far from independent: 市绿 and 绿化 are both parts of 城市绿化, so a title holding one
-- nearly always holds the other, and the pair (each in 0.9 % of titles) fetched 9,944 of a
-- million titles where two unrelated bigrams of that frequency share about 90. The probes'
-- heap fetches are what a search costs, so:
--
-- 1. title_probe_plan orders the query's bigrams greedily: each next bigram is the one whose
--    pairs with those already taken are expected to fetch least, a pair of bigrams at most
--    two characters apart in the key counting as much as the rarer of the two (they behave
--    as one longer word), any other pair as the product of their shares. Any n-k+2 of the
--    query's bigrams serve level k (migration 14's bound holds for any subset), so the
--    result is unchanged; only which titles are read to prove it changes.
-- 2. similar_titles probes a level with pairs or with one union of the n-k+1 rarest bigrams,
--    whichever is expected to fetch less, counting each probe as the work of 20 rows in a
--    table of 1,000 rows or more, instead of pairs whenever there are at most 64 of them.
--    Pairs are planned among up to 17 bigrams (136 pairs).
-- 3. similar_titles goes down two levels at most at a time, where it jumped to the level the
--    tenth title found implied.
--
-- Shares come from the column's statistics (pg_stats): a bigram not among the most common
-- counts as half the least common one listed. Where there are none (never analysed, or under
-- row security, which hides them), every bigram counts as 1 % of titles, so the order still
-- keeps the first probes' bigrams apart.
CREATE FUNCTION title_probe_plan(p_title text, OUT ordered text[], OUT pair_share double precision[],
                                 OUT rarest text[], OUT rarest_share double precision[])
LANGUAGE plpgsql STABLE AS $$
DECLARE
    key text := title_key(p_title);
    q text[] := title_bigrams_of(p_title);
    n integer := coalesce(cardinality(q), 0);
    last_position integer := length(key) - 1;
    at integer[];                  -- at[p]: which of q starts at character p of the key
    f double precision[];          -- each of q's share of titles
    added double precision[];      -- what each bigram not yet taken adds to the pairs' share
    taken boolean[];
    near boolean[];
    best integer;
    total double precision := 0;
BEGIN
    ordered := '{}';
    pair_share := '{}';
    rarest := '{}';
    rarest_share := '{}';
    IF n = 0 THEN
        RETURN;
    END IF;
    -- Joins, not array_position in a loop, so that the cost grows with the title's length, not its square.
    SELECT coalesce(array_agg(u.i ORDER BY p), '{}') INTO at
    FROM generate_series(1, last_position) p JOIN unnest(q) WITH ORDINALITY AS u(e, i) ON u.e = substr(key, p, 2);
    -- most_common_elem_freqs lists the elements' frequencies, then the least and the greatest
    -- of them and the nulls' frequency.
    WITH st AS (
        SELECT ps.most_common_elems::text::text[] AS elems, ps.most_common_elem_freqs AS freqs
        FROM pg_stats ps
        WHERE ps.schemaname = current_schema() AND ps.tablename = 'suggestion' AND ps.attname = 'title_bigrams'
        ORDER BY ps.inherited LIMIT 1
    ), listed AS (
        SELECT c.e, c.f FROM st, unnest(st.elems, st.freqs) AS c(e, f) WHERE c.e IS NOT NULL
    )
    SELECT array_agg(coalesce(listed.f, (SELECT st.freqs[cardinality(st.freqs) - 2] / 2 FROM st), 0.01) ORDER BY u.i) INTO f
    FROM unnest(q) WITH ORDINALITY AS u(e, i) LEFT JOIN listed ON listed.e = u.e;
    FOR i IN 1 .. n LOOP
        added[i] := 0;
        taken[i] := false;
    END LOOP;
    FOR step IN 1 .. least(n, 17) LOOP
        best := NULL;
        FOR i IN 1 .. n LOOP
            CONTINUE WHEN taken[i];
            IF best IS NULL OR added[i] < added[best] OR (added[i] = added[best] AND f[i] < f[best]) THEN
                best := i;
            END IF;
        END LOOP;
        taken[best] := true;
        total := total + added[best];
        ordered := ordered || q[best];
        pair_share := pair_share || total;
        near := array_fill(false, ARRAY[n]);
        FOR p IN 1 .. last_position LOOP
            CONTINUE WHEN at[p] <> best;
            FOR d IN greatest(1, p - 2) .. least(last_position, p + 2) LOOP
                near[at[d]] := true;
            END LOOP;
        END LOOP;
        FOR i IN 1 .. n LOOP
            CONTINUE WHEN taken[i];
            added[i] := added[i] + CASE WHEN near[i] THEN least(f[i], f[best]) ELSE f[i] * f[best] END;
        END LOOP;
    END LOOP;
    -- Pairs are planned among the first 17 at most; the rest follow by share.
    SELECT ordered || coalesce(array_agg(q[i] ORDER BY f[i], i), '{}') INTO ordered
    FROM generate_series(1, n) i WHERE NOT taken[i];
    -- A union is cheapest of the rarest.
    SELECT array_agg(q[i] ORDER BY f[i], i), array_agg(f[i] ORDER BY f[i], i) INTO rarest, rarest_share
    FROM generate_series(1, n) i;
END
$$;

-- Migration 14's function with the probes planned as above, going down two levels at most at
-- a time; the bound and the result are unchanged.
CREATE OR REPLACE FUNCTION similar_titles(p_congress integer, p_title text, p_excluding text, p_before date,
                                          p_limit integer, p_min double precision)
RETURNS TABLE (suggestion_id bigint, score double precision, rank integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    n integer;
    ordered text[];
    pair_share double precision[];
    rarest text[];
    rarest_share double precision[];
    per_probe double precision;    -- a probe's own work, as a share of the table's titles
    k integer;
    k_min integer;
    probe_size integer;
    found_ids bigint[];
    found_scores double precision[];
    net text;
    shared text;
BEGIN
    SELECT pl.ordered, pl.pair_share, pl.rarest, pl.rarest_share INTO ordered, pair_share, rarest, rarest_share
    FROM title_probe_plan(p_title) pl;
    n := cardinality(ordered);
    SELECT 20 / greatest(c.reltuples, 1000) INTO per_probe FROM pg_class c WHERE c.oid = 'suggestion'::regclass;
    -- The shared count, one containment test per query bigram (no per-row subquery).
    SELECT coalesce(string_agg(format('(s.title_bigrams @> $1[%s:%s])::integer', i, i), ' + '), '0') INTO shared
    FROM generate_series(1, n) i;
    k_min := CASE WHEN p_min <= 0 OR n = 0 THEN 0 ELSE greatest(1, ceil(p_min * n / (2 - p_min) - 1e-9)::integer) END;
    k := CASE WHEN k_min = 0 THEN 0 ELSE n END;
    LOOP
        probe_size := n - k + 2;
        IF k = 0 THEN
            net := 'true';
        ELSIF k = 1 OR probe_size > cardinality(pair_share)
              OR pair_share[probe_size] + per_probe * probe_size * (probe_size - 1) / 2
                 > (SELECT sum(x) FROM unnest(rarest_share[1:n - k + 1]) x) + per_probe THEN
            -- Sharing k, a title holds one of any n-k+1: one probe of the rarest n-k+1.
            net := format('s.title_bigrams && $8[1:%s]', n - k + 1);
        ELSE
            SELECT string_agg(format('s.title_bigrams @> ARRAY[$1[%s], $1[%s]]', i, j), ' OR ') INTO net
            FROM generate_series(1, probe_size) i, generate_series(1, probe_size) j WHERE i < j;
        END IF;
        EXECUTE format($sql$
            SELECT array_agg(c.suggestion_id ORDER BY c.score DESC, c.submitted_on, c.number COLLATE "C"),
                   array_agg(c.score ORDER BY c.score DESC, c.submitted_on, c.number COLLATE "C") FROM (
                SELECT x.* FROM (
                    SELECT s.suggestion_id, s.submitted_on, s.number,
                           coalesce((2 * (%s))::double precision / nullif($7 + cardinality(s.title_bigrams), 0), 0) AS score
                    FROM suggestion s
                    WHERE s.congress_id = $2 AND (%s)
                      AND ($3::text IS NULL OR s.number <> $3) AND ($4::date IS NULL OR s.submitted_on <= $4)) x
                WHERE x.score >= $6
                ORDER BY x.score DESC, x.submitted_on, x.number COLLATE "C"
                LIMIT $5) c
            $sql$, shared, net)
        INTO found_ids, found_scores USING ordered, p_congress, p_excluding, p_before, p_limit, p_min, n, rarest;
        EXIT WHEN k <= k_min
              OR (coalesce(cardinality(found_ids), 0) = p_limit
                  AND found_scores[p_limit] > 2.0 * (k - 1) / (n + k - 1) + 1e-12);
        -- The best p_limit so far bound the answer from below: every title that beats the last
        -- of them shares at least as many bigrams as its score implies. Two levels at most at
        -- a time: a first probe can be so narrow that its tenth title scores low and the level
        -- it implies is the union of a dozen common bigrams, when the next levels would have
        -- found ten titles good enough to stop.
        k := CASE WHEN coalesce(cardinality(found_ids), 0) < p_limit THEN k - 1
                  ELSE least(k - 1, greatest(k_min, k - 2, ceil(found_scores[p_limit] * n / (2 - found_scores[p_limit]) - 1e-9)::integer)) END;
    END LOOP;
    RETURN QUERY SELECT f.id, f.sc, f.r::integer
                 FROM unnest(found_ids, found_scores) WITH ORDINALITY AS f(id, sc, r);
END
$$;

GRANT EXECUTE ON FUNCTION title_probe_plan(text) TO jianyi_web;
