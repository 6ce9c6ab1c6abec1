-- 反复提: titles compared inside PostgreSQL through an index, instead of every title of the
-- congress scored one by one by the client.
--
-- A title's key is the one normalization every comparison uses: NFKC (full-width letters,
-- digits and punctuation become half-width), lower case, whitespace and punctuation dropped,
-- then the words every suggestion shares (关于…的建议) cut off. Its character bigrams (pairs
-- of neighbouring characters; Chinese has no spaces) are stored with the suggestion and
-- indexed with GIN. Two titles are as alike as the Dice coefficient of their bigram sets,
-- 2|A∩B| / (|A|+|B|), from 0 to 1. Trigrams (pg_trgm) were measured too and rejected:
-- docs/benchmarks.md.
--
-- SQL-standard bodies: bound when created, so the stored column never depends on a caller's
-- search_path.
CREATE FUNCTION title_key(p_title text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(regexp_replace(
           regexp_replace(lower(normalize(p_title, NFKC)),
                          '[[:space:][:punct:]\u00A0-\u00BF\u2000-\u206F\u3000-\u303F\uFE30-\uFE4F\uFF00-\uFF65]+', '', 'g'),
           '^(关于进一步|关于)', ''),
       '(的建议|建议|的议案|的意见)$', '');

-- The key's distinct bigrams, sorted; a key of one character is its own bigram.
CREATE FUNCTION title_bigrams_of(p_title text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN length(k.key) = 1 THEN ARRAY[k.key]
                ELSE ARRAY(SELECT DISTINCT substr(k.key, i, 2) FROM generate_series(1, length(k.key) - 1) i ORDER BY 1) END
    FROM (SELECT title_key(p_title) AS key) k;
END;

-- The score of two bigram sets (as title_bigrams_of makes them).
CREATE FUNCTION title_score(a text[], b text[]) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN cardinality(a) + cardinality(b) = 0 THEN 0
            ELSE (2 * (SELECT count(*) FROM unnest(a) x WHERE x = ANY (b)))::double precision
                 / (cardinality(a) + cardinality(b)) END;

ALTER TABLE suggestion ADD COLUMN title_bigrams text[] GENERATED ALWAYS AS (title_bigrams_of(title)) STORED;
CREATE INDEX suggestion_title_bigrams ON suggestion USING gin (title_bigrams);

-- The suggestions of a congress most like p_title (score ≥ p_min, submitted on or before
-- p_before, not p_excluding), most alike first, equally alike the earlier first: exactly
-- what scoring every title would give, but reading only titles that share enough bigrams.
--
-- A title of m bigrams sharing s with the query's n scores 2s/(n+m) ≤ 2s/(n+s), so one that
-- scores more than 2(k-1)/(n+k-1) shares at least k; one that shares k holds at least two
-- of any n-k+2 of the query's bigrams (each pair an index probe, the rarest bigrams by the
-- column's statistics first, so the probes are selective). Levels k = n, n-1, … widen the
-- net until the best p_limit found all score above the level's bound, or the level holds
-- every title scoring p_min or more; once p_limit are found, the last one's score says which
-- level can hold better ones, and the levels between are skipped. p_min = 0 asks for titles sharing nothing: a full scan.
--
-- SECURITY INVOKER: under the web role, row security limits it to the cases the actor sees
-- (and pg_stats hides the statistics, so the probes go in title order: slower, same result).
CREATE FUNCTION similar_titles(p_congress integer, p_title text, p_excluding text, p_before date,
                               p_limit integer, p_min double precision)
RETURNS TABLE (suggestion_id bigint, score double precision, rank integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    q text[] := title_bigrams_of(p_title);
    n integer := cardinality(q);
    ordered text[];
    k integer;
    k_min integer;
    probe_size integer;
    found_ids bigint[];
    found_scores double precision[];
    net text;
    shared text;
BEGIN
    SELECT array_agg(u.e ORDER BY coalesce(st.f, 0), u.pos) INTO ordered
    FROM unnest(q) WITH ORDINALITY AS u(e, pos)
    LEFT JOIN (SELECT m.e, m.f FROM pg_stats ps,
                      unnest(ps.most_common_elems::text::text[], ps.most_common_elem_freqs) AS m(e, f)
               WHERE ps.schemaname = current_schema() AND ps.tablename = 'suggestion'
                 AND ps.attname = 'title_bigrams') st ON st.e = u.e;
    -- The shared count, one containment test per query bigram (no per-row subquery).
    SELECT coalesce(string_agg(format('(s.title_bigrams @> $1[%s:%s])::integer', i, i), ' + '), '0') INTO shared
    FROM generate_series(1, n) i;
    k_min := CASE WHEN p_min <= 0 OR n = 0 THEN 0 ELSE greatest(1, ceil(p_min * n / (2 - p_min) - 1e-9)::integer) END;
    k := CASE WHEN k_min = 0 THEN 0 ELSE n END;
    LOOP
        probe_size := n - k + 2;
        IF k = 0 THEN
            net := 'true';
        ELSIF k = 1 OR probe_size * (probe_size - 1) / 2 > 64 THEN
            -- Sharing k, a title holds one of any n-k+1: one probe of the rarest n-k+1.
            net := format('s.title_bigrams && $1[1:%s]', n - k + 1);
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
        INTO found_ids, found_scores USING ordered, p_congress, p_excluding, p_before, p_limit, p_min, n;
        EXIT WHEN k <= k_min
              OR (coalesce(cardinality(found_ids), 0) = p_limit
                  AND found_scores[p_limit] > 2.0 * (k - 1) / (n + k - 1) + 1e-12);
        -- The best p_limit so far bound the answer from below: every title that beats the last
        -- of them shares at least as many bigrams as its score implies.
        k := CASE WHEN coalesce(cardinality(found_ids), 0) < p_limit THEN k - 1
                  ELSE least(k - 1, greatest(k_min, ceil(found_scores[p_limit] * n / (2 - found_scores[p_limit]) - 1e-9)::integer)) END;
    END LOOP;
    RETURN QUERY SELECT f.id, f.sc, f.r::integer
                 FROM unnest(found_ids, found_scores) WITH ORDINALITY AS f(id, sc, r);
END
$$;

-- 反复提: the suggestions of earlier sessions (another series, submitted on an earlier day; the
-- same deputy or another) whose titles closely match this case's, scoring 0.6 or more, the
-- closest ten. Computed when asked, so registration and import stay as fast as they were and
-- cases imported later count for the cases they precede.
CREATE FUNCTION similar_earlier(p_congress integer, p_suggestion bigint)
RETURNS TABLE (suggestion_id bigint, score double precision, rank integer)
LANGUAGE sql STABLE AS $$
    SELECT m.suggestion_id, m.score, (row_number() OVER (ORDER BY m.rank))::integer
    FROM suggestion s
    CROSS JOIN LATERAL similar_titles(s.congress_id, s.title, s.number, s.submitted_on - 1, 50, 0.6) m
    JOIN suggestion e ON e.congress_id = s.congress_id AND e.suggestion_id = m.suggestion_id
    WHERE s.congress_id = p_congress AND s.suggestion_id = p_suggestion AND e.series <> s.series
    ORDER BY m.rank
    LIMIT 10
$$;

GRANT EXECUTE ON FUNCTION title_key(text), title_bigrams_of(text), title_score(text[], text[]),
    similar_titles(integer, text, text, date, integer, double precision), similar_earlier(integer, bigint) TO jianyi_web;
