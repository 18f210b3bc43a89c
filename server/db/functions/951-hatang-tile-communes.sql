-- Rows of the communes vector tile z/x/y (hatang_tile_admin_units): from
-- zoom 8 (10,836 communes over the country, ~10,000 in a z5 view; a planner
-- reads communes zoomed in on a province).
CREATE OR REPLACE FUNCTION hatang_tile_communes(
  p_z integer, p_x integer, p_y integer, p_boundary_set text, p_unit_id integer)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT * FROM hatang_tile_admin_units(p_z, p_x, p_y, 'commune', 8, p_boundary_set, p_unit_id) $$;

COMMENT ON FUNCTION hatang_tile_communes(integer, integer, integer, text, integer) IS
  'Communes in Web Mercator tile z/x/y from zoom 8 (boundary set, default if NULL; unit and its descendants unless NULL): polygons and label points, as hatang_tile_admin_units.';
