-- Rows of the coverage vector tile z/x/y (see hatang_tile_sites for the
-- shape): the coverage unions of scenario p_scenario for the operators
-- (default '*' = any) and technology groups (default broadband), as the
-- coverage layer. A union has no row id (the tile feature has none). A union
-- spans the province: it is cut to the filter box in EPSG:4326 before the
-- transform, so a tile costs the vertices near it, not all of them.
CREATE OR REPLACE FUNCTION hatang_tile_coverage(
  p_z integer, p_x integer, p_y integer, p_operators text[], p_tech_groups text[], p_scenario text)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT NULL::bigint, ST_Transform(hatang_tile_simplify(ST_ClipByBox2D(u.geom, hatang_tile_filter_box(p_z, p_x, p_y)), p_z), 3857),
         row_number() OVER (ORDER BY u.operator_code, u.tech_group),
         jsonb_build_object(
           'operator', u.operator_code, 'technologyGroup', u.tech_group, 'scenario', u.scenario,
           'areaKm2', round((u.area_m2 / 1e6)::numeric, 3))
    FROM coverage_unions u
   WHERE u.scenario = p_scenario AND NOT ST_IsEmpty(u.geom)
     AND u.operator_code = ANY (coalesce(p_operators, ARRAY['*']))
     AND u.tech_group = ANY (coalesce(p_tech_groups, ARRAY['broadband']))
     AND u.geom && hatang_tile_filter_box(p_z, p_x, p_y)
$$;

COMMENT ON FUNCTION hatang_tile_coverage(integer, integer, integer, text[], text[], text) IS
  'Coverage unions (operator or * = any, technology group, scenario current | planned) cut to Web Mercator tile z/x/y and its buffer: no id, MultiPolygon in EPSG:3857, order, tile properties (operator, technologyGroup, scenario, areaKm2 of the whole union on the spheroid).';
