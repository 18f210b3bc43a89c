-- Rows of the BTS vector tile z/x/y (see hatang_tile_sites for the shape), at
-- the BTS's reported positions. Filters as the bts layer's (NULL = all),
-- p_unit_id: BTS inside that administrative unit.
DROP FUNCTION IF EXISTS hatang_tile_bts(integer, integer, integer, text[], text[], text[]);
-- azimuths: the sectors' azimuths in degrees, comma-separated in sector order.
CREATE OR REPLACE FUNCTION hatang_tile_bts(
  p_z integer, p_x integer, p_y integer, p_operators text[], p_technologies text[], p_statuses text[], p_unit_id integer)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT b.id::bigint, ST_Transform(b.geom, 3857), b.id::bigint,
         jsonb_build_object(
           'code', b.code, 'siteCode', (SELECT s.code FROM sites s WHERE s.id = b.site_id), 'operator', o.code,
           'technology', b.technology, 'bandMHz', b.band_mhz, 'antennaHeightM', b.antenna_height_m,
           'eirpDbm', b.eirp_dbm, 'status', b.status,
           'azimuths', (SELECT string_agg(sc.azimuth_deg::float8::text, ',' ORDER BY sc.sector_no) FROM bts_sectors sc WHERE sc.bts_id = b.id))
    FROM bts b
    JOIN operators o ON o.id = b.operator_id
   WHERE b.geom && hatang_tile_filter_box(p_z, p_x, p_y)
     AND (p_operators IS NULL OR o.code = ANY (p_operators))
     AND (p_technologies IS NULL OR b.technology = ANY (p_technologies))
     AND (p_statuses IS NULL OR b.status = ANY (p_statuses))
     AND (p_unit_id IS NULL OR ST_Intersects(b.geom, (SELECT u.geom FROM admin_units u WHERE u.id = p_unit_id)))
$$;

COMMENT ON FUNCTION hatang_tile_bts(integer, integer, integer, text[], text[], text[], integer) IS
  'BTS in Web Mercator tile z/x/y (and in admin unit p_unit_id unless NULL): row id, point in EPSG:3857, order, tile properties (code, siteCode, operator, technology, bandMHz, antennaHeightM in metres, eirpDbm, status, azimuths in degrees as comma-separated text).';
