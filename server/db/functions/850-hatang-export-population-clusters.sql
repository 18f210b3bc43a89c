-- Population clusters as export rows: hamlet code, cluster number and
-- population under the field catalogue's keys, ordered by hamlet code then
-- number (sort_key "<hamlet>#<number, 6 digits>", the keyset). A point cluster
-- is lon/lat (7 decimals) and, with p_wkt, no WKT; a polygon cluster has no
-- lon/lat and its WKT. Filters (NULL = all): bbox (&& then ST_Intersects on the
-- cluster), a unit (the cluster's hamlet's reference point inside it, as the
-- hamlets layer decides membership).
CREATE OR REPLACE FUNCTION hatang_export_population_clusters(
  p_bbox geometry, p_unit_id integer, p_after text, p_limit integer, p_wkt boolean)
RETURNS TABLE (sort_key text, properties json, lon float8, lat float8, geometry text)
LANGUAGE sql STABLE
AS $$
  WITH unit AS (SELECT geom FROM admin_units WHERE id = p_unit_id),
  page AS (
    SELECT c.*, h.code AS hamlet_code, h.code || '#' || lpad(c.cluster_no::text, 6, '0') AS key
      FROM population_clusters c
      JOIN hamlets h ON h.id = c.hamlet_id
     WHERE (p_bbox IS NULL OR (c.geom && p_bbox AND ST_Intersects(c.geom, p_bbox)))
       AND (p_unit_id IS NULL OR ST_Intersects(h.ref_point, (SELECT geom FROM unit)))
       AND (p_after IS NULL OR h.code || '#' || lpad(c.cluster_no::text, 6, '0') > p_after)
     ORDER BY key LIMIT p_limit
  )
  SELECT p.key,
         json_build_object('hamletCode', p.hamlet_code, 'clusterNo', p.cluster_no, 'population', p.population),
         CASE WHEN GeometryType(p.geom) = 'POINT' THEN round(ST_X(p.geom)::numeric, 7)::float8 END,
         CASE WHEN GeometryType(p.geom) = 'POINT' THEN round(ST_Y(p.geom)::numeric, 7)::float8 END,
         CASE WHEN NOT p_wkt THEN ST_AsGeoJSON(p.geom, 7)
              WHEN GeometryType(p.geom) <> 'POINT' THEN ST_AsText(p.geom, 7) END
    FROM page p
   ORDER BY p.key
$$;

COMMENT ON FUNCTION hatang_export_population_clusters(geometry, integer, text, integer, boolean) IS
  'One page of population clusters as export rows (hamletCode, clusterNo, population), hamlet then number order, keyset after p_after; points as lon/lat, polygons as WKT (p_wkt) or GeoJSON, EPSG:4326, 7 decimals.';
