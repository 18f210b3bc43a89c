-- Hamlets as export rows (see hatang_export_sites): the record under the field
-- catalogue's keys, the commune by its code; lon/lat is the reference point
-- (cultural house or centre, where the trắng sóng test is made). geometry: the
-- polygon as GeoJSON, the reference point for a hamlet without one; with p_wkt
-- the polygon as WKT (7 decimals), NULL without one. A bbox keeps a hamlet
-- whose polygon or reference point intersects it.
CREATE OR REPLACE FUNCTION hatang_export_hamlets(
  p_ids integer[], p_bbox geometry, p_code text, p_after text, p_offset integer, p_limit integer, p_wkt boolean)
RETURNS TABLE (sort_key text, matched bigint, properties json, lon float8, lat float8, geometry text)
LANGUAGE sql STABLE
AS $$
  WITH matching AS NOT MATERIALIZED (
    SELECT h.id, h.code FROM hamlets h
     WHERE (p_ids IS NULL OR h.id = ANY (p_ids))
       AND (p_bbox IS NULL OR (h.geom && p_bbox AND ST_Intersects(h.geom, p_bbox))
                           OR (h.ref_point && p_bbox AND ST_Intersects(h.ref_point, p_bbox)))
       AND (p_code IS NULL OR h.code = p_code)
  ),
  page AS (
    SELECT m.id FROM matching m WHERE p_after IS NULL OR m.code > p_after
     ORDER BY m.code OFFSET coalesce(p_offset, 0) LIMIT p_limit
  )
  SELECT h.code,
         (SELECT count(*) FROM matching),
         json_build_object(
           'code', h.code, 'name', h.name, 'kind', h.kind, 'communeCode', c.code,
           'population', h.population, 'households', h.households, 'refKind', h.ref_kind),
         round(ST_X(h.ref_point)::numeric, 7)::float8, round(ST_Y(h.ref_point)::numeric, 7)::float8,
         CASE WHEN p_wkt THEN ST_AsText(h.geom, 7) ELSE ST_AsGeoJSON(coalesce(h.geom, h.ref_point), 7) END
    FROM page p
    JOIN hamlets h ON h.id = p.id
    JOIN admin_units c ON c.id = h.commune_id
   ORDER BY h.code
$$;

COMMENT ON FUNCTION hatang_export_hamlets(integer[], geometry, text, text, integer, integer, boolean) IS
  'One page of hamlets as export rows (catalogue keys, canonical values; lon/lat = reference point), code order; keyset or offset; geometry EPSG:4326 GeoJSON (polygon, else reference point) or WKT of the polygon (p_wkt), 7 decimals.';
