-- Spatial extent of an OGC API collection, computed from the data: [minLon,
-- minLat, maxLon, maxLat] in degrees (EPSG:4326 stored = CRS84 axis order),
-- NULL when the collection is empty or unknown. Admin collections are those of
-- p_boundary_set; gaps and coverage are the current scenario's (the network on
-- air), as the collections serve.
CREATE OR REPLACE FUNCTION hatang_collection_extent(p_collection text, p_boundary_set text)
RETURNS float8[]
LANGUAGE plpgsql STABLE
AS $$
DECLARE
  b box2d;
BEGIN
  IF p_collection = 'sites' THEN SELECT ST_Extent(geom) INTO b FROM sites;
  ELSIF p_collection = 'bts' THEN SELECT ST_Extent(geom) INTO b FROM bts;
  ELSIF p_collection = 'shared-sites' THEN SELECT ST_Extent(geom) INTO b FROM physical_sites;
  ELSIF p_collection = 'fiber' THEN SELECT ST_Extent(geom) INTO b FROM fiber_routes;
  ELSIF p_collection = 'hamlets' THEN SELECT ST_Extent(coalesce(geom, ref_point)) INTO b FROM hamlets;
  ELSIF p_collection = 'communes' THEN
    SELECT ST_Extent(geom) INTO b FROM admin_units WHERE boundary_set = p_boundary_set AND level = 'commune';
  ELSIF p_collection = 'districts' THEN
    SELECT ST_Extent(geom) INTO b FROM admin_units WHERE boundary_set = p_boundary_set AND level = 'district';
  ELSIF p_collection = 'gaps' THEN SELECT ST_Extent(geom) INTO b FROM coverage_gaps WHERE scenario = 'current';
  ELSIF p_collection = 'coverage' THEN
    SELECT ST_Extent(geom) INTO b FROM coverage_union_cells WHERE scenario = 'current';
  END IF;
  IF b IS NULL THEN RETURN NULL; END IF;
  RETURN ARRAY[round(ST_XMin(b)::numeric, 7)::float8, round(ST_YMin(b)::numeric, 7)::float8,
               round(ST_XMax(b)::numeric, 7)::float8, round(ST_YMax(b)::numeric, 7)::float8];
END
$$;

COMMENT ON FUNCTION hatang_collection_extent(text, text) IS
  'Bounding box [minLon, minLat, maxLon, maxLat] in degrees (CRS84) of an OGC API collection''s data, 7 decimals; NULL when empty or unknown.';
