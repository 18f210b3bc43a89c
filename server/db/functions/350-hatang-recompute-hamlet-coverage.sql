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
CREATE OR REPLACE FUNCTION hatang_recompute_hamlet_coverage(p_params jsonb, p_hamlet_ids integer[])
RETURNS integer
LANGUAGE plpgsql
-- Cross joins over many rows give huge cost estimates; JIT compilation would then
-- cost more than the whole query.
SET jit = off
AS $$
DECLARE
  theta float8 := coalesce((p_params->>'theta')::float8, 0.9);
  under_approved integer[] := hatang_hamlets_under_approved(p_hamlet_ids, NULL, NULL);
  sc text;
  ids integer[];
  n integer;
  written integer := 0;
BEGIN
  DELETE FROM hamlet_coverage WHERE p_hamlet_ids IS NULL OR hamlet_id = ANY (p_hamlet_ids);

  FOREACH sc IN ARRAY ARRAY['current', 'planned'] LOOP
  ids := CASE sc WHEN 'current' THEN p_hamlet_ids ELSE under_approved END;
  CONTINUE WHEN ids IS NOT NULL AND cardinality(ids) = 0;

  -- Unions in the outer loop (LATERAL ... OFFSET 0 forces it): each union is tested against
  -- every hamlet and cluster in a row, so PostGIS answers ST_Intersects /
  -- ST_Covers from one prepared geometry; the unions are detoasted once
  -- (ST_Multi copies them into the CTE) instead of once per test. Only partly
  -- covered polygons pay for an intersection.
  WITH unions AS MATERIALIZED (
    SELECT u.operator_code, u.tech_group, ST_Multi(u.geom) AS geom,
           CASE WHEN sc = 'planned' THEN hatang_hamlets_under_approved(ids, u.operator_code, u.tech_group) END AS hamlet_ids
      FROM coverage_unions u
     WHERE u.scenario = sc
       AND (sc = 'current' OR NOT ST_OrderingEquals(u.geom, (
             SELECT c.geom FROM coverage_unions c
              WHERE c.scenario = 'current' AND c.operator_code = u.operator_code AND c.tech_group = u.tech_group)))
  ),
  target AS MATERIALIZED (
    SELECT h.id, h.population, h.geom, h.ref_point,
           EXISTS (SELECT 1 FROM population_clusters c WHERE c.hamlet_id = h.id AND c.population > 0) AS has_clusters
      FROM hamlets h
     WHERE ids IS NULL OR h.id = ANY (ids)
  ),
  clusters AS MATERIALIZED (
    SELECT c.hamlet_id, c.population, c.geom FROM population_clusters c JOIN target t ON t.id = c.hamlet_id
  ),
  by_hamlet AS MATERIALIZED (
    SELECT u.operator_code, u.tech_group, x.*
      FROM unions u
     CROSS JOIN LATERAL (
       SELECT t.id AS hamlet_id, t.population, t.has_clusters, t.geom IS NOT NULL AS has_geom,
              ST_Intersects(u.geom, t.ref_point) AS ref_covered,
              CASE WHEN t.has_clusters OR t.geom IS NULL THEN NULL
                   WHEN NOT ST_Intersects(u.geom, t.geom) THEN 0.0
                   WHEN ST_Covers(u.geom, t.geom) THEN 1.0
                   ELSE hatang_partly_covered_fraction(t.geom, u.operator_code, u.tech_group, sc) END AS area_share
         FROM target t WHERE u.hamlet_ids IS NULL OR t.id = ANY (u.hamlet_ids) OFFSET 0) x
  ),
  by_clusters AS MATERIALIZED (
    SELECT u.operator_code, u.tech_group, x.hamlet_id,
           sum(x.population)::float8 AS population, sum(x.population * x.fraction) AS covered
      FROM unions u
     CROSS JOIN LATERAL (
       SELECT c.hamlet_id, c.population,
              CASE WHEN NOT ST_Intersects(u.geom, c.geom) THEN 0.0
                   WHEN ST_Dimension(c.geom) = 0 OR ST_Covers(u.geom, c.geom) THEN 1.0
                   ELSE hatang_partly_covered_fraction(c.geom, u.operator_code, u.tech_group, sc) END AS fraction
         FROM clusters c WHERE u.hamlet_ids IS NULL OR c.hamlet_id = ANY (u.hamlet_ids) OFFSET 0) x
     GROUP BY u.operator_code, u.tech_group, x.hamlet_id
  ),
  shares AS (
    SELECT b.*,
           CASE WHEN b.has_clusters THEN k.covered / k.population
                WHEN b.has_geom THEN b.area_share
                WHEN b.ref_covered THEN 1.0 ELSE 0.0 END AS share,
           CASE WHEN b.has_clusters THEN 'clusters' WHEN b.has_geom THEN 'area' ELSE 'point' END AS basis
      FROM by_hamlet b
      LEFT JOIN by_clusters k USING (operator_code, tech_group, hamlet_id)
  )
  INSERT INTO hamlet_coverage (hamlet_id, scenario, operator_code, tech_group, ref_covered, covered_share, share_basis,
                               population_covered, verdict)
  SELECT hamlet_id, sc, operator_code, tech_group, ref_covered, share, basis,
         round(share * population)::integer,
         CASE WHEN NOT ref_covered THEN 'trang_song' WHEN share >= theta THEN 'covered' ELSE 'lom_song' END
    FROM shares;
  GET DIAGNOSTICS n = ROW_COUNT;
  written := written + n;
  END LOOP;

  INSERT INTO hamlet_coverage (hamlet_id, scenario, operator_code, tech_group, ref_covered, covered_share, share_basis,
                               population_covered, verdict)
  SELECT c.hamlet_id, 'planned', c.operator_code, c.tech_group, c.ref_covered, c.covered_share, c.share_basis, c.population_covered, c.verdict
    FROM hamlet_coverage c
   WHERE c.scenario = 'current' AND (p_hamlet_ids IS NULL OR c.hamlet_id = ANY (p_hamlet_ids))
     AND NOT EXISTS (SELECT 1 FROM hamlet_coverage p
                      WHERE p.hamlet_id = c.hamlet_id AND p.scenario = 'planned' AND p.operator_code = c.operator_code AND p.tech_group = c.tech_group);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN written + n;
END
$$;

COMMENT ON FUNCTION hatang_recompute_hamlet_coverage(jsonb, integer[]) IS
  'Rebuilds hamlet_coverage for the given hamlet ids (NULL = all) in both scenarios (planned rows of hamlets no approved footprint touches are copies of the current ones): reference-point test, covered share (clusters, else area, else point), population covered and verdict covered / lom_song / trang_song with threshold p_params.theta.';
