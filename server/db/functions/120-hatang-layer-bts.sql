-- GeoJSON FeatureCollection (text) of BTS at their reported positions, with
-- sectors (azimuth, beamwidth, tilt in degrees). NULL filters mean all.
CREATE OR REPLACE FUNCTION hatang_layer_bts(
  p_bbox geometry, p_operators text[], p_technologies text[], p_statuses text[],
  p_unit_id integer, p_limit integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH unit AS (SELECT geom FROM admin_units WHERE id = p_unit_id),
  rows AS (
    -- The site code by a key lookup, not a join: this body is planned once with
    -- its filters as unknown parameters, and PostgreSQL's generic estimate (one
    -- row) turned a join into a nested loop over every site per BTS (0.75 s).
    SELECT b.*, o.code AS operator_code, (SELECT s.code FROM sites s WHERE s.id = b.site_id) AS site_code,
           row_number() OVER (ORDER BY b.code) AS rn
      FROM bts b
      JOIN operators o ON o.id = b.operator_id
     WHERE (p_bbox IS NULL OR b.geom && p_bbox)
       AND (p_operators IS NULL OR o.code = ANY (p_operators))
       AND (p_technologies IS NULL OR b.technology = ANY (p_technologies))
       AND (p_statuses IS NULL OR b.status = ANY (p_statuses))
       AND (p_unit_id IS NULL OR ST_Intersects(b.geom, (SELECT geom FROM unit)))
  ),
  page AS (SELECT * FROM rows WHERE rn <= p_limit),
  sectors AS (
    SELECT sc.bts_id, json_agg(json_build_object(
             'azimuthDeg', sc.azimuth_deg::float8, 'beamwidthDeg', sc.beamwidth_deg::float8, 'tiltDeg', sc.tilt_deg::float8)
             ORDER BY sc.sector_no) AS list
      FROM bts_sectors sc WHERE sc.bts_id IN (SELECT id FROM page) GROUP BY sc.bts_id
  )
  SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce((SELECT json_agg(json_build_object(
        'type', 'Feature',
        'id', p.id,
        'geometry', ST_AsGeoJSON(p.geom, 7)::json,
        'properties', json_build_object(
          'code', p.code, 'siteCode', p.site_code, 'operator', p.operator_code,
          'technology', p.technology, 'bandMHz', p.band_mhz, 'antennaHeightM', p.antenna_height_m::float8,
          'eirpDbm', p.eirp_dbm::float8, 'status', p.status,
          'sectors', coalesce(sc.list, '[]'::json)))
      ORDER BY p.code) FROM page p LEFT JOIN sectors sc ON sc.bts_id = p.id), '[]'::json),
    'numberReturned', (SELECT count(*) FROM page),
    'truncated', (SELECT count(*) FROM rows) > p_limit)::text
$$;

COMMENT ON FUNCTION hatang_layer_bts(geometry, text[], text[], text[], integer, integer) IS
  'BTS as an RFC 7946 FeatureCollection (text), EPSG:4326, 7 decimals; sectors in degrees; at most p_limit features.';
