-- The box, in EPSG:4326 (the tables' SRID, so && uses their GiST indexes),
-- that selects the rows of Web Mercator tile z/x/y: the tile grown by 65 of its
-- 4096 units on each side, one more than the 64-unit buffer the tile geometry
-- keeps, so a vertex that rounds onto the buffer's edge is still selected.
-- Meridians and parallels are straight in EPSG:3857, so the transformed
-- envelope's bounding box is exactly the grown tile.
CREATE OR REPLACE FUNCTION hatang_tile_filter_box(p_z integer, p_x integer, p_y integer)
RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT ST_Transform(ST_TileEnvelope(p_z, p_x, p_y, margin => 65.0 / 4096), 4326) $$;

COMMENT ON FUNCTION hatang_tile_filter_box(integer, integer, integer) IS
  'Web Mercator tile z/x/y grown by 65/4096 of its width on each side, as a polygon in EPSG:4326, for && filters on the tables'' GiST indexes.';
