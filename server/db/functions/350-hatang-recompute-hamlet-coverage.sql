-- Rebuilds the verdicts of the given hamlets (NULL = all) for every coverage
-- union (operator or '*', technology group). DESIGN §3:
--   covered share = population share of covered clusters (a polygon cluster
--                   counts by its covered area), else the covered share of the
--                   hamlet's area, else 1/0 from the reference point alone;
--   verdict       = 'trang_song' when the reference point is not covered,
--                   'covered' when it is and the share >= θ (p_params.theta,
--                   default 0.9), else 'lom_song';
--   population covered = round(share × hamlet population).
-- Per scenario: 'current' against the current unions; 'planned' against the
-- planned unions that differ from the current ones (approved footprints among
-- their inputs), each for the hamlets that its approved inputs touch
-- (hatang_hamlets_under_approved). Every other planned row is a copy of the
-- current one: where no approved footprint of a union reaches a hamlet, the
-- planned union covers the hamlet exactly as the current one does.
-- All hamlets (p_hamlet_ids NULL) are written into a new table that then takes
-- the place of hamlet_coverage (its key and foreign key made once, after the
-- rows): nationally 4.8 million verdicts, which written into the indexed table
-- over the old rows cost a uniqueness probe of the old row and a key check per
-- row (2.4 million in 29 s, against 8 s for all 4.8 million into a new table).
-- Readers keep the old verdicts until the caller commits; the swap locks the
-- table from then to the commit, so callers run it last (coverage-recompute.ts).
CREATE OR REPLACE FUNCTION hatang_recompute_hamlet_coverage(p_params jsonb, p_hamlet_ids integer[])
RETURNS integer
LANGUAGE plpgsql
-- Cross joins over many rows give huge cost estimates; JIT compilation would then
-- cost more than the whole query.
SET jit = off
-- The part/hamlet pairs are gathered by parallel workers (PostgreSQL; the
-- embedded database runs them in one process): the planner must not shy away
-- from workers for tables of a few hundred pages whose rows cost milliseconds.
SET parallel_setup_cost = 0
SET parallel_tuple_cost = 0
SET min_parallel_table_scan_size = 0
SET min_parallel_index_scan_size = 0
-- The verdicts are joined from CTEs of millions of rows nationally (a row per
-- union and hamlet) whose sizes the planner cannot know (CTEs and temporary
-- tables have no statistics until analysed, and CTEs never are): it guessed
-- hundreds, merge-joined and sorted them on disk in 4 MB of memory (80 s of
-- the national pass). Hashes in memory do the same joins in a third of that.
SET work_mem = '256MB'
SET enable_mergejoin = off
-- Likewise for the sums over the pairs: the planner cannot know that nearly
-- every (union, cluster) pair is a group of its own (3.7 million nationally),
-- guessed a tenth of that and sorted the groups on disk for the next sum
-- (15 s, against 9 s hashed in memory).
SET enable_sort = off
-- DROP TABLE IF EXISTS of the pass's scratch tables would NOTICE on each call.
SET client_min_messages = warning
AS $$
DECLARE
  theta float8 := coalesce((p_params->>'theta')::float8, 0.9);
  -- Many hamlets (all of them, or an import's): the pairs are gathered led by
  -- the unions' parts; few (an edit's): led by the hamlets.
  many boolean := p_hamlet_ids IS NULL OR cardinality(p_hamlet_ids) > 2000;
  sc text;
  ids integer[];
  keys text[];
  ops text[];
  techs text[];
  n integer;
  written integer := 0;
  target text := CASE WHEN p_hamlet_ids IS NULL THEN 'hamlet_coverage_build' ELSE 'hamlet_coverage' END;
  -- An ordinary unlogged table, not a temporary one, so that the parallel
  -- workers gathering the pairs can read it (named after the backend; dropped
  -- in the caller's transaction, so no one else ever sees it).
  scope text := format('coverage_scratch_scope_%s', pg_backend_pid());
  touched text := format('coverage_scratch_touched_%s', pg_backend_pid());
  -- The pass's other scratch tables: the facts of each hamlet asked for, the
  -- pairs, and what the pairs say per (union, hamlet). Unlogged for many
  -- hamlets (parallel workers read them); temporary for an edit's few, which
  -- no worker reads and which cost no catalog-wide cleanup.
  persistence text := CASE WHEN many THEN 'UNLOGGED' ELSE 'TEMP' END;
  facts text := format('coverage_scratch_facts_%s', pg_backend_pid());
  ref_pairs text := format('coverage_scratch_ref_pairs_%s', pg_backend_pid());
  area_pairs text := format('coverage_scratch_area_pairs_%s', pg_backend_pid());
  cluster_pairs text := format('coverage_scratch_cluster_pairs_%s', pg_backend_pid());
  ref_hits text := format('coverage_scratch_ref_hits_%s', pg_backend_pid());
  area_hits text := format('coverage_scratch_area_hits_%s', pg_backend_pid());
  cluster_covered text := format('coverage_scratch_cluster_covered_%s', pg_backend_pid());
BEGIN
  IF p_hamlet_ids IS NULL THEN
    DROP TABLE IF EXISTS hamlet_coverage_build;
    CREATE TABLE hamlet_coverage_build (LIKE hamlet_coverage INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS);
  ELSE
    DELETE FROM hamlet_coverage WHERE hamlet_id = ANY (p_hamlet_ids);
  END IF;

  -- Per hamlet asked for, once for both scenarios: its people, whether its
  -- people are in clusters (and how many there are), whether it has a polygon,
  -- and the area its covered share is measured on (its polygon's unless its
  -- people are in clusters).
  EXECUTE format('DROP TABLE IF EXISTS %I', facts);
  EXECUTE format($q$
  CREATE %s TABLE %I AS
    SELECT h.id, h.population, h.geom IS NOT NULL AS has_geom,
           coalesce(k.populated, false) AS has_clusters, k.people AS cluster_people,
           CASE WHEN coalesce(k.populated, false) OR h.geom IS NULL THEN NULL ELSE ST_Area(h.geom::geography) END AS area_m2
      FROM hamlets h
      LEFT JOIN (SELECT c.hamlet_id, bool_or(c.population > 0) AS populated, sum(c.population)::float8 AS people
                   FROM population_clusters c
                  WHERE $1 IS NULL OR c.hamlet_id IN (SELECT unnest($1))
                  GROUP BY c.hamlet_id) k ON k.hamlet_id = h.id
     WHERE $1 IS NULL OR h.id IN (SELECT unnest($1))
  $q$, persistence, facts) USING p_hamlet_ids;
  EXECUTE format('ANALYZE %I', facts);

  FOREACH sc IN ARRAY ARRAY['current', 'planned'] LOOP
  -- The planned pass of few hamlets only looks at those an approved footprint
  -- touches; of many, the scope below (built from the touched pairs) says which.
  ids := CASE WHEN sc = 'current' OR many THEN p_hamlet_ids ELSE hatang_hamlets_under_approved(p_hamlet_ids, NULL, NULL) END;
  CONTINUE WHEN ids IS NOT NULL AND cardinality(ids) = 0;

  -- Every test runs against the unions' subdivided parts (<= 128 vertices,
  -- GiST-indexed), never against a whole union: a whole union grows with the
  -- country, and testing it once per hamlet made the cost grow with hamlets ×
  -- union size (PostGIS compares the whole serialized geometry on each call to
  -- find its prepared copy). Each part meets the hamlets and clusters in its box
  -- (the tables' GiST indexes) with the part in the outer loop, so PostGIS tests
  -- it from one prepared geometry; only polygons that a part touches but does
  -- not cover pay for an intersection. The cost grows linearly with the
  -- register. The parts do not overlap, so their intersection areas add up.
  -- The pairs are written to scratch tables by CREATE TABLE AS, which (unlike
  -- INSERT … SELECT or a CTE) PostgreSQL runs with parallel workers.
  DROP TABLE IF EXISTS hc_unions;
  EXECUTE format('DROP TABLE IF EXISTS %I, %I, %I, %I, %I, %I, %I', scope, ref_pairs, area_pairs, cluster_pairs, ref_hits, area_hits, cluster_covered);
  -- Each union of the pass is numbered (uk): the pairs and what they say are
  -- keyed by (uk, hamlet), integers, not by the operator's and group's names
  -- (millions of rows nationally, hashed and sorted by text in the database's
  -- collation: the clusters' sums alone took 24 s so).
  CREATE TEMP TABLE hc_unions ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY u.operator_code, u.tech_group)::integer AS uk, u.operator_code, u.tech_group
      FROM coverage_unions u
     WHERE u.scenario = sc
       AND (sc = 'current' OR EXISTS (
             SELECT 1 FROM coverage_union_cells c
              WHERE c.scenario = 'planned' AND c.operator_code = u.operator_code AND c.tech_group = u.tech_group AND NOT c.is_copy));
  SELECT coalesce(array_agg(u.operator_code || '/' || u.tech_group ORDER BY u.uk), '{}'),
         coalesce(array_agg(u.operator_code ORDER BY u.uk), '{}'), coalesce(array_agg(u.tech_group ORDER BY u.uk), '{}')
    INTO keys, ops, techs FROM hc_unions u;
  -- The (union, hamlet) pairs to assess, as rows (joined by equality, never
  -- searched in an array per row): every hamlet asked for under every current
  -- union; under a planned union that differs, the hamlets its approved
  -- footprints touch (hatang_hamlets_under_approved's rule). For many hamlets
  -- the approved footprints meet the hamlets once for all unions
  -- (hatang_approved_touches): per union (each call finding its footprints'
  -- hamlets again) this cost 19 s nationally, where 2G footprints reach 70,000
  -- of 80,000 hamlets.
  IF sc = 'current' THEN
    EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
      SELECT u.uk, h.id AS hamlet_id
        FROM hc_unions u CROSS JOIN hamlets h
       WHERE $1 IS NULL OR h.id IN (SELECT unnest($1))
    $q$, scope) USING ids;
  ELSIF many THEN
    EXECUTE format('DROP TABLE IF EXISTS %I', touched);
    EXECUTE format('CREATE UNLOGGED TABLE %I AS SELECT * FROM hatang_approved_touches($1, NULL, NULL)', touched) USING ids;
    EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
      SELECT DISTINCT u.uk, t.hamlet_id
        FROM hc_unions u
        JOIN %I t ON (u.operator_code = '*' OR t.operator_code = u.operator_code)
                 AND (t.technology = u.tech_group OR (u.tech_group = 'broadband' AND t.technology IN ('3G', '4G', '5G')))
    $q$, scope, touched);
    EXECUTE format('DROP TABLE %I', touched);
  ELSE
    EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
      SELECT u.uk, x.id AS hamlet_id
        FROM hc_unions u CROSS JOIN LATERAL unnest(hatang_hamlets_under_approved($1, u.operator_code, u.tech_group)) AS x(id)
    $q$, scope) USING ids;
  END IF;
  EXECUTE format('ANALYZE %I', scope);
  IF many THEN
    -- Planned pairs only of the (union, hamlet) pairs in scope: most hamlets
    -- of a country lie under some approved footprint, but each union's under
    -- few of its own, and the pairs of the others would only be thrown away.
    EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
      SELECT array_position($2, p.operator_code || '/' || p.tech_group) AS uk, h.id AS hamlet_id
        FROM coverage_union_parts p
        JOIN hamlets h ON ST_Intersects(p.geom, h.ref_point)
       WHERE p.scenario = $1 AND p.operator_code || '/' || p.tech_group = ANY ($2) AND ($3 IS NULL OR h.id IN (SELECT unnest($3)))
         AND ($1 = 'current' OR EXISTS (SELECT 1 FROM %I s WHERE s.uk = array_position($2, p.operator_code || '/' || p.tech_group) AND s.hamlet_id = h.id))
    $q$, ref_pairs, scope) USING sc, keys, ids;
    EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
      SELECT array_position($2, p.operator_code || '/' || p.tech_group) AS uk, h.id AS hamlet_id, ST_Covers(p.geom, h.geom) AS covers,
             CASE WHEN ST_Covers(p.geom, h.geom) THEN NULL
                  ELSE ST_Area(ST_Intersection(p.geom, h.geom, hatang_overlay_grid())::geography) END AS partial_m2
        FROM coverage_union_parts p
        JOIN hamlets h ON ST_Intersects(p.geom, h.geom)
       WHERE p.scenario = $1 AND p.operator_code || '/' || p.tech_group = ANY ($2) AND ($3 IS NULL OR h.id IN (SELECT unnest($3)))
         AND NOT EXISTS (SELECT 1 FROM population_clusters c WHERE c.hamlet_id = h.id AND c.population > 0)
         AND ($1 = 'current' OR EXISTS (SELECT 1 FROM %I s WHERE s.uk = array_position($2, p.operator_code || '/' || p.tech_group) AND s.hamlet_id = h.id))
    $q$, area_pairs, scope) USING sc, keys, ids;
    EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
      SELECT array_position($2, p.operator_code || '/' || p.tech_group) AS uk, c.id AS cluster_id, c.hamlet_id, c.population,
             ST_Dimension(c.geom) = 0 OR ST_Covers(p.geom, c.geom) AS covers,
             CASE WHEN ST_Dimension(c.geom) = 0 OR ST_Covers(p.geom, c.geom) THEN NULL
                  ELSE ST_Area(ST_Intersection(p.geom, c.geom, hatang_overlay_grid())::geography) END AS partial_m2
        FROM coverage_union_parts p
        JOIN population_clusters c ON ST_Intersects(p.geom, c.geom)
       WHERE p.scenario = $1 AND p.operator_code || '/' || p.tech_group = ANY ($2) AND ($3 IS NULL OR c.hamlet_id IN (SELECT unnest($3)))
         AND ($1 = 'current' OR EXISTS (SELECT 1 FROM %I s WHERE s.uk = array_position($2, p.operator_code || '/' || p.tech_group) AND s.hamlet_id = c.hamlet_id))
    $q$, cluster_pairs, scope) USING sc, keys, ids;
  ELSE
    -- The few hamlets of an edit (tens to hundreds) drive instead: each probes
    -- the parts' GiST index (OFFSET 0 keeps the hamlets outside). Led by the
    -- parts as above, the statements walked all parts of the country (the
    -- planner cannot see through the key filter's estimate): seconds nationally.
    EXECUTE format($q$
    CREATE TEMP TABLE %I AS
      SELECT p.uk, h.id AS hamlet_id
        FROM hamlets h
       CROSS JOIN LATERAL (SELECT array_position($2, p.operator_code || '/' || p.tech_group) AS uk FROM coverage_union_parts p
                            WHERE p.scenario = $1 AND p.operator_code || '/' || p.tech_group = ANY ($2)
                              AND ST_Intersects(p.geom, h.ref_point) OFFSET 0) p
       WHERE h.id = ANY ($3)
    $q$, ref_pairs) USING sc, keys, ids;
    EXECUTE format($q$
    CREATE TEMP TABLE %I AS
      SELECT p.uk, h.id AS hamlet_id, p.covers,
             CASE WHEN p.covers THEN NULL ELSE ST_Area(ST_Intersection(p.geom, h.geom, hatang_overlay_grid())::geography) END AS partial_m2
        FROM hamlets h
       CROSS JOIN LATERAL (SELECT array_position($2, p.operator_code || '/' || p.tech_group) AS uk, p.geom, ST_Covers(p.geom, h.geom) AS covers FROM coverage_union_parts p
                            WHERE p.scenario = $1 AND p.operator_code || '/' || p.tech_group = ANY ($2)
                              AND ST_Intersects(p.geom, h.geom) OFFSET 0) p
       WHERE h.id = ANY ($3)
         AND NOT EXISTS (SELECT 1 FROM population_clusters c WHERE c.hamlet_id = h.id AND c.population > 0)
    $q$, area_pairs) USING sc, keys, ids;
    EXECUTE format($q$
    CREATE TEMP TABLE %I AS
      SELECT p.uk, c.id AS cluster_id, c.hamlet_id, c.population, p.covers,
             CASE WHEN p.covers THEN NULL ELSE ST_Area(ST_Intersection(p.geom, c.geom, hatang_overlay_grid())::geography) END AS partial_m2
        FROM population_clusters c
       CROSS JOIN LATERAL (SELECT array_position($2, p.operator_code || '/' || p.tech_group) AS uk, p.geom, ST_Dimension(c.geom) = 0 OR ST_Covers(p.geom, c.geom) AS covers
                             FROM coverage_union_parts p
                            WHERE p.scenario = $1 AND p.operator_code || '/' || p.tech_group = ANY ($2)
                              AND ST_Intersects(p.geom, c.geom) OFFSET 0) p
       WHERE c.hamlet_id = ANY ($3)
    $q$, cluster_pairs) USING sc, keys, ids;
  END IF;
  -- Scratch tables get no statistics of their own until analysed (autovacuum
  -- never sees temporary ones): without these the planner took millions of
  -- pairs for a few hundred and sized its hashes (and picked its joins) for those.
  EXECUTE format('ANALYZE %I, %I, %I', ref_pairs, area_pairs, cluster_pairs);

  -- What the pairs say per (union, hamlet), each step its own CREATE TABLE AS
  -- (parallel for many hamlets): nationally a row per union and hamlet, 2.4
  -- million per scenario. As CTEs of the one statement that writes the
  -- verdicts (which PostgreSQL runs serially), they took 33 s of the national
  -- current pass.
  EXECUTE format('CREATE %s TABLE %I AS SELECT DISTINCT uk, hamlet_id FROM %I', persistence, ref_hits, ref_pairs);
  -- A polygon hamlet's covered share of area: 1 when one part covers it, else
  -- the parts' intersection areas summed (the parts do not overlap).
  EXECUTE format($q$
  CREATE %s TABLE %I AS
    SELECT a.uk, a.hamlet_id,
           CASE WHEN bool_or(a.covers) THEN 1.0 ELSE hatang_clamped_share(sum(a.partial_m2) / nullif(max(f.area_m2), 0)) END AS share
      FROM %I a JOIN %I f ON f.id = a.hamlet_id AND f.area_m2 IS NOT NULL
     GROUP BY a.uk, a.hamlet_id
  $q$, persistence, area_hits, area_pairs, facts);
  -- The people covered in a hamlet's clusters: a point cluster touched by a
  -- part is covered, a polygon one by its covered area (looked up only for the
  -- few partly covered). The pairs carry each cluster's hamlet and people, so
  -- that no join with the clusters is needed: joined, these steps took 18 s of
  -- the national pass, a row per union and cluster (3.7 million).
  EXECUTE format($q$
  CREATE %s TABLE %I AS
    SELECT k.uk, k.hamlet_id, sum(k.population * k.fraction) AS covered
      FROM (SELECT k.uk, k.hamlet_id, k.population,
                   CASE WHEN bool_or(k.covers) THEN 1.0
                        ELSE hatang_clamped_share(sum(k.partial_m2) / nullif((SELECT ST_Area(c.geom::geography) FROM population_clusters c WHERE c.id = k.cluster_id), 0)) END AS fraction
              FROM %I k
             GROUP BY k.uk, k.cluster_id, k.hamlet_id, k.population) k
     GROUP BY k.uk, k.hamlet_id
  $q$, persistence, cluster_covered, cluster_pairs);
  EXECUTE format('ANALYZE %I, %I, %I', ref_hits, area_hits, cluster_covered);

  EXECUTE format($q$
  INSERT INTO %1$I (hamlet_id, scenario, operator_code, tech_group, ref_covered, covered_share, share_basis,
                    population_covered, verdict)
  SELECT x.hamlet_id, $1, ($3::text[])[x.uk], ($4::text[])[x.uk], x.ref_covered, x.share, x.basis,
         round(x.share * x.population)::integer,
         CASE WHEN NOT x.ref_covered THEN 'trang_song' WHEN x.share >= $2 THEN 'covered' ELSE 'lom_song' END
    FROM (SELECT s.hamlet_id, s.uk, f.population, r.hamlet_id IS NOT NULL AS ref_covered,
                 CASE WHEN f.has_clusters THEN coalesce(k.covered, 0.0) / f.cluster_people
                      WHEN f.has_geom THEN coalesce(a.share, 0.0)
                      WHEN r.hamlet_id IS NOT NULL THEN 1.0 ELSE 0.0 END AS share,
                 CASE WHEN f.has_clusters THEN 'clusters' WHEN f.has_geom THEN 'area' ELSE 'point' END AS basis
            FROM %2$I s
            JOIN %3$I f ON f.id = s.hamlet_id
            LEFT JOIN %4$I r ON r.uk = s.uk AND r.hamlet_id = s.hamlet_id
            LEFT JOIN %5$I a ON a.uk = s.uk AND a.hamlet_id = s.hamlet_id
            LEFT JOIN %6$I k ON k.uk = s.uk AND k.hamlet_id = s.hamlet_id) x
  $q$, target, scope, facts, ref_hits, area_hits, cluster_covered) USING sc, theta, ops, techs;
  GET DIAGNOSTICS n = ROW_COUNT;
  written := written + n;
  EXECUTE format('DROP TABLE %I, %I, %I, %I, %I, %I, %I', scope, ref_pairs, area_pairs, cluster_pairs, ref_hits, area_hits, cluster_covered);
  END LOOP;
  EXECUTE format('DROP TABLE %I', facts);

  EXECUTE format($q$
  INSERT INTO %1$I (hamlet_id, scenario, operator_code, tech_group, ref_covered, covered_share, share_basis,
                    population_covered, verdict)
  SELECT c.hamlet_id, 'planned', c.operator_code, c.tech_group, c.ref_covered, c.covered_share, c.share_basis, c.population_covered, c.verdict
    FROM %1$I c
   -- = ANY, not IN (SELECT unnest(…)): the planner then sees how few hamlets an edit passes and reads them by the key.
   WHERE c.scenario = 'current' AND ($1 IS NULL OR c.hamlet_id = ANY ($1))
     AND NOT EXISTS (SELECT 1 FROM %1$I p
                      WHERE p.hamlet_id = c.hamlet_id AND p.scenario = 'planned' AND p.operator_code = c.operator_code AND p.tech_group = c.tech_group)
  $q$, target) USING p_hamlet_ids;
  GET DIAGNOSTICS n = ROW_COUNT;

  IF p_hamlet_ids IS NULL THEN
    ALTER TABLE hamlet_coverage_build
      ADD CONSTRAINT hamlet_coverage_build_pkey PRIMARY KEY (hamlet_id, scenario, operator_code, tech_group),
      ADD CONSTRAINT hamlet_coverage_build_hamlet_id_fkey FOREIGN KEY (hamlet_id) REFERENCES hamlets (id) ON DELETE CASCADE;
    DROP TABLE hamlet_coverage;
    ALTER TABLE hamlet_coverage_build RENAME TO hamlet_coverage;
    ALTER TABLE hamlet_coverage RENAME CONSTRAINT hamlet_coverage_build_pkey TO hamlet_coverage_pkey;
    ALTER TABLE hamlet_coverage RENAME CONSTRAINT hamlet_coverage_build_hamlet_id_fkey TO hamlet_coverage_hamlet_id_fkey;
    -- What migration 010 gave the table: its data version, bumped once for all the new rows.
    CREATE TRIGGER hamlet_coverage_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hamlet_coverage
      FOR EACH STATEMENT EXECUTE FUNCTION hatang_bump_data_version();
    UPDATE data_versions SET version = version + 1 WHERE table_name = 'hamlet_coverage';
    ANALYZE hamlet_coverage;
  END IF;
  RETURN written + n;
END
$$;

COMMENT ON FUNCTION hatang_recompute_hamlet_coverage(jsonb, integer[]) IS
  'Rebuilds hamlet_coverage for the given hamlet ids (NULL = all) in both scenarios (planned rows of hamlets no approved footprint touches are copies of the current ones): reference-point test, covered share (clusters, else area, else point), population covered and verdict covered / lom_song / trang_song with threshold p_params.theta.';
