-- Administrative units of one boundary set and level as export rows (see
-- hatang_export_sites): code, name, level, unit type and the parent's code,
-- under the field catalogue's keys; geometry the MultiPolygon as GeoJSON or,
-- with p_wkt, as WKT (7 decimals).
CREATE OR REPLACE FUNCTION hatang_export_admin_units(
  p_boundary_set text, p_level text,
  p_ids integer[], p_bbox geometry, p_code text, p_after text, p_offset integer, p_limit integer, p_wkt boolean)
RETURNS TABLE (sort_key text, matched bigint, properties json, lon float8, lat float8, geometry text)
LANGUAGE sql STABLE
AS $$
  WITH matching AS NOT MATERIALIZED (
    SELECT a.id, a.code FROM admin_units a
     WHERE a.boundary_set = p_boundary_set AND a.level = p_level
       AND (p_ids IS NULL OR a.id = ANY (p_ids))
       AND (p_bbox IS NULL OR (a.geom && p_bbox AND ST_Intersects(a.geom, p_bbox)))
       AND (p_code IS NULL OR a.code = p_code)
  ),
  page AS (
    SELECT m.id FROM matching m WHERE p_after IS NULL OR m.code > p_after
     ORDER BY m.code OFFSET coalesce(p_offset, 0) LIMIT p_limit
  )
  SELECT a.code,
         (SELECT count(*) FROM matching),
         json_build_object('code', a.code, 'name', a.name, 'level', a.level, 'unitType', a.unit_type, 'parentCode', pa.code),
         NULL::float8, NULL::float8,
         CASE WHEN p_wkt THEN ST_AsText(a.geom, 7) ELSE ST_AsGeoJSON(a.geom, 7) END
    FROM page p
    JOIN admin_units a ON a.id = p.id
    LEFT JOIN admin_units pa ON pa.id = a.parent_id
   ORDER BY a.code
$$;

COMMENT ON FUNCTION hatang_export_admin_units(text, text, integer[], geometry, text, text, integer, integer, boolean) IS
  'One page of the admin units of a boundary set and level as export rows (catalogue keys: code, name, level, unitType, parentCode), code order; keyset or offset; geometry EPSG:4326 GeoJSON or WKT (p_wkt), 7 decimals.';
