-- Rows of the districts vector tile z/x/y (hatang_tile_admin_units): from
-- zoom 6 (693 districts over the country; below, a province is a few pixels).
CREATE OR REPLACE FUNCTION hatang_tile_districts(
  p_z integer, p_x integer, p_y integer, p_boundary_set text, p_unit_id integer)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT * FROM hatang_tile_admin_units(p_z, p_x, p_y, 'district', 6, p_boundary_set, p_unit_id) $$;

COMMENT ON FUNCTION hatang_tile_districts(integer, integer, integer, text, integer) IS
  'Districts in Web Mercator tile z/x/y from zoom 6 (boundary set, default if NULL; unit and its descendants unless NULL): polygons and label points, as hatang_tile_admin_units.';
