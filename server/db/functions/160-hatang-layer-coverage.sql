-- GeoJSON FeatureCollection (text) of coverage unions: one feature per
-- (operator or '*' = any, technology group) of one scenario ('current' = on-air
-- BTS, 'planned' = with approved BTS), optionally clipped to a bbox. A union is
-- stored in grid-cell pieces (coverage_union_cells): a feature's geometry is
-- the union of its pieces that reach the bbox (their shared cell edges
-- dissolve), so it is one valid MultiPolygon, as before the pieces.
DROP FUNCTION IF EXISTS hatang_layer_coverage(geometry, text[], text[], integer);
CREATE OR REPLACE FUNCTION hatang_layer_coverage(p_bbox geometry, p_operators text[], p_tech_groups text[], p_limit integer, p_scenario text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH keys AS (
    SELECT u.*, row_number() OVER (ORDER BY u.operator_code, u.tech_group) AS rn
      FROM coverage_unions u
     WHERE u.scenario = p_scenario
       AND u.operator_code = ANY (coalesce(p_operators, ARRAY['*']))
       AND u.tech_group = ANY (coalesce(p_tech_groups, ARRAY['broadband']))
       AND EXISTS (SELECT 1 FROM coverage_union_cells c
                    WHERE c.scenario = u.scenario AND c.operator_code = u.operator_code AND c.tech_group = u.tech_group
                      AND (p_bbox IS NULL OR c.geom && p_bbox))
  ),
  rows AS (
    SELECT k.*,
           (SELECT ST_Multi(ST_CollectionExtract(ST_Union(c.geom, hatang_overlay_grid()), 3))
              FROM coverage_union_cells c
             WHERE c.scenario = k.scenario AND c.operator_code = k.operator_code AND c.tech_group = k.tech_group
               AND (p_bbox IS NULL OR c.geom && p_bbox)) AS geom
      FROM keys k
     WHERE k.rn <= p_limit
  )
  SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce((SELECT json_agg(json_build_object(
        'type', 'Feature',
        'id', r.operator_code || '/' || r.tech_group,
        'geometry', ST_AsGeoJSON(CASE WHEN p_bbox IS NULL THEN r.geom ELSE ST_ClipByBox2D(r.geom, p_bbox) END, 6)::json,
        'properties', json_build_object(
          'operator', r.operator_code, 'technologyGroup', r.tech_group, 'scenario', r.scenario,
          'areaKm2', round((r.area_m2 / 1e6)::numeric, 3)::float8))
      ORDER BY r.operator_code, r.tech_group) FROM rows r), '[]'::json),
    'numberReturned', (SELECT least(count(*), p_limit) FROM keys),
    'truncated', (SELECT count(*) > p_limit FROM keys))::text
$$;

COMMENT ON FUNCTION hatang_layer_coverage(geometry, text[], text[], integer, text) IS
  'Coverage unions of a scenario (current | planned) as an RFC 7946 FeatureCollection (text), EPSG:4326, 6 decimals; operator * = any; technology group 2G/3G/4G/5G/broadband; areaKm2 of the whole union on the spheroid.';
