-- What ST_AsMVTGeom(p_geom, p_bounds, p_extent, p_buffer, true) does, with
-- functions the embedded PostGIS has (it is built without protobuf, so
-- ST_AsMVTGeom and ST_AsMVT raise an error there). p_geom and p_bounds are in
-- EPSG:3857 (p_bounds: ST_TileEnvelope). The answer is in tile space: integer
-- coordinates 0..p_extent, y pointing down, or NULL when nothing of p_geom is
-- left in the tile and its buffer of p_buffer units.
--   1. affine to tile space with y flipped, snapped to the integer grid (which
--      drops repeated points and collapsed parts), points on straight lines removed;
--   2. points and lines clipped to the buffered tile, snapped again;
--   3. polygons clipped, then made valid on the integer grid (ST_ReducePrecision
--      snap-rounds and keeps them valid, dropping what collapses), exterior rings
--      given a positive surveyor's area in y-down tile space ("clockwise" in
--      vector_tile.proto v2.1) — ST_ForcePolygonCCW, as PostGIS sees the
--      coordinates y-up — and holes the opposite.
-- PostgreSQL's ST_AsMVTGeom clips polygons with wagyu instead: the same
-- vertices up to where a ring starts, and at most one unit apart where an edge
-- crosses the buffer's border.
CREATE OR REPLACE FUNCTION hatang_mvt_geom(p_geom geometry, p_bounds geometry, p_extent integer, p_buffer integer)
RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  WITH k AS (
    SELECT p_extent / (ST_XMax(p_bounds) - ST_XMin(p_bounds)) AS fx,
           -p_extent / (ST_YMax(p_bounds) - ST_YMin(p_bounds)) AS fy,
           ST_XMin(p_bounds) AS x0, ST_YMax(p_bounds) AS y1,
           ST_MakeEnvelope(-p_buffer, -p_buffer, p_extent + p_buffer, p_extent + p_buffer, ST_SRID(p_geom)) AS box,
           ST_Dimension(p_geom) = 2 AS areal
  ),
  snapped AS (
    SELECT k.box, k.areal,
           ST_Simplify(ST_SnapToGrid(ST_Affine(p_geom, k.fx, 0, 0, k.fy, -k.x0 * k.fx, -k.y1 * k.fy), 1), 0, false) AS g
      FROM k
  ),
  clipped AS (
    SELECT CASE
             WHEN s.g IS NULL OR ST_IsEmpty(s.g) THEN NULL
             WHEN NOT s.areal THEN ST_SnapToGrid(ST_ClipByBox2D(s.g, s.box), 1)
             ELSE ST_ForcePolygonCCW(ST_CollectionExtract(ST_ReducePrecision(ST_ClipByBox2D(s.g, s.box), 1), 3))
           END AS g
      FROM snapped s
  )
  SELECT CASE WHEN c.g IS NULL OR ST_IsEmpty(c.g) THEN NULL
              WHEN GeometryType(c.g) = 'MULTIPOINT' THEN ST_RemoveRepeatedPoints(c.g)
              ELSE c.g END
    FROM clipped c
$$;

COMMENT ON FUNCTION hatang_mvt_geom(geometry, geometry, integer, integer) IS
  'ST_AsMVTGeom(geom, bounds, extent, buffer, clip => true) without protobuf: geometry (EPSG:3857) in integer tile coordinates 0..extent, y down, clipped to the tile grown by buffer units, polygons valid with exterior rings of positive area in tile space; NULL when nothing is left.';
