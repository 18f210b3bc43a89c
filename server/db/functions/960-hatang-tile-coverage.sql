-- Rows of the coverage vector tile z/x/y (see hatang_tile_sites for the
-- shape): the coverage unions of scenario p_scenario for the operators
-- (default '*' = any) and technology groups (default broadband), as the
-- coverage layer. A union has no row id (the tile feature has none).
-- A union is stored in grid-cell pieces (coverage_union_cells): the pieces that
-- reach the tile are cut to the filter box in EPSG:4326 before the transform
-- (a tile costs the vertices near it), simplified for the zoom, and unioned so
-- that the cell edges between them dissolve (the map outlines coverage; a seam
-- would draw a line across it). The union snap-rounds to half a tile unit,
-- under what the tile can show, which also closes the hairline slivers that
-- simplifying neighbouring pieces apart leaves along their shared edge.
CREATE OR REPLACE FUNCTION hatang_tile_coverage(
  p_z integer, p_x integer, p_y integer, p_operators text[], p_tech_groups text[], p_scenario text)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT NULL::bigint, ST_Transform(t.geom, 3857),
         row_number() OVER (ORDER BY t.operator_code, t.tech_group),
         jsonb_build_object(
           'operator', t.operator_code, 'technologyGroup', t.tech_group, 'scenario', t.scenario,
           'areaKm2', round((t.area_m2 / 1e6)::numeric, 3))
    FROM (
      SELECT u.scenario, u.operator_code, u.tech_group, u.area_m2,
             (SELECT ST_Multi(ST_CollectionExtract(ST_Union(hatang_tile_simplify(ST_ClipByBox2D(c.geom, hatang_tile_filter_box(p_z, p_x, p_y)), p_z),
                                                             90.0 / (4096 * 2 ^ p_z)), 3))
                FROM coverage_union_cells c
               WHERE c.scenario = u.scenario AND c.operator_code = u.operator_code AND c.tech_group = u.tech_group
                 AND c.geom && hatang_tile_filter_box(p_z, p_x, p_y)) AS geom
        FROM coverage_unions u
       WHERE u.scenario = p_scenario
         AND u.operator_code = ANY (coalesce(p_operators, ARRAY['*']))
         AND u.tech_group = ANY (coalesce(p_tech_groups, ARRAY['broadband']))) t
   WHERE t.geom IS NOT NULL AND NOT ST_IsEmpty(t.geom)
$$;

COMMENT ON FUNCTION hatang_tile_coverage(integer, integer, integer, text[], text[], text) IS
  'Coverage unions (operator or * = any, technology group, scenario current | planned) cut to Web Mercator tile z/x/y and its buffer, their grid-cell pieces dissolved: no id, MultiPolygon in EPSG:3857, order, tile properties (operator, technologyGroup, scenario, areaKm2 of the whole union on the spheroid).';
