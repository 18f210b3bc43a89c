-- GeoJSON FeatureCollection (text) of hamlets: the polygon, or the reference
-- point when the hamlet has no polygon. A hamlet belongs to a unit when its
-- reference point lies inside the unit, so the filter works for any boundary set.
-- Each hamlet carries its broadband verdict for any operator in the scenario
-- p_scenario (current | planned), so the map can colour hamlets by it.
DROP FUNCTION IF EXISTS hatang_layer_hamlets(geometry, integer, integer);
CREATE OR REPLACE FUNCTION hatang_layer_hamlets(p_bbox geometry, p_unit_id integer, p_limit integer, p_scenario text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH unit AS (SELECT geom FROM admin_units WHERE id = p_unit_id),
  rows AS (
    SELECT h.*, c.code AS commune_code, c.name AS commune_name, hc.verdict, hc.covered_share,
           row_number() OVER (ORDER BY h.code) AS rn
      FROM hamlets h
      JOIN admin_units c ON c.id = h.commune_id
      LEFT JOIN hamlet_coverage hc ON hc.hamlet_id = h.id AND hc.scenario = p_scenario AND hc.operator_code = '*' AND hc.tech_group = 'broadband'
     WHERE (p_bbox IS NULL OR h.geom && p_bbox OR h.ref_point && p_bbox)
       AND (p_unit_id IS NULL OR ST_Intersects(h.ref_point, (SELECT geom FROM unit)))
  )
  SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', r.id,
        'geometry', ST_AsGeoJSON(coalesce(r.geom, r.ref_point), 7)::json,
        'properties', json_build_object(
          'code', r.code, 'name', r.name, 'kind', r.kind,
          'communeCode', r.commune_code, 'communeName', r.commune_name,
          'population', r.population, 'households', r.households,
          'refPoint', json_build_array(round(ST_X(r.ref_point)::numeric, 7)::float8, round(ST_Y(r.ref_point)::numeric, 7)::float8),
          'refKind', r.ref_kind,
          'verdict', r.verdict, 'coveredShare', round(r.covered_share::numeric, 4)::float8))
      ORDER BY r.code) FILTER (WHERE r.rn <= p_limit), '[]'::json),
    'numberReturned', least(count(*), p_limit),
    'truncated', count(*) > p_limit)::text
  FROM rows r
$$;

COMMENT ON FUNCTION hatang_layer_hamlets(geometry, integer, integer, text) IS
  'Hamlets as an RFC 7946 FeatureCollection (text), EPSG:4326, 7 decimals; unit membership by reference point; broadband verdict (any operator) and covered share (0..1) in a scenario (current | planned), null before coverage is computed.';
