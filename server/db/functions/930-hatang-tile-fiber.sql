-- Rows of the fiber vector tile z/x/y (see hatang_tile_sites for the shape).
-- Filters as the fiber layer's (NULL = all); p_unit_id: routes that cross
-- that administrative unit (drawn whole, as in the fiber layer).
-- Below zoom 8 (a tile wider than a province) only the backbone routes: a
-- national z6 tile held the 8,000 routes of a dozen provinces (0.5–1.5 MB),
-- which the browser could neither draw smoothly nor show legibly; access and
-- distribution routes (82 % of the length nationally) appear from z8.
DROP FUNCTION IF EXISTS hatang_tile_fiber(integer, integer, integer, text[], text[], text[], text[]);
CREATE OR REPLACE FUNCTION hatang_tile_fiber(
  p_z integer, p_x integer, p_y integer, p_operators text[], p_statuses text[], p_kinds text[], p_layings text[], p_unit_id integer)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT f.id::bigint, ST_Transform(hatang_tile_simplify(f.geom, p_z), 3857), f.id::bigint,
         jsonb_build_object(
           'code', f.code, 'name', f.name, 'operator', o.code, 'kind', f.kind,
           'laying', f.laying, 'cores', f.cores, 'status', f.status)
    FROM fiber_routes f
    JOIN operators o ON o.id = f.operator_id
   WHERE f.geom && hatang_tile_filter_box(p_z, p_x, p_y)
     AND (p_z >= 8 OR f.kind = 'backbone')
     AND (p_operators IS NULL OR o.code = ANY (p_operators))
     AND (p_statuses IS NULL OR f.status = ANY (p_statuses))
     AND (p_kinds IS NULL OR f.kind = ANY (p_kinds))
     AND (p_layings IS NULL OR f.laying = ANY (p_layings))
     AND (p_unit_id IS NULL OR ST_Intersects(f.geom, (SELECT u.geom FROM admin_units u WHERE u.id = p_unit_id)))
$$;

COMMENT ON FUNCTION hatang_tile_fiber(integer, integer, integer, text[], text[], text[], text[], integer) IS
  'Fiber routes in Web Mercator tile z/x/y (and crossing admin unit p_unit_id unless NULL; below z8 backbone routes only): row id, MultiLineString in EPSG:3857, order, tile properties (code, name, operator, kind, laying, cores, status).';
