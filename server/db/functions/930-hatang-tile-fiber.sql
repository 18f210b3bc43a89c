-- Rows of the fiber vector tile z/x/y (see hatang_tile_sites for the shape).
-- Filters as the fiber layer's (NULL = all).
CREATE OR REPLACE FUNCTION hatang_tile_fiber(
  p_z integer, p_x integer, p_y integer, p_operators text[], p_statuses text[], p_kinds text[], p_layings text[])
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
     AND (p_operators IS NULL OR o.code = ANY (p_operators))
     AND (p_statuses IS NULL OR f.status = ANY (p_statuses))
     AND (p_kinds IS NULL OR f.kind = ANY (p_kinds))
     AND (p_layings IS NULL OR f.laying = ANY (p_layings))
$$;

COMMENT ON FUNCTION hatang_tile_fiber(integer, integer, integer, text[], text[], text[], text[]) IS
  'Fiber routes in Web Mercator tile z/x/y: row id, MultiLineString in EPSG:3857, order, tile properties (code, name, operator, kind, laying, cores, status).';
