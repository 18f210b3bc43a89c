-- Rebuilds the coverage unions from the footprints, per scenario ('current':
-- on-air BTS; 'planned': on-air and approved), per (operator, technology group)
-- and per group for any operator ('*'), groups being each technology and
-- 'broadband' (3G, 4G, 5G). p_operator_codes limits the rebuild to those
-- operators' unions (and the '*' unions, which depend on every operator's);
-- NULL rebuilds everything. Every combination of an operator with BTS and a
-- group is written in both scenarios, empty when nothing covers it, so that
-- verdicts exist for it.
-- A planned union is the current one plus the approved footprints among its
-- inputs; without any it is the current one, copied (geometry, area and parts),
-- so the planned scenario costs only what approved BTS change.
-- The overlay is planar in lon/lat: footprint edges are at most 5° arc chords,
-- so the result differs from a metric CRS by well under a metre; areas are
-- measured on the spheroid. Unions are also stored subdivided (<= 128 vertices
-- per part, GiST-indexed) for fast point-in-coverage and overlay tests.
-- Every overlay passes hatang_overlay_grid() as its grid size (see there: the
-- embedded PostGIS would otherwise silently drop some overlay rows).
DROP FUNCTION IF EXISTS hatang_recompute_unions();
CREATE OR REPLACE FUNCTION hatang_recompute_unions(p_operator_codes text[])
RETURNS integer
LANGUAGE plpgsql
-- Cross joins over many rows give huge cost estimates; JIT compilation would then
-- cost more than the whole query.
SET jit = off
-- Parallel workers for the footprint unions (see there).
SET parallel_setup_cost = 0
SET parallel_tuple_cost = 0
SET min_parallel_table_scan_size = 0
SET client_min_messages = warning
AS $$
DECLARE
  written integer;
BEGIN
  DELETE FROM coverage_unions
   WHERE p_operator_codes IS NULL OR operator_code = '*' OR operator_code = ANY (p_operator_codes);

  -- Built bottom-up so that no footprint is unioned more than once:
  -- (operator, technology) from footprints; (*, technology) from those;
  -- (operator, broadband) and (*, broadband) from the technology unions.
  -- Current first: the planned unions build on them.
  -- The footprint unions, the bulk of the work, are one grouped CREATE TABLE AS,
  -- which PostgreSQL runs with parallel workers (each unions a share of the
  -- footprints, then the shares are unioned: ST_Union is parallel-aware);
  -- INSERT … SELECT never runs in parallel.
  DROP TABLE IF EXISTS coverage_scratch_unions;
  CREATE TEMP TABLE coverage_scratch_unions ON COMMIT DROP AS
  SELECT f.operator_id, f.technology, ST_Multi(ST_CollectionExtract(ST_Union(f.geom, hatang_overlay_grid()), 3)) AS geom
    FROM coverage_footprints f
   WHERE f.bts_status = 'on_air'
     AND (p_operator_codes IS NULL OR f.operator_id IN (SELECT o.id FROM operators o WHERE o.code = ANY (p_operator_codes)))
   GROUP BY f.operator_id, f.technology;

  INSERT INTO coverage_unions (scenario, operator_code, tech_group, geom, area_m2)
  SELECT 'current', o.code, t.tech, coalesce(s.geom, 'SRID=4326;MULTIPOLYGON EMPTY'::geometry), 0
    FROM operators o
   CROSS JOIN (VALUES ('2G'), ('3G'), ('4G'), ('5G')) AS t(tech)
    LEFT JOIN coverage_scratch_unions s ON s.operator_id = o.id AND s.technology = t.tech
   WHERE EXISTS (SELECT 1 FROM bts b WHERE b.operator_id = o.id)
     AND (p_operator_codes IS NULL OR o.code = ANY (p_operator_codes));
  DROP TABLE coverage_scratch_unions;

  INSERT INTO coverage_unions (scenario, operator_code, tech_group, geom, area_m2)
  SELECT 'current', '*', t.tech,
         coalesce((SELECT ST_Multi(ST_CollectionExtract(ST_Union(u.geom, hatang_overlay_grid()), 3)) FROM coverage_unions u
                    WHERE u.scenario = 'current' AND u.tech_group = t.tech AND NOT ST_IsEmpty(u.geom)),
                  'SRID=4326;MULTIPOLYGON EMPTY'::geometry), 0
    FROM (VALUES ('2G'), ('3G'), ('4G'), ('5G')) AS t(tech);

  INSERT INTO coverage_unions (scenario, operator_code, tech_group, geom, area_m2)
  SELECT 'current', k.operator_code, 'broadband',
         coalesce((SELECT ST_Multi(ST_CollectionExtract(ST_Union(u.geom, hatang_overlay_grid()), 3)) FROM coverage_unions u
                    WHERE u.scenario = 'current' AND u.operator_code = k.operator_code AND u.tech_group IN ('3G', '4G', '5G')
                      AND NOT ST_IsEmpty(u.geom)),
                  'SRID=4326;MULTIPOLYGON EMPTY'::geometry), 0
    FROM (SELECT DISTINCT operator_code FROM coverage_unions
           WHERE scenario = 'current' AND (p_operator_codes IS NULL OR operator_code = '*' OR operator_code = ANY (p_operator_codes))) k;

  -- Planned = current ∪ the approved footprints among the union's inputs (the
  -- operator's, or any operator's for '*'; the group's technologies): a large
  -- union joined with a few small footprints, not all footprints again. Without
  -- approved input the current union is copied as it is.
  INSERT INTO coverage_unions (scenario, operator_code, tech_group, geom, area_m2)
  SELECT 'planned', c.operator_code, c.tech_group,
         CASE WHEN a.geom IS NULL THEN c.geom
              ELSE ST_Multi(ST_CollectionExtract(ST_Union(c.geom, a.geom, hatang_overlay_grid()), 3)) END,
         0
    FROM coverage_unions c
   CROSS JOIN LATERAL (
     SELECT ST_Union(f.geom, hatang_overlay_grid()) AS geom
       FROM coverage_footprints f
      WHERE f.bts_status = 'approved'
        AND f.technology = ANY (CASE c.tech_group WHEN 'broadband' THEN ARRAY['3G', '4G', '5G'] ELSE ARRAY[c.tech_group] END)
        AND (c.operator_code = '*' OR f.operator_id = (SELECT o.id FROM operators o WHERE o.code = c.operator_code))) a
   WHERE c.scenario = 'current'
     AND (p_operator_codes IS NULL OR c.operator_code = '*' OR c.operator_code = ANY (p_operator_codes));

  -- Copied planned unions take the current area and parts instead of measuring and
  -- subdividing again; a copy is the very same geometry (ST_OrderingEquals: same
  -- vertices in the same order, a cheap test next to an area or a subdivision).
  UPDATE coverage_unions SET area_m2 = ST_Area(geom::geography)
   WHERE scenario = 'current' AND NOT ST_IsEmpty(geom) AND area_m2 = 0;
  UPDATE coverage_unions p SET area_m2 = CASE WHEN ST_IsEmpty(p.geom) THEN 0
                                              WHEN ST_OrderingEquals(c.geom, p.geom) THEN c.area_m2 ELSE ST_Area(p.geom::geography) END
    FROM coverage_unions c
   WHERE p.scenario = 'planned' AND p.area_m2 = 0 AND NOT ST_IsEmpty(p.geom)
     AND c.scenario = 'current' AND c.operator_code = p.operator_code AND c.tech_group = p.tech_group;
  SELECT count(*) INTO written FROM coverage_unions;

  -- Parts of the deleted unions went with them (ON DELETE CASCADE).
  INSERT INTO coverage_union_parts (scenario, operator_code, tech_group, geom)
  SELECT u.scenario, u.operator_code, u.tech_group, (ST_Dump(ST_Subdivide(u.geom, 128))).geom
    FROM coverage_unions u
   WHERE u.scenario = 'current' AND NOT ST_IsEmpty(u.geom)
     AND NOT EXISTS (SELECT 1 FROM coverage_union_parts p
                      WHERE p.scenario = u.scenario AND p.operator_code = u.operator_code AND p.tech_group = u.tech_group);
  INSERT INTO coverage_union_parts (scenario, operator_code, tech_group, geom)
  SELECT 'planned', u.operator_code, u.tech_group, x.geom
    FROM coverage_unions u
    JOIN coverage_unions c ON c.scenario = 'current' AND c.operator_code = u.operator_code AND c.tech_group = u.tech_group
   CROSS JOIN LATERAL (
     SELECT p.geom FROM coverage_union_parts p
      WHERE ST_OrderingEquals(c.geom, u.geom) AND p.scenario = 'current' AND p.operator_code = u.operator_code AND p.tech_group = u.tech_group
     UNION ALL
     SELECT (ST_Dump(ST_Subdivide(u.geom, 128))).geom WHERE NOT ST_OrderingEquals(c.geom, u.geom)) x
   WHERE u.scenario = 'planned' AND NOT ST_IsEmpty(u.geom)
     AND NOT EXISTS (SELECT 1 FROM coverage_union_parts p
                      WHERE p.scenario = u.scenario AND p.operator_code = u.operator_code AND p.tech_group = u.tech_group);
  RETURN written;
END
$$;

COMMENT ON FUNCTION hatang_recompute_unions(text[]) IS
  'Rebuilds coverage_unions (MultiPolygon, EPSG:4326, area_m2 on the spheroid) and their subdivided parts per scenario (current = on-air BTS, planned = on-air + approved; a planned union without approved input is a copy of the current one), operator (or * = any) and technology group (2G, 3G, 4G, 5G, broadband = 3G/4G/5G); only the given operators'' and the * unions when p_operator_codes is not NULL.';
