-- GeoJSON FeatureCollection (text) of uncovered areas (vùng lõm) of broadband
-- coverage from any operator in one scenario (current | planned), with their
-- hamlet, area (m²) and estimated population.
DROP FUNCTION IF EXISTS hatang_layer_gaps(geometry, integer, integer);
CREATE OR REPLACE FUNCTION hatang_layer_gaps(p_bbox geometry, p_unit_id integer, p_limit integer, p_scenario text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH unit AS (SELECT geom FROM admin_units WHERE id = p_unit_id),
  rows AS (
    SELECT g.*, h.code AS hamlet_code, h.name AS hamlet_name, c.name AS commune_name,
           row_number() OVER (ORDER BY h.code, g.part_no) AS rn
      FROM coverage_gaps g
      JOIN hamlets h ON h.id = g.hamlet_id
      JOIN admin_units c ON c.id = h.commune_id
     WHERE g.scenario = p_scenario AND (p_bbox IS NULL OR g.geom && p_bbox)
       AND (p_unit_id IS NULL OR ST_Intersects(h.ref_point, (SELECT geom FROM unit)))
  )
  SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', r.hamlet_code || '/' || r.part_no,
        'geometry', ST_AsGeoJSON(r.geom, 7)::json,
        'properties', json_build_object(
          'hamletCode', r.hamlet_code, 'hamletName', r.hamlet_name, 'communeName', r.commune_name,
          'partNo', r.part_no, 'areaM2', round(r.area_m2::numeric, 0)::float8,
          'populationEstimate', round(r.population_est::numeric, 0)::float8))
      ORDER BY r.hamlet_code, r.part_no) FILTER (WHERE r.rn <= p_limit), '[]'::json),
    'numberReturned', least(count(*), p_limit),
    'truncated', count(*) > p_limit)::text
  FROM rows r
$$;

COMMENT ON FUNCTION hatang_layer_gaps(geometry, integer, integer, text) IS
  'Uncovered parts of hamlets (broadband, any operator) in a scenario (current | planned) as an RFC 7946 FeatureCollection (text), EPSG:4326; areaM2 on the spheroid; estimated population.';
