-- GeoJSON FeatureCollection (text) of fiber routes; lengthM is measured on the
-- WGS 84 spheroid (geography), in metres.
CREATE OR REPLACE FUNCTION hatang_layer_fiber(
  p_bbox geometry, p_operators text[], p_statuses text[], p_kinds text[], p_layings text[],
  p_unit_id integer, p_limit integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH unit AS (SELECT geom FROM admin_units WHERE id = p_unit_id),
  rows AS (
    SELECT f.*, o.code AS operator_code, row_number() OVER (ORDER BY f.code) AS rn
      FROM fiber_routes f
      JOIN operators o ON o.id = f.operator_id
     WHERE (p_bbox IS NULL OR f.geom && p_bbox)
       AND (p_operators IS NULL OR o.code = ANY (p_operators))
       AND (p_statuses IS NULL OR f.status = ANY (p_statuses))
       AND (p_kinds IS NULL OR f.kind = ANY (p_kinds))
       AND (p_layings IS NULL OR f.laying = ANY (p_layings))
       AND (p_unit_id IS NULL OR ST_Intersects(f.geom, (SELECT geom FROM unit)))
  )
  SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', r.id,
        'geometry', ST_AsGeoJSON(r.geom, 7)::json,
        'properties', json_build_object(
          'code', r.code, 'name', r.name, 'operator', r.operator_code, 'kind', r.kind,
          'laying', r.laying, 'cores', r.cores, 'status', r.status,
          'lengthM', round(ST_Length(r.geom::geography)::numeric, 1)::float8))
      ORDER BY r.code) FILTER (WHERE r.rn <= p_limit), '[]'::json),
    'numberReturned', least(count(*), p_limit),
    'truncated', count(*) > p_limit)::text
  FROM rows r
$$;

COMMENT ON FUNCTION hatang_layer_fiber(geometry, text[], text[], text[], text[], integer, integer) IS
  'Fiber routes as an RFC 7946 FeatureCollection (text), EPSG:4326, 7 decimals; lengthM on the spheroid in metres.';
