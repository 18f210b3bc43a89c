-- Fiber routes as export rows (see hatang_export_sites): the record under the
-- field catalogue's keys; geometry the MultiLineString as GeoJSON, or as WKT
-- (ST_AsText, 7 decimals) when p_wkt, for the catalogue's wkt column.
CREATE OR REPLACE FUNCTION hatang_export_fiber(
  p_ids integer[], p_bbox geometry, p_code text, p_after text, p_offset integer, p_limit integer, p_wkt boolean)
RETURNS TABLE (sort_key text, matched bigint, properties json, lon float8, lat float8, geometry text)
LANGUAGE sql STABLE
AS $$
  WITH matching AS NOT MATERIALIZED (
    SELECT f.id, f.code FROM fiber_routes f
     WHERE (p_ids IS NULL OR f.id = ANY (p_ids))
       AND (p_bbox IS NULL OR (f.geom && p_bbox AND ST_Intersects(f.geom, p_bbox)))
       AND (p_code IS NULL OR f.code = p_code)
  ),
  page AS (
    SELECT m.id FROM matching m WHERE p_after IS NULL OR m.code > p_after
     ORDER BY m.code OFFSET coalesce(p_offset, 0) LIMIT p_limit
  )
  SELECT f.code,
         (SELECT count(*) FROM matching),
         json_build_object(
           'code', f.code, 'name', f.name, 'operator', o.code, 'kind', f.kind, 'laying', f.laying,
           'cores', f.cores, 'status', f.status),
         NULL::float8, NULL::float8,
         CASE WHEN p_wkt THEN ST_AsText(f.geom, 7) ELSE ST_AsGeoJSON(f.geom, 7) END
    FROM page p
    JOIN fiber_routes f ON f.id = p.id
    JOIN operators o ON o.id = f.operator_id
   ORDER BY f.code
$$;

COMMENT ON FUNCTION hatang_export_fiber(integer[], geometry, text, text, integer, integer, boolean) IS
  'One page of fiber routes as export rows (catalogue keys, canonical values), code order; keyset or offset; geometry EPSG:4326 as GeoJSON or WKT (p_wkt), 7 decimals; bbox by && and ST_Intersects.';
