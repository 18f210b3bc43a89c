-- Rebuilds the uncovered areas (vùng lõm) of the given hamlets (NULL = all):
-- hamlet polygon minus the broadband coverage of any operator, split into
-- parts; parts smaller than p_params.minGapAreaM2 (default 5000 m²) are
-- dropped. Estimated population of a part: the clusters inside it (a polygon
-- cluster by its area inside), else the hamlet's population × the part's share
-- of the hamlet's area. Areas in m² on the spheroid.
-- Per scenario, like the verdicts (350): 'planned' is computed against the
-- planned unions for the hamlets an approved footprint touches, copied from
-- 'current' for the others.
-- Every overlay passes hatang_overlay_grid() as its grid size (see there: the
-- embedded PostGIS would otherwise silently drop some overlay rows).
CREATE OR REPLACE FUNCTION hatang_recompute_gaps(p_params jsonb, p_hamlet_ids integer[])
RETURNS integer
LANGUAGE plpgsql
-- Cross joins over many rows give huge cost estimates; JIT compilation would then
-- cost more than the whole query.
SET jit = off
AS $$
DECLARE
  min_area float8 := coalesce((p_params->>'minGapAreaM2')::float8, 5000);
  -- Gaps are of the any-operator broadband union: only its approved inputs (3G/4G/5G) matter.
  under_approved integer[] := hatang_hamlets_under_approved(p_hamlet_ids, '*', 'broadband');
  sc text;
  ids integer[];
  n integer;
  written integer := 0;
BEGIN
  DELETE FROM coverage_gaps WHERE p_hamlet_ids IS NULL OR hamlet_id = ANY (p_hamlet_ids);

  FOREACH sc IN ARRAY ARRAY['current', 'planned'] LOOP
  ids := CASE sc WHEN 'current' THEN p_hamlet_ids ELSE under_approved END;
  CONTINUE WHEN ids IS NOT NULL AND cardinality(ids) = 0;

  -- The coverage over each hamlet: the union of the parts that meet it, found
  -- by a spatial join (GiST), not per hamlet among all parts of the union by
  -- their key (the planner's choice for a lateral subquery: a thousand parts
  -- tested for each of 80,000 hamlets nationally).
  WITH cover AS (
    SELECT h.id AS hamlet_id, ST_Union(p.geom, hatang_overlay_grid()) AS geom
      FROM coverage_union_parts p
      JOIN hamlets h ON ST_Intersects(p.geom, h.geom)
     WHERE p.scenario = sc AND p.operator_code = '*' AND p.tech_group = 'broadband'
       AND (ids IS NULL OR h.id IN (SELECT unnest(ids)))
     GROUP BY h.id
  ),
  parts AS (
    SELECT h.id AS hamlet_id, h.population, h.geom AS hamlet_geom, d.geom, ST_Area(d.geom::geography) AS area_m2
      FROM hamlets h
      LEFT JOIN cover cov ON cov.hamlet_id = h.id
     CROSS JOIN LATERAL (
       SELECT (ST_Dump(ST_CollectionExtract(
                 CASE WHEN cov.geom IS NULL THEN h.geom ELSE ST_Difference(h.geom, cov.geom, hatang_overlay_grid()) END, 3))).geom) d
     WHERE h.geom IS NOT NULL AND (ids IS NULL OR h.id IN (SELECT unnest(ids)))
  ),
  kept AS (
    SELECT p.*, row_number() OVER (PARTITION BY p.hamlet_id ORDER BY p.area_m2 DESC, ST_XMin(p.geom), ST_YMin(p.geom)) AS part_no
      FROM parts p WHERE p.area_m2 >= min_area
  )
  INSERT INTO coverage_gaps (hamlet_id, scenario, part_no, area_m2, population_est, geom)
  SELECT k.hamlet_id, sc, k.part_no, k.area_m2,
         CASE WHEN EXISTS (SELECT 1 FROM population_clusters c WHERE c.hamlet_id = k.hamlet_id AND c.population > 0)
              THEN (SELECT coalesce(sum(c.population * CASE
                                        WHEN ST_Dimension(c.geom) = 0 THEN CASE WHEN ST_Intersects(k.geom, c.geom) THEN 1 ELSE 0 END
                                        ELSE ST_Area(ST_Intersection(k.geom, c.geom, hatang_overlay_grid())::geography) / nullif(ST_Area(c.geom::geography), 0) END), 0)
                      FROM population_clusters c WHERE c.hamlet_id = k.hamlet_id AND ST_Intersects(k.geom, c.geom))
              ELSE k.population * k.area_m2 / nullif(ST_Area(k.hamlet_geom::geography), 0) END,
         k.geom
    FROM kept k;
  GET DIAGNOSTICS n = ROW_COUNT;
  written := written + n;
  END LOOP;

  INSERT INTO coverage_gaps (hamlet_id, scenario, part_no, area_m2, population_est, geom)
  SELECT hamlet_id, 'planned', part_no, area_m2, population_est, geom
    FROM coverage_gaps
   WHERE scenario = 'current' AND (p_hamlet_ids IS NULL OR hamlet_id IN (SELECT unnest(p_hamlet_ids)))
     -- A set, not an array searched once per row (thousands of hamlets nationally).
     AND hamlet_id NOT IN (SELECT unnest(under_approved));
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN written + n;
END
$$;

COMMENT ON FUNCTION hatang_recompute_gaps(jsonb, integer[]) IS
  'Rebuilds coverage_gaps for the given hamlet ids (NULL = all) in both scenarios (current | planned): parts of the hamlet polygon outside broadband coverage of any operator, at least p_params.minGapAreaM2 m², with area (m², spheroid) and estimated population.';
