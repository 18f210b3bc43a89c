-- Field measurements as export rows: operator code, technology, signal level
-- (dBm), download speed (Mbps), measurement instant (ISO 8601 in UTC, with
-- microseconds only when it has them) and batch under the field catalogue's
-- keys; lon/lat 7 decimals. Filters as GET /api/layers/measurements (NULL =
-- all): bbox (&& on the GiST index), operators, technologies. Id order, keyset
-- after p_after (an id as text).
CREATE OR REPLACE FUNCTION hatang_export_measurements(
  p_bbox geometry, p_operators text[], p_technologies text[], p_after text, p_limit integer, p_wkt boolean)
RETURNS TABLE (sort_key text, properties json, lon float8, lat float8, geometry text)
LANGUAGE sql STABLE
AS $$
  SELECT m.id::text,
         json_build_object(
           'operator', o.code, 'technology', m.technology, 'signalDbm', m.signal_dbm::float8,
           'downloadMbps', m.download_mbps::float8,
           'measuredAt', to_char(m.measured_at AT TIME ZONE 'UTC',
             CASE WHEN extract(microseconds FROM m.measured_at)::bigint % 1000000 = 0
                  THEN 'YYYY-MM-DD"T"HH24:MI:SS"Z"' ELSE 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"' END),
           'batch', m.batch),
         round(ST_X(m.geom)::numeric, 7)::float8, round(ST_Y(m.geom)::numeric, 7)::float8,
         CASE WHEN p_wkt THEN NULL ELSE ST_AsGeoJSON(m.geom, 7) END
    FROM field_measurements m
    JOIN operators o ON o.id = m.operator_id
   WHERE (p_bbox IS NULL OR m.geom && p_bbox)
     AND (p_operators IS NULL OR o.code = ANY (p_operators))
     AND (p_technologies IS NULL OR m.technology = ANY (p_technologies))
     AND (p_after IS NULL OR m.id > p_after::integer)
   ORDER BY m.id
   LIMIT p_limit
$$;

COMMENT ON FUNCTION hatang_export_measurements(geometry, text[], text[], text, integer, boolean) IS
  'One page of field measurements as export rows (operator, technology, signalDbm in dBm, downloadMbps, measuredAt ISO 8601 UTC, batch; lon/lat EPSG:4326, 7 decimals), id order, keyset after p_after; filters as the measurements layer.';
