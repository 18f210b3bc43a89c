-- Rebuilds the coverage unions from the footprints: per (operator, technology
-- group) and per group for any operator ('*'), groups being each technology and
-- 'broadband' (3G, 4G, 5G). p_operator_codes limits the rebuild to those
-- operators' unions (and the '*' unions, which depend on every operator's);
-- NULL rebuilds everything. Every combination of an operator with BTS and a
-- group is written, empty when nothing covers it, so that verdicts exist for it.
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
AS $$
DECLARE
  written integer;
BEGIN
  DELETE FROM coverage_unions
   WHERE p_operator_codes IS NULL OR operator_code = '*' OR operator_code = ANY (p_operator_codes);

  -- Built bottom-up so that no footprint is unioned more than once:
  -- (operator, technology) from footprints; (*, technology) from those;
  -- (operator, broadband) and (*, broadband) from the technology unions.
  INSERT INTO coverage_unions (operator_code, tech_group, geom, area_m2)
  SELECT o.code, t.tech,
         coalesce((SELECT ST_Multi(ST_CollectionExtract(ST_Union(f.geom, hatang_overlay_grid()), 3)) FROM coverage_footprints f
                    WHERE f.operator_id = o.id AND f.technology = t.tech), 'SRID=4326;MULTIPOLYGON EMPTY'::geometry), 0
    FROM operators o
   CROSS JOIN (VALUES ('2G'), ('3G'), ('4G'), ('5G')) AS t(tech)
   WHERE EXISTS (SELECT 1 FROM bts b WHERE b.operator_id = o.id)
     AND (p_operator_codes IS NULL OR o.code = ANY (p_operator_codes));

  INSERT INTO coverage_unions (operator_code, tech_group, geom, area_m2)
  SELECT '*', t.tech,
         coalesce((SELECT ST_Multi(ST_CollectionExtract(ST_Union(u.geom, hatang_overlay_grid()), 3)) FROM coverage_unions u
                    WHERE u.tech_group = t.tech AND NOT ST_IsEmpty(u.geom)), 'SRID=4326;MULTIPOLYGON EMPTY'::geometry), 0
    FROM (VALUES ('2G'), ('3G'), ('4G'), ('5G')) AS t(tech);

  INSERT INTO coverage_unions (operator_code, tech_group, geom, area_m2)
  SELECT k.operator_code, 'broadband',
         coalesce((SELECT ST_Multi(ST_CollectionExtract(ST_Union(u.geom, hatang_overlay_grid()), 3)) FROM coverage_unions u
                    WHERE u.operator_code = k.operator_code AND u.tech_group IN ('3G', '4G', '5G') AND NOT ST_IsEmpty(u.geom)),
                  'SRID=4326;MULTIPOLYGON EMPTY'::geometry), 0
    FROM (SELECT DISTINCT operator_code FROM coverage_unions
           WHERE p_operator_codes IS NULL OR operator_code = '*' OR operator_code = ANY (p_operator_codes)) k;

  UPDATE coverage_unions SET area_m2 = ST_Area(geom::geography)
   WHERE NOT ST_IsEmpty(geom) AND area_m2 = 0;
  SELECT count(*) INTO written FROM coverage_unions;

  -- Parts of the deleted unions went with them (ON DELETE CASCADE).
  INSERT INTO coverage_union_parts (operator_code, tech_group, geom)
  SELECT u.operator_code, u.tech_group, (ST_Dump(ST_Subdivide(u.geom, 128))).geom
    FROM coverage_unions u
   WHERE NOT ST_IsEmpty(u.geom)
     AND NOT EXISTS (SELECT 1 FROM coverage_union_parts p WHERE p.operator_code = u.operator_code AND p.tech_group = u.tech_group);
  RETURN written;
END
$$;

COMMENT ON FUNCTION hatang_recompute_unions(text[]) IS
  'Rebuilds coverage_unions (MultiPolygon, EPSG:4326, area_m2 on the spheroid) and their subdivided parts per operator (or * = any) and technology group (2G, 3G, 4G, 5G, broadband = 3G/4G/5G); only the given operators'' and the * unions when p_operator_codes is not NULL.';
