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
  n integer;
  written integer := 0;
  target text := CASE WHEN p_hamlet_ids IS NULL THEN 'hamlet_coverage_build' ELSE 'hamlet_coverage' END;
  -- An ordinary unlogged table, not a temporary one, so that the parallel
  -- workers gathering the pairs can read it (named after the backend; dropped
  -- in the caller's transaction, so no one else ever sees it).
  scope text := format('coverage_scratch_scope_%s', pg_backend_pid());
  touched text := format('coverage_scratch_touched_%s', pg_backend_pid());
BEGIN
  IF p_hamlet_ids IS NULL THEN
    DROP TABLE IF EXISTS hamlet_coverage_build;
    CREATE TABLE hamlet_coverage_build (LIKE hamlet_coverage INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS);
  ELSE
    DELETE FROM hamlet_coverage WHERE hamlet_id = ANY (p_hamlet_ids);
  END IF;

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
  DROP TABLE IF EXISTS hc_unions, hc_ref_pairs, hc_area_pairs, hc_cluster_pairs;
  EXECUTE format('DROP TABLE IF EXISTS %I', scope);
  CREATE TEMP TABLE hc_unions ON COMMIT DROP AS
    SELECT u.operator_code, u.tech_group
      FROM coverage_unions u
     WHERE u.scenario = sc
       AND (sc = 'current' OR EXISTS (
             SELECT 1 FROM coverage_union_cells c
              WHERE c.scenario = 'planned' AND c.operator_code = u.operator_code AND c.tech_group = u.tech_group AND NOT c.is_copy));
  SELECT coalesce(array_agg(u.operator_code || '/' || u.tech_group), '{}') INTO keys FROM hc_unions u;
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
      SELECT u.operator_code, u.tech_group, h.id AS hamlet_id
        FROM hc_unions u CROSS JOIN hamlets h
       WHERE $1 IS NULL OR h.id IN (SELECT unnest($1))
    $q$, scope) USING ids;
  ELSIF many THEN
    EXECUTE format('DROP TABLE IF EXISTS %I', touched);
    EXECUTE format('CREATE UNLOGGED TABLE %I AS SELECT * FROM hatang_approved_touches($1, NULL, NULL)', touched) USING ids;
    EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
      SELECT DISTINCT u.operator_code, u.tech_group, t.hamlet_id
        FROM hc_unions u
        JOIN %I t ON (u.operator_code = '*' OR t.operator_code = u.operator_code)
                 AND (t.technology = u.tech_group OR (u.tech_group = 'broadband' AND t.technology IN ('3G', '4G', '5G')))
    $q$, scope, touched);
    EXECUTE format('DROP TABLE %I', touched);
  ELSE
    EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
      SELECT u.operator_code, u.tech_group, x.id AS hamlet_id
        FROM hc_unions u CROSS JOIN LATERAL unnest(hatang_hamlets_under_approved($1, u.operator_code, u.tech_group)) AS x(id)
    $q$, scope) USING ids;
  END IF;
  EXECUTE format('ANALYZE %I', scope);
  IF many THEN
    -- Planned pairs only of the (union, hamlet) pairs in scope: most hamlets
    -- of a country lie under some approved footprint, but each union's under
    -- few of its own, and the pairs of the others would only be thrown away.
    EXECUTE format($q$
    CREATE TEMP TABLE hc_ref_pairs ON COMMIT DROP AS
      SELECT p.operator_code, p.tech_group, h.id AS hamlet_id
        FROM coverage_union_parts p
        JOIN hamlets h ON ST_Intersects(p.geom, h.ref_point)
       WHERE p.scenario = $1 AND p.operator_code || '/' || p.tech_group = ANY ($2) AND ($3 IS NULL OR h.id IN (SELECT unnest($3)))
         AND ($1 = 'current' OR EXISTS (SELECT 1 FROM %I s WHERE s.operator_code = p.operator_code AND s.tech_group = p.tech_group AND s.hamlet_id = h.id))
    $q$, scope) USING sc, keys, ids;
    EXECUTE format($q$
    CREATE TEMP TABLE hc_area_pairs ON COMMIT DROP AS
      SELECT p.operator_code, p.tech_group, h.id AS hamlet_id, ST_Covers(p.geom, h.geom) AS covers,
             CASE WHEN ST_Covers(p.geom, h.geom) THEN NULL
                  ELSE ST_Area(ST_Intersection(p.geom, h.geom, hatang_overlay_grid())::geography) END AS partial_m2
        FROM coverage_union_parts p
        JOIN hamlets h ON ST_Intersects(p.geom, h.geom)
       WHERE p.scenario = $1 AND p.operator_code || '/' || p.tech_group = ANY ($2) AND ($3 IS NULL OR h.id IN (SELECT unnest($3)))
         AND NOT EXISTS (SELECT 1 FROM population_clusters c WHERE c.hamlet_id = h.id AND c.population > 0)
         AND ($1 = 'current' OR EXISTS (SELECT 1 FROM %I s WHERE s.operator_code = p.operator_code AND s.tech_group = p.tech_group AND s.hamlet_id = h.id))
    $q$, scope) USING sc, keys, ids;
    EXECUTE format($q$
    CREATE TEMP TABLE hc_cluster_pairs ON COMMIT DROP AS
      SELECT p.operator_code, p.tech_group, c.id AS cluster_id, c.hamlet_id, c.population,
             ST_Dimension(c.geom) = 0 OR ST_Covers(p.geom, c.geom) AS covers,
             CASE WHEN ST_Dimension(c.geom) = 0 OR ST_Covers(p.geom, c.geom) THEN NULL
                  ELSE ST_Area(ST_Intersection(p.geom, c.geom, hatang_overlay_grid())::geography) END AS partial_m2
        FROM coverage_union_parts p
        JOIN population_clusters c ON ST_Intersects(p.geom, c.geom)
       WHERE p.scenario = $1 AND p.operator_code || '/' || p.tech_group = ANY ($2) AND ($3 IS NULL OR c.hamlet_id IN (SELECT unnest($3)))
         AND ($1 = 'current' OR EXISTS (SELECT 1 FROM %I s WHERE s.operator_code = p.operator_code AND s.tech_group = p.tech_group AND s.hamlet_id = c.hamlet_id))
    $q$, scope) USING sc, keys, ids;
  ELSE
    -- The few hamlets of an edit (tens to hundreds) drive instead: each probes
    -- the parts' GiST index (OFFSET 0 keeps the hamlets outside). Led by the
    -- parts as above, the statements walked all parts of the country (the
    -- planner cannot see through the key filter's estimate): seconds nationally.
    CREATE TEMP TABLE hc_ref_pairs ON COMMIT DROP AS
      SELECT p.operator_code, p.tech_group, h.id AS hamlet_id
        FROM hamlets h
       CROSS JOIN LATERAL (SELECT p.operator_code, p.tech_group FROM coverage_union_parts p
                            WHERE p.scenario = sc AND p.operator_code || '/' || p.tech_group = ANY (keys)
                              AND ST_Intersects(p.geom, h.ref_point) OFFSET 0) p
       WHERE h.id = ANY (ids);
    CREATE TEMP TABLE hc_area_pairs ON COMMIT DROP AS
      SELECT p.operator_code, p.tech_group, h.id AS hamlet_id, p.covers,
             CASE WHEN p.covers THEN NULL ELSE ST_Area(ST_Intersection(p.geom, h.geom, hatang_overlay_grid())::geography) END AS partial_m2
        FROM hamlets h
       CROSS JOIN LATERAL (SELECT p.operator_code, p.tech_group, p.geom, ST_Covers(p.geom, h.geom) AS covers FROM coverage_union_parts p
                            WHERE p.scenario = sc AND p.operator_code || '/' || p.tech_group = ANY (keys)
                              AND ST_Intersects(p.geom, h.geom) OFFSET 0) p
       WHERE h.id = ANY (ids)
         AND NOT EXISTS (SELECT 1 FROM population_clusters c WHERE c.hamlet_id = h.id AND c.population > 0);
    CREATE TEMP TABLE hc_cluster_pairs ON COMMIT DROP AS
      SELECT p.operator_code, p.tech_group, c.id AS cluster_id, c.hamlet_id, c.population, p.covers,
             CASE WHEN p.covers THEN NULL ELSE ST_Area(ST_Intersection(p.geom, c.geom, hatang_overlay_grid())::geography) END AS partial_m2
        FROM population_clusters c
       CROSS JOIN LATERAL (SELECT p.operator_code, p.tech_group, p.geom, ST_Dimension(c.geom) = 0 OR ST_Covers(p.geom, c.geom) AS covers
                             FROM coverage_union_parts p
                            WHERE p.scenario = sc AND p.operator_code || '/' || p.tech_group = ANY (keys)
                              AND ST_Intersects(p.geom, c.geom) OFFSET 0) p
       WHERE c.hamlet_id = ANY (ids);
  END IF;
  -- Temporary tables get no statistics of their own (autovacuum never sees
  -- them): without these the planner took millions of pairs for a few hundred
  -- and sized its hashes (and picked its joins) for those.
  ANALYZE hc_ref_pairs, hc_area_pairs, hc_cluster_pairs;

  EXECUTE format($q$
  WITH target AS MATERIALIZED (
    SELECT h.id, h.population, h.geom, h.ref_point,
           EXISTS (SELECT 1 FROM population_clusters c WHERE c.hamlet_id = h.id AND c.population > 0) AS has_clusters
      FROM hamlets h
     WHERE $1 IS NULL OR h.id IN (SELECT unnest($1))
  ),
  -- What each hamlet's area is tested on: its polygon unless its people are in clusters.
  target_shapes AS MATERIALIZED (
    SELECT t.*, CASE WHEN t.has_clusters THEN NULL ELSE t.geom END AS area_geom,
           CASE WHEN t.has_clusters OR t.geom IS NULL THEN NULL ELSE ST_Area(t.geom::geography) END AS area_m2
      FROM target t
  ),
  ref_hits AS MATERIALIZED (
    SELECT DISTINCT operator_code, tech_group, hamlet_id FROM hc_ref_pairs
  ),
  area_hits AS MATERIALIZED (
    SELECT a.operator_code, a.tech_group, a.hamlet_id, bool_or(a.covers) AS one_part_covers,
           sum(CASE WHEN a.covers THEN t.area_m2 ELSE a.partial_m2 END) / nullif(max(t.area_m2), 0) AS fraction
      FROM hc_area_pairs a JOIN target_shapes t ON t.id = a.hamlet_id AND t.area_geom IS NOT NULL
     GROUP BY a.operator_code, a.tech_group, a.hamlet_id
  ),
  by_hamlet AS MATERIALIZED (
    SELECT s.operator_code, s.tech_group, t.id AS hamlet_id, t.population, t.has_clusters, t.geom IS NOT NULL AS has_geom,
           r.hamlet_id IS NOT NULL AS ref_covered,
           CASE WHEN t.area_geom IS NULL THEN NULL
                WHEN a.hamlet_id IS NULL THEN 0.0
                WHEN a.one_part_covers THEN 1.0
                ELSE hatang_clamped_share(a.fraction) END AS area_share
      FROM %2$I s
      JOIN target_shapes t ON t.id = s.hamlet_id
      LEFT JOIN ref_hits r ON r.operator_code = s.operator_code AND r.tech_group = s.tech_group AND r.hamlet_id = t.id
      LEFT JOIN area_hits a ON a.operator_code = s.operator_code AND a.tech_group = s.tech_group AND a.hamlet_id = t.id
  ),
  -- A point cluster touched by a part is covered; a polygon one by its covered
  -- area (looked up only for the few partly covered). The pairs carry each
  -- cluster's hamlet and people, so that no join with the clusters is needed:
  -- joined, these steps took 18 s of the national pass, a row per union and
  -- cluster (3.7 million).
  cluster_hits AS MATERIALIZED (
    SELECT k.operator_code, k.tech_group, k.hamlet_id, k.population,
           CASE WHEN bool_or(k.covers) THEN 1.0
                ELSE hatang_clamped_share(sum(k.partial_m2) / nullif((SELECT ST_Area(c.geom::geography) FROM population_clusters c WHERE c.id = k.cluster_id), 0)) END AS fraction
      FROM hc_cluster_pairs k
     GROUP BY k.operator_code, k.tech_group, k.cluster_id, k.hamlet_id, k.population
  ),
  -- A hamlet's people in clusters, once per hamlet; the people covered, only
  -- where a part meets a cluster. (Summed per union over every cluster of every
  -- hamlet, a cluster missed by the union adding zero, this was the pairs of
  -- all unions and all clusters: 6.5 million rows nationally.)
  cluster_people AS MATERIALIZED (
    SELECT c.hamlet_id, sum(c.population)::float8 AS population
      FROM population_clusters c JOIN target t ON t.id = c.hamlet_id
     GROUP BY c.hamlet_id
  ),
  cluster_covered AS MATERIALIZED (
    SELECT k.operator_code, k.tech_group, k.hamlet_id, sum(k.population * k.fraction) AS covered
      FROM cluster_hits k
     GROUP BY k.operator_code, k.tech_group, k.hamlet_id
  ),
  shares AS (
    SELECT b.*,
           CASE WHEN b.has_clusters THEN coalesce(kc.covered, 0.0) / kp.population
                WHEN b.has_geom THEN b.area_share
                WHEN b.ref_covered THEN 1.0 ELSE 0.0 END AS share,
           CASE WHEN b.has_clusters THEN 'clusters' WHEN b.has_geom THEN 'area' ELSE 'point' END AS basis
      FROM by_hamlet b
      LEFT JOIN cluster_people kp ON kp.hamlet_id = b.hamlet_id
      LEFT JOIN cluster_covered kc ON kc.operator_code = b.operator_code AND kc.tech_group = b.tech_group AND kc.hamlet_id = b.hamlet_id
  )
  INSERT INTO %1$I (hamlet_id, scenario, operator_code, tech_group, ref_covered, covered_share, share_basis,
                    population_covered, verdict)
  SELECT hamlet_id, $2, operator_code, tech_group, ref_covered, share, basis,
         round(share * population)::integer,
         CASE WHEN NOT ref_covered THEN 'trang_song' WHEN share >= $3 THEN 'covered' ELSE 'lom_song' END
    FROM shares
  $q$, target, scope) USING ids, sc, theta;
  GET DIAGNOSTICS n = ROW_COUNT;
  written := written + n;
  EXECUTE format('DROP TABLE %I', scope);
  END LOOP;

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
