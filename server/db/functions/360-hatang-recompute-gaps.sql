-- Rebuilds the uncovered areas (vùng lõm) of the given hamlets (NULL = all):
-- hamlet polygon minus the broadband coverage of any operator, split into
-- parts; parts smaller than p_params.minGapAreaM2 (default 5000 m²) are
-- dropped. Estimated population of a part: the clusters inside it (a polygon
-- cluster by its area inside), else the hamlet's population × the part's share
-- of the hamlet's area. Areas in m² on the spheroid.
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
  written integer;
BEGIN
  DELETE FROM coverage_gaps WHERE p_hamlet_ids IS NULL OR hamlet_id = ANY (p_hamlet_ids);

  WITH parts AS (
    SELECT h.id AS hamlet_id, h.population, h.geom AS hamlet_geom, d.geom, ST_Area(d.geom::geography) AS area_m2
      FROM hamlets h
     CROSS JOIN LATERAL (
       SELECT ST_Union(p.geom, hatang_overlay_grid()) AS geom FROM coverage_union_parts p
        WHERE p.operator_code = '*' AND p.tech_group = 'broadband' AND ST_Intersects(p.geom, h.geom)) cov
     CROSS JOIN LATERAL (
       SELECT (ST_Dump(ST_CollectionExtract(
                 CASE WHEN cov.geom IS NULL THEN h.geom ELSE ST_Difference(h.geom, cov.geom, hatang_overlay_grid()) END, 3))).geom) d
     WHERE h.geom IS NOT NULL AND (p_hamlet_ids IS NULL OR h.id = ANY (p_hamlet_ids))
  ),
  kept AS (
    SELECT p.*, row_number() OVER (PARTITION BY p.hamlet_id ORDER BY p.area_m2 DESC, ST_XMin(p.geom), ST_YMin(p.geom)) AS part_no
      FROM parts p WHERE p.area_m2 >= min_area
  )
  INSERT INTO coverage_gaps (hamlet_id, part_no, area_m2, population_est, geom)
  SELECT k.hamlet_id, k.part_no, k.area_m2,
         CASE WHEN EXISTS (SELECT 1 FROM population_clusters c WHERE c.hamlet_id = k.hamlet_id AND c.population > 0)
              THEN (SELECT coalesce(sum(c.population * CASE
                                        WHEN ST_Dimension(c.geom) = 0 THEN CASE WHEN ST_Intersects(k.geom, c.geom) THEN 1 ELSE 0 END
                                        ELSE ST_Area(ST_Intersection(k.geom, c.geom, hatang_overlay_grid())::geography) / nullif(ST_Area(c.geom::geography), 0) END), 0)
                      FROM population_clusters c WHERE c.hamlet_id = k.hamlet_id AND ST_Intersects(k.geom, c.geom))
              ELSE k.population * k.area_m2 / nullif(ST_Area(k.hamlet_geom::geography), 0) END,
         k.geom
    FROM kept k;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$$;

COMMENT ON FUNCTION hatang_recompute_gaps(jsonb, integer[]) IS
  'Rebuilds coverage_gaps for the given hamlet ids (NULL = all): parts of the hamlet polygon outside broadband coverage of any operator, at least p_params.minGapAreaM2 m², with area (m², spheroid) and estimated population.';
