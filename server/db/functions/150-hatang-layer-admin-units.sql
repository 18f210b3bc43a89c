-- GeoJSON FeatureCollection (text) of administrative units of one level in one
-- boundary set. p_unit_id keeps that unit and its descendants. Population and
-- hamlet count are summed over hamlets whose reference point lies inside the
-- unit (spatial, so they hold for any boundary set); area is on the spheroid.
CREATE OR REPLACE FUNCTION hatang_layer_admin_units(
  p_boundary_set text, p_level text, p_bbox geometry, p_unit_id integer, p_limit integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH rows AS (
    SELECT a.*, p.code AS parent_code, p.name AS parent_name, row_number() OVER (ORDER BY a.code) AS rn
      FROM admin_units a
      LEFT JOIN admin_units p ON p.id = a.parent_id
     WHERE a.boundary_set = p_boundary_set AND a.level = p_level
       AND (p_bbox IS NULL OR a.geom && p_bbox)
       AND (p_unit_id IS NULL OR a.id = p_unit_id OR a.parent_id = p_unit_id OR p.parent_id = p_unit_id)
  )
  SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', r.id,
        'geometry', ST_AsGeoJSON(r.geom, 7)::json,
        'properties', json_build_object(
          'code', r.code, 'name', r.name, 'level', r.level, 'unitType', r.unit_type,
          'boundarySet', r.boundary_set, 'parentCode', r.parent_code, 'parentName', r.parent_name,
          'areaKm2', round((ST_Area(r.geom::geography) / 1e6)::numeric, 3)::float8,
          'population', hs.population, 'hamletCount', hs.hamlet_count))
      ORDER BY r.code) FILTER (WHERE r.rn <= p_limit), '[]'::json),
    'numberReturned', least(count(*), p_limit),
    'truncated', count(*) > p_limit)::text
  FROM rows r
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(h.population), 0)::integer AS population, count(*)::integer AS hamlet_count
      FROM hamlets h WHERE ST_Intersects(h.ref_point, r.geom)
  ) hs
$$;

COMMENT ON FUNCTION hatang_layer_admin_units(text, text, geometry, integer, integer) IS
  'Admin units of one level and boundary set as an RFC 7946 FeatureCollection (text); areaKm2 on the spheroid; population and hamletCount from hamlets whose reference point is inside.';
