-- GeoJSON FeatureCollection (text) of coverage unions: one feature per
-- (operator or '*' = any, technology group) of one scenario ('current' = on-air
-- BTS, 'planned' = with approved BTS), optionally clipped to a bbox.
DROP FUNCTION IF EXISTS hatang_layer_coverage(geometry, text[], text[], integer);
CREATE OR REPLACE FUNCTION hatang_layer_coverage(p_bbox geometry, p_operators text[], p_tech_groups text[], p_limit integer, p_scenario text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH rows AS (
    SELECT u.*, row_number() OVER (ORDER BY u.operator_code, u.tech_group) AS rn
      FROM coverage_unions u
     WHERE u.scenario = p_scenario AND NOT ST_IsEmpty(u.geom)
       AND u.operator_code = ANY (coalesce(p_operators, ARRAY['*']))
       AND u.tech_group = ANY (coalesce(p_tech_groups, ARRAY['broadband']))
       AND (p_bbox IS NULL OR u.geom && p_bbox)
  )
  SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', r.operator_code || '/' || r.tech_group,
        'geometry', ST_AsGeoJSON(CASE WHEN p_bbox IS NULL THEN r.geom ELSE ST_ClipByBox2D(r.geom, p_bbox) END, 6)::json,
        'properties', json_build_object(
          'operator', r.operator_code, 'technologyGroup', r.tech_group, 'scenario', r.scenario,
          'areaKm2', round((r.area_m2 / 1e6)::numeric, 3)::float8))
      ORDER BY r.operator_code, r.tech_group) FILTER (WHERE r.rn <= p_limit), '[]'::json),
    'numberReturned', least(count(*), p_limit),
    'truncated', count(*) > p_limit)::text
  FROM rows r
$$;

COMMENT ON FUNCTION hatang_layer_coverage(geometry, text[], text[], integer, text) IS
  'Coverage unions of a scenario (current | planned) as an RFC 7946 FeatureCollection (text), EPSG:4326, 6 decimals; operator * = any; technology group 2G/3G/4G/5G/broadband; areaKm2 on the spheroid.';
