-- One OGC API items page of a derived layer (shared sites, gaps, coverage),
-- whose features its map-layer function has already built as GeoJSON text:
-- keeps the features whose geometry really intersects p_bbox (the map layers
-- filter by && only, the bounding boxes), then skips p_offset and keeps
-- p_limit in the layer's order. matched counts every feature kept before paging.
CREATE OR REPLACE FUNCTION hatang_ogc_feature_page(p_fc text, p_bbox geometry, p_offset integer, p_limit integer)
RETURNS TABLE (matched bigint, features text)
LANGUAGE sql IMMUTABLE
AS $$
  WITH kept AS (
    SELECT f.value AS feature, f.ordinality AS n
      FROM json_array_elements(p_fc::json -> 'features') WITH ORDINALITY f
     WHERE p_bbox IS NULL
        OR ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON((f.value -> 'geometry')::text), 4326), p_bbox)
  ),
  page AS (SELECT feature, n FROM kept ORDER BY n OFFSET p_offset LIMIT p_limit)
  SELECT (SELECT count(*) FROM kept), coalesce((SELECT json_agg(feature ORDER BY n) FROM page), '[]'::json)::text
$$;

COMMENT ON FUNCTION hatang_ogc_feature_page(text, geometry, integer, integer) IS
  'OGC API items page of a GeoJSON FeatureCollection (text, EPSG:4326): features intersecting p_bbox (exact), then offset/limit in order; matched = all intersecting.';
