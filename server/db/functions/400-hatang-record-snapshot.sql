-- A register record as the API shows it and the audit log keeps it: every
-- field, operator codes instead of ids, geometry as GeoJSON, sectors inside
-- their BTS. Reads the base tables, so a soft-deleted record has a snapshot
-- too (deletedAt set). NULL when there is no record of that code.
CREATE OR REPLACE FUNCTION hatang_record_snapshot(p_entity text, p_code text)
RETURNS jsonb
LANGUAGE sql STABLE
AS $$
  SELECT CASE p_entity
    WHEN 'site' THEN (
      SELECT jsonb_build_object(
               'code', s.code, 'name', s.name, 'lon', round(ST_X(s.geom)::numeric, 7)::float8, 'lat', round(ST_Y(s.geom)::numeric, 7)::float8,
               'structureType', s.structure_type, 'heightM', s.height_m::float8, 'owner', o.code, 'address', s.address,
               'status', s.status, 'version', s.version,
               'updatedAt', to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'deletedAt', to_char(s.deleted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'source', s.source, 'sourceDate', to_char(s.source_date, 'YYYY-MM-DD'))
        FROM site_records s JOIN operators o ON o.id = s.owner_id WHERE s.code = p_code)
    WHEN 'bts' THEN (
      SELECT jsonb_build_object(
               'code', b.code, 'siteCode', s.code, 'operator', o.code,
               'lon', round(ST_X(b.geom)::numeric, 7)::float8, 'lat', round(ST_Y(b.geom)::numeric, 7)::float8,
               'technology', b.technology, 'bandMHz', b.band_mhz, 'antennaHeightM', b.antenna_height_m::float8,
               'eirpDbm', b.eirp_dbm::float8, 'radiusOverrideM', b.radius_override_m::float8, 'environmentOverride', b.environment_override, 'status', b.status,
               'sectors', coalesce((SELECT jsonb_agg(jsonb_build_object('azimuthDeg', sc.azimuth_deg::float8,
                                        'beamwidthDeg', sc.beamwidth_deg::float8, 'tiltDeg', sc.tilt_deg::float8) ORDER BY sc.sector_no)
                                      FROM bts_sectors sc WHERE sc.bts_id = b.id), '[]'::jsonb),
               'version', b.version,
               'updatedAt', to_char(b.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'deletedAt', to_char(b.deleted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'source', b.source, 'sourceDate', to_char(b.source_date, 'YYYY-MM-DD'))
        FROM bts_records b JOIN operators o ON o.id = b.operator_id LEFT JOIN site_records s ON s.id = b.site_id
       WHERE b.code = p_code)
    WHEN 'fiber' THEN (
      SELECT jsonb_build_object(
               'code', f.code, 'name', f.name, 'operator', o.code, 'kind', f.kind, 'laying', f.laying, 'cores', f.cores,
               'geometry', ST_AsGeoJSON(f.geom, 7)::jsonb, 'lengthM', round(ST_Length(f.geom::geography)::numeric, 1)::float8,
               'status', f.status, 'version', f.version,
               'updatedAt', to_char(f.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'deletedAt', to_char(f.deleted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'source', f.source, 'sourceDate', to_char(f.source_date, 'YYYY-MM-DD'))
        FROM fiber_route_records f JOIN operators o ON o.id = f.operator_id WHERE f.code = p_code)
  END
$$;

COMMENT ON FUNCTION hatang_record_snapshot(text, text) IS
  'Register record (entity site | bts | fiber) by code as JSON: coordinates in EPSG:4326 to 7 decimals, heights in m, band in MHz, EIRP in dBm, length in m on the spheroid; includes soft-deleted records (deletedAt).';
