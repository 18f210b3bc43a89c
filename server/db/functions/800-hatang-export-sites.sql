-- Sites as export rows: the full register record under the field catalogue's
-- canonical keys (server/src/imports/import-fields.ts), canonical enum values,
-- in code order. One page per call, keyset (codes after p_after) or offset, so
-- a whole-province export streams and an OGC items page is one index range.
-- p_ids: the rows a layer filter chose (NULL = all); p_bbox (EPSG:4326): the
-- GiST && then the exact ST_Intersects; p_code: one record. lon/lat rounded to
-- 7 decimals (~1 cm); geometry: GeoJSON (7 decimals), or NULL when p_wkt (a
-- point has no WKT column in the catalogue). matched counts every matching row.
CREATE OR REPLACE FUNCTION hatang_export_sites(
  p_ids integer[], p_bbox geometry, p_code text, p_after text, p_offset integer, p_limit integer, p_wkt boolean)
RETURNS TABLE (sort_key text, matched bigint, properties json, lon float8, lat float8, geometry text)
LANGUAGE sql STABLE
AS $$
  WITH matching AS NOT MATERIALIZED (
    SELECT s.id, s.code FROM sites s
     WHERE (p_ids IS NULL OR s.id = ANY (p_ids))
       AND (p_bbox IS NULL OR (s.geom && p_bbox AND ST_Intersects(s.geom, p_bbox)))
       AND (p_code IS NULL OR s.code = p_code)
  ),
  page AS (
    SELECT m.id FROM matching m WHERE p_after IS NULL OR m.code > p_after
     ORDER BY m.code OFFSET coalesce(p_offset, 0) LIMIT p_limit
  )
  SELECT s.code,
         (SELECT count(*) FROM matching),
         json_build_object(
           'code', s.code, 'name', s.name, 'structureType', s.structure_type, 'heightM', s.height_m::float8,
           'owner', o.code, 'address', s.address, 'status', s.status),
         round(ST_X(s.geom)::numeric, 7)::float8, round(ST_Y(s.geom)::numeric, 7)::float8,
         CASE WHEN p_wkt THEN NULL ELSE ST_AsGeoJSON(s.geom, 7) END
    FROM page p
    JOIN sites s ON s.id = p.id
    JOIN operators o ON o.id = s.owner_id
   ORDER BY s.code
$$;

COMMENT ON FUNCTION hatang_export_sites(integer[], geometry, text, text, integer, integer, boolean) IS
  'One page of sites as export rows (catalogue keys, canonical values), code order; keyset after p_after or offset; lon/lat and GeoJSON in EPSG:4326, 7 decimals; bbox by && and ST_Intersects; matched = all matching rows.';
