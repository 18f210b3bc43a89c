-- Rows of an administrative-units vector tile z/x/y (hatang_tile_districts,
-- hatang_tile_communes; see hatang_tile_sites for the shape): the units of
-- level p_level in boundary set p_boundary_set (NULL = the default set) whose
-- polygon reaches the tile, simplified for the zoom (hatang_tile_simplify),
-- with the properties the map styles, selects and joins by (code = the
-- source's promoteId; parentCode/parentName as the GeoJSON layer). Then one
-- label point a unit (ST_PointOnSurface, inside the polygon) as a feature of
-- its own, labelPoint = true with code and name, without a feature id, ordered
-- after every polygon: the client labels the units from the tiles. p_unit_id
-- keeps that unit and its descendants (as hatang_layer_admin_units). Below
-- p_min_zoom the tile is empty (a z5 view of the country holds ~10,000
-- communes: nobody reads them there).
CREATE OR REPLACE FUNCTION hatang_tile_admin_units(
  p_z integer, p_x integer, p_y integer, p_level text, p_min_zoom integer, p_boundary_set text, p_unit_id integer)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH shown AS (
    SELECT a.id, a.code, a.name, a.level, a.unit_type, a.boundary_set, a.geom,
           p.code AS parent_code, p.name AS parent_name
      FROM admin_units a
      LEFT JOIN admin_units p ON p.id = a.parent_id
     WHERE p_z >= p_min_zoom
       AND a.boundary_set = coalesce(p_boundary_set, (SELECT b.code FROM boundary_sets b WHERE b.is_default ORDER BY b.code LIMIT 1))
       AND a.level = p_level
       AND a.geom && hatang_tile_filter_box(p_z, p_x, p_y)
       AND (p_unit_id IS NULL OR a.id = p_unit_id OR a.parent_id = p_unit_id OR p.parent_id = p_unit_id)
  )
  SELECT s.id::bigint, ST_Transform(hatang_tile_simplify(s.geom, p_z), 3857), s.id::bigint,
         jsonb_build_object(
           'code', s.code, 'name', s.name, 'level', s.level, 'unitType', s.unit_type,
           'boundarySet', s.boundary_set, 'parentCode', s.parent_code, 'parentName', s.parent_name)
    FROM shown s
  UNION ALL
  SELECT NULL::bigint, ST_Transform(l.at, 3857), (1::bigint << 40) + l.id,
         jsonb_build_object('code', l.code, 'name', l.name, 'unitType', l.unit_type, 'labelPoint', true)
    FROM (SELECT s.id, s.code, s.name, s.unit_type, ST_PointOnSurface(s.geom) AS at FROM shown s OFFSET 0) l
   WHERE l.at && hatang_tile_filter_box(p_z, p_x, p_y)
$$;

COMMENT ON FUNCTION hatang_tile_admin_units(integer, integer, integer, text, integer, text, integer) IS
  'Admin units of one level in Web Mercator tile z/x/y (boundary set, default if NULL; unit p_unit_id and its descendants unless NULL; none below p_min_zoom): row id, polygon simplified for the zoom in EPSG:3857, order, properties (code, name, level, unitType, boundarySet, parentCode, parentName); then each unit''s label point (ST_PointOnSurface) without id (labelPoint = true, code, name, unitType).';
