-- Rows of the gaps vector tile z/x/y (see hatang_tile_sites for the shape):
-- uncovered parts of hamlets (broadband, any operator) in scenario p_scenario
-- (current | planned), as the gaps layer. A part has no row id of its own
-- (its key is hamlet and part number, both in the properties). p_unit_id:
-- parts of hamlets whose reference point is inside that administrative unit,
-- as the gaps layer (NULL = any).
DROP FUNCTION IF EXISTS hatang_tile_gaps(integer, integer, integer, text);
CREATE OR REPLACE FUNCTION hatang_tile_gaps(p_z integer, p_x integer, p_y integer, p_scenario text, p_unit_id integer)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT NULL::bigint, ST_Transform(hatang_tile_simplify(g.geom, p_z), 3857),
         row_number() OVER (ORDER BY h.code, g.part_no),
         jsonb_build_object(
           'hamletCode', h.code, 'hamletName', h.name, 'partNo', g.part_no,
           'areaM2', round(g.area_m2::numeric, 0), 'populationEstimate', round(g.population_est::numeric, 0))
    FROM coverage_gaps g
    JOIN hamlets h ON h.id = g.hamlet_id
   WHERE g.scenario = p_scenario AND g.geom && hatang_tile_filter_box(p_z, p_x, p_y)
     AND (p_unit_id IS NULL OR ST_Intersects(h.ref_point, (SELECT u.geom FROM admin_units u WHERE u.id = p_unit_id)))
$$;

COMMENT ON FUNCTION hatang_tile_gaps(integer, integer, integer, text, integer) IS
  'Uncovered parts of hamlets (broadband, any operator) in a scenario (current | planned) in Web Mercator tile z/x/y (hamlets of admin unit p_unit_id unless NULL): no id, polygon in EPSG:3857, order, tile properties (hamletCode, hamletName, partNo, areaM2 on the spheroid, populationEstimate).';
