-- BTS as export rows (see hatang_export_sites): the record under the field
-- catalogue's keys, its sectors as lists in sector order written like the
-- operators' sheets ("0/120/240", degrees), NULL lists for a BTS without
-- sectors. Code order, keyset or offset paging; lon/lat and GeoJSON EPSG:4326,
-- 7 decimals; geometry NULL when p_wkt (points are lon/lat columns).
CREATE OR REPLACE FUNCTION hatang_export_bts(
  p_ids integer[], p_bbox geometry, p_code text, p_after text, p_offset integer, p_limit integer, p_wkt boolean)
RETURNS TABLE (sort_key text, matched bigint, properties json, lon float8, lat float8, geometry text)
LANGUAGE sql STABLE
AS $$
  WITH matching AS NOT MATERIALIZED (
    SELECT b.id, b.code FROM bts b
     WHERE (p_ids IS NULL OR b.id = ANY (p_ids))
       AND (p_bbox IS NULL OR (b.geom && p_bbox AND ST_Intersects(b.geom, p_bbox)))
       AND (p_code IS NULL OR b.code = p_code)
  ),
  page AS (
    SELECT m.id FROM matching m WHERE p_after IS NULL OR m.code > p_after
     ORDER BY m.code OFFSET coalesce(p_offset, 0) LIMIT p_limit
  ),
  sectors AS (
    SELECT sc.bts_id,
           string_agg(sc.azimuth_deg::float8::text, '/' ORDER BY sc.sector_no) AS azimuths,
           string_agg(sc.beamwidth_deg::float8::text, '/' ORDER BY sc.sector_no) AS beamwidths,
           string_agg(sc.tilt_deg::float8::text, '/' ORDER BY sc.sector_no) AS tilts
      FROM bts_sectors sc WHERE sc.bts_id IN (SELECT id FROM page) GROUP BY sc.bts_id
  )
  SELECT b.code,
         (SELECT count(*) FROM matching),
         json_build_object(
           'code', b.code, 'siteCode', (SELECT s.code FROM sites s WHERE s.id = b.site_id), 'operator', o.code,
           'technology', b.technology, 'bandMHz', b.band_mhz, 'antennaHeightM', b.antenna_height_m::float8,
           'eirpDbm', b.eirp_dbm::float8, 'azimuthsDeg', sc.azimuths, 'beamwidthsDeg', sc.beamwidths, 'tiltsDeg', sc.tilts,
           'radiusOverrideM', b.radius_override_m::float8, 'environmentOverride', b.environment_override, 'status', b.status),
         round(ST_X(b.geom)::numeric, 7)::float8, round(ST_Y(b.geom)::numeric, 7)::float8,
         CASE WHEN p_wkt THEN NULL ELSE ST_AsGeoJSON(b.geom, 7) END
    FROM page p
    JOIN bts b ON b.id = p.id
    JOIN operators o ON o.id = b.operator_id
    LEFT JOIN sectors sc ON sc.bts_id = b.id
   ORDER BY b.code
$$;

COMMENT ON FUNCTION hatang_export_bts(integer[], geometry, text, text, integer, integer, boolean) IS
  'One page of BTS as export rows (catalogue keys, canonical values; sector azimuths, beamwidths and tilts in degrees as "a/b/c" lists), code order; keyset or offset; EPSG:4326, 7 decimals; bbox by && and ST_Intersects.';
