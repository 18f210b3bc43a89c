-- GeoJSON FeatureCollection (text) of consolidation candidates
-- (hatang_consolidation_groups): one MultiPoint feature per group, its sites in
-- order of site key, with the group's properties. bbox keeps groups whose
-- points meet it; p_unit_id keeps groups with their centroid in that unit.
CREATE OR REPLACE FUNCTION hatang_layer_consolidation(
  p_bbox geometry, p_distance_m float8, p_statuses text[], p_boundary_set text, p_unit_id integer, p_limit integer)
RETURNS text
LANGUAGE sql STABLE
AS $$
  WITH rows AS (
    SELECT g.*, row_number() OVER (ORDER BY g.group_no) AS rn
      FROM hatang_consolidation_groups(p_distance_m, p_statuses, p_boundary_set) g
     WHERE (p_bbox IS NULL OR g.geom && p_bbox)
       AND (p_unit_id IS NULL OR ST_Intersects(g.centre, (SELECT u.geom FROM admin_units u WHERE u.id = p_unit_id)))
  )
  SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', r.group_no,
        'geometry', ST_AsGeoJSON(r.geom, 7)::json,
        'properties', json_build_object(
          'groupNo', r.group_no, 'siteKeys', (SELECT json_agg(s->>'siteKey') FROM jsonb_array_elements(r.sites) s),
          'siteCount', jsonb_array_length(r.sites), 'owners', r.owners, 'operators', r.operators,
          'spanM', round(r.span_m::numeric, 1)::float8, 'structuresSaved', r.structures_saved,
          'communeCode', r.commune_code, 'communeName', r.commune_name))
      ORDER BY r.group_no) FILTER (WHERE r.rn <= p_limit), '[]'::json),
    'numberReturned', least(count(*), p_limit),
    'truncated', count(*) > p_limit)::text
  FROM rows r
$$;

COMMENT ON FUNCTION hatang_layer_consolidation(geometry, float8, text[], text, integer, integer) IS
  'Consolidation candidates as an RFC 7946 FeatureCollection (text): one MultiPoint (EPSG:4326, 7 decimals) per group of sites of different owners within p_distance_m metres; spanM in metres; at most p_limit features.';
