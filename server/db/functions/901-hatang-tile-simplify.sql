-- A line or polygon (EPSG:4326) simplified for Web Mercator tile zoom p_z:
-- Douglas-Peucker with a tolerance of half a tile unit (a tile is 4096 units,
-- 360° / 2^z wide), so what it drops is under the tile's own grid. A z5 tile
-- of the whole country then carries thousands of vertices, not the millions
-- of 150,000 km of fibre or the coverage unions. Below zoom 12 only: above,
-- a tile spans a few km and its features few vertices. Collapsed parts are
-- kept (preserveCollapsed): a small hamlet or gap still shows, as a speck.
-- Simplified before ST_Transform, so the transform costs the kept vertices.
CREATE OR REPLACE FUNCTION hatang_tile_simplify(p_geom geometry, p_z integer)
RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN p_z < 12 AND ST_Dimension(p_geom) > 0 THEN ST_Simplify(p_geom, 180.0 / (4096 * 2 ^ p_z), true) ELSE p_geom END
$$;

COMMENT ON FUNCTION hatang_tile_simplify(geometry, integer) IS
  'Line or polygon (EPSG:4326) simplified for Web Mercator tile zoom z (tolerance half a tile unit, below z12; collapsed parts kept); points and higher zooms as they are.';
